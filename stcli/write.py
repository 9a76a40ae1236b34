"""Writing the portfolio: atomic file writes, new entries appended as text.

No typer here: the command modules (`stcli/cli/cmd_add.py`, `cmd_init.py`) ask and print;
this module builds and writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def portfolio_lock(root: Path) -> Iterator[None]:
    """Serialize writers of one portfolio: two `st add` at once must not lose an entry.

    The lock file lives in the temporary folder (keyed by the portfolio's path) so that it
    never shows in the trainee's repository; where flock is missing the lock is a no-op.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    import hashlib

    key = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"st-portfolio-{key}.lock"
    with lock_path.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a reader sees the old file or the new, never half.

    The data go to a temporary file in the same folder (same file system), are flushed and
    fsynced, and the temporary file is renamed over the target (`os.replace`, atomic on POSIX
    and Windows). An existing file's permissions are kept. If anything fails the temporary
    file is removed and the old file is untouched.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
        mode="wb", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- st add: options derived from the field table ---------------------------------------------


KIND_ALIASES: dict[str, str] = {
    "placement": "placements", "placements": "placements",
    "supervision": "supervision",
    "assessment": "assessments", "assessments": "assessments",
    "course": "courses", "courses": "courses",
    "leave": "leave",
    "activity": "activities", "activities": "activities",
    "milestone": "milestones", "milestones": "milestones",
}
# The field whose year names the default file (`supervision/2025.yaml`).
DATE_FIELDS = ("date", "start")


def resolve_kind(word: str) -> str | None:
    """The kind folder a word names: singular or plural (`course` and `courses`)."""
    return KIND_ALIASES.get(word.strip().lower())


@dataclass(slots=True)
class FieldOption:
    """One `st add` option: `--funding-approved` sets `funding: {approved: …}`."""

    option: str
    param: str
    path: tuple[str, ...]
    types: dict[str, Any] = field(default_factory=dict)  # kind -> field type descriptor
    required: set[str] = field(default_factory=set)  # kinds where the field is required

    def choices(self, kind: str | None) -> tuple[str, ...]:
        """The vocabulary of an enumerated field (for one kind, or all kinds having it)."""
        found: list[str] = []
        if kind not in self.types:
            kind = None  # no kind on the line, or one without this field: every kind's words
        for key, desc in self.types.items():
            if kind is not None and key != kind:
                continue
            if desc[0] == "list":
                desc = desc[1]
            if desc[0] == "enum":
                found.extend(c for c in desc[1] if c not in found)
        return tuple(found)


@cache
def field_options() -> tuple[FieldOption, ...]:
    """Every option of `st add`, once, from `model.FIELDS` (the loader's own table)."""
    from stcli.model import FIELDS, KIND_RECORDS

    options: dict[tuple[str, ...], FieldOption] = {}

    def add(kind: str, path: tuple[str, ...], desc: Any, required: bool) -> None:
        option = options.get(path)
        if option is None:
            name = "_".join(path)
            option = FieldOption("--" + name.replace("_", "-"), "f_" + name, path)
            options[path] = option
        option.types[kind] = desc
        if required:
            option.required.add(kind)

    for kind, record in KIND_RECORDS.items():
        for spec in FIELDS[record.__name__]:
            desc = spec.type
            if desc[0] == "model":
                for sub in FIELDS[desc[1]]:
                    add(kind, (spec.key, sub.key), sub.type, False)
                continue
            if desc[0] == "union":
                for option_desc in desc[1]:
                    if option_desc[0] == "model":
                        for sub in FIELDS[option_desc[1]]:
                            add(kind, (spec.key, sub.key), sub.type, False)
                    else:
                        add(kind, (spec.key,), option_desc, spec.required)
                continue
            add(kind, (spec.key,), desc, spec.required)
    return tuple(options.values())


def options_of(kind: str) -> list[FieldOption]:
    return [option for option in field_options() if kind in option.types]


# --- rendering an entry as YAML text -----------------------------------------------------------

_PLAIN_TYPED = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .:+\-_/]*")


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _plain_is_text(text: str, flow: bool) -> bool:
    """Whether `text` written without quotes reads back as the same text (YAML 1.1 and 1.2)."""
    import yaml

    if not text or text != text.strip() or "\n" in text:
        return False
    probe = f"k: [{text}]" if flow else f"k: {text}"
    try:
        loaded = yaml.safe_load(probe)
    except yaml.YAMLError:
        return False
    expected: Any = [text] if flow else text
    return isinstance(loaded, dict) and loaded.get("k") == expected


