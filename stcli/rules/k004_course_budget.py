"""K004 course-budget: more courses in one calendar year than the yearly course budget.

VGR-FAQ Kurser: the region's yearly course budget per trainee "brukar räcka till cirka två
obligatoriska kurser och därutöver i genomsnitt en till två icke-obligatoriska kurser per
år". Courses are counted by the calendar year of their `start`, planned ones included
(that is when the budget is planned); a year with more than `max_mandatory_per_year` (2)
mandatory or more than `max_other_per_year` (2) other courses gives one finding, at the first
course over the limit.

Not counted: courses with `cost_sek: 0` (they take nothing from the budget) and courses
before the start of ST (pre-ST courses are paid by the employer, VGR-RÅD).
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.model import Course
from stcli.portfolio import Located
from stcli.rules import RuleContext, rule


@rule("K004", "course-budget")
def check(ctx: RuleContext) -> Iterator[Finding]:
    limits = {
        True: int(ctx.param("max_mandatory_per_year")),
        False: int(ctx.param("max_other_per_year")),
    }
    groups: dict[tuple[int, bool], list[Located[Course]]] = {}
    for item in ctx.portfolio.courses:
        course = item.value
        if course.cost_sek == 0 or course.start < ctx.profile.start:
            continue
        groups.setdefault((course.start.year, course.mandatory), []).append(item)
    for (year, mandatory), items in sorted(groups.items()):
        limit = limits[mandatory]
        if len(items) <= limit:
            continue
        items.sort(key=lambda i: (i.value.start, i.value.title))
        first_over = items[limit]
        yield ctx.finding(
            "mandatory" if mandatory else "other", first_over.at("start"),
            year=year, count=len(items), limit=limit,
            titles=[i.value.title for i in items],
        )
