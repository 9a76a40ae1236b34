"""Time rules T001-T005, and the sample portfolio's time figures checked by hand."""

from __future__ import annotations

import datetime as dt
import textwrap
from fractions import Fraction
from pathlib import Path

from stcli.engine.evaluate import Evaluation, evaluate
from stcli.findings import PORTFOLIO, Finding, Severity
from tests.conftest import evaluate_portfolio, found, line_containing

HSLF = "HSLF-FS 2021:8"
SOSFS = "SOSFS 2015:8"
SAMPLE = Path(__file__).resolve().parent.parent / "sample-portfolio"


def st_yaml(*, start: str = "2024-09-01", regulation: str = HSLF, region: str | None = None,
            extra: str = "") -> str:
    text = (f"trainee: Test Testsson\nregulation: {regulation}\nstart: {start}\n"
            "home_unit: Vårdcentralen Test\n")
    if region:
        text += f"region: {region}\n"
    return text + textwrap.dedent(extra)


def no_failures(evaluation: Evaluation) -> None:
    failed = [f for f in evaluation.findings if f.message.key == "engine.rule_failed"]
    assert not failed, [f.message.args for f in failed]


# --- T001 projected-completion -------------------------------------------------------------


def test_t001_always_info_with_figures(tmp_path: Path) -> None:
    # SOSFS 2015:8 full time from 2024-02-01: February 1 month, 1-15 March 15/31:
    # 46/31 = 1.48 served; 60 months are reached on 2029-01-31 (rules.md), not a day later.
    evaluation = evaluate_portfolio(tmp_path, st_yaml(start="2024-02-01", regulation=SOSFS),
                                    as_of="2024-03-15")
    [finding] = found(evaluation, "T001")
    assert finding.severity == Severity.INFO
    assert finding.position == PORTFOLIO
    assert evaluation.progress is not None
    assert evaluation.progress.time.served == Fraction(46, 31)
    assert finding.message.render("sv") == (
        "1,5 av 60 månader tjänstgjorda, 58,5 kvar; beräknat klart 2029-01-31")
    assert finding.message.render("en") == (
        "1.5 of 60 months served, 58.5 to go; projected completion 2029-01-31")


def test_t001_doctoral_degree_54_months(tmp_path: Path) -> None:
    st = st_yaml(start="2024-02-01", regulation=SOSFS, extra="doctoral_degree: true\n")
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2024-03-15"), "T001")
    assert "av 54 månader" in finding.message.render("sv")
    assert "2028-07-31" in finding.message.render("sv")


def test_t001_planned_future_leave_moves_the_projection(tmp_path: Path) -> None:
    # Six months of planned parental leave in 2026 push 2029-01-31 to 2029-07-31; the served
    # months at as_of are unchanged.
    leave = """\
        - kind: foraldraledighet
          start: 2026-01-01
          end: 2026-06-30
    """
    evaluation = evaluate_portfolio(tmp_path, st_yaml(start="2024-02-01", regulation=SOSFS),
                                    {"leave/plan.yaml": leave}, as_of="2024-03-15")
    assert evaluation.progress is not None
    assert evaluation.progress.time.served == Fraction(46, 31)
    assert evaluation.progress.time.projected_completion == dt.date(2029, 7, 31)
    [finding] = found(evaluation, "T001")
    assert "beräknat klart 2029-07-31" in finding.message.render("sv")


def test_t001_planned_part_time_moves_the_projection(tmp_path: Path) -> None:
    # 36 months at 100 % to 2027-01-31, then 24 months left at 50 % take 48 months.
    st = st_yaml(start="2024-02-01", regulation=SOSFS, extra="""\
        employment:
          - {from: 2024-02-01, percent: 100}
          - {from: 2027-02-01, percent: 50}
    """)
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2024-03-15"), "T001")
    assert "beräknat klart 2031-01-31" in finding.message.render("sv")


def test_t001_with_credited_months(tmp_path: Path) -> None:
    # 12 months served + 4 credited = 16 of 66; 50 more months from 2025-09-01.
    st = st_yaml(extra="credited:\n  - {months: 4, description: Vikariat under handledning}\n")
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2025-08-31"), "T001")
    assert finding.message.render("sv") == (
        "16,0 av 66 månader tjänstgjorda (varav 4,0 tillgodoräknade), 50,0 kvar; "
        "beräknat klart 2029-10-31")


