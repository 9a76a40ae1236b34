"""The real pre-commit framework, in a real git repository, runs the `st-validate` hook.

pre-commit clones this repository at its current commit and installs st into its own
virtualenv (from PyPI: this needs the package index, as pre-commit always does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PROFILE, REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, text=True, capture_output=True, env=env,
                          check=check)


def _head_of_repo() -> str:
    result = _git(REPO, "rev-parse", "HEAD", check=False)
    if result.returncode != 0:
        pytest.skip("the st repository has no commit to install from")
    return result.stdout.strip()


def test_hook_refuses_broken_commit_and_accepts_good_one(tmp_path: Path) -> None:
    if not (REPO / ".pre-commit-hooks.yaml").exists():
        pytest.fail(".pre-commit-hooks.yaml is missing")
    # pre-commit installs from the committed tree: the hook manifest must be committed.
    if _git(REPO, "ls-files", ".pre-commit-hooks.yaml").stdout.strip() == "":
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    rev = _head_of_repo()
    portfolio = tmp_path / "portfolio"
    portfolio.mkdir()
    _git(portfolio, "init", "-q", "-b", "main")
    (portfolio / "st.yaml").write_text(MINIMAL_PROFILE, encoding="utf-8")
    (portfolio / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO.as_uri()}\n    rev: {rev}\n    hooks:\n"
        "      - id: st-validate\n        args: [--as-of, '2025-01-31']\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-cache"), "ST_LANG": "en"}
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=portfolio,
                             text=True, capture_output=True, env=env)
    assert install.returncode == 0, install.stderr

    def commit(message: str) -> subprocess.CompletedProcess[str]:
        _git(portfolio, "add", "-A")
        return subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-m",
             message],
            cwd=portfolio, text=True, capture_output=True, env=env, timeout=900)

    broken = portfolio / "supervision" / "2025.yaml"
    broken.parent.mkdir()
    broken.write_text("- date: 2025-01-14\n  minutes: 1:30\n  supervisor: anna\n",
                      encoding="utf-8")
    refused = commit("broken entry")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "supervision/2025.yaml:2:12: error D004" in output, output
    assert _git(portfolio, "rev-parse", "HEAD", check=False).returncode != 0  # nothing landed

    broken.write_text("- date: 2025-01-14\n  minutes: 90\n  supervisor: anna\n",
                      encoding="utf-8")
    accepted = commit("good entry")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "st validate" in accepted.stdout + accepted.stderr
