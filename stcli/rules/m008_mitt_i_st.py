"""M008 mitt-i-st: 12 months or less remain and no Mitt-i-ST is recorded.

SFAM 3 recommends Mitt-i-ST for every trainee ("with 2-3 years left, at the latest 1 year
left"); GÄVLEBORG 5.1.7 makes it mandatory. Info once as_of is within `months_remaining`
(12) calendar months of the projected completion (or past it) and no `mitt-i-st`
milestone exists, done or planned.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.engine.progress import months_between
from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("M008", "mitt-i-st")
def check(ctx: RuleContext) -> Iterator[Finding]:
    completion = ctx.progress.time.projected_completion
    if completion is None:
        return
    months = int(ctx.param("months_remaining"))
    if ctx.as_of < months_between(completion, -months):
        return
    if any(m.value.kind == "mitt-i-st" for m in ctx.portfolio.milestones):
        return
    yield ctx.finding("missing", hint="add", completion=completion, months=months,
                      remaining=ctx.progress.time.remaining)
