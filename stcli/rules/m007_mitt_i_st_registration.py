"""M007 mitt-i-st-registration: Mitt-i-ST not registered in time.

Registration for Mitt-i-ST (SFAM's mid-term evaluation) is due `months_before_completion`
months before the projected completion: 24 in Gävleborg (GÄVLEBORG 5.1.7: "senast 24
månader innan beräknad ansökan om specialistkompetens"), 18 otherwise (SFAM).

* No `mitt-i-st-anmalan` dated by as_of and the due date has passed: warning.
* A registration planned (dated ahead) after the due date: warning at its date.
* Otherwise, with no registration, a reminder (info) once as_of is within
  `reminder_months` (3) of the due date; the date is the deadline of the progress model,
  the one `st status` shows.

A `mitt-i-st` already done, or any registration done, ends the rule. Nothing is judged
without a projected completion.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.engine.progress import months_between
from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule


@rule("M007", "mitt-i-st-registration")
def check(ctx: RuleContext) -> Iterator[Finding]:
    completion = ctx.progress.time.projected_completion
    if completion is None:
        return
    milestones = ctx.portfolio.milestones
    if any(m.value.kind == "mitt-i-st" and m.value.date <= ctx.as_of for m in milestones):
        return
    registrations = sorted((m for m in milestones if m.value.kind == "mitt-i-st-anmalan"),
                           key=lambda m: m.value.date)
    if any(m.value.date <= ctx.as_of for m in registrations):
        return
    months = int(ctx.param("months_before_completion"))
    due = months_between(completion, -months)
    facts: dict[str, Any] = {"due": due, "completion": completion, "months": months}
    if ctx.as_of > due:
        yield ctx.finding("overdue", hint="add", **facts)
        return
    if registrations:
        planned = registrations[0]
        if planned.value.date > due:
            yield ctx.finding("planned_late", planned.at("date"), day=planned.value.date,
                              **facts)
        return
    window = int(ctx.param("reminder_months"))
    deadline = next((d for d in ctx.progress.deadlines
                     if d.code == "M007" and d.what.key == "deadline.mitt_i_st_registration"),
                    None)
    if deadline is not None and ctx.as_of >= months_between(deadline.date, -window):
        yield ctx.finding("reminder", severity=Severity.INFO, hint="add",
                          **{**facts, "due": deadline.date})
