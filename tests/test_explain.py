"""`st rules` and `st explain`, run in-process through the typer app."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from stcli.rules import all_rules

SAMPLE = Path(__file__).resolve().parent.parent / "sample-portfolio"
runner = CliRunner()

PROFILE = """\
trainee: Test Testsson
regulation: HSLF-FS 2021:8
start: 2024-09-01
home_unit: Vårdcentralen Test
"""


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def portfolio(tmp_path: Path, extra: str = "", files: dict[str, str] | None = None) -> Path:
    root = tmp_path / "portfolio"
    root.mkdir(parents=True, exist_ok=True)
    (root / "st.yaml").write_text(PROFILE + textwrap.dedent(extra), encoding="utf-8")
    for rel, text in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def row(output: str, code: str) -> list[str]:
    """The cells of a code's row in the `st rules` table (split on runs of 2+ spaces)."""
    import re

    for line in output.splitlines():
        if line.startswith(code + " "):
            return re.split(r"\s{2,}", line.strip())
    raise AssertionError(f"{code} not in the table")


# --- st rules ----------------------------------------------------------------------------------


def test_rules_for_the_sample_in_gavleborg() -> None:
    code, out, _ = invoke("rules", str(SAMPLE))
    assert code == 0
    assert out.splitlines()[0].endswith("(HSLF-FS 2021:8, gavleborg)")
    assert row(out, "H004") == ["H004", "supervisor-training", "varning", "på",
                                "GÄVLEBORG 5.1.2"]
    assert row(out, "PL001")[3] == "av"  # VGR only
    assert row(out, "T001")[2] == "info"  # the severity word, in Swedish too
    assert row(out, "S001")[4] == "GÄVLEBORG 4.1.2; VGR-FAQ Kompetensutvecklingstid"
    codes = [line.split()[0] for line in out.splitlines()[3:] if line[:1].isupper()
             and line.split()[0] in all_rules()]
    assert codes.index("T001") < codes.index("H001") < codes.index("A001") < codes.index(
        "PL001") < codes.index("S001") < codes.index("L001")


def test_rules_in_english() -> None:
    code, out, _ = invoke("rules", str(SAMPLE), "--lang", "en")
    assert code == 0
    assert out.splitlines()[2].split() == ["code", "name", "severity", "on/off", "source"]
    assert row(out, "A002")[2:4] == ["info", "on"]


def test_rules_follow_st_yaml(tmp_path: Path) -> None:
    root = portfolio(tmp_path, "rules:\n  disable: [L001]\n  severity: {A001: error}\n")
    code, out, _ = invoke("rules", str(root))
    assert code == 0
    assert row(out, "L001")[3] == "av"
    assert row(out, "A001")[2] == "fel"
    assert row(out, "H004")[3] == "av"  # no region
    assert "(HSLF-FS 2021:8, ingen region)" in out.splitlines()[0]


