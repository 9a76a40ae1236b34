"""`st status`: golden dashboards of the sample, JSON figures checked by hand, plain output
when piped, NO_COLOR, and a useful view of an almost empty portfolio.

Regenerate the golden files with `ST_UPDATE_GOLDEN=1 python -m pytest tests/test_status.py`
(the rule engine grows, and the findings part of the dashboard with it); any other
difference fails with a diff.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from stcli.cli import app
from tests.conftest import SAMPLE, assert_golden, write_portfolio

GOLDEN = Path(__file__).resolve().parent / "golden" / "status"
AS_OF = "2026-03-15"
ESC = "\x1b"
NEW_PROFILE = """\
trainee: Nora Ny
regulation: HSLF-FS 2021:8
region: gavleborg
start: 2024-09-01
home_unit: Hälsocentralen Test
bt: {start: 2024-09-01}
employment:
  - {from: 2024-09-01, percent: 100}
supervisors:
  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, training: 2022}
"""
# Environment for in-process runs: no colour, no width or language from the caller's shell.
CLEAN_ENV = {"NO_COLOR": "1", "FORCE_COLOR": None, "COLUMNS": None, "ST_LANG": None,
             "TERM": "dumb"}


def run(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["status", *args], env={**CLEAN_ENV, **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def sample_json(*args: str) -> dict[str, Any]:
    code, out = run(str(SAMPLE), "--as-of", AS_OF, "--json", *args)
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


# --- golden dashboards ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("width", [80, 120])
def test_sample_dashboard_golden(lang: str, width: int) -> None:
    code, out = run(str(SAMPLE), "--as-of", AS_OF, "--lang", lang, "--width", str(width))
    assert code == 0
    assert ESC not in out
    assert_golden(GOLDEN / f"sample-{lang}-{width}.txt", out)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("width", [80, 120])
def test_every_line_fits(lang: str, width: int) -> None:
    _, out = run(str(SAMPLE), "--as-of", AS_OF, "--lang", lang, "--width", str(width))
    too_long = [line for line in out.splitlines() if cell_len(line) > width]
    assert not too_long, too_long
    assert not [line for line in out.splitlines() if line != line.rstrip()]


def test_narrow_terminal_still_fits() -> None:
    _, out = run(str(SAMPLE), "--as-of", AS_OF, "--width", "60")
    assert max(cell_len(line) for line in out.splitlines()) <= 60
    assert "23,0 av 66 mån" in out


def test_a_narrow_pane_keeps_chart_and_grid_on_their_lines() -> None:
    """At 40 columns the chart shows the last 8 months (what fits) and the delmål grid
    drops its title column instead of wrapping every row in two."""
    _, out = run(str(SAMPLE), "--as-of", AS_OF, "--width", "40")
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 40
    assert "  Timmar per månad, senaste 8 månaderna:" in lines
    assert "  aug  sep  okt  nov  dec  jan  feb  mar" in lines
    assert "  1,8  4,0  4,5  3,8  3,5  4,5  3,5  2,5" in lines
    rows = [line for line in lines if re.match(r"  ST[abc]\d+ ", line)]
    assert len(rows) == 26 and all(re.search(r" \d+$", row) for row in rows), rows
    assert "  STb2  ✓  ✓  ✗          nej       0" in lines


def test_sections_and_figures_sv() -> None:
    _, out = run(str(SAMPLE), "--as-of", AS_OF, "--width", "80")
    for text in [
        "ST-status: Elin Åkesson", "per 2026-03-15", "HSLF-FS 2021:8", "Region Gävleborg",
        "ST-år 3: 2025-09-01–2026-08-31",
        "23,0 av 66 mån (35 %)",  # 3563/155 = 22.987 months
        "kvar 43,0 mån", "tjänstgöringsgrad 80 %", "tillgodoräknat 0,0 mån",
        "Ledighet som inte räknas: 181 dagar",
        "Beräknat klart 2030-09-08", "planerat slut 2030-10-01, 23 dagar senare",
        "63,7 min/vecka i tjänst (minst 60)",  # 1575 / (173/7)
        "1 575 min på 24,7 veckor i tjänst · 25 tillfällen",
        "Senaste tillfälle 2026-03-11",
        "4 av 4–6 per år",
        "Placeringar", "Kurser", "Tidsgränser, närmaste sex månaderna", "Fynd:",
    ]:
        assert text in out, text
    # the delmål grid: every ST delmål, no BT delmål after BT
    for code in ["STa1", "STa7", "STb4", "STc1", "STc15"]:
        assert re.search(rf"^  {code} ", out, re.M), code
    assert not re.search(r"^  BT\d+ ", out, re.M)
    assert "Kom igång" not in out and "Nästa steg" not in out


def test_english_and_language_sources(tmp_path: Path) -> None:
    _, out = run(str(SAMPLE), "--as-of", AS_OF, "--lang", "en", "--width", "80")
    assert "23.0 of 66 months (35%)" in out
    assert "63.7 min/week in service" in out
    assert "1,575 min over 24.7 weeks" in out
    _, by_env = run(str(SAMPLE), "--as-of", AS_OF, "--width", "80", env={"ST_LANG": "en"})
    assert by_env == out
    root = write_portfolio(tmp_path / "p", {})
    profile = (root / "st.yaml").read_text(encoding="utf-8")
    (root / "st.yaml").write_text(profile + "language: en\n", encoding="utf-8")
    _, configured = run(str(root), "--as-of", "2024-09-08", "--width", "80")
    assert "Getting started" in configured


# --- JSON: the contract of cli.md, figures by hand (sample-portfolio/README.md) ---------------


def test_json_contract_fields_and_types() -> None:
    data = sample_json()
    for key in ["trainee", "regulation", "region", "as_of", "st_year", "months",
                "projected_completion", "leave_days_not_counted", "supervision",
                "assessments", "delmal", "deadlines", "findings"]:
        assert key in data, key
    assert set(data["months"]) >= {"served", "credited", "required", "remaining"}
    assert set(data["supervision"]) >= {"current_year_minutes", "weeks_in_service",
                                        "last_session"}
    assert set(data["assessments"]) >= {"current_year", "target"}
    assert set(data["findings"]) >= {"error", "warning", "info"}
    for value in [*data["months"].values(), data["leave_days_not_counted"], data["st_year"],
                  data["supervision"]["current_year_minutes"],
                  data["supervision"]["weeks_in_service"],
                  data["assessments"]["current_year"], data["assessments"]["target"],
                  *(data["findings"][s] for s in ("error", "warning", "info"))]:
        if not isinstance(value, dict):
            assert isinstance(value, int | float) and not isinstance(value, bool), value
    for item in data["delmal"]:
        assert set(item) >= {"code", "title", "evidence", "missing", "certified"}
        assert all(isinstance(n, int) for n in item["evidence"].values())
        assert isinstance(item["certified"], bool)
    for deadline in data["deadlines"]:
        assert set(deadline) >= {"date", "what", "code"}


def test_json_figures_by_hand() -> None:
    data = sample_json()
    assert data["trainee"] == "Elin Åkesson"
    assert data["regulation"] == "HSLF-FS 2021:8"
    assert data["region"] == "gavleborg"
    assert data["as_of"] == AS_OF
    assert data["st_year"] == 3
    assert (data["st_year_start"], data["st_year_end"]) == ("2025-09-01", "2026-08-31")
    months = data["months"]
    # 17 + 28/5 + 12/31 = 3563/155 ≈ 22.987; 66 − 3563/155 = 6667/155 ≈ 43.013
    assert months["exact"]["served"] == "3563/155"
    assert months["exact"]["remaining"] == "6667/155"
    assert months["served"] == 22.99
    assert months["remaining"] == 43.01
    assert months["credited"] == 0
    assert months["required"] == 66
    assert months["percent_served"] == 34.83  # 3563/155/66
    assert data["projected_completion"] == "2030-09-08"
    assert data["planned_end"] == "2030-10-01"
    assert data["planned_end_margin_days"] == 23
    assert data["leave_days_not_counted"] == 181  # 28+31+30+31+30+31
    assert data["percent_now"] == 80
    assert data["in_bt"] is False
    sup = data["supervision"]
    # ST year 3 to 2026-03-15: 173 days in service outside the summer window
    assert sup["current_year_minutes"] == 1575
    assert sup["current_year_sessions"] == 25
    assert sup["weeks_in_service"] == 24.71  # 173/7
    assert sup["minutes_per_week"] == 63.73  # 1575 × 7 / 173
    assert sup["target_minutes_per_week"] == 60
    assert sup["last_session"] == "2026-03-11"
    assert len(sup["per_month"]) == 12
    assert sup["per_month"][-1]["month"] == "2026-03"
    assert sup["gaps"] == []  # none over its limit (14; 28 for a Gävleborg summer gap)
    # rules.md v2: summer days are in service; the summer of 2024 (2024-06-27 to
    # 2024-08-21, semester taken off) is 28 days, Gävleborg's summer limit
    assert sup["longest_gap"]["days"] == 28
    ass = data["assessments"]
    assert (ass["current_year"], ass["target"], ass["recommended"]) == (4, 4, [4, 6])
    years = {y["st_year"]: (y["count"], y["minimum"]) for y in ass["years"]}
    assert years == {1: (6, 4), 2: (4, 3), 3: (4, 4)}  # year 2: ⌈4 × 184/365⌉ = 3
    codes = [d["code"] for d in data["delmal"]]
    assert len(codes) == 26 and codes[0] == "STa1" and codes[-1] == "STc15"
    # certified: a signed certificate for every requirement (rules.md v2); the 7 are
    # counted by hand in test_rules_delmal.test_sample_certified_delmal_counted_by_hand
    # (nothing naming them changes between 2026-03-15 and 2026-11-29)
    assert data["delmal_summary"] == {"total": 26, "complete": 22, "certified": 7}
    etik = next(d for d in data["delmal"] if d["code"] == "STa4")
    assert etik["missing"] == ["klinisk_tjanstgoring", "kurs"]
    assert etik["planned"] == {"kurs": 1}
    assert etik["certified"] is False
    assert etik["evidence"] == {"klinisk_tjanstgoring": 0, "kurs": 0}
    stb4 = next(d for d in data["delmal"] if d["code"] == "STb4")
    assert stb4["missing"] == [] and stb4["certified"] is True
    assert stb4["signed"] == {"klinisk_tjanstgoring|auskultation": True, "kurs": True}
    assert [(r["form"], r["state"]) for r in stb4["requirements"]] == [
        ("Bilaga 8", "signed"), ("Bilaga 10", "signed")]
    stc13 = next(d for d in data["delmal"] if d["code"] == "STc13")
    assert stc13["certified"] is False and stc13["certificate"] == "requested"
    assert stc13["signed"] == {"klinisk_tjanstgoring": False,
                               "klinisk_tjanstgoring_primarvard": False}
    assert stb4["evidence"]["auskultation"] == 1
    dates = [d["date"] for d in data["deadlines"]]
    assert dates == sorted(dates) and all(d >= AS_OF for d in dates)
    assert data["findings"]["error"] == 0
    # the one expected warning of the sample (README): the psychiatry certificate
    assert any(f["code"] == "PL004" for f in data["findings"]["top"])


def test_json_is_plain_and_language_follows() -> None:
    code, out = run(str(SAMPLE), "--as-of", AS_OF, "--json", env={"FORCE_COLOR": "1",
                                                                    "NO_COLOR": None})
    assert code == 0 and ESC not in out
    sv = json.loads(out)
    en = sample_json("--lang", "en")
    assert sv["months"] == en["months"]
    title = {d["code"]: d["title"] for d in en["delmal"]}
    assert title["STa4"] == "Ethics"


# --- colour and pipes -------------------------------------------------------------------------

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_codes(text: str) -> set[str]:
    """Foreground/background colour parameters found in SGR escape sequences."""
    found = set()
    for params in SGR.findall(text):
        for part in params.split(";"):
            if part and (30 <= int(part) <= 49 or 90 <= int(part) <= 107):
                found.add(part)
    return found


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS", "ST_LANG", "TERM"}}
    env["TERM"] = "xterm-256color"
    env.update(extra)
    return env


def test_piped_output_has_no_escape_codes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stcli", "status", str(SAMPLE), "--as-of", AS_OF],
        capture_output=True, text=True, env=subprocess_env(), check=True)
    assert ESC not in result.stdout
    assert "23,0 av 66 mån" in result.stdout
    # piped without --width: rich's default of 80 columns
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80


def test_piped_output_follows_columns() -> None:
    """COLUMNS sets the width of piped output too (as rich does), e.g. `COLUMNS=120 st status |
    less`; the delmål titles then get room to show in full."""
    result = subprocess.run(
        [sys.executable, "-m", "stcli", "status", str(SAMPLE), "--as-of", AS_OF],
        capture_output=True, text=True, env=subprocess_env(COLUMNS="120"), check=True)
    widths = [cell_len(line) for line in result.stdout.splitlines()]
    assert max(widths) == 120  # the heading rules reach the edge
    assert "Sjukdomsförebyggande och hälsofrämjande arbete" in result.stdout


def _run_in_tty(**env: str) -> str:
    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "stcli", "status", str(SAMPLE), "--as-of", AS_OF,
             "--width", "100"],
            stdout=secondary, stderr=subprocess.PIPE, env=subprocess_env(**env))
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=60)
    finally:
        os.close(primary)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_terminal_gets_colour_and_no_color_removes_it() -> None:
    coloured = _run_in_tty()
    assert colour_codes(coloured), "a terminal should get colour"
    plain = _run_in_tty(NO_COLOR="1")
    assert not colour_codes(plain), "NO_COLOR must remove every colour"
    assert "23,0 av 66 mån" in SGR.sub("", plain)


# --- an almost empty portfolio ----------------------------------------------------------------


def test_getting_started_view(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "new", {}, NEW_PROFILE)  # only st.yaml
    code, out = run(str(root), "--as-of", "2024-09-08", "--width", "80")
    assert code == 0
    assert "Kom igång" in out
    assert "Portföljen har bara st.yaml" in out
    steps = re.findall(r"^  (\d)\. (.*)$", out, re.M)
    assert [n for n, _ in steps] == ["1", "2", "3", "4", "5"]
    # each step names the command that records it (the profile has its supervisor already)
    assert "st add placement" in steps[0][1] and "st add supervision" in steps[1][1]
    assert all("st add " in text for _, text in steps)
    assert "IUP" in steps[2][1]
    assert "Inget underlag ännu för de 44 delmålen" in out  # BT + ST, no grid of empty rows
    # the steps say what the empty sections would: they are left out
    assert "Handledning" not in out and "Placeringar" not in out
    assert "✗" not in out
    assert "Upprätta IUP" in out  # the IUP deadline (M001) is within six months
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert_golden(GOLDEN / "new-sv-80.txt", out)
    data = json.loads(run(str(root), "--as-of", "2024-09-08", "--json")[1])
    assert data["first_steps"] == ["placements", "supervision", "milestones", "assessments",
                                   "courses"]
    assert data["months"]["exact"]["served"] == "4/15"  # 8/30: 8 days of September at 100 %
    assert data["supervision"]["last_session"] is None


def test_next_steps_only_for_what_is_missing(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {
        "placements/vc.yaml": """\
            - {type: vardcentral, specialty: allmanmedicin, unit: VC Test, start: 2024-09-01,
               end: 2025-08-31, delmal: [STc1]}
            """,
        "supervision/2024.yaml": "- {date: 2024-09-05, minutes: 60, supervisor: anna}\n",
    })
    _, out = run(str(root), "--as-of", "2024-09-20", "--width", "80")
    assert "Nästa steg" in out and "Kom igång" not in out
    steps = re.findall(r"^  \d\. (.*)$", out, re.M)
    assert len(steps) == 3 and "IUP" in steps[0]
    assert "Senaste tillfälle 2024-09-05" in out


def test_broken_profile_exits_1_with_the_errors(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "bad", {"st.yaml": "trainee: X\n"})
    code, out = run(str(root), "--width", "80")
    assert code == 1
    assert "st.yaml" in out and "D005" in out
    code, out = run(str(root), "--json")
    assert code == 1 and json.loads(out)["months"] is None


def test_no_portfolio_is_a_usage_error(tmp_path: Path) -> None:
    code, _ = run(str(tmp_path))
    assert code == 2


# --- speed ------------------------------------------------------------------------------------

SNIPPET = """
import sys
from stcli.cli import app
loaded = "rich.console" in sys.modules
try:
    app(["status", sys.argv[1], "--as-of", "2026-03-15", sys.argv[2]])