def test_t001_requirement_reached(tmp_path: Path) -> None:
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(start="2019-01-01", regulation=SOSFS),
                                         as_of="2024-06-01"), "T001")
    assert finding.message.key == "rule.T001.reached"
    assert "kravet nåddes 2023-12-31" in finding.message.render("sv")


def test_t001_never_reached_when_employment_stops(tmp_path: Path) -> None:
    st = st_yaml(start="2024-02-01", regulation=SOSFS, extra="""\
        employment:
          - {from: 2024-02-01, percent: 100}
          - {from: 2025-01-01, percent: 0}
    """)
    evaluation = evaluate_portfolio(tmp_path, st, as_of="2024-03-15")
    no_failures(evaluation)
    [finding] = found(evaluation, "T001")
    assert finding.message.key == "rule.T001.never"


def test_almost_empty_portfolio_only_st_yaml(tmp_path: Path) -> None:
    """Only the four required fields: every rule runs without failing, T001 still reports."""
    evaluation = evaluate_portfolio(tmp_path, st_yaml(), as_of="2025-03-01")
    no_failures(evaluation)
    assert len(found(evaluation, "T001")) == 1
    for code in ("T002", "T003", "T004", "T005", "H004", "H005", "A002", "S001", "L001"):
        assert found(evaluation, code) == [], code
    # no sessions at all: one open gap from the start
    [gap] = found(evaluation, "H001")
    assert gap.message.key == "rule.H001.none" and gap.position == PORTFOLIO
    assert [f.message.key for f in found(evaluation, "H003")] == ["rule.H003.none"]
    # the current ST year shows supervision and assessments as progress: 2024-09-01 to
    # 2025-03-01 is 182 days = 26 weeks in service, 26 × 60 = 1560 minutes due
    [h002] = found(evaluation, "H002")
    assert h002.severity == Severity.INFO
    assert h002.message.render("sv") == (
        "ST-år 1 hittills: 0 minuter handledning på 26,0 veckor i tjänst = 0,0 min/vecka; "
        "1560 minuter till behövs för 60 min/vecka")
    [a001] = found(evaluation, "A001")
    assert a001.severity == Severity.INFO
    assert a001.message.render("sv") == (
        "ST-år 1: 0 av minst 4 kompetensbedömningar; 4 kvar före 2025-08-31")


def test_before_the_st_starts(tmp_path: Path) -> None:
    evaluation = evaluate_portfolio(tmp_path, st_yaml(start="2025-09-01"), as_of="2025-06-01")
    no_failures(evaluation)
    assert len(found(evaluation, "T001")) == 1
    assert found(evaluation, "A001") == [] and found(evaluation, "H002") == []


# --- T002 long-absence -------------------------------------------------------------------------


def test_t002_more_than_30_days_fires_at_the_entry(tmp_path: Path) -> None:
    leave = """\
        - kind: sjukskrivning
          start: 2024-10-01
          end: 2024-10-31
    """
    evaluation = evaluate_portfolio(tmp_path, st_yaml(), {"leave/sjuk.yaml": leave})
    [finding] = found(evaluation, "T002")
    assert finding.severity == Severity.WARNING
    assert (finding.position.file, finding.position.line) == ("leave/sjuk.yaml", 1)
    assert finding.message.render("sv") == (
        "ST-år 1 (2024-09-01–2025-08-31): 31 dagar sjukskrivning eller vab, fler än 30; "
        "ST-tiden kan förlängas efter individuell bedömning")
    assert finding.source == "GÄVLEBORG 5.1.6"


def test_t002_exactly_30_days_does_not_fire(tmp_path: Path) -> None:
    leave = "- {kind: sjukskrivning, start: 2024-10-01, end: 2024-10-30}\n"
    assert found(evaluate_portfolio(tmp_path, st_yaml(), {"leave/sjuk.yaml": leave}), "T002") == []


