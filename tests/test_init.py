"""`st init`: a new portfolio from options or prompts, valid from the first minute, in git."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from stcli.cli import app, cmd_init
from stcli.load import load
from stcli.model import KINDS

runner = CliRunner()
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OPTIONS = ["--trainee", "Sara Lind", "--regulation", "HSLF-FS 2021:8", "--region",
           "gavleborg", "--start", "2024-09-01", "--home-unit", "Hälsocentralen Norr",
           "--supervisor-id", "anna", "--supervisor-name", "Anna Berg", "--yes"]


def _init(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["init", *args, "--lang", "en"], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    return result.exit_code, result.output


@needs_git
def test_init_from_options_is_valid_and_in_git(tmp_path: Path) -> None:
    root = tmp_path / "portfolj"
    code, output = _init(str(root), *OPTIONS)
    assert code == 0, output
    for kind in KINDS:
        assert (root / kind / ".gitkeep").is_file()
    assert (root / ".git").is_dir()
    status = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True,
                            text=True, check=True)
    assert "st.yaml" in status.stdout
    text = (root / "st.yaml").read_text(encoding="utf-8")
    assert "# Första dagen av ST-anställningen." in text
    profile = load(root).portfolio.profile
    assert profile is not None
    assert profile.value.trainee == "Sara Lind" and profile.value.region == "gavleborg"
    assert profile.value.supervisors[0].id == "anna"
    result = runner.invoke(app, ["validate", str(root), "--as-of", "2024-09-02",
                                 "--format", "json"])
    data = json.loads(result.stdout)
    assert data["counts"]["error"] == 0, data
    assert result.exit_code == 0


@needs_git
def test_written_files(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert _init(str(root), *OPTIONS)[0] == 0
    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = hooks["repos"][0]["hooks"][0]
    assert hooks["repos"][0]["repo"] == "local"
    assert hook["id"] == "st-validate" and hook["entry"] == "st validate"
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert "# repos:" in (root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./schemas/st.schema.json"] == ["st.yaml"]
    for kind in KINDS:
        assert (root / "schemas" / f"{kind}.schema.json").is_file()
        assert f"{kind}/**/*.yaml" in mapping[f"./schemas/{kind}.schema.json"]
    assert ".*.tmp" in (root / ".gitignore").read_text(encoding="utf-8")


@needs_git
def test_init_inside_a_repository_does_not_nest_one(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    root = tmp_path / "sub"
    assert _init(str(root), *OPTIONS)[0] == 0
    assert not (root / ".git").exists()


def test_refuses_an_existing_portfolio(tmp_path: Path) -> None:
    (tmp_path / "st.yaml").write_text("trainee: X\n", encoding="utf-8")
    code, output = _init(str(tmp_path), *OPTIONS)
    assert code == 2 and "does not overwrite" in output
    assert (tmp_path / "st.yaml").read_text(encoding="utf-8") == "trainee: X\n"


def test_missing_and_bad_options(tmp_path: Path) -> None:
    code, output = _init(str(tmp_path / "a"), "--yes", "--trainee", "T")
    assert code == 2 and "--home-unit" in output
    code, output = _init(str(tmp_path / "b"), *OPTIONS[:-1], "--start", "2024-13-01", "--yes")
    assert code == 2 and "2024-13-01" in output
    code, _ = _init(str(tmp_path / "c"), *OPTIONS, "--regulation", "HSLF 2021")
    assert code == 2
    assert not (tmp_path / "b" / "st.yaml").exists()


@needs_git
def test_prompts_with_defaults_and_validation(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cmd_init, "_interactive", lambda: True)
    root = tmp_path / "q"
    answers = "\n".join([
        "Sara Lind",            # trainee
        "",                     # regulation: default HSLF-FS 2021:8
        "uppsala", "vgr",       # region: invalid, then valid
        "1 sept", "2023-09-01",  # start: invalid, then valid
        "VC Norr",              # home unit
        "anna berg", "anna",    # supervisor id: invalid, then valid
        "Anna Berg",            # supervisor name
    ]) + "\n"
    code, output = _init(str(root), input=answers)
    assert code == 0, output
    profile = load(root).portfolio.profile
    assert profile is not None
    value = profile.value
    assert (value.regulation, value.region, value.start.isoformat()) == (
        "HSLF-FS 2021:8", "vgr", "2023-09-01")
    assert value.supervisors[0].name == "Anna Berg"


def test_sosfs_profile_loads(tmp_path: Path) -> None:
    root = tmp_path / "s"
    args = [a if a != "HSLF-FS 2021:8" else "SOSFS 2015:8" for a in OPTIONS]
    code, output = _init(str(root), *args)
    assert code == 0, output
    result = load(root)
    assert result.portfolio.profile is not None and not result.findings


def test_completion() -> None:
    assert cmd_init.complete_regulation("sos") == ["SOSFS 2015:8"]
    assert cmd_init.complete_region("v") == ["vgr", "vastmanland"]


@needs_git
def test_options_take_swedish_spellings_and_explain_errors(tmp_path: Path) -> None:
    args = [a if a != "gavleborg" else "Gävleborg" for a in OPTIONS]
    code, output = _init(str(tmp_path / "a"), *args)
    assert code == 0, output
    text = (tmp_path / "a" / "st.yaml").read_text(encoding="utf-8")
    assert "region: gavleborg\n" in text
    assert "language: en\n" in text  # chosen with --lang at the start, kept
    code, output = _init(str(tmp_path / "b"), *OPTIONS[:-1], "--start", "2025-09-31", "--yes")
    assert code == 2
    assert "the date `2025-09-31` does not exist: write dates as" in output
    code, output = _init(str(tmp_path / "c"), *OPTIONS[:-1], "--supervisor-id", "anna berg",
                         "--yes")
    assert code == 2 and "only letters a-z, digits" in output


@needs_git
def test_supervisor_is_optional(tmp_path: Path) -> None:
    args = [*OPTIONS[:OPTIONS.index("--supervisor-id")], "--yes"]
    code, output = _init(str(tmp_path / "p"), *args)
    assert code == 0, output
    assert "st add supervisor" in output
    profile = load(tmp_path / "p").portfolio.profile
    assert profile is not None and profile.value.supervisors == []
