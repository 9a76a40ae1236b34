"""Hostile input (issue 7): every case bounded in time and memory, with a clear message, nothing lost.

Each case runs `python -m stcli` in a subprocess limited to 1.5 GB of address space
(RLIMIT_AS), with a generous timeout that only guards against a hang (how fast a case runs
is measured by the scripts in bench/, never asserted here), and must end with exit 0/1/2 (never a signal, never a
traceback), name the offending file, and still count the portfolio's good entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PROFILE, as_unprivileged, write_portfolio

# A guard against hangs only: a machine under load may be many times slower than usual.
HANG_GUARD_S = 120.0
MEMORY = int(1.5 * 1024**3)
GOOD = "- {date: 2024-10-01, minutes: 60, supervisor: anna}\n"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def both(self) -> str:
        return self.out + self.err


def _limits() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def st(*args: str, cwd: Path | None = None, unprivileged: bool = False) -> Run:
    env = {**os.environ, "NO_COLOR": "1", "ST_LANG": "en", "COLUMNS": "100"}
    command = [sys.executable, "-m", "stcli", *args]
    if unprivileged:
        command = as_unprivileged(command)
    try:
        proc = subprocess.run(command, capture_output=True,
                              cwd=cwd, env=env, timeout=HANG_GUARD_S, preexec_fn=_limits)
    except subprocess.TimeoutExpired:
        pytest.fail(f"st {' '.join(args)} did not end within {HANG_GUARD_S:.0f} s (a hang?)")
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1, 2), f"killed by signal {-proc.returncode}: {err[-2000:]}"
    assert "Traceback" not in out + err, err[-3000:]
    return Run(proc.returncode, out, err)


def validate(root: Path, *extra: str, unprivileged: bool = False) -> Run:
    return st("validate", str(root), "--as-of", "2025-06-01", "--lang", "en", *extra,
              unprivileged=unprivileged)


def entries(run: Run) -> int:
    match = re.search(r"(\d+) files?, (\d+) entr", run.out)
    assert match, run.out[-1000:]
    return int(match[2])


def portfolio(tmp_path: Path, files: dict[str, str | bytes],
              profile: str = MINIMAL_PROFILE) -> Path:
    root = write_portfolio(tmp_path / "p", {"supervision/good.yaml": GOOD}, profile)
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


# --- alias bombs -------------------------------------------------------------------------------


def laughs(indent: str, prefix: str, mapping: bool = False, levels: int = 9) -> str:
    """Billion laughs: 9 anchors, each 9 references to the one before (9^9 leaves)."""
    if mapping:
        first = "{" + ", ".join(f"k{i}: lol" for i in range(9)) + "}"
        lines = [f"{indent}{prefix}0: &l0 {first}"]
        for level in range(1, levels):
            body = ", ".join(f"k{i}: *l{level - 1}" for i in range(9))
            lines.append(f"{indent}{prefix}{level}: &l{level} {{{body}}}")
    else:
        lines = [f"{indent}{prefix}0: &l0 [" + ", ".join(["lol"] * 9) + "]"]
        for level in range(1, levels):
            lines.append(f"{indent}{prefix}{level}: &l{level} ["
                         + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_in_a_list_field(tmp_path: Path) -> None:
    bomb = ("- date: 2025-01-14\n  minutes: 60\n  supervisor: anna\n"
            + laughs("  ", "x_l") + "  topics: *l8\n")
    run = validate(portfolio(tmp_path, {"supervision/bomb.yaml": bomb}))
    assert run.code == 1
    assert re.search(r"supervision/bomb\.yaml:\d+:\d+: error D00[14]", run.out), run.out
    assert entries(run) >= 1  # the good file is still read


def test_alias_bomb_in_rule_params(tmp_path: Path) -> None:
    profile = (MINIMAL_PROFILE + laughs("", "x_l", mapping=True)
               + "rules:\n  params:\n    H001:\n      max_gap_days: *l8\n")
    run = validate(portfolio(tmp_path, {}, profile=profile))
    assert run.code == 1
    assert "st.yaml" in run.out and "alias" in run.out, run.out
    assert entries(run) == 1


def test_alias_bomb_in_x_keys_only(tmp_path: Path) -> None:
    """x_ keys are not read: a bomb there costs nothing and the entry counts."""
    bomb = ("- date: 2025-01-15\n  minutes: 45\n  supervisor: anna\n"
            + laughs("  ", "x_l") + "  x_all: *l8\n")
    run = validate(portfolio(tmp_path, {"supervision/bomb.yaml": bomb}))
    assert entries(run) == 2
    assert "bomb.yaml" not in run.out or "D00" not in run.out


def test_alias_bomb_in_a_user_pack(tmp_path: Path) -> None:
    pack = laughs("", "x_l") + "rules:\n  H001:\n    params:\n      exempt: *l8\n"
    root = portfolio(tmp_path, {"pack.yaml": pack}, profile=MINIMAL_PROFILE + "packs: [pack.yaml]\n")
    for args in (["validate"], ["status"], ["status", "--json"], ["report", "--final"]):
        st(*args, str(root), "--as-of", "2025-06-01", "--lang", "en")


def test_a_huge_file_without_aliases_is_not_called_an_alias_bomb(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the value budget a file is refused; without aliases the finding says it is too
    big and how to split it (a 9 MB valid file used to be called an alias bomb). The budget
    is lowered here so that the file can be small."""
    from stcli import load as loader
    from stcli.i18n import t

    monkeypatch.setattr(loader, "MAX_NODE_VISITS", 500)
    sessions = "".join(f"- {{date: 2025-01-{1 + i % 28:02d}, minutes: 60, supervisor: anna}}\n"
                       for i in range(200))
    plain = portfolio(tmp_path / "plain", {"supervision/2025.yaml": sessions})
    found = [f for f in loader.load(plain).findings if f.code == "D001"]
    assert len(found) == 1
    assert found[0].message.key == "load.too_many_values"
    assert found[0].hint is not None and found[0].hint.key == "load.hint_split_file"
    assert "500" in found[0].message.render("en")
    assert "alias" not in found[0].message.render("en")
    assert t("load.hint_split_file", "sv")

    profile = (MINIMAL_PROFILE + laughs("", "x_l", mapping=True)
               + "rules:\n  params:\n    H001:\n      max_gap_days: *l8\n")
    aliased = portfolio(tmp_path / "bomb", {}, profile=profile)
    keys = [f.message.key for f in loader.load(aliased).findings if f.code == "D001"]
    assert keys == ["load.alias_expansion"]


