"""M002 iup-revision: the IUP has not been revised in the last 12 months.

GÄVLEBORG 4.1.1: the training plan "ska stämmas av och revideras kontinuerligt". Warning
when the latest `iup` or `iup-revision` dated by as_of is more than `within_months` (12)
months old, reported at that milestone. A portfolio with no IUP at all is M001's finding,
not this rule's.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.engine.progress import months_between
from stcli.findings import Finding
from stcli.rules import RuleContext, rule

KINDS = ("iup", "iup-revision")


@rule("M002", "iup-revision")
def check(ctx: RuleContext) -> Iterator[Finding]:
    months = int(ctx.param("within_months"))
    plans = [m for m in ctx.portfolio.milestones
             if m.value.kind in KINDS and m.value.date <= ctx.as_of]
    if not plans:
        return
    latest = max(plans, key=lambda m: m.value.date)
    due = months_between(latest.value.date, months)
    if ctx.as_of > due:
        yield ctx.finding("overdue", latest.at("date"), hint="add",
                          day=latest.value.date, due=due, months=months)
