"""S001 study-time: the agreed study time is less than 4 hours a week at full time.

GÄVLEBORG 4.1.2 ("fyra timmars studietid ska avsättas varje vecka vid heltidsanställning
... Vid deltid reduceras studietiden utifrån anställningsgrad"); VGR-FAQ
Kompetensutvecklingstid. Fires when st.yaml `study_hours_per_week` is below
`hours_per_week_full_time` (4) × the employment percent on as_of / 100, at that field.
A portfolio that does not state its study time is not judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("S001", "study-time")
def check(ctx: RuleContext) -> Iterator[Finding]:
    hours = ctx.profile.study_hours_per_week
    if hours is None:
        return
    full = Fraction(str(ctx.param("hours_per_week_full_time")))
    percent = ctx.progress.time.percent_now
    required = full * percent / 100
    if Fraction(hours) >= required:
        return
    located = ctx.portfolio.profile
    assert located is not None
    yield ctx.finding("too_little", located.at("study_hours_per_week"), hint="contract",
                      hours=_n(Fraction(hours)), full=_n(full), percent=_n(percent),
                      required=_n(required))


def _n(value: Fraction) -> int | Fraction:
    """Whole numbers without decimals (4 h, 80 %), others with one (3,2 h)."""
    return int(value) if value.denominator == 1 else value
