"""D010 future-record: a supervision session or assessment dated after as_of.

Sessions and assessments record what happened; one dated ahead is usually a typo in the
year. Planned placements, courses, leave and activities may lie ahead and are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("D010", "future-record")
def check(ctx: RuleContext) -> Iterator[Finding]:
    for kind in ("supervision", "assessments"):
        for item in ctx.portfolio.entries(kind):
            if item.value.date > ctx.as_of:
                yield ctx.finding(kind, item.at("date"), day=item.value.date,
                                  as_of=ctx.as_of)
