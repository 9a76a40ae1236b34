"""Write safety (issue 16): nothing lost, nothing outside the portfolio touched.

Concurrent writers with different temporary folders, kill loops, a concurrent editor's
save, links, owner/group/mode, keep-chomping blocks, atomic `-o` output, a full disk,
dropped privileges; bounded work (D009 sweep, the total budget, long numbers); one reader
(validate and add agree; merge keys; JSON always UTF-8).

Kill loops and concurrent runs are small (a loaded 2-core machine) and never timed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from stcli import fileio, load, write
from stcli.cli import app
from stcli.engine.evaluate import evaluate
from tests.conftest import MINIMAL_PROFILE, write_portfolio

runner = CliRunner()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ONE = "- date: 2025-01-08\n  minutes: 60\n  supervisor: anna\n"


def _st(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
        as_uid_1000: bool = False) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_COLOR": "1", "ST_LANG": "en", **(env or {})}
    prefix = AS_UID_1000 if as_uid_1000 else []
    proc = subprocess.run([*prefix, sys.executable, "-m", "stcli", *args],
                          capture_output=True, text=True, cwd=cwd, env=environment,
                          timeout=180)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-3000:]
    return proc


def _add(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["add", "supervision", str(root), "--minutes", "60",
                                 "--as-of", "2025-06-01", "--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    return result.exit_code, result.stdout, result.stderr


def _entries(path: Path) -> list[object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    assert isinstance(data, list)
    return data


def _temporaries(root: Path) -> list[str]:
    return [p.name for p in root.rglob("*") if p.name.endswith(".tmp")]


# --- 1. the lock in the portfolio, compare-and-swap ---------------------------------------------


def test_writers_with_different_tmpdirs_lose_nothing(tmp_path: Path) -> None:
    """The audit lost 45 of 100 entries: each writer had its own TMPDIR, hence its own lock."""
    root = write_portfolio(tmp_path / "p", {})
    writers, adds = 3, 2
    script = ("import subprocess, sys\n"
              "for day in sys.argv[2:]:\n"
              "    r = subprocess.run([sys.executable, '-m', 'stcli', 'add', 'supervision',"
              " sys.argv[1], '--date', day, '--minutes', '60', '--as-of', '2025-12-31'],"
              " capture_output=True, text=True)\n"
              "    print(r.returncode, 'Traceback' in r.stderr)\n")
    procs = []
    for writer in range(writers):
        tmp = tmp_path / f"tmp{writer}"
        tmp.mkdir()
        days = [f"2025-{month + 1:02d}-{writer + 10}" for month in range(adds)]
        procs.append(subprocess.Popen(
            [sys.executable, "-c", script, str(root), *days], text=True,
            stdout=subprocess.PIPE, env={**os.environ, "TMPDIR": str(tmp), "ST_LANG": "en"}))
    outcomes = [line for proc in procs for line in proc.communicate(timeout=600)[0].split("\n")
                if line]
    assert outcomes == ["0 False"] * (writers * adds)
    assert len(_entries(root / "supervision/2025.yaml")) == writers * adds
    assert (root / ".st/lock").exists() and (root / ".st/.gitignore").read_text().endswith("*\n")
    left = [p.name for w in range(writers) for p in (tmp_path / f"tmp{w}").iterdir()]
    assert left == []  # nothing copied there


def test_kill_loop_with_different_tmpdirs(tmp_path: Path) -> None:
    """SIGTERM, SIGHUP and SIGINT at moments spread over runs: no temporary file left, the
    file always readable, every entry of a successful run kept."""
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": ONE})
    target = root / "supervision/2025.yaml"
    rnd = random.Random(16)
    succeeded = 0
    signals = [signal.SIGTERM, signal.SIGHUP, signal.SIGINT]
    for attempt in range(6):
        tmp = tmp_path / f"tmp{attempt % 3}"
        tmp.mkdir(exist_ok=True)
        before = len(_entries(target))
        proc = subprocess.Popen(
            [sys.executable, "-m", "stcli", "add", "supervision", str(root), "--date",
             f"2025-02-{attempt + 1:02d}", "--minutes", "60", "--as-of", "2025-12-31"],
            env={**os.environ, "TMPDIR": str(tmp)}, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        time.sleep(rnd.uniform(0.2, 1.5))  # spreads the signal over the run; nothing timed
        if proc.poll() is None:
            proc.send_signal(signals[attempt % 3])
        _, err = proc.communicate(timeout=120)
        # (Ctrl-C while Python itself starts up prints its KeyboardInterrupt traceback)
        assert "Traceback" not in err or "KeyboardInterrupt" in err, err
        after = len(_entries(target))
        assert after in (before, before + 1)
        succeeded += proc.returncode == 0
        assert _temporaries(root) == []
    assert len(_entries(target)) >= 1 + succeeded
    assert all(not any(p.iterdir()) for p in tmp_path.glob("tmp*"))


def test_a_catchable_signal_during_the_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM arriving while the temporary file exists is held back until it is renamed."""
    target = tmp_path / "f.yaml"
    target.write_bytes(b"old\n")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        real_fsync = os.fsync

        def fsync_then_signal(fd: int) -> None:
            real_fsync(fd)
            os.kill(os.getpid(), signal.SIGTERM)  # delivered at the end of the write

        os.fsync = fsync_then_signal  # type: ignore[assignment]
        try:
            fileio.atomic_write(target, b"new\n")
        finally:
            os._exit(3)  # reached only if SIGTERM was lost
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM
    assert target.read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yaml"]


