"""`st validate`: output shapes of cli.md, exit codes, rule settings, language, discovery."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from stcli.engine.evaluate import evaluate
from tests.conftest import MINIMAL_PROFILE, SAMPLE, write_portfolio

runner = CliRunner()
AS_OF = ["--as-of", "2025-03-01"]


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _session_files(extra: str = "") -> dict[str, str]:
    return {"supervision/2025.yaml": f"""\
        - date: 2025-01-14
          minutes: 60
          supervisor: anna
          notes: no
        {extra}"""}


def test_json_shape_of_cli_md(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": """\
        - date: 2025-01-14
          minutes: 1:30
          supervisor: anna
        """})
    code, output = _run("validate", str(root), "--format", "json", *AS_OF)
    assert code == 1
    document = json.loads(output)
    assert set(document) >= {"portfolio", "as_of", "regulation", "region", "findings", "counts"}
    assert document["as_of"] == "2025-03-01"
    assert document["regulation"] == "HSLF-FS 2021:8"
    finding = next(f for f in document["findings"] if f["code"] == "D004")
    assert finding == {**finding, "name": "invalid-value", "severity": "error",
                       "file": "supervision/2025.yaml", "line": 2, "column": 12}
    assert set(finding) >= {"code", "name", "severity", "message", "file", "line", "column",
                            "source"}
    assert set(document["counts"]) == {"error", "warning", "info"}
    # portfolio-wide findings carry null positions
    assert any(f["line"] is None for f in document["findings"])


def test_text_line_format_and_sorting(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {
        "supervision/b.yaml": "- {date: 2025-01-14, minutes: sextio, supervisor: anna}\n",
        "supervision/a.yaml": "- {date: 2025-01-14, minutes: 60, supervisr: anna}\n",
    })
    code, output = _run("validate", str(root), "--lang", "en", *AS_OF)
    lines = [line for line in output.splitlines() if " D0" in line]
    assert lines[0].startswith("supervision/a.yaml:1:35: error D003 unknown-field: ")
    assert "did you mean `supervisor`?" in lines[0]
    assert lines[1].startswith("supervision/b.yaml:1:31: error D004 invalid-value: ")
    assert code == 1


def test_clean_portfolio_prints_one_summary_line(tmp_path: Path) -> None:
    code, output = _run("validate", str(SAMPLE), "--as-of", "2026-03-15", "--strict",
                        "--lang", "en")
    warnings = [line for line in output.splitlines() if ": warning " in line]
    # the sample's one known warning is the psykiatri certificate still only requested
    assert [w.split()[2] for w in warnings] == ["PL004"]
    assert code == 1  # --strict: warnings fail
    code, output = _run("validate", str(SAMPLE), "--as-of", "2026-03-15")
    assert code == 0
    assert output.splitlines()[-1].startswith("32 filer")


def test_only_summary_line_when_nothing_to_say(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {}, profile=MINIMAL_PROFILE + "rules:\n  disable: "
                           "[M001, M003, H001, H003, S001, T005, G001, G002, A001, M004, M005,"
                           " M007, M002]\n")
    code, output = _run("validate", str(root), "--as-of", "2024-09-02")
    assert code == 0
    assert output.count("\n") == 1, output
    assert output.startswith("✓ ")


def test_github_annotations(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": """\
        - date: 2025-01-14
          minutes: 1:30
        """})
    code, output = _run("validate", str(root), "--format", "github", *AS_OF)
    assert code == 1
    assert ("::error file=supervision/2025.yaml,line=2,col=12,title=D004 invalid-value::"
            in output)


def test_rules_settings_disable_severity_params_and_unknown_codes(tmp_path: Path) -> None:
    profile = MINIMAL_PROFILE + """\
rules:
  disable: [D010, H01]
  severity: {D011: error}
  params: {H001: {max_gap_days: 3, max_gap: 4}, Z999: {x: 1}}
