"""T001 projected-completion: served and required months and the projected completion date.

Always emitted (info), for the portfolio as a whole. Its source is the regulation the
portfolio follows, and only that one (rules.md: "cite only that one"), with
patientsäkerhetsförordningen 4 kap. 1 §. The figures are the progress model's
(`progress.time`), counted exactly as rules.md "Counting time" says: served months =
month credit from `start` to as_of plus credited months; required = 60 (54 with a doctoral
degree) under SOSFS 2015:8, 66 under HSLF-FS 2021:8; the completion date is the first day
on which the served months reach the requirement, with planned employment and leave.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("T001", "projected-completion")
def check(ctx: RuleContext) -> Iterator[Finding]:
    time = ctx.progress.time
    args: dict[str, Any] = {
        "served": time.served, "required": time.required, "remaining": time.remaining,
        "credited": time.credited, "completion": time.projected_completion}
    if time.projected_completion is None:
        finding = ctx.finding("never", **args)
    elif time.served >= time.required:
        finding = ctx.finding("reached", **args)
    elif time.credited:
        finding = ctx.finding("projected_credited", **args)
    else:
        finding = ctx.finding("projected", **args)
    yield finding._replace(source=f"{ctx.profile.regulation}; {ORDINANCE}")


ORDINANCE = "patientsäkerhetsförordningen 4:1"