def test_t002_overlap_counted_once_and_blames_the_entry_that_crosses(tmp_path: Path) -> None:
    # 20 days sick, vab overlapping 6 of them adds 5 (25), then 6 days vab: 31.
    leave = """\
        - kind: sjukskrivning
          start: 2024-10-01
          end: 2024-10-20
        - kind: vab
          start: 2024-10-15
          end: 2024-10-25
        - kind: semester
          start: 2024-12-20
          end: 2025-01-06
        - kind: vab
          start: 2025-01-10
          end: 2025-01-15
    """
    root = tmp_path / "portfolio"
    evaluation = evaluate_portfolio(tmp_path, st_yaml(), {"leave/franvaro.yaml": leave},
                                    as_of="2025-02-01")
    [finding] = found(evaluation, "T002")
    assert finding.message.args["days"] == 31
    assert finding.position.line == line_containing(root, "leave/franvaro.yaml", "2025-01-10") - 1


def test_t002_absence_split_over_two_st_years_does_not_fire(tmp_path: Path) -> None:
    # 40 days, 20 in each ST year.
    leave = "- {kind: sjukskrivning, start: 2025-08-12, end: 2025-09-20}\n"
    assert found(evaluate_portfolio(tmp_path, st_yaml(), {"leave/sjuk.yaml": leave},
                                    as_of="2025-10-01"),
                 "T002") == []


def test_t002_days_after_as_of_are_not_counted_yet(tmp_path: Path) -> None:
    leave = "- {kind: sjukskrivning, start: 2024-12-20, end: 2025-01-31}\n"
    files = {"leave/sjuk.yaml": leave}
    assert found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-01-10"), "T002") == []
    assert len(found(evaluate_portfolio(tmp_path, st_yaml(), files, as_of="2025-01-20"),
                     "T002")) == 1


def test_t002_st_year_boundary_after_a_leap_day_start(tmp_path: Path) -> None:
    # Start 2024-02-29: ST year 1 is 2024-02-29–2025-02-27 (29 Feb + 1 year = 28 Feb).
    # 2025-01-28–2025-02-28 is 32 days: 31 in year 1, 1 in year 2.
    leave = "- {kind: sjukskrivning, start: 2025-01-28, end: 2025-02-28}\n"
    evaluation = evaluate_portfolio(tmp_path, st_yaml(start="2024-02-29"),
                                    {"leave/sjuk.yaml": leave}, as_of="2025-03-10")
    [finding] = found(evaluation, "T002")
    assert finding.message.args["year"] == 1
    assert finding.message.args["end"] == dt.date(2025, 2, 27)
    assert finding.message.args["days"] == 31


def test_t002_max_days_from_st_yaml(tmp_path: Path) -> None:
    leave = "- {kind: sjukskrivning, start: 2024-10-01, end: 2024-10-31}\n"
    st = st_yaml(extra="rules:\n  params: {T002: {max_days: 40}}\n")
    assert found(evaluate_portfolio(tmp_path, st, {"leave/sjuk.yaml": leave}), "T002") == []


# --- T003 credited-time ------------------------------------------------------------------------


def test_t003_credited_time_over_6_months(tmp_path: Path) -> None:
    st = st_yaml(extra="""\
        credited:
          - {months: 4, description: Vikariat A}
          - {months: 3.5, description: Vikariat B}
    """)
    root = tmp_path / "portfolio"
    # rules.md v2: information outside VGR (the decision is individual)
    [finding] = found(evaluate_portfolio(tmp_path, st), "T003")
    assert finding.severity == Severity.INFO
    assert finding.position.file == "st.yaml"
    assert finding.position.line == line_containing(root, "st.yaml", "Vikariat B")
    assert finding.message.render("sv") == "7,5 månader tillgodoräknade, mer än 6"
    assert finding.hint is not None
    assert "högst 6 månader" in finding.hint.render("sv")


def test_t003_exactly_6_months_does_not_fire(tmp_path: Path) -> None:
    st = st_yaml(extra="credited:\n  - {months: 6, description: Vikariat}\n")
    assert found(evaluate_portfolio(tmp_path, st), "T003") == []
    st = st_yaml(region="vgr", extra="credited:\n  - {months: 6, description: Vikariat}\n")
    assert found(evaluate_portfolio(tmp_path / "vgr", st), "T003") == []