def render_scalar(text: str, desc: Any, flow: bool = False) -> str:
    """A value as the user gave it: typed fields plain (the loader reads the text), text quoted
    when YAML would otherwise read it as something else (`no`, `2025`, `a: b`)."""
    if desc[0] == "str" or desc[0] == "union":
        return text if _plain_is_text(text, flow) else _quoted(text)
    stripped = text.strip()
    if _PLAIN_TYPED.fullmatch(stripped) and ": " not in stripped and not (
            flow and "," in stripped):
        return stripped
    return _quoted(stripped)


def split_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def render_entry(kind: str, values: dict[tuple[str, ...], str]) -> list[str]:
    """The entry's lines as a block mapping at column 0, keys in the format's order."""
    from stcli.model import FIELDS, KIND_RECORDS

    lines: list[str] = []
    for spec in FIELDS[KIND_RECORDS[kind].__name__]:
        key = spec.key
        nested = {path[1]: text for path, text in values.items()
                  if len(path) == 2 and path[0] == key}
        if (key,) in values:
            desc = spec.type
            if desc[0] == "union":
                desc = next(o for o in desc[1] if o[0] != "model")
            text = values[(key,)]
            if desc[0] == "list":
                items = [render_scalar(item, desc[1], flow=True) for item in split_list(text)]
                lines.append(f"{key}: [{', '.join(items)}]")
            else:
                lines.append(f"{key}: {render_scalar(text, desc)}")
        elif nested:
            desc = spec.type
            model_name = desc[1] if desc[0] == "model" else next(
                o[1] for o in desc[1] if o[0] == "model")
            lines.append(f"{key}:")
            for sub in FIELDS[model_name]:
                if sub.key in nested:
                    lines.append(f"  {sub.key}: {render_scalar(nested[sub.key], sub.type)}")
    return lines


def as_item(lines: list[str], column: int = 0) -> list[str]:
    """The entry as a block-sequence item whose dash is at `column`."""
    pad = " " * column
    return [pad + ("- " if i == 0 else "  ") + line for i, line in enumerate(lines)]


# --- checking the entry with the loader's own conversion -------------------------------------


def check_entry(kind: str, lines: list[str], rel: str, vocabulary: dict[str, frozenset[str]],
                first_line: int = 1, column: int = 0) -> tuple[Any, list[Any]]:
    """Convert the entry as `st validate` would; (record or None, findings at the entry's place).

    `first_line` and `column` are where the entry's first key will stand in the file, so the
    positions of the findings are those `st validate` would give after writing.
    """
    from stcli.findings import Position
    from stcli.load import convert_entry

    located, findings = convert_entry("\n".join(lines) + "\n", kind, rel, vocabulary)
    placed = []
    for finding in findings:
        position = finding.position
        if position.line is not None:
            position = Position(rel, position.line + first_line - 1,
                                (position.column or 1) + column)
        placed.append(finding._replace(position=position))
    return (located.value if located is not None else None), placed


# --- where the entry goes -----------------------------------------------------------------------


class WriteRefused(Exception):
    """The entry cannot be appended to this file; `key`/`args` form the message."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(slots=True)
class Append:
    path: Path
    rel: str
    old: bytes | None
    new: bytes
    first_line: int  # line of the entry's first key in the new file (1-based)
    column: int  # column of the dash (0-based)


def entry_year(values: dict[tuple[str, ...], str], today: dt.date) -> int:
    """The year of the entry's `date` (or `start`) as given, else this year."""
    for name in DATE_FIELDS:
        match = re.match(r"\s*([0-9]{4})-", values.get((name,), ""))
        if match:
            return int(match[1])
    return today.year


def default_file(root: Path, kind: str, values: dict[tuple[str, ...], str],
                 today: dt.date) -> Path:
    """`<kind>/<year>.yaml` by the entry's date (supervision/2025.yaml)."""
    return root / kind / f"{entry_year(values, today)}.yaml"


