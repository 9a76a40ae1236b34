"""T005 bt-length: HSLF-FS 2021:8 bastjänstgöring too short, or not approved in time.

Patientsäkerhetsförordningen 4 kap. 1 § (SFS 2020:1098): BT is at least 6 months, counted
into the 66. Under HSLF-FS 2021:8 this fires when

* the BT period `bt.start`–`bt.end` gives fewer than `min_bt_months` (6) months converted to
  full time (the month credit of rules.md "Counting time": part time and non-counting leave
  make it longer; a planned end is judged as planned), at `bt.end`;
* `approval_within_months` (24) served months after the ST `start` have passed (rules.md
  v2: served months, like T001: leave that does not count and part time extend it) and BT
  has no approval:
  neither `bt.approved` nor a `bt-intyg` milestone on or before as_of (regions aim at the BT
  certificate within the first two years), at `bt.approved`, `bt` or, without any `bt:`,
  at `regulation`.

An approval recorded after the deadline satisfies the rule: the BT is approved and nothing
is left to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction

from stcli.findings import Finding
from stcli.rules import RuleContext, rule

HSLF = "HSLF-FS 2021:8"


@rule("T005", "bt-length")
def check(ctx: RuleContext) -> Iterator[Finding]:
    profile = ctx.profile
    if profile.regulation != HSLF:
        return
    located = ctx.portfolio.profile
    assert located is not None
    minimum = Fraction(str(ctx.params.get("min_bt_months", 6)))
    within = int(ctx.params.get("approval_within_months", 24))
    bt = profile.bt
    if bt is not None and bt.end is not None and bt.end >= bt.start:
        months = ctx.progress.timeline.month_credit(bt.start, bt.end)
        if months < minimum:
            yield ctx.finding("too_short", located.at("bt.end"), start=bt.start, end=bt.end,
                              months=months, min_months=_n(minimum))
    # The first day after `within` served months: at full time with no leave, exactly
    # `within` calendar months after the start.
    reached = ctx.progress.timeline.date_reaching(Fraction(within), profile.start, Fraction(0))
    if reached is None:
        return  # never reached (no employment ahead): nothing to judge yet
    deadline: dt.date = reached + dt.timedelta(days=1)
    if ctx.as_of <= deadline:
        return
    approvals = [m.value.date for m in ctx.portfolio.milestones
                 if m.value.kind == "bt-intyg" and m.value.date <= ctx.as_of]
    if bt is not None and bt.approved is not None and bt.approved <= ctx.as_of:
        approvals.append(bt.approved)
    if approvals:
        return
    if bt is None:
        yield ctx.finding("no_bt", located.at("regulation"), hint="record_approval",
                          deadline=deadline, months=within, start=profile.start)
    else:
        position = located.at("bt.approved") if bt.approved else located.at("bt")
        yield ctx.finding("not_approved", position, hint="record_approval",
                          deadline=deadline, months=within, start=profile.start)


def _n(value: Fraction) -> int | Fraction:
    """A whole number is shown without decimals (6 months), others with one."""
    return int(value) if value.denominator == 1 else value