"""
    files = {"supervision/2025.yaml": """\
        - {date: 2025-01-14, minutes: 60, supervisor: anna}
        - {date: 2025-01-14, minutes: 60, supervisor: anna}
        - {date: 2026-01-01, minutes: 60, supervisor: anna}
        """}
    root = write_portfolio(tmp_path / "p", files, profile=profile)
    evaluation = evaluate(root, __import__("datetime").date(2025, 3, 1))
    codes = [(f.code, f.severity.value if f.severity else None) for f in evaluation.findings]
    assert ("D011", "error") in codes  # raised from warning by st.yaml
    assert not any(code == "D010" for code, _ in codes)  # disabled
    messages = [f.message.render("en") for f in evaluation.findings if f.code == "D004"]
    assert any("H01" in m for m in messages)
    assert any("max_gap" in m and "H001" in m for m in messages)
    assert any("Z999" in m for m in messages)
    assert evaluation.settings["H001"].params["max_gap_days"] == 3
    assert evaluation.settings["H001"].origin["params.max_gap_days"] == "st.yaml"


def test_patient_identifier_rule_cannot_be_disabled(tmp_path: Path) -> None:
    profile = MINIMAL_PROFILE + "rules:\n  disable: [P001]\n"
    root = write_portfolio(tmp_path / "p", _session_files().copy() | {
        "supervision/2025.yaml": "- {date: 2025-01-14, minutes: 60, supervisor: anna, "
                                 "notes: 'pat 19121212-1212'}\n"}, profile=profile)
    code, output = _run("validate", str(root), "--lang", "en", *AS_OF)
    assert code == 1
    assert "P001" in output and "cannot be disabled" in output
    assert "1212-1212" not in output


def test_future_and_duplicate_records(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": """\
        - {date: 2025-01-14, minutes: 60, supervisor: anna}
        - {date: 2025-01-14, minutes: 60, supervisor: anna}
        - {date: 2025-01-21, minutes: 60, supervisor: anna}
        - {date: 2025-05-01, minutes: 60, supervisor: anna}
        """, "assessments/a.yaml": "- {date: 2025-02-01, method: cbd, assessor: anna}\n"})
    findings = evaluate(root, __import__("datetime").date(2025, 3, 1)).findings
    d010 = [f for f in findings if f.code == "D010"]
    d011 = [f for f in findings if f.code == "D011"]
    assert [(f.position.line) for f in d010] == [4]
    assert [(f.position.line) for f in d011] == [2]
    assert "supervision/2025.yaml:1" in d011[0].message.render("sv")


def test_text_fields_keep_what_was_written(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", _session_files())
    evaluation = evaluate(root, __import__("datetime").date(2025, 3, 1))
    assert evaluation.portfolio.supervision[0].value.notes == "no"


def test_x_keys_ignored_and_other_folders_not_read(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {
        "supervision/2025.yaml": "- {date: 2025-01-14, minutes: 60, supervisor: anna, "
                                 "x_own: [1, 2]}\n",
        "notes/random.yaml": "this: [is, not, portfolio: data\n",
        ".github/workflows/ci.yml": "on: push\n",
    })
    findings = evaluate(root, __import__("datetime").date(2025, 3, 1)).findings
    assert not [f for f in findings if f.code.startswith("D")]


def test_discovery_walks_up_from_a_subfolder(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", _session_files())
    here = os.getcwd()
    try:
        os.chdir(root / "supervision")
        code, output = _run("validate", *AS_OF)
    finally:
        os.chdir(here)
    assert code in (0, 1)
    assert "filer" in output


@pytest.mark.parametrize(("flag", "env", "configured", "word"), [
    ([], None, None, "filer"),
    (["--lang", "en"], None, None, "files"),
    ([], "en", None, "files"),
    ([], None, "en", "files"),
    (["--lang", "sv"], None, "en", "filer"),
])
def test_language_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: list[str],
                         env: str | None, configured: str | None, word: str) -> None:
    if env:
        monkeypatch.setenv("ST_LANG", env)
    else:
        monkeypatch.delenv("ST_LANG", raising=False)
    profile = MINIMAL_PROFILE + (f"language: {configured}\n" if configured else "")
    root = write_portfolio(tmp_path / "p", _session_files(), profile=profile)
    _, output = _run("validate", str(root), *flag, *AS_OF)
    assert word in output.splitlines()[-1]


def test_bad_as_of_and_format_exit_2(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {})
    assert _run("validate", str(root), "--as-of", "2025-13-01")[0] == 2
    assert _run("validate", str(root), "--format", "xml")[0] == 2


def test_optional_field_error_keeps_the_entry(tmp_path: Path) -> None:
    """A typo in `certificate` must not drop the placement from the time count."""
    root = write_portfolio(tmp_path / "p", {"placements/p.yaml": """\
        - type: vardcentral
          specialty: allmanmedicin
          unit: VC
          start: 2024-09-01
          end: 2025-08-31
          certificate: signd
        """})
    evaluation = evaluate(root, __import__("datetime").date(2025, 3, 1))
    assert len(evaluation.portfolio.placements) == 1
    assert any(f.code == "D004" and "signed" in (f.hint.render("en") if f.hint else "")
               for f in evaluation.findings)


def test_raising_a_rule_keeps_its_progress_lines_info(tmp_path: Path) -> None:
    profile = MINIMAL_PROFILE + "rules:\n  severity: {A001: error, H002: error}\n"
    root = write_portfolio(tmp_path / "p", {"assessments/a.yaml": """\
        - {date: 2024-10-01, method: cbd, assessor: anna}
        """}, profile=profile)
    findings = evaluate(root, __import__("datetime").date(2025, 3, 1)).findings
    current = [f for f in findings if f.code in ("A001", "H002")]
    assert current and all(f.severity and f.severity.value == "info" for f in current)


def test_one_error_never_hides_another_and_errors_come_first(tmp_path: Path) -> None:
    """A bad date makes the session invalid as a whole; its unknown supervisor is still
    reported (D008), and the text lists errors before warnings, by file and position."""
    from tests.conftest import write_portfolio

    root = write_portfolio(tmp_path / "p", {
        "supervision/2025.yaml": "- date: 14/1 2025\n  minutes: 30\n  supervisor: okand\n",
        "assessments/2025.yaml": "- date: 2025-13-01\n  method: dops\n  assessor: bertil\n",
        "courses/2025.yaml": "- title: K\n  start: 2025-01-01\n  end: 2025-01-02\n"
                             "  mandatory: kanske\n",
    })
    result = runner.invoke(app, ["validate", str(root), "--as-of", "2025-06-01", "--lang",
                                 "en", "--info"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    codes = [(line.split(": ")[0], line.split()[1], line.split()[2]) for line in lines[:-1]]
    errors = [c for c in codes if c[1] == "error"]
    assert ("supervision/2025.yaml:1:9", "error", "D004") in errors
    assert ("supervision/2025.yaml:3:15", "error", "D008") in errors
    assert ("assessments/2025.yaml:3:13", "error", "D008") in errors
    assert ("courses/2025.yaml:4:14", "error", "D004") in errors
    severities = [c[1] for c in codes]
    rank = {"error": 0, "warning": 1, "info": 2}
    assert severities == sorted(severities, key=rank.__getitem__)
    assert [c[0] for c in errors] == sorted(
        (c[0] for c in errors), key=lambda s: (s.split(":")[0], *map(int, s.split(":")[1:])))
    assert lines[-1].startswith("3 files, 0 entries: 5 errors") or "errors" in lines[-1]
    assert f"{len(errors)} errors" in lines[-1]
