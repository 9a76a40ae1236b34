"""Shared test helpers: write small portfolios, run the CLI in-process, compare golden files."""

from __future__ import annotations

import difflib
import os
import textwrap
from pathlib import Path

import pytest

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
