"""Assessment rules A001-A002: yearly minimum pro rata for leave (not part time), the current
year as progress, `st_year:`, leap-day ST years, and variety of methods."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from stcli.engine.evaluate import evaluate
from stcli.findings import PORTFOLIO, Severity
from tests.conftest import evaluate_portfolio, found

HSLF = "HSLF-FS 2021:8"


def st_yaml(*, start: str = "2024-09-01", extra: str = "", region: str | None = "gavleborg"
            ) -> str:
    """A001 is a warning in Gävleborg (rules.md v2), so the tests default to it."""
    region_line = f"region: {region}\n" if region else ""
    return (f"trainee: Test Testsson\nregulation: {HSLF}\nstart: {start}\n"
            "home_unit: Vårdcentralen Test\n" + region_line + textwrap.dedent(extra))


def assessments(*days: str, method: str = "mini-cex", extra: str = "") -> str:
    return "".join(f"- {{date: {d}, method: {method}, assessor: anna{extra}}}\n" for d in days)


YEAR_1_THREE = ("2024-10-01", "2025-01-15", "2025-05-20")


# --- A001 assessments-per-year -------------------------------------------------------------------


@pytest.mark.parametrize("region", [None, "vgr", "vastmanland"])
def test_a001_outside_gavleborg_is_advice(tmp_path: Path, region: str | None) -> None:
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE)}
    evaluation = evaluate_portfolio(tmp_path, st_yaml(region=region), files, as_of="2025-09-10")
    [finding] = [f for f in found(evaluation, "A001") if f.message.args["year"] == 1]
    assert finding.severity == Severity.INFO
    # four in the year: silent, as in Gävleborg
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE, "2025-08-31")}
    evaluation = evaluate_portfolio(tmp_path / "b", st_yaml(region=region), files,
                                    as_of="2025-09-10")
    assert [f for f in found(evaluation, "A001") if f.message.args["year"] == 1] == []


def test_a001_completed_year_with_too_few(tmp_path: Path) -> None:
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE)}
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-09-10"), "A001",
                      Severity.WARNING)
    assert finding.position == PORTFOLIO
    assert finding.message.render("sv") == (
        "ST-år 1 (2024-09-01–2025-08-31): 3 kompetensbedömningar, minst 4")
    assert finding.source == "GÄVLEBORG 5.1.4"


def test_a001_four_is_enough(tmp_path: Path) -> None:
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE, "2025-08-31")}
    assert found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-09-10"), "A001",
                 Severity.WARNING) == []


def test_a001_pro_rata_for_parental_leave(tmp_path: Path) -> None:
    # 181 days of parental leave: 4 × (365 - 181) / 365 = 2.02, rounded up 3.
    leave = {"leave/fl.yaml": "- {kind: foraldraledighet, start: 2024-11-01, end: 2025-04-30}\n"}
    three = {"assessments/a.yaml": assessments(*YEAR_1_THREE), **leave}
    assert found(evaluate_portfolio(tmp_path, st_yaml(), three, as_of="2025-09-10"), "A001",
                 Severity.WARNING) == []
    two = {"assessments/a.yaml": assessments(*YEAR_1_THREE[:2]), **leave}
    [finding] = found(evaluate_portfolio(tmp_path / "two", st_yaml(), two, as_of="2025-09-10"),
                      "A001", Severity.WARNING)
    assert finding.message.render("sv") == (
        "ST-år 1 (2024-09-01–2025-08-31): 2 kompetensbedömningar, minst 3 (4 minskat för "
        "ledighet)")


def test_a001_half_time_leave_counts_half(tmp_path: Path) -> None:
    # A whole year on 50 % parental leave: 182.5 days not counted, 4 × 182.5 / 365 = 2.
    leave = {"leave/fl.yaml": "- {kind: foraldraledighet, start: 2024-09-01, end: 2025-08-31, "
                              "percent: 50}\n"}
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE[:2]), **leave}
    evaluation = evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-09-10")
    assert evaluation.progress is not None
    assert evaluation.progress.years[0].assessment_minimum == 2
    assert found(evaluation, "A001", Severity.WARNING) == []


def test_a001_part_time_does_not_lower_the_minimum(tmp_path: Path) -> None:
    st = st_yaml(extra="employment:\n  - {from: 2024-09-01, percent: 50}\n")
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE)}
    [finding] = found(evaluate_portfolio(tmp_path, st, files, as_of="2025-09-10"), "A001",
                      Severity.WARNING)
    assert finding.message.args["minimum"] == 4


def test_a001_st_year_field_moves_an_assessment(tmp_path: Path) -> None:
    text = assessments(*YEAR_1_THREE) + assessments("2025-09-05", extra=", st_year: 1")
    evaluation = evaluate_portfolio(tmp_path, st_yaml(), {"assessments/a.yaml": text},
                                    as_of="2025-09-10")
    assert found(evaluation, "A001", Severity.WARNING) == []
    [current] = found(evaluation, "A001", Severity.INFO)
    assert current.message.args["count"] == 0 and current.message.args["year"] == 2


def test_a001_assessments_before_the_start_do_not_count(tmp_path: Path) -> None:
    text = assessments(*YEAR_1_THREE, "2024-08-15")
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), {"assessments/a.yaml": text},
                                         as_of="2025-09-10"), "A001",
                      Severity.WARNING)
    assert finding.message.args["count"] == 3


def test_a001_current_year_progress(tmp_path: Path) -> None:
    files = {"assessments/a.yaml": assessments("2024-10-01")}
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-01-01"), "A001")
    assert finding.severity == Severity.INFO
    assert finding.message.render("sv") == (
        "ST-år 1: 1 av minst 4 kompetensbedömningar; 3 kvar före 2025-08-31")
    assert finding.message.render("en") == (
        "ST year 1: 1 of at least 4 competence assessments; 3 to go before 2025-08-31")
    done = {"assessments/a.yaml": assessments(*YEAR_1_THREE, "2025-06-01")}
    [finding] = found(evaluate_portfolio(tmp_path / "done", st_yaml(), done, as_of="2025-07-01"),
                      "A001")
    assert finding.message.key == "rule.A001.current_done"
    assert finding.message.render("sv") == (
        "ST-år 1: 4 kompetensbedömningar hittills, minst 4 uppnått (riktvärde 4–6 per år)")


def test_a001_planned_leave_lowers_the_current_years_minimum(tmp_path: Path) -> None:
    # ST year 2 (2025-09-01..2026-08-31) with 184 days of parental leave planned from March:
    # 4 × 181 / 365 = 1.98, rounded up 2.
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE, "2025-06-01"),
             "leave/fl.yaml": "- {kind: foraldraledighet, start: 2026-03-01, end: 2026-08-31}\n"}
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-10-01"), "A001")
    assert finding.message.render("sv") == (
        "ST-år 2: 0 av minst 2 kompetensbedömningar; 2 kvar före 2026-08-31")


def test_a001_leap_day_start(tmp_path: Path) -> None:
    # Start 2024-02-29: ST year 1 ends 2025-02-27; 2025-02-28 belongs to year 2.
    st = st_yaml(start="2024-02-29")
    late = assessments("2024-05-01", "2024-08-20", "2024-12-01", "2025-02-28")
    [finding] = found(evaluate_portfolio(tmp_path, st, {"assessments/a.yaml": late},
                                         as_of="2025-03-01"),
                      "A001", Severity.WARNING)
    assert finding.message.args["count"] == 3
    assert finding.message.args["end"] == dt.date(2025, 2, 27)
    in_time = assessments("2024-05-01", "2024-08-20", "2024-12-01", "2025-02-27")
    assert found(evaluate_portfolio(tmp_path / "b", st, {"assessments/a.yaml": in_time},
                                    as_of="2025-03-01"),
                 "A001", Severity.WARNING) == []


def test_a001_severity_from_st_yaml(tmp_path: Path) -> None:
    st = st_yaml(extra="rules:\n  severity: {A001: error}\n")
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE)}
    evaluation = evaluate_portfolio(tmp_path, st, files, as_of="2025-09-10")
    assert [f.message.args["year"] for f in found(evaluation, "A001", Severity.ERROR)
            if f.message.key.startswith("rule.A001.too_few")] == [1]


# --- A002 assessment-variety ---------------------------------------------------------------------


def test_a002_one_method_all_year(tmp_path: Path) -> None:
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE, "2025-08-01")}
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-09-10"), "A002")
    assert finding.severity == Severity.INFO
    assert finding.message.render("sv") == (
        "ST-år 1 (2024-09-01–2025-08-31): alla 4 kompetensbedömningar gjordes med mini-cex")
    assert finding.hint is not None


def test_a002_two_methods_are_fine(tmp_path: Path) -> None:
    text = assessments(*YEAR_1_THREE) + assessments("2025-08-01", method="dops")
    assert found(evaluate_portfolio(tmp_path, st_yaml(), {"assessments/a.yaml": text},
                                    as_of="2025-09-10"), "A002") == []


def test_a002_not_for_the_current_year_or_an_empty_year(tmp_path: Path) -> None:
    files = {"assessments/a.yaml": assessments(*YEAR_1_THREE)}
    assert found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-08-01"), "A002") == []
    assert found(evaluate_portfolio(tmp_path / "empty", st_yaml(), as_of="2025-09-10"),
                 "A002") == []


def test_a002_min_methods_from_st_yaml(tmp_path: Path) -> None:
    st = st_yaml(extra="rules:\n  params: {A002: {min_methods: 3}}\n")
    text = assessments(*YEAR_1_THREE) + assessments("2025-08-01", method="dops")
    [finding] = found(evaluate_portfolio(tmp_path, st, {"assessments/a.yaml": text},
                                         as_of="2025-09-10"), "A002")
    assert finding.message.render("en") == (
        "ST year 1 (2024-09-01–2025-08-31): 4 competence assessments with only mini-cex, "
        "dops (at least 3 methods)")


# --- the sample portfolio ------------------------------------------------------------------------


def test_sample_assessments_by_hand() -> None:
    """README: 6, 4 and 4 assessments in ST years 1-3; year 2's minimum is
    4 × (365 - 181) / 365 = 2.02, rounded up 3."""
    sample = Path(__file__).resolve().parent.parent / "sample-portfolio"
    evaluation = evaluate(sample, dt.date(2026, 3, 15))
    assert evaluation.progress is not None
    assert [(y.assessments, y.assessment_minimum) for y in evaluation.progress.years] == [
        (6, 4), (4, 3), (4, 4)]
    [a001] = found(evaluation, "A001")
    assert a001.severity == Severity.INFO and a001.message.key == "rule.A001.current_done"
    assert found(evaluation, "A002") == []
