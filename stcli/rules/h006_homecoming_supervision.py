"""H006 homecoming-supervision: a homecoming day without a supervision session that day.

GÄVLEBORG 5.1.2: supervision continues during a sidotjänstgöring and is to be scheduled
"även ... på hemvändardagarna". For each `homecoming_days` date of a sidotjänstgöring up to
as_of (a day still ahead is a plan) with no supervision session dated that day: info, at
that date in the placement. Active in Region Gävleborg.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("H006", "homecoming-supervision")
def check(ctx: RuleContext) -> Iterator[Finding]:
    session_days = {item.value.date for item in ctx.portfolio.supervision}
    for item in ctx.portfolio.placements:
        placement = item.value
        if placement.type != "sidotjanstgoring":
            continue
        for index, day in enumerate(placement.homecoming_days):
            if day <= ctx.as_of and day not in session_days:
                yield ctx.finding("no_session", item.at(f"homecoming_days.{index}"),
                                  hint="schedule", day=day, specialty=placement.specialty)
