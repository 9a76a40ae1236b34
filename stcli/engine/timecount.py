"""Exact counting of ST time (rules.md, "Counting time" and "Conventions every rule follows").

Pure module: no I/O, no clock. Every quantity is a :class:`fractions.Fraction`; floats appear
only in :func:`months_to_float`, for display.

Definitions (rules.md):

* counted fraction of day d = percent(d) x (1 - min(1, sum of non-counting leave shares on d))
* month credit of day d     = counted fraction / number of days in d's calendar month
* leave days not counted    = sum over days of min(1, sum of non-counting leave shares on d)

The timeline is a step function: it only changes on an employment ``from`` date, on the first
day of a leave span, or on the day after its last day. Sums over date ranges are computed per
segment on which the value is constant and which lies within one calendar month, so the cost
depends on the number of entries and months, never on the number of days.
"""

from __future__ import annotations

import calendar
import math
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache

from dateutil.relativedelta import relativedelta

__all__ = [
    "LeaveSpan",
    "Timeline",
    "add_years",
    "days_in_month",
    "months_to_float",
    "st_year_bounds",
    "st_year_of",
]

_ZERO = Fraction(0)
_ONE = Fraction(1)
_DAY = timedelta(days=1)


def _exact(value: object, what: str) -> Fraction:
    """Return ``value`` as a Fraction; ints and Fractions only (a float would not be exact)."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise TypeError(f"{what} must be an int or a Fraction, not {type(value).__name__}")
    return Fraction(value)


@dataclass(frozen=True)
class LeaveSpan:
    """One leave entry that does not count as ST time.

    ``start`` and ``end`` are inclusive; a span with ``end < start`` is empty and removes
    nothing. ``share`` is the share of the working time on leave (percent / 100),
    ``0 < share <= 1``.
    """

    start: date
    end: date
    share: Fraction

    def __post_init__(self) -> None:
        share = _exact(self.share, "LeaveSpan.share")
        if not 0 < share <= 1:
            raise ValueError(f"LeaveSpan.share must satisfy 0 < share <= 1, got {share}")
        object.__setattr__(self, "share", share)


def days_in_month(day: date) -> int:
    """Number of days in the calendar month holding ``day``."""
    return calendar.monthrange(day.year, day.month)[1]


def _month_end(day: date) -> date:
    return day.replace(day=days_in_month(day))


def _next_day(day: date) -> date | None:
    return None if day == date.max else day + _DAY


class Timeline:
    """Employment and non-counting leave of one trainee, as an exact step function.

    ``employment`` is a step function of ``(from_date, percent / 100)``: each step holds
    from its date until the next step's date; before the first step the percent is 0, after
    the last step its value holds forever. Steps are sorted by date (stably: of two steps on
    the same date the later one in the sequence wins).
    """

    __slots__ = ("_counted", "_leave", "_points", "employment", "noncounting_leave", "st_start")

    def __init__(
        self,
        st_start: date,
        employment: Sequence[tuple[date, Fraction]],
        noncounting_leave: Sequence[LeaveSpan],
    ) -> None:
        self.st_start = st_start
        steps: list[tuple[date, Fraction]] = []
        for when, fraction in employment:
            value = _exact(fraction, "employment fraction")
            if not 0 <= value <= 1:
                raise ValueError(f"employment fraction must satisfy 0 <= f <= 1, got {value}")
            steps.append((when, value))
        steps.sort(key=lambda step: step[0])
        self.employment: tuple[tuple[date, Fraction], ...] = tuple(steps)
        self.noncounting_leave: tuple[LeaveSpan, ...] = tuple(noncounting_leave)

        percent_at: dict[date, Fraction] = dict(steps)  # later step on the same date wins
        leave_delta: dict[date, Fraction] = {}
        for span in self.noncounting_leave:
            if span.end < span.start:
                continue
            leave_delta[span.start] = leave_delta.get(span.start, _ZERO) + span.share
            after = _next_day(span.end)
            if after is not None:
                leave_delta[after] = leave_delta.get(after, _ZERO) - span.share

        # Piece i covers [points[i], points[i + 1]) with constant counted[i] and leave[i];
        # before points[0] both are 0 (no employment, no leave).
        points: list[date] = []
        counted: list[Fraction] = []
        leave: list[Fraction] = []
        percent = _ZERO
        leave_sum = _ZERO
        last_counted, last_leave = _ZERO, _ZERO
        for point in sorted(percent_at.keys() | leave_delta.keys()):
            percent = percent_at.get(point, percent)
            leave_sum += leave_delta.get(point, _ZERO)
            capped = min(_ONE, leave_sum)
            value = percent * (1 - capped)
            if value == last_counted and capped == last_leave:
                continue  # nothing changes here: merge with the previous piece
            points.append(point)
            counted.append(value)
            leave.append(capped)
            last_counted, last_leave = value, capped
        self._points = points
        self._counted = counted
        self._leave = leave

    # -- point queries -------------------------------------------------------------------

    def _piece(self, day: date) -> int:
        """Index of the piece holding ``day``; -1 before the first change point."""
        return bisect_right(self._points, day) - 1

    def _value(self, values: list[Fraction], piece: int) -> Fraction:
        return _ZERO if piece < 0 else values[piece]

    def counted_fraction(self, day: date) -> Fraction:
        """percent(day) x (1 - min(1, sum of non-counting leave shares on day))."""
        return self._value(self._counted, self._piece(day))

    def leave_share(self, day: date) -> Fraction:
        """min(1, sum of non-counting leave shares on day)."""
        return self._value(self._leave, self._piece(day))

    # -- segments ------------------------------------------------------------------------

    def _segments(self, start: date, end: date) -> Iterator[tuple[date, date, int]]:
        """Split [start, end] into (first, last, piece) on which the piece is constant and
        which lie within one calendar month."""
        piece = self._piece(start)
        points = self._points
        current: date | None = start
        while current is not None and current <= end:
            next_change = points[piece + 1] if piece + 1 < len(points) else None
            last = min(end, _month_end(current))
            if next_change is not None and next_change <= last:
                last = next_change - _DAY
            yield current, last, piece
            current = _next_day(last)
            if current is not None and current == next_change:
                piece += 1

    # -- range sums ----------------------------------------------------------------------

    def month_credit(self, start: date, end: date) -> Fraction:
        """Sum over days d in [start, end] of counted_fraction(d) / days_in_month(d).

        0 if ``end < start``. A whole calendar month at 100 % is exactly 1.
        """
        total = _ZERO
        for first, last, piece in self._segments(start, end):
            value = self._value(self._counted, piece)
            if value:
                total += value * ((last - first).days + 1) / days_in_month(first)
        return total

    def leave_days_not_counted(self, start: date, end: date) -> Fraction:
        """Sum over days d in [start, end] of min(1, sum of non-counting leave shares on d).

        10 days of 50 % leave = 5. 0 if ``end < start``.
        """
        total = _ZERO
        for first, last, piece in self._segments(start, end):
            value = self._value(self._leave, piece)
            if value:
                total += value * ((last - first).days + 1)
        return total

    def served_months(self, as_of: date) -> Fraction:
        """Month credit from ``st_start`` to ``as_of`` inclusive (credited months excluded)."""
        return self.month_credit(self.st_start, as_of)

    # -- solving -------------------------------------------------------------------------

    def date_reaching(self, target: Fraction, start: date, already: Fraction) -> date | None:
        """First day D >= start with ``already + month_credit(start, D) >= target``.

        Returns ``start`` if ``already >= target`` and None if the target is never reached
        (percent 0 or full leave forever, or not before the end of the calendar).
        """
        need = _exact(target, "target") - _exact(already, "already")
        if need <= 0:
            return start
        last_piece = len(self._points) - 1
        acc = _ZERO
        for first, last, piece in self._segments(start, date.max):
            value = self._value(self._counted, piece)
            if not value:
                if piece == last_piece:
                    return None  # nothing more will ever be counted
                continue
            dim = days_in_month(first)
            if piece == last_piece and first.day == 1:
                # Constant value from here on: every whole month adds exactly `value`.
                return _solve_constant_tail(first, need - acc, value)
            gained = value * ((last - first).days + 1) / dim
            if acc + gained >= need:
                days = math.ceil((need - acc) * dim / value)
                return first + timedelta(days=days - 1)
            acc += gained
        return None


def _solve_constant_tail(month_start: date, remaining: Fraction, value: Fraction) -> date | None:
    """First day reaching ``remaining`` (> 0) from ``month_start`` (a 1st) at constant
    ``value`` (> 0) per day-of-month share."""
    skip = math.ceil(remaining / value) - 1  # whole months that stay short of the target
    index = month_start.year * 12 + month_start.month - 1 + skip
    year, month0 = divmod(index, 12)
    if year > date.max.year:
        return None
    first = date(year, month0 + 1, 1)
    left = remaining - skip * value  # in (0, value]
    days = math.ceil(left * days_in_month(first) / value)
    return first + timedelta(days=days - 1)


# -- calendar helpers ------------------------------------------------------------------------


def add_years(d: date, n: int) -> date:
    """Calendar arithmetic (dateutil.relativedelta): 29 February + 1 year = 28 February."""
    result: date = d + relativedelta(years=n)
    return result


def st_year_bounds(st_start: date, n: int) -> tuple[date, date]:
    """Inclusive bounds of ST year ``n`` (1-based): [start + (n-1) y, start + n y - 1 day]."""
    if n < 1:
        raise ValueError(f"ST years are numbered from 1, got {n}")
    return add_years(st_start, n - 1), add_years(st_start, n) - _DAY


@lru_cache(maxsize=8192)  # called per dated entry, often on the same days
def st_year_of(st_start: date, day: date) -> int:
    """1-based ST year holding ``day``; 0 for days before ``st_start``."""
    if day < st_start:
        return 0
    n = max(1, day.year - st_start.year)  # never past the answer; at most one step short
    while add_years(st_start, n) <= day:
        n += 1
    return n


def months_to_float(m: Fraction, digits: int) -> float:
    """Round ``m`` to ``digits`` decimals, half away from zero (half-up), for display."""
    scale = Fraction(10) ** digits
    scaled = abs(Fraction(m)) * scale
    rounded = math.floor(scaled + Fraction(1, 2))
    if m < 0:
        rounded = -rounded
    return float(rounded / scale)
