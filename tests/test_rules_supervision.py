"""Supervision rules H001-H005: gaps across leave and the summer window, volume, part time,
leap-day ST years, the main supervisor, training age and early distance supervision."""

from __future__ import annotations

import datetime as dt
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from stcli.engine.evaluate import evaluate
from stcli.findings import PORTFOLIO, Finding, Severity
from tests.conftest import evaluate_portfolio, found, line_containing

HSLF = "HSLF-FS 2021:8"
MAIN = ("supervisors:\n"
        "  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, training: 2022}\n")


def st_yaml(*, start: str = "2024-09-01", region: str | None = None, extra: str = MAIN) -> str:
    text = (f"trainee: Test Testsson\nregulation: {HSLF}\nstart: {start}\n"
            "home_unit: Vårdcentralen Test\n")
    if region:
        text += f"region: {region}\n"
    return text + textwrap.dedent(extra)


def sessions(*days: str, minutes: int = 60, form: str = "individual") -> str:
    return "".join(f"- {{date: {d}, minutes: {minutes}, supervisor: anna, form: {form}}}\n"
                   for d in days)


def weekly(first: str, last: str, minutes: int = 60) -> list[str]:
    day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    days = []
    while day <= end:
        days.append(day.isoformat())
        day += dt.timedelta(days=7)
    return days


# --- H001 supervision-gap ----------------------------------------------------------------------


def test_h001_fourteen_days_between_sessions_is_fine(tmp_path: Path) -> None:
    # 2024-09-03..2024-09-16 = 14 days strictly between the sessions
    files = {"supervision/2024.yaml": sessions("2024-09-02", "2024-09-17")}
    assert found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2024-09-20"), "H001") == []


def test_h001_fifteen_days_fires_at_the_session_after_the_gap(tmp_path: Path) -> None:
    files = {"supervision/2024.yaml": sessions("2024-09-02", "2024-09-18")}
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2024-09-20"), "H001")
    assert finding.severity == Severity.WARNING
    assert (finding.position.file, finding.position.line) == ("supervision/2024.yaml", 2)
    assert finding.message.render("sv") == (
        "15 dagar i tjänst utan handledning mellan 2024-09-02 och 2024-09-18 (högst 14; "
        "ledighet räknas inte)")
    assert finding.source == "VGR-FAQ Handledning; GÄVLEBORG 5.1.2"


def test_h001_days_on_leave_do_not_count(tmp_path: Path) -> None:
    # 44 days between the sessions, 37 of them on holiday: 3 + 4 = 7 days in service.
    st = st_yaml(start="2024-10-01")
    sup = {"supervision/2024.yaml": sessions("2024-10-01", "2024-11-15")}
    leave = {"leave/semester.yaml": "- {kind: semester, start: 2024-10-05, end: 2024-11-10}\n"}
    assert found(evaluate_portfolio(tmp_path, st, {**sup, **leave}, as_of="2024-11-20"),
                 "H001") == []
    [finding] = found(evaluate_portfolio(tmp_path / "b", st, sup, as_of="2024-11-20"), "H001")
    assert finding.message.args["days"] == 44


def test_h001_parental_leave_and_part_time(tmp_path: Path) -> None:
    # Part time changes nothing; half a year of parental leave is not a gap.
    st = st_yaml(start="2025-01-01", extra=MAIN + "employment:\n"
                 "  - {from: 2025-01-01, percent: 50}\n")
    files = {
        "supervision/s.yaml": sessions(*weekly("2025-01-06", "2025-01-27"),
                                       *weekly("2025-09-01", "2025-09-29")),
        "leave/fl.yaml": "- {kind: foraldraledighet, start: 2025-02-01, end: 2025-08-31}\n",
    }
    # 2025-01-28..31 (4) + 2025-09-01 is the session: 4 days in service between sessions
    assert found(evaluate_portfolio(tmp_path, st, files, as_of="2025-10-01"), "H001") == []


GAVLE = "gavleborg"


def gap_findings(tmp_path: Path, first: str, second: str, region: str | None,
                 leave: str | None = None) -> list[Finding]:
    files = {"supervision/s.yaml": sessions(first, second)}
    if leave:
        files["leave/l.yaml"] = leave
    st = st_yaml(start=first, region=region)  # no gap from the start
    return found(evaluate_portfolio(tmp_path, st, files, as_of=second), "H001")