except SystemExit:
    pass
print(loaded, "rich.text" in sys.modules, "rich.console" in sys.modules)
"""


def test_rich_only_on_the_dashboard_path() -> None:
    """Registering the command imports no rich; --json never does; the piped dashboard
    draws its lines without rich's Console; a terminal (here forced) gets the Console."""
    def loaded(flag: str, **env: str) -> str:
        result = subprocess.run([sys.executable, "-c", SNIPPET, str(SAMPLE), flag],
                                text=True, capture_output=True, env=subprocess_env(**env),
                                check=True)
        return result.stdout.strip().splitlines()[-1]

    assert loaded("--json") == "False False False"
    assert loaded("--lang=sv") == "False True False"
    assert loaded("--lang=sv", FORCE_COLOR="1") == "False True True"


def test_gaps_and_partial_leave(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {
        "placements/vc.yaml": """\
            - {type: vardcentral, specialty: allmanmedicin, unit: VC Test, start: 2024-09-01,
               end: 2025-08-31, delmal: [STc1]}
            """,
        "supervision/2024.yaml": """\
            - {date: 2024-09-03, minutes: 60, supervisor: anna}
            - {date: 2024-10-15, minutes: 60, supervisor: anna}
            """,
        "leave/l.yaml": "- {kind: foraldraledighet, start: 2024-10-01, end: 2024-10-03, percent: 50}\n",
    }, NEW_PROFILE)
    _, out = run(str(root), "--as-of", "2024-10-20", "--width", "80")
    assert "Ledighet som inte räknas: 1,5 dagar" in out  # 3 days at 50 %
    assert "Uppehåll över 14 dagar i tjänst:" in out
    # 2024-09-04..2024-10-14 is 41 days, 3 of them on leave: 38 in service
    assert "2024-09-03 – 2024-10-15: 38 dagar" in out
    data = json.loads(run(str(root), "--as-of", "2024-10-20", "--json")[1])
    assert data["leave_days_not_counted"] == 1.5
    assert data["supervision"]["gaps"] == [
        {"after": "2024-09-03", "before": "2024-10-15", "days": 38}]
