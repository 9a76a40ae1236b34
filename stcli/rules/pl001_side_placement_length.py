"""PL001 side-placement-length: a sidotjänstgöring is shorter than VGR's usual length.

VGR-FAQ "Sidotjänstgöring" gives approximate lengths of the mandatory placements:
internmedicin 16 weeks (24 without Swedish AT, `swedish_at: false`), psykiatri 12,
barn-och-ungdomsmedicin 8, akut-barnsjukvard 4, gynekologi 4 (4-6). Info only: the
lengths are approximate and differ between VGR's areas.

How a placement's length is counted (our reading, documented in `st explain`):

* weeks = days of the placement (start and end inclusive) / 7, counted in the trainee's
  working time: a split placement (`percent` below the employment percent, e.g. two days a
  week at the clinic) counts its share only, part-time employment alone does not shorten
  it, and days on non-counting leave (föräldraledighet, tjänstledighet) are not counted;
* all sidotjänstgöringar in one specialty are added up (8 + 8 weeks of internmedicin is
  16), planned ones included, so a plan that falls short is seen before it starts;
* a specialty listed in `counts_with` counts towards another's length (rules.md v2:
  beroende with psykiatri, VGR-FAQ "Ibland tillkommer beroende");
* the finding points at the `end` of the specialty's last placement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from stcli.findings import Finding
from stcli.model import Placement, Profile
from stcli.portfolio import Located
from stcli.rules import RuleContext, rule

DAY = dt.timedelta(days=1)

DEFAULT_WEEKS: dict[str, int] = {
    "internmedicin": 16,
    "psykiatri": 12,
    "barn-och-ungdomsmedicin": 8,
    "akut-barnsjukvard": 4,
    "gynekologi": 4,
}
DEFAULT_INTERNMEDICIN_WITHOUT_SWEDISH_AT = 24
WITHOUT_AT_KEY = "internmedicin_without_swedish_at"


def _employment_percent(profile: Profile, day: dt.date) -> Fraction:
    percent = Fraction(100) if not profile.employment else Fraction(0)
    for step in sorted(profile.employment, key=lambda s: s.from_):
        if step.from_ <= day:
            percent = Fraction(step.percent)
    return percent


def placement_weeks(ctx: RuleContext, placement: Placement) -> Fraction:
    """Weeks of the trainee's working time spent in the placement (see the module doc)."""
    if placement.end < placement.start:
        return Fraction(0)
    timeline = ctx.progress.timeline
    total = Fraction(0)
    day = placement.start
    while day <= placement.end:
        share = Fraction(1)
        if placement.percent is not None:
            employment = _employment_percent(ctx.profile, day)
            if employment > 0:
                share = min(Fraction(1), Fraction(placement.percent) / employment)
        total += share * (1 - timeline.leave_share(day))
        day += DAY
    return total / 7


def _required(ctx: RuleContext) -> dict[str, int]:
    """Weeks by specialty from the `weeks` parameter, whose `internmedicin_without_swedish_at`
    replaces `internmedicin` for a trainee without Swedish AT."""
    weeks: dict[str, int] = dict(DEFAULT_WEEKS)
    without_at = DEFAULT_INTERNMEDICIN_WITHOUT_SWEDISH_AT
    configured: Any = ctx.params.get("weeks")
    if isinstance(configured, dict):
        for key, value in configured.items():
            if key == WITHOUT_AT_KEY:
                without_at = int(value)
            else:
                weeks[str(key)] = int(value)
    if not ctx.profile.swedish_at and "internmedicin" in weeks:
        weeks["internmedicin"] = without_at
    return weeks


def counts_with(ctx: RuleContext) -> dict[str, str]:
    """Specialty -> the mandatory specialty whose length it counts towards (beroende ->
    psykiatri), from the `counts_with` parameter."""
    configured: Any = ctx.params.get("counts_with")
    return {str(k): str(v) for k, v in configured.items()} if isinstance(
        configured, dict) else {}


@rule("PL001", "side-placement-length")
def check(ctx: RuleContext) -> Iterator[Finding]:
    required = _required(ctx)
    grouped = counts_with(ctx)
    by_specialty: dict[str, list[Located[Placement]]] = {}
    for item in ctx.portfolio.placements:
        placement = item.value
        specialty = grouped.get(placement.specialty, placement.specialty)
        if placement.type == "sidotjanstgoring" and specialty in required:
            by_specialty.setdefault(specialty, []).append(item)
    for specialty, items in sorted(by_specialty.items()):
        items.sort(key=lambda i: (i.value.start, i.value.end))
        weeks = sum((placement_weeks(ctx, i.value) for i in items), Fraction(0))
        minimum = required[specialty]
        if weeks >= minimum:
            continue
        last = items[-1]
        key = "too_short" if len(items) == 1 else "too_short_total"
        internmedicin = specialty == "internmedicin"
        yield ctx.finding(
            key, last.at("end"),
            hint="without_swedish_at" if internmedicin and not ctx.profile.swedish_at else None,
            specialty=specialty, weeks=weeks, required=minimum, count=len(items),
            start=last.value.start, end=last.value.end,
        )
