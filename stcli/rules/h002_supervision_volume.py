"""H002 supervision-volume: under an hour of supervision a week in a completed ST year.

VGR-FAQ ("minst en timmes handledning per vecka oavsett tjänstgöringsgrad"), GÄVLEBORG 5.1.2
("minst en timme per vecka"; thinner in the summer), VGR-RÅD. For each completed ST year the
progress model's supervision minutes are divided by its weeks in service (days of the year
not on leave, divided by 7; in Gävleborg, whose pack sets the summer window
`summer_start`–`summer_end`, also outside that window: rules.md v2);
below `min_minutes_per_week` (60) fires. Part time does not lower the 60 minutes. The
current ST year is shown as progress (info), with the minutes still needed to be on pace.
A year with no week in service is not judged.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule


@rule("H002", "supervision-volume")
def check(ctx: RuleContext) -> Iterator[Finding]:
    minimum = Fraction(str(ctx.params.get("min_minutes_per_week", 60)))
    for year in ctx.progress.years:
        pace = year.minutes_per_week
        if pace is None:
            continue
        args: dict[str, Any] = {"year": year.number, "start": year.start, "end": year.end,
                "minutes": year.supervision_minutes, "sessions": year.supervision_sessions,
                "weeks": year.weeks_in_service, "per_week": pace,
                "min_per_week": int(minimum) if minimum.denominator == 1 else minimum}
        if year.completed:
            if pace < minimum:
                yield ctx.finding("too_little", **args)
        elif year.number == ctx.progress.st_year:
            needed = math.ceil(minimum * year.weeks_in_service - year.supervision_minutes)
            if needed > 0:
                yield ctx.finding("current_behind", severity=Severity.INFO, needed=needed,
                                  **args)
            else:
                yield ctx.finding("current", severity=Severity.INFO, **args)
