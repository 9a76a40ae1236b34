"""K003 course-collision: a course overlaps a compressed sidotjänstgöring.

VÄSTMANLAND: plan courses so that they do not collide with sidotjänstgöring, "framför allt
placering på Kvinnokliniken och Barnkliniken, placeringen där är komprimerad och ... du
behöver full närvaro". A course sharing at least one day with a `sidotjanstgoring` in one
of `specialties` (gynekologi, obstetrik, barn-och-ungdomsmedicin, akut-barnsjukvard) is
reported at the course's `start`. Planned courses and placements are checked too: that
is when the collision can still be avoided.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("K003", "course-collision")
def check(ctx: RuleContext) -> Iterator[Finding]:
    specialties = {str(s) for s in ctx.param("specialties")}
    placements = [
        p for p in ctx.portfolio.placements
        if p.value.type == "sidotjanstgoring" and p.value.specialty in specialties
        and p.value.end >= p.value.start
    ]
    for item in ctx.portfolio.courses:
        course = item.value
        if course.end < course.start:
            continue
        for other in placements:
            placement = other.value
            if course.start <= placement.end and placement.start <= course.end:
                yield ctx.finding(
                    "overlap", item.at("start"),
                    title=course.title, start=course.start, end=course.end,
                    specialty=placement.specialty, unit=placement.unit,
                    placement_start=placement.start, placement_end=placement.end,
                )