def _free_name(path: Path) -> Path:
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def plan_append(root: Path, kind: str, path: Path, lines: list[str],
                explicit: bool = False) -> Append:
    """The file's new bytes: its old bytes unchanged, then the new item.

    A file holding one entry as a mapping is never rewritten: the new entry goes to a new file
    next to it (`2025-2.yaml`), or, when the file was named with `--file`, is refused.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    from stcli.load import YAML_SUFFIXES

    root = root.resolve()
    path = path if path.is_absolute() else root / path
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise WriteRefused("write.outside_kind", path=str(path), kind=kind) from None
    if rel.split("/")[0] != kind or not path.name.lower().endswith(YAML_SUFFIXES) or (
            path.name.startswith(".")):
        raise WriteRefused("write.outside_kind", path=rel, kind=kind)
    if not path.exists():
        text = "\n".join(as_item(lines)) + "\n"
        return Append(path, rel, None, text.encode("utf-8"), 1, 0)
    if not path.is_file():
        raise WriteRefused("write.not_a_file", path=rel)
    old = path.read_bytes()
    bom = b"\xef\xbb\xbf" if old.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = old[len(bom):].decode("utf-8")
    except UnicodeDecodeError:
        raise WriteRefused("write.unreadable", path=rel) from None
    try:
        data = YAML(typ="rt").load(text)
    except YAMLError:
        raise WriteRefused("write.unreadable", path=rel) from None
    if isinstance(data, CommentedMap):
        if explicit:
            raise WriteRefused("write.single_entry", path=rel)
        return plan_append(root, kind, _free_name(path), lines)
    if data is not None and not isinstance(data, CommentedSeq):
        raise WriteRefused("write.not_a_list", path=rel)
    if isinstance(data, CommentedSeq) and data.fa.flow_style():
        raise WriteRefused("write.flow_list", path=rel)
    column = data.lc.col if isinstance(data, CommentedSeq) else 0
    newline = "\r\n" if "\r\n" in text else "\n"
    prefix = "" if not text or text.endswith("\n") else newline
    spaced = isinstance(data, CommentedSeq) and re.search(
        r"\n[ \t]*\r?\n" + " " * column + "- ", text) is not None
    if spaced:
        prefix += newline
    before = text + prefix
    item = newline.join(as_item(lines, column)) + newline
    new_text = before + item
    first_line = before.count("\n") + 1
    # The new text must read back as the old list plus this one item.
    try:
        reread = YAML(typ="rt").load(new_text)
    except YAMLError:
        raise WriteRefused("write.not_appendable", path=rel) from None
    count = len(data) if isinstance(data, CommentedSeq) else 0
    if not isinstance(reread, CommentedSeq) or len(reread) != count + 1:
        raise WriteRefused("write.not_appendable", path=rel)
    return Append(path, rel, old, bom + new_text.encode("utf-8"), first_line, column)


# --- what the portfolio would gain ---------------------------------------------------------------


def gained_findings(root: Path, plan: Append, as_of: dt.date) -> tuple[Any, list[Any]]:
    """Evaluate the portfolio as it is and, in a temporary copy, with the entry written.

    Returns (the evaluation of the portfolio as it is, the findings only the copy has).
    Appending moves no existing line, so findings compare by their rendered text.
    """
    from stcli.engine.evaluate import evaluate
    from stcli.render.findings import line

    before = evaluate(root, as_of)
    with tempfile.TemporaryDirectory(prefix="st-add-") as scratch:
        copy = Path(scratch) / "portfolio"
        shutil.copytree(root, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"))
        target = copy / plan.rel
        # A read-only portfolio copies read-only: open the copy's own way to the entry.
        for path in (copy, *(copy / Path(plan.rel).parent).parents, target.parent, target):
            if path.is_relative_to(copy) and path.exists() and not path.is_symlink():
                path.chmod(0o700 if path.is_dir() else 0o600)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(plan.new)
        after = evaluate(copy, as_of)
    seen = Counter(line(f, "en") for f in before.findings)
    gained = []
    for finding in after.findings:
        key = line(finding, "en")
        if seen[key] > 0:
            seen[key] -= 1
        else:
            gained.append(finding)
    return before, gained


def main_supervisor(profile: Any, day: dt.date | None) -> str | None:
    """The id of the main supervisor (at `day` when several have been)."""
    if profile is None:
        return None
    mains = [s for s in profile.supervisors if s.role == "main"]
    if day is not None:
        for supervisor in mains:
            if (supervisor.from_ is None or supervisor.from_ <= day) and (
                    supervisor.to is None or day <= supervisor.to):
                return str(supervisor.id)
    return str(mains[0].id) if mains else None


# --- st init -----------------------------------------------------------------------------------


@dataclass(slots=True)
class InitAnswers:
    trainee: str
    regulation: str
    start: dt.date
    home_unit: str
    region: str | None = None
    supervisor_id: str | None = None
    supervisor_name: str | None = None


SUPERVISOR_ID = re.compile(r"[A-Za-z0-9_.\-]+")


def _yaml_text(text: str) -> str:
    return text if _plain_is_text(text, flow=False) else _quoted(text)


def _flow_text(text: str) -> str:
    return text if _plain_is_text(text, flow=True) else _quoted(text)


def profile_text(answers: InitAnswers) -> str:
    """A commented st.yaml (Swedish comments explaining each key)."""
    start = answers.start.isoformat()
    out = [
        "# st.yaml: din ST-portfölj. Filen markerar portföljens rot; `st validate` kontrollerar",
        "# allt. Nycklar som börjar med x_ är dina egna och läses inte av st. Datum skrivs",
        "# ÅÅÅÅ-MM-DD; perioder räknas med både start- och slutdag.",
        "",
        "# Ditt namn som på ansökan om specialistkompetens.",
        f"trainee: {_yaml_text(answers.trainee)}",
        "# Föreskriften din ST följer: \"SOSFS 2015:8\" eller \"HSLF-FS 2021:8\".",
        f"regulation: {_quoted(answers.regulation)}",
    ]
    if answers.region:
        out += ["# Regionens regelpaket: vgr | gavleborg | vastmanland.",
                f"region: {answers.region}"]
    else:
        out += ["# Regionens regelpaket (valfritt): vgr | gavleborg | vastmanland.",
                "# region: vgr"]
    out += [
        "# Första dagen av ST-anställningen.",
        f"start: {start}",
        "# Din vårdcentral (basenhet).",
        f"home_unit: {_yaml_text(answers.home_unit)}",
        "# Har du gjort svensk AT? Påverkar bland annat längden på internmedicin i VGR.",
        "swedish_at: false",
        "# Planerad ansökan om specialistbevis (valfritt).",
        "# planned_end: 2029-03-01",
        "# Språk för st:s utskrifter: sv | en.",
        "language: sv",
    ]
    if answers.regulation == "HSLF-FS 2021:8":
        out += ["# Bastjänstgöring (BT) inom ST: fyll i när den är planerad.",
                "# bt:", f"#   start: {start}", "#   end: 2024-08-31",
                "#   approved: 2024-10-15   # datum för intyg om godkänd BT"]
    else:
        out += ["# SOSFS 2015:8: disputerad ger minst 54 i stället för 60 månader.",
                "doctoral_degree: false"]
    out += [
        "# Tjänstgöringsgrad i procent, en trappa: varje rad gäller från `from` till nästa.",
        "employment:",
        f"  - {{from: {start}, percent: 100}}",
        "# Tillgodoräknad tid (tidigare tjänstgöring som räknas in i ST), om beslut finns.",
        "credited: []",
        "# Handledare: `id` används i övriga filer (supervisor: anna). role: main | co |",
        "# scientific | side. training: år (eller datum) för handledarutbildningen.",
    ]
    if answers.supervisor_id:
        name = answers.supervisor_name or answers.supervisor_id
        out += ["supervisors:",
                f"  - id: {answers.supervisor_id}",
                f"    name: {_yaml_text(name)}",
                "    specialty: allmanmedicin",
                "    role: main",
                f"    from: {start}"]
    else:
        out += ["supervisors: []"]
    out += [
        "# Överenskommen studietid (timmar per vecka) vid nuvarande tjänstgöringsgrad.",
        "# study_hours_per_week: 4",
        "# Egna regelinställningar, t.ex.:",
        "# rules:",
        "#   disable: [L001]",
        "#   severity: {A001: error}",
        "#   params: {H001: {max_gap_days: 21}}",
        "",
    ]
    return "\n".join(out)


GITIGNORE = """\
# Operativsystemets och redigerarnas skräpfiler
.DS_Store
Thumbs.db
*~
*.swp
# st:s tillfälliga filer (atomisk skrivning)
.*.tmp
# Genererade rapporter: skapa dem på nytt med `st report`
rapporter/
"""


def vscode_settings(kinds: tuple[str, ...]) -> str:
    import json

    schemas: dict[str, Any] = {"./schemas/st.schema.json": ["st.yaml"]}
    for kind in kinds:
        schemas[f"./schemas/{kind}.schema.json"] = [f"{kind}/**/*.yaml", f"{kind}/**/*.yml"]
    return json.dumps({"yaml.schemas": schemas}, indent=2, ensure_ascii=False) + "\n"


def in_git_repository(folder: Path) -> bool:
    here = folder.resolve()
    return any((parent / ".git").exists() for parent in (here, *here.parents))


def create_portfolio(root: Path, answers: InitAnswers, hook_config: str | None = None
                     ) -> list[str]:
    """Write a new portfolio into `root`; the relative paths written. `st.yaml` comes last,
    so an interrupted run leaves no half portfolio that st would take for a whole one.
    `hook_config` is the `.pre-commit-config.yaml` (default: st's repository at this version)."""
    from stcli.hookconfig import pre_commit_config
    from stcli.model import KINDS
    from stcli.schema import write_schemas

    root.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for kind in KINDS:
        keep = root / kind / ".gitkeep"
        if not keep.exists():
            atomic_write(keep, b"")
            written.append(f"{kind}/.gitkeep")
    for path in write_schemas(root / "schemas"):
        written.append(path.relative_to(root).as_posix())
    extras = {
        ".pre-commit-config.yaml": hook_config if hook_config is not None
        else pre_commit_config(),
        ".vscode/settings.json": vscode_settings(KINDS),
        ".gitignore": GITIGNORE,
    }
    for rel, text in extras.items():
        path = root / rel
        if not path.exists():
            atomic_write(path, text.encode("utf-8"))
            written.append(rel)
    atomic_write(root / "st.yaml", profile_text(answers).encode("utf-8"))
    written.append("st.yaml")
    return written