def test_rules_json(tmp_path: Path) -> None:
    code, out, _ = invoke("rules", str(SAMPLE), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["regulation"] == "HSLF-FS 2021:8" and data["region"] == "gavleborg"
    rules = {r["code"]: r for r in data["rules"]}
    assert rules["H004"]["active"] is True
    assert rules["H004"]["origin"]["active"] == "gavleborg"
    assert rules["T002"]["params"] == {"max_days": 30}
    assert rules["T002"]["tool_defaults"] == ["max_days"]
    assert rules["H001"]["source"] == "VGR-FAQ Handledning; GÄVLEBORG 5.1.2"


def test_rules_outside_a_portfolio_shows_the_national_defaults(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("rules")
    assert code == 0
    assert "nationella standardvärden" in out.splitlines()[0]
    assert row(out, "H004")[3] == "av"


def test_rules_explicit_path_that_is_no_portfolio(tmp_path: Path) -> None:
    code, _, err = invoke("rules", str(tmp_path / "nowhere"))
    assert code == 2
    assert err


# --- st explain: rules ---------------------------------------------------------------------------


def test_explain_rule_with_source_and_params() -> None:
    code, out, _ = invoke("explain", "H001", str(SAMPLE))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "H001 supervision-gap"
    assert "Nivå: varning (satt av nationellt paket)" in lines
    assert "Källa: VGR-FAQ Handledning; GÄVLEBORG 5.1.2" in lines
    # rules.md v2: 14 days is the tool's own reading, and Gävleborg adds its summer limit
    [gap_line] = [line for line in lines if line.startswith("  max_gap_days ")]
    assert "= 14  (nationellt paket; verktygets eget standardvärde" in gap_line
    [summer_line] = [line for line in lines if line.startswith("  summer_max_gap_days ")]
    assert "= 28  (regionpaketet gavleborg; verktygets eget standardvärde" in summer_line
    assert "Alla standardvärden kommer från källan." not in lines
    assert "Handledning minst en timme i veckan" in out  # rule.H001.doc


def test_explain_region_layer_and_case_insensitive_code() -> None:
    code, out, _ = invoke("explain", "h004", str(SAMPLE), "--lang", "en")
    assert code == 0
    assert "Severity: warning (set by region pack gavleborg)" in out
    assert "Active: yes (set by region pack gavleborg)" in out
    assert "  max_training_age_years = 5  (region pack gavleborg)" in out
    assert "Source: GÄVLEBORG 5.1.2" in out


def test_explain_tool_defaults_are_marked() -> None:
    code, out, _ = invoke("explain", "T002", str(SAMPLE))
    assert code == 0
    assert ("  max_days = 30  (nationellt paket; verktygets eget standardvärde, inte en källas)"
            in out.splitlines())
    assert "Verktygets egna standardvärden (ingen källa anger dem): max_days" in out


def test_explain_params_set_in_st_yaml_and_a_user_pack(tmp_path: Path) -> None:
    root = portfolio(
        tmp_path,
        "packs: [packs/mine.yaml]\nrules:\n  params: {T002: {max_days: 45}}\n",
        {"packs/mine.yaml": "rules:\n  A001: {params: {min_per_year: 5}, severity: error}\n"})
    code, out, _ = invoke("explain", "T002", str(root))
    assert code == 0
    assert "  max_days = 45  (st.yaml)" in out.splitlines()  # no longer the tool's default
    code, out, _ = invoke("explain", "A001", str(root), "--lang", "en")
    assert code == 0
    assert "  min_per_year = 5  (user pack packs/mine.yaml)" in out.splitlines()
    # outside Gävleborg the 4–6 are the tool's own numbers (rules.md v2)
    [most] = [line for line in out.splitlines() if line.startswith("  max_per_year ")]
    assert "= 6  (national pack; the tool's own default" in most
    assert "Severity: error (set by user pack packs/mine.yaml)" in out


def test_explain_inactive_rule_names_the_region_that_enables_it() -> None:
    code, out, _ = invoke("explain", "PL001", str(SAMPLE))
    assert code == 0
    assert "På: nej (satt av nationellt paket)" in out
    assert "Slås på av regionpaketet för: VGR" in out
    assert ("Gäller: utan region: av · VGR: info · Region Gävleborg: av · Region Västmanland: "
            "av") in out


def test_explain_every_rule_has_a_doc() -> None:
    for code in all_rules():
        exit_code, out, _ = invoke("explain", code, str(SAMPLE), "--lang", "en")
        assert exit_code == 0, code
        assert f"rule.{code}.doc" not in out, code


# --- st explain: delmål --------------------------------------------------------------------------


def test_explain_delmal() -> None:
    code, out, _ = invoke("explain", "STc14", str(SAMPLE))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Delmål STc14: Läkemedelsbehandling"
    assert "Föreskrift: HSLF-FS 2021:8 (delmålskatalog 2026.11)" in lines
    assert "Kräver (alla grupper, någon aktivitet per grupp): klinisk tjänstgöring" in lines
    assert "Källa: HSLF-FS 2021:8 målbeskrivning allmänmedicin, delmål STc14" in lines
    assert "Säkerhet: medel (en oberoende sammanställning, delvis bekräftad)" in lines
    assert "Not: En kurs är här bara ett råd, inget krav." in lines


def test_explain_delmal_with_alternatives_in_english() -> None:
    code, out, _ = invoke("explain", "stb4", str(SAMPLE), "--lang", "en")
    assert code == 0
    assert ("Requires (every group, any one activity per group): clinical service or "
            "auskultation (observation); course") in out


def test_explain_corrected_delmal(tmp_path: Path) -> None:
    root = portfolio(tmp_path, """\
        delmal:
          STc14:
            requires: [[klinisk_tjanstgoring], [kurs]]
            source: Socialstyrelsens målbeskrivning 2021, s. 40
    """)
    code, out, _ = invoke("explain", "STc14", str(root))
    assert code == 0, out
    assert "Kräver (alla grupper, någon aktivitet per grupp): klinisk tjänstgöring; kurs" in out
    assert "Källa: Socialstyrelsens målbeskrivning 2021, s. 40" in out
    assert "Rättat av st.yaml: värdena ovan är portföljens egna, inte paketets." in out
    assert "  requires: paketet: klinisk tjänstgöring → nu: klinisk tjänstgöring; kurs" in out


def test_explain_delmal_of_the_other_regulation(tmp_path: Path) -> None:
    code, out, _ = invoke("explain", "c14", str(portfolio(tmp_path)))
    assert code == 0
    assert "SOSFS 2015:8" in out
    assert "Obs: koden hör till SOSFS 2015:8, inte portföljens föreskrift." in out


# --- st explain: unknown codes -------------------------------------------------------------------


def test_explain_unknown_code_suggests_the_nearest() -> None:
    code, out, err = invoke("explain", "H01", str(SAMPLE))
    assert code == 2
    assert out == ""
    assert "okänd kod `H01`" in err and "menade du `H001`?" in err
    code, _, err = invoke("explain", "STc99", str(SAMPLE), "--lang", "en")
    assert code == 2
    assert "unknown code `STc99`" in err and "did you mean `STc" in err


def test_explain_unknown_code_without_suggestion() -> None:
    code, _, err = invoke("explain", "XYZ-123", str(SAMPLE))
    assert code == 2
    assert "okänd kod `XYZ-123`" in err and "menade du" not in err
    assert "`st rules`" in err


DEVELOPER_WORDS = ("label:", "regulation.md", "title is a short", "assumed equal", "secondary",
                   "third-party", "Not: The", "data set", "medium:")


def test_explain_and_rules_speak_to_users_only() -> None:
    """Issue 11 item 6: no developer notes and no English in Swedish output, for every rule
    and every delmål of both regulations."""
    from stcli.engine.catalog import load_catalog
    from stcli.rules import all_rules

    codes = list(all_rules())
    for regulation in ("HSLF-FS 2021:8", "SOSFS 2015:8"):
        codes += list(load_catalog(regulation).entries)
    for code in codes:
        exit_code, out, _ = invoke("explain", code, str(SAMPLE))
        assert exit_code == 0, code
        for word in DEVELOPER_WORDS:
            assert word not in out, (code, word)
    exit_code, out, _ = invoke("rules", str(SAMPLE))
    assert exit_code == 0
    for word in (*DEVELOPER_WORDS, "st portfolio format", "derived"):
        assert word not in out, word


def test_explain_states_scope_and_tool_defaults() -> None:
    code, out, _ = invoke("explain", "H004", str(SAMPLE), "--lang", "en")
    assert code == 0
    out = " ".join(out.split())  # the line wraps
    assert ("Applies: no region: off · VGR: warning · Region Gävleborg: warning · Region "
            "Västmanland: off") in out
    code, out, _ = invoke("explain", "M003", str(SAMPLE), "--lang", "en")
    assert "= 7  (national pack; the tool's own default, not a source's)" in out
    code, out, _ = invoke("explain", "T001", str(SAMPLE), "--lang", "en")
    assert "Applies: every portfolio (info)" in out
