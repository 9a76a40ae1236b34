"""Delmål rules G001 (evidence) and G002 (certificate): both regulations, BT, escalation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stcli.engine.evaluate import evaluate
from stcli.engine.progress import summarize_delmal
from stcli.findings import PORTFOLIO, Finding, Severity
from tests.conftest import SAMPLE, findings_for, write_profile_portfolio

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
    assert text.endswith(
        "saknar underlag: självständigt skriftligt arbete enligt vetenskapliga principer")
    assert finding.message.render("en").endswith(
        "independent written work on scientific principles (självständigt skriftligt arbete "
        "enligt vetenskapliga principer)")
    files["activities/va.yaml"] = (
        "kind: vetenskapligt-arbete\ntitle: Studie\nstart: 2024-11-01\nend: 2025-12-31\n"
        "status: ongoing\ndelmal: [a5]\n")
    root = write_profile_portfolio(tmp_path / "b", profile(SOSFS), files)
    assert about(findings_for(root, "2025-03-01", "G001"), "a5") == []


def test_g001_quality_work_is_named_as_each_regulation_names_it(tmp_path: Path) -> None:
    hslf = write_profile_portfolio(tmp_path / "h", profile(HSLF))
    [sta2] = about(findings_for(hslf, "2025-03-01", "G001"), "STa2")
    assert sta2.message.render("sv").endswith("saknar underlag: deltagande i utvecklingsarbete")
    sosfs = write_profile_portfolio(tmp_path / "s", profile(SOSFS))
    [a4] = about(findings_for(sosfs, "2025-03-01", "G001"), "a4")
    assert a4.message.render("sv").endswith("kvalitets- och utvecklingsarbete")


@pytest.mark.parametrize("entry", [
    ("activities/va.yaml", "kind: vetenskapligt-arbete\ntitle: Studie\nstart: 2024-11-01\n"
                           "status: ongoing\ndelmal: [STa3]\n"),
    ("courses/k.yaml", course("2024-11-01", "STa3")),
    ("activities/s.yaml", "kind: seminarium\ndate: 2024-11-01\ndelmal: [STa3]\n"),
    ("placements/vc.yaml", placement("vardcentral", "2024-09-01", "2025-08-31", "STa3")),
])
def test_g001_hslf_sta3_any_tagged_entry_is_evidence(tmp_path: Path,
                                                      entry: tuple[str, str]) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF), dict([entry]))
    assert about(findings_for(root, "2025-03-01", "G001"), "STa3") == []
    # one day before the entry starts it is planned, not evidence
    assert len(about(findings_for(root, "2024-08-31", "G001"), "STa3")) == 1


def test_g001_vardcentral_is_clinical_service_in_primary_care(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF), {
        # runs past as_of: started, so it is evidence
        "placements/vc.yaml": placement("vardcentral", "2024-09-01", "2026-08-31",
                                        "STc1, STc9, STc7"),
    })
    findings = findings_for(root, "2025-03-01", "G001")
    assert about(findings, "STc1") == [] and about(findings, "STc9") == []
    [c3] = about(findings, "STc3")
    assert "klinisk tjänstgöring i primärvård; kurs" in c3.message.render("sv")
    # STc7 needs a unit in gynekologi, obstetrik or mödrahälsovård: not the vårdcentral
    [c7] = about(findings, "STc7")
    assert c7.hint is not None and c7.message.key == "rule.G001.missing"
    assert "gynekologi, obstetrik, mvc" in c7.hint.render("sv")
    assert "vårdcentralen räcker inte" in c7.hint.render("sv")


@pytest.mark.parametrize(("regulation", "code"), [(HSLF, "STc7"), (SOSFS, "c7")])
@pytest.mark.parametrize(("type_", "specialty", "counts"), [
    ("sidotjanstgoring", "gynekologi", True),
    ("auskultation", "obstetrik", True),
    ("auskultation", "mvc", True),
    ("sidotjanstgoring", "psykiatri", False),
    ("vardcentral", "allmanmedicin", False),
])
def test_g001_c7_requires_a_gynaecology_or_antenatal_unit(
        tmp_path: Path, regulation: str, code: str, type_: str, specialty: str,
        counts: bool) -> None:
    entry = (f"type: {type_}\nspecialty: {specialty}\nunit: Enheten\nstart: 2024-10-01\n"
             f"end: 2024-10-31\ndelmal: [{code}]\ncertificate: signed\n")
    root = write_profile_portfolio(tmp_path, profile(regulation), {"placements/p.yaml": entry})
    assert (about(findings_for(root, "2025-03-01", "G001"), code) == []) is counts
    evaluation = evaluate(root, dt.date(2025, 3, 1))
    [status] = [s for s in evaluation.progress.delmal if s.delmal.code == code]
    assert status.certified is counts


def test_g001_alternatives_are_named_with_or(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(SOSFS),
                                   {"courses/k.yaml": course("2024-10-01", "b5")})
    [b5] = about(findings_for(root, "2025-03-01", "G001"), "b5")
    assert "klinisk tjänstgöring eller auskultation" in b5.message.render("sv")
    assert ("clinical service (klinisk tjänstgöring) or observation placement "
            "(auskultation)") in b5.message.render("en")
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


def test_g001_leaves_bt_delmal_to_bt001(tmp_path: Path) -> None:
    bt = "bt:\n  start: 2024-09-01\n  end: 2025-08-31\n"
    root = write_profile_portfolio(tmp_path, profile(HSLF, extra=bt))
    findings = findings_for(root, "2025-09-15", "G001")
    assert findings and not any(str(f.message.args.get("code", "")).startswith("BT")
                                for f in findings)
    assert all(f.message.key.startswith("rule.G001.missing") for f in findings)


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
        "delmål STa1 (Hälso- och sjukvårdens förutsättningar) saknar påskrivet intyg för: "
        "kurs (Bilaga 10)")
    assert a1.hint is not None and "`certificate: signed`" in a1.hint.render("sv")
    assert b1.message.render("sv").endswith("kurs (Bilaga 10, begärt)")


def test_g002_a_signed_course_does_not_certify_the_clinical_requirement(
        tmp_path: Path) -> None:
    # STc13 (KT; KT-PV) and an optional course: the course's certificate certifies nothing
    root = write_profile_portfolio(tmp_path, profile(HSLF), {
        "courses/k.yaml": course("2024-10-01", "STc13", "certificate: signed\n"),
        "placements/p.yaml": placement("sidotjanstgoring", "2024-09-01", "2024-11-30",
                                       "STc13", "certificate: requested\n"),
        "placements/vc.yaml": placement("vardcentral", "2024-12-01", "2025-02-28", "STc13"),
    })
    evaluation = evaluate(root, dt.date(2025, 3, 1))
    [status] = [s for s in evaluation.progress.delmal if s.delmal.code == "STc13"]
    assert not status.certified
    assert [(r.types, r.state, r.form) for r in status.requirements] == [
        (("klinisk_tjanstgoring",), "requested", "Bilaga 9"),
        (("klinisk_tjanstgoring_primarvard",), "unsigned", "Bilaga 9")]
    [finding] = about(findings_for(root, "2025-03-01", "G002"), "STc13")
    assert finding.message.render("sv").endswith(
        "saknar påskrivet intyg för: klinisk tjänstgöring (Bilaga 9, begärt); klinisk "
        "tjänstgöring i primärvård (Bilaga 9)")
    assert finding.message.render("en").endswith(
        "has no signed certificate for: clinical service (klinisk tjänstgöring) (Bilaga 9, "
        "requested); clinical service in primary care (Bilaga 9)")


def test_g002_one_signed_vardcentral_certificate_covers_both_clinical_types(
        tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF), {
        "placements/vc.yaml": placement("vardcentral", "2024-09-01", "2025-01-31", "STc1",
                                        "certificate: signed\n")})
    assert about(findings_for(root, "2025-06-01", "G002"), "STc1") == []
    evaluation = evaluate(root, dt.date(2025, 6, 1))
    [status] = [s for s in evaluation.progress.delmal if s.delmal.code == "STc1"]
    assert status.certified and status.certificate_state == "signed"


def test_g002_certificate_dated_after_as_of_is_not_yet_signed(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(HSLF), {
        "placements/p.yaml": placement("sidotjanstgoring", "2024-09-01", "2024-09-30", "STc14",
                                       "certificate: signed\ncertificate_date: 2024-10-20\n")})
    assert len(findings_for(root, "2024-10-19", "G002")) == 1
    assert findings_for(root, "2024-10-20", "G002") == []


def test_g002_sta3_is_certified_by_its_milestone_only(tmp_path: Path) -> None:
    files = {"courses/k.yaml": course("2024-10-01", "STa3", "certificate: signed\n")}
    root = write_profile_portfolio(tmp_path, profile(HSLF), files)
    [finding] = findings_for(root, "2025-03-01", "G002")
    assert finding.message.render("sv").endswith("valfria aktiviteter (Bilaga 12)")
    assert finding.hint is not None and "`kind: sta3-intyg`" in finding.hint.render("sv")
    files["milestones/m.yaml"] = "kind: sta3-intyg\ndate: 2025-02-01\n"
    root = write_profile_portfolio(tmp_path / "b", profile(HSLF), files)
    assert len(findings_for(root, "2025-01-31", "G002")) == 1  # the day before: not yet
    assert findings_for(root, "2025-02-01", "G002") == []
    [status] = [s for s in evaluate(root, dt.date(2025, 2, 1)).progress.delmal
                if s.delmal.code == "STa3"]
    assert status.certified
    assert status.requirements[0].certified_on == dt.date(2025, 2, 1)


def test_g002_names_the_form_of_each_regulation(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(SOSFS), {
        "placements/a.yaml": placement("auskultation", "2024-11-04", "2024-11-06", "b5"),
        "courses/k.yaml": course("2024-10-01", "b5"),
        "activities/k.yaml": "kind: kvalitetsarbete\nstart: 2024-10-01\ndelmal: [a4]\n",
        "activities/v.yaml": "kind: vetenskapligt-arbete\nstart: 2024-10-01\ndelmal: [a5]\n",
    })
    findings = findings_for(root, "2025-03-01", "G002")
    [b5] = about(findings, "b5")
    assert b5.message.render("sv").endswith("auskultation (Bilaga 3); kurs (Bilaga 5)")
    [a4] = about(findings, "a4")
    assert a4.message.render("sv").endswith("kvalitets- och utvecklingsarbete (Bilaga 6)")
    [a5] = about(findings, "a5")
    assert a5.message.render("sv").endswith(
        "självständigt skriftligt arbete enligt vetenskapliga principer (Bilaga 7)")


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
        "delmål STa4 (Ethics) has no signed certificate for: course (Bilaga 10)")


# --- the sample portfolio, counted by hand --------------------------------------------------------


def test_sample_certified_delmal_counted_by_hand() -> None:
    """At 2026-11-29 the sample has 7 certified ST delmål (issue 12; rules.md v2 G002).

    By hand, from sample-portfolio/ (signed = `certificate: signed` dated by as_of):
    - STa1 [K]: course "Hälso- och sjukvårdens organisation" signed -> certified.
    - STa2 [UA]: kvalitetsarbete signed -> certified.
    - STa3 [own certificate]: no `sta3-intyg` milestone -> not certified, although a course
      and the scientific work naming it are signed (Bilaga 12 is the certificate).
    - STa4 [KT, K]: no clinical entry names it -> not certified.
    - STa5, STa6, STa7, STb2, STb3: their KT is the vårdcentral period 2025-12-01–2026-01-11,
      unsigned -> not certified (their courses or quality work are signed, or missing: STb2).
    - STb1 [KT, K]: KT is the psykiatri placement, only requested -> not certified.
    - STb4 [KT or AU, K]: the palliative auskultation (signed) and a signed course ->
      certified.
    - STc1 [KT, KT-PV]: the vårdcentral period 2024-04-08–2024-09-01 is signed, and one
      vårdcentral certificate (Bilaga 9) covers both types -> certified.
    - STc2, STc4, STc5 [KT, KT-PV]: KT signed through internmedicin, but every vårdcentral
      period naming them is unsigned -> not certified.
    - STc3 [KT-PV, K]: vårdcentral 2024-04-08–2024-09-01 signed, course signed -> certified.
    - STc6, STc8, STc9, STc10, STc11, STc12: only unsigned clinical evidence -> not.
    - STc7: no entry names it -> not certified.
    - STc13 [KT, KT-PV]: psykiatri requested, vårdcentral unsigned -> not certified (the
      signed optional course does not count).
    - STc14 [KT]: internmedicin signed -> certified.
    - STc15 [KT or K]: a signed course -> certified.
    Certified: STa1, STa2, STb4, STc1, STc3, STc14, STc15 = 7 of 26.
    """
    evaluation = evaluate(SAMPLE, dt.date(2026, 11, 29))
    st = tuple(s for s in evaluation.progress.delmal if s.delmal.group != "bt")
    assert [s.delmal.code for s in st if s.certified] == [
        "STa1", "STa2", "STb4", "STc1", "STc3", "STc14", "STc15"]
    summary = summarize_delmal(st)
    assert (summary.certified, summary.total) == (7, 26)
