"""PL005 external-placement: a placement outside the home region longer than 1 month.

GÄVLEBORG 4.1.5: a placement in another region, paid by Region Gävleborg, is only possible
for a rural placement and then "under max en månad". A placement with `external: true`
whose inclusive period is longer than `max_months` (1) calendar month (2024-01-08 to
2024-02-07 is exactly one month) is reported at its `end`. Planned placements are judged
too, so that the plan can be changed in time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from stcli.engine.progress import months_between
from stcli.findings import Finding
from stcli.rules import RuleContext, rule

DAY = dt.timedelta(days=1)


@rule("PL005", "external-placement")
def check(ctx: RuleContext) -> Iterator[Finding]:
    months = int(ctx.param("max_months"))
    for item in ctx.portfolio.placements:
        placement = item.value
        if not placement.external or placement.end < placement.start:
            continue
        limit = months_between(placement.start, months) - DAY  # last day within the limit
        if placement.end <= limit:
            continue
        yield ctx.finding(
            "too_long", item.at("end"),
            type=placement.type, specialty=placement.specialty, unit=placement.unit,
            start=placement.start, end=placement.end, months=months,
            days=(placement.end - placement.start).days + 1,
        )
