"""D008 unknown-reference: a supervisor or assessor id not declared in st.yaml.

A supervision session's `supervisor` is always an id. An assessment's `assessor` and a
placement's or activity's `supervisor` may be an id or a name: a single word without
spaces that is not declared is taken as a mistyped id, text with a space as a name.
Format v2: an entry of `specialists:` in st.yaml written as text is a supervisor id.
"""

from __future__ import annotations

from collections.abc import Iterator

from stcli.findings import Finding, Position
from stcli.load import suggest
from stcli.rules import RuleContext, rule


@rule("D008", "unknown-reference")
def check(ctx: RuleContext) -> Iterator[Finding]:
    ids = [s.id for s in ctx.profile.supervisors]
    known = set(ids)

    def unknown(value: str, strict: bool) -> bool:
        if value in known:
            return False
        return strict or " " not in value.strip()

    def finding(position: Position, value: str) -> Finding:
        near = suggest(value, ids) if ids else None
        return ctx.finding("unknown", position,
                           hint="did_you_mean" if near else "declare",
                           hint_args={"value": near} if near else {}, value=value)

    for item in ctx.portfolio.supervision:
        value = item.value.supervisor
        if value is not None and unknown(value, strict=True):
            yield finding(item.at("supervisor"), value)
    for assessment in ctx.portfolio.assessments:
        value = assessment.value.assessor
        if value is not None and unknown(value, strict=False):
            yield finding(assessment.at("assessor"), value)
    located = ctx.portfolio.profile
    if located is not None:
        for index, specialist in enumerate(ctx.profile.specialists):
            if isinstance(specialist, str) and unknown(specialist, strict=True):
                yield finding(located.at(f"specialists.{index}"), specialist)
    for kind in ("placements", "activities"):
        for entry in ctx.portfolio.entries(kind):
            named = entry.value.supervisor
            if isinstance(named, str) and unknown(named, strict=False):
                yield finding(entry.at("supervisor"), named)
    # Entries with an error elsewhere (a wrong date) are checked too: one error must not
    # hide another until it is fixed.
    for kind, incomplete in ctx.portfolio.incomplete.items():
        key = "assessor" if kind == "assessments" else "supervisor"
        for partial in incomplete:
            named = partial.value.get(key)
            if isinstance(named, str) and unknown(named, strict=kind == "supervision"):
                yield finding(partial.at(key), named)
