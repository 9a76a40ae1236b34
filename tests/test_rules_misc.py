"""S001 study-time and L001 patient-list."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from stcli.engine.evaluate import evaluate
from stcli.findings import Severity
from tests.conftest import evaluate_portfolio, found, line_containing

HSLF = "HSLF-FS 2021:8"


def st_yaml(*, start: str = "2024-09-01", region: str | None = None, extra: str = "") -> str:
    text = (f"trainee: Test Testsson\nregulation: {HSLF}\nstart: {start}\n"
            "home_unit: Vårdcentralen Test\n")
    if region:
        text += f"region: {region}\n"
    return text + textwrap.dedent(extra)


def percent(value: int, extra: str = "") -> str:
    return f"employment:\n  - {{from: 2024-09-01, percent: {value}}}\n{extra}"


# --- S001 study-time ---------------------------------------------------------------------------


def test_s001_too_little_at_full_time(tmp_path: Path) -> None:
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(extra="study_hours_per_week: 3\n")),
                      "S001")
    assert finding.severity == Severity.WARNING
    assert finding.position.line == line_containing(tmp_path / "portfolio", "st.yaml",
                                                    "study_hours_per_week")
    assert finding.message.render("sv") == (
        "överenskommen studietid 3 h/vecka är mindre än 4 h × 100 % = 4 h/vecka")
    assert finding.source == "GÄVLEBORG 4.1.2; VGR-FAQ Kompetensutvecklingstid"


def test_s001_part_time_lowers_study_time(tmp_path: Path) -> None:
    assert found(evaluate_portfolio(tmp_path,
                                    st_yaml(extra=percent(80, "study_hours_per_week: 3.2\n"))),
                 "S001") == []
    [finding] = found(evaluate_portfolio(tmp_path / "b",
                                         st_yaml(extra=percent(80, "study_hours_per_week: 3\n"))),
                      "S001")
    assert finding.message.render("en") == (
        "the agreed study time of 3 h/week is less than 4 h × 80 % = 3.2 h/week")


def test_s001_four_hours_or_unknown(tmp_path: Path) -> None:
    assert found(evaluate_portfolio(tmp_path, st_yaml(extra="study_hours_per_week: 4\n")),
                 "S001") == []
    assert found(evaluate_portfolio(tmp_path / "b", st_yaml()), "S001") == []


def test_s001_uses_the_percent_on_as_of(tmp_path: Path) -> None:
    st = st_yaml(extra="employment:\n  - {from: 2024-09-01, percent: 100}\n"
                       "  - {from: 2025-01-01, percent: 50}\nstudy_hours_per_week: 2\n")
    assert len(found(evaluate_portfolio(tmp_path, st, as_of="2024-12-31"), "S001")) == 1
    assert found(evaluate_portfolio(tmp_path, st, as_of="2025-01-01"), "S001") == []


# --- L001 patient-list, Region Gävleborg ---------------------------------------------------------


def patient_list(*steps: tuple[str, int]) -> str:
    return "patient_list:\n" + "".join(f"  - {{from: {d}, size: {n}}}\n" for d, n in steps)


def test_l001_gavleborg_start_band(tmp_path: Path) -> None:
    # 2024-09-01..15: 1/2 month served, band 500 + 150/24 .. 600 + 150/24 = 506-606.
    fine = st_yaml(region="gavleborg", extra=patient_list(("2024-09-01", 550)))
    assert found(evaluate_portfolio(tmp_path, fine, as_of="2024-09-15"), "L001") == []
    low = st_yaml(region="gavleborg", extra=patient_list(("2024-09-01", 400)))
    [finding] = found(evaluate_portfolio(tmp_path / "low", low, as_of="2024-09-15"), "L001")
    assert finding.severity == Severity.INFO
    assert finding.message.render("sv") == (
        "400 listade patienter, färre än riktmärket 506–606 efter 0,5 månaders tjänstgöring "
        "vid 100 %")
    assert finding.source == "GÄVLEBORG 5.1.1; SFAM 1"


def test_l001_gavleborg_two_years_in(tmp_path: Path) -> None:
    # 24 months served: 800-900 at full time.
    for size, key in ((700, "rule.L001.below"), (950, "rule.L001.above"), (850, None)):
        st = st_yaml(region="gavleborg", extra=patient_list(("2024-09-01", size)))
        findings = found(evaluate_portfolio(tmp_path / str(size), st, as_of="2026-08-31"), "L001")
        assert [f.message.key for f in findings] == ([key] if key else []), size


def test_l001_gavleborg_part_time(tmp_path: Path) -> None:
    # 80 % for two calendar years: 19.2 months served = 1.6 years, band 740-840 × 0.8.
    st = st_yaml(region="gavleborg", extra=percent(80) + patient_list(("2024-09-01", 700)))
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2026-08-31"), "L001")
    assert (finding.message.args["low"], finding.message.args["high"]) == (592, 672)
    assert finding.message.key == "rule.L001.above"
    ok = st_yaml(region="gavleborg", extra=percent(80) + patient_list(("2024-09-01", 640)))
    assert found(evaluate_portfolio(tmp_path / "ok", ok, as_of="2026-08-31"), "L001") == []


def test_l001_gavleborg_last_half_year(tmp_path: Path) -> None:
    # Full time from 2020-03-01: 66 months on 2025-08-31; at 2025-03-15 5.5 months remain.
    st = st_yaml(start="2020-03-01", region="gavleborg",
                 extra=patient_list(("2020-03-01", 1000)))
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2025-03-15"), "L001")
    assert finding.message.render("sv") == (
        "1000 listade patienter, färre än riktmärket 1200–1300 för det sista halvåret "
        "vid 100 %")


def test_l001_the_list_in_force_at_as_of(tmp_path: Path) -> None:
    st = st_yaml(region="gavleborg",
                 extra=patient_list(("2024-09-01", 550), ("2026-01-01", 900)))
    # 9 months served at 2025-05-31: 612.5-712.5; the 550 in force is below.
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2025-05-31"), "L001")
    assert finding.message.args["size"] == 550
    assert finding.position.line == line_containing(tmp_path / "portfolio", "st.yaml", "size: 550")
    future = st_yaml(region="gavleborg", extra=patient_list(("2026-01-01", 900)))
    assert found(evaluate_portfolio(tmp_path / "future", future, as_of="2025-05-31"), "L001") == []


# --- L001 patient-list, SFAM (other regions) -----------------------------------------------------


def test_l001_sfam_550_from_mid_st(tmp_path: Path) -> None:
    # HSLF-FS 2021:8 full time from 2024-09-01: half of 66 months on 2027-05-31.
    st = st_yaml(extra=patient_list(("2024-09-01", 400)))
    assert found(evaluate_portfolio(tmp_path, st, as_of="2027-05-30"), "L001") == []
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2027-05-31"), "L001")
    assert finding.message.render("sv") == (
        "400 listade patienter efter halva ST (33,0 av 66 månader), färre än riktmärket 550 "
        "vid 100 %")
    fine = st_yaml(region="vgr", extra=patient_list(("2024-09-01", 600)))
    assert found(evaluate_portfolio(tmp_path / "fine", fine, as_of="2027-06-01"), "L001") == []


def test_l001_sfam_part_time(tmp_path: Path) -> None:
    st = st_yaml(extra=percent(50) + patient_list(("2024-09-01", 300)))
    # at 50 % half of 66 months takes 66 calendar months: judged from 2030-02-28
    assert found(evaluate_portfolio(tmp_path, st, as_of="2030-03-01"), "L001") == []  # 300 >= 275
    low = st_yaml(extra=percent(50) + patient_list(("2024-09-01", 250)))
    assert found(evaluate_portfolio(tmp_path / "low", low, as_of="2030-02-27"),
                 "L001") == []  # not mid-ST
    [finding] = found(evaluate_portfolio(tmp_path / "low", low, as_of="2030-03-01"), "L001")
    assert finding.message.args["target"] == 275


def test_l001_no_list(tmp_path: Path) -> None:
    assert found(evaluate_portfolio(tmp_path, st_yaml(region="gavleborg"), as_of="2026-01-01"),
                 "L001") == []


def test_l001_disabled_in_st_yaml(tmp_path: Path) -> None:
    st = st_yaml(region="gavleborg",
                 extra=patient_list(("2024-09-01", 100)) + "rules:\n  disable: [L001]\n")
    assert found(evaluate_portfolio(tmp_path, st, as_of="2025-05-31"), "L001") == []


def test_sample_study_time_and_list() -> None:
    """The sample: 4 h agreed at 80 % (3.2 due); 680 listed after 3563/155 = 22.99 months at
    80 %: (500 + 150 × 1.92 .. 600 + 150 × 1.92) × 0.8 = 630-710, so no finding."""
    sample = Path(__file__).resolve().parent.parent / "sample-portfolio"
    evaluation = evaluate(sample, dt.date(2026, 3, 15))
    assert found(evaluation, "S001") == [] and found(evaluation, "L001") == []
