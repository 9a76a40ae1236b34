"""The one progress model: computed once per run, read by rules, `st status` and reports.

Pure: a loaded portfolio, the date it is judged at, the settings and the delmål catalog
in; figures out. Time is exact (Fraction); rounding happens only when shown.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from fractions import Fraction
from itertools import pairwise
from typing import Any

from stcli.engine.catalog import Delmal, DelmalCatalog
from stcli.engine.deadlines import upcoming_deadlines
from stcli.engine.records import (
    Deadline,
    DelmalStatus,
    DelmalSummary,
    EvidenceRef,
    Gap,
    Progress,
    RequirementStatus,
    ServicePeriod,
    StYear,
    SupervisionProgress,
    TimeProgress,
    YearEntries,
    summarize_delmal,
)
from stcli.engine.settings import RuleSetting
from stcli.engine.timecount import LeaveSpan, Timeline, st_year_bounds, st_year_of
from stcli.model import Leave, Placement, Profile
from stcli.portfolio import Located, Portfolio, activity_first_day, activity_last_day

# The records are defined in stcli.engine.records; rules, render and reports import them from
# here too, with the functions that compute them.
__all__ = [
    "ABSENCE_KINDS",
    "CLINICAL_TYPES",
    "DAY",
    "NONCOUNTING_KINDS",
    "Deadline",
    "DelmalStatus",
    "DelmalSummary",
    "EvidenceRef",
    "Gap",
    "Progress",
    "RequirementStatus",
    "ServicePeriod",
    "StYear",
    "SupervisionProgress",
    "TimeProgress",
    "YearEntries",
    "build_timeline",
    "compute_progress",
    "delmal_evidence_types",
    "employment_percent",
    "entries_of_year",
    "evidence_types",
    "in_summer_window",
    "leave_counts",
    "month_key",
    "months_between",
    "progress_at",
    "required_months",
    "summarize_delmal",
]

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
        percent_now=employment_percent(profile, as_of),
        half_time_date=half_date,
    )


def employment_percent(profile: Profile, day: dt.date) -> Fraction:
    """The employment percent on `day`: the latest step from on or before it, 0 before the
    first step, 100 when st.yaml gives no employment (the one definition: progress, D009,
    PL001 and PL003 use it)."""
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
    params = settings["H001"].params
    limit = int(params["max_gap_days"])
    # only Gävleborg's pack has a summer window and its own limit for gaps touching it
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
    minimum = int(settings["A001"].params["min_per_year"])
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


def year_entries(number: int, portfolio: Portfolio, profile: Profile,
                 as_of: dt.date) -> YearEntries:
    """Which entries belong to ST year `number` (any year, also one not begun by as_of):
    the annual report's plan for the next year reads it."""
    start, end = st_year_bounds(profile.start, number)
    return _year_entries(number, start, end, portfolio, profile, as_of)


def employment_percents(profile: Profile, first: dt.date, last: dt.date) -> tuple[Fraction, ...]:
    """The employment percents in force from `first` to `last`, in order (a placement
    without its own `percent` is served at these)."""
    percents = [employment_percent(profile, first)]
    for step in sorted(profile.employment, key=lambda s: s.from_):
        if first < step.from_ <= last and Fraction(step.percent) != percents[-1]:
            percents.append(Fraction(step.percent))
    return tuple(percents)
