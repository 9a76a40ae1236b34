"""G001 delmal-evidence: a delmål lacks an entry for one of its required activity types.

The required activities come from the delmål catalog in force (the regulation's pack as
corrected by the portfolio); the evidence from the progress model (`ctx.progress.delmal`:
placements vardcentral/sidotjanstgoring → klinisk tjänstgöring, auskultation, courses,
kvalitetsarbete and vetenskapligt arbete, each counted once started). One finding per ST
delmål with a requirement group that no entry covers, naming what is missing and what is
already planned for it.

Info; a warning once as_of is within `warn_within_months` (12) months of the projected
completion, when there is little time left to arrange a placement or course.

A delmål whose clinical requirement needs a kind of unit (`requires_specialty`, STc7/c7)
counts only placements and auskultationer there; when an entry names it elsewhere (a
vårdcentral period) the finding's hint says where the service must be.

BT delmål (HSLF-FS 2021:8, group "bt") are BT001's (rules.md v2): G001 leaves them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from stcli.engine.progress import DelmalStatus, months_between
from stcli.findings import Finding, Severity
from stcli.i18n import t
from stcli.pii import mask_identity_numbers
from stcli.rules import RuleContext, rule


@dataclass(frozen=True, slots=True)
class Localized:
    """Text in both languages for a message argument.

    Message arguments are worded when the message is rendered, after the language is
    chosen; text a rule builds (activity names, delmål titles) is given in both languages
    and the catalog picks one with a format spec: `{missing:sv}` / `{missing:en}`.
    """

    sv: str
    en: str

    def __format__(self, spec: str) -> str:
        return self.en if spec == "en" else self.sv

    def __str__(self) -> str:
        return self.sv


def activity_label(activity: str, lang: str, regulation: str = "") -> str:
    """The activity type as the regulation names it: `kvalitetsarbete` is "deltagande i
    utvecklingsarbete" under HSLF-FS 2021:8, "kvalitets- och utvecklingsarbete" before."""
    if activity == "kvalitetsarbete" and regulation == "HSLF-FS 2021:8":
        activity = "utvecklingsarbete"
    return t(f"rule.G001.activity_{activity}", lang)


def requirement_text(groups: Iterable[tuple[str, ...]], sep: str = "; ",
                     regulation: str = "") -> Localized:
    """`[[klinisk_tjanstgoring, auskultation], [kurs]]` as 'klinisk tjänstgöring eller
    auskultation; kurs' in both languages."""
    groups = list(groups)

    def word(lang: str) -> str:
        alternative = " eller " if lang == "sv" else " or "
        return sep.join(alternative.join(activity_label(a, lang, regulation) for a in group)
                        for group in groups)

    return Localized(word("sv"), word("en"))


def title_of(status: DelmalStatus) -> Localized:
    delmal = status.delmal
    # Titles are not cut like other echoed values; a corrected one from st.yaml is masked.
    return Localized(mask_identity_numbers(delmal.localized_title("sv")),
                     mask_identity_numbers(delmal.localized_title("en")))


def near_completion(ctx: RuleContext) -> bool:
    """Whether as_of is within `warn_within_months` of the projected completion."""
    completion = ctx.progress.time.projected_completion
    if completion is None:
        return False
    months = int(ctx.params.get("warn_within_months", 12))
    return ctx.as_of >= months_between(completion, -months)


def bt_open(ctx: RuleContext) -> bool:
    """Whether BT delmål still matter: HSLF-FS 2021:8 and BT not yet approved."""
    profile = ctx.profile
    if profile.regulation != "HSLF-FS 2021:8":
        return False
    if profile.bt is not None and profile.bt.approved is not None \
            and profile.bt.approved <= ctx.as_of:
        return False
    return not any(m.value.kind == "bt-intyg" and m.value.date <= ctx.as_of
                   for m in ctx.portfolio.milestones)


def bt_severity(ctx: RuleContext) -> Severity:
    bt = ctx.profile.bt
    if bt is not None and bt.end is not None and bt.end < ctx.as_of:
        return Severity.WARNING
    return Severity.INFO


def planned_groups(status: DelmalStatus, groups: Iterable[tuple[str, ...]]) -> list[
        tuple[str, ...]]:
    return [g for g in groups if any(status.planned.get(a) for a in g)]


def completion_args(ctx: RuleContext) -> dict[str, dt.date | None]:
    return {"completion": ctx.progress.time.projected_completion}


@rule("G001", "delmal-evidence")
def check(ctx: RuleContext) -> Iterator[Finding]:
    severity = Severity.WARNING if near_completion(ctx) else Severity.INFO
    for status in ctx.progress.delmal:
        if not status.missing or status.delmal.group == "bt":
            continue
        planned = planned_groups(status, status.missing)
        regulation = ctx.profile.regulation
        hint = "near_completion" if severity is Severity.WARNING else None
        if status.delmal.requires_specialty and status.not_counted:
            # STc7/c7: an entry names the delmål but is at a unit of another kind
            hint = "requires_specialty"
        yield ctx.finding(
            "missing_planned" if planned else "missing", severity=severity,
            code=status.delmal.code, title=title_of(status),
            missing=requirement_text(status.missing, regulation=regulation),
            planned=requirement_text(planned, regulation=regulation),
            hint=hint,
            hint_args={**completion_args(ctx),
                       "specialties": ", ".join(status.delmal.requires_specialty)},
        )
