"""The broken-portfolio corpus: every defect gives findings with positions, never a traceback.

Each folder in tests/corpus/ is a portfolio with one kind of defect (st.yaml from
`_base_st.yaml` unless the case has its own); `expected.txt` holds the data and privacy
findings (D, P codes) in English. Cases that cannot live in git (30 MB, links, unreadable)
are built in tmp_path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from tests.conftest import as_unprivileged, assert_golden

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
runner = CliRunner()


def _materialize(case: str, tmp_path: Path) -> Path:
    root = tmp_path / case
    shutil.copytree(CORPUS / case, root, ignore=shutil.ignore_patterns("expected.txt"))
    if not (root / "st.yaml").exists():
        shutil.copy(CORPUS / "_base_st.yaml", root / "st.yaml")
    return root


# The YAML library's own words for a syntax error (they change between libyaml releases) are
# masked: the golden holds the code, the position, st's message and st's hint.
_LIBRARY_WORDS = re.compile(r"(the file is not valid YAML: ).*?(?= \(hint: |$)")


def _data_lines(output: str) -> str:
    keep = [_LIBRARY_WORDS.sub(r"\1…", line) for line in output.splitlines()
            if (" D0" in line or " P0" in line) and ": " in line]
    return "\n".join(keep) + "\n"


def _validate(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", str(root), "--as-of", "2025-06-01", "--lang",
                                 "en", "--info", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"traceback: {result.exception!r}")
    return result.exit_code, result.output


@pytest.mark.parametrize("case", CASES)
def test_corpus_case(case: str, tmp_path: Path) -> None:
    root = _materialize(case, tmp_path)
    code, output = _validate(root)
    assert "Traceback" not in output
    assert_golden(CORPUS / case / "expected.txt", _data_lines(output))
    clean_cases = {"bom", "crlf", "empty-file"}
    if case in clean_cases:
        assert code == 0, output
    else:
        assert code == 1, output


def test_corpus_never_echoes_identity_number(tmp_path: Path) -> None:
    root = _materialize("personnummer", tmp_path)
    for fmt in ("text", "json", "github"):
        _, output = _validate(root, "--format", fmt, "--context")
        assert "1212-1212" not in output and "121212-1212" not in output
        assert "P001" in output


def test_large_file_refused(tmp_path: Path) -> None:
    root = _materialize("crlf", tmp_path)
    big = root / "supervision" / "huge.yaml"
    with big.open("w", encoding="utf-8") as handle:
        line = "- {date: 2025-01-14, minutes: 60, supervisor: anna}\n"
        handle.write(line * (30 * 1024 * 1024 // len(line) + 1))
    code, output = _validate(root)
    assert code == 1
    assert "supervision/huge.yaml: error D012 not-a-portfolio" in output
    assert "MB" in output


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_links_leading_outside_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("- {date: 2025-01-14, minutes: 60}\n")
    root = _materialize("crlf", tmp_path)
    os.symlink(outside / "secret.yaml", root / "supervision" / "link.yaml")
    os.symlink(outside, root / "supervision" / "linkdir")
    os.symlink(root / "supervision", root / "supervision" / "loop")  # a loop inside: ignored
    code, output = _validate(root)
    assert code == 1
    assert "supervision/link.yaml: error D012" in output
    assert "supervision/linkdir: error D012" in output


def test_unreadable_file(readable_tmp: Path) -> None:
    """An unreadable file is a finding; as root, st runs as an unprivileged user to see one."""
    root = _materialize("crlf", readable_tmp)
    target = root / "supervision" / "2025.yaml"
    target.chmod(0)
    command = as_unprivileged([sys.executable, "-m", "stcli", "validate", str(root),
                               "--as-of", "2025-06-01", "--lang", "en"])
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd="/")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "supervision/2025.yaml: error D012" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_no_portfolio_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "st init" in result.output


@pytest.mark.parametrize("text", [
    "[" * 60_000 + "]" * 60_000,  # crashed libyaml's recursive composer before the guard
    "".join("  " * i + "-\n" for i in range(1500)),
    "- " * 60_000 + "x\n",
])
def test_hostile_nesting_refused(tmp_path: Path, text: str) -> None:
    root = _materialize("crlf", tmp_path)
    (root / "supervision" / "deep.yaml").write_text(text, encoding="utf-8")
    code, output = _validate(root)
    assert code == 1
    assert "supervision/deep.yaml: error D001 yaml-syntax: the file nests deeper than" in output
