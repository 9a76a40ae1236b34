"""M013 st-days: the region's ST days are missing.

rules.md v2, two regions:

* Västmanland: "Startseminarium ST/BT-ST läkare – anordnas av Studierektor, obligatoriskt
  för nya läkare": once ST year 1 has ended with no `startseminarium` milestone dated by
  its end (one before the start counts), for the portfolio.
* Gävleborg (5.1.5): the monthly ST days; a completed ST year with no `st-dag` activity
  in it (dated in the year, or a period sharing a day with it), one finding per year.

Which half applies is the pack's `variant` (`startseminarium` | `st_dag`); without one
(switched on by a user elsewhere) both. Info. Active in Västmanland and Gävleborg.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.portfolio import activity_first_day, activity_last_day
from stcli.rules import RuleContext, rule


@rule("M013", "st-days")
def check(ctx: RuleContext) -> Iterator[Finding]:
    variant = ctx.setting.variant  # None (switched on by a user elsewhere): both halves
    years = ctx.progress.years
    if variant in (None, "startseminarium") and years and years[0].completed:
        first = years[0]
        if not any(m.value.kind == "startseminarium" and m.value.date <= first.end
                   for m in ctx.portfolio.milestones):
            yield ctx.finding("no_startseminarium", hint="add_startseminarium",
                              end=first.end)
    if variant not in (None, "st_dag"):
        return
    days = [(activity_first_day(a.value), activity_last_day(a.value) or
             activity_first_day(a.value)) for a in ctx.portfolio.activities
            if a.value.kind == "st-dag" and a.value.status != "planned"]
    for year in years:
        if not year.completed:
            continue
        if not any(first is not None and last is not None
                   and first <= year.end and last >= year.start for first, last in days):
            yield ctx.finding("no_st_day", hint="add_st_day", year=year.number,
                              start=year.start, end=year.end)
