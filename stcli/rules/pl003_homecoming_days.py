"""PL003 homecoming-days: a long sidotjänstgöring has too few homecoming days.

VÄSTMANLAND: "Hemvändardag under randning bör planeras med 1 dag/månad på randning längre
än 6 veckor". A sidotjänstgöring longer than `min_weeks` (6) calendar weeks needs at least
one `homecoming_days` date per whole calendar month of the placement (start 2024-09-02,
end 2024-12-22: 3 whole months). Only dates inside the placement count.

Not judged: split placements (`percent` below the employment percent, e.g. two days a
week at the clinic), since the trainee is at the vårdcentral every week anyway. A
placement not yet started gets an info finding (plan the days) rather than a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction

from dateutil.relativedelta import relativedelta

from stcli.engine.progress import employment_percent
from stcli.findings import Finding, Severity
from stcli.model import Placement, Profile
from stcli.rules import RuleContext, rule

DAY = dt.timedelta(days=1)


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole calendar months in the inclusive period start..end."""
    delta = relativedelta(end + DAY, start)
    return int(delta.years * 12 + delta.months)



def _split(profile: Profile, placement: Placement) -> bool:
    if placement.percent is None:
        return False
    return Fraction(placement.percent) < employment_percent(profile, placement.start)


@rule("PL003", "homecoming-days")
def check(ctx: RuleContext) -> Iterator[Finding]:
    min_days = int(ctx.param("min_weeks")) * 7
    per_month = int(ctx.param("days_per_month"))
    for item in ctx.portfolio.placements:
        placement = item.value
        if placement.type != "sidotjanstgoring" or placement.end < placement.start:
            continue
        days = (placement.end - placement.start).days + 1
        if days <= min_days or _split(ctx.profile, placement):
            continue
        months = whole_months(placement.start, placement.end)
        needed = months * per_month
        have = sum(1 for d in set(placement.homecoming_days)
                   if placement.start <= d <= placement.end)
        if have >= needed:
            continue
        planned = placement.start > ctx.as_of
        yield ctx.finding(
            "planned_too_few" if planned else "too_few",
            item.at("homecoming_days") if placement.homecoming_days else item.at("start"),
            severity=Severity.INFO if planned else None,
            hint="add_days",
            specialty=placement.specialty, start=placement.start, end=placement.end,
            weeks=Fraction(days, 7), months=months, needed=needed, have=have,
        )