def test_h001_gavleborg_summer_gap_up_to_28_days(tmp_path: Path) -> None:
    # 2025-06-21..2025-07-18: 28 in-service days, all in the summer window
    assert gap_findings(tmp_path / "a", "2025-06-20", "2025-07-19", GAVLE) == []
    [finding] = gap_findings(tmp_path / "b", "2025-06-20", "2025-07-20", GAVLE)
    assert (finding.message.args["days"], finding.message.args["max_days"]) == (29, 28)


def test_h001_no_summer_window_outside_gavleborg(tmp_path: Path) -> None:
    # rules.md v2: VGR-FAQ says supervision goes on in the holidays; summer days count
    [finding] = gap_findings(tmp_path / "vgr", "2025-06-20", "2025-07-19", "vgr")
    assert (finding.message.args["days"], finding.message.args["max_days"]) == (28, 14)
    assert len(gap_findings(tmp_path / "none", "2025-06-20", "2025-07-19", None)) == 1
    assert gap_findings(tmp_path / "ok", "2025-06-20", "2025-07-05", None) == []  # 14 days


def test_h001_one_summer_day_gives_the_summer_limit(tmp_path: Path) -> None:
    # 2025-05-26..2025-06-15: 21 days, the last one (15 June) in the window: limit 28
    assert gap_findings(tmp_path / "a", "2025-05-25", "2025-06-16", GAVLE) == []
    # 2025-05-25..2025-06-14: 21 days, none in the window: limit 14
    assert len(gap_findings(tmp_path / "b", "2025-05-24", "2025-06-15", GAVLE)) == 1
    # the window's end: 2025-08-15 inside, 2025-08-16 outside
    assert gap_findings(tmp_path / "c", "2025-08-14", "2025-09-05", GAVLE) == []
    [finding] = gap_findings(tmp_path / "d", "2025-08-15", "2025-09-06", GAVLE)
    assert (finding.message.args["days"], finding.message.args["max_days"]) == (21, 14)


def test_h001_summer_leave_is_not_in_service(tmp_path: Path) -> None:
    # 2025-06-21..2025-08-09 is 50 days; 31 of them semester: 19 in service
    semester = "- {kind: semester, start: 2025-07-01, end: 2025-07-31}\n"
    assert gap_findings(tmp_path / "a", "2025-06-20", "2025-08-10", GAVLE, semester) == []
    [finding] = gap_findings(tmp_path / "b", "2025-06-20", "2025-08-10", "vgr", semester)
    assert finding.message.args["days"] == 19


def test_h001_summer_max_gap_days_from_st_yaml(tmp_path: Path) -> None:
    st = st_yaml(start="2025-06-20", region=GAVLE,
                 extra=MAIN + "rules:\n  params: {H001: {summer_max_gap_days: 35}}\n")
    files = {"supervision/s.yaml": sessions("2025-06-20", "2025-07-25")}  # 34 days
    assert found(evaluate_portfolio(tmp_path, st, files, as_of="2025-07-25"), "H001") == []


def test_h001_gap_from_the_start(tmp_path: Path) -> None:
    files = {"supervision/s.yaml": sessions("2024-10-01")}
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2024-10-02"), "H001")
    assert finding.message.key == "rule.H001.from_start"
    assert finding.message.render("en") == (
        "30 days in service from the ST start 2024-09-01 to the first supervision "
        "2024-10-01 (at most 14)")
    assert finding.position.line == 1


def test_h001_open_gap_since_the_last_session(tmp_path: Path) -> None:
    files = {"supervision/s.yaml": sessions("2024-09-01", "2024-09-02")}
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2024-10-01"), "H001")
    assert finding.message.key == "rule.H001.since_last"
    assert finding.message.args["days"] == 29  # 2024-09-03..2024-10-01
    assert finding.position.line == 2  # the last session
    assert finding.hint is not None


def test_h001_no_sessions_at_all(tmp_path: Path) -> None:
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), as_of="2024-10-01"), "H001")
    assert finding.message.key == "rule.H001.none"
    assert finding.position == PORTFOLIO


def test_h001_max_gap_days_from_st_yaml(tmp_path: Path) -> None:
    st = st_yaml(extra=MAIN + "rules:\n  params: {H001: {max_gap_days: 30}}\n")
    files = {"supervision/s.yaml": sessions("2024-09-01", "2024-09-02")}
    assert found(evaluate_portfolio(tmp_path, st, files, as_of="2024-10-01"), "H001") == []


