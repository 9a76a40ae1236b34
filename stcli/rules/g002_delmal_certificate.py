"""G002 delmal-certificate: a required activity type has evidence but no signed certificate.

rules.md v2: a delmål is certified only when every requirement group has a signed
certificate of one of its own types (`DelmalStatus.requirements`, computed once in the
progress model); a signed optional course does not certify a clinical requirement. One
finding per ST delmål naming each requirement whose evidence is started but unsigned
(or only requested), with the form it needs (catalog data: `forms:` of the regulation
pack). Requirements with no evidence at all are G001's. A delmål `certified_by` a
milestone (STa3: `sta3-intyg`, Bilaga 12) is certified by that milestone alone.

Info; a warning once as_of is within `warn_within_months` (12) months of the projected
completion: the certificates go with the application.

BT delmål are summarized in one finding while BT is not approved (as in G001), and not
checked after.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.engine.progress import RequirementStatus
from stcli.findings import Finding, Severity
from stcli.rules import RuleContext, rule
from stcli.rules.g001_delmal_evidence import (
    Localized,
    activity_label,
    bt_open,
    bt_severity,
    completion_args,
    near_completion,
    title_of,
)

UNSIGNED = ("unsigned", "requested")


def requirement_forms(requirements: list[RequirementStatus], regulation: str) -> Localized:
    """'klinisk tjänstgöring (Bilaga 9, begärt); kurs (Bilaga 10)' in both languages."""

    def word(lang: str) -> str:
        parts = []
        for requirement in requirements:
            activity = requirement.evidence_type or requirement.types[0]
            label = activity_label(activity, lang, regulation)
            details = [requirement.form] if requirement.form else []
            if requirement.state == "requested":
                details.append("begärt" if lang == "sv" else "requested")
            parts.append(f"{label} ({', '.join(details)})" if details else label)
        return "; ".join(parts)

    return Localized(word("sv"), word("en"))


@rule("G002", "delmal-certificate")
def check(ctx: RuleContext) -> Iterator[Finding]:
    severity = Severity.WARNING if near_completion(ctx) else Severity.INFO
    regulation = ctx.profile.regulation
    bt_uncertified: list[str] = []
    for status in ctx.progress.delmal:
        open_requirements = [r for r in status.requirements if r.state in UNSIGNED]
        if not open_requirements:
            continue
        if status.delmal.group == "bt":
            bt_uncertified.append(status.delmal.code)
            continue
        if status.delmal.certified_by:
            hint = "record_milestone"
        else:
            hint = "record_signed_near" if severity is Severity.WARNING else "record_signed"
        yield ctx.finding(
            "uncertified", severity=severity,
            code=status.delmal.code, title=title_of(status),
            requirements=requirement_forms(open_requirements, regulation),
            count=len(open_requirements),
            hint=hint,
            hint_args={**completion_args(ctx), "milestone": status.delmal.certified_by or "",
                       "form": open_requirements[0].form},
        )
    if bt_uncertified and bt_open(ctx):
        yield ctx.finding("bt_uncertified", severity=bt_severity(ctx),
                          codes=bt_uncertified, count=len(bt_uncertified))
