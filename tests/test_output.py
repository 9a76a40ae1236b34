"""`-o` into a folder that does not exist yet: created, as `mkdir -p` would."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from stcli.cli import app
from tests.conftest import SAMPLE

runner = CliRunner()


def test_report_output_creates_missing_parent_folders(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    target = root / "rapporter" / "2026" / "arsrapport.md"
    old = os.umask(0o022)
    try:
        result = runner.invoke(app, ["report", str(root), "--annual", "--as-of", "2026-05-01",
                                     "-o", str(target)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert target.is_file() and target.read_text(encoding="utf-8").startswith("#")
    assert target.stat().st_mode & 0o777 == 0o644


def test_report_output_under_a_file_is_refused_cleanly(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    (root / "rapporter").write_text("a file, not a folder", encoding="utf-8")
    result = runner.invoke(app, ["report", str(root), "--annual", "--as-of", "2026-05-01",
                                 "-o", str(root / "rapporter" / "arsrapport.md")])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
