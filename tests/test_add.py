"""`st add KIND`: options from FIELDS, the loader's errors, appending byte-for-byte, atomicity."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    code, _, err = _add(portfolio, "leave", "--kind", "ledigt", "--start",
                        "2025-02-01", "--end", "2025-03-01")
    assert code == 1 and "`ledigt` is not a known value" in err
    assert not (portfolio / "leave").exists()
    # what was typed is shown, so nothing need be typed again
    assert "- kind: ledigt\n    start: 2025-02-01\n    end: 2025-03-01" in err


def test_swedish_spellings_are_written_canonical(portfolio: Path) -> None:
    code, _, err = _add(portfolio, "leave", "--kind", "Föräldraledighet", "--start",
                        "2025-02-01", "--end", "2025-03-01", "--counts", "nej",
                        "--percent", "50,5")
    assert code == 0, err
    assert (portfolio / "leave/2025.yaml").read_text() == (
        "- kind: foraldraledighet\n  start: 2025-02-01\n  end: 2025-03-01\n  percent: 50.5\n"
        "  counts: false\n")
    code, _, err = _add(portfolio, "assessment", "--date", "2025-02-03", "--method", "Mini-CEX",
                        "--assessor", "anna")
    assert code == 0, err
    assert "method: mini-cex\n" in (portfolio / "assessments/2025.yaml").read_text()
    code, _, err = _add(portfolio, "placement", "--type", "vårdcentral", "--specialty",
                        "Allmänmedicin", "--unit", "VC", "--start", "2025-01-01", "--end",
                        "2025-06-30")
    assert code == 0, err
    text = (portfolio / "placements/2025.yaml").read_text()
    assert "type: vardcentral\n" in text and "specialty: allmanmedicin\n" in text


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
    """With some fields given, only the missing required ones are asked."""
    monkeypatch.setattr(cmd_add, "_interactive", lambda: True)
    result = runner.invoke(app, ["add", "assessment", str(portfolio), "--as-of", "2025-06-01",
                                 "--focus", "KOL"], input="2025-02-10\nMini-CEX\n")
    assert result.exit_code == 0, result.output
    assert load(portfolio).portfolio.assessments[0].value.method == "mini-cex"
    assert "Assessor" not in result.output and "Bedömare" not in result.output


def test_completion() -> None:
    assert cmd_add.complete_kind("pl") == ["placement", "placements"]
    assert cmd_add.complete_kind("") == list(cmd_add.KIND_WORDS)
    ctx = typer.Context(typer.main.get_command(app))
    assert cmd_add.completer("leave", "f_kind")(ctx, "fo") == ["foraldraledighet"]
    assert "iup-revision" in cmd_add.completer("milestones", "f_kind")(ctx, "iup")
    assert "foraldraledighet" not in cmd_add.completer("milestones", "f_kind")(ctx, "")
    assert cmd_add.completer("assessments", "f_method")(ctx, "mini") == ["mini-cex"]
    assert cmd_add.completer("placements", "f_specialty")(ctx, "psyk") == ["psykiatri"]
    assert cmd_add.completer("supervisor", "f_role")(ctx, "") == ["main", "co", "scientific",
                                                                  "side"]


def _complete(words: str, cwd: Path) -> list[str]:
    """What the shell completion of the installed `st` offers for the line `words`."""
    env = {**os.environ, "_ST_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    script = Path(sys.executable).with_name("st")
    if not script.exists():
        pytest.skip("the `st` script is not installed next to this Python")
    result = subprocess.run([str(script)], env=env, cwd=cwd,
                            capture_output=True, text=True, timeout=120, check=True)
    return result.stdout.split()


def test_shell_completion_is_per_kind(portfolio: Path) -> None:
    options = _complete("st add supervision --", portfolio)
    assert "--minutes" in options and "--form" in options
    assert "--method" not in options and "--funding-approved" not in options
    assert _complete("st add supervision --form ", portfolio) == [
        "individual", "group", "distance", "bedside"]
    assert _complete("st add supervision --supervisor ", portfolio)[0] == "anna"
    assert _complete("st validate --lang ", portfolio) == ["sv", "en"]


def test_help_shows_only_the_kinds_fields_in_the_output_language(portfolio: Path) -> None:
    result = runner.invoke(app, ["add", "supervision", "--help"], env={"ST_LANG": "sv"})
    assert result.exit_code == 0
    assert "Minuter (heltal) [krävs]" in result.stdout
    assert "Form (individual | group | distance | bedside)" in result.stdout
    assert "--method" not in result.stdout and "--funding-approved" not in result.stdout
    en = subprocess.run([sys.executable, "-m", "stcli", "add", "supervision", "--help",
                         "--lang", "en"], capture_output=True, text=True, timeout=120,
                        cwd=portfolio)
    assert "Minutes (whole number) [required]" in en.stdout, en.stdout + en.stderr
    assert "Add a supervision session" in en.stdout


def test_lang_accepts_only_sv_and_en(portfolio: Path) -> None:
    for command in (["validate"], ["status"], ["add", "supervision"]):
        result = runner.invoke(app, [*command, str(portfolio), "--lang", "de"])
        assert result.exit_code == 2, command
        assert "`de`" in result.stderr
    assert runner.invoke(app, ["validate", str(portfolio), "--lang", "EN"]).exit_code in (0, 1)


# --- st add supervisor: into st.yaml, every other byte kept -----------------------------------

PROFILE_HEAD = """\
# min portfölj
trainee: Test Testsson
regulation: HSLF-FS 2021:8
start: 2024-09-01
home_unit: Vårdcentralen Test
"""


@pytest.mark.parametrize(("supervisors", "expected"), [
    ("supervisors: []   # fylls i senare\nlanguage: sv\n",
     "supervisors:  # fylls i senare\n  - id: bo\n    name: Bo Ek\nlanguage: sv\n"),
    ("supervisors:\nlanguage: sv\n",
     "supervisors:\n  - id: bo\n    name: Bo Ek\nlanguage: sv\n"),
    ("language: sv\n",
     "language: sv\nsupervisors:\n  - id: bo\n    name: Bo Ek\n"),
    ("supervisors:\n- id: anna   # huvudhandledare\n  name: Anna Berg\n  role: main\n"
     "# kommentar efter listan\nlanguage: sv\n",
     "supervisors:\n- id: anna   # huvudhandledare\n  name: Anna Berg\n  role: main\n"
     "- id: bo\n  name: Bo Ek\n# kommentar efter listan\nlanguage: sv\n"),
    ("supervisors:\n    -   id: anna\n        name: Anna Berg\n",
     "supervisors:\n    -   id: anna\n        name: Anna Berg\n    - id: bo\n      name: Bo Ek\n"),
])
def test_supervisor_goes_into_st_yaml_keeping_the_rest(tmp_path: Path, supervisors: str,
                                                       expected: str) -> None:
    root = write_portfolio(tmp_path / "p", {}, PROFILE_HEAD + supervisors)
    code, out, err = _add(root, "supervisor", "--id", "bo", "--name", "Bo Ek")
    assert "line" in out
    assert code == 0, err
    assert (root / "st.yaml").read_text(encoding="utf-8") == PROFILE_HEAD + expected
    profile = load(root).portfolio.profile
    assert profile is not None and profile.value.supervisors[-1].name == "Bo Ek"


def test_supervisor_with_crlf_and_a_taken_id(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {})
    st_yaml = root / "st.yaml"
    st_yaml.write_bytes(st_yaml.read_bytes().replace(b"\n", b"\r\n"))
    old = st_yaml.read_bytes()
    code, _, err = _add(root, "supervisor", "--id", "anna", "--name", "Anna Två")
    assert code == 1 and "`anna` is in st.yaml already" in err
    assert st_yaml.read_bytes() == old
    code, _, err = _add(root, "supervisor", "--id", "bo", "--name", "Bo", "--role", "Co",
                        "--training", "2019")
    assert code == 0, err
    assert st_yaml.read_bytes() == old + b"  - id: bo\r\n    name: Bo\r\n    role: co\r\n" \
        b"    training: 2019\r\n"


def test_supervisor_in_a_flow_list_is_refused(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {}, PROFILE_HEAD + "supervisors: [{id: a, name: A}]\n")
    old = (root / "st.yaml").read_bytes()
    code, _, err = _add(root, "supervisor", "--id", "bo", "--name", "Bo")
    assert code == 2 and "[ ]" in err
    assert (root / "st.yaml").read_bytes() == old


# --- drafts ------------------------------------------------------------------------------------


def test_draft_is_a_comment_that_reads_back_as_before(portfolio: Path) -> None:
    target = portfolio / "supervision/2025.yaml"
    old = target.read_bytes()
    before = load(portfolio).portfolio.supervision
    plan = write.plan_draft(portfolio, "supervision", target,
                            ["date: 14/1 2025", "minutes: 1:30"], ["UTKAST", "  fel"])
    write.atomic_write(plan.path, plan.new)
    new = target.read_bytes()
    assert new.startswith(old)
    assert new[len(old):] == b"\n# UTKAST\n#   fel\n# - date: 14/1 2025\n#   minutes: 1:30\n"
    assert len(load(portfolio).portfolio.supervision) == len(before)
    lines = new.decode().splitlines()
    assert lines[plan.first_line - 1] == "# UTKAST"


# --- file modes --------------------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write.atomic_write(tmp_path / "new.yaml", b"- a\n")
        assert (tmp_path / "new.yaml").stat().st_mode & 0o777 == mode
        (tmp_path / "kept.yaml").write_bytes(b"")
        os.chmod(tmp_path / "kept.yaml", 0o640)
        write.atomic_write(tmp_path / "kept.yaml", b"x")  # an existing file keeps its mode
        assert (tmp_path / "kept.yaml").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_entry_and_init_files_are_0644_with_umask_022(portfolio: Path) -> None:
    old = os.umask(0o022)
    try:
        code, _, err = _add(portfolio, "course", "--title", "K", "--start", "2025-03-10",
                            "--end", "2025-03-12")
        assert code == 0, err
    finally:
        os.umask(old)
    assert (portfolio / "courses/2025.yaml").stat().st_mode & 0o777 == 0o644
