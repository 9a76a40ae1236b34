"""T004 planned-end-too-early: `planned_end` in st.yaml is before the projected completion.

Derived from the portfolio's own data: the application for specialistbevis cannot be made
before the required months are served. Compares `planned_end` with the progress model's
projected completion (planned employment and leave included) and reports at st.yaml
`planned_end`, with how far apart the two dates are. When the requirement is never reached
with the planned employment (percent 0 or full leave for ever), any `planned_end` fires.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("T004", "planned-end-too-early")
def check(ctx: RuleContext) -> Iterator[Finding]:
    time = ctx.progress.time
    planned = ctx.profile.planned_end
    if planned is None:
        return
    located = ctx.portfolio.profile
    assert located is not None
    position = located.at("planned_end")
    completion = time.projected_completion
    if completion is None:
        yield ctx.finding("never", position, planned_end=planned, required=time.required,
                          served=time.served)
    elif planned < completion:
        yield ctx.finding("too_early", position, hint="move_planned_end", planned_end=planned,
                          completion=completion, days=(completion - planned).days,
                          remaining=time.remaining, hint_args={"completion": completion})
