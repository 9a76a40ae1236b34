"""K002 course-certificate: a finished course has no signed certificate.

Every course behind a delmål needs Socialstyrelsen's course certificate (SOSFS 2015:8
bilaga 5, HSLF-FS 2021:8 bilaga 10), signed by the kursledare or the handledare. A course
that ended more than `grace_days` (30) before as_of without `certificate: signed` is
reported at its `certificate` field (or the entry when the field is absent).
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("K002", "course-certificate")
def check(ctx: RuleContext) -> Iterator[Finding]:
    grace = int(ctx.param("grace_days"))
    for item in ctx.portfolio.courses:
        course = item.value
        if course.certificate == "signed":
            continue
        days = (ctx.as_of - course.end).days
        if days <= grace:
            continue
        yield ctx.finding(
            "requested" if course.certificate == "requested" else "missing",
            item.at("certificate"), hint="record_signed",
            title=course.title, start=course.start, end=course.end, days=days,
        )
