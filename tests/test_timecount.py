"""Exact time counting (rules.md "Counting time"): hand-computed examples and properties."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stcli.engine.timecount import (
    LeaveSpan,
    Timeline,
    add_years,
    days_in_month,
    months_to_float,
    st_year_bounds,
    st_year_of,
)

F = Fraction
DAY = timedelta(days=1)
FULL = F(1)


def full_time(start: date) -> Timeline:
    return Timeline(start, [(start, FULL)], [])


# -- hand-computed examples ------------------------------------------------------------------


def test_sosfs_full_time_reaches_60_months_on_last_day_of_january_2029() -> None:
    t = full_time(date(2024, 2, 1))
    assert t.date_reaching(F(60), date(2024, 2, 1), F(0)) == date(2029, 1, 31)
    assert t.month_credit(date(2024, 2, 1), date(2029, 1, 31)) == 60
    assert t.month_credit(date(2024, 2, 1), date(2029, 1, 30)) == 60 - F(1, 31)
    assert t.served_months(date(2029, 1, 31)) == 60


def test_hslf_full_time_reaches_66_months() -> None:
    t = full_time(date(2024, 2, 1))
    assert t.date_reaching(F(66), date(2024, 2, 1), F(0)) == date(2029, 7, 31)


def test_doctoral_degree_54_months_with_credited_time() -> None:
    # 6 credited months count from the start: 54 - 6 = 48 months of service.
    t = full_time(date(2024, 2, 1))
    assert t.date_reaching(F(54), date(2024, 2, 1), F(6)) == date(2028, 1, 31)


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("year", [2023, 2024])
def test_whole_calendar_month_at_full_time_is_exactly_one(year: int, month: int) -> None:
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    assert full_time(date(2020, 1, 1)).month_credit(first, last) == 1


def test_fifteen_days_of_a_thirty_day_month_is_half() -> None:
    t = full_time(date(2024, 1, 1))
    assert t.month_credit(date(2024, 4, 1), date(2024, 4, 15)) == F(1, 2)
    assert t.month_credit(date(2024, 4, 16), date(2024, 4, 30)) == F(1, 2)


def test_eighty_percent_for_a_full_month() -> None:
    t = Timeline(date(2024, 1, 1), [(date(2024, 1, 1), F(80, 100))], [])
    assert t.month_credit(date(2024, 3, 1), date(2024, 3, 31)) == F(4, 5)
    assert t.counted_fraction(date(2024, 3, 10)) == F(4, 5)


def test_half_leave_over_ten_days_counts_five_days() -> None:
    leave = LeaveSpan(date(2024, 3, 11), date(2024, 3, 20), F(1, 2))
    t = Timeline(date(2024, 1, 1), [(date(2024, 1, 1), FULL)], [leave])
    assert t.leave_days_not_counted(date(2024, 1, 1), date(2024, 12, 31)) == 5
    assert t.leave_days_not_counted(date(2024, 3, 15), date(2024, 3, 15)) == F(1, 2)
    assert t.month_credit(date(2024, 3, 1), date(2024, 3, 31)) == F(31 - 5, 31)
    assert t.counted_fraction(date(2024, 3, 20)) == F(1, 2)
    assert t.counted_fraction(date(2024, 3, 21)) == 1


def test_half_leave_at_part_time() -> None:
    # 80 % employment, 50 % of it on leave: 40 % counts.
    leave = LeaveSpan(date(2024, 4, 1), date(2024, 4, 30), F(1, 2))
    t = Timeline(date(2024, 1, 1), [(date(2024, 1, 1), F(4, 5))], [leave])
    assert t.counted_fraction(date(2024, 4, 2)) == F(2, 5)
    assert t.month_credit(date(2024, 4, 1), date(2024, 4, 30)) == F(2, 5)


def test_overlapping_leave_never_removes_more_than_the_day() -> None:
    leaves = [
        LeaveSpan(date(2024, 5, 1), date(2024, 5, 10), FULL),
        LeaveSpan(date(2024, 5, 6), date(2024, 5, 15), F(1, 2)),
    ]
    t = Timeline(date(2024, 1, 1), [(date(2024, 1, 1), FULL)], leaves)
    assert t.counted_fraction(date(2024, 5, 8)) == 0  # 150 % leave, not -50 % work
    assert t.leave_share(date(2024, 5, 8)) == 1
    # 5-1..5-10 whole days (10) + 5-11..5-15 half days (2.5)
    assert t.leave_days_not_counted(date(2024, 5, 1), date(2024, 5, 31)) == F(25, 2)
    assert t.month_credit(date(2024, 5, 1), date(2024, 5, 31)) == F(31 - F(25, 2), 31)


def test_two_half_leaves_on_the_same_days_remove_the_whole_day() -> None:
    leaves = [
        LeaveSpan(date(2024, 6, 1), date(2024, 6, 30), F(1, 2)),
        LeaveSpan(date(2024, 6, 1), date(2024, 6, 30), F(1, 2)),
    ]
    t = Timeline(date(2024, 1, 1), [(date(2024, 1, 1), FULL)], leaves)
    assert t.month_credit(date(2024, 6, 1), date(2024, 6, 30)) == 0
    assert t.leave_days_not_counted(date(2024, 6, 1), date(2024, 6, 30)) == 30


def test_employment_step_in_the_future() -> None:
    t = Timeline(
        date(2025, 1, 1),
        [(date(2025, 1, 1), FULL), (date(2025, 7, 1), F(1, 2))],
        [],
    )
    start = date(2025, 1, 1)
    assert t.month_credit(start, date(2025, 6, 30)) == 6
    assert t.date_reaching(F(6), start, F(0)) == date(2025, 6, 30)
    assert t.date_reaching(F(13, 2), start, F(0)) == date(2025, 7, 31)
    assert t.date_reaching(F(7), start, F(0)) == date(2025, 8, 31)
    # From a later as_of, with what was served so far.
    assert t.date_reaching(F(7), date(2025, 7, 1), F(6)) == date(2025, 8, 31)


def test_before_the_first_step_counts_nothing() -> None:
    t = Timeline(date(2024, 1, 1), [(date(2024, 3, 1), FULL)], [])
    assert t.counted_fraction(date(2024, 2, 29)) == 0
    assert t.month_credit(date(2024, 1, 1), date(2024, 3, 31)) == 1
    assert t.date_reaching(F(1), date(2024, 1, 1), F(0)) == date(2024, 3, 31)


def test_last_step_holds_forever() -> None:
    t = Timeline(date(2024, 1, 1), [(date(2024, 1, 1), F(3, 4))], [])
    assert t.counted_fraction(date(2099, 12, 31)) == F(3, 4)
    assert t.month_credit(date(2090, 1, 1), date(2090, 12, 31)) == 9


def test_steps_on_the_same_date_later_wins_and_order_is_sorted() -> None:
    t = Timeline(
        date(2024, 1, 1),
        [(date(2024, 6, 1), F(1, 2)), (date(2024, 1, 1), FULL), (date(2024, 6, 1), F(1, 4))],
        [],
    )
    assert t.counted_fraction(date(2024, 5, 31)) == 1
    assert t.counted_fraction(date(2024, 6, 1)) == F(1, 4)


def test_leap_year_february() -> None:
    t = full_time(date(2023, 1, 1))
    assert days_in_month(date(2024, 2, 10)) == 29
    assert days_in_month(date(2023, 2, 10)) == 28
    assert t.month_credit(date(2024, 2, 29), date(2024, 2, 29)) == F(1, 29)
    assert t.month_credit(date(2024, 2, 1), date(2024, 2, 28)) == F(28, 29)
    assert t.month_credit(date(2023, 2, 1), date(2023, 2, 28)) == 1
    assert t.month_credit(date(2024, 2, 15), date(2024, 3, 15)) == F(15, 29) + F(15, 31)
    # 50 % from January: Jan 1/2 + Feb 1/2 = 1 on the leap day.
    half = Timeline(date(2024, 1, 1), [(date(2024, 1, 1), F(1, 2))], [])
    assert half.date_reaching(F(1), date(2024, 1, 1), F(0)) == date(2024, 2, 29)


def test_date_reaching_inside_a_month() -> None:
    t = full_time(date(2024, 4, 1))
    assert t.date_reaching(F(1, 2), date(2024, 4, 1), F(0)) == date(2024, 4, 15)
    assert t.date_reaching(F(1, 2) + F(1, 10**9), date(2024, 4, 1), F(0)) == date(2024, 4, 16)
    assert t.date_reaching(F(1, 30), date(2024, 4, 1), F(0)) == date(2024, 4, 1)


def test_date_reaching_edge_cases() -> None:
    t = full_time(date(2024, 1, 1))
    assert t.date_reaching(F(5), date(2024, 3, 3), F(5)) == date(2024, 3, 3)
    assert t.date_reaching(F(5), date(2024, 3, 3), F(7)) == date(2024, 3, 3)
    zero = Timeline(date(2024, 1, 1), [(date(2024, 1, 1), FULL), (date(2025, 1, 1), F(0))], [])
    assert zero.date_reaching(F(12), date(2024, 1, 1), F(0)) == date(2024, 12, 31)
    assert zero.date_reaching(F(13), date(2024, 1, 1), F(0)) is None
    assert Timeline(date(2024, 1, 1), [], []).date_reaching(F(1), date(2024, 1, 1), F(0)) is None
    forever_on_leave = Timeline(
        date(2024, 1, 1),
        [(date(2024, 1, 1), FULL)],
        [LeaveSpan(date(2024, 1, 1), date.max, FULL)],
    )
    assert forever_on_leave.date_reaching(F(1), date(2024, 1, 1), F(0)) is None
    # Far targets jump over whole months and stay exact; past year 9999 there is no date.
    assert t.date_reaching(F(1200), date(2024, 1, 1), F(0)) == date(2123, 12, 31)
    assert t.date_reaching(F(10**9), date(2024, 1, 1), F(0)) is None


def test_empty_range_is_zero() -> None:
    t = full_time(date(2024, 1, 1))
    assert t.month_credit(date(2024, 5, 2), date(2024, 5, 1)) == 0
    assert t.leave_days_not_counted(date(2024, 5, 2), date(2024, 5, 1)) == 0


def test_leave_span_validation() -> None:
    with pytest.raises(ValueError):
        LeaveSpan(date(2024, 1, 1), date(2024, 1, 2), F(0))
    with pytest.raises(ValueError):
        LeaveSpan(date(2024, 1, 1), date(2024, 1, 2), F(101, 100))
    with pytest.raises(TypeError):
        LeaveSpan(date(2024, 1, 1), date(2024, 1, 2), 0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Timeline(date(2024, 1, 1), [(date(2024, 1, 1), 0.8)], [])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        Timeline(date(2024, 1, 1), [(date(2024, 1, 1), F(-1, 2))], [])
    # An int share is accepted and stored as a Fraction.
    assert isinstance(LeaveSpan(date(2024, 1, 1), date(2024, 1, 2), 1).share, Fraction)  # type: ignore[arg-type]
    # end before start: an empty span, it removes nothing.
    t = Timeline(
        date(2024, 1, 1),
        [(date(2024, 1, 1), FULL)],
        [LeaveSpan(date(2024, 1, 5), date(2024, 1, 4), FULL)],
    )
    assert t.month_credit(date(2024, 1, 1), date(2024, 1, 31)) == 1


def test_add_years_is_calendar_arithmetic() -> None:
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2024, 3, 1), 1) == date(2025, 3, 1)
    assert add_years(date(2025, 2, 28), -1) == date(2024, 2, 28)


def test_st_year_bounds_across_a_leap_day() -> None:
    # Year 1 from 2023-03-01 holds 2024-02-29: 366 days.
    assert st_year_bounds(date(2023, 3, 1), 1) == (date(2023, 3, 1), date(2024, 2, 29))
    assert st_year_bounds(date(2023, 3, 1), 2) == (date(2024, 3, 1), date(2025, 2, 28))
    # Starting on a leap day: anniversaries fall on 28 February until the next leap year.
    s = date(2024, 2, 29)
    assert st_year_bounds(s, 1) == (date(2024, 2, 29), date(2025, 2, 27))
    assert st_year_bounds(s, 2) == (date(2025, 2, 28), date(2026, 2, 27))
    assert st_year_bounds(s, 4) == (date(2027, 2, 28), date(2028, 2, 28))
    assert st_year_bounds(s, 5) == (date(2028, 2, 29), date(2029, 2, 27))
    with pytest.raises(ValueError):
        st_year_bounds(s, 0)


def test_st_year_of() -> None:
    s = date(2024, 2, 29)
    assert st_year_of(s, date(2024, 2, 28)) == 0
    assert st_year_of(s, s) == 1
    assert st_year_of(s, date(2025, 2, 27)) == 1
    assert st_year_of(s, date(2025, 2, 28)) == 2
    assert st_year_of(s, date(2028, 2, 28)) == 4
    assert st_year_of(s, date(2028, 2, 29)) == 5
    assert st_year_of(date(2023, 3, 1), date(2024, 2, 29)) == 1
    assert st_year_of(date(2023, 3, 1), date(2024, 3, 1)) == 2


def test_months_to_float_rounds_half_up() -> None:
    assert months_to_float(F(5995, 100), 1) == 60.0
    assert months_to_float(F(5, 2), 0) == 3.0  # not banker's rounding
    assert months_to_float(F(7, 2), 0) == 4.0
    assert months_to_float(F(1, 3), 2) == 0.33
    assert months_to_float(F(2, 3), 2) == 0.67
    assert months_to_float(F(1, 8), 2) == 0.13
    assert months_to_float(F(-5, 2), 0) == -3.0
    assert months_to_float(F(60), 1) == 60.0


def test_fifteen_years_with_a_hundred_leave_entries() -> None:
    """Fifteen years with a hundred leave entries count consistently (the speed of this is
    measured in bench/, not asserted here)."""
    start = date(2020, 1, 1)
    employment = [(add_years(start, y), F(100 - 5 * (y % 4), 100)) for y in range(15)]
    leaves = [
        LeaveSpan(start + timedelta(days=53 * i), start + timedelta(days=53 * i + 20), F(1, 2))
        for i in range(100)
    ]
    t = Timeline(start, employment, leaves)
    end = add_years(start, 15)
    credit = t.month_credit(start, end)
    reached = t.date_reaching(credit, start, F(0))
    t.leave_days_not_counted(start, end)
    t.date_reaching(F(240), start, F(0))
    assert reached is not None and t.month_credit(start, reached) == credit


# -- naive reference, day by day -------------------------------------------------------------


def ref_fraction(employment: Sequence[tuple[date, Fraction]], leaves: Sequence[LeaveSpan],
                 d: date) -> Fraction:
    percent = F(0)
    for when, value in sorted(employment, key=lambda s: s[0]):
        if when <= d:
            percent = value
    share = sum((s.share for s in leaves if s.start <= d <= s.end), F(0))
    return percent * (1 - min(F(1), share))


def ref_leave(leaves: Sequence[LeaveSpan], d: date) -> Fraction:
    return min(F(1), sum((s.share for s in leaves if s.start <= d <= s.end), F(0)))


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def ref_month_credit(employment: Sequence[tuple[date, Fraction]], leaves: Sequence[LeaveSpan],
                     start: date, end: date) -> Fraction:
    return sum(
        (ref_fraction(employment, leaves, d) / days_in_month(d) for d in days(start, end)), F(0)
    )


# -- strategies ------------------------------------------------------------------------------

LO, HI = date(2023, 1, 1), date(2026, 12, 31)
dates = st.dates(min_value=LO, max_value=HI)
percents = st.one_of(
    st.sampled_from([F(0), F(1, 2), F(3, 4), F(4, 5), F(1)]),
    st.integers(0, 100).map(lambda p: F(p, 100)),
)
shares = st.one_of(
    st.sampled_from([F(1, 2), F(1), F(1, 4)]),
    st.integers(1, 100).map(lambda p: F(p, 100)),
)


@st.composite
def leave_spans(draw: st.DrawFn) -> LeaveSpan:
    start = draw(dates)
    return LeaveSpan(start, start + timedelta(days=draw(st.integers(0, 90))), draw(shares))


employments = st.lists(st.tuples(dates, percents), max_size=5)
leave_lists = st.lists(leave_spans(), max_size=6)


@st.composite
def ranges(draw: st.DrawFn) -> tuple[date, date]:
    start = draw(st.dates(min_value=date(2022, 10, 1), max_value=HI))
    return start, start + timedelta(days=draw(st.integers(-1, 500)))


# -- properties ------------------------------------------------------------------------------

PROPS = settings(max_examples=150, deadline=None)
REFERENCE = settings(max_examples=100, deadline=None)  # the day-by-day reference is slow


@REFERENCE
@given(employments, leave_lists, ranges())
def test_segments_agree_with_day_by_day_reference(
    employment: list[tuple[date, Fraction]], leaves: list[LeaveSpan], rng: tuple[date, date]
) -> None:
    start, end = rng
    t = Timeline(LO, employment, leaves)
    assert t.month_credit(start, end) == ref_month_credit(employment, leaves, start, end)
    assert t.leave_days_not_counted(start, end) == sum(
        (ref_leave(leaves, d) for d in days(start, end)), F(0)
    )
    for d in days(start, min(end, start + timedelta(days=40))):
        assert t.counted_fraction(d) == ref_fraction(employment, leaves, d)


@REFERENCE
@given(employments, leave_lists, dates, st.integers(1, 24 * 4).map(lambda q: F(q, 4)),
       st.integers(0, 8).map(lambda q: F(q, 4)))
def test_date_reaching_agrees_with_day_by_day_reference(
    employment: list[tuple[date, Fraction]],
    leaves: list[LeaveSpan],
    start: date,
    target: Fraction,
    already: Fraction,
) -> None:
    t = Timeline(LO, employment, leaves)
    got = t.date_reaching(target, start, already)
    horizon = date(2028, 12, 31)  # after every change point: beyond it the value is constant
    steps = sorted(employment, key=lambda s: s[0])  # sorted once, to keep the loop cheap
    acc, expected, d = already, None, start
    while d <= horizon:
        acc += ref_fraction(steps, leaves, d) / days_in_month(d)
        if acc >= target:
            expected = d
            break
        d += DAY
    if already >= target:
        assert got == start
    elif expected is not None:
        assert got == expected
    else:
        assert got is None or got > horizon
        if got is not None:
            assert already + t.month_credit(start, got) >= target
            assert already + t.month_credit(start, got - DAY) < target


@PROPS
@given(employments, leave_lists, ranges(), st.integers(0, 501))
def test_month_credit_is_additive(
    employment: list[tuple[date, Fraction]],
    leaves: list[LeaveSpan],
    rng: tuple[date, date],
    split: int,
) -> None:
    start, end = rng
    mid = min(start + timedelta(days=split - 1), end)  # mid in [start - 1, end]
    t = Timeline(LO, employment, leaves)
    whole = t.month_credit(start, end)
    assert whole == t.month_credit(start, mid) + t.month_credit(mid + DAY, end)
    assert t.leave_days_not_counted(start, end) == t.leave_days_not_counted(
        start, mid
    ) + t.leave_days_not_counted(mid + DAY, end)


@PROPS
@given(employments, leave_lists, dates, dates, shares, st.integers(1, 48).map(lambda q: F(q, 2)))
def test_adding_leave_never_moves_date_reaching_earlier(
    employment: list[tuple[date, Fraction]],
    leaves: list[LeaveSpan],
    start: date,
    leave_day: date,
    share: Fraction,
    target: Fraction,
) -> None:
    before = Timeline(LO, employment, leaves).date_reaching(target, start, F(0))
    after = Timeline(LO, employment, [*leaves, LeaveSpan(leave_day, leave_day, share)])
    reached = after.date_reaching(target, start, F(0))
    if before is None:
        assert reached is None
    else:
        assert reached is None or reached >= before


@PROPS
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
       st.integers(0, 200), st.integers(0, 400), leave_lists)
def test_full_time_whole_months_give_exactly_k(
    some_day: date, k: int, earlier: int, leaves: list[LeaveSpan]
) -> None:
    first = some_day.replace(day=1)
    index = first.year * 12 + first.month - 1 + k
    after = date(index // 12, index % 12 + 1, 1)
    # The employment step may begin before the range; leave outside the range is irrelevant.
    outside = [s for s in leaves if s.end < first or s.start >= after]
    t = Timeline(first, [(first - timedelta(days=earlier), FULL)], outside)
    assert t.month_credit(first, after - DAY) == k
    if k:
        assert t.date_reaching(F(k), first, F(0)) == after - DAY


@PROPS
@given(employments, leave_lists, dates, ranges(), st.integers(1, 40).map(lambda q: F(q, 2)))
def test_splitting_a_step_into_two_identical_steps_changes_nothing(
    employment: list[tuple[date, Fraction]],
    leaves: list[LeaveSpan],
    split_at: date,
    rng: tuple[date, date],
    target: Fraction,
) -> None:
    start, end = rng
    one = Timeline(LO, employment, leaves)
    value = ref_fraction(employment, [], split_at)
    two = Timeline(LO, [*employment, (split_at, value)], leaves)
    assert one.month_credit(start, end) == two.month_credit(start, end)
    assert one.leave_days_not_counted(start, end) == two.leave_days_not_counted(start, end)
    assert one.date_reaching(target, start, F(0)) == two.date_reaching(target, start, F(0))
    for d in (split_at - DAY, split_at, split_at + DAY, start, end):
        assert one.counted_fraction(d) == two.counted_fraction(d)
