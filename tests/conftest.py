"""Shared test helpers: write small portfolios, run the CLI in-process, compare golden files."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import textwrap
from pathlib import Path

import pytest

from stcli.engine.evaluate import Evaluation, evaluate
from stcli.findings import Finding, Severity

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample-portfolio"
UPDATE_GOLDEN = bool(os.environ.get("ST_UPDATE_GOLDEN"))

MINIMAL_PROFILE = """\
trainee: Test Testsson
regulation: HSLF-FS 2021:8
start: 2024-09-01
home_unit: Vårdcentralen Test
employment:
  - {from: 2024-09-01, percent: 100}
supervisors:
  - {id: anna, name: Anna Berg, specialty: allmanmedicin, role: main, training: 2022}
"""


def write_portfolio(root: Path, files: dict[str, str], profile: str | None = MINIMAL_PROFILE
                    ) -> Path:
    """Write `files` (relative path -> YAML text, dedented) below `root` with an st.yaml."""
    root.mkdir(parents=True, exist_ok=True)
    if profile is not None and "st.yaml" not in files:
        (root / "st.yaml").write_text(profile, encoding="utf-8")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def write_profile_portfolio(root: Path, st: str, files: dict[str, str] | None = None) -> Path:
    """Write a portfolio below `root` with `st` as its st.yaml and return `root`."""
    return write_portfolio(root, files or {}, profile=st)


def findings_for(root: Path, as_of: str, code: str) -> list[Finding]:
    """Evaluate the portfolio at `root` on `as_of` and keep the findings with `code`."""
    evaluation = evaluate(root, dt.date.fromisoformat(as_of))
    return [f for f in evaluation.findings if f.code == code]


def evaluate_portfolio(tmp_path: Path, st: str, files: dict[str, str] | None = None,
                       as_of: str = "2025-01-01") -> Evaluation:
    """Write a portfolio to `tmp_path / "portfolio"` with `st` as its st.yaml and evaluate it."""
    root = write_profile_portfolio(tmp_path / "portfolio", st, files)
    return evaluate(root, dt.date.fromisoformat(as_of))


def found(evaluation: Evaluation, code: str, severity: Severity | None = None
          ) -> list[Finding]:
    """The findings of `evaluation` with `code` (and `severity`, when given)."""
    return [f for f in evaluation.findings
            if f.code == code and (severity is None or f.severity == severity)]


def key_line(root: Path, rel: str, key: str, nth: int = 0) -> int:
    """1-based line of the nth line in `root / rel` whose text (after `- `) starts with `key:`."""
    hits = [number for number, line in enumerate(
        (root / rel).read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip().removeprefix("- ").startswith(f"{key}:")]
    return hits[nth]


def line_containing(root: Path, rel: str, needle: str) -> int:
    """1-based line of the first line in `root / rel` that contains `needle`."""
    for number, text in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def assert_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; ST_UPDATE_GOLDEN=1 rewrites it instead."""
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path} missing: run with ST_UPDATE_GOLDEN=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=str(path), tofile="actual"))
        pytest.fail(f"output differs from {path.name} (ST_UPDATE_GOLDEN=1 to accept):\n{diff}")
