"""G002 delmal-certificate: a delmål has evidence but no signed certificate.

For each ST delmål with at least one started evidence entry (`ctx.progress.delmal`) and
none of them with `certificate: signed`. Info; a warning once as_of is within
`warn_within_months` (12) months of the projected completion: the certificates
(Socialstyrelsen's forms for klinisk tjänstgöring, kurs, auskultation, utvecklingsarbete,
STa3) go with the application.

BT delmål are summarized in one finding while BT is not approved (as in G001), and not
checked after.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule
from stcli.rules.g001_delmal_evidence import (
    bt_open,
    bt_severity,
    completion_args,
    near_completion,
    requirement_text,
    title_of,
)

# Evidence types implied by a more specific one (a vårdcentral placement is both).
_IMPLIED = {"klinisk_tjanstgoring_primarvard": "klinisk_tjanstgoring",
            "vetenskapligt_arbete": "eget_intyg"}


def _shown(evidence: dict[str, int]) -> list[str]:
    """The evidence types to name: klinisk tjänstgöring is left out when all of it was in
    primary care (named as such), eget intyg when all of it is vetenskapligt arbete."""
    hidden = {implied for specific, implied in _IMPLIED.items()
              if evidence.get(specific) and evidence.get(implied) == evidence.get(specific)}
    return sorted(a for a, n in evidence.items() if n and a not in hidden)


@rule("G002", "delmal-certificate")
def check(ctx: RuleContext) -> Iterator[Finding]:
    severity = Severity.WARNING if near_completion(ctx) else Severity.INFO
    bt_uncertified: list[str] = []
    for status in ctx.progress.delmal:
        have = _shown(status.evidence)
        if not have or status.certified:
            continue
        if status.delmal.group == "bt":
            bt_uncertified.append(status.delmal.code)
            continue
        yield ctx.finding(
            "requested" if status.certificate_state == "requested" else "uncertified",
            severity=severity,
            code=status.delmal.code, title=title_of(status),
            evidence=requirement_text([(a,) for a in have], sep=", "),
            hint="record_signed_near" if severity is Severity.WARNING else "record_signed",
            hint_args=completion_args(ctx),
        )
    if bt_uncertified and bt_open(ctx):
        yield ctx.finding("bt_uncertified", severity=bt_severity(ctx),
                          codes=bt_uncertified, count=len(bt_uncertified))