# --- deep nesting --------------------------------------------------------------------------------

DEEP = {
    "flow-seq": "[" * 10_000 + "]" * 10_000 + "\n",
    "flow-map": "{a: " * 10_000 + "x" + "}" * 10_000 + "\n",
    "block-seq": "- " * 10_000 + "x\n",
    "block-map": "".join(" " * i + "a:\n" for i in range(1_200)) + " " * 1_200 + "x\n",
}


@pytest.mark.parametrize("shape", sorted(DEEP))
@pytest.mark.parametrize("where", ["supervision/deep.yaml", "st.yaml", "pack.yaml"])
def test_nesting_10000_deep(tmp_path: Path, shape: str, where: str) -> None:
    text = DEEP[shape]
    if where == "st.yaml":
        root = portfolio(tmp_path, {}, profile=text)
    elif where == "pack.yaml":
        root = portfolio(tmp_path, {"pack.yaml": text},
                         profile=MINIMAL_PROFILE + "packs: [pack.yaml]\n")
    else:
        root = portfolio(tmp_path, {where: text})
    run = validate(root)
    assert run.code == 1
    if where == "pack.yaml":
        assert "pack.yaml" in run.out and "cannot be read" in run.out, run.out
    else:
        assert f"{where}: error D001 yaml-syntax: the file nests deeper than" in run.out, run.out
    assert entries(run) >= 1