def test_h001_sessions_before_the_start_are_ignored(tmp_path: Path) -> None:
    # The session the day before the start does not shorten the gap from the start.
    files = {"supervision/s.yaml": sessions("2024-08-31", "2024-09-20")}
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2024-09-21"), "H001")
    assert finding.message.key == "rule.H001.from_start"
    assert finding.message.args["days"] == 19  # 2024-09-01..2024-09-19
    assert finding.position.line == 2


# --- H002 supervision-volume -------------------------------------------------------------------

# ST year 1 from 2024-09-01 is 365 days. In Gävleborg 62 of them are in the summer window
# 2025-06-15..08-15: 303 days = 43 2/7 weeks in service, and 60 min/week needs
# 60 × 303 / 7 = 2597 1/7 minutes. Elsewhere (no window) 365/7 = 52 1/7 weeks.
YEAR_1 = weekly("2024-09-02", "2025-08-25")  # 52 Mondays


def test_h002_completed_year_below_60_minutes_a_week(tmp_path: Path) -> None:
    files = {"supervision/s.yaml": sessions(*YEAR_1, minutes=45)}
    evaluation = evaluate_portfolio(tmp_path, st_yaml(region=GAVLE), files, as_of="2025-09-10")
    [finding] = [f for f in found(evaluation, "H002") if f.message.args["year"] == 1]
    assert finding.severity == Severity.WARNING
    assert finding.position == PORTFOLIO
    assert finding.message.args["weeks"] == Fraction(303, 7)
    assert finding.message.render("sv") == (
        "ST-år 1 (2024-09-01–2025-08-31): 2340 minuter handledning på 43,3 veckor i tjänst "
        "= 54,1 min/vecka, under 60")


def test_h002_weeks_outside_gavleborg_include_the_summer(tmp_path: Path) -> None:
    files = {"supervision/s.yaml": sessions(*YEAR_1, minutes=45)}
    evaluation = evaluate_portfolio(tmp_path, st_yaml(region="vgr"), files, as_of="2025-09-10")
    [finding] = [f for f in found(evaluation, "H002") if f.message.args["year"] == 1]
    assert finding.message.args["weeks"] == Fraction(365, 7)
    # 60 minutes every Monday: 3120 / (365/7) = 59.8 min/week, just below 60 here
    files = {"supervision/s.yaml": sessions(*YEAR_1)}
    evaluation = evaluate_portfolio(tmp_path / "b", st_yaml(), files, as_of="2025-09-10")
    assert [f.message.args["year"] for f in found(evaluation, "H002")
            if f.severity == Severity.WARNING] == [1]


def test_h002_threshold_exactly(tmp_path: Path) -> None:
    # Gävleborg: 51 × 50 + 47 = 2597 minutes < 2597 1/7 fires; 2598 does not.
    for last, fires in ((47, True), (48, False)):
        text = sessions(*YEAR_1[:-1], minutes=50) + sessions(YEAR_1[-1], minutes=last)
        evaluation = evaluate_portfolio(tmp_path / str(last), st_yaml(region=GAVLE),
                                        {"supervision/s.yaml": text}, as_of="2025-09-10")
        year_1 = [f for f in found(evaluation, "H002") if f.message.args["year"] == 1]
        assert bool(year_1) == fires, last


def test_h002_part_time_does_not_lower_the_60_minutes(tmp_path: Path) -> None:
    st = st_yaml(extra=MAIN + "employment:\n  - {from: 2024-09-01, percent: 50}\n")
    files = {"supervision/s.yaml": sessions(*YEAR_1, minutes=45)}
    evaluation = evaluate_portfolio(tmp_path, st, files, as_of="2025-09-10")
    assert [f.message.args["year"] for f in found(evaluation, "H002")
            if f.severity == Severity.WARNING] == [1]


def test_h002_enough_supervision_and_leave_shortens_the_weeks(tmp_path: Path) -> None:
    # Weekly 60 minutes: fine. With three months of parental leave and no sessions then,
    # the weeks in service shrink with the sessions, so the pace holds.
    files = {"supervision/s.yaml": sessions(*YEAR_1)}
    assert not [f for f in found(evaluate_portfolio(tmp_path, st_yaml(region=GAVLE), files,
                                                    as_of="2025-09-10"), "H002")
                if f.severity == Severity.WARNING]
    kept = [d for d in YEAR_1 if not "2024-11-01" <= d <= "2025-01-31"]
    files = {"supervision/s.yaml": sessions(*kept),
             "leave/fl.yaml": "- {kind: foraldraledighet, start: 2024-11-01, end: 2025-01-31}\n"}
    evaluation = evaluate_portfolio(tmp_path / "leave", st_yaml(region=GAVLE), files,
                                    as_of="2025-09-05")
    assert not [f for f in found(evaluation, "H002") if f.severity == Severity.WARNING]
    assert found(evaluation, "H001") == []


