"""The progress model's figures asserted directly (not through golden files): one-day leave,
`other` leave with `counts: true`, the service list's merge of equal-share pieces, entries
dated exactly on `start` and `as_of`, and a day-by-day reference for served months."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

from stcli.engine.evaluate import evaluate
from stcli.engine.progress import Progress, leave_counts
from stcli.engine.timecount import days_in_month
from stcli.model import Leave
from tests.conftest import write_profile_portfolio

DAY = dt.timedelta(days=1)


def st_yaml(*, start: str = "2025-01-01", employment: str = "  - {from: 2025-01-01, percent: 100}\n",
            regulation: str = "SOSFS 2015:8") -> str:
    return (f"trainee: Test Testsson\nregulation: {regulation}\nstart: {start}\n"
            f"home_unit: Vårdcentralen Test\nemployment:\n{employment}")


def progress(tmp_path: Path, files: dict[str, str] | None = None, *, as_of: str = "2025-03-31",
             st: str | None = None) -> Progress:
    root = write_profile_portfolio(tmp_path / "p", st or st_yaml(), files or {})
    evaluation = evaluate(root, dt.date.fromisoformat(as_of))
    assert evaluation.progress is not None, [f.message.key for f in evaluation.findings]
    return evaluation.progress


def reference_months(first: dt.date, last: dt.date, share_of: dict[dt.date, Fraction]) -> Fraction:
    """Served months day by day: each day is share / (days of its month)."""
    total = Fraction(0)
    day = first
    while day <= last:
        total += share_of.get(day, Fraction(1)) / days_in_month(day)
        day += DAY
    return total


# --- leave ------------------------------------------------------------------------------------


def test_one_day_tjanstledighet_is_one_day_not_counted(tmp_path: Path) -> None:
    # One day of leave without pay on 2025-02-10: February 2025 has 28 days, so 1/28 month
    # is lost; 1/28 of a month is 31/28 days of December 2029, so the projected completion
    # moves from 2029-12-31 past 2030-01-01 to 2030-01-02.
    without = progress(tmp_path / "a")
    with_leave = progress(tmp_path / "b", {
        "leave/l.yaml": "kind: tjanstledighet\nstart: 2025-02-10\nend: 2025-02-10\n"})
    assert with_leave.time.leave_days_not_counted == 1
    assert without.time.served - with_leave.time.served == Fraction(1, 28)
    assert with_leave.time.served == Fraction(3) - Fraction(1, 28)
    assert without.time.projected_completion == dt.date(2029, 12, 31)
    assert with_leave.time.projected_completion == dt.date(2030, 1, 2)


def test_other_leave_counts_only_with_counts_true(tmp_path: Path) -> None:
    base = "kind: other\nstart: 2025-02-01\nend: 2025-02-14\n"
    counted = progress(tmp_path / "a", {"leave/l.yaml": base + "counts: true\n"})
    assert counted.time.served == 3
    assert counted.time.leave_days_not_counted == 0
    not_counted = progress(tmp_path / "b", {"leave/l.yaml": base + "counts: false\n"})
    assert not_counted.time.served == 3 - Fraction(14, 28)
    assert not_counted.time.leave_days_not_counted == 14
    assert leave_counts(Leave(kind="other", start=dt.date(2025, 2, 1),
                              end=dt.date(2025, 2, 1), counts=True))
    assert not leave_counts(Leave(kind="other", start=dt.date(2025, 2, 1),
                                  end=dt.date(2025, 2, 1)))
    assert leave_counts(Leave(kind="semester", start=dt.date(2025, 2, 1),
                              end=dt.date(2025, 2, 1)))


def test_leave_on_as_of_and_on_start(tmp_path: Path) -> None:
    # Leave on the first day of ST and on as_of itself is inside the range counted.
    result = progress(tmp_path, {"leave/l.yaml": (
        "- {kind: foraldraledighet, start: 2025-01-01, end: 2025-01-01}\n"
        "- {kind: foraldraledighet, start: 2025-03-31, end: 2025-03-31}\n")})
    assert result.time.leave_days_not_counted == 2
    assert result.time.served == 3 - Fraction(1, 31) - Fraction(1, 31)
    assert result.time.served == reference_months(
        dt.date(2025, 1, 1), dt.date(2025, 3, 31),
        {dt.date(2025, 1, 1): Fraction(0), dt.date(2025, 3, 31): Fraction(0)})


def test_half_leave_and_part_time_against_the_day_by_day_reference(tmp_path: Path) -> None:
    st = st_yaml(employment="  - {from: 2025-01-01, percent: 100}\n"
                            "  - {from: 2025-02-15, percent: 75}\n")
    result = progress(tmp_path, {"leave/l.yaml": (
        "kind: foraldraledighet\nstart: 2025-03-03\nend: 2025-03-12\npercent: 50\n")},
        st=st, as_of="2025-03-20")
    shares = {}
    day = dt.date(2025, 2, 15)
    while day <= dt.date(2025, 3, 20):
        shares[day] = Fraction(3, 4)
        if dt.date(2025, 3, 3) <= day <= dt.date(2025, 3, 12):
            shares[day] = Fraction(3, 4) * Fraction(1, 2)
        day += DAY
    assert result.time.served == reference_months(dt.date(2025, 1, 1), dt.date(2025, 3, 20),
                                                  shares)
    assert result.time.percent_now == 75


# --- the service list --------------------------------------------------------------------------


def test_service_list_merges_pieces_of_equal_share(tmp_path: Path) -> None:
    # An employment step to the same percent cuts the placement at 2025-02-01; both pieces
    # have the same share, so they are one line whose months are both pieces' sum.
    st = st_yaml(employment="  - {from: 2025-01-01, percent: 100}\n"
                            "  - {from: 2025-02-01, percent: 100}\n")
    result = progress(tmp_path, {"placements/vc.yaml": (
        "type: vardcentral\nspecialty: allmanmedicin\nunit: VC\nstart: 2025-01-01\n"
        "end: 2025-12-31\n")}, st=st, as_of="2025-03-15")
    [row] = result.service
    assert (row.start, row.end) == (dt.date(2025, 1, 1), dt.date(2025, 3, 15))
    assert row.percent == 100
    assert row.months == 2 + Fraction(15, 31)
    assert row.ongoing


def test_service_list_cuts_where_the_share_changes(tmp_path: Path) -> None:
    st = st_yaml(employment="  - {from: 2025-01-01, percent: 100}\n"
                            "  - {from: 2025-02-01, percent: 50}\n")
    result = progress(tmp_path, {"placements/vc.yaml": (
        "type: vardcentral\nspecialty: allmanmedicin\nunit: VC\nstart: 2025-01-01\n"
        "end: 2025-02-28\n")}, st=st, as_of="2025-03-15")
    first, second = result.service
    assert (first.start, first.end, first.percent, first.months) == (
        dt.date(2025, 1, 1), dt.date(2025, 1, 31), 100, 1)
    assert (second.start, second.end, second.percent, second.months) == (
        dt.date(2025, 2, 1), dt.date(2025, 2, 28), 50, Fraction(1, 2))
    assert not second.ongoing
    assert result.service_months == Fraction(3, 2)


def test_service_list_own_percent_and_leave(tmp_path: Path) -> None:
    # A placement at 40 % with a week of full-time parental leave inside it: the leave week
    # is its own line with share 0 and therefore left out.
    result = progress(tmp_path, {
        "placements/s.yaml": ("type: sidotjanstgoring\nspecialty: psykiatri\nunit: Psyk\n"
                              "start: 2025-02-01\nend: 2025-02-28\npercent: 40\n"),
        "leave/l.yaml": "kind: foraldraledighet\nstart: 2025-02-10\nend: 2025-02-16\n"})
    first, second = result.service
    assert (first.start, first.end, first.percent) == (dt.date(2025, 2, 1),
                                                       dt.date(2025, 2, 9), 40)
    assert first.months == Fraction(2, 5) * Fraction(9, 28)
    assert (second.start, second.end) == (dt.date(2025, 2, 17), dt.date(2025, 2, 28))
    assert second.months == Fraction(2, 5) * Fraction(12, 28)


def test_placement_starting_on_as_of_is_in_the_list_and_after_it_not(tmp_path: Path) -> None:
    files = {"placements/a.yaml": ("type: vardcentral\nspecialty: allmanmedicin\nunit: VC\n"
                                   "start: 2025-03-31\nend: 2025-06-30\n"),
             "placements/b.yaml": ("type: vardcentral\nspecialty: allmanmedicin\nunit: VC2\n"
                                   "start: 2025-04-01\nend: 2025-06-30\n")}
    [row] = progress(tmp_path, files).service
    assert (row.start, row.end, row.months) == (dt.date(2025, 3, 31), dt.date(2025, 3, 31),
                                                Fraction(1, 31))


def test_in_bt_from_its_first_day_to_its_last(tmp_path: Path) -> None:
    st = st_yaml(regulation="HSLF-FS 2021:8") + "bt:\n  start: 2025-01-01\n  end: 2025-03-31\n"
    assert progress(tmp_path / "a", st=st, as_of="2025-01-01").in_bt
    assert progress(tmp_path / "b", st=st, as_of="2025-03-31").in_bt
    assert not progress(tmp_path / "c", st=st, as_of="2025-04-01").in_bt


def test_month_key_and_the_summer_window_edges() -> None:
    from stcli.engine.progress import in_summer_window, month_key

    assert month_key(dt.date(2026, 3, 5)) == "2026-03"
    assert month_key(dt.date(987, 11, 30)) == "0987-11"
    window = ((6, 15), (8, 15))
    assert in_summer_window(dt.date(2025, 6, 15), *window)
    assert in_summer_window(dt.date(2025, 8, 15), *window)
    assert not in_summer_window(dt.date(2025, 6, 14), *window)
    assert not in_summer_window(dt.date(2025, 8, 16), *window)


def test_progress_at_a_day_is_the_model_as_it_stood_then(tmp_path: Path) -> None:
    from stcli.engine.progress import progress_at

    root = write_profile_portfolio(tmp_path / "p", st_yaml(), {})
    evaluation = evaluate(root, dt.date(2025, 3, 31))
    assert evaluation.progress is not None and evaluation.portfolio.profile is not None
    assert evaluation.catalog is not None
    then = progress_at(evaluation.portfolio, evaluation.portfolio.profile.value,
                       dt.date(2025, 1, 31), evaluation.settings, evaluation.catalog)
    assert then.as_of == dt.date(2025, 1, 31)
    assert then.time.served == 1


def test_completion_on_the_day_served_time_reaches_the_requirement(tmp_path: Path) -> None:
    # 59 months credited (SOSFS, 60 required) and January 2025 served: on as_of the
    # requirement is met exactly, and the completion is that day, not the next.
    st = st_yaml() + "credited:\n  - {months: 59, description: Tidigare tjänstgöring}\n"
    result = progress(tmp_path, st=st, as_of="2025-01-31")
    assert result.time.served == 60
    assert result.time.remaining == 0
    assert result.time.projected_completion == dt.date(2025, 1, 31)
