"""PL002 placement-planning: a sidotjänstgöring was not prepared in time.

Two regional variants (the region's pack sets `variant`):

* `form_sent` (VÄSTMANLAND): the form for the placement ("blankett för randning") is sent
  `form_sent_months_before` (3) months before the start, except to the units in
  `exempt_units` ("gäller inte Medicinkliniken Västerås"); recorded as
  `planning.form_sent`;
* `contacted` (GÄVLEBORG 4.1.5: "minst 2-3 månader före"): the receiving clinic is
  contacted `contact_months_before` (2) months before the start; `planning.contacted`.

Without a variant (a user who switches the rule on outside those regions) both are checked.

For each sidotjänstgöring: a recorded date after the deadline is a warning (at that date);
no date is a warning once the placement has started or its deadline has passed. For a
planned placement whose deadline is still ahead the rule reminds (info) when the deadline
is within `remind_within_months` (3); the deadline is read from the progress model's
deadlines, the same list `st status` shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from stcli.engine.deadlines import exempt
from stcli.engine.progress import Deadline, months_between
from stcli.findings import Finding, Severity
from stcli.model import Placement
from stcli.portfolio import Located
from stcli.rules import RuleContext, rule

VARIANTS: dict[str, tuple[str, str, str]] = {
    # variant: (planning field, months parameter, deadline message key)
    "form_sent": ("form_sent", "form_sent_months_before", "deadline.placement_form"),
    "contacted": ("contacted", "contact_months_before", "deadline.placement_contact"),
}


def _deadline_for(ctx: RuleContext, key: str, placement: Placement) -> Deadline | None:
    for deadline in ctx.progress.deadlines:
        args = deadline.what.args
        if (deadline.code == "PL002" and deadline.what.key == key
                and args.get("start") == placement.start
                and args.get("specialty") == placement.specialty):
            return deadline
    return None


def _check_one(ctx: RuleContext, item: Located[Placement], variant: str) -> Iterator[Finding]:
    placement = item.value
    field, param, deadline_key = VARIANTS[variant]
    months = int(ctx.param(param))
    due = months_between(placement.start, -months)
    recorded: dt.date | None = getattr(placement.planning, field, None)
    facts: dict[str, Any] = {"specialty": placement.specialty, "unit": placement.unit,
             "start": placement.start, "due": due, "months": months}
    if recorded is not None:
        if recorded > due:
            yield ctx.finding(f"{variant}_late", item.at(f"planning.{field}"), day=recorded,
                              **facts)
        return
    if placement.start <= ctx.as_of or due < ctx.as_of:
        key = f"{variant}_missing" if placement.start <= ctx.as_of else f"{variant}_overdue"
        yield ctx.finding(key, item.at("start"), hint=f"{variant}_record", **facts)
        return
    deadline = _deadline_for(ctx, deadline_key, placement)
    window = int(ctx.param("remind_within_months"))
    if deadline is not None and months_between(deadline.date, -window) <= ctx.as_of:
        yield ctx.finding(f"{variant}_reminder", item.at("start"), severity=Severity.INFO,
                          hint=f"{variant}_record", **{**facts, "due": deadline.date})


@rule("PL002", "placement-planning")
def check(ctx: RuleContext) -> Iterator[Finding]:
    variant = ctx.setting.variant
    variants = (variant,) if variant in VARIANTS else tuple(VARIANTS)
    exempt_units = ctx.param("exempt_units")
    for item in ctx.portfolio.placements:
        if item.value.type != "sidotjanstgoring" or item.value.end < item.value.start:
            continue
        for name in variants:
            if name == "form_sent" and exempt(item.value.unit, exempt_units):
                continue
            yield from _check_one(ctx, item, name)
