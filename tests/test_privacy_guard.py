"""The patient-data guard (issue 16): P001 cannot be lowered, names are scanned, Unicode
variants are caught, and every output of every command passes one mask.

The property test writes a generated identity number (10 or 12 digits, personnummer or
samordningsnummer, any separator including Unicode dashes and spaces, ASCII or fullwidth
digits) into every place a user can put text at once: entry values, keys, comments, file
and folder names, st.yaml, a user pack, delmål corrections, a portfolio template; then runs
every command and checks that no output (stdout, stderr, files written) holds the number.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from stcli.cli import app
from stcli.engine.evaluate import evaluate
from stcli.findings import Severity
from stcli.pii import MaskingStream, find_identity_numbers, mask_identity_numbers, normalise
from tests.conftest import MINIMAL_PROFILE, write_portfolio
from tests.test_pii import Sample, make_number

runner = CliRunner()
NUMBER = "19121212-1212"
SEPARATORS = ["-", "+", " ", "", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212",
              "\u00a0", "\u202f", "\u2007", "\t", "\uff0d"]
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _shown(sample: Sample, out: str) -> bool:
    """Whether `out` shows the number (any separator, any digits) in full."""
    core = sample.core
    pattern = re.escape(core[:6]) + r"[-+ ]?" + re.escape(core[6:])
    return re.search(pattern, normalise(out)) is not None


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    return result.exit_code, result.stdout + result.stderr


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _portfolio(root: Path, number: str) -> Path:
    q = _quoted(number)
    profile = MINIMAL_PROFILE.replace("trainee: Test Testsson", f"trainee: {_quoted('Test ' + number)}")
    profile += (f"# kommentar {number}\n"
                f"x_note: {q}\n"
                f"{_quoted('x_' + number)}: 1\n"
                "packs: [pack.yaml]\n"
                "delmal:\n"
                f"  {q}: {{title: x}}\n"
                f"  STa1: {{title: {_quoted('Rättad ' + number)}}}\n")
    entry = (f"- date: 2025-01-08\n  minutes: 60\n  supervisor: anna\n"
             f"  notes: {q}\n  topics: [{q}]\n  {_quoted('x_' + number)}: 1  # {number}\n")
    return write_portfolio(root, {
        "supervision/2025.yaml": entry,
        f"supervision/{number}.yaml": "- {date: 2025-01-15, minutes: 60, supervisor: anna}\n",
        f"leave/{number}/a.yaml": "- {kind: semester, start: 2025-02-03, end: 2025-02-07}\n",
        "placements/a.yaml": ("- {type: vardcentral, specialty: allmanmedicin, "
                              f"unit: {q}, start: 2024-09-01, end: 2025-08-31}}\n"),
        "pack.yaml": (f"# {number}\nrules:\n  P001: {{active: false, severity: info}}\n"
                      f"delmal:\n  STa2: {{title: {_quoted('Paket ' + number)}}}\n"),
        "templates/annual.md.j2": (f"Mall {number}\n{{% for c in profile.trainee %}}"
                                   "{{ c }}{% endfor %}\n{{ profile.x_note }}\n"),
    }, profile=profile)


numbers = st.builds(
    lambda day, serial, coordination, twelve, sep, wide: (
        make_number(day, serial, coordination=coordination, twelve=twelve, sep=sep), wide),
    st.dates(dt.date(1901, 1, 1), dt.date(2024, 12, 31)), st.integers(0, 999), st.booleans(),
    st.booleans(), st.sampled_from(SEPARATORS), st.booleans())


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(numbers)
def test_no_output_of_any_command_shows_a_number(tmp_path_factory: pytest.TempPathFactory,
                                                 generated: tuple[Sample, bool]) -> None:
    sample, wide = generated
    written = sample.text.translate(FULLWIDTH) if wide else sample.text
    root = _portfolio(tmp_path_factory.mktemp("p") / "p", written)
    out_file = root.parent / "out.html"
    commands = [
        ("validate", str(root), "--as-of", "2025-06-01"),
        ("validate", str(root), "--as-of", "2025-06-01", "--format", "json"),
        ("validate", str(root), "--as-of", "2025-06-01", "--format", "github"),
        ("status", str(root), "--as-of", "2025-06-01"),
        ("status", str(root), "--as-of", "2025-06-01", "--json"),
        ("report", "--annual", str(root), "--as-of", "2025-06-01"),
        ("report", "--final", "--format", "html", str(root), "--as-of", "2025-06-01"),
        ("report", "--final", str(root), "--as-of", "2025-06-01", "-o", str(out_file)),
        ("explain", "P001", str(root)),
        ("rules", str(root), "--json"),
        ("add", "supervision", str(root), "--date", "2025-03-01", "--minutes", "60",
         "--notes", written, "--as-of", "2025-06-01", "--dry-run"),
        ("add", "placement", str(root), "--type", "sidotjanstgoring", "--specialty",
         "psykiatri", "--unit", written, "--start", "2025-09-01", "--end", "2025-09-30",
         "--as-of", "2025-06-01"),
    ]
    for command in commands:
        code, out = _run(*command)
        assert code in (0, 1, 2) and not _shown(sample, out), (command, code, out)
    assert not _shown(sample, out_file.read_text(encoding="utf-8"))
    evaluation = evaluate(root, dt.date(2025, 6, 1))
    p001 = [f for f in evaluation.findings if f.code == "P001"]
    assert all(f.severity == Severity.ERROR for f in p001)
    where = {f.position.file for f in p001}
    folder = f"leave/{written}"
    assert {"st.yaml", "pack.yaml", "supervision/2025.yaml", "placements/a.yaml", folder,
            f"supervision/{written}.yaml"} <= where, where
    # the add with the number was refused: nothing written
    assert written not in (root / "placements/a.yaml").read_text(encoding="utf-8")[60:]


def test_cli_echoes_before_the_command_runs_are_masked(tmp_path: Path) -> None:
    """Messages from the option parser and unknown codes, in a real process."""
    root = write_portfolio(tmp_path / "p", {})
    for args in (["report", "--annual", "--year", NUMBER, str(root)],
                 ["explain", NUMBER, str(root)],
                 ["validate", str(root), "--format", NUMBER],
                 ["add", NUMBER, str(root)],
                 ["status", str(root), "--as-of", NUMBER]):
        proc = subprocess.run([sys.executable, "-m", "stcli", *args], capture_output=True,
                              text=True, timeout=120)
        both = proc.stdout + proc.stderr
        assert "Traceback" not in both and proc.returncode == 2, both
        assert "1212" not in both, both


# --- P001 cannot be lowered ---------------------------------------------------------------------


@pytest.mark.parametrize("override", [
    "{active: false}", "{severity: info}", "{severity: warning}", "{active: no}",
])
def test_a_pack_cannot_silence_p001(tmp_path: Path, override: str) -> None:
    root = write_portfolio(tmp_path / "p", {
        "pack.yaml": f"rules:\n  P001: {override}\n",
        "supervision/2025.yaml": f"- {{date: 2025-01-08, minutes: 60, supervisor: anna, "
                                 f"notes: pat {NUMBER}}}\n"},
        profile=MINIMAL_PROFILE + "packs: [pack.yaml]\n")
    evaluation = evaluate(root, dt.date(2025, 6, 1))
    assert evaluation.settings["P001"].active
    assert evaluation.settings["P001"].severity == Severity.ERROR
    assert [f.severity for f in evaluation.findings if f.code == "P001"] == [Severity.ERROR]
    refusal = [f for f in evaluation.findings if f.message.key == "settings.cannot_disable"]
    assert [(f.position.file, f.position.line) for f in refusal] == [("st.yaml", 9)]
    code, out = _run("validate", str(root), "--as-of", "2025-06-01")
    assert code == 1 and "xxxxxxxx-xxxx" in out and NUMBER not in out


def test_st_yaml_cannot_silence_p001_either(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {
        "supervision/2025.yaml": f"- {{date: 2025-01-08, minutes: 60, supervisor: anna, "
                                 f"notes: {NUMBER}}}\n"},
        profile=MINIMAL_PROFILE + "rules:\n  disable: [P001]\n  severity: {P001: info}\n")
    evaluation = evaluate(root, dt.date(2025, 6, 1))
    assert [f.severity for f in evaluation.findings if f.code == "P001"] == [Severity.ERROR]


# --- names and Unicode variants --------------------------------------------------------------------


def test_file_and_folder_names_are_scanned_and_masked(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {
        f"supervision/{NUMBER}.yaml": "- {date: 2025-01-08, minutes: 60, supervisor: anna}\n",
        f"bilagor/{NUMBER}/intyg.txt": "x\n"})
    evaluation = evaluate(root, dt.date(2025, 6, 1))
    assert sorted(f.position.file for f in evaluation.findings if f.code == "P001") == [
        f"bilagor/{NUMBER}", f"supervision/{NUMBER}.yaml"]
    for args in (["validate", str(root)], ["validate", str(root), "--format", "json"],
                 ["status", str(root)], ["report", "--annual", str(root)]):
        _, out = _run(*args, "--as-of", "2025-06-01")
        assert "1212" not in out, out


VARIANTS = [NUMBER.replace("-", sep) for sep in SEPARATORS] + [
    NUMBER.translate(FULLWIDTH), "191212121212".translate(FULLWIDTH),
    "19121212\u22121212"]


@pytest.mark.parametrize("variant", VARIANTS, ids=[repr(v) for v in VARIANTS])
def test_unicode_variants_are_caught_and_masked(variant: str) -> None:
    text = f"Patient {variant} sökte."
    assert [m.kind for m in find_identity_numbers(text)] == ["personnummer"], variant
    masked = mask_identity_numbers(text)
    assert len(masked) == len(text) and not re.search(r"[0-9]", normalise(masked)), masked


def test_the_stream_masks_numbers_split_over_writes() -> None:
    sink = io.StringIO()
    stream = MaskingStream(sink)
    for part in ("pat 1912", "1212", "-12", "12 ok\nnext ", "19121212\u2212", "1212", "\n",
                 "bad \udcff name\n"):
        stream.write(part)
    stream.flush()
    assert sink.getvalue() == "pat xxxxxxxx-xxxx ok\nnext xxxxxxxx\u2212xxxx\nbad \ufffd name\n"


def test_status_shows_correction_keys_masked(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {}, profile=MINIMAL_PROFILE + (
        f"delmal:\n  '{NUMBER}': {{title: x}}\n"))
    for args in (["status", str(root)], ["status", str(root), "--json"],
                 ["validate", str(root)]):
        _, out = _run(*args, "--as-of", "2025-06-01")
        assert "1212" not in out, out
