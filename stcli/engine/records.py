"""The progress model's records: what rules, `st status` and the reports read.

Their own module (computed in `stcli.engine.progress`, the deadlines in
`stcli.engine.deadlines`): both computing modules import the records, neither the other's
back (engine/deadlines <-> engine/progress was an import cycle hidden in a function).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from stcli.engine.catalog import Delmal
from stcli.engine.timecount import Timeline
from stcli.findings import Msg


# The records below are read by rules, status and reports and changed by none. They are
# NamedTuples: immutable, and a NamedTuple class costs a fifth of a frozen dataclass to
# create at import (~1 ms each, on every `st` run). The two with an `index` field (which
# would hide tuple.index) stay frozen dataclasses.
class TimeProgress(NamedTuple):
    served: Fraction  # in ST + credited
    served_in_st: Fraction
    credited: Fraction
    required: int
    remaining: Fraction
    projected_completion: dt.date | None
    planned_end: dt.date | None
    leave_days_not_counted: Fraction
    percent_now: Fraction  # employment percent on as_of, 0-100
    half_time_date: dt.date | None  # when half the required months are (or will be) served

    @property
    def share_served(self) -> Fraction:
        """Served of required months, 0-1 (capped): the dashboard's bar and percent."""
        if self.required <= 0:
            return Fraction(1)
        return min(Fraction(1), self.served / self.required)

    @property
    def planned_end_margin_days(self) -> int | None:
        """Days from the projected completion to `planned_end` (negative: planned too early)."""
        if self.planned_end is None or self.projected_completion is None:
            return None
        return (self.planned_end - self.projected_completion).days


class Gap(NamedTuple):
    """Days in service strictly between two sessions (rules.md v2: summer days included)."""

    after: dt.date | None  # the session before the gap; None: from the start of ST
    before: dt.date | None  # the session after; None: up to as_of
    days: int
    summer_days: int = 0  # of those, in the summer window (Gävleborg only; else 0)
    # H001's limit for this gap: `max_gap_days`, or in Gävleborg `summer_max_gap_days`
    # when at least one of its days is in the summer window
    limit: int = 14

    @property
    def too_long(self) -> bool:
        return self.days > self.limit


class YearEntries(NamedTuple):
    """Which entries belong to an ST year: indices into the portfolio's list of each kind.

    Dated items (supervision to as_of, assessments to as_of, milestones) by the ST year
    holding their date unless they say `st_year:`; periods (placements, courses, leave,
    activities) when they share a day with the year, planned ones included.
    """

    placements: tuple[int, ...] = ()
    supervision: tuple[int, ...] = ()
    assessments: tuple[int, ...] = ()
    courses: tuple[int, ...] = ()
    leave: tuple[int, ...] = ()
    activities: tuple[int, ...] = ()
    milestones: tuple[int, ...] = ()


class StYear(NamedTuple):
    number: int
    start: dt.date
    end: dt.date  # inclusive, the calendar end of the year
    completed: bool  # ended before as_of
    days: int  # whole year
    noncounting_leave_days: Fraction  # within the year (whole year, planned leave included)
    weeks_in_service: Fraction  # supervision weeks: to min(end, as_of), not on leave, no summer
    supervision_minutes: int
    supervision_sessions: int
    assessments: int
    assessment_methods: tuple[tuple[str, int], ...]
    # A001's minimum × (days not on non-counting leave) / (days of the year), rounded up
    assessment_minimum: int
    absence_days: int  # sjukskrivning + vab days in the year
    # For the annual report: month credit of the year up to min(end, as_of), exact
    months_served: Fraction = Fraction(0)
    # served months in all (credited included) up to min(end, as_of)
    served_total: Fraction = Fraction(0)
    # supervision minutes per calendar month of the year, up to as_of: (YYYY-MM, minutes)
    supervision_per_month: tuple[tuple[str, int], ...] = ()
    entries: YearEntries = YearEntries()

    @property
    def minutes_per_week(self) -> Fraction | None:
        if self.weeks_in_service <= 0:
            return None
        return Fraction(self.supervision_minutes) / self.weeks_in_service


class SupervisionProgress(NamedTuple):
    last_session: dt.date | None
    sessions: int
    minutes: int
    gaps: tuple[Gap, ...]
    per_month: tuple[tuple[str, int], ...]  # the last 12 calendar months to as_of: (YYYY-MM, min)


@dataclass(frozen=True, eq=False)
class EvidenceRef:
    """One entry citing a delmål: `portfolio.entries(kind)[index]`."""

    kind: str  # placements | courses | activities
    index: int
    types: tuple[str, ...]  # activity types it is evidence of
    started: bool  # by as_of; otherwise planned
    certificate: str  # none | requested | signed


