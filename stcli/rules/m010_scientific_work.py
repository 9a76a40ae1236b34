"""M010 scientific-work: the scientific work is not done by half-time, or came too early.

VÄSTMANLAND: "Vetenskapligt arbete senast halvvägs på ST/BT-ST och efter genomförd kurs i
Vetenskapsmetodik" (warning there); GÄVLEBORG 4.1.3 (info elsewhere). Two findings:

* `served_share` (0.5) of the required months are served (credited months included) and
  no `vetenskapligt-arbete` activity is `done`: reported at the status of the work in
  progress, or for the portfolio when there is none. Under HSLF-FS 2021:8 a hint adds
  that the work is needed for SFAM's specialistexamen rather than for the certificate.
* a `vetenskapligt-arbete` started before the first course whose title names scientific
  method (`method_course_words`, case-insensitive: "vetenskaplig metodik",
  "vetenskapsmetodik", "forskningsmetodik"), planned ones included: reported at the
  work's start. Without such a course this half is silent.
* (rules.md v2, always info) a `vetenskapligt-arbete` that is done has no `presented`
  date: GÄVLEBORG 4.1.3 asks that it "presenteras muntligt"; at the work's `status`.

The half-time reading of "senast halvvägs" is the tool's own (`served_share`).
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from stcli.findings import PORTFOLIO, Finding, Severity
from stcli.portfolio import activity_first_day, activity_last_day
from stcli.rules import RuleContext, rule

DEFAULT_WORDS = ("vetenskaplig metodik", "vetenskapsmetodik", "forskningsmetodik")


def served_threshold(ctx: RuleContext) -> tuple[bool, Fraction]:
    """Whether `served_share` of the required months is served, and that many months."""
    share = Fraction(str(ctx.params.get("served_share", 0.5)))
    threshold = ctx.progress.time.required * share
    return ctx.progress.time.served >= threshold, threshold


@rule("M010", "scientific-work")
def check(ctx: RuleContext) -> Iterator[Finding]:
    works = [a for a in ctx.portfolio.activities if a.value.kind == "vetenskapligt-arbete"]
    reached, threshold = served_threshold(ctx)
    done = [w for w in works if w.value.status == "done"
            and (activity_last_day(w.value) is None or activity_last_day(w.value) <= ctx.as_of)]
    if reached and not done:
        ongoing = [w for w in works if w.value.status != "planned"]
        hslf = ctx.profile.regulation == "HSLF-FS 2021:8"
        yield ctx.finding(
            "not_done_ongoing" if ongoing else "not_done",
            ongoing[0].at("status") if ongoing else PORTFOLIO,
            hint="hslf_examen" if hslf else None,
            served=ctx.progress.time.served, threshold=threshold,
            required=ctx.progress.time.required,
        )
    for work in done:
        if work.value.presented is None:
            yield ctx.finding("not_presented", work.at("status"), severity=Severity.INFO,
                              hint="add_presented", title=work.value.title or "")
    words = [str(w).casefold() for w in ctx.params.get("method_course_words", DEFAULT_WORDS)]
    courses = sorted((c for c in ctx.portfolio.courses
                      if any(w in c.value.title.casefold() for w in words)),
                     key=lambda c: c.value.start)
    if not courses:
        return
    course = courses[0].value
    for work in works:
        first = activity_first_day(work.value)
        if first is not None and first < course.start:
            yield ctx.finding(
                "before_course", work.at("start") if work.value.start else work.at("date"),
                day=first, title=course.title, course_start=course.start,
            )