def test_a_sigkill_leftover_is_removed_by_the_next_add(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": ONE})
    stale = root / "supervision/.2025.yaml.0badf00d.tmp"
    stale.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    code, _, err = _add(root, "--date", "2025-02-01")
    assert code == 0, err
    assert not stale.exists()


def test_a_concurrent_editor_save_is_never_overwritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor saves while every check of st add runs (the one under the lock too):
    st add plans again where it can, and never renames its version over a change."""
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": ONE})
    target = root / "supervision/2025.yaml"
    original = write.gained_findings
    saves: list[str] = []

    def save_meanwhile(*args: object, **kwargs: object) -> object:
        result = original(*args, **kwargs)  # type: ignore[arg-type]
        saves.append(ONE + f"- date: 2025-01-{len(saves) + 10}\n  minutes: 30\n"
                     "  supervisor: anna\n")
        target.write_text(saves[-1], encoding="utf-8")  # the editor saves meanwhile
        return result

    monkeypatch.setattr(write, "gained_findings", save_meanwhile)
    code, _, err = _add(root, "--date", "2025-02-01")
    assert code == 2 and "was changed by someone else" in err
    assert target.read_text(encoding="utf-8") == saves[-1]
    # a file that appears meanwhile (git checkout) is not replaced either
    new = root / "supervision/2026.yaml"

    def create_meanwhile(*args: object, **kwargs: object) -> object:
        result = original(*args, **kwargs)  # type: ignore[arg-type]
        saves.append(ONE + f"# save {len(saves)}\n")
        new.write_text(saves[-1], encoding="utf-8")
        return result

    monkeypatch.setattr(write, "gained_findings", create_meanwhile)
    code, _, err = _add(root, "--date", "2026-02-01")
    assert code == 2 and "was changed by someone else" in err
    assert new.read_text(encoding="utf-8") == saves[-1]
    assert _temporaries(root) == []


def test_no_copy_of_the_repository_fifo_and_large_files(tmp_path: Path) -> None:
    """The audit: a FIFO gave a shutil.Error traceback, a 2 GB file took 2 GB of /tmp."""
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": ONE})
    os.mkfifo(root / "pipe")
    os.mkfifo(root / "supervision" / "pipe.yaml")
    with open(root / "big.bin", "wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: costs no disk, a copy would
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    proc = _st("add", "supervision", str(root), "--date", "2025-02-01", "--minutes", "60",
               "--as-of", "2025-06-01", env={"TMPDIR": str(scratch)})
    assert proc.returncode == 0, proc.stderr
    assert len(_entries(root / "supervision/2025.yaml")) == 2
    assert list(scratch.iterdir()) == []


# --- 1. links, owner, mode, bytes --------------------------------------------------------------


def test_a_link_inside_is_written_through_one_outside_refused(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"data/s.yaml": ONE})
    link = root / "supervision/2025.yaml"
    link.parent.mkdir()
    link.symlink_to(Path("../data/s.yaml"))
    code, _, err = _add(root, "--date", "2025-02-01")
    assert code == 0, err
    assert link.is_symlink() and len(_entries(root / "data/s.yaml")) == 2

    outside = tmp_path / "outside.yaml"
    outside.write_text(ONE, encoding="utf-8")
    link.unlink()
    link.symlink_to(outside)
    code, _, err = _add(root, "--date", "2025-02-02")
    assert code == 2 and "leads outside the portfolio" in err
    assert outside.read_text(encoding="utf-8") == ONE


def test_symlinked_kind_folders_add_and_validate_agree(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"data/sup/.keep": ""})
    (root / "supervision").symlink_to(Path("data/sup"), target_is_directory=True)
    code, _, err = _add(root, "--date", "2025-02-01")
    assert code == 0, err
    assert len(evaluate(root, dt.date(2025, 6, 1)).portfolio.supervision) == 1
    assert (root / "data/sup/2025.yaml").is_file()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "supervision").unlink()
    (root / "supervision").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = _add(root, "--date", "2025-02-02")
    assert code == 2 and "leads outside the portfolio" in err
    assert list(elsewhere.iterdir()) == []
    assert any(f.code == "D012" for f in evaluate(root, dt.date(2025, 6, 1)).findings)


@pytest.mark.skipif(not IS_ROOT, reason="changing a file's owner needs root")
def test_owner_group_and_mode_are_kept(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": ONE})
    target = root / "supervision/2025.yaml"
    os.chown(target, 1000, 1000)
    os.chown(target.parent, 1000, 1000)
    target.chmod(0o640)
    code, _, err = _add(root, "--date", "2025-02-01")  # as root, like `sudo st add`
    assert code == 0, err
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1000, 1000, 0o640)
    previous = os.umask(0o027)
    try:
        code, _, err = _add(root, "--date", "2026-02-01")
    finally:
        os.umask(previous)
    assert code == 0, err
    info = (root / "supervision/2026.yaml").stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1000, 1000, 0o640)


def test_keep_chomping_blocks_keep_their_newlines(tmp_path: Path) -> None:
    text = (ONE + "  notes: |+\n    rad\n\n\n"
            "- date: 2025-01-09\n  minutes: 60\n  supervisor: anna\n  notes: |+\n    rad\n\n")
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": text})
    target = root / "supervision/2025.yaml"
    before = target.read_bytes()
    code, _, err = _add(root, "--date", "2025-02-01")
    assert code == 0, err
    after = target.read_bytes()
    assert after.startswith(before)
    old, new = _entries(target)[:2], yaml.safe_load(before)
    assert old == new and len(_entries(target)) == 3


def test_crash_fixes_impossible_date_and_huge_integer(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {
        "supervision/2025.yaml": ONE + "  notes: 2025-04-31\n"})
    code, _, err = _add(root, "--date", "2025-02-01")
    assert code == 0, err
    digits = "1" * 4301
    root = write_portfolio(tmp_path / "q", {
        "supervision/2025.yaml": f"- date: 2025-01-08\n  minutes: {digits}\n"
                                 "  supervisor: anna\n",
        "pack.yaml": f"rules:\n  H001:\n    params: {{max_gap_days: {digits}}}\n"},
        profile=MINIMAL_PROFILE + f"packs: [pack.yaml]\nx_big: {digits}\n")
    proc = _st("validate", str(root), "--as-of", "2025-06-01")
    assert proc.returncode == 1
    assert "`minutes` is a number of 4301 characters" in proc.stdout


# --- 1. output files ---------------------------------------------------------------------------


def test_report_output_replaces_a_link_and_never_follows_it(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": ONE})
    outside = tmp_path / "precious.txt"
    outside.write_text("precious\n", encoding="utf-8")
    (root / "rapport.md").symlink_to(outside)  # committed in the repository
    proc = _st("report", "--annual", "--as-of", "2025-03-01", "-o", "rapport.md", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert outside.read_text(encoding="utf-8") == "precious\n"
    assert not (root / "rapport.md").is_symlink()
    assert "# " in (root / "rapport.md").read_text(encoding="utf-8")


@pytest.fixture
def full_disk(tmp_path: Path) -> object:
    mount = tmp_path / "small"
    mount.mkdir()
    if not IS_ROOT or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs",
                                      str(mount)], capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        with contextlib.suppress(OSError), open(mount / "fill", "wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_report_output_on_a_full_disk_keeps_the_old_file(tmp_path: Path,
                                                        full_disk: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": ONE})
    old = full_disk / "r.md"
    with contextlib.suppress(OSError):
        old.write_text("old\n", encoding="utf-8")
    before = old.read_bytes() if old.exists() else None
    for name in ("r.md", "new.md"):
        proc = _st("report", "--annual", "--as-of", "2025-03-01", str(root), "-o",
                   str(full_disk / name))
        assert proc.returncode == 2 and "No space left" in proc.stderr
    assert (old.read_bytes() if old.exists() else None) == before
    assert not (full_disk / "new.md").exists()
    assert _temporaries(full_disk) == []


# --- 1. non-root: a dropped uid -----------------------------------------------------------------


@pytest.fixture
def open_folder() -> object:
    """A folder uid 1000 may enter (pytest's own are root's alone)."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="st-uid-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


AS_UID_1000 = ["setpriv", "--reuid", "1000", "--regid", "1000", "--clear-groups"]


def _can_drop_uid() -> bool:
    if not IS_ROOT:
        return False
    try:
        return subprocess.run([*AS_UID_1000, sys.executable, "-c", "import stcli"],
                              capture_output=True, timeout=60).returncode == 0
    except OSError:
        return False


@pytest.mark.skipif(not _can_drop_uid(), reason="needs root and setpriv")
def test_a_lock_made_by_another_user_does_not_block(open_folder: Path) -> None:
    root = write_portfolio(open_folder / "p", {"supervision/2025.yaml": ONE})
    for path in (root, root / "supervision", root / "supervision/2025.yaml"):
        os.chown(path, 1000, 1000)
    code, _, err = _add(root, "--date", "2025-02-01")  # root (sudo) creates .st/lock
    assert code == 0, err
    assert (root / ".st/lock").stat().st_uid == 1000  # the portfolio owner's, as root
    os.chown(root / ".st/lock", 0, 0)
    os.chown(root / ".st", 0, 0)
    (root / ".st/lock").chmod(0o644)
    proc = _st("add", "supervision", str(root), "--date", "2025-02-02", "--minutes", "60",
               "--as-of", "2025-06-01", as_uid_1000=True)
    assert proc.returncode == 0, proc.stderr
    assert len(_entries(root / "supervision/2025.yaml")) == 3


@pytest.mark.skipif(not _can_drop_uid(), reason="needs root and setpriv")
def test_a_read_only_portfolio_gives_a_message(open_folder: Path) -> None:
    root = write_portfolio(open_folder / "p", {"supervision/2025.yaml": ONE})
    proc = _st("add", "supervision", str(root), "--date", "2025-02-02", "--minutes", "60",
               "--as-of", "2025-06-01", as_uid_1000=True)
    assert proc.returncode == 2 and "cannot lock the portfolio" in proc.stderr
    code, _, _ = _add(root, "--date", "2025-02-01")  # the lock exists now
    assert code == 0
    proc = _st("add", "supervision", str(root), "--date", "2025-02-03", "--minutes", "60",
               "--as-of", "2025-06-01", as_uid_1000=True)
    assert proc.returncode == 2 and "Permission denied" in proc.stderr
    assert len(_entries(root / "supervision/2025.yaml")) == 2


# --- 4. bounded work -----------------------------------------------------------------------------


def test_d009_sweep_on_16000_placements(tmp_path: Path) -> None:
    files = {}
    for number in range(16):
        lines = []
        for index in range(1000):
            k = number * 1000 + index
            start = dt.date(2024, 9, 1) + dt.timedelta(days=k % 3000)
            end = start + dt.timedelta(days=(k * 7) % 40)
            lines.append(f"- {{type: sidotjanstgoring, specialty: psykiatri, unit: U{k}, "
                         f"start: {start}, end: {end}, percent: 50}}")
        files[f"placements/p{number:02d}.yaml"] = "\n".join(lines) + "\n"
    root = write_portfolio(tmp_path / "p", files)
    found = [f for f in evaluate(root, dt.date(2030, 1, 1)).findings if f.code == "D009"]
    assert len(found) == 15_998  # all but the first placement and one standing alone


def test_d009_sees_an_employment_step_inside_an_overlap(tmp_path: Path) -> None:
    profile = MINIMAL_PROFILE.replace(
        "  - {from: 2024-09-01, percent: 100}\n",
        "  - {from: 2024-09-01, percent: 100}\n  - {from: 2024-10-10, percent: 75}\n")
    root = write_portfolio(tmp_path / "p", {"placements/a.yaml": """\
        - {type: vardcentral, specialty: allmanmedicin, unit: A, start: 2024-10-01,
           end: 2024-10-20, percent: 50}
        - {type: sidotjanstgoring, specialty: psykiatri, unit: B, start: 2024-10-05,
           end: 2024-10-30, percent: 50}
        """}, profile=profile)
    found = [f for f in evaluate(root, dt.date(2025, 1, 1)).findings if f.code == "D009"]
    assert [(f.position.line, f.message.args["day"], f.message.args["other"])
            for f in found] == [(3, dt.date(2024, 10, 10), "A")]


def test_total_budget_across_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {f"supervision/f{i}.yaml": ONE * 50 for i in range(6)}
    root = write_portfolio(tmp_path / "p", files)
    monkeypatch.setattr(load, "MAX_TOTAL_VALUES", 500)  # each file: 50 entries, 200 values
    result = load.load(root)
    too_large = [f for f in result.findings if f.message.key == "load.portfolio_too_large"]
    assert len(too_large) == 1 and too_large[0].position.file == "supervision/f2.yaml"
    assert result.files_read == 1 + 3
    monkeypatch.setattr(load, "MAX_TOTAL_VALUES", 250_000)
    monkeypatch.setattr(load, "MAX_TOTAL_BYTES", len(ONE) * 50 * 2 + len(MINIMAL_PROFILE) + 10)
    result = load.load(root)
    assert [f.position.file for f in result.findings
            if f.message.key == "load.portfolio_too_large"] == ["supervision/f2.yaml"]


# --- 5. one reader ------------------------------------------------------------------------------


def test_tabs_and_surrogates_validate_and_add_agree(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {
        "supervision/2025.yaml": ONE + "  notes: a\tb\n"})
    assert not [f for f in evaluate(root, dt.date(2025, 6, 1)).findings
                if f.code.startswith("D0")]
    code, _, err = _add(root, "--date", "2025-02-01", "--notes", "c\td")
    assert code == 0, err
    assert len(evaluate(root, dt.date(2025, 6, 1)).portfolio.supervision) == 2

    bad = write_portfolio(tmp_path / "q", {
        "supervision/2025.yaml": ONE + '  notes: "\\ud800"\n'})
    assert any(f.code == "D001" for f in evaluate(bad, dt.date(2025, 6, 1)).findings)
    code, _, err = _add(bad, "--date", "2025-02-01")
    assert code == 2 and "cannot be read as YAML" in err
    code, _, err = _add(root, "--date", "2025-02-02", "--notes", "x\udcff")  # not UTF-8
    assert code == 2 and "not valid text" in err


def test_merge_keys_work_with_positions(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {"supervision/2025.yaml": """\
        - &base
          date: 2025-01-10
          minutes: 60
          supervisor: anna
        - <<: *base
          date: 2025-01-17
        - <<: [*base]
          date: 2025-01-24
          minutes: 1:30
        """})
    evaluation = evaluate(root, dt.date(2025, 6, 1))
    sessions = evaluation.portfolio.supervision
    assert [s.value.date.day for s in sessions] == [10, 17]
    assert sessions[1].value.minutes == 60 and sessions[1].at("minutes").line == 3
    assert sessions[1].at("date").line == 6
    wrong = [f for f in evaluation.findings if f.code == "D004"]
    assert [(f.position.line, f.position.column) for f in wrong] == [(9, 12)]
    assert not [f for f in evaluation.findings if f.code == "D003"]


def test_json_output_is_valid_utf8_for_a_non_utf8_file_name(tmp_path: Path) -> None:
    root = write_portfolio(tmp_path / "p", {})
    (root / "supervision").mkdir()
    name = os.fsencode(str(root / "supervision")) + b"/bad\xff.yaml"
    with open(name, "wb") as handle:
        handle.write(b"- date: 2025-01-08\n  minutes: [\n")
    proc = subprocess.run([sys.executable, "-m", "stcli", "validate", str(root), "--format",
                           "json", "--as-of", "2025-06-01"], capture_output=True, timeout=120)
    data = json.loads(proc.stdout.decode("utf-8"))  # strict: raises on invalid UTF-8
    assert any("bad" in json.dumps(item, ensure_ascii=False) for item in data["findings"])


@pytest.mark.skipif(not _can_drop_uid(), reason="needs root and setpriv")
def test_an_unreadable_file_does_not_stop_an_add(open_folder: Path) -> None:
    """The audit: copying the repository met an unreadable file and gave a traceback."""
    root = write_portfolio(open_folder / "p", {"supervision/2025.yaml": ONE,
                                               "supervision/secret.yaml": ONE,
                                               "notes/private.txt": "x\n"})
    for path in (root, root / "supervision", root / "supervision/2025.yaml"):
        os.chown(path, 1000, 1000)
    (root / "supervision/secret.yaml").chmod(0o000)
    (root / "notes").chmod(0o700)
    proc = _st("add", "supervision", str(root), "--date", "2025-02-02", "--minutes", "60",
               "--as-of", "2025-06-01", as_uid_1000=True)
    assert proc.returncode == 0, proc.stderr
    assert len(_entries(root / "supervision/2025.yaml")) == 2
    proc = _st("validate", str(root), "--as-of", "2025-06-01", as_uid_1000=True)
    assert "supervision/secret.yaml: error D012" in proc.stdout


def test_compare_and_swap_in_atomic_write(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    fileio.atomic_write(target, b"one\n", expected=None)  # created: nothing was there
    with pytest.raises(fileio.ChangedMeanwhile):
        fileio.atomic_write(target, b"two\n", expected=None)  # someone created it meanwhile
    with pytest.raises(fileio.ChangedMeanwhile):
        fileio.atomic_write(target, b"two\n", expected=b"other\n")
    fileio.atomic_write(target, b"two\n", expected=b"one\n")
    assert target.read_bytes() == b"two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yaml"]
