"""D009 overlapping-placements: clinical placements on the same days exceed the employment.

`vardcentral` and `sidotjanstgoring` placements sharing days may not add up to more than
the employment percent on those days; a placement without `percent` takes all of it.
Auskultation may overlap anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction

from stcli.findings import Finding
from stcli.model import Placement
from stcli.portfolio import Located
from stcli.rules import RuleContext, rule

DAY = dt.timedelta(days=1)


@rule("D009", "overlapping-placements")
def check(ctx: RuleContext) -> Iterator[Finding]:
    items = sorted(
        (p for p in ctx.portfolio.placements
         if p.value.type != "auskultation" and p.value.end >= p.value.start),
        key=lambda p: (p.value.start, p.value.end),
    )
    reported: set[int] = set()
    for i, later in enumerate(items):
        for earlier in items[:i]:
            if earlier.value.end < later.value.start or id(later) in reported:
                continue
            first = max(earlier.value.start, later.value.start)
            last = min(earlier.value.end, later.value.end)
            # Everything on the first shared day, plus anything else running then.
            day = first
            while day <= last:
                running = [p for p in items if p.value.start <= day <= p.value.end]
                employment = _employment(ctx, day)
                total = sum((_share(p.value.percent, employment) for p in running),
                            Fraction(0))
                if total > employment:
                    reported.add(id(later))
                    yield ctx.finding("overlap", later.at("start"), day=day,
                                      other=earlier.value.unit, total=_whole(total),
                                      employment=_whole(employment))
                    break
                day = _next_change(items, day, last)


def _whole(value: Fraction) -> int | Fraction:
    """Percent as written: 100, not 100.0."""
    return int(value) if value.denominator == 1 else value


def _employment(ctx: RuleContext, day: dt.date) -> Fraction:
    percent = Fraction(100) if not ctx.profile.employment else Fraction(0)
    for step in sorted(ctx.profile.employment, key=lambda s: s.from_):
        if step.from_ <= day:
            percent = Fraction(step.percent)
    return percent


def _share(percent: object, employment: Fraction) -> Fraction:
    return employment if percent is None else Fraction(str(percent))


def _next_change(items: list[Located[Placement]], day: dt.date, last: dt.date) -> dt.date:
    """The next day on which the set of running placements can change."""
    candidates: list[dt.date] = [p.value.start for p in items if p.value.start > day]
    candidates += [p.value.end + DAY for p in items if p.value.end >= day]
    upcoming = [c for c in candidates if c > day]
    return min([*upcoming, last + DAY])
