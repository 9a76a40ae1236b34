"""Boundary and blame tests of the rules: each threshold on both sides, entries dated exactly
on `start` and `as_of`, and the exact entry (file:line) each finding points at. Each test
here kills a mutant that the older rule tests let live (tools/mutate.py, docs/mutation.md)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from stcli.findings import PORTFOLIO, Severity
from tests.conftest import findings_for, key_line, write_profile_portfolio

SOSFS = "SOSFS 2015:8"
HSLF = "HSLF-FS 2021:8"


def profile(region: str | None = None, *, regulation: str = SOSFS, start: str = "2020-01-01",
            extra: str = "") -> str:
    text = (f"trainee: Test Testsson\nregulation: {regulation}\nstart: {start}\n"
            f"home_unit: Vårdcentralen Test\n{extra}")
    return text + (f"region: {region}\n" if region else "")


def milestones(*entries: str) -> dict[str, str]:
    lines = [f"- kind: {kind}\n  date: {date}\n" for kind, date in (e.split() for e in entries)]
    return {"milestones/m.yaml": "".join(lines)}


# --- M007: SOSFS, full time from 2020-01-01: completion 2024-12-31, due 2023-06-30 ------------


def test_m007_another_past_milestone_is_not_mitt_i_st(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), milestones("iup 2020-03-01"))
    [overdue] = findings_for(root, "2023-07-01", "M007")
    assert overdue.severity is Severity.WARNING


def test_m007_mitt_i_st_done_on_as_of_ends_it_a_day_later_does_not(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), milestones("mitt-i-st 2023-07-01"))
    assert findings_for(root, "2023-07-01", "M007") == []
    [overdue] = findings_for(root, "2023-06-30", "M007")  # the last day it is due, planned
    assert overdue.severity is Severity.INFO  # reminder: the day itself is not overdue


def test_m007_registration_on_as_of_counts_as_done(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), milestones("mitt-i-st-anmalan 2023-07-02"))
    assert findings_for(root, "2023-07-02", "M007") == []
    [overdue] = findings_for(root, "2023-07-01", "M007")
    assert overdue.severity is Severity.WARNING


def test_m007_planned_on_the_due_day_is_in_time_a_day_later_is_late(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path / "a", profile(),
                                   milestones("mitt-i-st-anmalan 2023-06-30"))
    assert findings_for(root, "2023-01-01", "M007") == []
    root = write_profile_portfolio(tmp_path / "b", profile(),
                                   milestones("mitt-i-st-anmalan 2023-07-01",
                                              "mitt-i-st-anmalan 2023-08-01"))
    [late] = findings_for(root, "2023-01-01", "M007")
    assert late.position.file == "milestones/m.yaml"
    assert late.position.line == key_line(root, "milestones/m.yaml", "date", 0)


def test_m007_reminder_from_three_months_before(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile())
    assert findings_for(root, "2023-03-29", "M007") == []
    [reminder] = findings_for(root, "2023-03-30", "M007")
    assert reminder.severity is Severity.INFO
    assert reminder.position == PORTFOLIO


# --- D009 -----------------------------------------------------------------------------------


def _vc(unit: str, start: str, end: str, percent: int | None = None) -> str:
    text = f"type: vardcentral\nspecialty: allmanmedicin\nunit: {unit}\nstart: {start}\nend: {end}\n"
    return text + (f"percent: {percent}\n" if percent is not None else "")


def test_d009_placements_sharing_one_day_overlap(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01"), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-01-31"),
        "placements/b.yaml": _vc("B", "2025-01-31", "2025-06-30")})
    [finding] = findings_for(root, "2025-03-01", "D009")
    assert finding.position.file == "placements/b.yaml"
    assert finding.position.line == key_line(root, "placements/b.yaml", "start")
    assert finding.message.args["day"].isoformat() == "2025-01-31"
    assert finding.message.args["other"] == "A"
    assert finding.message.args["total"] == 200
    assert finding.message.args["employment"] == 100
    # whole percents as written (int), not Fraction(200, 1)
    assert type(finding.message.args["total"]) is int
    assert type(finding.message.args["employment"]) is int


def test_d009_adjacent_placements_do_not_overlap(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01"), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-01-30"),
        "placements/b.yaml": _vc("B", "2025-01-31", "2025-06-30")})
    assert findings_for(root, "2025-03-01", "D009") == []


def test_d009_shares_up_to_the_employment_are_fine_one_percent_more_is_not(
        tmp_path: Path) -> None:
    employment = "employment:\n  - {from: 2024-09-01, percent: 80}\n"
    root = write_profile_portfolio(tmp_path / "a", profile(start="2024-09-01", extra=employment), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-06-30", 40),
        "placements/b.yaml": _vc("B", "2024-10-01", "2025-06-30", 40)})
    assert findings_for(root, "2025-03-01", "D009") == []
    root = write_profile_portfolio(tmp_path / "b", profile(start="2024-09-01", extra=employment), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-06-30", 40),
        "placements/b.yaml": _vc("B", "2024-10-01", "2025-06-30", 41)})
    [finding] = findings_for(root, "2025-03-01", "D009")
    assert finding.message.args["day"].isoformat() == "2024-10-01"
    assert finding.message.args["total"] == 81
    assert finding.message.args["employment"] == 80


def test_d009_the_overlap_starts_after_an_employment_step(tmp_path: Path) -> None:
    # 50 + 50 fit the 100 % until 2025-01-01, then the employment drops to 80 %.
    employment = ("employment:\n  - {from: 2024-09-01, percent: 100}\n"
                  "  - {from: 2025-01-01, percent: 80}\n")
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01", extra=employment), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-06-30", 50),
        "placements/b.yaml": _vc("B", "2024-09-01", "2025-06-30", 50)})
    [finding] = findings_for(root, "2025-03-01", "D009")
    assert finding.message.args["day"].isoformat() == "2025-01-01"
    assert finding.message.args["employment"] == 80
    assert finding.message.args["other"] == "A"
    assert finding.position.file == "placements/b.yaml"


def test_d009_a_third_placement_is_reported_once(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01"), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-06-30", 50),
        "placements/b.yaml": _vc("B", "2024-09-01", "2025-06-30", 50),
        "placements/c.yaml": _vc("C", "2024-11-01", "2024-11-30", 10)})
    # 50 + 50 fit; from 2024-11-01 C makes 110: B and C are reported there, each once,
    # naming A (the first placement running that day).
    findings = findings_for(root, "2025-03-01", "D009")
    assert [f.position.file for f in findings] == ["placements/b.yaml", "placements/c.yaml"]
    assert {f.message.args["day"].isoformat() for f in findings} == {"2024-11-01"}
    assert {f.message.args["other"] for f in findings} == {"A"}
    assert {f.message.args["total"] for f in findings} == {110}


# --- T002: more than 30 absence days in an ST year ------------------------------------------


def _absence(*spans: tuple[str, str, str]) -> dict[str, str]:
    return {"leave/l.yaml": "".join(f"- kind: {kind}\n  start: {start}\n  end: {end}\n"
                                    for kind, start, end in spans)}


def test_t002_thirty_days_are_fine_thirty_one_are_not(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path / "a", profile(start="2024-09-01"), _absence(
        ("sjukskrivning", "2024-10-01", "2024-10-20"), ("vab", "2024-11-01", "2024-11-10")))
    assert findings_for(root, "2025-08-31", "T002") == []
    root = write_profile_portfolio(tmp_path / "b", profile(start="2024-09-01"), _absence(
        ("sjukskrivning", "2024-10-01", "2024-10-20"), ("vab", "2024-11-01", "2024-11-11")))
    [finding] = findings_for(root, "2025-08-31", "T002")
    assert finding.message.args["days"] == 31
    assert finding.position.line == key_line(root, "leave/l.yaml", "kind", 1)


def test_t002_points_at_the_entry_on_which_the_count_passes(tmp_path: Path) -> None:
    # Written out of date order, overlapping: 10 days, then 15 of which 5 overlap (10 new,
    # 20 in all), then 11 (31 in all): the third in date order, the first in the file.
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01"), _absence(
        ("vab", "2025-02-01", "2025-02-11"),
        ("sjukskrivning", "2024-10-01", "2024-10-10"),
        ("sjukskrivning", "2024-10-06", "2024-10-20"),
        ("vab", "2025-03-01", "2025-03-05")))
    [finding] = findings_for(root, "2025-08-31", "T002")
    assert finding.message.args["days"] == 36
    assert finding.position.file == "leave/l.yaml"
    assert finding.position.line == key_line(root, "leave/l.yaml", "kind", 0)


def test_t002_counts_days_of_the_year_and_up_to_as_of_only(tmp_path: Path) -> None:
    # ST year 1 ends 2025-08-31: a sick leave over the turn counts its days in each year.
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01"), _absence(
        ("sjukskrivning", "2025-08-01", "2025-09-30")))
    [first] = findings_for(root, "2025-08-31", "T002")
    assert first.message.args["year"] == 1 and first.message.args["days"] == 31
    assert first.position.line == key_line(root, "leave/l.yaml", "kind")
    # As of 2025-09-30 year 2 has 30 days: fine; year 1 still 31.
    assert [f.message.args["year"] for f in findings_for(root, "2025-09-30", "T002")] == [1]
    root = write_profile_portfolio(tmp_path / "b", profile(start="2024-09-01"), _absence(
        ("sjukskrivning", "2025-08-02", "2025-10-31")))
    # As of 2025-10-01: year 1 has 30 days (fine), year 2 31 to as_of.
    [second] = findings_for(root, "2025-10-01", "T002")
    assert second.message.args["year"] == 2 and second.message.args["days"] == 31


def test_t002_crossing_with_entries_before_start_and_leave_that_does_not_count(
        tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01"), _absence(
        ("semester", "2024-09-01", "2024-09-30"),
        ("sjukskrivning", "2024-08-01", "2024-09-20"),
        ("vab", "2024-09-21", "2024-09-30"),
        ("vab", "2024-10-01", "2024-10-01")))
    # 20 days from start (the days before ST are not in year 1), 10, then 1: 31 on the last.
    [finding] = findings_for(root, "2025-08-31", "T002")
    assert finding.message.args["days"] == 31
    assert finding.position.line == key_line(root, "leave/l.yaml", "kind", 3)


# --- K001: an approval on the cancellation deadline is in time -----------------------------


def _course(approved: str | None, deadline: str = "2025-01-20") -> dict[str, str]:
    funding = "funding:\n  applied: 2024-12-01\n" + (f"  approved: {approved}\n" if approved else "")
    return {"courses/k.yaml": (f"title: Kurs\nstart: 2025-03-10\nend: 2025-03-12\n{funding}"
                               f"cancellation_deadline: {deadline}\ncertificate: signed\n")}


def test_k001_approved_on_the_deadline_is_in_time_a_day_later_is_late(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path / "a", profile("vgr", start="2024-09-01"),
                                   _course("2025-01-20"))
    assert findings_for(root, "2025-06-01", "K001") == []
    root = write_profile_portfolio(tmp_path / "b", profile("vgr", start="2024-09-01"),
                                   _course("2025-01-21"))
    [late] = findings_for(root, "2025-06-01", "K001")
    assert late.position.line == key_line(root, "courses/k.yaml", "approved")


def test_k001_not_approved_on_the_deadline_day_is_still_pending(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr", start="2024-09-01"), _course(None))
    [pending] = findings_for(root, "2025-01-20", "K001")
    assert pending.severity is Severity.INFO
    [passed] = findings_for(root, "2025-01-21", "K001")
    assert passed.severity is Severity.WARNING
    # at `funding`: its value's first line
    assert passed.position.line == key_line(root, "courses/k.yaml", "applied")


# --- PL001: a placement above the employment percent counts once, not more ------------------


def test_pl001_placement_percent_above_the_employment_counts_the_whole_day(
        tmp_path: Path) -> None:
    # Employed at 50 %, a placement written as 100 %: 8 weeks are 8 weeks, short of 16.
    st = profile("vgr", regulation=HSLF, start="2024-09-01",
                 extra="swedish_at: true\nemployment:\n  - {from: 2024-09-01, percent: 50}\n")
    root = write_profile_portfolio(tmp_path, st, {"placements/im.yaml": (
        "type: sidotjanstgoring\nspecialty: internmedicin\nunit: Med\nstart: 2025-01-06\n"
        "end: 2025-03-02\npercent: 100\n")})
    [finding] = findings_for(root, "2025-06-01", "PL001")
    assert finding.message.args["weeks"] == 8
    assert finding.position.line == key_line(root, "placements/im.yaml", "end")


def test_pl001_exactly_the_weeks_needed_is_enough_a_day_less_is_not(tmp_path: Path) -> None:
    st = profile("vgr", regulation=HSLF, start="2024-09-01", extra="swedish_at: true\n")
    im = ("type: sidotjanstgoring\nspecialty: internmedicin\nunit: Med\nstart: 2025-01-06\n"
          "end: {end}\n")
    root = write_profile_portfolio(tmp_path / "a", st, {"placements/im.yaml": im.format(
        end="2025-04-27")})  # 112 days: 16 weeks
    assert findings_for(root, "2025-06-01", "PL001") == []
    root = write_profile_portfolio(tmp_path / "b", st, {"placements/im.yaml": im.format(
        end="2025-04-26")})
    [short] = findings_for(root, "2025-06-01", "PL001")
    assert short.position.line == key_line(root, "placements/im.yaml", "end")


# --- G001's bt_open (used by G002): only a bt-intyg dated by as_of closes BT -----------------


def test_g002_bt_uncertified_is_not_closed_by_another_milestone(tmp_path: Path) -> None:
    st = profile(regulation=HSLF, start="2024-09-01",
                 extra="bt:\n  start: 2024-09-01\n  end: 2025-08-31\n")
    placement = {"placements/vc.yaml": (
        "type: vardcentral\nspecialty: allmanmedicin\nunit: VC\nstart: 2024-09-01\n"
        "end: 2025-08-31\ndelmal: [BT1]\n")}
    root = write_profile_portfolio(tmp_path / "a", st,
                                   {**placement, **milestones("iup 2024-10-01")})
    assert [f.message.key for f in findings_for(root, "2025-09-01", "G002")].count(
        "rule.G002.bt_uncertified") == 1
    root = write_profile_portfolio(tmp_path / "b", st,
                                   {**placement, **milestones("bt-intyg 2025-09-01")})
    assert "rule.G002.bt_uncertified" not in [
        f.message.key for f in findings_for(root, "2025-09-01", "G002")]
    [open_on_the_last_day] = [f for f in findings_for(root, "2025-08-31", "G002")
                              if f.message.key == "rule.G002.bt_uncertified"]
    assert open_on_the_last_day.severity is Severity.INFO  # BT not over yet
    [after] = [f for f in findings_for(root / ".." / "a", "2025-09-01", "G002")
               if f.message.key == "rule.G002.bt_uncertified"]
    assert after.severity is Severity.WARNING  # BT ended without its certificate


def test_g002_bt_approved_in_st_yaml_closes_bt_from_that_day(tmp_path: Path) -> None:
    st = profile(regulation=HSLF, start="2024-09-01",
                 extra="bt:\n  start: 2024-09-01\n  end: 2025-08-31\n  approved: 2025-09-10\n")
    root = write_profile_portfolio(tmp_path, st, {"placements/vc.yaml": (
        "type: vardcentral\nspecialty: allmanmedicin\nunit: VC\nstart: 2024-09-01\n"
        "end: 2025-08-31\ndelmal: [BT1]\n")})
    keys = [f.message.key for f in findings_for(root, "2025-09-09", "G002")]
    assert "rule.G002.bt_uncertified" in keys
    keys = [f.message.key for f in findings_for(root, "2025-09-10", "G002")]
    assert "rule.G002.bt_uncertified" not in keys


def test_d009_the_second_of_two_employment_steps_in_one_stretch(tmp_path: Path) -> None:
    # Nothing starts or ends between 2024-09-01 and 2025-06-30; the employment steps twice
    # in that stretch and only the second step makes 50 + 50 too much.
    employment = ("employment:\n  - {from: 2024-09-01, percent: 100}\n"
                  "  - {from: 2024-12-01, percent: 100}\n"
                  "  - {from: 2025-01-01, percent: 80}\n")
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01", extra=employment), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-06-30", 50),
        "placements/b.yaml": _vc("B", "2024-09-01", "2025-06-30", 50)})
    [finding] = findings_for(root, "2025-03-01", "D009")
    assert finding.message.args["day"].isoformat() == "2025-01-01"


def test_d009_a_one_day_placement_counts_auskultation_never(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path / "a", profile(start="2024-09-01"), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-06-30"),
        "placements/b.yaml": _vc("B", "2024-10-15", "2024-10-15")})
    [finding] = findings_for(root, "2025-03-01", "D009")
    assert finding.position.file == "placements/b.yaml"
    assert finding.message.args["day"].isoformat() == "2024-10-15"
    root = write_profile_portfolio(tmp_path / "b", profile(start="2024-09-01"), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2025-06-30"),
        "placements/b.yaml": ("type: auskultation\nspecialty: psykiatri\nunit: Psyk\n"
                              "start: 2024-10-15\nend: 2024-10-16\n")})
    assert findings_for(root, "2025-03-01", "D009") == []


def test_d009_a_placement_that_ended_no_longer_counts(tmp_path: Path) -> None:
    # A ended 2024-12-31; B and C (60 % each) overlap from 2025-02-01: C is reported,
    # naming B (A is not running then), and B is not reported (nothing before it overlaps).
    root = write_profile_portfolio(tmp_path / "a", profile(start="2024-09-01"), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2024-12-31"),
        "placements/b.yaml": _vc("B", "2025-01-01", "2025-06-30", 60),
        "placements/c.yaml": _vc("C", "2025-02-01", "2025-06-30", 60)})
    [finding] = findings_for(root, "2025-03-01", "D009")
    assert finding.position.file == "placements/c.yaml"
    assert finding.message.args["other"] == "B"
    assert finding.message.args["total"] == 120
    # after A's end, B and C at 50 % each fit exactly
    root = write_profile_portfolio(tmp_path / "b", profile(start="2024-09-01"), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2024-12-31"),
        "placements/b.yaml": _vc("B", "2025-01-01", "2025-06-30", 50),
        "placements/c.yaml": _vc("C", "2025-01-01", "2025-06-30", 50)})
    assert findings_for(root, "2025-03-01", "D009") == []


def test_d009_a_step_on_the_day_placements_end_and_one_alone_above_the_employment(
        tmp_path: Path) -> None:
    # A and B (50 % each) end 2024-12-31; the employment drops to 80 % the next day, when
    # only C runs: C alone, written as 100 %, of an 80 % employment is not an overlap.
    employment = ("employment:\n  - {from: 2024-09-01, percent: 100}\n"
                  "  - {from: 2025-01-01, percent: 80}\n")
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01", extra=employment), {
        "placements/a.yaml": _vc("A", "2024-09-01", "2024-12-31", 50),
        "placements/b.yaml": _vc("B", "2024-09-01", "2024-12-31", 50),
        "placements/c.yaml": _vc("C", "2025-01-01", "2025-06-30", 100)})
    assert findings_for(root, "2025-03-01", "D009") == []


def test_t002_entries_touching_on_one_day_and_at_the_year_edges(tmp_path: Path) -> None:
    # A leave ending on the first day of ST counts that one day; one starting on as_of counts
    # that day; the second entry starts on the last day of the first (counted once): 1 + 20
    # + 9 = 30 days, so the entry on as_of is the 31st day.
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01"), _absence(
        ("sjukskrivning", "2024-08-20", "2024-09-01"),
        ("sjukskrivning", "2024-10-01", "2024-10-20"),
        ("vab", "2024-10-20", "2024-10-29"),
        ("vab", "2025-03-01", "2025-03-05")))
    assert findings_for(root, "2025-02-28", "T002") == []
    [finding] = findings_for(root, "2025-03-01", "T002")
    assert finding.message.args["days"] == 31
    assert finding.position.line == key_line(root, "leave/l.yaml", "kind", 3)


def test_k001_without_a_deadline_the_course_start_is_the_limit(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr", start="2024-09-01"), {
        "courses/k.yaml": ("title: Kurs\nstart: 2025-03-10\nend: 2025-03-12\n"
                           "funding:\n  applied: 2024-12-01\n")})
    [before] = findings_for(root, "2025-03-09", "K001")
    assert before.severity is Severity.INFO
    assert before.message.key == "rule.K001.pending_no_deadline"
    [started] = findings_for(root, "2025-03-10", "K001")
    assert started.severity is Severity.WARNING
    assert started.message.key == "rule.K001.not_approved"
    assert started.position.line == key_line(root, "courses/k.yaml", "applied")


def test_k001_a_course_without_funding_is_not_judged(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr", start="2024-09-01"), {
        "courses/k.yaml": "title: Kurs\nstart: 2025-03-10\nend: 2025-03-12\n"})
    assert findings_for(root, "2025-06-01", "K001") == []


def _side(specialty: str, start: str, end: str, extra: str = "") -> str:
    return (f"type: sidotjanstgoring\nspecialty: {specialty}\nunit: Klinik\nstart: {start}\n"
            f"end: {end}\n{extra}")


def test_pl001_one_placement_or_several_and_the_hint_only_for_internmedicin(
        tmp_path: Path) -> None:
    st = profile("vgr", regulation=HSLF, start="2024-09-01", extra="swedish_at: false\n")
    root = write_profile_portfolio(tmp_path / "a", st, {
        "placements/p.yaml": _side("psykiatri", "2025-01-06", "2025-02-02")})
    [one] = findings_for(root, "2025-06-01", "PL001")
    assert one.message.key == "rule.PL001.too_short"
    assert one.hint is None  # the Swedish-AT hint is internmedicin's only
    root = write_profile_portfolio(tmp_path / "b", st, {
        "placements/p.yaml": _side("psykiatri", "2025-01-06", "2025-02-02"),
        "placements/q.yaml": _side("psykiatri", "2025-03-03", "2025-03-30")})
    [two] = findings_for(root, "2025-06-01", "PL001")
    assert two.message.key == "rule.PL001.too_short_total"
    assert two.position.file == "placements/q.yaml"
    assert two.message.args["weeks"] == 8


def test_pl001_days_before_the_employment_starts_count_whole(tmp_path: Path) -> None:
    # Employed from 2025-01-13 only; a 50 % placement from 2025-01-06: its first week counts
    # whole (no employment percent to take a share of), the other three weeks half.
    st = profile("vgr", regulation=HSLF, start="2024-09-01",
                 extra="swedish_at: true\nemployment:\n  - {from: 2025-01-13, percent: 100}\n")
    root = write_profile_portfolio(tmp_path, st, {"placements/p.yaml": _side(
        "psykiatri", "2025-01-06", "2025-02-02", "percent: 50\n")})
    [finding] = findings_for(root, "2025-06-01", "PL001")
    assert finding.message.args["weeks"] == 1 + Fraction(3, 2)


def test_t002_an_entry_inside_another_is_counted_once_in_date_order(tmp_path: Path) -> None:
    # A (25 days) holds B (6 days, none new); C adds 6: 31 on C. Sorted by end instead of
    # start, B would come first and A's first days would be lost.
    root = write_profile_portfolio(tmp_path, profile(start="2024-09-01"), _absence(
        ("sjukskrivning", "2024-10-01", "2024-10-25"),
        ("vab", "2024-10-05", "2024-10-10"),
        ("vab", "2024-10-26", "2024-10-31")))
    [finding] = findings_for(root, "2025-08-31", "T002")
    assert finding.message.args["days"] == 31
    assert finding.position.line == key_line(root, "leave/l.yaml", "kind", 2)


def test_g001_the_specialty_hint_only_when_an_entry_was_not_counted(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(regulation=HSLF, start="2024-09-01"))
    stc7 = [f for f in findings_for(root, "2025-03-01", "G001")
            if f.message.args.get("code") == "STc7"]
    assert stc7, "STc7 has no evidence: G001 names it"
    assert all(f.hint is None or f.hint.key != "rule.G001.requires_specialty" for f in stc7)
