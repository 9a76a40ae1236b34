"""M006 studierektor-yearly: a completed ST year without the studierektor.

GÄVLEBORG 4.1.1: "ST-studierektorn ska involveras minst en gång per år" (warning in
Gävleborg); VÄSTMANLAND: a yearly årsuppföljning (info elsewhere). Every completed ST
year needs a `studierektorsmote` or `arsuppfoljning` milestone dated by as_of that
belongs to the year; years entirely on non-counting leave are not judged (as M004).
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule
from stcli.rules.m004_arsrapport import judged_years, year_kinds

KINDS = frozenset({"studierektorsmote", "arsuppfoljning"})


@rule("M006", "studierektor-yearly")
def check(ctx: RuleContext) -> Iterator[Finding]:
    for year in judged_years(ctx):
        if not KINDS & year_kinds(ctx, year):
            yield ctx.finding("missing", hint="add", year=year.number, start=year.start,
                              end=year.end)
