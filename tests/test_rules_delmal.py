"""Delmål rules G001 (evidence) and G002 (certificate): both regulations, BT, escalation."""

from __future__ import annotations

from pathlib import Path

import pytest

from stcli.findings import PORTFOLIO, Finding, Severity
from tests.conftest import findings_for, write_profile_portfolio

HSLF = "HSLF-FS 2021:8"
SOSFS = "SOSFS 2015:8"


def profile(regulation: str = HSLF, start: str = "2024-09-01", region: str | None = None,
            extra: str = "") -> str:
    text = (f"trainee: Test Testsson\nregulation: {regulation}\nstart: {start}\n"
            f"home_unit: Vårdcentralen Test\n{extra}")
    return text + (f"region: {region}\n" if region else "")


def about(findings: list[Finding], delmal: str) -> list[Finding]:
    return [f for f in findings if f.message.args.get("code") == delmal]


def placement(type_: str, start: str, end: str, delmal: str, extra: str = "") -> str:
    specialty = "allmanmedicin" if type_ == "vardcentral" else "psykiatri"
    return (f"type: {type_}\nspecialty: {specialty}\nunit: Enheten\nstart: {start}\n"
            f"end: {end}\ndelmal: [{delmal}]\n{extra}")


def course(start: str, delmal: str, extra: str = "") -> str:
    return f"title: Kurs\nstart: {start}\nend: {start}\ndelmal: [{delmal}]\n{extra}"


# --- a portfolio with almost no data --------------------------------------------------------------


def test_only_st_yaml_hslf_one_info_per_st_delmal_and_no_bt_flood(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF))
    findings = findings_for(root, "2025-03-01", "G001")
    codes = [f.message.args["code"] for f in findings]
    assert len(codes) == 26 and codes[0] == "STa1" and "STc15" in codes
    assert not any(str(c).startswith("BT") for c in codes)
    assert all(f.severity is Severity.INFO and f.position == PORTFOLIO for f in findings)
    assert findings_for(root, "2025-03-01", "G002") == []


def test_only_st_yaml_sosfs_uses_the_2015_delmal(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(SOSFS))
    codes = [f.message.args["code"] for f in findings_for(root, "2025-03-01", "G001")]
    assert len(codes) == 25 and codes[0] == "a1" and codes[-1] == "c14"
    assert not any(str(c).startswith(("ST", "BT")) for c in codes)


@pytest.mark.parametrize("region", [None, "vgr", "gavleborg", "vastmanland"])
def test_g001_in_every_region(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(SOSFS, region=region))
    assert len(findings_for(root, "2025-03-01", "G001")) == 25


# --- G001 evidence ----------------------------------------------------------------------------------


def test_g001_sosfs_a5_needs_a_written_scientific_work(tmp_path: Path) -> None:
    files = {
        "placements/vc.yaml": placement("vardcentral", "2024-09-01", "2025-08-31", "a5"),
        "courses/k.yaml": course("2024-10-01", "a5"),
    }
    root = write_profile_portfolio(tmp_path, profile(SOSFS), files)
    [finding] = about(findings_for(root, "2025-03-01", "G001"), "a5")
    text = finding.message.render("sv")
    assert "a5 (Medicinsk vetenskap)" in text
    assert text.endswith("saknar belägg: skriftligt vetenskapligt arbete")
    assert "written scientific work" in finding.message.render("en")
    files["activities/va.yaml"] = (
        "kind: vetenskapligt-arbete\ntitle: Studie\nstart: 2024-11-01\nend: 2025-12-31\n"
        "status: ongoing\ndelmal: [a5]\n")
    root = write_profile_portfolio(tmp_path / "b", profile(SOSFS), files)
    assert about(findings_for(root, "2025-03-01", "G001"), "a5") == []


def test_g001_hslf_sta3_is_covered_by_scientific_work(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF), {"activities/va.yaml": (
        "kind: vetenskapligt-arbete\ntitle: Studie\nstart: 2024-11-01\nstatus: ongoing\n"
        "delmal: [STa3]\n")})
    assert about(findings_for(root, "2025-03-01", "G001"), "STa3") == []


