"""M005 handledarutlatande: a completed ST year has no supervisor's statement.

GÄVLEBORG 5.1.4: "Ett handledarutlåtande ska skrivas av huvudhandledaren årligen". Every
completed ST year needs a `handledarutlatande` milestone dated by as_of that belongs to the
year (by date, or `st_year:` when written after the year ended); years entirely on
non-counting leave are not judged (as M004).
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule
from stcli.rules.m004_arsrapport import judged_years, year_kinds


@rule("M005", "handledarutlatande")
def check(ctx: RuleContext) -> Iterator[Finding]:
    for year in judged_years(ctx):
        if "handledarutlatande" not in year_kinds(ctx, year):
            yield ctx.finding("missing", hint="add", hint_args={"year": year.number},
                              year=year.number, start=year.start,
                              end=year.end)
