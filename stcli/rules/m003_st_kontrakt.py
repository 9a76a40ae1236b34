"""M003 st-kontrakt: no ST contract within 7 months of the start of ST.

GÄVLEBORG 4.1.1 ("Ett ST-kontrakt ska upprättas efter cirka 6 månaders anställning");
VÄSTMANLAND ("ST-överenskommelse"). Judged once `within_months` (7) months from `start`
have passed: no `st-kontrakt` milestone dated by as_of is a warning; one signed after the
limit is info saying when (as M001).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.engine.progress import months_between
from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule


@rule("M003", "st-kontrakt")
def check(ctx: RuleContext) -> Iterator[Finding]:
    months = int(ctx.params.get("within_months", 7))
    due = months_between(ctx.profile.start, months)
    contracts = sorted((m for m in ctx.portfolio.milestones
                        if m.value.kind == "st-kontrakt" and m.value.date <= ctx.as_of),
                       key=lambda m: m.value.date)
    facts: dict[str, Any] = {"start": ctx.profile.start, "due": due, "months": months}
    if contracts and contracts[0].value.date <= due:
        return
    if contracts:
        yield ctx.finding("late", contracts[0].at("date"), severity=Severity.INFO,
                          day=contracts[0].value.date, **facts)
    elif ctx.as_of > due:
        yield ctx.finding("missing", hint="add", **facts)