def test_t003_is_a_warning_in_vgr_only(tmp_path: Path) -> None:
    credited = "credited:\n  - {months: 6.5, description: Vikariat}\n"
    severities = {region: [f.severity for f in found(evaluate_portfolio(
        tmp_path / str(region), st_yaml(region=region, extra=credited)), "T003")]
        for region in (None, "vgr", "gavleborg", "vastmanland")}
    assert severities == {None: [Severity.INFO], "vgr": [Severity.WARNING],
                          "gavleborg": [Severity.INFO], "vastmanland": [Severity.INFO]}


# --- T004 planned-end-too-early ----------------------------------------------------------------


def test_t004_planned_end_before_projection(tmp_path: Path) -> None:
    # HSLF-FS 2021:8 full time from 2024-09-01: 66 months on 2030-02-28.
    root = tmp_path / "portfolio"
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(extra="planned_end: 2029-12-01\n")),
                      "T004")
    assert finding.position.line == line_containing(root, "st.yaml", "planned_end")
    assert finding.message.render("sv").startswith(
        "planerat slut 2029-12-01 ligger 89 dagar före beräknat slutdatum 2030-02-28")
    assert finding.hint is not None and "2030-02-28" in finding.hint.render("en")


def test_t004_planned_end_on_the_projected_day_is_fine(tmp_path: Path) -> None:
    assert found(evaluate_portfolio(tmp_path, st_yaml(extra="planned_end: 2030-02-28\n")),
                 "T004") == []
    assert found(evaluate_portfolio(tmp_path, st_yaml()), "T004") == []


def test_t004_leave_makes_a_planned_end_too_early(tmp_path: Path) -> None:
    leave = "- {kind: tjanstledighet, start: 2026-01-01, end: 2026-01-31}\n"
    evaluation = evaluate_portfolio(tmp_path, st_yaml(extra="planned_end: 2030-02-28\n"),
                                    {"leave/tjl.yaml": leave})
    [finding] = found(evaluation, "T004")
    assert finding.message.args["completion"] == dt.date(2030, 3, 31)


# --- T005 bt-length ----------------------------------------------------------------------------


def bt(end: str, approved: str | None = None, extra: str = "") -> str:
    text = f"bt:\n  start: 2024-09-01\n  end: {end}\n"
    if approved:
        text += f"  approved: {approved}\n"
    return text + extra


