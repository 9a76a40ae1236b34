"""D006 date-order: a period ends before it starts, or a step function is out of order.

Checks `end` before `start` in every kind with a period, BT, and that `employment` and
`patient_list` are in date order with the first `employment` step not after `start`.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.portfolio import activity_first_day
from stcli.rules import RuleContext, rule


@rule("D006", "date-order")
def check(ctx: RuleContext) -> Iterator[Finding]:
    profile = ctx.profile
    located = ctx.portfolio.profile
    assert located is not None
    if profile.bt and profile.bt.end and profile.bt.end < profile.bt.start:
        yield ctx.finding("end_before_start", located.at("bt.end"), start=profile.bt.start,
                          end=profile.bt.end)
    for name in ("employment", "patient_list"):
        steps = getattr(profile, name)
        for index in range(1, len(steps)):
            if steps[index].from_ <= steps[index - 1].from_:
                yield ctx.finding("steps_out_of_order", located.at(f"{name}.{index}.from"),
                                  field=name, day=steps[index].from_,
                                  previous=steps[index - 1].from_)
    if profile.employment and min(s.from_ for s in profile.employment) > profile.start:
        yield ctx.finding("employment_after_start", located.at("employment.0.from"),
                          day=profile.employment[0].from_, start=profile.start)
    for kind in ("placements", "courses", "leave"):
        for item in ctx.portfolio.entries(kind):
            if item.value.end < item.value.start:
                yield ctx.finding("end_before_start", item.at("end"), start=item.value.start,
                                  end=item.value.end)
    for item in ctx.portfolio.activities:
        first = activity_first_day(item.value)
        if item.value.end is not None and first is not None and item.value.end < first:
            yield ctx.finding("end_before_start", item.at("end"), start=first,
                              end=item.value.end)
