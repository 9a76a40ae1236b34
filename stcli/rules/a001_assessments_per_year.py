"""A001 assessments-per-year: too few kompetensbedömningar in a completed ST year.

GÄVLEBORG 5.1.4: "Sådan ska göras 4 – 6 gånger per år". Reads the progress model: each ST
year's assessments (dated in the year, or carrying `st_year:`; none after as_of or before
the ST start) and its minimum, `min_per_year` (4) pro rata for non-counting leave:
minimum × (days of the year not on non-counting leave) / (days of the year), rounded up
(`StYear.assessment_minimum`). Part time does not lower it. A completed year below its
minimum fires (warning); the current year is shown as progress (info) with how many remain
before the year ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule


@rule("A001", "assessments-per-year")
def check(ctx: RuleContext) -> Iterator[Finding]:
    full = int(ctx.param("min_per_year"))
    most = int(ctx.param("max_per_year"))
    for year in ctx.progress.years:
        args: dict[str, Any] = {"year": year.number, "start": year.start, "end": year.end,
                "count": year.assessments, "minimum": year.assessment_minimum,
                "full_minimum": full, "maximum": most,
                "remaining": max(0, year.assessment_minimum - year.assessments)}
        if year.completed:
            if year.assessments < year.assessment_minimum:
                key = "too_few" if year.assessment_minimum == full else "too_few_pro_rata"
                yield ctx.finding(key, hint="methods", **args)
        elif year.number == ctx.progress.st_year:
            key = "current_remaining" if year.assessments < year.assessment_minimum else (
                "current_done")
            yield ctx.finding(key, severity=Severity.INFO, **args)
