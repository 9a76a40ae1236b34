"""K001 course-approval: a funded course lacks the studierektor's approval in time.

VGR-FAQ Kurser: ST-medel are applied for in ST-forum and the studierektor must approve
"innan sista avbokningsdag"; otherwise the trainee or the vårdcentral pays. For a course
with `funding`:

* `funding.approved` after `cancellation_deadline`: warning at `funding.approved`;
* no `funding.approved` and the cancellation deadline has passed, or (without a deadline)
  the course has started: warning;
* no `funding.approved` yet and the deadline still ahead: the application may still be
  approved in time (the source allows booking before approval), so this is a reminder
  (info) naming the deadline (the one `st status` lists among the deadlines).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule


@rule("K001", "course-approval")
def check(ctx: RuleContext) -> Iterator[Finding]:
    for item in ctx.portfolio.courses:
        course = item.value
        funding = course.funding
        if funding is None:
            continue
        deadline = course.cancellation_deadline
        facts: dict[str, Any] = {"title": course.title, "start": course.start, "deadline": deadline}
        if funding.approved is not None:
            if deadline is not None and funding.approved > deadline:
                yield ctx.finding("approved_late", item.at("funding.approved"),
                                  approved=funding.approved, **facts)
            continue
        position = item.at("funding")
        if deadline is not None and deadline < ctx.as_of:
            yield ctx.finding("not_approved_deadline_passed", position,
                              hint="record_approval", **facts)
        elif deadline is None and course.start <= ctx.as_of:
            yield ctx.finding("not_approved", position, hint="record_approval", **facts)
        elif deadline is not None:
            # the progress model's K001 deadline for this course is this same date
            yield ctx.finding("pending", position, severity=Severity.INFO,
                              hint="record_approval", **facts)
        else:
            yield ctx.finding("pending_no_deadline", position, severity=Severity.INFO,
                              hint="record_approval", **facts)
