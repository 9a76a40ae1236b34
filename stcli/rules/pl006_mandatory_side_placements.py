"""PL006 mandatory-side-placements: a VGR mandatory side placement is neither done nor planned.

VGR-FAQ "Obligatoriska sidotjänstgöringar" (rules.md v2): the mandatory sidotjänstgöringar
are the PL001 list, `specialties` here (internmedicin, psykiatri, barn-och-ungdomsmedicin,
akut-barnsjukvard, gynekologi). A specialty counts as done or planned when any
sidotjänstgöring of it exists, whatever its dates (PL001 judges the length). One finding
for the portfolio naming every missing one: info; a warning once as_of is within
`warn_within_months` (12) months of the projected completion, when there is little time
left to get a place. Active in VGR.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule
from stcli.rules.g001_delmal_evidence import completion_args, near_completion

DEFAULT_SPECIALTIES = ("internmedicin", "psykiatri", "barn-och-ungdomsmedicin",
                       "akut-barnsjukvard", "gynekologi")


@rule("PL006", "mandatory-side-placements")
def check(ctx: RuleContext) -> Iterator[Finding]:
    wanted = [str(s) for s in ctx.params.get("specialties", DEFAULT_SPECIALTIES)]
    present = {item.value.specialty for item in ctx.portfolio.placements
               if item.value.type == "sidotjanstgoring"}
    missing = [s for s in wanted if s not in present]
    if not missing:
        return
    severity = Severity.WARNING if near_completion(ctx) else Severity.INFO
    yield ctx.finding("missing", severity=severity, hint="plan", specialties=missing,
                      count=len(missing), hint_args=completion_args(ctx))
