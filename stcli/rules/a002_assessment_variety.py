"""A002 assessment-variety: a completed ST year's assessments all use one method.

VGR-RÅD "Kompetensbedömning och utbildningsplan": assess different parts (konsultation,
undersökningsteknik, praktiska färdigheter), review records, referrals and certificates,
use video. For each completed ST year with at least one assessment, fires (info) when its
assessments use fewer than `min_methods` (2) different methods (`StYear.assessment_methods`).
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("A002", "assessment-variety")
def check(ctx: RuleContext) -> Iterator[Finding]:
    wanted = int(ctx.param("min_methods"))
    for year in ctx.progress.years:
        if not year.completed or year.assessments == 0:
            continue
        methods = [method for method, _ in year.assessment_methods]
        if len(methods) >= wanted:
            continue
        key = "one_method" if len(methods) == 1 else "few_methods"
        yield ctx.finding(key, hint="vary", year=year.number, start=year.start,
                          end=year.end, count=year.assessments, methods=methods,
                          method=methods[0], wanted=wanted)