@pytest.mark.parametrize("shape", ["flow", "block"])
def test_the_depth_limit_is_st_s_own(shape: str) -> None:
    """st draws the line at MAX_DEPTH itself, whatever libyaml refuses on its own (PyYAML
    6.0.4's libyaml stops at 1000 levels with its own words)."""
    from stcli.load import MAX_DEPTH, too_deep

    def nested(levels: int) -> str:
        if shape == "flow":
            return "[" * levels + "]" * levels + "\n"
        return "".join("  " * i + "-\n" for i in range(levels)) + "  " * levels + "x\n"

    assert not too_deep(nested(MAX_DEPTH))
    assert too_deep(nested(MAX_DEPTH + 1))
    assert too_deep(nested(MAX_DEPTH + 500))


def test_block_mappings_10000_deep_are_too_large(tmp_path: Path) -> None:
    """10 000 levels of block mapping need 50 MB of indentation: refused by size, quickly."""
    root = portfolio(tmp_path, {})
    with (root / "supervision" / "deep.yaml").open("w", encoding="utf-8") as handle:
        for i in range(10_000):
            handle.write(" " * i + "a:\n")
    run = validate(root)
    assert run.code == 1 and "supervision/deep.yaml: error D012" in run.out and "MB" in run.out
    assert entries(run) == 1


