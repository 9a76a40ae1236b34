"""PL004 placement-certificate: a finished sidotjänstgöring or auskultation lacks its intyg.

GÄVLEBORG 4.1.5 (the supervisor at the placement "ska skyndsamt utfärda intyg ... efter
genomförd sidotjänstgöring"); VGR-FAQ Handledning. A `sidotjanstgoring` or `auskultation`
that ended more than `grace_days` (30, tool default) before as_of without
`certificate: signed` is reported at its `certificate` field (or the entry when the field
is absent). Placements that have not ended, or ended recently, are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding
from stcli.rules import RuleContext, rule

TYPES = ("sidotjanstgoring", "auskultation")


@rule("PL004", "placement-certificate")
def check(ctx: RuleContext) -> Iterator[Finding]:
    grace = int(ctx.param("grace_days"))
    for item in ctx.portfolio.placements:
        placement = item.value
        if placement.type not in TYPES or placement.certificate == "signed":
            continue
        days = (ctx.as_of - placement.end).days
        if days <= grace:
            continue
        yield ctx.finding(
            f"{'requested' if placement.certificate == 'requested' else 'missing'}_"
            f"{placement.type}",
            item.at("certificate"), hint="record_signed",
            type=placement.type, specialty=placement.specialty, unit=placement.unit,
            start=placement.start, end=placement.end, days=days,
        )
