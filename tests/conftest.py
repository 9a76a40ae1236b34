"""Shared test helpers: write small portfolios, run the CLI in-process, compare golden files."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from stcli.engine.evaluate import Evaluation, evaluate
from stcli.findings import Finding, Severity

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample-portfolio"
UPDATE_GOLDEN = bool(os.environ.get("ST_UPDATE_GOLDEN"))
# Under CI (`CI=true`, as .ci/run runs) every tool a test needs has been installed: a missing
# one is a failure there, not a skip that would hide untested code.
UNDER_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(reason: str) -> NoReturn:
    """Something a test needs is not there: skip saying why, or fail under CI."""
    if UNDER_CI:
        pytest.fail(f"{reason} (under CI this is a failure: .ci/run installs it)",
                    pytrace=False)
    pytest.skip(reason)


def requires(available: bool, reason: str) -> pytest.MarkDecorator:
    """Mark a test (or a module, as `pytestmark`) that needs a tool: see `missing`."""
    return pytest.mark.st_requires(available=available, reason=reason)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "st_requires(available, reason): needs a tool; "
                                       "skipped without it, failed under CI")


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("st_requires"):
        if not mark.kwargs["available"]:
            missing(mark.kwargs["reason"])


IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534  # the unprivileged uid and gid `nobody`/`nogroup` of Debian and most Linux


@functools.cache
def _unprivileged_prefix() -> tuple[str, ...] | str:
    """The command prefix that drops root to `nobody`, or why it cannot be done here."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return "running as root, and setpriv (util-linux) is not there to drop to a user"
    prefix = (setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")
    probe = subprocess.run([*prefix, sys.executable, "-c", "import stcli"],
                           capture_output=True, text=True, cwd="/")
    if probe.returncode != 0:
        return ("running as root, and the unprivileged user cannot run st from here "
                f"(the repository or the venv is not readable by uid {NOBODY}): "
                f"{probe.stderr.strip()[-300:]}")
    return prefix


def as_unprivileged(command: list[str]) -> list[str]:
    """`command` as run by a user without root's power to read every file: unchanged when
    the tests do not run as root, else under setpriv as `nobody` (see `missing` otherwise)."""
    if not IS_ROOT:
        return command
    prefix = _unprivileged_prefix()
    if isinstance(prefix, str):
        missing(prefix)
    return [*prefix, *command]


@pytest.fixture
def readable_tmp() -> Iterator[Path]:
    """A temporary folder every user may enter (pytest's tmp_path is root's own, mode 0700),
    for files an unprivileged `st` must read."""
    path = Path(tempfile.mkdtemp(prefix="st-test-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for folder, _, _ in os.walk(path):
            os.chmod(folder, 0o755)
        shutil.rmtree(path, ignore_errors=True)


def shared_dir() -> Path | None:
    """The project's shared folder (spec/, reference/, seeds/, forms/): `ST_SHARED_DIR`, or
    `../shared` next to the repository (as in the integration checkout and under CI), or
    /work/shared (where a worktree lives on this workplace)."""
    candidates = [os.environ.get("ST_SHARED_DIR"), REPO.parent / "shared",
                  REPO.parent.parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "spec").is_dir():
            return Path(candidate)
    return None


def spec_dir() -> Path | None:
    """The spec folder (rules.md, portfolio-format.md, cli.md): `ST_SPEC_DIR`, or the shared
    folder's spec/."""
    given = os.environ.get("ST_SPEC_DIR")
    if given and (Path(given) / "rules.md").is_file():
        return Path(given)
    shared = shared_dir()
    return shared / "spec" if shared and (shared / "spec" / "rules.md").is_file() else None

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


def no_rule_failed(evaluation: Evaluation) -> Evaluation:
    """A rule that raised is reported as `engine.rule_failed`, under its own code: a test
    that looks for a rule's findings (or for none) must not pass because the rule crashed."""
    failed = [f for f in evaluation.findings if f.message.key == "engine.rule_failed"]
    assert not failed, [(f.code, f.message.args) for f in failed]
    return evaluation


def findings_for(root: Path, as_of: str, code: str) -> list[Finding]:
    """Evaluate the portfolio at `root` on `as_of` and keep the findings with `code`."""
    evaluation = no_rule_failed(evaluate(root, dt.date.fromisoformat(as_of)))
    return [f for f in evaluation.findings if f.code == code]


def evaluate_portfolio(tmp_path: Path, st: str, files: dict[str, str] | None = None,
                       as_of: str = "2025-01-01") -> Evaluation:
    """Write a portfolio to `tmp_path / "portfolio"` with `st` as its st.yaml and evaluate it."""
    root = write_profile_portfolio(tmp_path / "portfolio", st, files)
    return evaluate(root, dt.date.fromisoformat(as_of))


def found(evaluation: Evaluation, code: str, severity: Severity | None = None
          ) -> list[Finding]:
    """The findings of `evaluation` with `code` (and `severity`, when given)."""
    no_rule_failed(evaluation)
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
