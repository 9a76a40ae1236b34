"""M001 iup: no individual training plan (IUP) within 6 months of the start of ST.

GÄVLEBORG 4.1.1 (the plan is drawn up "ungefär 6 månader in i tjänstgöringen");
VÄSTMANLAND (IUP at the startseminarium); VGR-RÅD. Judged once `within_months` (6) months
from `start` have passed:

* no `iup` milestone dated by as_of: warning;
* the first `iup` came after the limit: info, saying when (it is done now, and a warning
  nobody can fix would only teach the trainee to ignore warnings).

An IUP made before the start of ST (VGR-RÅD asks for one during service before ST) counts.
Before the limit the IUP is a deadline in `st status`, not a finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.engine.progress import months_between
from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule


@rule("M001", "iup")
def check(ctx: RuleContext) -> Iterator[Finding]:
    months = int(ctx.params.get("within_months", 6))
    due = months_between(ctx.profile.start, months)
    iups = sorted((m for m in ctx.portfolio.milestones
                   if m.value.kind == "iup" and m.value.date <= ctx.as_of),
                  key=lambda m: m.value.date)
    facts: dict[str, Any] = {"start": ctx.profile.start, "due": due, "months": months}
    if iups and iups[0].value.date <= due:
        return
    if iups:
        yield ctx.finding("late", iups[0].at("date"), severity=Severity.INFO,
                          day=iups[0].value.date, **facts)
    elif ctx.as_of > due:
        yield ctx.finding("missing", hint="add", **facts)
