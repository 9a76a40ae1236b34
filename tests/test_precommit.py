"""The real pre-commit framework runs the `st-validate` hook that `st init` configures.

As a user's portfolio would: `st init --hook-repo <a clone of this project> --hook-rev <its
commit>` writes the config, pre-commit builds st from the clone into an environment of its
own (`language: python` in .pre-commit-hooks.yaml), and git commits with no `st` on PATH
(a GUI git client, another shell). Building that environment fetches st's dependencies from
the package index, as pre-commit always does; without the index the test says so (and fails
under CI, where the index is reachable).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, missing, requires

pytestmark = requires(shutil.which("git") is not None, "git is not installed")
# Generous: pre-commit creates a virtualenv and pip-installs st and its dependencies.
HANG_GUARD_S = 1200
IDENTITY = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
# What pip says when the package index cannot be reached (then this test cannot run).
OFFLINE = ("Temporary failure in name resolution", "Failed to establish a new connection",
           "Network is unreachable")


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, cwd=cwd, env=env, text=True, capture_output=True,
                              timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(command)} did not end within {HANG_GUARD_S} s (a hang?)")


def _path_without_st() -> str:
    """PATH less every folder that holds an `st` (the venv's bin among them)."""
    keep = [folder for folder in os.environ.get("PATH", "").split(os.pathsep)
            if folder and not (Path(folder) / "st").exists()]
    return os.pathsep.join(keep)


def test_hook_from_a_clone_refuses_a_broken_entry_without_st_on_path(tmp_path: Path) -> None:
    env = {**os.environ, **IDENTITY, "PATH": _path_without_st(), "ST_LANG": "en",
           "NO_COLOR": "1", "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
           "PRE_COMMIT_COLOR": "never"}
    assert shutil.which("st", path=env["PATH"]) is None
    if shutil.which("git", path=env["PATH"]) is None:
        missing("git is only in a folder that also holds `st`")

    # A local clone of this project, at a commit: what pre-commit fetches.
    if _run(["git", "rev-parse", "HEAD"], REPO, env).returncode != 0:
        missing("this checkout of st is no git repository with a commit to install from")
    clone = tmp_path / "st-clone"
    cloned = _run(["git", "clone", "-q", "--no-hardlinks", str(REPO), str(clone)], tmp_path, env)
    assert cloned.returncode == 0, cloned.stderr
    rev = _run(["git", "rev-parse", "HEAD"], clone, env).stdout.strip()
    assert (clone / ".pre-commit-hooks.yaml").is_file(), "the hook manifest is not committed"

    # The portfolio, as `st init` makes it, pointing the hook at the clone.
    start = dt.date.today() - dt.timedelta(days=30)
    portfolio = tmp_path / "portfolio"
    init = _run([sys.executable, "-m", "stcli", "init", str(portfolio), "--yes",
                 "--trainee", "Test Testsson", "--regulation", "HSLF-FS 2021:8",
                 "--start", start.isoformat(), "--home-unit", "Vårdcentralen Test",
                 "--supervisor-id", "anna", "--supervisor-name", "Anna Berg",
                 "--hook-repo", str(clone), "--hook-rev", rev], tmp_path, env)
    assert init.returncode == 0, init.stdout + init.stderr
    assert f"rev: {rev}" in (portfolio / ".pre-commit-config.yaml").read_text(encoding="utf-8")

    pre_commit = [sys.executable, "-m", "pre_commit"]
    installed = _run([*pre_commit, "install"], portfolio, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    built = _run([*pre_commit, "install-hooks"], portfolio, env)
    if built.returncode != 0 and any(word in built.stdout + built.stderr for word in OFFLINE):
        missing("pre-commit cannot build st's environment: the package index is not "
                f"reachable ({(built.stdout + built.stderr).strip()[-300:]})")
    assert built.returncode == 0, built.stdout + built.stderr

    def commit(message: str) -> subprocess.CompletedProcess[str]:
        assert _run(["git", "add", "-A"], portfolio, env).returncode == 0
        return _run(["git", "commit", "-m", message], portfolio, env)

    session = (start + dt.timedelta(days=7)).isoformat()
    broken = portfolio / "supervision" / "first.yaml"
    broken.write_text(f"- date: {session}\n  minutes: 1:30\n  supervisor: anna\n",
                      encoding="utf-8")
    refused = commit("broken entry")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "supervision/first.yaml:2:12: error D004" in output, output
    assert _run(["git", "rev-parse", "HEAD"], portfolio, env).returncode != 0  # nothing landed

    broken.write_text(f"- date: {session}\n  minutes: 90\n  supervisor: anna\n",
                      encoding="utf-8")
    accepted = commit("good entry")
    output = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, output
    assert "st validate" in output and "Passed" in output, output
