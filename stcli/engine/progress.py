"""The one progress model: computed once per run, read by rules, `st status` and reports.

Pure: a loaded portfolio, the date it is judged at, the settings and the delmål catalog
in; figures out. Time is exact (Fraction); rounding happens only when shown.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from stcli.engine.catalog import Delmal, DelmalCatalog
from stcli.engine.settings import RuleSetting
from stcli.engine.timecount import LeaveSpan, Timeline, add_years, st_year_bounds, st_year_of
from stcli.findings import Msg
from stcli.model import Leave, Placement, Profile
from stcli.portfolio import Located, Portfolio, activity_first_day

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


def in_summer_window(day: dt.date, start: tuple[int, int], end: tuple[int, int]) -> bool:
    return start <= (day.month, day.day) <= end


def _month_day(text: Any, default: tuple[int, int]) -> tuple[int, int]:
    try:
        month, day = str(text).split("-")
        return int(month), int(day)
    except (ValueError, AttributeError):
        return default


@dataclass(frozen=True, slots=True)
class TimeProgress:
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


@dataclass(frozen=True, slots=True)
class Gap:
    """Days in service (outside the summer window) strictly between two sessions."""

    after: dt.date | None  # the session before the gap; None: from the start of ST
    before: dt.date | None  # the session after; None: up to as_of
    days: int


@dataclass(frozen=True, slots=True)
class StYear:
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

    @property
    def minutes_per_week(self) -> Fraction | None:
        if self.weeks_in_service <= 0:
            return None
        return Fraction(self.supervision_minutes) / self.weeks_in_service


@dataclass(frozen=True, slots=True)
class SupervisionProgress:
    last_session: dt.date | None
    sessions: int
    minutes: int
    gaps: tuple[Gap, ...]
    per_month: tuple[tuple[str, int], ...]  # the last 12 calendar months to as_of: (YYYY-MM, min)


@dataclass(frozen=True, slots=True)
class DelmalStatus:
    delmal: Delmal
    evidence: dict[str, int]  # activity type -> entries (started by as_of)
    planned: dict[str, int]  # activity type -> entries not yet started
    missing: tuple[tuple[str, ...], ...]  # requirement groups with no evidence
    certified: bool  # some evidence has certificate: signed
    assessments: int


@dataclass(frozen=True, slots=True)
class Deadline:
    date: dt.date
    what: Msg
    code: str
    done: bool = False


@dataclass(frozen=True, slots=True)
class Progress:
    as_of: dt.date
    st_start: dt.date
    st_year: int  # current, 0 before start
    time: TimeProgress
    years: tuple[StYear, ...]
    supervision: SupervisionProgress
    delmal: tuple[DelmalStatus, ...]
    deadlines: tuple[Deadline, ...]
    in_bt: bool
    timeline: Timeline = field(repr=False, compare=False)

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
    supervision = _supervision(portfolio, profile, as_of, service)
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
    )
    from stcli.engine.deadlines import upcoming_deadlines

    deadlines = tuple(upcoming_deadlines(portfolio, profile, progress, settings))
    return Progress(**{**_fields(progress), "deadlines": deadlines})


def _fields(progress: Progress) -> dict[str, Any]:
    return {name: getattr(progress, name) for name in Progress.__dataclass_fields__}


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


def _summer(settings: dict[str, RuleSetting]) -> tuple[tuple[int, int], tuple[int, int]]:
    params = settings["H002"].params if "H002" in settings else {}
    return (_month_day(params.get("summer_start"), (6, 15)),
            _month_day(params.get("summer_end"), (8, 15)))


class _ServiceDays:
    """Which days from start to as_of are in service, with prefix sums for fast counting."""

    def __init__(self, start: dt.date, as_of: dt.date, leave: list[Located[Leave]],
                 summer: tuple[tuple[int, int], tuple[int, int]]) -> None:
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
        # prefix[i] = gap-counting days among the first i days (in service, not in summer)
        prefix = [0] * (total + 1)
        running = 0
        day = start
        for i in range(total):
            if not on_leave[i] and not in_summer_window(day, *summer):
                running += 1
            prefix[i + 1] = running
            day += DAY
        self.prefix = prefix
        self.total = total

    def counting_days(self, first: dt.date, last: dt.date) -> int:
        """In-service days outside the summer window in [first, last], within start..as_of."""
        lo = max(0, (first - self.start).days)
        hi = min(self.total - 1, (last - self.start).days)
        if hi < lo:
            return 0
        return self.prefix[hi + 1] - self.prefix[lo]

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
    )


def _supervision(portfolio: Portfolio, profile: Profile, as_of: dt.date,
                 service: _ServiceDays) -> SupervisionProgress:
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
        gaps.append(Gap(previous, day, service.counting_days(first, last)))
        previous = day
    minutes_by_month: Counter[str] = Counter()
    for s in portfolio.supervision:
        if s.value.date <= as_of:
            minutes_by_month[s.value.date.strftime("%Y-%m")] += s.value.minutes
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


def evidence_types(kind: str, entry: Any) -> tuple[str, ...]:
    """Which activity types of the målbeskrivning an entry is evidence of (rules.md, G)."""
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
            return ("vetenskapligt_arbete", "eget_intyg")
    return ()


def _started(kind: str, entry: Any, as_of: dt.date) -> bool:
    if kind == "activities":
        first = activity_first_day(entry)
        return entry.status != "planned" and (first is None or first <= as_of)
    return bool(entry.start <= as_of)


def _delmal(portfolio: Portfolio, catalog: DelmalCatalog,
            as_of: dt.date) -> tuple[DelmalStatus, ...]:
    evidence: dict[str, Counter[str]] = {code: Counter() for code in catalog.entries}
    planned: dict[str, Counter[str]] = {code: Counter() for code in catalog.entries}
    certified: set[str] = set()
    for kind in ("placements", "courses", "activities"):
        for item in portfolio.entries(kind):
            types = evidence_types(kind, item.value)
            if not types:
                continue
            started = _started(kind, item.value, as_of)
            for code in item.value.delmal:
                if code not in evidence:
                    continue
                target = evidence[code] if started else planned[code]
                for activity in types:
                    target[activity] += 1
                if started and item.value.certificate == "signed":
                    certified.add(code)
    assessed: Counter[str] = Counter()
    for item in portfolio.assessments:
        if item.value.date <= as_of:
            for code in item.value.delmal:
                assessed[code] += 1
    statuses = []
    for code, entry in catalog.entries.items():
        have = evidence[code]
        missing = tuple(group for group in entry.requires
                        if not any(have.get(activity) for activity in group))
        statuses.append(DelmalStatus(
            delmal=entry,
            evidence=dict(have),
            planned=dict(planned[code]),
            missing=missing,
            certified=code in certified,
            assessments=assessed[code],
        ))
    return tuple(statuses)


def months_between(earlier: dt.date, months: int) -> dt.date:
    """`earlier` moved by a whole number of calendar months (negative: back)."""
    from dateutil.relativedelta import relativedelta

    moved: dt.date = earlier + relativedelta(months=months)
    return moved


def add_st_years(start: dt.date, years: int) -> dt.date:
    return add_years(start, years)
