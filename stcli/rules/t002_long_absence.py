"""T002 long-absence: much sick leave or VAB in one ST year (GÄVLEBORG 5.1.6).

Sjukskrivning and vab count as ST time, but "vid långa sjukskrivningar och/eller VAB kan
ST-tiden - efter individuell bedömning - komma att förlängas". Fires for each ST year (the
current one up to as_of) whose calendar days on a `sjukskrivning` or `vab` entry
(`StYear.absence_days`, overlapping entries counted once, a part-day entry as a day) exceed
`max_days` (30, tool default). Position: the leave entry on which the count passed the
limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from stcli.engine.progress import ABSENCE_KINDS, StYear
from stcli.findings import PORTFOLIO, Finding, Position
from stcli.rules import RuleContext, rule

DAY = dt.timedelta(days=1)


def _crossing(ctx: RuleContext, year: StYear, limit: int) -> Position:
    """The absence entry on which the year's count of absence days passes `limit`."""
    last = min(year.end, ctx.as_of)
    spans: list[tuple[dt.date, dt.date, Any]] = []
    for item in ctx.portfolio.leave:
        leave = item.value
        if leave.kind in ABSENCE_KINDS and leave.start <= last and leave.end >= year.start:
            spans.append((max(leave.start, year.start), min(leave.end, last), item))
    spans.sort(key=lambda span: (span[0], span[1]))
    count = 0
    covered: dt.date | None = None
    for first, final, item in spans:
        if covered is not None and first <= covered:
            first = covered + DAY
        if final >= first:
            count += (final - first).days + 1
            covered = final
        if count > limit:
            position: Position = item.position
            return position
    return PORTFOLIO


@rule("T002", "long-absence")
def check(ctx: RuleContext) -> Iterator[Finding]:
    limit = int(ctx.param("max_days"))
    for year in ctx.progress.years:
        if year.absence_days > limit:
            yield ctx.finding(
                "too_many_days", _crossing(ctx, year, limit), hint="talk_to_director",
                year=year.number, start=year.start, end=year.end, days=year.absence_days,
                max_days=limit)
