"""`st plan` (what if) and the line in `st status` on what the next planned leave moves.

The projections are checked against dates worked out by hand below (exact month credit,
leap day 2028-02-29 included), the change syntax in Swedish and English, the errors (exit 2
with an example), that no file changes, and the text view against golden files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from stcli.engine.whatif import (
    ChangeError,
    next_planned_leave,
    overlay,
    parse_change,
    project,
)
from stcli.load import load
from stcli.model import Credit, EmploymentStep, Leave, Placement
from tests.conftest import SAMPLE, assert_golden, write_portfolio

GOLDEN = Path(__file__).resolve().parent / "golden" / "plan"
CLEAN_ENV = {"NO_COLOR": "1", "FORCE_COLOR": None, "COLUMNS": None, "ST_LANG": None,
             "TERM": "dumb"}
AS_OF = "2026-03-15"

# Full time from 2024-01-01, HSLF-FS 2021:8: 66 months required, no region, no credit.
HAND_PROFILE = """\
trainee: Hanna Handräkning
regulation: HSLF-FS 2021:8
start: 2024-01-01
home_unit: Vårdcentralen Test
employment:
  - {from: 2024-01-01, percent: 100}
supervisors:
  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, training: 2022}
"""
PART_TIME = "50% från 2028-01-01"
LEAVE = "föräldraledighet 2028-02-15..2028-03-10"

# By hand, counting as rules.md says (month credit of a day = counted share / days of its
# month; completion = the first day the served months reach 66):
#
# As the files say: full time, Jan 2024 .. Jun 2029 is 5 x 12 + 6 = 66 whole months, so
#   completion = 2029-06-30.
# With 50 % from 2028-01-01: served by 2027-12-31 = 48; the other 18 months at 0.5 a month
#   take 36 calendar months, 2028-01 .. 2030-12, so completion = 2030-12-31.
# With also 100 % parental leave 2028-02-15 .. 2028-03-10 (not counted): February 2028 has
#   29 days (leap year), days 15..29 = 15 days; March has 31, days 1..10 = 10 days. Lost:
#   0.5 x 15/29 + 0.5 x 10/31 = 0.5 x (465 + 290)/899 = 755/1798 months.
#   On 2030-12-31 served = 66 - 755/1798; January 2031 adds 0.5/31 a day, so it needs
#   ceil((755/1798) / (0.5/31)) = ceil(46810/1798) = ceil(26.03...) = 27 days:
#   completion = 2031-01-27.
# Completion moves 2029-06-30 -> 2031-01-27: 365 (to 2030-06-30) + 184 (to 2030-12-31)
#   + 27 = 576 days.
# M007 (register for Mitt-i-ST, 18 months before completion): 2027-12-30 -> 2029-07-27,
#   366 (to 2028-12-30, over 2028-02-29) + 209 (1+31+28+31+30+31+30+27) = 575 days.
# M008 (12 months before): 2028-06-30 -> 2030-01-27. M009 (3 months): 2029-03-30 ->
#   2030-10-27.
# Served by 2028-12-31: as the files say 60; with the changes 48 + 12 x 0.5 - 755/1798
#   = (97092 - 755)/1798 = 96337/1798 (1798 = 2 x 29 x 31; 96337 is divisible by none).
HAND_COMPLETION_BEFORE = "2029-06-30"
HAND_COMPLETION_AFTER = "2031-01-27"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=CLEAN_ENV)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def plan_json(root: Path, *changes: str, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    args = ["plan", str(root), "--as-of", AS_OF, "--json", *extra]
    for change in changes:
        args += ["--assume", change]
    code, out, err = run(*args)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.fixture()
def hand(tmp_path: Path) -> Path:
    return write_portfolio(tmp_path / "hand", {}, profile=HAND_PROFILE)


# --- the change syntax ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "record"), [
    ("80% from 2027-01-01",
     EmploymentStep(from_=dt.date(2027, 1, 1), percent=Decimal(80))),
    ("80 % från 2027-01-01",
     EmploymentStep(from_=dt.date(2027, 1, 1), percent=Decimal(80))),
    ("75,5 % fr.o.m. 2027-01-01",
     EmploymentStep(from_=dt.date(2027, 1, 1), percent=Decimal("75.5"))),
    ("Föräldraledighet 2027-03-01..2027-08-31",
     Leave(kind="foraldraledighet", start=dt.date(2027, 3, 1), end=dt.date(2027, 8, 31))),
    ("parental leave 2027-03-01 – 2027-08-31",
     Leave(kind="foraldraledighet", start=dt.date(2027, 3, 1), end=dt.date(2027, 8, 31))),
    ("50% tjänstledighet 2027-09-01..2027-12-31",
     Leave(kind="tjanstledighet", start=dt.date(2027, 9, 1), end=dt.date(2027, 12, 31),
           percent=Decimal(50))),
    ("leave of absence 2027-09-01 to 2027-12-31 50%",
     Leave(kind="tjanstledighet", start=dt.date(2027, 9, 1), end=dt.date(2027, 12, 31),
           percent=Decimal(50))),
    ("semester 2027-07-01..2027-07-31",
     Leave(kind="semester", start=dt.date(2027, 7, 1), end=dt.date(2027, 7, 31))),
    ("sidotjanstgoring psykiatri 2027-02-01..2027-04-30",
     Placement(type="sidotjanstgoring", specialty="psykiatri", unit="st plan",
               start=dt.date(2027, 2, 1), end=dt.date(2027, 4, 30))),
    ("sidotjänstgöring öron-näsa-hals 2027-02-01..2027-04-30",
     Placement(type="sidotjanstgoring", specialty="oron-nasa-hals", unit="st plan",
               start=dt.date(2027, 2, 1), end=dt.date(2027, 4, 30))),
    ("side placement internal medicine 2027-02-01 to 2027-04-30 50%",
     Placement(type="sidotjanstgoring", specialty="internmedicin", unit="st plan",
               start=dt.date(2027, 2, 1), end=dt.date(2027, 4, 30), percent=Decimal(50))),
    ("tillgodoräknat 3 månader",
     Credit(months=Decimal(3), description="tillgodoräknat 3 månader")),
    ("credited 1.5 months", Credit(months=Decimal("1.5"), description="credited 1.5 months")),
])
def test_changes_become_the_formats_records(text: str, record: object) -> None:
    assert parse_change(text).record == record


@pytest.mark.parametrize(("text", "key"), [
    ("", "plan.change.empty"),
    ("gå ner i tid", "plan.change.unknown"),
    ("80% from 2027-02-30", "plan.change.bad_date"),
    ("föräldraledighet 2027-3-1..2027-8-31", "plan.change.bad_date"),
    ("föräldraledighet 2027-08-31..2027-03-01", "plan.change.reversed"),
    ("120% from 2027-01-01", "plan.change.bad_percent"),
    ("0% föräldraledighet 2027-03-01..2027-08-31", "plan.change.bad_percent"),
    ("tillgodoräknat 200 månader", "plan.change.bad_months"),
    ("2027-03-01..2027-08-31", "plan.change.no_kind"),
    ("kryssning 2027-03-01..2027-08-31", "plan.change.unknown_kind"),
    ("sidotjanstgoring 2027-02-01..2027-04-30", "plan.change.no_specialty"),
    ("sidotjanstgoring kardiologi 2027-02-01..2027-04-30", "plan.change.unknown_specialty"),
])
def test_bad_changes_say_why(text: str, key: str) -> None:
    with pytest.raises(ChangeError) as raised:
        parse_change(text)
    assert raised.value.reason.key == key


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", ("kan inte läsa --assume", "inget datum", "Exempel", "80% från 2027-01-01")),
    ("en", ("cannot read --assume", "is not a date", "Examples", "80% från 2027-01-01")),
])
def test_bad_change_exits_2_with_an_example(hand: Path, lang: str,
                                            words: tuple[str, ...]) -> None:
    code, out, err = run("plan", str(hand), "--lang", lang, "--assume", "80% från 2027-13-01")
    assert code == 2
    assert out == ""
    for word in words:
        assert word in err
    assert "Traceback" not in err


def test_help_documents_the_syntax() -> None:
    code, out, _ = run("plan", "--help")
    assert code == 0
    for example in ("80% från 2027-01-01", "föräldraledighet 2027-03-01..2027-08-31",
                    "50% tjänstledighet 2027-09-01..2027-12-31",
                    "sidotjanstgoring psykiatri 2027-02-01..2027-04-30",
                    "tillgodoräknat 3 månader", "credited 3 months", "parental leave"):
        assert example in out, example


def test_no_change_is_a_usage_error(hand: Path) -> None:
    code, _, err = run("plan", str(hand))
    assert code == 2
    assert "--assume" in err


# --- exact to the day ---------------------------------------------------------------------------


def test_part_time_and_leave_against_hand_computation(hand: Path) -> None:
    data = plan_json(hand, PART_TIME, LEAVE, extra=("--at", "2028-12-31"))
    before, after = data["before"], data["after"]
    assert before["projected_completion"] == HAND_COMPLETION_BEFORE
    assert after["projected_completion"] == HAND_COMPLETION_AFTER
    assert data["completion_days"] == 576
    assert before["served_at"]["exact"] == "60"
    assert after["served_at"]["exact"] == "96337/1798"
    assert before["served_as_of"] == after["served_as_of"]  # nothing changes before as_of
    moves = {m["code"]: (m["before"], m["after"], m["days"]) for m in data["deadlines"]}
    assert moves["M007"] == ("2027-12-30", "2029-07-27", 575)
    assert moves["M008"] == ("2028-06-30", "2030-01-27", 576)
    assert moves["M009"] == ("2029-03-30", "2030-10-27", 576)
    # T001 says the same completion date as the projection, before and after
    t001 = [f["message"] for f in data["findings"]["appear"] if f["code"] == "T001"]
    assert len(t001) == 1 and HAND_COMPLETION_AFTER in t001[0]
    gone = [f["message"] for f in data["findings"]["disappear"] if f["code"] == "T001"]
    assert len(gone) == 1 and HAND_COMPLETION_BEFORE in gone[0]
    # ST years count from the start: completion moves from ST year 6 into ST year 8
    assert before["completion_st_year"] == 6 and after["completion_st_year"] == 8
    assert after["st_years"][-1] == {"year": 8, "start": "2031-01-01", "end": "2031-12-31"}


def test_each_change_alone(hand: Path) -> None:
    """The part-time step alone: 2030-12-31 (see above); credited months pull it forward:
    3 months at 50 % are 6 calendar months, 2030-12-31 -> 2030-06-30."""
    assert plan_json(hand, PART_TIME)["after"]["projected_completion"] == "2030-12-31"
    both = plan_json(hand, PART_TIME, "credited 3 months")
    assert both["after"]["projected_completion"] == "2030-06-30"
    assert both["after"]["served_as_of"]["exact"] == str(
        Fraction(both["before"]["served_as_of"]["exact"]) + 3)


def test_employment_step_without_employment_in_the_profile(tmp_path: Path) -> None:
    """No `employment:` means full time from the start; a step adds to that, it does not
    make the time before it count nothing."""
    profile = HAND_PROFILE.replace("employment:\n  - {from: 2024-01-01, percent: 100}\n", "")
    root = write_portfolio(tmp_path / "p", {}, profile=profile)
    data = plan_json(root, PART_TIME)
    assert data["before"]["projected_completion"] == HAND_COMPLETION_BEFORE
    assert data["after"]["projected_completion"] == "2030-12-31"


def test_side_placement_brings_its_planning_deadlines(tmp_path: Path) -> None:
    """Gävleborg: contact the clinic 2 months before a side placement (PL002)."""
    profile = HAND_PROFILE.replace("start: 2024-01-01", "region: gavleborg\nstart: 2024-01-01")
    root = write_portfolio(tmp_path / "gavle", {}, profile=profile)
    data = plan_json(root, "sidotjanstgoring psykiatri 2027-02-01..2027-04-30")
    new = [m for m in data["deadlines"] if m["before"] is None]
    assert [(m["code"], m["after"]) for m in new] == [("PL002", "2026-12-01")]
    assert data["completion_days"] == 0  # a placement does not change the time served


def test_overlay_leaves_the_loaded_portfolio_alone(hand: Path) -> None:
    loaded = load(hand)
    portfolio = loaded.portfolio
    assert portfolio.profile is not None
    steps = list(portfolio.profile.value.employment)
    changes = [parse_change(PART_TIME, 1), parse_change(LEAVE, 2), parse_change(
        "sidotjanstgoring psykiatri 2027-02-01..2027-04-30", 3)]
    changed = overlay(portfolio, changes)
    assert portfolio.profile.value.employment == steps
    assert portfolio.leave == [] and portfolio.placements == []
    assert len(changed.leave) == 1 and len(changed.placements) == 1
    assert changed.leave[0].position.file == "--assume"
    assert changed.leave[0].position.line == 2
    result = project(portfolio, loaded.findings, dt.date(2026, 3, 15), changes)
    assert result.before.progress.time.projected_completion == dt.date(2029, 6, 30)


# --- no file changes ----------------------------------------------------------------------------


def tree_digest(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_plan_leaves_every_file_byte_identical(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    before = tree_digest(root)
    assert before
    changes = ["--assume", "80% från 2027-01-01", "--assume",
               "föräldraledighet 2027-03-01..2027-08-31", "--assume",
               "sidotjanstgoring psykiatri 2027-02-01..2027-04-30"]
    for extra in ([], ["--json"], ["--lang", "en"]):
        code, out, _ = run("plan", str(root), "--as-of", AS_OF, *changes, *extra)
        assert code == 0 and out
    code, _, _ = run("plan", str(root), "--assume", "nonsense")
    assert code == 2
    assert tree_digest(root) == before


# --- the text view ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_sample_plan_golden(lang: str) -> None:
    code, out, _ = run("plan", str(SAMPLE), "--as-of", AS_OF, "--lang", lang, "--width", "100",
                       "--assume", "80% från 2027-01-01",
                       "--assume", "föräldraledighet 2027-03-01..2027-08-31",
                       "--assume", "sidotjanstgoring psykiatri 2027-02-01..2027-04-30")
    assert code == 0
    assert_golden(GOLDEN / f"sample-{lang}.txt", out)


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", ("Tänk om", "Beräknat klart", "2029-06-30", "2031-01-27", "+576 dagar",
            "2027-12-30 → 2029-07-27", "+575 dagar", "Anmäl dig till Mitt-i-ST")),
    ("en", ("What if", "Projected completion", "2029-06-30", "2031-01-27", "+576 days",
            "2027-12-30 → 2029-07-27", "+575 days", "Register for Mitt-i-ST")),
])
def test_text_names_the_moves(hand: Path, lang: str, words: tuple[str, ...]) -> None:
    code, out, _ = run("plan", str(hand), "--as-of", AS_OF, "--lang", lang, "--width", "120",
                       "--assume", PART_TIME, "--assume", LEAVE)
    assert code == 0
    for word in words:
        assert word in out, word


# --- st status: the next planned leave ----------------------------------------------------------


def leave_file(start: str, end: str, kind: str = "foraldraledighet") -> str:
    return f"- kind: {kind}\n  start: {start}\n  end: {end}\n"


@pytest.fixture()
def planned(tmp_path: Path) -> Path:
    """The hand portfolio with the part-time step and the leave written in the files."""
    profile = HAND_PROFILE.replace(
        "  - {from: 2024-01-01, percent: 100}\n",
        "  - {from: 2024-01-01, percent: 100}\n  - {from: 2028-01-01, percent: 50}\n")
    return write_portfolio(tmp_path / "planned", {
        "leave/2028.yaml": leave_file("2028-02-15", "2028-03-10")
        + leave_file("2027-07-01", "2027-07-31", "semester")}, profile=profile)


def test_next_planned_leave_is_the_first_that_does_not_count(planned: Path) -> None:
    portfolio = load(planned).portfolio
    found = next_planned_leave(portfolio, dt.date(2026, 3, 15))
    assert found is not None and found.value.kind == "foraldraledighet"  # semester counts
    assert next_planned_leave(portfolio, dt.date(2028, 2, 15)) is None  # started: not next


def test_status_json_says_what_the_leave_moves(planned: Path) -> None:
    """Without the leave: 2030-12-31 (50 % from 2028); with it 2031-01-27 (see the top):
    27 days; M007 2029-06-30 -> 2029-07-27."""
    code, out, _ = run("status", str(planned), "--as-of", AS_OF, "--json")
    assert code == 0
    moved = json.loads(out)["next_leave"]
    assert moved["completion_without"] == "2030-12-31"
    assert moved["completion_with"] == HAND_COMPLETION_AFTER
    m007 = next(m for m in moved["deadlines"] if m["code"] == "M007")
    assert (m007["without"], m007["with"], m007["days"]) == ("2029-06-30", "2029-07-27", 27)


@pytest.mark.parametrize(("lang", "expected"), [
    ("sv", "Med föräldraledighet 2028-02-15–2028-03-10: klart → 2031-01-27 (+27 d) · "
           "M007 → 2029-07-27 (+27 d)"),
    ("en", "With parental leave 2028-02-15–2028-03-10: completion → 2031-01-27 (+27 d) · "
           "M007 → 2029-07-27 (+27 d)"),
])
def test_status_shows_one_line_in_the_deadlines_block(planned: Path, lang: str,
                                                      expected: str) -> None:
    code, out, _ = run("status", str(planned), "--as-of", AS_OF, "--lang", lang,
                       "--width", "200")
    assert code == 0
    lines = out.splitlines()
    heading = next(i for i, line in enumerate(lines)
                   if line.startswith(("Tidsgränser", "Deadlines")))
    block = lines[heading + 1:next(i for i, line in enumerate(lines)
                                   if line.startswith(("Fynd", "Findings")))]
    moved = [line for line in block if expected in line]
    assert len(moved) == 1, block


def test_status_without_planned_leave_has_no_such_line() -> None:
    code, out, _ = run("status", str(SAMPLE), "--as-of", AS_OF)
    assert code == 0
    assert "Med föräldraledighet" not in out


def test_status_shortcut_equals_the_whole_progress_model(planned: Path) -> None:
    """`st status` recomputes only the timeline, time and deadlines without the leave; the
    whole compute_progress on the same overlay must give the same dates."""
    from stcli.engine.evaluate import evaluate
    from stcli.engine.progress import compute_progress
    from stcli.engine.whatif import deadlines_without_leave

    evaluation = evaluate(planned, dt.date(2026, 3, 15))
    assert evaluation.progress is not None and evaluation.catalog is not None
    leave = next_planned_leave(evaluation.portfolio, evaluation.as_of)
    assert leave is not None
    without = overlay(evaluation.portfolio, [], without=(leave,))
    assert without.profile is not None
    whole = compute_progress(without, without.profile.value, evaluation.as_of,
                             evaluation.settings, evaluation.catalog)
    short = deadlines_without_leave(evaluation.progress, without, evaluation)
    assert short.deadlines == whole.deadlines
    assert short.time == whole.time
    assert whole.time.projected_completion == dt.date(2030, 12, 31)
