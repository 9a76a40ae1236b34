"""M009 final-evaluation: 3 months or less remain and no final evaluation is planned.

GÄVLEBORG 5.1.8: "Två till tre månader före beräknad tidpunkt för uppnådd
specialistkompetens ska en slutvärdering göras av studierektor", unless the trainee takes
the specialistexamen (strongly recommended). Info once as_of is within `months_remaining`
(3) calendar months of the projected completion (or past it) and neither a `slutvardering`
nor a `specialistexamen` milestone exists, done or planned.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.engine.progress import months_between
from stcli.findings import Finding
from stcli.rules import RuleContext, rule

KINDS = frozenset({"slutvardering", "specialistexamen"})


@rule("M009", "final-evaluation")
def check(ctx: RuleContext) -> Iterator[Finding]:
    completion = ctx.progress.time.projected_completion
    if completion is None:
        return
    months = int(ctx.param("months_remaining"))
    if ctx.as_of < months_between(completion, -months):
        return
    if any(m.value.kind in KINDS for m in ctx.portfolio.milestones):
        return
    yield ctx.finding("missing", hint="add", completion=completion, months=months)
