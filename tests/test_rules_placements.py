"""Placement rules PL001-PL005: firing and not firing, positions, regions, planned entries."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from stcli.engine.evaluate import evaluate
from stcli.findings import PORTFOLIO, Severity
from tests.conftest import findings_for, key_line, write_profile_portfolio


def profile(region: str | None = None, *, swedish_at: bool = False,
            regulation: str = "HSLF-FS 2021:8", start: str = "2024-09-01",
            employment: str = "  - {from: 2024-09-01, percent: 100}\n") -> str:
    text = (f"trainee: Test Testsson\nregulation: {regulation}\nstart: {start}\n"
            f"home_unit: Vårdcentralen Test\nswedish_at: {str(swedish_at).lower()}\n")
    if region:
        text += f"region: {region}\n"
    if employment:
        text += "employment:\n" + employment
    return text


def placement(specialty: str, start: str, end: str, *, type_: str = "sidotjanstgoring",
              extra: str = "") -> str:
    return (f"type: {type_}\nspecialty: {specialty}\nunit: Kliniken\nstart: {start}\n"
            f"end: {end}\n{extra}")


# --- PL001 side-placement-length (VGR) -----------------------------------------------------------


def test_pl001_internmedicin_16_weeks_is_enough_with_swedish_at(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr", swedish_at=True),
                                   {"placements/im.yaml": placement("internmedicin", "2025-01-06",
                                                                    "2025-04-27")})
    assert findings_for(root, "2025-06-01", "PL001") == []


def test_pl001_internmedicin_needs_24_weeks_without_swedish_at(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr", swedish_at=False),
                                   {"placements/im.yaml": placement("internmedicin", "2025-01-06",
                                                                    "2025-04-27")})
    [finding] = findings_for(root, "2025-06-01", "PL001")
    assert finding.severity is Severity.INFO
    assert finding.position.file == "placements/im.yaml"
    assert finding.position.line == key_line(root, "placements/im.yaml", "end")
    text = finding.message.render("sv")
    assert "internmedicin" in text and "16,0 veckor" in text and "24 veckor" in text
    assert finding.hint is not None and "swedish_at" in finding.hint.render("sv")
    assert "16.0 weeks" in finding.message.render("en")


def test_pl001_psykiatri_short_fires_and_counts_planned_placements(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"), {
        "placements/psyk.yaml": placement("psykiatri", "2026-09-07", "2026-11-15"),  # 10 weeks
    })
    [finding] = findings_for(root, "2025-06-01", "PL001")  # planned, still judged
    assert "10,0 veckor" in finding.message.render("sv")
    assert "12 veckor" in finding.message.render("sv")


def test_pl001_adds_up_placements_in_one_specialty(tmp_path: Path) -> None:
    two = [placement("internmedicin", "2025-01-06", "2025-03-30"),  # 12 weeks
           placement("internmedicin", "2025-09-01", "2025-11-23")]  # 12 weeks
    root = write_profile_portfolio(tmp_path, profile("vgr"), {
        "placements/im.yaml": "- " + "\n- ".join(textwrap.indent(p, "  ").lstrip() for p in two)})
    assert findings_for(root, "2025-06-01", "PL001") == []


def test_pl001_short_total_is_reported_at_the_last_placement(tmp_path: Path) -> None:
    two = [placement("internmedicin", "2025-01-06", "2025-03-30"),  # 12 weeks
           placement("internmedicin", "2025-09-01", "2025-10-26")]  # 8 weeks, planned
    rel = "placements/im.yaml"
    root = write_profile_portfolio(tmp_path, profile("vgr"), {
        rel: "- " + "\n- ".join(textwrap.indent(p, "  ").lstrip() for p in two)})
    [finding] = findings_for(root, "2025-06-01", "PL001")
    assert finding.position.line == key_line(root, rel, "end", nth=1)
    assert "2 sidotjänstgöringarna" in finding.message.render("sv")
    assert "20,0 veckor" in finding.message.render("sv")


def test_pl001_split_placement_counts_its_share(tmp_path: Path) -> None:
    # 16 calendar weeks at 50 % of a full-time employment = 8 weeks of psykiatri
    root = write_profile_portfolio(tmp_path, profile("vgr"), {"placements/psyk.yaml": placement(
        "psykiatri", "2025-01-06", "2025-04-27", extra="percent: 50\n")})
    [finding] = findings_for(root, "2025-06-01", "PL001")
    assert "8,0 veckor" in finding.message.render("sv")


def test_pl001_part_time_employment_does_not_shorten(tmp_path: Path) -> None:
    employment = "  - {from: 2024-09-01, percent: 80}\n"
    root = write_profile_portfolio(
        tmp_path, profile("vgr", employment=employment), {"placements/psyk.yaml": placement(
            "psykiatri", "2025-01-06", "2025-03-30")})  # 12 weeks at 80 %, no percent given
    assert findings_for(root, "2025-06-01", "PL001") == []


def test_pl001_noncounting_leave_inside_the_placement_is_left_out(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"), {
        "placements/psyk.yaml": placement("psykiatri", "2025-01-06", "2025-03-30"),
        "leave/fl.yaml": "kind: foraldraledighet\nstart: 2025-02-03\nend: 2025-02-16\n",
    })
    [finding] = findings_for(root, "2025-06-01", "PL001")
    assert "10,0 veckor" in finding.message.render("sv")


def test_pl001_beroende_counts_with_psykiatri(tmp_path: Path) -> None:
    # 8 weeks psykiatri + 4 weeks beroende = 12 weeks: enough; psykiatri alone is not
    files = {"placements/p.yaml": placement("psykiatri", "2025-01-06", "2025-03-02"),
             "placements/b.yaml": placement("beroende", "2025-03-03", "2025-03-30")}
    root = write_profile_portfolio(tmp_path, profile("vgr"), files)
    assert findings_for(root, "2025-06-01", "PL001") == []
    files["placements/b.yaml"] = placement("beroende", "2025-03-03", "2025-03-29")
    root = write_profile_portfolio(tmp_path / "short", profile("vgr"), files)
    [finding] = findings_for(root, "2025-06-01", "PL001")
    assert finding.message.key == "rule.PL001.too_short_total"
    assert finding.message.args["specialty"] == "psykiatri"
    assert finding.position.file == "placements/b.yaml"  # the group's last placement


# --- PL006 mandatory-side-placements (VGR) --------------------------------------------------------

MANDATORY = (("internmedicin", "2025-01-06", "2025-06-22"), ("psykiatri", "2025-08-04",
             "2025-10-26"), ("barn-och-ungdomsmedicin", "2026-01-05", "2026-03-01"),
             ("akut-barnsjukvard", "2026-03-02", "2026-03-29"),
             ("gynekologi", "2026-04-06", "2026-05-03"))


def mandatory_files(skip: str = "") -> dict[str, str]:
    return {f"placements/{spec}.yaml": placement(spec, start, end)
            for spec, start, end in MANDATORY if spec != skip}


def test_pl006_all_mandatory_done_or_planned_is_silent(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"), mandatory_files())
    assert findings_for(root, "2025-01-01", "PL006") == []  # all planned


def test_pl006_a_missing_one_is_named(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"), mandatory_files("gynekologi"))
    [finding] = findings_for(root, "2025-01-01", "PL006")
    assert finding.severity is Severity.INFO and finding.position == PORTFOLIO
    assert finding.message.render("sv") == (
        "obligatorisk sidotjänstgöring varken gjord eller planerad: gynekologi")
    # an auskultation in gynekologi is not the side placement
    files = mandatory_files("gynekologi")
    files["placements/a.yaml"] = placement("gynekologi", "2025-02-03", "2025-02-05",
                                           type_="auskultation")
    root = write_profile_portfolio(tmp_path / "a", profile("vgr"), files)
    assert len(findings_for(root, "2025-01-01", "PL006")) == 1


def test_pl006_warning_within_12_months_of_completion(tmp_path: Path) -> None:
    # HSLF-FS 2021:8 full time from 2024-09-01: 66 months on 2030-02-28
    root = write_profile_portfolio(tmp_path, profile("vgr"), mandatory_files("psykiatri"))
    [early] = findings_for(root, "2029-02-27", "PL006")
    assert early.severity is Severity.INFO
    [late] = findings_for(root, "2029-02-28", "PL006")
    assert late.severity is Severity.WARNING


@pytest.mark.parametrize("region", [None, "gavleborg", "vastmanland"])
def test_pl006_only_in_vgr(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(region))
    assert findings_for(root, "2025-01-01", "PL006") == []


@pytest.mark.parametrize("region", [None, "gavleborg", "vastmanland"])
def test_pl001_only_in_vgr(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(region), {
        "placements/psyk.yaml": placement("psykiatri", "2025-01-06", "2025-02-02")})
    assert findings_for(root, "2025-06-01", "PL001") == []


def test_pl001_other_specialties_and_types_are_not_judged(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vgr"), {
        "placements/a.yaml": placement("geriatrik", "2025-01-06", "2025-01-19"),
        "placements/b.yaml": placement("psykiatri", "2025-02-03", "2025-02-05",
                                       type_="auskultation"),
    })
    assert findings_for(root, "2025-06-01", "PL001") == []


# --- PL002 placement-planning (Västmanland: form_sent, Gävleborg: contacted) -----------------------


def test_pl002_vastmanland_form_sent_on_time(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vastmanland"), {"placements/p.yaml": placement(
            "psykiatri", "2025-09-01", "2025-11-23", extra="planning:\n  form_sent: 2025-06-01\n")})
    assert findings_for(root, "2025-10-01", "PL002") == []


def test_pl002_vastmanland_form_sent_late(tmp_path: Path) -> None:
    rel = "placements/p.yaml"
    root = write_profile_portfolio(tmp_path, profile("vastmanland"), {rel: placement(
        "psykiatri", "2025-09-01", "2025-11-23", extra="planning:\n  form_sent: 2025-06-15\n")})
    [finding] = findings_for(root, "2025-10-01", "PL002")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "form_sent")
    text = finding.message.render("sv")
    assert "2025-06-15" in text and "2025-06-01" in text and "psykiatri" in text


def test_pl002_vastmanland_no_date_on_a_started_placement(tmp_path: Path) -> None:
    rel = "placements/p.yaml"
    root = write_profile_portfolio(tmp_path, profile("vastmanland"), {rel: placement(
        "psykiatri", "2025-09-01", "2026-01-23")})  # runs past as_of
    [finding] = findings_for(root, "2025-10-01", "PL002")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "start")
    assert finding.hint is not None and "form_sent" in finding.hint.render("sv")


def test_pl002_planned_placement_deadline_passed(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vastmanland"), {"placements/p.yaml": placement(
            "gynekologi", "2026-03-02", "2026-03-29")})
    [finding] = findings_for(root, "2026-01-15", "PL002")  # due 2025-12-02
    assert finding.severity is Severity.WARNING
    assert "2025-12-02" in finding.message.render("sv")


def test_pl002_planned_placement_reminder_within_three_months(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vastmanland"), {"placements/p.yaml": placement(
            "gynekologi", "2026-09-07", "2026-10-04")})
    # due 2026-06-07, reminder from 2026-03-07
    [finding] = findings_for(root, "2026-04-15", "PL002")
    assert finding.severity is Severity.INFO
    assert "senast 2026-06-07" in finding.message.render("sv")
    # far ahead: no reminder yet
    assert findings_for(root, "2026-02-15", "PL002") == []


def test_pl002_vastmanland_exempt_unit(tmp_path: Path) -> None:
    text = placement("internmedicin", "2025-09-01", "2025-12-21").replace(
        "unit: Kliniken", "unit: Medicinkliniken, Västerås sjukhus")
    root = write_profile_portfolio(tmp_path, profile("vastmanland"), {"placements/p.yaml": text})
    assert findings_for(root, "2025-10-01", "PL002") == []


def test_pl002_gavleborg_checks_contact_not_form(tmp_path: Path) -> None:
    rel = "placements/p.yaml"
    on_time = placement("psykiatri", "2025-09-01", "2025-11-23",
                        extra="planning:\n  contacted: 2025-06-20\n")
    root = write_profile_portfolio(tmp_path / "a", profile("gavleborg"), {rel: on_time})
    assert findings_for(root, "2025-10-01", "PL002") == []  # no form_sent needed in Gävleborg
    late = on_time.replace("2025-06-20", "2025-07-15")
    root = write_profile_portfolio(tmp_path / "b", profile("gavleborg"), {rel: late})
    [finding] = findings_for(root, "2025-10-01", "PL002")
    assert finding.position.line == key_line(root, rel, "contacted")
    assert "kontaktades 2025-07-15" in finding.message.render("sv")
    assert "2025-07-01" in finding.message.render("sv")  # 2 months before the start


def test_pl002_gavleborg_reminder_reads_the_deadline(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("gavleborg"), {"placements/p.yaml": placement(
        "barn-och-ungdomsmedicin", "2026-09-07", "2026-11-01")})
    evaluation = evaluate(root, dt.date(2026, 5, 1))
    [finding] = [f for f in evaluation.findings if f.code == "PL002"]
    assert finding.severity is Severity.INFO
    assert evaluation.progress is not None
    [deadline] = [d for d in evaluation.progress.deadlines if d.code == "PL002"]
    assert deadline.date == dt.date(2026, 7, 7)
    assert "senast 2026-07-07" in finding.message.render("sv")


@pytest.mark.parametrize("region", [None, "vgr"])
def test_pl002_inactive_elsewhere(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(region), {"placements/p.yaml": placement(
        "psykiatri", "2025-09-01", "2025-11-23")})
    assert findings_for(root, "2025-10-01", "PL002") == []


def test_pl002_auskultation_is_not_judged(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vastmanland"), {"placements/p.yaml": placement(
            "psykiatri", "2025-09-01", "2025-09-03", type_="auskultation")})
    assert findings_for(root, "2025-10-01", "PL002") == []


# --- PL003 homecoming-days (Västmanland) -----------------------------------------------------------


def test_pl003_too_few_homecoming_days(tmp_path: Path) -> None:
    rel = "placements/p.yaml"
    root = write_profile_portfolio(tmp_path, profile("vastmanland"), {rel: placement(
        "internmedicin", "2024-09-02", "2024-12-22",
        extra="homecoming_days: [2024-09-25, 2024-10-23]\n")})
    [finding] = findings_for(root, "2025-02-01", "PL003")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "homecoming_days")
    text = finding.message.render("sv")
    assert "3 hela månader" in text and "2 hemvändardagar" in text and "minst 3" in text


def test_pl003_enough_days(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vastmanland"), {"placements/p.yaml": placement(
            "internmedicin", "2024-09-02", "2024-12-22",
            extra="homecoming_days: [2024-09-25, 2024-10-23, 2024-11-20]\n")})
    assert findings_for(root, "2025-02-01", "PL003") == []


def test_pl003_days_outside_the_placement_do_not_count(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vastmanland"), {"placements/p.yaml": placement(
            "internmedicin", "2024-09-02", "2024-12-22",
            extra="homecoming_days: [2024-09-25, 2024-10-23, 2025-01-20]\n")})
    assert len(findings_for(root, "2025-02-01", "PL003")) == 1


def test_pl003_six_weeks_or_less_needs_none(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("vastmanland"), {
        "placements/a.yaml": placement("gynekologi", "2025-01-06", "2025-02-16"),  # 42 days
    })
    assert findings_for(root, "2025-06-01", "PL003") == []
    root = write_profile_portfolio(tmp_path / "b", profile("vastmanland"), {
        "placements/a.yaml": placement("gynekologi", "2025-01-06", "2025-02-17"),  # 43 days
    })
    [finding] = findings_for(root, "2025-06-01", "PL003")
    assert "minst 1" in finding.message.render("sv")


def test_pl003_split_placement_is_not_judged(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vastmanland"), {"placements/p.yaml": placement(
            "geriatrik", "2025-01-06", "2025-04-27", extra="percent: 40\n")})
    assert findings_for(root, "2025-06-01", "PL003") == []


def test_pl003_planned_placement_is_info_and_ongoing_is_warning(tmp_path: Path) -> None:
    root = write_profile_portfolio(
        tmp_path, profile("vastmanland"), {"placements/p.yaml": placement(
            "psykiatri", "2025-09-01", "2025-11-23")})
    [planned] = findings_for(root, "2025-06-01", "PL003")
    assert planned.severity is Severity.INFO
    assert "minst 2 hemvändardagar bör planeras" in planned.message.render("sv")
    assert planned.message.render("sv").endswith("0 är inplanerade")
    [ongoing] = findings_for(root, "2025-10-01", "PL003")
    assert ongoing.severity is Severity.WARNING


@pytest.mark.parametrize("region", [None, "vgr", "gavleborg"])
def test_pl003_only_in_vastmanland(tmp_path: Path, region: str | None) -> None:
    root = write_profile_portfolio(tmp_path, profile(region), {"placements/p.yaml": placement(
        "internmedicin", "2024-09-02", "2024-12-22")})
    assert findings_for(root, "2025-02-01", "PL003") == []


# --- PL004 placement-certificate (national) -------------------------------------------------------


@pytest.mark.parametrize("region", [None, "vgr", "gavleborg", "vastmanland"])
def test_pl004_missing_certificate_31_days_after(tmp_path: Path, region: str | None) -> None:
    rel = "placements/p.yaml"
    root = write_profile_portfolio(tmp_path, profile(region), {rel: placement(
        "psykiatri", "2025-09-01", "2025-11-30", extra="certificate: none\n")})
    [finding] = findings_for(root, "2025-12-31", "PL004")
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "certificate")
    text = finding.message.render("sv")
    assert "psykiatri" in text and "2025-11-30" in text and "31 dagar" in text
    assert finding.hint is not None
    assert "`certificate: signed`" in finding.hint.render("sv")


def test_pl004_grace_period_and_running_placements(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), {"placements/p.yaml": placement(
        "psykiatri", "2025-09-01", "2025-11-30")})
    assert findings_for(root, "2025-12-30", "PL004") == []  # 30 days: still within the grace
    assert findings_for(root, "2025-11-15", "PL004") == []  # runs past as_of
    assert findings_for(root, "2025-06-01", "PL004") == []  # planned


def test_pl004_requested_and_signed(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), {
        "placements/a.yaml": placement("psykiatri", "2025-09-01", "2025-11-30",
                                       extra="certificate: requested\n"),
        "placements/b.yaml": placement("internmedicin", "2025-01-06", "2025-04-27",
                                       extra="certificate: signed\n"),
    })
    [finding] = findings_for(root, "2026-03-15", "PL004")
    assert finding.position.file == "placements/a.yaml"
    assert "begärt men inte påskrivet" in finding.message.render("sv")
    assert "requested but not signed" in finding.message.render("en")


def test_pl004_auskultation_yes_vardcentral_no(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile(), {
        "placements/a.yaml": placement("palliativ-vard", "2025-02-16", "2025-02-18",
                                       type_="auskultation"),
        "placements/b.yaml": placement("allmanmedicin", "2024-09-01", "2025-01-31",
                                       type_="vardcentral"),
    })
    [finding] = findings_for(root, "2025-06-01", "PL004")
    assert finding.position.file == "placements/a.yaml"
    assert "auskultationen" in finding.message.render("sv")


# --- PL005 external-placement (Gävleborg) ---------------------------------------------------------


def test_pl005_external_exactly_one_month_is_fine(tmp_path: Path) -> None:
    root = write_profile_portfolio(tmp_path, profile("gavleborg"), {"placements/p.yaml": placement(
        "allmanmedicin", "2025-01-08", "2025-02-07", extra="external: true\n")})
    assert findings_for(root, "2025-06-01", "PL005") == []


def test_pl005_external_longer_than_a_month(tmp_path: Path) -> None:
    rel = "placements/p.yaml"
    root = write_profile_portfolio(tmp_path, profile("gavleborg"), {rel: placement(
        "allmanmedicin", "2025-01-08", "2025-02-08", extra="external: true\n")})
    [finding] = findings_for(root, "2024-10-01", "PL005")  # planned placements are judged too
    assert finding.severity is Severity.WARNING
    assert finding.position.line == key_line(root, rel, "end")
    assert "32 dagar" in finding.message.render("sv")


def test_pl005_internal_or_other_region(tmp_path: Path) -> None:
    internal = placement("internmedicin", "2025-01-06", "2025-04-27")
    root = write_profile_portfolio(tmp_path, profile("gavleborg"), {"placements/p.yaml": internal})
    assert findings_for(root, "2025-06-01", "PL005") == []
    external = placement("internmedicin", "2025-01-06", "2025-04-27", extra="external: true\n")
    for region in (None, "vgr", "vastmanland"):
        root = write_profile_portfolio(tmp_path / str(region), profile(region),
                                       {"placements/p.yaml": external})
        assert findings_for(root, "2025-06-01", "PL005") == []


# --- a portfolio with almost no data --------------------------------------------------------------


def test_only_st_yaml_gives_no_placement_findings(tmp_path: Path) -> None:
    for region in (None, "vgr", "gavleborg", "vastmanland"):
        root = write_profile_portfolio(tmp_path / str(region), profile(region, employment=""))
        findings = evaluate(root, dt.date(2026, 3, 15)).findings
        # PL006 (VGR) asks for the mandatory side placements, which are not there
        assert [f.code for f in findings if f.code.startswith("PL")] == (
            ["PL006"] if region == "vgr" else []), region