@dataclass(frozen=True, eq=False)
class ServicePeriod:
    """One line of the service list in Socialstyrelsen's application: a placement's days
    (to as_of) at one constant share of full time, non-counting leave taken off."""

    index: int  # into portfolio.placements
    start: dt.date
    end: dt.date  # cut at as_of
    percent: Fraction  # of full time, 0-100
    months: Fraction  # converted to full time, exact (month credit)
    ongoing: bool  # the placement goes on after as_of


class RequirementStatus(NamedTuple):
    """One requirement group of a delmål and its certificate (rules.md v2, G002)."""

    types: tuple[str, ...]  # the group's activity types (any one satisfies it)
    evidence: tuple[EvidenceRef, ...]  # started entries of those types
    planned: tuple[EvidenceRef, ...]  # entries not yet started
    state: str  # signed | requested | unsigned | missing (no evidence)
    form: str  # the certificate's form, e.g. "Bilaga 9" (catalog data)
    # the type the evidence (or its signed certificate) is of; None without evidence
    evidence_type: str | None = None
    # a milestone of the delmål's `certified_by` kind dated by as_of (STa3: sta3-intyg)
    certified_on: dt.date | None = None


REQUIREMENT_STATES = ("signed", "requested", "unsigned", "missing")


class DelmalStatus(NamedTuple):
    delmal: Delmal
    evidence: dict[str, int]  # activity type -> entries (started by as_of)
    planned: dict[str, int]  # activity type -> entries not yet started
    missing: tuple[tuple[str, ...], ...]  # requirement groups with no evidence
    # every requirement has a signed certificate of its own type (rules.md v2, G002)
    certified: bool
    assessments: int
    entries: tuple[EvidenceRef, ...] = ()  # the evidence itself, planned entries included
    requirements: tuple[RequirementStatus, ...] = ()  # one per group of delmal.requires
    # entries tagged with the delmål that cannot be its evidence (STc7 at a vårdcentral)
    not_counted: tuple[EvidenceRef, ...] = ()

    @property
    def requirements_met(self) -> int:
        """Requirement groups with evidence (of len(delmal.requires))."""
        return len(self.delmal.requires) - len(self.missing)

    @property
    def requirements_signed(self) -> int:
        return sum(1 for r in self.requirements if r.state == "signed")

    @property
    def certificate_state(self) -> str:
        """signed (every requirement), partial (some), requested (a certificate is asked
        for, none signed), none."""
        if self.certified:
            return "signed"
        if any(r.state == "signed" for r in self.requirements):
            return "partial"
        if any(r.state == "requested" for r in self.requirements):
            return "requested"
        return "none"


class DelmalSummary(NamedTuple):
    total: int  # delmål with requirements in the catalog
    complete: int  # of those: every requirement group has evidence
    certified: int  # of those: every requirement group has a signed certificate of its type


def summarize_delmal(statuses: tuple[DelmalStatus, ...]) -> DelmalSummary:
    return DelmalSummary(
        total=sum(1 for s in statuses if s.delmal.requires),
        complete=sum(1 for s in statuses if s.delmal.requires and not s.missing),
        certified=sum(1 for s in statuses if s.certified),
    )


class Deadline(NamedTuple):
    date: dt.date
    what: Msg
    code: str
    done: bool = False


class Progress(NamedTuple):
    as_of: dt.date
    st_start: dt.date
    st_year: int  # current, 0 before start
    time: TimeProgress
    years: tuple[StYear, ...]
    supervision: SupervisionProgress
    delmal: tuple[DelmalStatus, ...]
    deadlines: tuple[Deadline, ...]
    in_bt: bool
    timeline: Timeline
    # the service list (vardcentral and sidotjänstgöring; auskultation overlaps them)
    service: tuple[ServicePeriod, ...] = ()

    @property
    def service_months(self) -> Fraction:
        """Σ months of the service list (credited months not included)."""
        return sum((p.months for p in self.service), Fraction(0))

    @property
    def service_total(self) -> Fraction:
        """The sum line of the service list: its months plus credited months."""
        return self.service_months + self.time.credited

    @property
    def service_uncovered(self) -> Fraction:
        """Served months in ST that no line of the service list accounts for (days with
        no placement); negative when placements overlap beyond the employment."""
        return self.time.served_in_st - self.service_months

    def year(self, number: int) -> StYear | None:
        for year in self.years:
            if year.number == number:
                return year
        return None

    @property
    def current_year(self) -> StYear | None:
        return self.year(self.st_year)
