"""M011 quality-work: half of ST served and no quality work started.

VÄSTMANLAND: "Kvalitets- och utvecklingsarbete bör planeras tidigt"; GÄVLEBORG 4.1.3.
Info once `served_share` (0.5) of the required months are served (credited months
included) and no `kvalitetsarbete` activity has started (status not `planned`, first day
by as_of). A planned one is named in the message.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.findings import Finding
from stcli.portfolio import activity_first_day
from stcli.rules import RuleContext, rule
from stcli.rules.m010_scientific_work import served_threshold


@rule("M011", "quality-work")
def check(ctx: RuleContext) -> Iterator[Finding]:
    reached, threshold = served_threshold(ctx)
    if not reached:
        return
    works = [a for a in ctx.portfolio.activities if a.value.kind == "kvalitetsarbete"]
    started = [w for w in works if w.value.status != "planned"
               and (activity_first_day(w.value) is None
                    or activity_first_day(w.value) <= ctx.as_of)]
    if started:
        return
    facts: dict[str, Any] = {"served": ctx.progress.time.served, "threshold": threshold,
             "required": ctx.progress.time.required}
    if works:
        planned = works[0]
        yield ctx.finding("planned_only", planned.at("status"),
                          day=activity_first_day(planned.value), **facts)
    else:
        yield ctx.finding("missing", hint="add", **facts)