def test_h002_current_year_is_progress_info(tmp_path: Path) -> None:
    files = {"supervision/s.yaml": sessions(*YEAR_1, *weekly("2025-09-01", "2025-09-08"))}
    evaluation = evaluate_portfolio(tmp_path, st_yaml(region=GAVLE), files, as_of="2025-09-14")
    [finding] = found(evaluation, "H002")
    assert finding.severity == Severity.INFO
    # 2025-09-01..14: 14 days = 2 weeks, 120 minutes
    assert finding.message.render("sv") == (
        "ST-år 2 hittills: 120 minuter handledning på 2,0 veckor i tjänst = 60,0 min/vecka "
        "(minst 60)")


def test_h002_sessions_before_the_start_do_not_count(tmp_path: Path) -> None:
    files = {"supervision/s.yaml": sessions("2024-08-30", minutes=5000)}
    evaluation = evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-09-10")
    [year_1] = [f for f in found(evaluation, "H002") if f.message.args["year"] == 1]
    assert year_1.message.args["minutes"] == 0


def test_h002_leap_day_start_judges_year_1_when_it_has_ended(tmp_path: Path) -> None:
    # Start 2024-02-29: ST year 1 is 2024-02-29..2025-02-27 (365 days, 62 in summer).
    st = st_yaml(start="2024-02-29", region=GAVLE)
    still_running = evaluate_portfolio(tmp_path, st, as_of="2025-02-27")
    assert [f.severity for f in found(still_running, "H002")] == [Severity.INFO]
    ended = evaluate_portfolio(tmp_path, st, as_of="2025-02-28")
    warnings = [f for f in found(ended, "H002") if f.severity == Severity.WARNING]
    [finding] = warnings
    assert finding.message.args["end"] == dt.date(2025, 2, 27)
    assert finding.message.args["weeks"] == Fraction(303, 7)


# --- H003 main-supervisor ----------------------------------------------------------------------


def test_h003_no_main_supervisor(tmp_path: Path) -> None:
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(extra="")), "H003")
    assert finding.message.key == "rule.H003.none"
    assert finding.position.file == "st.yaml"


def test_h003_main_supervisor_of_another_specialty(tmp_path: Path) -> None:
    extra = ("supervisors:\n"
             "  - {id: erik, name: Erik Ek, specialty: internmedicin, role: main}\n"
             "  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: co}\n")
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(extra=extra)), "H003")
    assert finding.message.render("sv") == (
        "huvudhandledaren Erik Ek har specialiteten internmedicin, inte allmänmedicin")
    assert finding.position.line == line_containing(tmp_path / "portfolio", "st.yaml", "erik")


def test_h003_days_before_the_main_supervisor_starts(tmp_path: Path) -> None:
    extra = ("supervisors:\n"
             "  - id: anna\n    name: Anna Berg\n    specialty: allmanmedicin\n"
             "    role: main\n    from: 2024-10-01\n")
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(extra=extra)), "H003")
    assert finding.message.render("sv") == (
        "ingen huvudhandledare i allmänmedicin 2024-09-01–2024-09-30 (30 dagar i tjänst)")
    assert finding.position.line == line_containing(tmp_path / "portfolio", "st.yaml",
                                                    "from: 2024-10-01")


def test_h003_uncovered_days_on_leave_need_no_supervisor(tmp_path: Path) -> None:
    extra = ("supervisors:\n"
             "  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, "
             "from: 2024-10-01}\n")
    all_leave = {"leave/l.yaml": "- {kind: semester, start: 2024-09-01, end: 2024-09-30}\n"}
    assert found(evaluate_portfolio(tmp_path, st_yaml(extra=extra), all_leave), "H003") == []
    part = {"leave/l.yaml": "- {kind: semester, start: 2024-09-01, end: 2024-09-10}\n"}
    [finding] = found(evaluate_portfolio(tmp_path / "b", st_yaml(extra=extra), part), "H003")
    assert (finding.message.args["first"], finding.message.args["days"]) == (
        dt.date(2024, 9, 11), 20)


