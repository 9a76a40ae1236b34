"""Course rules K001-K004: firing and not firing, positions, regions, planned courses."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from stcli.engine.evaluate import evaluate
from stcli.findings import Severity
from tests.conftest import findings_for, key_line, write_profile_portfolio


def profile(region: str | None = None, start: str = "2024-09-01") -> str:
    text = (f"trainee: Test Testsson\nregulation: HSLF-FS 2021:8\nstart: {start}\n"
            "home_unit: Vårdcentralen Test\n")
    return text + (f"region: {region}\n" if region else "")


def course(title: str, start: str, end: str | None = None, extra: str = "") -> str:
    return f"title: {title}\nstart: {start}\nend: {end or start}\n{extra}"


def as_list(*entries: str) -> str:
    return "\n".join("- " + textwrap.indent(e, "  ").lstrip() for e in entries)


# --- K001 course-approval (VGR) -------------------------------------------------------------------


def test_k001_approved_before_the_deadline(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"), {"courses/k.yaml": course(
        "Konsultationskurs", "2025-03-10", "2025-03-12",
        "funding:\n  applied: 2024-12-01\n  approved: 2025-01-05\n"
        "cancellation_deadline: 2025-01-20\ncertificate: signed\n")})
    assert findings_for(root, "2025-06-01", "K001") == []


def test_k001_approved_after_the_deadline(tmp_path: Path) -> None:
    rel = "courses/k.yaml"
    root = write_profile_portfolio(tmp_path, profile("vgr"), {rel: course(
        "Konsultationskurs", "2025-03-10", "2025-03-12",
        "funding:\n  applied: 2024-12-01\n  approved: 2025-01-25\n"
        "cancellation_deadline: 2025-01-20\n")})
    [finding] = findings_for(root, "2025-02-01", "K001")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "approved")
    text = finding.message.render("sv")
    assert "Konsultationskurs" in text and "2025-01-25" in text and "2025-01-20" in text


def test_k001_not_approved_and_the_deadline_passed(tmp_path: Path) -> None:
    rel = "courses/k.yaml"
    root = write_profile_portfolio(tmp_path, profile("vgr"), {rel: course(
        "Etik", "2025-04-20", "2025-04-21",
        "funding:\n  applied: 2025-02-02\ncancellation_deadline: 2025-03-20\n")})
    [finding] = findings_for(root, "2025-03-21", "K001")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "applied")  # the `funding:` mapping
    assert "2025-03-20 har passerat" in finding.message.render("sv")
    assert finding.hint is not None and "approved" in finding.hint.render("sv")


def test_k001_pending_before_the_deadline_is_a_reminder(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"), {"courses/k.yaml": course(
        "Etik", "2025-04-20", "2025-04-21",
        "funding:\n  applied: 2025-02-02\ncancellation_deadline: 2025-03-20\n")})
    [finding] = findings_for(root, "2025-03-15", "K001")
    assert finding.severity is Severity.INFO
    assert "avboka senast 2025-03-20" in finding.message.render("sv")
    # the last day itself
    assert findings_for(root, "2025-03-20", "K001")[0].severity is Severity.INFO


def test_k001_without_a_deadline(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"), {"courses/k.yaml": course(
        "Etik", "2025-04-20", "2025-04-21", "funding:\n  applied: 2025-02-02\n")})
    [pending] = findings_for(root, "2025-03-01", "K001")
    assert pending.severity is Severity.INFO
    [started] = findings_for(root, "2025-04-20", "K001")
    assert started.severity is Severity.WARNING


def test_k001_without_funding_and_outside_vgr(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"),
                                   {"courses/k.yaml": course("Etik", "2025-04-20")})
    assert findings_for(root, "2025-06-01", "K001") == []
    late = course("Etik", "2025-04-20", extra="funding:\n  approved: 2025-04-01\n"
                  "cancellation_deadline: 2025-03-20\n")
    for region in (None, "gavleborg", "vastmanland"):
        root = write_profile_portfolio(tmp_path / str(region), profile(region),
                                       {"courses/k.yaml": late})
        assert findings_for(root, "2025-06-01", "K001") == []


# --- K002 course-certificate (national) -----------------------------------------------------------


@pytest.mark.parametrize("region", [None, "vgr", "gavleborg", "vastmanland"])
def test_k002_no_certificate_31_days_after(tmp_path: Path, region: str | None) -> None:
    rel = "courses/k.yaml"
    root = write_profile_portfolio(tmp_path, profile(region), {rel: course(
        "Konsultationskurs", "2025-03-10", "2025-03-12", "certificate: none\n")})
    [finding] = findings_for(root, "2025-04-12", "K002")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "certificate")
    text = finding.message.render("sv")
    assert "Konsultationskurs" in text and "2025-03-12" in text and "31 dagar" in text


def test_k002_grace_period_planned_and_signed(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), {"courses/k.yaml": as_list(
        course("A", "2025-03-10", "2025-03-12"),
        course("B", "2025-01-10", "2025-01-12", "certificate: signed\n"),
        course("C", "2025-11-16", "2025-11-17"),  # planned
    )})
    assert findings_for(root, "2025-04-11", "K002") == []  # A ended 30 days ago


def test_k002_requested(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), {"courses/k.yaml": course(
        "Försäkringsmedicin", "2025-03-10", "2025-03-12", "certificate: requested\n")})
    [finding] = findings_for(root, "2025-06-01", "K002")
    assert "begärt men inte påskrivet" in finding.message.render("sv")
    # without a `certificate:` field the entry itself is blamed
    root = write_profile_portfolio(tmp_path / "b", profile(),
                                   {"courses/k.yaml": course("X", "2025-03-10")})
    [finding] = findings_for(root, "2025-06-01", "K002")
    assert finding.position.file == "courses/k.yaml" and finding.position.line == 1


# --- K003 course-collision (Västmanland) ----------------------------------------------------------


def placement(specialty: str, start: str, end: str) -> str:
    return (f"type: sidotjanstgoring\nspecialty: {specialty}\nunit: Kvinnokliniken\n"
            f"start: {start}\nend: {end}\n")


def test_k003_course_during_gynekologi(tmp_path: Path) -> None:
    rel = "courses/k.yaml"
    root = write_profile_portfolio(tmp_path, profile("vastmanland"), {
        rel: course("Etik", "2026-10-05", "2026-10-06"),
        "placements/gyn.yaml": placement("gynekologi", "2026-09-21", "2026-10-18"),
    })
    [finding] = findings_for(root, "2026-03-01", "K003")  # both planned: that is when to move it
    assert finding.severity is Severity.WARNING
    assert finding.position.file == rel
    assert finding.position.line == key_line(root, rel, "start")
    text = finding.message.render("sv")
    assert "Etik" in text and "gynekologi" in text and "2026-09-21" in text


@pytest.mark.parametrize("specialty", ["obstetrik", "barn-och-ungdomsmedicin",
                                       "akut-barnsjukvard"])
def test_k003_other_compressed_placements(tmp_path: Path, specialty: str) -> None:
    root = write_profile_portfolio(tmp_path, profile("vastmanland"), {
        "courses/k.yaml": course("Etik", "2026-10-18"),  # the placement's last day
        "placements/p.yaml": placement(specialty, "2026-09-21", "2026-10-18"),
    })
    assert len(findings_for(root, "2026-03-01", "K003")) == 1


def test_k003_no_overlap_or_other_specialty(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vastmanland"), {
        "courses/k.yaml": as_list(course("Före", "2026-09-18", "2026-09-20"),
                                  course("Under internmedicin", "2026-12-01")),
        "placements/a.yaml": placement("gynekologi", "2026-09-21", "2026-10-18"),
        "placements/b.yaml": placement("internmedicin", "2026-11-02", "2027-02-21"),
    })
    assert findings_for(root, "2026-03-01", "K003") == []


@pytest.mark.parametrize("region", [None, "vgr", "gavleborg"])
def test_k003_only_in_vastmanland(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(region), {
        "courses/k.yaml": course("Etik", "2026-10-05"),
        "placements/gyn.yaml": placement("gynekologi", "2026-09-21", "2026-10-18"),
    })
    assert findings_for(root, "2026-03-01", "K003") == []


# --- K004 course-budget (VGR) ---------------------------------------------------------------------


def test_k004_three_other_courses_in_a_year(tmp_path: Path) -> None:
    rel = "courses/2025.yaml"
    root = write_profile_portfolio(tmp_path, profile("vgr"), {rel: as_list(
        course("A", "2025-02-10"), course("B", "2025-05-12"), course("C", "2025-10-06"),
        course("D", "2026-02-10"),
    )})
    [finding] = findings_for(root, "2025-03-01", "K004")  # planned courses count
    assert finding.severity is Severity.INFO
    assert finding.position.line == key_line(root, rel, "start", nth=2)  # C, the third
    text = finding.message.render("sv")
    assert "3 icke-obligatoriska kurser 2025" in text and "A, B, C" in text


def test_k004_mandatory_counted_apart(tmp_path: Path) -> None:
    m = "mandatory: true\n"
    root = write_profile_portfolio(tmp_path, profile("vgr"), {"courses/2025.yaml": as_list(
        course("A", "2025-02-10", extra=m), course("B", "2025-05-12", extra=m),
        course("C", "2025-06-12"), course("D", "2025-10-06"),
    )})
    assert findings_for(root, "2025-12-01", "K004") == []
    root = write_profile_portfolio(tmp_path / "b", profile("vgr"), {"courses/2025.yaml": as_list(
        course("A", "2025-02-10", extra=m), course("B", "2025-05-12", extra=m),
        course("C", "2025-06-12", extra=m),
    )})
    [finding] = findings_for(root, "2025-12-01", "K004")
    assert "3 obligatoriska kurser 2025" in finding.message.render("sv")


def test_k004_free_and_pre_st_courses_do_not_count(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vgr", start="2025-03-01"), {"courses/2025.yaml": as_list(
            course("Före ST", "2025-02-10"), course("Gratis", "2025-05-12", extra="cost_sek: 0\n"),
            course("B", "2025-06-12"), course("C", "2025-10-06"),
        )})
    assert findings_for(root, "2025-12-01", "K004") == []


@pytest.mark.parametrize("region", [None, "gavleborg", "vastmanland"])
def test_k004_only_in_vgr(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(region), {"courses/2025.yaml": as_list(
        course("A", "2025-02-10"), course("B", "2025-05-12"), course("C", "2025-10-06"))})
    assert findings_for(root, "2025-12-01", "K004") == []


# --- a portfolio with almost no data --------------------------------------------------------------


def test_only_st_yaml_gives_no_course_findings(tmp_path: Path) -> None:
    for region in (None, "vgr", "gavleborg", "vastmanland"):
        root = write_profile_portfolio(tmp_path / str(region), profile(region))
        findings = evaluate(root, dt.date(2026, 3, 15)).findings
        assert not [f for f in findings if f.code.startswith("K")], region
