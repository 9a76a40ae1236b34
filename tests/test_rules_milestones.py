"""Milestone rules M001-M012: deadlines, completed ST years, regions, reminders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stcli.engine.evaluate import evaluate
from stcli.findings import PORTFOLIO, Severity
from tests.conftest import findings_for, key_line, write_profile_portfolio

HSLF = "HSLF-FS 2021:8"
SOSFS = "SOSFS 2015:8"
# SOSFS 2015:8, full time from 2020-01-01: 60 months on 2024-12-31, half-time on 2022-06-30.
EARLY = "2020-01-01"


def profile(region: str | None = None, *, regulation: str = HSLF, start: str = "2024-09-01",
            extra: str = "") -> str:
    text = (f"trainee: Test Testsson\nregulation: {regulation}\nstart: {start}\n"
            f"home_unit: Vårdcentralen Test\n{extra}")
    return text + (f"region: {region}\n" if region else "")


def milestones(*entries: str) -> dict[str, str]:
    """`kind date [st_year]` lines as milestones/m.yaml."""
    lines = []
    for entry in entries:
        kind, date, *year = entry.split()
        lines.append(f"- kind: {kind}\n  date: {date}\n"
                     + (f"  st_year: {year[0]}\n" if year else ""))
    return {"milestones/m.yaml": "".join(lines)}


def activity(kind: str, day: str, status: str = "done", key: str = "date") -> str:
    return f"- kind: {kind}\n  title: {kind}\n  {key}: {day}\n  status: {status}\n"


# --- a portfolio with almost no data --------------------------------------------------------------


def test_only_st_yaml_after_one_year(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile())
    findings = evaluate(root, dt.date(2025, 9, 15)).findings
    codes = sorted({f.code for f in findings if f.code.startswith("M")})
    assert codes == ["M001", "M003", "M004", "M005", "M006"]
    assert all(f.position == PORTFOLIO for f in findings if f.code.startswith("M"))


def test_only_st_yaml_in_the_first_months(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile())
    findings = evaluate(root, dt.date(2024, 12, 1)).findings
    assert not [f for f in findings if f.code.startswith("M")]


# --- M001 iup -------------------------------------------------------------------------------------


def test_m001_missing_after_six_months(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile())
    assert findings_for(root, "2025-03-01", "M001") == []  # the last day
    [finding] = findings_for(root, "2025-03-02", "M001")
    assert finding.severity is Severity.WARNING
    assert finding.message.render("sv") == (
        "ingen IUP: den skulle ha upprättats senast 2025-03-01, 6 månader efter ST-start "
        "2024-09-01")
    assert finding.hint is not None and "kind: iup" in finding.hint.render("sv")


def test_m001_in_time_before_st_or_late(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), milestones("iup 2025-02-15"))
    assert findings_for(root, "2025-06-01", "M001") == []
    root = write_profile_portfolio(tmp_path / "pre", profile(), milestones("iup 2024-06-01"))
    assert findings_for(root, "2025-06-01", "M001") == []
    root = write_profile_portfolio(tmp_path / "late", profile(), milestones("iup 2025-04-10"))
    [finding] = findings_for(root, "2025-06-01", "M001")
    assert finding.severity is Severity.INFO
    assert finding.position.line == key_line(root, "milestones/m.yaml", "date")
    assert "2025-04-10" in finding.message.render("sv")
    # a future-dated IUP is not done yet
    assert findings_for(root, "2025-04-01", "M001")[0].severity is Severity.WARNING


# --- M002 iup-revision ----------------------------------------------------------------------------


def test_m002_revision_overdue(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(),
                                   milestones("iup 2024-10-01", "iup-revision 2025-09-01"))
    assert findings_for(root, "2026-09-01", "M002") == []
    [finding] = findings_for(root, "2026-09-02", "M002")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, "milestones/m.yaml", "date", nth=1)
    assert "2025-09-01" in finding.message.render("sv")
    assert "2026-09-01" in finding.message.render("sv")


def test_m002_no_iup_at_all_is_m001s_finding(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile())
    assert findings_for(root, "2026-09-02", "M002") == []


# --- M003 st-kontrakt -----------------------------------------------------------------------------


def test_m003_contract(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile())
    assert findings_for(root, "2025-04-01", "M003") == []
    [missing] = findings_for(root, "2025-04-02", "M003")
    assert missing.severity is Severity.WARNING
    assert "2025-04-01" in missing.message.render("sv")
    root = write_profile_portfolio(tmp_path / "ok", profile(), milestones("st-kontrakt 2025-03-14"))
    assert findings_for(root, "2025-06-01", "M003") == []
    root = write_profile_portfolio(tmp_path / "late", profile(),
                                   milestones("st-kontrakt 2025-05-14"))
    [late] = findings_for(root, "2025-06-01", "M003")
    assert late.severity is Severity.INFO


# --- M004/M005/M006 completed ST years ------------------------------------------------------------


def test_yearly_milestones_judged_the_day_after_the_year(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile())
    for code in ("M004", "M005", "M006"):
        assert findings_for(root, "2025-08-31", code) == []
    [m004] = findings_for(root, "2025-09-01", "M004")
    assert m004.message.render("sv") == "ST-år 1 (2024-09-01–2025-08-31) saknar årsrapport"
    assert m004.hint is not None and "st_year: 1" in m004.hint.render("sv")
    [m005] = findings_for(root, "2025-09-01", "M005")
    assert "handledarutlåtande" in m005.message.render("sv")
    [m006] = findings_for(root, "2025-09-01", "M006")
    assert m006.severity is Severity.INFO  # no region


def test_yearly_milestones_by_date_or_st_year(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), milestones(
        "arsrapport 2025-08-20", "handledarutlatande 2025-09-10 1", "studierektorsmote 2025-02-01",
        "arsrapport 2026-08-15", "arsuppfoljning 2026-05-01"))
    for code in ("M004", "M005", "M006"):
        assert findings_for(root, "2025-09-15", code) == [], code
    # before it is written, the statement dated 2025-09-10 does not count
    assert len(findings_for(root, "2025-09-05", "M005")) == 1
    # year 2: report and follow-up, but no statement
    assert (findings_for(root, "2026-09-02", "M004") == []
            and findings_for(root, "2026-09-02", "M006") == [])
    [m005] = findings_for(root, "2026-09-02", "M005")
    assert "ST-år 2" in m005.message.render("sv")


def test_year_entirely_on_parental_leave_is_not_judged(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), {
        **milestones("arsrapport 2025-08-20", "handledarutlatande 2025-08-21",
                     "studierektorsmote 2025-02-01"),
        "leave/fl.yaml": "kind: foraldraledighet\nstart: 2025-09-01\nend: 2026-08-31\n",
    })
    for code in ("M004", "M005", "M006"):
        assert findings_for(root, "2026-09-15", code) == [], code


@pytest.mark.parametrize(("region", "severity"), [
    ("gavleborg", Severity.WARNING), ("vastmanland", Severity.INFO), ("vgr", Severity.INFO),
    (None, Severity.INFO)])
def test_m006_severity_by_region(tmp_path: Path, region: str | None, severity: Severity) -> None:
    root = write_profile_portfolio(tmp_path, profile(region))
    [finding] = findings_for(root, "2025-09-01", "M006")
    assert finding.severity is severity


# --- M007 mitt-i-st-registration ------------------------------------------------------------------


def test_m007_18_months_outside_gavleborg(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(regulation=SOSFS, start=EARLY))
    assert findings_for(root, "2023-03-29", "M007") == []  # the reminder starts 2023-03-30
    [reminder] = findings_for(root, "2023-04-15", "M007")
    assert reminder.severity is Severity.INFO
    assert reminder.message.render("sv") == (
        "anmäl dig till Mitt-i-ST senast 2023-06-30 (18 månader före beräknat slutdatum "
        "2024-12-31)")
    assert findings_for(root, "2023-06-30", "M007")[0].severity is Severity.INFO
    [overdue] = findings_for(root, "2023-07-01", "M007")
    assert overdue.severity is Severity.WARNING
    assert "senast 2023-06-30" in overdue.message.render("sv")


def test_m007_24_months_in_gavleborg(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("gavleborg", regulation=SOSFS, start=EARLY))
    [overdue] = findings_for(root, "2023-01-01", "M007")
    assert overdue.severity is Severity.WARNING
    assert "2022-12-31" in overdue.message.render("sv")
    assert "24 månader" in overdue.message.render("sv")


def test_m007_registered_planned_or_done(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(regulation=SOSFS, start=EARLY),
                                   milestones("mitt-i-st-anmalan 2023-02-01"))
    assert findings_for(root, "2023-09-01", "M007") == []
    root = write_profile_portfolio(tmp_path / "planned", profile(regulation=SOSFS, start=EARLY),
                                   milestones("mitt-i-st-anmalan 2023-06-01"))
    assert findings_for(root, "2023-05-01", "M007") == []  # planned in time: no reminder either
    root = write_profile_portfolio(tmp_path / "late", profile(regulation=SOSFS, start=EARLY),
                                   milestones("mitt-i-st-anmalan 2023-08-01"))
    [late] = findings_for(root, "2023-05-01", "M007")
    assert late.severity is Severity.WARNING
    assert late.position.line == key_line(root, "milestones/m.yaml", "date")


def test_m007_moves_with_parental_leave(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(regulation=SOSFS, start=EARLY), {
        "leave/fl.yaml": "kind: foraldraledighet\nstart: 2021-01-01\nend: 2021-12-31\n"})
    assert findings_for(root, "2023-07-01", "M007") == []  # completion 2025-12-31, due 2024-06-30


# --- M008 mitt-i-st, M009 final-evaluation --------------------------------------------------------


def test_m008_twelve_months_left(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(regulation=SOSFS, start=EARLY))
    assert findings_for(root, "2023-12-30", "M008") == []
    [finding] = findings_for(root, "2023-12-31", "M008")
    assert finding.severity is Severity.INFO
    assert "2024-12-31" in finding.message.render("sv")
    root = write_profile_portfolio(tmp_path / "b", profile(regulation=SOSFS, start=EARLY),
                                   milestones("mitt-i-st 2024-03-01"))  # planned
    assert findings_for(root, "2024-01-15", "M008") == []


@pytest.mark.parametrize(("region", "severity"), [
    ("gavleborg", Severity.WARNING), ("vgr", Severity.INFO), ("vastmanland", Severity.INFO)])
def test_m008_is_a_warning_in_gavleborg(tmp_path: Path, region: str,
                                        severity: Severity) -> None:
    root = write_profile_portfolio(tmp_path, profile(region, regulation=SOSFS, start=EARLY))
    assert findings_for(root, "2023-12-30", "M008") == []
    [finding] = findings_for(root, "2023-12-31", "M008")
    assert finding.severity is severity


def test_m009_three_months_left(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(regulation=SOSFS, start=EARLY))
    assert findings_for(root, "2024-09-29", "M009") == []
    [finding] = findings_for(root, "2024-09-30", "M009")
    assert finding.severity is Severity.INFO
    for kind in ("slutvardering", "specialistexamen"):
        root = write_profile_portfolio(tmp_path / kind, profile(regulation=SOSFS, start=EARLY),
                                       milestones(f"{kind} 2024-11-15"))
        assert findings_for(root, "2024-10-15", "M009") == []


# --- M010 scientific-work, M011 quality-work ------------------------------------------------------


def test_m010_not_done_by_half_time(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(regulation=SOSFS, start=EARLY))
    assert findings_for(root, "2022-06-29", "M010") == []
    [finding] = findings_for(root, "2022-06-30", "M010")
    assert finding.severity is Severity.INFO and finding.position == PORTFOLIO
    assert finding.message.render("sv") == (
        "30,0 av 60 månader är tjänstgjorda (halvtid 30,0) och inget vetenskapligt arbete "
        "är klart; det bör vara klart senast halvvägs")  # the source says "bör"
    assert finding.hint is None  # SOSFS 2015:8 requires the work


def test_m010_warning_in_vastmanland_and_points_at_the_work(tmp_path: Path) -> None:
    rel = "activities/va.yaml"
    root = write_profile_portfolio(tmp_path, profile("vastmanland", regulation=SOSFS, start=EARLY),
                                   {rel: activity("vetenskapligt-arbete", "2021-09-01", "ongoing",
                                                  "start")})
    [finding] = findings_for(root, "2022-07-01", "M010")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "status")


def test_m010_hslf_hint_and_done_work(tmp_path: Path) -> None:
    # HSLF-FS 2021:8 full time from 2020-01-01: half of 66 months on 2022-09-30
    root = write_profile_portfolio(tmp_path, profile(start=EARLY))
    [finding] = findings_for(root, "2022-10-01", "M010")
    assert finding.hint is not None and "specialistexamen" in finding.hint.render("sv")
    root = write_profile_portfolio(tmp_path / "done", profile(start=EARLY),
                                   {"activities/va.yaml": activity("vetenskapligt-arbete",
                                                                   "2022-05-01")})
    # done: no half-time finding; only the missing presentation (rules.md v2)
    assert [f.message.key for f in findings_for(root, "2022-10-01", "M010")] == [
        "rule.M010.not_presented"]


@pytest.mark.parametrize("region", [None, "vastmanland", "gavleborg"])
def test_m010_done_work_without_presentation_is_info(tmp_path: Path,
                                                     region: str | None) -> None:
    rel = "activities/va.yaml"
    work = activity("vetenskapligt-arbete", "2022-05-01")
    root = write_profile_portfolio(tmp_path, profile(region, start=EARLY), {rel: work})
    [finding] = findings_for(root, "2022-05-01", "M010")
    assert finding.severity is Severity.INFO  # also where M010 is a warning
    assert finding.position.line == key_line(root, rel, "status")
    assert finding.message.render("sv") == (
        "det vetenskapliga arbetet vetenskapligt-arbete är klart men har inget datum för den "
        "muntliga presentationen")
    assert findings_for(root, "2022-04-30", "M010") == []  # not done yet on that day
    presented = write_profile_portfolio(tmp_path / "p", profile(region, start=EARLY),
                                        {rel: work + "  presented: 2022-06-01\n"})
    assert findings_for(presented, "2022-05-01", "M010") == []
    # an ongoing work is not asked for its presentation
    ongoing = write_profile_portfolio(tmp_path / "o", profile(region, start=EARLY), {
        rel: activity("vetenskapligt-arbete", "2022-05-01", "ongoing")})
    assert findings_for(ongoing, "2022-05-01", "M010") == []


# --- M013 st-days ------------------------------------------------------------------------------


def test_m013_vastmanland_startseminarium_in_st_year_1(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vastmanland"))
    assert findings_for(root, "2025-08-31", "M013") == []  # year 1 not yet over
    [finding] = findings_for(root, "2025-09-01", "M013")
    assert finding.severity is Severity.INFO and finding.position == PORTFOLIO
    assert finding.message.render("sv") == (
        "inget startseminarium registrerat under ST-år 1 (slutade 2025-08-31)")
    on_last_day = write_profile_portfolio(tmp_path / "b", profile("vastmanland"),
                                          milestones("startseminarium 2025-08-31"))
    assert findings_for(on_last_day, "2025-09-01", "M013") == []
    too_late = write_profile_portfolio(tmp_path / "c", profile("vastmanland"),
                                       milestones("startseminarium 2025-09-01"))
    assert len(findings_for(too_late, "2025-09-02", "M013")) == 1


def test_m013_gavleborg_an_st_day_in_each_completed_year(tmp_path: Path) -> None:
    # ST year 1 is 2024-09-01..2025-08-31: a day on its last day counts for it
    root = write_profile_portfolio(tmp_path, profile("gavleborg"),
                                   {"activities/d.yaml": activity("st-dag", "2025-08-31")})
    assert findings_for(root, "2026-08-31", "M013") == []  # year 2 still running
    [finding] = findings_for(root, "2026-09-01", "M013")
    assert finding.message.args["year"] == 2 and finding.severity is Severity.INFO
    assert finding.message.render("sv") == (
        "ingen ST-dag registrerad under ST-år 2 (2025-09-01–2026-08-31)")
    # a day on the first day of year 2 belongs to year 2, not 1
    root = write_profile_portfolio(tmp_path / "b", profile("gavleborg"),
                                   {"activities/d.yaml": activity("st-dag", "2025-09-01")})
    assert [f.message.args["year"] for f in findings_for(root, "2025-09-01", "M013")] == [1]
    # a planned ST day is not one that happened
    root = write_profile_portfolio(tmp_path / "c", profile("gavleborg"), {
        "activities/d.yaml": activity("st-dag", "2025-03-01", "planned")})
    assert [f.message.args["year"] for f in findings_for(root, "2025-09-01", "M013")] == [1]


@pytest.mark.parametrize("region", [None, "vgr"])
def test_m013_not_in_other_regions(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(region))
    assert findings_for(root, "2027-01-01", "M013") == []


def test_m010_work_before_the_method_course(tmp_path: Path) -> None:
    rel = "activities/va.yaml"
    files = {
        rel: activity("vetenskapligt-arbete", "2020-09-01", "ongoing", "start"),
        "courses/k.yaml": ("title: Vetenskaplig metodik för ST-läkare\nstart: 2020-10-05\n"
                           "end: 2020-10-07\n"),
    }
    root = write_profile_portfolio(tmp_path, profile(regulation=SOSFS, start=EARLY), files)
    [finding] = findings_for(root, "2021-01-01", "M010")
    assert finding.position.line == key_line(root, rel, "start")
    assert finding.message.render("sv") == (
        "det vetenskapliga arbetet började 2020-09-01, före kursen Vetenskaplig metodik för "
        "ST-läkare (2020-10-05)")
    files[rel] = activity("vetenskapligt-arbete", "2020-11-01", "ongoing", "start")
    root = write_profile_portfolio(tmp_path / "after", profile(regulation=SOSFS, start=EARLY),
                                   files)
    assert findings_for(root, "2021-01-01", "M010") == []


def test_m011_quality_work(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(regulation=SOSFS, start=EARLY))
    assert findings_for(root, "2022-06-29", "M011") == []
    [missing] = findings_for(root, "2022-06-30", "M011")
    assert missing.severity is Severity.INFO
    assert "inget kvalitetsarbete har påbörjats" in missing.message.render("sv")
    rel = "activities/kv.yaml"
    root = write_profile_portfolio(tmp_path / "planned", profile(regulation=SOSFS, start=EARLY),
                                   {rel: activity("kvalitetsarbete", "2022-09-01", "planned",
                                                  "start")})
    [planned] = findings_for(root, "2022-07-01", "M011")
    assert planned.position.line == key_line(root, rel, "status")
    assert "bara planerat (start 2022-09-01)" in planned.message.render("sv")
    root = write_profile_portfolio(tmp_path / "started", profile(regulation=SOSFS, start=EARLY),
                                   {rel: activity("kvalitetsarbete", "2021-09-01", "ongoing",
                                                  "start")})
    assert findings_for(root, "2022-07-01", "M011") == []


# --- M012 on-call (Gävleborg) ---------------------------------------------------------------------


def test_m012_no_jour_in_st_year_1(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("gavleborg"))
    assert findings_for(root, "2025-08-31", "M012") == []
    [finding] = findings_for(root, "2025-09-01", "M012")
    assert finding.severity is Severity.INFO
    assert finding.message.render("sv") == (
        "ingen jour är registrerad och ST-år 1 slutade 2025-08-31")


def test_m012_jour_in_time_or_late(tmp_path: Path) -> None:
    rel = "activities/jour.yaml"
    root = write_profile_portfolio(tmp_path, profile("gavleborg"),
                                   {rel: activity("jour", "2025-05-14")})
    assert findings_for(root, "2025-10-01", "M012") == []
    root = write_profile_portfolio(tmp_path / "late", profile("gavleborg"),
                                   {rel: activity("jour", "2025-09-20")})
    [late] = findings_for(root, "2025-10-01", "M012")
    assert late.position.line == key_line(root, rel, "date")
    assert "2025-09-20" in late.message.render("sv")
    root = write_profile_portfolio(tmp_path / "planned", profile("gavleborg"),
                                   {rel: activity("jour", "2025-05-14", "planned")})
    assert ([f.message.key for f in findings_for(root, "2025-10-01", "M012")]
            == ["rule.M012.no_jour"])


def test_m012_beredskap(tmp_path: Path) -> None:
    jour = activity("jour", "2020-03-01")
    st = profile("gavleborg", regulation=SOSFS, start=EARLY)
    root = write_profile_portfolio(tmp_path, st, {"activities/j.yaml": jour})
    assert findings_for(root, "2024-06-29", "M012") == []
    [missing] = findings_for(root, "2024-06-30", "M012")  # 6 months before 2024-12-31
    assert missing.message.key == "rule.M012.no_beredskap"
    root = write_profile_portfolio(tmp_path / "ok", st, {"activities/j.yaml": jour + activity(
        "beredskap", "2023-01-10")})
    assert findings_for(root, "2024-07-01", "M012") == []
    rel = "activities/j.yaml"
    root = write_profile_portfolio(tmp_path / "early", st,
                                   {rel: jour + activity("beredskap", "2021-01-10")})
    [early] = findings_for(root, "2024-07-01", "M012")
    assert early.message.key == "rule.M012.beredskap_early"
    assert early.position.line == key_line(root, rel, "date", nth=1)
    assert "före halvtid i ST (2022-06-30)" in early.message.render("sv")


@pytest.mark.parametrize("region", [None, "vgr", "vastmanland"])
def test_m012_only_in_gavleborg(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(region))
    assert findings_for(root, "2025-09-01", "M012") == []
