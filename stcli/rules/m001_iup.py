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

from stcli.findings import Finding
from stcli.rules import RuleContext, milestone_within, rule


@rule("M001", "iup")
def check(ctx: RuleContext) -> Iterator[Finding]:
    return milestone_within(ctx, "iup")