def test_g001_vardcentral_is_clinical_service_in_primary_care(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF), {
        # runs past as_of: started, so it is evidence
        "placements/vc.yaml": placement("vardcentral", "2024-09-01", "2026-08-31",
                                        "STc1, STc9, STc7"),
    })
    findings = findings_for(root, "2025-03-01", "G001")
    assert about(findings, "STc1") == [] and about(findings, "STc9") == []
    assert about(findings, "STc7") == []  # any clinical service
    [c3] = about(findings, "STc3")
    assert "klinisk tjänstgöring i primärvård; kurs" in c3.message.render("sv")


def test_g001_alternatives_are_named_with_or(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(SOSFS),
                                   {"courses/k.yaml": course("2024-10-01", "b5")})
    [b5] = about(findings_for(root, "2025-03-01", "G001"), "b5")
    assert "klinisk tjänstgöring eller auskultation" in b5.message.render("sv")
    assert "clinical service or auskultation" in b5.message.render("en")
    root = write_profile_portfolio(tmp_path / "b", profile(SOSFS), {
        "courses/k.yaml": course("2024-10-01", "b5"),
        "placements/a.yaml": placement("auskultation", "2024-11-04", "2024-11-06", "b5"),
    })
    assert about(findings_for(root, "2025-03-01", "G001"), "b5") == []


def test_g001_planned_entries_are_named_but_not_evidence(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF),
                                   {"courses/k.yaml": course("2025-11-16", "STa1")})
    [finding] = about(findings_for(root, "2025-03-01", "G001"), "STa1")
    assert finding.message.key == "rule.G001.missing_planned"
    assert "(planerat: kurs)" in finding.message.render("sv")
    # once the course has started it is evidence
    assert about(findings_for(root, "2025-11-16", "G001"), "STa1") == []


def test_g001_escalates_within_12_months_of_completion(tmp_path: Path) -> None:
    # SOSFS 2015:8 full time from 2020-01-01: 60 months reached on 2024-12-31
    root = write_profile_portfolio(tmp_path, profile(SOSFS, start="2020-01-01"))
    early = findings_for(root, "2023-12-30", "G001")
    assert {f.severity for f in early} == {Severity.INFO}
    late = findings_for(root, "2023-12-31", "G001")
    assert {f.severity for f in late} == {Severity.WARNING}
    assert late[0].hint is not None and "2024-12-31" in late[0].hint.render("sv")


def test_g001_doctoral_degree_moves_the_escalation(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(SOSFS, start="2020-01-01",
                                                     extra="doctoral_degree: true\n"))
    assert {f.severity for f in findings_for(root, "2023-06-30", "G001")} == {Severity.WARNING}


def test_g001_user_severity_wins(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(SOSFS, start="2020-01-01",
                                                     extra="rules:\n  severity: {G001: info}\n"))
    assert {f.severity for f in findings_for(root, "2024-06-01", "G001")} == {Severity.INFO}


def test_g001_bt_delmal_summarized_while_bt_is_open(tmp_path: Path) -> None:
    # the pack gives BT delmål no requirements; a trainee's correction adds some
    corrections = ("delmal:\n"
                   "  BT1: {requires: [[klinisk_tjanstgoring]]}\n"
                   "  BT2: {requires: [[klinisk_tjanstgoring]]}\n"
                   "  BT3: {requires: [[kurs]]}\n")
    bt = "bt:\n  start: 2024-09-01\n  end: 2025-08-31\n"
    root = write_profile_portfolio(tmp_path, profile(HSLF, extra=bt + corrections), {
        "placements/vc.yaml": placement("vardcentral", "2024-09-01", "2025-08-31", "BT1")})
    findings = findings_for(root, "2025-03-01", "G001")
    [summary] = [f for f in findings if f.message.key == "rule.G001.bt_missing"]
    assert summary.severity is Severity.INFO
    assert summary.message.render("sv") == "BT: 2 av 18 BT-delmål saknar belägg: BT2, BT3"
    assert not about(findings, "BT2")
    # BT over without approval: a warning
    [late] = [f for f in findings_for(root, "2025-09-15", "G001")
              if f.message.key.endswith("bt_missing")]
    assert late.severity is Severity.WARNING
    # approved: BT delmål no longer matter
    approved = write_profile_portfolio(
        tmp_path / "b", profile(HSLF, extra=bt + "  approved: 2025-09-10\n" + corrections))
    assert not [f for f in findings_for(approved, "2025-09-15", "G001")
                if f.message.key.endswith("bt_missing")]


