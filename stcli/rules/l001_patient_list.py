"""L001 patient-list: the listed patients differ from the guide for this stage of the ST.

Two guides, by region (the setting's `variant`, else st.yaml `region`):

* Region Gävleborg (GÄVLEBORG 5.1.1): at full time "ca 500-600 patienter" at the start,
  "+150 om året", "upp till 1200-1300 under det sista halvåret", reduced in proportion for
  part time. The year count is the served months (credited included) / 12, so that leave
  and part time do not count as experience; within the last 6 months before the
  requirement is met the band is `end_min`–`end_max`. The band is multiplied by the
  employment percent on as_of. Fires when the list in force at as_of (`patient_list`) is
  below or above the band.
* elsewhere (SFAM 1, quoting Socialstyrelsen): "lista 550 invånare på ST-läkare som är i
  mitten av sin ST". Once half the required months are served, fires when the list is below
  `mid_st` (550) × the employment percent. Before mid-ST this guide says nothing.

Info only; reported at the `size` of the list entry in force. Without a list entry in force
at as_of nothing is judged.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from stcli.findings import Finding
from stcli.rules import RuleContext, rule

LAST_HALF_YEAR = 6  # months before the requirement is met: "det sista halvåret"


def _param(ctx: RuleContext, name: str) -> Fraction:
    return Fraction(str(ctx.param(name)))


def _whole(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


@rule("L001", "patient-list")
def check(ctx: RuleContext) -> Iterator[Finding]:
    located = ctx.portfolio.profile
    assert located is not None
    steps = sorted(enumerate(ctx.profile.patient_list), key=lambda step: step[1].from_)
    current = [(i, s) for i, s in steps if s.from_ <= ctx.as_of]
    if not current:
        return
    index, step = current[-1]
    time = ctx.progress.time
    share = time.percent_now / 100
    if share <= 0:
        return
    position = located.at(f"patient_list.{index}.size")
    variant = ctx.setting.variant or ctx.profile.region
    args: dict[str, Any] = {"size": step.size, "percent": _whole(time.percent_now),
                            "served": time.served, "required": time.required}
    if variant == "gavleborg":
        years = time.served / 12
        end_min, end_max = _param(ctx, "end_min"), _param(ctx, "end_max")
        if time.remaining <= LAST_HALF_YEAR:
            low, high = end_min, end_max
            last_half_year = True
        else:
            per_year = _param(ctx, "per_year")
            low = min(_param(ctx, "start_min") + per_year * years, end_min)
            high = min(_param(ctx, "start_max") + per_year * years, end_max)
            last_half_year = False
        low, high = low * share, high * share
        if low <= step.size <= high:
            return
        args.update(years=years, low=_whole(low), high=_whole(high))
        if last_half_year:
            if step.size < low:
                yield ctx.finding("below_last_half_year", position, **args)
            else:
                yield ctx.finding("above_last_half_year", position, **args)
        elif step.size < low:
            yield ctx.finding("below", position, **args)
        else:
            yield ctx.finding("above", position, **args)
    else:
        if time.served * 2 < time.required:
            return
        target = _param(ctx, "mid_st") * share
        if step.size < target:
            yield ctx.finding("below_mid_st", position, target=_whole(target), **args)