def test_h003_main_supervisor_left_without_successor(tmp_path: Path) -> None:
    extra = ("supervisors:\n"
             "  - id: anna\n    name: Anna Berg\n    specialty: allmanmedicin\n"
             "    role: main\n    to: 2024-12-31\n"
             "  - {id: bo, name: Bo Ek, specialty: allmanmedicin, role: co}\n")
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(extra=extra), as_of="2025-02-01"),
                      "H003")
    assert (finding.message.args["first"], finding.message.args["last"],
            finding.message.args["days"]) == (dt.date(2025, 1, 1), dt.date(2025, 2, 1), 32)
    assert finding.position.line == line_containing(tmp_path / "portfolio", "st.yaml",
                                                    "to: 2024-12-31")


def test_h003_successive_main_supervisors_cover_everything(tmp_path: Path) -> None:
    extra = ("supervisors:\n"
             "  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, "
             "to: 2024-12-31}\n"
             "  - {id: bo, name: Bo Ek, specialty: allmanmedicin, role: main, "
             "from: 2025-01-01}\n")
    assert found(evaluate_portfolio(tmp_path, st_yaml(extra=extra), as_of="2025-02-01"),
                 "H003") == []


# --- H004 supervisor-training (gavleborg) ------------------------------------------------------


def training(value: str, more: str = "") -> str:
    return ("supervisors:\n"
            f"  - {{id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, "
            f"training: {value}{more}}}\n")


def test_h004_training_more_than_5_years_old(tmp_path: Path) -> None:
    # `training: 2018` means 2018-12-31; five years later is 2023-12-31.
    st = st_yaml(region="gavleborg", extra=training("2018"))
    assert found(evaluate_portfolio(tmp_path, st, as_of="2023-12-31"), "H004") == []
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2024-01-01"), "H004")
    assert finding.severity == Severity.WARNING
    assert finding.position.line == line_containing(tmp_path / "portfolio", "st.yaml",
                                                    "training: 2018")
    assert finding.message.render("sv") == (
        "handledarutbildningen för huvudhandledaren Anna Berg (2018) är mer än 5 år gammal "
        "per 2024-01-01 (gick ut 2023-12-31); den bör inte vara äldre än 5 år")
    assert finding.source == "GÄVLEBORG 5.1.2"


def test_h004_full_date(tmp_path: Path) -> None:
    st = st_yaml(region="gavleborg", extra=training("2019-05-23"))
    assert found(evaluate_portfolio(tmp_path, st, as_of="2024-05-23"), "H004") == []
    assert len(found(evaluate_portfolio(tmp_path, st, as_of="2024-05-24"), "H004")) == 1


def test_h004_only_in_gavleborg_and_vgr_and_only_current_main(tmp_path: Path) -> None:
    assert found(evaluate_portfolio(tmp_path, st_yaml(extra=training("2010")), as_of="2024-06-01"),
                 "H004") == []
    assert found(evaluate_portfolio(tmp_path / "v", st_yaml(region="vastmanland",
                                                           extra=training("2010")),
                                    as_of="2024-06-01"), "H004") == []
    st = st_yaml(region="gavleborg", extra=training("2010", ", to: 2024-05-31"))
    assert found(evaluate_portfolio(tmp_path / "b", st, as_of="2024-06-01"), "H004") == []


def test_h004_vgr_has_no_age_limit(tmp_path: Path) -> None:
    st = st_yaml(region="vgr", extra=training("2010"))
    assert found(evaluate_portfolio(tmp_path, st, as_of="2024-06-01"), "H004") == []


@pytest.mark.parametrize("region", ["gavleborg", "vgr"])
def test_h004_missing_training_is_a_warning(tmp_path: Path, region: str) -> None:
    extra = "supervisors:\n  - {id: anna, name: Anna Berg, specialty: allmanmedicin}\n"
    st = st_yaml(region=region, extra=extra)
    [finding] = found(evaluate_portfolio(tmp_path, st), "H004")
    assert finding.severity == Severity.WARNING
    assert finding.message.render("sv") == (
        "huvudhandledaren Anna Berg har ingen handledarutbildning angiven (`training`)")
    assert finding.position.line == line_containing(tmp_path / "portfolio", "st.yaml",
                                                    "Anna Berg")
    # a co-supervisor without training is not judged
    co = "supervisors:\n  - {id: bo, name: Bo Ek, specialty: allmanmedicin, role: co}\n"
    assert found(evaluate_portfolio(tmp_path / "co", st_yaml(region=region, extra=co)),
                 "H004") == []


