"""`st add KIND`: options from FIELDS, the loader's errors, appending byte-for-byte, atomicity."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from stcli import write
from stcli.cli import app, cmd_add
from stcli.load import load
from stcli.model import KINDS
from tests.conftest import SAMPLE, write_portfolio

runner = CliRunner()

SUPERVISION = """\
# Handledning 2025: kommentar överst
- date: 2025-01-08   # onsdag
  minutes: 60
  supervisor: anna
  topics: ['no', "citat"]

# ett tomt avsnitt och en kommentar mellan posterna
- date: 2025-01-15
  minutes: 90
  notes: >-
    lång text
    över två rader
# sista kommentaren
"""


def _add(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["add", *args, str(root), "--as-of", "2025-06-01",
                                 "--lang", "en"])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    return write_portfolio(tmp_path / "p", {"supervision/2025.yaml": SUPERVISION})


def test_every_field_has_one_option() -> None:
    options = write.field_options()
    names = [o.option for o in options]
    assert len(names) == len(set(names))
    for expected in ("--date", "--minutes", "--funding-approved", "--planning-form-sent",
                     "--supervisor-name", "--homecoming-days", "--st-year", "--kind"):
        assert expected in names
    for kind in KINDS:
        assert write.options_of(kind)


def test_append_keeps_every_byte(portfolio: Path) -> None:
    target = portfolio / "supervision/2025.yaml"
    old = target.read_bytes()
    code, _, err = _add(portfolio, "supervision", "--date", "2025-01-22", "--minutes", "45",
                        "--topics", "multisjuklighet, IUP-uppföljning", "--notes", "no")
    assert code == 0, err
    new = target.read_bytes()
    assert new.startswith(old)
    added = new[len(old):].decode()
    assert added == ("- date: 2025-01-22\n  minutes: 45\n  supervisor: anna\n"
                     "  topics: [multisjuklighet, IUP-uppföljning]\n  notes: \"no\"\n")
    entries = load(portfolio).portfolio.supervision
    assert len(entries) == 3
    last = entries[-1].value
    assert last.notes == "no" and last.minutes == 45 and last.supervisor == "anna"


def test_indented_list_and_crlf(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {})
    path = root / "milestones" / "m.yaml"
    path.parent.mkdir()
    old = b"\xef\xbb\xbf# bom\r\n  - kind: iup\r\n    date: 2024-10-01\r\n"
    path.write_bytes(old)
    code, _, err = _add(root, "milestone", "--kind", "st-kontrakt", "--date", "2024-11-01",
                        "--file", "milestones/m.yaml")
    assert code == 0, err
    new = path.read_bytes()
    assert new == old + b"  - kind: st-kontrakt\r\n    date: 2024-11-01\r\n"
    assert len(load(root).portfolio.milestones) == 2


def test_new_file_is_created_by_the_entry_year(portfolio: Path) -> None:
    code, _, err = _add(portfolio, "courses", "--title", "Konsultationskurs", "--start",
                        "2025-03-10", "--end", "2025-03-12", "--funding-approved",
                        "2025-01-05", "--delmal", "STb1")
    assert code == 0, err
    text = (portfolio / "courses/2025.yaml").read_text()
    assert "funding:\n    approved: 2025-01-05\n" in text
    assert load(portfolio).portfolio.courses[0].value.funding.approved.isoformat() == (
        "2025-01-05")


def test_loader_errors_stop_the_write(portfolio: Path) -> None:
    before = (portfolio / "supervision/2025.yaml").read_bytes()
    code, _, err = _add(portfolio, "supervision", "--date", "2025-01-22", "--minutes", "1:30")
    assert code == 1
    assert "D004" in err and "1:30" in err and "supervision/2025.yaml:" in err
    assert (portfolio / "supervision/2025.yaml").read_bytes() == before
    code, _, err = _add(portfolio, "leave", "--kind", "föräldraledighet", "--start",
                        "2025-02-01", "--end", "2025-03-01")
    assert code == 1 and "foraldraledighet" in err
    assert not (portfolio / "leave").exists()


def test_rule_errors_the_portfolio_would_gain_stop_the_write(portfolio: Path) -> None:
    code, _, err = _add(portfolio, "course", "--title", "K", "--start", "2025-03-12",
                        "--end", "2025-03-10")
    assert code == 1 and "D006" in err
    assert not (portfolio / "courses").exists()
    code, _, err = _add(portfolio, "supervision", "--date", "2025-01-22", "--minutes", "30",
                        "--supervisor", "okand")
    assert code == 1 and "D008" in err


def test_dry_run_prints_and_writes_nothing(portfolio: Path) -> None:
    before = (portfolio / "supervision/2025.yaml").read_bytes()
    code, out, err = _add(portfolio, "supervision", "--date", "2025-01-22", "--minutes", "30",
                          "--dry-run")
    assert code == 0, err
    assert out == "- date: 2025-01-22\n  minutes: 30\n  supervisor: anna\n"
    assert (portfolio / "supervision/2025.yaml").read_bytes() == before


def test_wrong_option_and_kind(portfolio: Path) -> None:
    assert _add(portfolio, "leave", "--minutes", "3")[0] == 2
    assert _add(portfolio, "holiday")[0] == 2


def test_single_mapping_file_gets_a_sibling(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"courses/2025.yaml": """\
        title: A
        start: 2025-01-01
        end: 2025-01-02
        """})
    old = (root / "courses/2025.yaml").read_bytes()
    code, _, err = _add(root, "course", "--title", "B", "--start", "2025-02-01", "--end",
                        "2025-02-02")
    assert code == 0, err
    assert (root / "courses/2025.yaml").read_bytes() == old
    assert (root / "courses/2025-2.yaml").is_file()
    code, _, _ = _add(root, "course", "--title", "C", "--start", "2025-02-01", "--end",
                      "2025-02-02", "--file", "courses/2025.yaml")
    assert code == 2


def test_sample_portfolio_all_kinds(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    cases = [
        ("placement", "--type", "auskultation", "--specialty", "dermatologi", "--unit", "Hud",
         "--start", "2025-05-05", "--end", "2025-05-06", "--supervisor-name", "Eva Hud",
         "--supervisor-specialty", "dermatologi"),
        ("assessment", "--date", "2025-05-07", "--method", "dops", "--assessor", "maria"),
        ("activity", "--kind", "seminarium", "--date", "2025-05-08", "--title", "Etik"),
        ("milestones", "--kind", "iup-revision", "--date", "2025-05-09"),
    ]
    for args in cases:
        result = runner.invoke(app, ["add", *args, str(root), "--as-of", "2025-06-01"])
        assert result.exit_code == 0, (args, result.stderr)
    portfolio = load(root).portfolio
    assert any(p.value.supervisor is not None and getattr(p.value.supervisor, "name", "")
               == "Eva Hud" for p in portfolio.placements)


def test_interrupted_write_leaves_the_old_file(portfolio: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = portfolio / "supervision/2025.yaml"
    before = target.read_bytes()

    def crash(fd: int) -> None:
        raise OSError(5, "simulated power loss")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        write.atomic_write(target, before + b"- date: 2025-02-01\n  min")
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["2025.yaml"]
    code, _, _ = _add(portfolio, "supervision", "--date", "2025-01-22", "--minutes", "30")
    assert code == 2
    assert target.read_bytes() == before


def test_prompts_for_missing_required_fields(portfolio: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cmd_add, "_interactive", lambda: True)
    result = runner.invoke(app, ["add", "assessment", str(portfolio), "--as-of", "2025-06-01"],
                           input="2025-02-10\nmini-cex\n")
    assert result.exit_code == 0, result.output
    assert load(portfolio).portfolio.assessments[0].value.method == "mini-cex"


def test_completion() -> None:
    assert cmd_add.complete_kind("pl") == ["placement", "placements"]
    assert cmd_add.complete_kind("") == list(cmd_add.KIND_WORDS)
    ctx = typer.Context(typer.main.get_command(app))
    ctx.params = {"entry_kind": "leave"}
    complete = cmd_add.completer("f_kind")
    assert complete(ctx, "fo") == ["foraldraledighet"]
    ctx.params = {"entry_kind": "milestone"}
    assert "iup-revision" in complete(ctx, "iup")
    assert "foraldraledighet" not in complete(ctx, "")
    assert cmd_add.completer("f_method")(ctx, "mini") == ["mini-cex"]
    assert cmd_add.completer("f_specialty")(ctx, "psyk") == ["psykiatri"]
