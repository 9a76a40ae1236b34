"""The one progress model: computed once per run, read by rules, `st status` and reports.

Pure: a loaded portfolio, the date it is judged at, the settings and the delmål catalog
in; figures out. Time is exact (Fraction); rounding happens only when shown.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from typing import Any, NamedTuple

from stcli.engine.catalog import Delmal, DelmalCatalog
from stcli.engine.settings import RuleSetting
from stcli.engine.timecount import LeaveSpan, Timeline, add_years, st_year_bounds, st_year_of
from stcli.findings import Msg
from stcli.model import Leave, Placement, Profile
from stcli.portfolio import Located, Portfolio, activity_first_day, activity_last_day

DAY = dt.timedelta(days=1)
NONCOUNTING_KINDS = frozenset({"foraldraledighet", "tjanstledighet"})
ABSENCE_KINDS = frozenset({"sjukskrivning", "vab"})  # count, but long absence may extend ST


def leave_counts(leave: Leave) -> bool:
    """Whether a leave entry counts as ST time (portfolio-format.md, leave/)."""
    if leave.kind in NONCOUNTING_KINDS:
        return False
    if leave.kind == "other":
        return bool(leave.counts)
    return True


def required_months(profile: Profile, catalog: DelmalCatalog) -> int:
    if profile.regulation == "SOSFS 2015:8":
        if profile.doctoral_degree:
            return int(catalog.required_months_doctoral or 54)
        return int(catalog.required_months or 60)
    return int(catalog.required_months or 66)


def month_key(day: dt.date) -> str:
    """`2026-03` for any day in March 2026 (strftime is slower, called per session)."""
    return f"{day.year:04d}-{day.month:02d}"


Summer = tuple[tuple[int, int], tuple[int, int]]


def in_summer_window(day: dt.date, start: tuple[int, int], end: tuple[int, int]) -> bool:
    return start <= (day.month, day.day) <= end


def _month_day(text: Any, default: tuple[int, int]) -> tuple[int, int]:
    try:
        month, day = str(text).split("-")
        return int(month), int(day)
    except (ValueError, AttributeError):
        return default


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


# --- computing ---------------------------------------------------------------------------------


def build_timeline(profile: Profile, leave: list[Located[Leave]]) -> Timeline:
    steps = [(s.from_, Fraction(s.percent) / 100) for s in profile.employment]
    steps.sort(key=lambda step: step[0])
    if not steps:
        steps = [(profile.start, Fraction(1))]  # no employment given: full time from start
    spans = [
        LeaveSpan(item.value.start, item.value.end, Fraction(item.value.percent) / 100)
        for item in leave
        if not leave_counts(item.value) and item.value.end >= item.value.start
    ]
    return Timeline(profile.start, steps, spans)


def compute_progress(
    portfolio: Portfolio,
    profile: Profile,
    as_of: dt.date,
    settings: dict[str, RuleSetting],
    catalog: DelmalCatalog,
) -> Progress:
    timeline = build_timeline(profile, portfolio.leave)
    time = _time(profile, timeline, as_of, catalog)
    summer = _summer(settings)
    service = _ServiceDays(profile.start, as_of, portfolio.leave, summer)
    current = st_year_of(profile.start, as_of)
    years = tuple(
        _st_year(n, portfolio, profile, timeline, service, as_of, settings)
        for n in range(1, current + 1)
    )
    supervision = _supervision(portfolio, profile, as_of, service, _gap_limits(settings))
    delmal = _delmal(portfolio, catalog, as_of)
    in_bt = bool(
        profile.bt and profile.bt.start <= as_of and (profile.bt.end is None
                                                      or as_of <= profile.bt.end)
    )
    progress = Progress(
        as_of=as_of,
        st_start=profile.start,
        st_year=current,
        time=time,
        years=years,
        supervision=supervision,
        delmal=delmal,
        deadlines=(),
        in_bt=in_bt,
        timeline=timeline,
        service=_service(portfolio, timeline, as_of),
    )
    from stcli.engine.deadlines import upcoming_deadlines

    deadlines = tuple(upcoming_deadlines(portfolio, profile, progress, settings))
    return progress._replace(deadlines=deadlines)


def progress_at(portfolio: Portfolio, profile: Profile, day: dt.date,
                settings: dict[str, RuleSetting], catalog: DelmalCatalog) -> Progress:
    """The progress model as it stood at the end of `day` (entries after it count as
    planned): the annual report compares the delmål at the start and end of an ST year."""
    return compute_progress(portfolio, profile, day, settings, catalog)


def _service(portfolio: Portfolio, timeline: Timeline,
             as_of: dt.date) -> tuple[ServicePeriod, ...]:
    """The service list: each placement cut where its share of full time changes."""
    changes = sorted({when for when, _ in timeline.employment}
                     | {span.start for span in timeline.noncounting_leave}
                     | {span.end + DAY for span in timeline.noncounting_leave
                        if span.end < dt.date.max})
    rows: list[ServicePeriod] = []
    for index, item in enumerate(portfolio.placements):
        placement = item.value
        if placement.type == "auskultation" or placement.start > as_of:
            continue
        last = min(placement.end, as_of)
        if last < placement.start:
            continue
        own = None if placement.percent is None else Fraction(placement.percent) / 100
        bounds = [placement.start, *(d for d in changes if placement.start < d <= last),
                  last + DAY]
        pieces: list[list[Any]] = []  # [start, end, share, months]
        for first, after in pairwise(bounds):
            end = after - DAY
            if own is None:
                share = timeline.counted_fraction(first)
                months = timeline.month_credit(first, end)
            else:
                share = own * (1 - timeline.leave_share(first))
                months = share * _FULL_TIME.month_credit(first, end)
            if pieces and pieces[-1][2] == share and pieces[-1][1] + DAY == first:
                pieces[-1][1] = end
                pieces[-1][3] += months
            else:
                pieces.append([first, end, share, months])
        rows.extend(
            ServicePeriod(index, first, end, share * 100, months, placement.end > as_of)
            for first, end, share, months in pieces if share
        )
    rows.sort(key=lambda row: (row.start, row.end, row.index))
    return tuple(rows)


# Every day at full time, no leave: month credit of a range = its calendar months
_FULL_TIME = Timeline(dt.date.min, [(dt.date.min, Fraction(1))], [])


def _time(profile: Profile, timeline: Timeline, as_of: dt.date,
          catalog: DelmalCatalog) -> TimeProgress:
    credited = sum((Fraction(c.months) for c in profile.credited), Fraction(0))
    served_in_st = timeline.month_credit(profile.start, as_of)
    served = served_in_st + credited
    required = required_months(profile, catalog)
    remaining = max(Fraction(0), required - served)
    if served >= required:
        completion = timeline.date_reaching(Fraction(required), profile.start, credited)
    else:
        completion = timeline.date_reaching(Fraction(required), as_of + DAY, served)
    half = Fraction(required, 2)
    half_date = timeline.date_reaching(half, profile.start, credited)
    return TimeProgress(
        served=served,
        served_in_st=served_in_st,
        credited=credited,
        required=required,
        remaining=remaining,
        projected_completion=completion,
        planned_end=profile.planned_end,
        leave_days_not_counted=timeline.leave_days_not_counted(profile.start, as_of),
        percent_now=_percent_on(profile, as_of),
        half_time_date=half_date,
    )


def _percent_on(profile: Profile, day: dt.date) -> Fraction:
    percent = Fraction(100) if not profile.employment else Fraction(0)
    for step in sorted(profile.employment, key=lambda s: s.from_):
        if step.from_ <= day:
            percent = Fraction(step.percent)
    return percent


def _summer(settings: dict[str, RuleSetting]) -> Summer | None:
    """The summer window (rules.md v2: Gävleborg only, from its pack's H002 parameters);
    None where there is none."""
    params = settings["H002"].params if "H002" in settings else {}
    if params.get("summer_start") is None or params.get("summer_end") is None:
        return None
    return (_month_day(params.get("summer_start"), (6, 15)),
            _month_day(params.get("summer_end"), (8, 15)))


def _gap_limits(settings: dict[str, RuleSetting]) -> tuple[int, int]:
    """H001's (max_gap_days, summer_max_gap_days)."""
    params = settings["H001"].params if "H001" in settings else {}
    limit = int(params.get("max_gap_days", 14))
    return limit, int(params.get("summer_max_gap_days", limit))


class _ServiceDays:
    """Which days from start to as_of are in service, with prefix sums for fast counting."""

    def __init__(self, start: dt.date, as_of: dt.date, leave: list[Located[Leave]],
                 summer: Summer | None) -> None:
        self.start = start
        self.summer = summer
        total = max(0, (as_of - start).days + 1)
        on_leave = bytearray(total)
        self.absence_days = bytearray(total)
        for item in leave:
            first = max(item.value.start, start)
            last = min(item.value.end, as_of)
            if last < first:
                continue
            lo, hi = (first - start).days, (last - start).days
            on_leave[lo:hi + 1] = b"\x01" * (hi - lo + 1)
            if item.value.kind in ABSENCE_KINDS:
                self.absence_days[lo:hi + 1] = b"\x01" * (hi - lo + 1)
        # prefix[i] = in-service days among the first i days; summer_prefix[i] = those of
        # them in the summer window (all 0 without a window)
        prefix = [0] * (total + 1)
        summer_prefix = [0] * (total + 1)
        running = in_summer = 0
        day = start
        for i in range(total):
            if not on_leave[i]:
                running += 1
                if summer is not None and in_summer_window(day, *summer):
                    in_summer += 1
            prefix[i + 1] = running
            summer_prefix[i + 1] = in_summer
            day += DAY
        self.prefix = prefix
        self.summer_prefix = summer_prefix
        self.total = total

    def _bounds(self, first: dt.date, last: dt.date) -> tuple[int, int]:
        return max(0, (first - self.start).days), min(self.total - 1, (last - self.start).days)

    def in_service(self, first: dt.date, last: dt.date) -> int:
        """In-service days in [first, last], within start..as_of (summer included)."""
        lo, hi = self._bounds(first, last)
        return self.prefix[hi + 1] - self.prefix[lo] if hi >= lo else 0

    def summer_days(self, first: dt.date, last: dt.date) -> int:
        """In-service days in [first, last] inside the summer window."""
        lo, hi = self._bounds(first, last)
        return self.summer_prefix[hi + 1] - self.summer_prefix[lo] if hi >= lo else 0

    def counting_days(self, first: dt.date, last: dt.date) -> int:
        """In-service days outside the summer window in [first, last] (H002's weeks)."""
        return self.in_service(first, last) - self.summer_days(first, last)

    def absences(self, first: dt.date, last: dt.date) -> int:
        lo = max(0, (first - self.start).days)
        hi = min(self.total - 1, (last - self.start).days)
        return sum(self.absence_days[lo:hi + 1]) if hi >= lo else 0


def _year_of_item(profile: Profile, day: dt.date, st_year: int | None = None) -> int:
    return st_year if st_year else st_year_of(profile.start, day)


def _st_year(n: int, portfolio: Portfolio, profile: Profile, timeline: Timeline,
             service: _ServiceDays, as_of: dt.date,
             settings: dict[str, RuleSetting]) -> StYear:
    start, end = st_year_bounds(profile.start, n)
    days = (end - start).days + 1
    noncounting = timeline.leave_days_not_counted(start, end)
    weeks = Fraction(service.counting_days(start, min(end, as_of)), 7)
    sessions = [
        s.value for s in portfolio.supervision
        if start <= s.value.date <= min(end, as_of)
    ]
    assessments = [
        a.value for a in portfolio.assessments
        if a.value.date <= as_of and a.value.date >= profile.start
        and _year_of_item(profile, a.value.date, a.value.st_year) == n
    ]
    last = min(end, as_of)
    per_month: Counter[str] = Counter()
    for session in sessions:
        per_month[month_key(session.date)] += session.minutes
    months: list[tuple[str, int]] = []
    month = start.replace(day=1)
    while month <= last:
        key = month_key(month)
        months.append((key, per_month.get(key, 0)))
        month = (month + dt.timedelta(days=31)).replace(day=1)
    credited = sum((Fraction(c.months) for c in profile.credited), Fraction(0))
    methods = Counter(a.method for a in assessments)
    minimum = int(settings["A001"].params.get("min_per_year", 4)) if "A001" in settings else 4
    noncounting_share = (days - noncounting) / Fraction(days)
    return StYear(
        number=n,
        start=start,
        end=end,
        completed=end < as_of,
        days=days,
        noncounting_leave_days=noncounting,
        weeks_in_service=weeks,
        supervision_minutes=sum(s.minutes for s in sessions),
        supervision_sessions=len(sessions),
        assessments=len(assessments),
        assessment_methods=tuple(sorted(methods.items(), key=lambda kv: (-kv[1], kv[0]))),
        assessment_minimum=math.ceil(minimum * noncounting_share),
        absence_days=service.absences(start, min(end, as_of)),
        months_served=timeline.month_credit(start, last),
        served_total=credited + timeline.month_credit(profile.start, last),
        supervision_per_month=tuple(months),
        entries=_year_entries(n, start, end, portfolio, profile, as_of),
    )


def _year_entries(n: int, start: dt.date, end: dt.date, portfolio: Portfolio,
                  profile: Profile, as_of: dt.date) -> YearEntries:
    def overlapping(kind: str) -> tuple[int, ...]:
        return tuple(i for i, item in enumerate(portfolio.entries(kind))
                     if item.value.start <= end and item.value.end >= start)

    activities = []
    for i, item in enumerate(portfolio.activities):
        first, final = activity_first_day(item.value), activity_last_day(item.value)
        if first is None:
            continue
        if first <= end and (final or first) >= start:
            activities.append(i)
    return YearEntries(
        placements=overlapping("placements"),
        supervision=tuple(i for i, item in enumerate(portfolio.supervision)
                          if start <= item.value.date <= min(end, as_of)),
        assessments=tuple(
            i for i, item in enumerate(portfolio.assessments)
            if profile.start <= item.value.date <= as_of
            and _year_of_item(profile, item.value.date, item.value.st_year) == n),
        courses=overlapping("courses"),
        leave=overlapping("leave"),
        activities=tuple(activities),
        milestones=tuple(
            i for i, item in enumerate(portfolio.milestones)
            if item.value.date >= profile.start
            and _year_of_item(profile, item.value.date, item.value.st_year) == n),
    )


def entries_of_year(portfolio: Portfolio, profile: Profile, number: int) -> YearEntries:
    """The entries belonging to ST year `number` whatever the date judged at (nothing cut at
    as_of): what a sign-off of the year covers (stcli/signoff.py)."""
    start, end = st_year_bounds(profile.start, number)
    return _year_entries(number, start, end, portfolio, profile, dt.date.max)


def _supervision(portfolio: Portfolio, profile: Profile, as_of: dt.date,
                 service: _ServiceDays, limits: tuple[int, int]) -> SupervisionProgress:
    dates = sorted({
        s.value.date for s in portfolio.supervision if profile.start <= s.value.date <= as_of
    })
    gaps: list[Gap] = []
    previous: dt.date | None = None
    for day in [*dates, None]:
        first = profile.start if previous is None else previous + DAY
        last = as_of if day is None else day - DAY
        if day is None and previous is None and not dates:
            last = as_of
        summer_days = service.summer_days(first, last)
        gaps.append(Gap(previous, day, service.in_service(first, last), summer_days,
                        limits[1] if summer_days else limits[0]))
        previous = day
    minutes_by_month: Counter[str] = Counter()
    for s in portfolio.supervision:
        if s.value.date <= as_of:
            minutes_by_month[month_key(s.value.date)] += s.value.minutes
    months: list[tuple[str, int]] = []
    year, month = as_of.year, as_of.month
    for _ in range(12):
        key = f"{year:04d}-{month:02d}"
        months.append((key, minutes_by_month.get(key, 0)))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    in_st = [s.value for s in portfolio.supervision if profile.start <= s.value.date <= as_of]
    return SupervisionProgress(
        last_session=dates[-1] if dates else None,
        sessions=len(in_st),
        minutes=sum(s.minutes for s in in_st),
        gaps=tuple(gaps),
        per_month=tuple(reversed(months)),
    )


CLINICAL_TYPES = frozenset({"klinisk_tjanstgoring", "klinisk_tjanstgoring_primarvard",
                            "auskultation"})


def evidence_types(kind: str, entry: Any) -> tuple[str, ...]:
    """Which activity types of the målbeskrivning an entry is evidence of (rules.md, G),
    before a delmål's own conditions (`requires_specialty`, `any_entry_types`)."""
    if kind == "placements":
        placement: Placement = entry
        if placement.type == "auskultation":
            return ("auskultation",)
        if placement.type == "vardcentral":
            return ("klinisk_tjanstgoring", "klinisk_tjanstgoring_primarvard")
        return ("klinisk_tjanstgoring",)
    if kind == "courses":
        return ("kurs",)
    if kind == "activities":
        if entry.kind == "kvalitetsarbete":
            return ("kvalitetsarbete",)
        if entry.kind == "vetenskapligt-arbete":
            return ("vetenskapligt_arbete",)
    return ()


def delmal_evidence_types(kind: str, entry: Any, delmal: Delmal,
                          catalog: DelmalCatalog) -> tuple[str, ...]:
    """The activity types an entry tagged with `delmal` is evidence of for that delmål."""
    types = evidence_types(kind, entry)
    if delmal.requires_specialty and kind == "placements" \
            and entry.specialty not in delmal.requires_specialty:
        types = tuple(a for a in types if a not in CLINICAL_TYPES)
    required = {a for group in delmal.requires for a in group}
    extra = tuple(sorted(catalog.any_entry_types & required - set(types)))
    return types + extra


def _started(kind: str, entry: Any, as_of: dt.date) -> bool:
    if kind == "activities":
        first = activity_first_day(entry)
        return entry.status != "planned" and (first is None or first <= as_of)
    return bool(entry.start <= as_of)


def _signed_by(entry: Any, day: dt.date) -> bool:
    """`certificate: signed`, and not dated after `day` (a report of an earlier date)."""
    signed_on = getattr(entry, "certificate_date", None)
    return bool(entry.certificate == "signed" and (signed_on is None or signed_on <= day))


def _requirement(group: tuple[str, ...], refs: list[EvidenceRef], signed: set[int],
                 delmal: Delmal, certified_on: dt.date | None,
                 catalog: DelmalCatalog) -> RequirementStatus:
    """The state of one requirement group: a signed certificate of one of its own types,
    or for a delmål `certified_by` a milestone, that milestone (the entries' own
    certificates do not certify STa3: its Bilaga 12 does)."""
    if delmal.certified_by:
        signed = set()
    started = tuple(r for r in refs if r.started and set(r.types) & set(group))
    planned = tuple(r for r in refs if not r.started and set(r.types) & set(group))

    def first_type(ref: EvidenceRef) -> str:
        return next(a for a in group if a in ref.types)

    evidence_type: str | None = None
    if certified_on is not None:
        state = "signed"
    elif any(id(r) in signed for r in started):
        state = "signed"
        evidence_type = first_type(next(r for r in started if id(r) in signed))
    elif any(r.certificate == "requested" for r in started):
        state = "requested"
        evidence_type = first_type(next(r for r in started if r.certificate == "requested"))
    else:
        state = "unsigned" if started else "missing"
    if evidence_type is None and started:
        evidence_type = first_type(started[0])
    if evidence_type is not None and certified_on is None:
        form = catalog.form_of(evidence_type)
    else:
        form = " / ".join(dict.fromkeys(f for f in map(catalog.form_of, group) if f))
    return RequirementStatus(group, started, planned, state, form, evidence_type,
                             certified_on)


def _delmal(portfolio: Portfolio, catalog: DelmalCatalog,
            as_of: dt.date) -> tuple[DelmalStatus, ...]:
    refs: dict[str, list[EvidenceRef]] = {code: [] for code in catalog.entries}
    not_counted: dict[str, list[EvidenceRef]] = {code: [] for code in catalog.entries}
    signed: set[int] = set()  # id() of the refs whose certificate is signed by as_of
    for kind in ("placements", "courses", "activities"):
        for index, item in enumerate(portfolio.entries(kind)):
            started = _started(kind, item.value, as_of)
            is_signed = started and _signed_by(item.value, as_of)
            for code in item.value.delmal:
                delmal = catalog.entries.get(code)
                if delmal is None:
                    continue
                types = delmal_evidence_types(kind, item.value, delmal, catalog)
                if not types:
                    if evidence_types(kind, item.value):
                        not_counted[code].append(EvidenceRef(
                            kind, index, evidence_types(kind, item.value), started,
                            item.value.certificate))
                    continue
                ref = EvidenceRef(kind, index, types, started, item.value.certificate)
                refs[code].append(ref)
                if is_signed:
                    signed.add(id(ref))
    milestone_dates: dict[str, dt.date] = {}
    for located in portfolio.milestones:
        milestone = located.value
        if milestone.date <= as_of:
            known = milestone_dates.get(milestone.kind)
            milestone_dates[milestone.kind] = min(known, milestone.date) if known \
                else milestone.date
    assessed: Counter[str] = Counter()
    for item in portfolio.assessments:
        if item.value.date <= as_of:
            for code in item.value.delmal:
                assessed[code] += 1
    statuses = []
    for code, entry in catalog.entries.items():
        have: Counter[str] = Counter()
        later: Counter[str] = Counter()
        for ref in refs[code]:
            for activity in ref.types:
                (have if ref.started else later)[activity] += 1
        missing = tuple(group for group in entry.requires
                        if not any(have.get(activity) for activity in group))
        certified_on = milestone_dates.get(entry.certified_by) if entry.certified_by else None
        requirements = tuple(_requirement(group, refs[code], signed, entry, certified_on,
                                          catalog)
                             for group in entry.requires)
        statuses.append(DelmalStatus(
            delmal=entry,
            evidence=dict(have),
            planned=dict(later),
            missing=missing,
            certified=bool(requirements) and all(r.state == "signed" for r in requirements),
            assessments=assessed[code],
            entries=tuple(refs[code]),
            requirements=requirements,
            not_counted=tuple(not_counted[code]),
        ))
    return tuple(statuses)


def months_between(earlier: dt.date, months: int) -> dt.date:
    """`earlier` moved by a whole number of calendar months (negative: back)."""
    from dateutil.relativedelta import relativedelta

    moved: dt.date = earlier + relativedelta(months=months)
    return moved


def add_st_years(start: dt.date, years: int) -> dt.date:
    return add_years(start, years)
