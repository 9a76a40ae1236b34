"""T003 credited-time: more credited (tillgodoräknad) time than the inskrivning allows.

VGR-FAQ "Övriga frågor": "Har du arbetat i 6 månader eller längre under ST-lika
förhållanden räknar vi vid inskrivningen in max 6 månader. Vid mittvärderingen kan den
tillgodoräknade tiden komma att justeras." Fires when Σ `credited.months` (the progress
model's `time.credited`) exceeds `max_months` (6), at the `months` of the credited entry
that passes the limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from stcli.findings import Finding
from stcli.rules import RuleContext, rule


@rule("T003", "credited-time")
def check(ctx: RuleContext) -> Iterator[Finding]:
    limit = Fraction(str(ctx.param("max_months")))
    credited = ctx.progress.time.credited
    if credited <= limit:
        return
    located = ctx.portfolio.profile
    assert located is not None
    position = located.at("credited")
    running = Fraction(0)
    for index, credit in enumerate(ctx.profile.credited):
        running += Fraction(credit.months)
        if running > limit:
            position = located.at(f"credited.{index}.months")
            break
    yield ctx.finding("too_much", position, hint="midway",
                      hint_args={"max_months": _n(limit)}, credited=credited,
                      max_months=_n(limit), entries=len(ctx.profile.credited))


def _n(value: Fraction) -> int | Fraction:
    """A whole number is shown without decimals (6 months), others with one."""
    return int(value) if value.denominator == 1 else value