# --- H005 early-distance-supervision (gavleborg) -----------------------------------------------


def test_h005_distance_before_st_year_2_after_a_leap_day_start(tmp_path: Path) -> None:
    # Start 2024-02-29: ST year 2 starts 2025-02-28.
    st = st_yaml(start="2024-02-29", region="gavleborg")
    text = (sessions("2025-02-20") + sessions("2025-02-27", form="distance")
            + sessions("2025-02-28", form="distance"))
    [finding] = found(evaluate_portfolio(tmp_path, st, {"supervision/s.yaml": text},
                                         as_of="2025-03-01"),
                      "H005")
    assert finding.position.line == 2 and finding.position.column is not None
    assert finding.message.render("sv") == (
        "handledning på distans 2025-02-27 i ST-år 1; distanshandledning bör vänta till "
        "ST-år 2 (från 2025-02-28)")


def test_h005_not_outside_gavleborg(tmp_path: Path) -> None:
    text = sessions("2024-10-01", form="distance")
    assert found(evaluate_portfolio(tmp_path, st_yaml(), {"supervision/s.yaml": text}),
                 "H005") == []


# --- H006 homecoming-supervision (gavleborg) -----------------------------------------------------


def homecoming(days: str) -> dict[str, str]:
    return {"placements/p.yaml": (
        "type: sidotjanstgoring\nspecialty: psykiatri\nunit: Psykiatrin\nstart: 2024-10-01\n"
        f"end: 2024-12-20\nhomecoming_days: [{days}]\n")}


def test_h006_homecoming_day_without_a_session(tmp_path: Path) -> None:
    files = {**homecoming("2024-10-16, 2024-11-13"),
             "supervision/s.yaml": sessions("2024-10-16")}
    root = tmp_path / "portfolio"
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(region=GAVLE), files,
                                         as_of="2024-11-13"), "H006")
    assert finding.severity == Severity.INFO
    assert (finding.position.file, finding.position.line) == (
        "placements/p.yaml", line_containing(root, "placements/p.yaml", "homecoming_days"))
    assert finding.message.render("sv") == (
        "ingen handledning registrerad på hemvändardagen 2024-11-13 under "
        "sidotjänstgöringen i psykiatri")
    # the day before it, the homecoming day is still a plan
    assert found(evaluate_portfolio(tmp_path / "b", st_yaml(region=GAVLE), files,
                                    as_of="2024-11-12"), "H006") == []


@pytest.mark.parametrize("region", [None, "vgr", "vastmanland"])
def test_h006_only_in_gavleborg(tmp_path: Path, region: str | None) -> None:
    assert found(evaluate_portfolio(tmp_path, st_yaml(region=region), homecoming("2024-10-16"),
                                    as_of="2024-12-01"), "H006") == []


# --- the sample portfolio ------------------------------------------------------------------------


def test_sample_supervision_by_hand() -> None:
    """sample-portfolio/README.md: weeks in service per ST year (days off leave and outside
    15/6-15/8, divided by 7), sessions and minutes."""
    sample = Path(__file__).resolve().parent.parent / "sample-portfolio"
    evaluation = evaluate(sample, dt.date(2026, 3, 15))
    assert evaluation.progress is not None
    years = {y.number: y for y in evaluation.progress.years}
    assert years[1].weeks_in_service == Fraction(301, 7)
    assert (years[1].supervision_sessions, years[1].supervision_minutes) == (44, 2895)
    assert years[2].weeks_in_service == Fraction(152, 7)
    assert (years[2].supervision_sessions, years[2].supervision_minutes) == (22, 1365)
    assert years[3].weeks_in_service == Fraction(173, 7)
    assert (years[3].supervision_sessions, years[3].supervision_minutes) == (25, 1575)
    # the longest gap is the summer of 2024: 2024-06-27 to 2024-08-21, 28 days in service
    # (semester taken off), within Gävleborg's summer limit of 28
    longest = max(evaluation.progress.supervision.gaps, key=lambda gap: gap.days)
    assert (longest.after, longest.days, longest.limit) == (dt.date(2024, 6, 27), 28, 28)
    assert all(gap.days <= 14 for gap in evaluation.progress.supervision.gaps
               if not gap.summer_days)
    assert found(evaluation, "H001") == []
    [h002] = found(evaluation, "H002")
    assert h002.severity == Severity.INFO
    assert "63,7 min/vecka" in h002.message.render("sv")
    for code in ("H003", "H004", "H005"):
        assert found(evaluation, code) == [], code