# --- G002 certificates ------------------------------------------------------------------------------


def test_g002_evidence_without_a_signed_certificate(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF), {
        "courses/a.yaml": course("2024-10-01", "STa1"),
        "courses/b.yaml": course("2024-10-02", "STa4", "certificate: signed\n"),
        "courses/c.yaml": course("2024-10-03", "STb1", "certificate: requested\n"),
        "courses/d.yaml": course("2025-10-03", "STb2"),  # planned: no evidence yet
    })
    findings = findings_for(root, "2025-03-01", "G002")
    assert [f.message.args["code"] for f in findings] == ["STa1", "STb1"]
    a1, b1 = findings
    assert a1.severity is Severity.INFO and a1.position == PORTFOLIO
    assert a1.message.render("sv") == (
        "delmål STa1 (Hälso- och sjukvårdens förutsättningar) har belägg (kurs) men inget "
        "påskrivet intyg")
    assert a1.hint is not None and "`certificate: signed`" in a1.hint.render("sv")
    assert "intyg är begärt" in b1.message.render("sv")


def test_g002_names_the_kinds_of_evidence(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF), {
        "placements/vc.yaml": placement("vardcentral", "2024-09-01", "2025-01-31", "STc9, STc1"),
        "placements/s.yaml": placement("sidotjanstgoring", "2025-02-01", "2025-04-30", "STc1"),
    })
    findings = findings_for(root, "2025-06-01", "G002")
    [c9] = about(findings, "STc9")
    assert "(klinisk tjänstgöring i primärvård)" in c9.message.render("sv")
    [c1] = about(findings, "STc1")
    assert "(klinisk tjänstgöring, klinisk tjänstgöring i primärvård)" in c1.message.render("sv")


def test_g002_escalates_near_completion(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(SOSFS, start="2020-01-01"), {
        "courses/a.yaml": course("2021-10-01", "a6")})
    [finding] = findings_for(root, "2024-02-01", "G002")
    assert finding.severity is Severity.WARNING
    assert finding.hint is not None and "2024-12-31" in finding.hint.render("sv")


def test_g002_bt_summarized_until_approved(tmp_path: Path) -> None:
    bt = "bt:\n  start: 2024-09-01\n  end: 2025-08-31\n"
    files = {"placements/vc.yaml": placement("vardcentral", "2024-09-01", "2025-08-31",
                                             "BT1, BT2, BT5, STc1")}
    root = write_profile_portfolio(tmp_path, profile(HSLF, extra=bt), files)
    findings = findings_for(root, "2025-03-01", "G002")
    [summary] = [f for f in findings if f.message.key == "rule.G002.bt_uncertified"]
    assert "3 BT-delmål" in summary.message.render("sv")
    assert "BT1, BT2, BT5" in summary.message.render("sv")
    assert [f.message.args.get("code") for f in findings if f is not summary] == ["STc1"]
    # a bt-intyg milestone closes BT as well as `bt.approved`
    files["milestones/m.yaml"] = "kind: bt-intyg\ndate: 2025-09-20\n"
    root = write_profile_portfolio(tmp_path / "b", profile(HSLF, extra=bt), files)
    assert not [f for f in findings_for(root, "2025-10-01", "G002")
                if f.message.key == "rule.G002.bt_uncertified"]


def test_g002_english_titles(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF),
                                   {"courses/a.yaml": course("2024-10-01", "STa4")})
    [finding] = findings_for(root, "2025-03-01", "G002")
    assert finding.message.render("en") == (
        "delmål STa4 (Ethics) has evidence (course) but no signed certificate")