def test_t005_bt_shorter_than_6_months(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    [finding] = found(evaluate_portfolio(tmp_path, st_yaml(extra=bt("2025-01-31"))), "T005")
    assert finding.position.line == line_containing(root, "st.yaml", "end: 2025-01-31")
    assert finding.message.render("sv") == (
        "BT 2024-09-01–2025-01-31 ger 5,0 månader omräknat till heltid, kortare än 6 månader")


def test_t005_bt_of_exactly_6_months(tmp_path: Path) -> None:
    assert found(evaluate_portfolio(tmp_path, st_yaml(extra=bt("2025-02-28"))), "T005") == []


def test_t005_part_time_bt_counts_at_full_time(tmp_path: Path) -> None:
    # Six calendar months at 50 % are 3 months of BT.
    st = st_yaml(extra=bt("2025-02-28") + "employment:\n  - {from: 2024-09-01, percent: 50}\n")
    [finding] = found(evaluate_portfolio(tmp_path, st), "T005")
    assert finding.message.args["months"] == 3


def test_t005_parental_leave_inside_bt(tmp_path: Path) -> None:
    leave = "- {kind: foraldraledighet, start: 2024-11-01, end: 2024-11-30}\n"
    evaluation = evaluate_portfolio(tmp_path, st_yaml(extra=bt("2025-02-28")),
                                    {"leave/fl.yaml": leave})
    [finding] = found(evaluation, "T005")
    assert finding.message.args["months"] == 5


def test_t005_not_approved_24_months_after_start(tmp_path: Path) -> None:
    st = st_yaml(extra=bt("2025-08-31"))
    assert found(evaluate_portfolio(tmp_path, st, as_of="2026-09-01"),
                 "T005") == []  # the deadline itself
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2026-09-02"), "T005")
    assert finding.message.render("sv") == (
        "BT är inte godkänd, och 2026-09-01 (24 månader i tjänst efter ST-starten 2024-09-01) "
        "har passerat")
    assert finding.position.file == "st.yaml"


def test_t005_counts_served_months_not_calendar_months(tmp_path: Path) -> None:
    # One month of parental leave (2024-11) in the first two years: 24 served months are
    # reached a month later, on 2026-09-30, so the deadline is 2026-10-01.
    st = st_yaml(extra=bt("2025-08-31"))
    leave = {"leave/fl.yaml": "- {kind: foraldraledighet, start: 2024-11-01, end: 2024-11-30}\n"}
    assert found(evaluate_portfolio(tmp_path / "a", st, leave, as_of="2026-10-01"),
                 "T005") == []
    [finding] = found(evaluate_portfolio(tmp_path / "b", st, leave, as_of="2026-10-02"), "T005")
    assert finding.message.args["deadline"] == dt.date(2026, 10, 1)
    assert "24 månader i tjänst" in finding.message.render("sv")
    # half time from the start: 24 served months take 48 calendar months
    half = st_yaml(extra=bt("2025-08-31") + "employment:\n  - {from: 2024-09-01, percent: 50}\n")
    assert found(evaluate_portfolio(tmp_path / "c", half, as_of="2028-09-01"), "T005") == []
    assert len(found(evaluate_portfolio(tmp_path / "d", half, as_of="2028-09-02"),
                     "T005")) == 1


def test_t005_approved_or_certificate_milestone(tmp_path: Path) -> None:
    assert found(evaluate_portfolio(tmp_path, st_yaml(extra=bt("2025-08-31", "2025-10-15")),
                                    as_of="2026-09-02"), "T005") == []
    milestone = "- {kind: bt-intyg, date: 2025-10-15}\n"
    assert found(evaluate_portfolio(tmp_path, st_yaml(extra=bt("2025-08-31")),
                                    {"milestones/bt.yaml": milestone}, as_of="2026-09-02"),
                 "T005") == []


def test_t005_approval_dated_after_as_of_is_not_yet_an_approval(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    st = st_yaml(extra=bt("2025-08-31", "2026-12-01"))
    [finding] = found(evaluate_portfolio(tmp_path, st, as_of="2026-09-02"), "T005")
    assert finding.position.line == line_containing(root, "st.yaml", "approved:")


def test_t005_no_bt_at_all(tmp_path: Path) -> None:
    evaluation = evaluate_portfolio(tmp_path, st_yaml(), as_of="2026-09-02")
    [finding] = found(evaluation, "T005")
    assert finding.message.key == "rule.T005.no_bt"
    assert finding.position.line == 2  # regulation:


def test_t005_only_for_hslf(tmp_path: Path) -> None:
    st = st_yaml(regulation=SOSFS)
    assert found(evaluate_portfolio(tmp_path, st, as_of="2027-01-01"), "T005") == []


# --- the sample portfolio, by hand ---------------------------------------------------------------


def test_sample_portfolio_time_by_hand() -> None:
    """sample-portfolio/README.md "Räkna för hand", at 2026-03-15.

    Served (HSLF-FS 2021:8, start 2023-09-01, 100 % then 80 % from 2025-08-01, parental
    leave 100 % 2025-02-01–2025-07-31, nothing credited):
      2023-09..2025-01  17 whole months at 100 %               = 17
      2025-02..2025-07  on parental leave                       = 0
      2025-08..2026-02  7 whole months at 80 %                  = 28/5
      2026-03-01..15    15 days × 4/5 / 31                      = 12/31
      17 + 28/5 + 12/31 = (2635 + 868 + 60) / 155               = 3563/155 (22.99)
    Remaining 66 - 3563/155 = 6667/155. From 2026-03-16 at 80 %: rest of March 64/155,
    leaving 213/5; April 2026-August 2030 is 53 months × 4/5 = 212/5, leaving 1/5; at
    2/75 a day in September 2030 that takes 7.5 days: completion 2030-09-08.
    Not counted: 28 + 31 + 30 + 31 + 30 + 31 = 181 days of parental leave (2025).
    """
    evaluation = evaluate(SAMPLE, dt.date(2026, 3, 15))
    assert evaluation.progress is not None
    time = evaluation.progress.time
    assert time.served == Fraction(3563, 155)
    assert time.served_in_st == Fraction(3563, 155)
    assert time.credited == 0
    assert time.required == 66
    assert time.remaining == Fraction(6667, 155)
    assert time.projected_completion == dt.date(2030, 9, 8)
    assert time.leave_days_not_counted == 181
    assert time.percent_now == 80
    assert evaluation.progress.st_year == 3
    [t001] = found(evaluation, "T001")
    assert t001.message.render("sv") == (
        "23,0 av 66 månader tjänstgjorda, 43,0 kvar; beräknat klart 2030-09-08")
    for code in ("T002", "T003", "T004", "T005"):
        assert found(evaluation, code) == [], code


# --- BT001 bt-content --------------------------------------------------------------------------


def vc(start: str, end: str, delmal: str = "", extra: str = "") -> str:
    return (f"- {{type: vardcentral, specialty: allmanmedicin, unit: VC, start: {start}, "
            f"end: {end}, delmal: [{delmal}]{extra}}}\n")


def side(specialty: str, start: str, end: str, extra: str = "") -> str:
    return (f"- {{type: sidotjanstgoring, specialty: {specialty}, unit: Kliniken, "
            f"start: {start}, end: {end}{extra}}}\n")


BT_ALL = ", ".join(f"BT{n}" for n in range(1, 19))


def bt001(tmp_path: Path, placements: str, as_of: str = "2025-03-01",
          bt_text: str | None = None) -> list[Finding]:
    st = st_yaml(extra=bt_text if bt_text is not None else bt("2025-08-31"))
    return found(evaluate_portfolio(tmp_path, st, {"placements/p.yaml": placements},
                                    as_of=as_of), "BT001")


def parts(findings: list[Finding]) -> list[str]:
    return [f.message.key.removeprefix("rule.BT001.") for f in findings
            if f.message.key != "rule.BT001.delmal_without_evidence"]


def test_bt001_both_parts_present_is_silent(tmp_path: Path) -> None:
    placements = vc("2024-09-01", "2025-02-28", BT_ALL) + side("akutsjukvard", "2025-03-01",
                                                                 "2025-08-31")
    assert bt001(tmp_path, placements) == []


def test_bt001_missing_acute_part(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    findings = bt001(tmp_path, vc("2024-09-01", "2025-08-31", BT_ALL))
    [finding] = findings
    assert parts(findings) == ["no_akut"] and finding.severity is Severity.WARNING
    assert finding.position.file == "st.yaml"
    # the `bt` mapping itself, which begins on the line after `bt:`
    assert finding.position.line == line_containing(root, "st.yaml", "bt:") + 1
    assert finding.message.render("sv") == (
        "BT 2024-09-01–2025-08-31 har ingen placering i akut sjukvård")
    assert finding.hint is not None and "`setting: akut`" in finding.hint.render("sv")


def test_bt001_missing_primary_care_part(tmp_path: Path) -> None:
    assert parts(bt001(tmp_path, side("internmedicin", "2024-09-01", "2025-08-31"))) == [
        "no_primarvard"]


def test_bt001_setting_overrides_the_default(tmp_path: Path) -> None:
    # psykiatri is no acute part by default; `setting: akut` makes it one
    placements = vc("2024-09-01", "2025-02-28", BT_ALL) + side("psykiatri", "2025-03-01",
                                                                 "2025-08-31")
    assert parts(bt001(tmp_path / "a", placements)) == ["no_akut"]
    placements = vc("2024-09-01", "2025-02-28", BT_ALL) + side(
        "psykiatri", "2025-03-01", "2025-08-31", ", setting: akut")
    assert parts(bt001(tmp_path / "b", placements)) == []


def test_bt001_a_day_inside_the_bt_period_counts(tmp_path: Path) -> None:
    vcs = vc("2024-09-01", "2025-08-31", BT_ALL)
    # the acute placement starts on bt.end: inside
    assert parts(bt001(tmp_path / "a", vcs + side("kirurgi", "2025-08-31", "2025-10-31"))) == []
    # one day after bt.end: outside
    assert parts(bt001(tmp_path / "b", vcs + side("kirurgi", "2025-09-01", "2025-10-31"))) == [
        "no_akut"]
    # ends the day before bt.start: outside; ends on bt.start: inside
    assert parts(bt001(tmp_path / "c", vcs + side("ortopedi", "2024-06-01", "2024-08-31"))) == [
        "no_akut"]
    assert parts(bt001(tmp_path / "d", vcs + side("ortopedi", "2024-06-01", "2024-09-01"))) == []


def test_bt001_an_auskultation_is_no_bt_part(tmp_path: Path) -> None:
    placements = vc("2024-09-01", "2025-08-31", BT_ALL) + (
        "- {type: auskultation, specialty: akutsjukvard, unit: Akuten, start: 2024-10-01, "
        "end: 2024-10-03}\n")
    assert parts(bt001(tmp_path, placements)) == ["no_akut"]


def test_bt001_only_under_hslf(tmp_path: Path) -> None:
    st = st_yaml(regulation=SOSFS)
    assert found(evaluate_portfolio(tmp_path, st, as_of="2025-03-01"), "BT001") == []


def test_bt001_bt_delmal_without_evidence_escalates_near_bt_end(tmp_path: Path) -> None:
    placements = vc("2024-09-01", "2025-02-28", "BT1, BT2") + side("akutsjukvard", "2025-03-01",
                                                                     "2025-08-31")

    def delmal_finding(where: str, as_of: str, bt_text: str | None = None) -> Finding:
        [finding] = bt001(tmp_path / where, placements, as_of, bt_text)
        assert finding.message.key == "rule.BT001.delmal_without_evidence"
        return finding

    early = delmal_finding("a", "2025-05-30")
    assert early.severity is Severity.INFO
    assert early.message.render("sv").startswith("16 av 18 BT-delmål saknar underlag: BT3, BT4")
    # 3 months before bt.end (2025-08-31) is 2025-05-31: a warning from that day
    assert delmal_finding("b", "2025-05-31").severity is Severity.WARNING
    assert delmal_finding("c", "2025-10-01").severity is Severity.WARNING  # bt.end passed
    approved = bt("2025-08-31", "2025-09-20")
    assert delmal_finding("d", "2025-09-19", approved).severity is Severity.WARNING
    assert delmal_finding("e", "2025-09-20", approved).severity is Severity.INFO


def test_bt001_a_bt_delmal_needs_any_entry(tmp_path: Path) -> None:
    placements = vc("2024-09-01", "2025-02-28", BT_ALL.replace("BT18", "")) + side(
        "akutsjukvard", "2025-03-01", "2025-08-31")
    course = "- {title: Dödsbevis, start: 2025-01-10, end: 2025-01-10, delmal: [BT18]}\n"
    st = st_yaml(extra=bt("2025-08-31"))
    without = found(evaluate_portfolio(tmp_path / "a", st, {"placements/p.yaml": placements},
                                       as_of="2025-03-01"), "BT001")
    assert [f.message.args["codes"] for f in without] == [["BT18"]]
    with_course = found(evaluate_portfolio(tmp_path / "b", st, {
        "placements/p.yaml": placements, "courses/k.yaml": course}, as_of="2025-03-01"),
        "BT001")
    assert with_course == []
    # the day before the course it is not yet evidence
    assert len(found(evaluate_portfolio(tmp_path / "c", st, {
        "placements/p.yaml": placements, "courses/k.yaml": course}, as_of="2025-01-09"),
        "BT001")) == 1


def test_t001_cites_only_the_regulation_in_force(tmp_path: Path) -> None:
    for regulation in (HSLF, SOSFS):
        [finding] = found(evaluate_portfolio(tmp_path / regulation[:4], st_yaml(
            regulation=regulation)), "T001")
        assert finding.source == f"{regulation}; patientsäkerhetsförordningen 4:1"
