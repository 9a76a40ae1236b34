"""Upcoming deadlines, part of the progress model (status, reports and reminder rules read them).

Each deadline names the rule it belongs to; parameters come from that rule's settings so a
region's values (Mitt-i-ST registration 24 months before the end in Gävleborg) hold here too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from stcli.engine.records import Deadline
from stcli.engine.settings import RuleSetting
from stcli.findings import Msg
from stcli.model import Profile
from stcli.portfolio import Portfolio

if TYPE_CHECKING:
    from stcli.engine.records import Progress


def _months(day: dt.date, months: int) -> dt.date:
    moved: dt.date = day + relativedelta(months=months)
    return moved


def _param(settings: dict[str, RuleSetting], code: str, name: str) -> Any:
    """A rule's parameter as the packs (and st.yaml) set it: the packs are its one source."""
    return settings[code].params[name]


def _active(settings: dict[str, RuleSetting], code: str) -> bool:
    setting = settings.get(code)
    return bool(setting and setting.active)


def upcoming_deadlines(portfolio: Portfolio, profile: Profile, progress: Progress,
                       settings: dict[str, RuleSetting]) -> Iterator[Deadline]:
    """Every deadline on or after as_of, in date order."""
    as_of = progress.as_of
    found: list[Deadline] = []

    def add(day: dt.date | None, key: str, code: str, **args: Any) -> None:
        if day is not None and day >= as_of and _active(settings, code):
            found.append(Deadline(day, Msg(f"deadline.{key}", args), code))

    milestones = [m.value for m in portfolio.milestones]
    kinds = {m.kind for m in milestones if m.date <= as_of}
    kinds_any = {m.kind for m in milestones}

    # IUP revised every 12 months (M002)
    iups = [m.date for m in milestones if m.kind in ("iup", "iup-revision") and m.date <= as_of]
    if iups:
        add(_months(max(iups), int(_param(settings, "M002", "within_months"))),
            "iup_revision", "M002")
    elif progress.st_year >= 1:
        add(_months(profile.start, int(_param(settings, "M001", "within_months"))),
            "iup", "M001")
    if "st-kontrakt" not in kinds:
        add(_months(profile.start, int(_param(settings, "M003", "within_months"))),
            "st_kontrakt", "M003")

    completion = progress.time.projected_completion
    if completion is not None:
        if "mitt-i-st-anmalan" not in kinds_any:
            months = int(_param(settings, "M007", "months_before_completion"))
            add(_months(completion, -months), "mitt_i_st_registration", "M007")
        if "mitt-i-st" not in kinds_any:
            months = int(_param(settings, "M008", "months_remaining"))
            add(_months(completion, -months), "mitt_i_st", "M008")
        if not kinds_any & {"slutvardering", "specialistexamen"}:
            months = int(_param(settings, "M009", "months_remaining"))
            add(_months(completion, -months), "final_evaluation", "M009")

    # The current ST year's report and supervisor's statement (M004, M005)
    year = progress.current_year
    if year is not None:
        def has(kind: str) -> bool:
            return any(
                m.kind == kind and (m.st_year or _year_of(profile, m.date)) == year.number
                for m in milestones
            )
        if not has("arsrapport"):
            add(year.end, "arsrapport", "M004", year=year.number)
        if not has("handledarutlatande"):
            add(year.end, "handledarutlatande", "M005", year=year.number)

    # BT certificate within 24 months of start (T005)
    if profile.regulation == "HSLF-FS 2021:8" and profile.bt and not profile.bt.approved:
        months = int(_param(settings, "T005", "approval_within_months"))
        add(_months(profile.start, months), "bt_approval", "T005")

    # Planning forms for placements ahead (PL002)
    variant = settings["PL002"].variant if "PL002" in settings else None
    for item in portfolio.placements:
        placement = item.value
        if placement.type != "sidotjanstgoring" or placement.start <= as_of:
            continue
        planning = placement.planning
        exempt_units = _param(settings, "PL002", "exempt_units")
        if variant in (None, "form_sent") and not (planning and planning.form_sent) and not (
                exempt(placement.unit, exempt_units)):
            months = int(_param(settings, "PL002", "form_sent_months_before"))
            add(_months(placement.start, -months), "placement_form", "PL002",
                specialty=placement.specialty, start=placement.start)
        if variant in (None, "contacted") and not (planning and planning.contacted):
            months = int(_param(settings, "PL002", "contact_months_before"))
            add(_months(placement.start, -months), "placement_contact", "PL002",
                specialty=placement.specialty, start=placement.start)

    # Course funding approved before the cancellation deadline (K001)
    for located_course in portfolio.courses:
        course = located_course.value
        if course.funding and not course.funding.approved and course.cancellation_deadline:
            add(course.cancellation_deadline, "course_approval", "K001", title=course.title)

    found.sort(key=lambda d: (d.date, d.code))
    yield from found


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def exempt(unit: str, exempt_units: Any) -> bool:
    """A unit a region exempts from the placement form (PL002): it contains every word of one
    of `exempt_units` ("Medicinkliniken, Västerås sjukhus" matches "Medicinkliniken Västerås")."""
    have = _words(unit)
    return any(_words(str(entry)) <= have for entry in exempt_units or () if str(entry).strip())


def _year_of(profile: Profile, day: dt.date) -> int:
    from stcli.engine.timecount import st_year_of

    return st_year_of(profile.start, day)