# --- size -------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["st.yaml", "supervision/huge.yaml", "pack.yaml"])
def test_30_mb_file(tmp_path: Path, where: str) -> None:
    root = portfolio(tmp_path, {}, profile=MINIMAL_PROFILE + "packs: [pack.yaml]\n")
    target = root / where
    keep = target.read_text(encoding="utf-8") if target.exists() else ""
    with target.open("w", encoding="utf-8") as handle:
        handle.write(keep)
        handle.write("x_pad: " + "a" * (30 * 1024 * 1024) + "\n" if where != "supervision/huge"
                     ".yaml" else GOOD * (30 * 1024 * 1024 // len(GOOD)))
    run = validate(root)
    assert run.code == 1
    assert where in run.out and "MB" in run.out, run.out
    if where != "st.yaml":
        assert entries(run) == 1


def test_large_text_just_under_the_limit(tmp_path: Path) -> None:
    notes = "lorem ipsum " * (9 * 1024 * 1024 // 12)
    root = portfolio(tmp_path, {"supervision/long.yaml":
                                f"- {{date: 2025-01-14, minutes: 60, supervisor: anna, "
                                f"notes: '{notes}'}}\n"})
    run = validate(root)
    assert entries(run) == 2


# --- binary files -----------------------------------------------------------------------------

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
BINARY = {
    "random": random.Random(7).randbytes(64 * 1024),
    "nul": b"date: 2025-01-14\x00\x00\x00minutes: 60\n",
    "nul-only": b"\x00" * 4096,
    "png": PNG,
    "utf16": "- date: 2025-01-14\n".encode("utf-16"),
}


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize("where", ["supervision/bin.yaml", "st.yaml"])
def test_binary_file(tmp_path: Path, name: str, where: str) -> None:
    root = portfolio(tmp_path, {})
    (root / where).write_bytes(BINARY[name])
    run = validate(root)
    assert run.code == 1
    assert re.search(re.escape(where) + r"(:\d+:\d+)?: error D0(12|01)", run.out), run.out
    assert "binary" in run.out or "UTF-8" in run.out, run.out
    assert entries(run) == 1
    for args in (["status"], ["status", "--json"]):
        st(*args, str(root), "--as-of", "2025-06-01")


# --- links, pipes and devices -----------------------------------------------------------------


def test_link_loops_and_links_leaving(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("- {date: 2025-02-01, minutes: 60, supervisor: "
                                         "anna, notes: SECRET}\n")
    (outside / "pack.yaml").write_text("rules:\n  H001: {severity: info}\n")
    root = portfolio(tmp_path, {}, profile=MINIMAL_PROFILE + "packs: [../outside/pack.yaml, "
                                                             "/dev/zero, /dev/stdin]\n")
    sup = root / "supervision"
    os.symlink("b.yaml", sup / "a.yaml")  # a -> b -> a
    os.symlink("a.yaml", sup / "b.yaml")
    os.symlink("missing.yaml", sup / "dangling.yaml")
    os.symlink(sup, sup / "loop")  # a folder loop
    os.symlink(outside / "secret.yaml", sup / "secret.yaml")
    os.symlink(outside, root / "assessments")  # a whole kind folder outside
    run = validate(root)
    assert run.code == 1
    for rel in ("supervision/a.yaml", "supervision/b.yaml", "supervision/dangling.yaml",
                "supervision/secret.yaml", "assessments:"):
        assert rel in run.out, (rel, run.out)
    assert "SECRET" not in run.out
    assert run.out.count("leading outside the portfolio") >= 5  # 2 links, pack, 2 devices
    assert entries(run) == 1


def test_fifo_and_devices_are_not_read(tmp_path: Path) -> None:
    root = portfolio(tmp_path, {}, profile=MINIMAL_PROFILE + "packs: [pipe.yaml]\n")
    os.mkfifo(root / "supervision" / "pipe.yaml")
    os.mkfifo(root / "pipe.yaml")
    run = validate(root)
    assert run.code == 1
    assert "supervision/pipe.yaml: error D012" in run.out
    assert "`pipe.yaml` cannot be read: not a file" in run.out
    assert entries(run) == 1


@pytest.mark.parametrize("pack, reason", [
    ("rules: [H001]\n", "rules: not a mapping"),
    ("rules:\n  H001: {severity: loud}\n", "severity"),
    ("rules:\n  H001: {params: [1]}\n", "params"),
    ("delmal: [STa1]\n", "delmal: not a mapping"),
    ("delmal:\n  STa1: {requires: 5}\n", "requires"),
    ("delmal:\n  STa1: {title: {a: b}}\n", "title"),
    ("- a\n", "not a mapping"),
    (b"\xff\xfe", "decode"),
])
def test_malformed_user_pack_is_a_finding(tmp_path: Path, pack: str | bytes,
                                          reason: str) -> None:
    root = portfolio(tmp_path, {"pack.yaml": pack}, profile=MINIMAL_PROFILE
                     + "packs: [pack.yaml]\n")
    run = validate(root)
    assert run.code == 1
    assert "the rule pack `pack.yaml` cannot be read" in run.out and reason in run.out, run.out
    assert entries(run) == 1


# --- odd file names ----------------------------------------------------------------------------

ODD_NAMES = ["with space.yaml", "åäö ünïcödé 検査.yaml", "new\nline.yaml", "-leading.yaml",
             "--help.yaml", "tab\there.yaml", "percent%0A.yaml", "colon:comma,.yaml",
             "UPPER.YAML", "dir.yaml/inner.yaml", "::error file=x::y.yaml"]


def test_odd_file_names(tmp_path: Path) -> None:
    root = portfolio(tmp_path, {})
    for day, name in enumerate(ODD_NAMES, start=1):
        path = root / "supervision" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        # one good entry and one bad minute value, so that every file is named in a finding
        path.write_text(f"- {{date: 2025-02-{day:02d}, minutes: 60, supervisor: anna}}\n"
                        f"- {{date: 2025-03-{day:02d}, minutes: lots, supervisor: anna}}\n",
                        encoding="utf-8")
    run = validate(root)
    assert run.code == 1
    assert entries(run) == 1 + len(ODD_NAMES)
    github = validate(root, "--format", "github")
    lines = github.out.splitlines()
    assert all(line.startswith("::") for line in lines)  # a newline never starts a command
    lines = [line for line in lines if "D004" in line]
    assert len(lines) == len(ODD_NAMES)
    assert all(line.startswith("::error file=supervision/") for line in lines)
    assert any("new%0Aline.yaml" in line for line in lines)
    assert any("%3A%3Aerror file=x%3A%3Ay.yaml" in line for line in lines)
    document = json.loads(validate(root, "--format", "json").out)
    files = {f["file"] for f in document["findings"]}
    assert {f"supervision/{n}" for n in ODD_NAMES} <= files
    # a portfolio whose own folder name starts with a dash
    dashed = tmp_path / "-dash"
    root.rename(dashed)
    run = st("validate", "--as-of", "2025-06-01", "--", str(dashed))
    assert entries(run) == 1 + len(ODD_NAMES)
    run = st("status", "--as-of", "2025-06-01", cwd=dashed)
    assert run.code == 0


def test_yaml_named_folders_are_walked_not_read(tmp_path: Path) -> None:
    root = portfolio(tmp_path, {"supervision/2025.yaml/x.yml": GOOD.replace("10-01", "10-02")})
    (root / "st.yaml").rename(root / "real.yaml")
    (root / "st.yaml").mkdir()
    run = st("validate", str(root), "--as-of", "2025-06-01")
    assert run.code == 2 and "st init" in run.both  # a folder is no st.yaml
    (root / "st.yaml").rmdir()
    (root / "real.yaml").rename(root / "st.yaml")
    assert entries(validate(root)) == 2


# --- permissions -------------------------------------------------------------------------------


def test_unreadable_files(readable_tmp: Path) -> None:
    """As root, st runs as an unprivileged user: root reads every file."""
    root = portfolio(readable_tmp, {"supervision/locked.yaml": GOOD, "pack.yaml": "rules: {}\n"},
                     profile=MINIMAL_PROFILE + "packs: [pack.yaml]\n")
    (root / "supervision" / "locked.yaml").chmod(0)
    (root / "pack.yaml").chmod(0)
    (root / "assessments").mkdir()
    (root / "assessments").chmod(0)
    try:
        run = validate(root, unprivileged=True)
    finally:
        (root / "assessments").chmod(0o755)
    assert "supervision/locked.yaml: error D012" in run.out and "ermission" in run.out
    assert "pack.yaml" in run.out
    assert entries(run) == 1


def _snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    shot = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        shot[path.relative_to(root).as_posix()] = (info.st_mode, info.st_mtime_ns, digest)
    return shot


def _chmod_tree(root: Path, writable: bool) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~bits)


def test_read_only_portfolio(readable_tmp: Path) -> None:
    """validate, status and report work and write nothing; `st add` refuses cleanly. As root
    (who may write anywhere), st runs as an unprivileged user."""
    import shutil

    from tests.conftest import SAMPLE

    root = readable_tmp / "ro"
    shutil.copytree(SAMPLE, root)
    _chmod_tree(root, writable=False)
    try:
        before = _snapshot(root)
        assert validate(root, unprivileged=True).code in (0, 1)
        for args in (["status"], ["status", "--json"], ["report", "--final", "--format", "html"]):
            assert st(*args, str(root), "--as-of", "2025-06-01", unprivileged=True).code == 0
        assert _snapshot(root) == before  # nothing written, no cache, no lock file
        run = st("add", "supervision", str(root), "--date", "2025-05-20", "--minutes",
                 "60", "--supervisor", "maria", "--as-of", "2025-06-01", unprivileged=True)
        assert run.code != 0 and run.err.strip()
        assert _snapshot(root) == before
    finally:
        _chmod_tree(root, writable=True)


# --- st add: concurrent and interrupted writes ------------------------------------------------


ADD = ["add", "supervision", "--minutes", "60", "--supervisor", "anna", "--file",
       "supervision/shared.yaml", "--as-of", "2025-06-01"]


def _load_entries(root: Path) -> list[dict[str, str]]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((root / "supervision" / "shared.yaml").read_text(encoding="utf-8"),
                     Loader=loader)
    assert isinstance(data, list)
    return data


def test_two_adds_at_once(tmp_path: Path) -> None:
    root = portfolio(tmp_path, {"supervision/shared.yaml": GOOD})
    env = {**os.environ, "NO_COLOR": "1", "ST_LANG": "en"}
    for round_ in range(5):
        procs = [subprocess.Popen([sys.executable, "-m", "stcli", *ADD, "--date",
                                   f"2025-0{round_ + 1}-1{i}", "--notes", f"p{i}" * 50],
                                  cwd=root, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for i in range(2)]
        results = [(p.wait(timeout=30), p.stderr.read().decode()) for p in procs]
        for code, err in results:
            assert "Traceback" not in err
            assert code in (0, 1, 2), err
        dates = [str(e["date"]) for e in _load_entries(root)]
        for i, (code, err) in enumerate(results):
            written = f"2025-0{round_ + 1}-1{i}" in dates
            assert written or (code != 0 and err.strip()), (code, err, dates)
    assert validate(root).code in (0, 1)


def test_add_killed_mid_write_leaves_old_or_new_file(tmp_path: Path) -> None:
    """SIGKILL at times spread over a whole `st add` run: the file is the old or the new one."""
    root = portfolio(tmp_path, {"supervision/shared.yaml": GOOD * 2_000})
    env = {**os.environ, "NO_COLOR": "1", "ST_LANG": "en"}
    path = root / "supervision" / "shared.yaml"
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "stcli", *ADD, "--date", "2025-05-01"], cwd=root,
                   env=env, capture_output=True, timeout=60, check=True)
    whole = time.monotonic() - start  # one complete run, to spread the kills over
    old = path.read_bytes()
    outcomes = []
    for attempt in range(8):
        proc = subprocess.Popen([sys.executable, "-m", "stcli", *ADD, "--date",
                                 f"2025-05-{attempt + 10}"], cwd=root, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * (0.4 + 0.6 * attempt / 7))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = path.read_bytes()
        assert now == old or (now.startswith(old) and now.endswith(b"\n")), "half-written file"
        count = len(_load_entries(root))
        assert count in (old.count(b"- "), old.count(b"- ") + 1)
        outcomes.append("new" if now != old else "old")
        old = now
    leftovers = [p.name for p in (root / "supervision").iterdir()
                 if p.name not in ("shared.yaml", "good.yaml")]
    assert all(not n.endswith((".yaml", ".yml")) for n in leftovers), leftovers
    assert validate(root).code in (0, 1)


# --- HTML, Markdown and terminal control in every free-text field -------------------------------

PAYLOAD = ("<script>alert(1)</script><img src=x onerror=alert(2)>"
           "[x](javascript:alert(3)) **b** | c ~~d~~ # h")


def _text_fields() -> dict[str, list[str]]:
    from stcli.model import FIELDS

    found: dict[str, list[str]] = {}
    for record, specs in FIELDS.items():
        for spec in specs:
            kind, _, constraints = spec.type
            if kind == "str" and not constraints.get("pattern"):
                found.setdefault(record, []).append(spec.key)
    return found


def _hostile_text_portfolio(tmp_path: Path, payload: str) -> Path:
    q = json.dumps(payload)
    fields = _text_fields()

    def block(record: str, base: dict[str, str], indent: str = "  ") -> str:
        values = {**base, **{k: q for k in fields.get(record, []) if k not in base}}
        return "\n".join(f"{indent}{k}: {v}" for k, v in values.items())

    profile = MINIMAL_PROFILE.replace("trainee: Test Testsson", f"trainee: {q}").replace(
        "home_unit: Vårdcentralen Test", f"home_unit: {q}").replace(
        "name: Anna Berg", f"name: {q}")
    files = {
        "placements/p.yaml": "- " + block("Placement", {
            "type": "side", "specialty": "psykiatri", "start": "2024-10-01",
            "end": "2024-12-31", "percent": "100", "supervisor": f"{{name: {q}, "
            f"specialty: psykiatri}}", "delmal": "[STa1]"}).lstrip() + "\n",
        "supervision/s.yaml": "- " + block("Supervision", {
            "date": "2024-09-10", "minutes": "60", "supervisor": "anna",
            "topics": f"[{q}]"}).lstrip() + "\n",
        "assessments/a.yaml": "- " + block("Assessment", {
            "date": "2024-10-10", "method": "sit-in", "assessor": "anna",
            "delmal": "[STa1]"}).lstrip() + "\n",
        "courses/c.yaml": "- " + block("Course", {
            "start": "2024-11-01", "end": "2024-11-03", "delmal": "[STa2]"}).lstrip() + "\n",
        "leave/l.yaml": "- " + block("Leave", {
            "kind": "semester", "start": "2024-12-23", "end": "2024-12-30"}).lstrip() + "\n",
        "activities/a.yaml": "- " + block("Activity", {
            "kind": "quality", "start": "2024-10-01", "end": "2024-12-01", "status": "done",
            "delmal": "[STc13]", "supervisor": "anna"}).lstrip() + "\n",
        "milestones/m.yaml": "- " + block("Milestone", {
            "kind": "iup", "date": "2024-10-15"}).lstrip() + "\n",
    }
    return write_portfolio(tmp_path / "h", files, profile)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[str] = []
        self.values: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [name for name, _ in attrs]
        self.values += [value or "" for _, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text += data


def test_html_and_markdown_in_every_free_text_field(tmp_path: Path) -> None:
    root = _hostile_text_portfolio(tmp_path, PAYLOAD)
    assert validate(root).code in (0, 1)
    text = (root / "supervision" / "s.yaml").read_text()
    assert "notes:" in text and "topics:" in text
    for kind in (["--annual", "--year", "1"], ["--final"]):
        html = st("report", *kind, "--format", "html", "--as-of", "2025-03-01", str(root))
        assert html.code == 0, html.err
        parser = _Collect()
        parser.feed(html.out)
        assert parser.tags.isdisjoint({"script", "img", "a", "iframe", "object", "embed"})
        assert not [a for a in parser.attributes if a.startswith("on")]
        assert not [v for v in parser.values if "javascript:" in v.replace("\u200b", "")]
        shown = parser.text.replace("\u200b", "")
        assert shown.count("<script>alert(1)</script>") >= 3  # shown literally, as text
        md = st("report", *kind, "--format", "md", "--as-of", "2025-03-01", str(root))
        assert md.code == 0
        # `<` is backslash-escaped: `\<script>` renders as the text "<script>", inert
        raw = md.out.replace("\\<", "")
        assert "<script>" not in raw and "<img" not in raw
        # a link needs an unescaped `[`: `\[x](javascript:…)` is text
        assert "](javascript:" not in md.out.replace("\\[x]", "")
        assert "**b**" not in md.out and "~~d~~" not in md.out  # emphasis escaped


def test_terminal_control_characters_are_not_passed_through(tmp_path: Path) -> None:
    """An escape sequence in a text field must not reach the terminal (OSC links, colours)."""
    root = _hostile_text_portfolio(tmp_path, "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\"
                                             "\x1b[2J\x1b[31mred\x07")
    for args in (["validate", "--context"], ["status"], ["report", "--final"]):
        run = st(*args, str(root), "--as-of", "2025-03-01")
        assert "\x1b" not in run.out and "\x07" not in run.out, (args, run.out[:500])


# --- template overrides ------------------------------------------------------------------------


@pytest.mark.parametrize("template", [
    "{% include 'partials/evil.md.j2' %}",        # a partial that links outside
    "{% include '../../outside.md.j2' %}",         # a path leaving templates/
    "{% include '/etc/passwd' %}",                 # an absolute path
])
def test_template_overrides_cannot_read_outside(tmp_path: Path, template: str) -> None:
    outside = tmp_path / "outside.md.j2"
    outside.write_text("STOLEN\n", encoding="utf-8")
    root = portfolio(tmp_path, {"templates/final.md.j2": template + "\n"})
    (root / "templates" / "partials").mkdir()
    (root / "templates" / "partials" / "evil.md.j2").symlink_to(outside)
    run = st("report", "--final", str(root), "--as-of", "2025-06-01")
    assert run.code == 2
    assert "STOLEN" not in run.out and "root:" not in run.out
    assert run.err.strip() and ("template" in run.err or "mall" in run.err), run.err
