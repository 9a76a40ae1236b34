"""Writing the portfolio: atomic file writes, new entries appended as text.

No typer here: the command modules (`stcli/cli/cmd_add.py`, `cmd_init.py`) ask and print;
this module builds and writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from stcli.fileio import ChangedMeanwhile, atomic_write, remove_stale_temporaries

__all__ = ["atomic_write"]  # the write of every file (now in stcli.fileio), kept here too


LOCK_FOLDER = ".st"
LOCK_FILE = "lock"


class LockUnavailable(Exception):
    """The portfolio's lock cannot be created or opened (a read-only portfolio)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason


def lock_path(root: Path) -> Path:
    return root / LOCK_FOLDER / LOCK_FILE


@contextlib.contextmanager
def portfolio_lock(root: Path) -> Iterator[None]:
    """Serialize the writers of one portfolio: two `st add` at once must not lose an entry.

    The lock is a file in the portfolio itself (`.st/lock`, ignored by git through
    `.st/.gitignore`), so every writer of this portfolio finds the same one, whatever its
    temporary folder (a container and its host, a sandboxed /tmp). flock needs only an open
    descriptor, so a user who may read the lock may take it, whoever created it. Where
    flock does not reach (a share synced between machines) the compare-and-swap of
    `commit_append` still refuses to overwrite. Raises LockUnavailable with the reason.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    path = lock_path(root)
    fd = _open_lock(root, path)
    try:
        # Where flock is not available (some network file systems; NFS wants the file open
        # for writing) the compare-and-swap of commit_append is what guards the file.
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _open_lock(root: Path, path: Path) -> int:
    shown = f"{LOCK_FOLDER}/{LOCK_FILE}"
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    for flags in (os.O_RDWR, os.O_RDONLY):  # read-only is enough for flock on local disks
        try:
            return os.open(path, flags | nofollow)
        except FileNotFoundError:
            break
        except PermissionError:
            continue
        except OSError as error:
            raise LockUnavailable(shown, error.strerror or type(error).__name__) from None
    if os.path.lexists(path):
        raise LockUnavailable(shown, os.strerror(errno.EACCES))
    try:
        folder = path.parent
        if not folder.is_dir():
            folder.mkdir(exist_ok=True)
            _like_root(root, folder, 0o777)
            ignore = folder / ".gitignore"
            atomic_write(ignore, b"# st lock (st add)\n*\n")
        fd = os.open(path, os.O_RDWR | os.O_CREAT | nofollow, 0o666)
        _like_root(root, path, 0o666)
        return fd
    except OSError as error:
        raise LockUnavailable(shown, error.strerror or type(error).__name__) from None


def _like_root(root: Path, path: Path, bits: int) -> None:
    """Give `path` the portfolio folder's group (and, as root, owner) and its group and
    other read/write bits, so that everyone who may write the portfolio may lock it."""
    with contextlib.suppress(OSError):
        info = root.stat()
        if os.geteuid() == 0:
            os.chown(path, info.st_uid, info.st_gid, follow_symlinks=False)
        else:
            os.chown(path, -1, info.st_gid, follow_symlinks=False)
        mode = (stat.S_IMODE(info.st_mode) | 0o600) & bits
        os.chmod(path, mode | (0o700 & bits))


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
    from stcli.model import FIELDS, KIND_RECORDS, Supervisor

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

    for kind, record in {**KIND_RECORDS, "supervisor": Supervisor}.items():
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
    from stcli.entry import record_name

    return render_record(record_name(kind), values)


def render_record(name: str, values: dict[tuple[str, ...], str]) -> list[str]:
    """A record of the field table `name` as a block mapping at column 0."""
    from stcli.model import FIELDS

    lines: list[str] = []
    for spec in FIELDS[name]:
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
    from stcli.entry import record_name
    from stcli.findings import Position
    from stcli.load import convert_record_text

    located, findings = convert_record_text("\n".join(lines) + "\n", record_name(kind), rel,
                                            vocabulary)
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
    path: Path  # the file written: a link's target inside the portfolio, resolved
    rel: str  # the path as `st validate` names it (through a link, if any)
    old: bytes | None  # the bytes planned against (None: the file is new)
    new: bytes
    first_line: int  # line of the entry's first key in the new file (1-based)
    column: int  # column of the dash (0-based)
    # every relative name under which `st validate` reads the file: rel, and the target's
    overlay_names: tuple[str, ...] = ()

    @property
    def overlay(self) -> dict[str, bytes]:
        return {name: self.new for name in (self.overlay_names or (self.rel,))}


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
        if not os.path.lexists(candidate):
            return candidate
        number += 1


def _lexical_rel(root: Path, path: Path) -> str | None:
    """`path` relative to `root` as written (links not followed), or None if outside."""
    relative = os.path.relpath(os.path.normpath(path), root)
    if relative == os.curdir or relative.split(os.sep)[0] == os.pardir:
        return None
    return Path(relative).as_posix()


def plan_append(root: Path, kind: str, path: Path, lines: list[str],
                explicit: bool = False) -> Append:
    """The file's new bytes: its old bytes unchanged, then the new item.

    A file holding one entry as a mapping is never rewritten: the new entry goes to a new file
    next to it (`2025-2.yaml`), or, when the file was named with `--file`, is refused. The
    file is read exactly as `st validate` reads it (the same YAML composer), a link is
    written through to its target when that is inside the portfolio and refused otherwise,
    and the new text must read back as the old entries, unchanged, plus the new one.
    """
    import yaml

    from stcli.load import YAML_SUFFIXES

    _encoded("\n".join(lines))  # refuses text that is not UTF-8 before anything else
    root = root.resolve()
    path = path if path.is_absolute() else root / path
    rel = _lexical_rel(root, path)
    if rel is None:
        raise WriteRefused("write.outside_kind", path=str(path), kind=kind)
    if rel.split("/")[0] != kind or not path.name.lower().endswith(YAML_SUFFIXES) or (
            path.name.startswith(".")):
        raise WriteRefused("write.outside_kind", path=rel, kind=kind)
    try:
        real = (root / rel).resolve()
        real_rel = real.relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):
        raise WriteRefused("write.link_outside", path=rel) from None
    names = (rel,) if real_rel == rel else (rel, real_rel)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise WriteRefused("write.cannot_write", path=rel,
                           reason=error.strerror or type(error).__name__) from None
    if info is None:
        text = "\n".join(as_item(lines)) + "\n"
        return Append(real, rel, None, _encoded(text), 1, 0, names)
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused("write.not_a_file", path=rel)
    try:
        old = real.read_bytes()
    except OSError as error:
        raise WriteRefused("write.cannot_write", path=rel,
                           reason=error.strerror or type(error).__name__) from None
    bom = b"\xef\xbb\xbf" if old.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = old[len(bom):].decode("utf-8")
    except UnicodeDecodeError:
        raise WriteRefused("write.unreadable", path=rel) from None
    data = _compose(text)
    if data is False:
        raise WriteRefused("write.unreadable", path=rel)
    if isinstance(data, yaml.MappingNode):
        if explicit:
            raise WriteRefused("write.single_entry", path=rel)
        return plan_append(root, kind, _free_name(root / rel), lines)
    sequence = yaml.SequenceNode
    if data is not None and not isinstance(data, sequence) and not _is_empty(data):
        raise WriteRefused("write.not_a_list", path=rel)
    if isinstance(data, sequence) and data.flow_style:
        raise WriteRefused("write.flow_list", path=rel)
    items = data.value if isinstance(data, sequence) else []
    column = data.start_mark.column if isinstance(data, sequence) else 0
    newline = "\r\n" if "\r\n" in text else "\n"
    prefix = "" if not text or text.endswith("\n") else newline
    spaced = isinstance(data, sequence) and re.search(
        r"\n[ \t]*\r?\n" + " " * column + "- ", text) is not None
    before_items = _shapes(items)
    if before_items is None:
        raise WriteRefused("write.not_appendable", path=rel)
    item_text = newline.join(as_item(lines, column)) + newline
    # With a blank line before the item when the file spaces its items; without, when a
    # blank line would change an earlier entry (the end of a `|+` block keeps blank lines).
    for blank in ((newline, "") if spaced else ("",)):
        before = text + prefix + blank
        new_text = before + item_text
        reread = _compose(new_text)
        if reread is False or not isinstance(reread, sequence) or (
                len(reread.value) != len(items) + 1):
            raise WriteRefused("write.not_appendable", path=rel)
        if _shapes(reread.value[:-1]) == before_items:
            first_line = before.count("\n") + 1
            return Append(real, rel, old, bom + _encoded(new_text), first_line, column, names)
    raise WriteRefused("write.changes_earlier", path=rel)


def _encoded(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a command line that was not UTF-8
        raise WriteRefused("write.not_text") from None


def _compose(text: str) -> Any:
    """The file's node tree as `st validate` composes it; False when it cannot be read."""
    import yaml

    from stcli.load import _Loader, too_deep

    try:
        if too_deep(text):
            return False
        return yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError, ValueError, MemoryError):
        return False


def _is_empty(node: Any) -> bool:
    import yaml

    return isinstance(node, yaml.ScalarNode) and not node.style and node.value in (
        "", "~", "null", "Null", "NULL")


def _shapes(items: list[Any]) -> list[Any] | None:
    """What the entries read as (structure, text and quoting of every scalar), to compare;
    None when they hold more values than a file may (an alias bomb)."""
    import yaml

    from stcli.load import MAX_NODE_VISITS

    budget = [MAX_NODE_VISITS]

    def shape(node: Any) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise OverflowError
        if isinstance(node, yaml.ScalarNode):
            return (node.tag, node.style, node.value)
        if isinstance(node, yaml.SequenceNode):
            return ("seq", tuple(shape(item) for item in node.value))
        return ("map", tuple((shape(k), shape(v)) for k, v in node.value))

    try:
        return [shape(item) for item in items]
    except (OverflowError, RecursionError):
        return None


def commit_append(plan: Append) -> None:
    """Write the planned bytes, only if the file still holds the bytes planned against.

    Raises WriteRefused (`write.changed_meanwhile`) when an editor, git or another writer
    changed the file since it was read: their change is kept, nothing is written; OSError
    when the file cannot be written (the old file is then untouched).
    """
    remove_stale_temporaries(plan.path)
    try:
        atomic_write(plan.path, plan.new, expected=plan.old)
    except ChangedMeanwhile:
        raise WriteRefused("write.changed_meanwhile", path=plan.rel) from None


# --- what the portfolio would gain ---------------------------------------------------------------


def gained_findings(root: Path, plan: Append, as_of: dt.date) -> tuple[Any, list[Any]]:
    """Evaluate the portfolio as it is and with the entry written (the one changed file
    overlaid in memory: nothing is copied, nothing is written).

    Returns (the evaluation of the portfolio as it is, the findings only the new one has).
    Appending moves no existing line, so findings compare by their rendered text.
    """
    from stcli.engine.evaluate import evaluate
    from stcli.render.findings import line

    before = evaluate(root, as_of)
    after = evaluate(root, as_of, overlay=plan.overlay)
    seen = Counter(line(f, "en") for f in before.findings)
    gained = []
    for finding in after.findings:
        key = line(finding, "en")
        if seen[key] > 0:
            seen[key] -= 1
        else:
            gained.append(finding)
    return before, gained


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
    language: str = "sv"


SUPERVISOR_ID = re.compile(r"[A-Za-z0-9_.\-]+")


def _yaml_text(text: str) -> str:
    return text if _plain_is_text(text, flow=False) else _quoted(text)


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
        f"language: {answers.language}",
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


# --- drafts: an entry that still has errors, kept as comments -----------------------------------


def plan_draft(root: Path, kind: str, path: Path, lines: list[str],
               header: list[str]) -> Append:
    """The file with the entry appended as comments (`# - date: …`): nothing typed is lost,
    and the portfolio reads exactly as before. Removing the `# ` restores the entry in place.

    `header` are comment lines (without `# `) saying what is wrong; the entry keeps the
    list's indentation so that uncommenting it needs nothing else.
    """
    import yaml

    root = root.resolve()
    path = path if path.is_absolute() else root / path
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise WriteRefused("write.outside_kind", path=str(path), kind=kind) from None
    if rel.split("/")[0] != kind and not (kind == "supervisor" and rel == "st.yaml"):
        raise WriteRefused("write.outside_kind", path=rel, kind=kind)
    old: bytes | None = None
    text = ""
    column = 0
    if path.exists():
        if not path.is_file():
            raise WriteRefused("write.not_a_file", path=rel)
        old = path.read_bytes()
        try:
            text = old.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise WriteRefused("write.unreadable", path=rel) from None
        match = re.search(r"^([ \t]*)- ", text, re.MULTILINE)
        column = len(match[1]) if match and kind != "supervisor" else 0
    newline = "\r\n" if "\r\n" in text else "\n"
    prefix = "" if not text or text.endswith("\n") else newline
    if text.strip():
        prefix += newline
    body = [f"# {note}".rstrip() for note in header]
    body += ["# " + item for item in as_item(lines, column)]
    new_text = text + prefix + newline.join(body) + newline
    first_line = (text + prefix).count("\n") + 1
    # Comments change no value: the file must read back as the same data (or both unreadable).
    try:
        same = yaml.load(text, Loader=yaml.BaseLoader) == yaml.load(new_text,
                                                                      Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        same = True
    if not same:
        raise WriteRefused("write.not_appendable", path=rel)
    bom = b"\xef\xbb\xbf" if old is not None and old.startswith(b"\xef\xbb\xbf") else b""
    return Append(path, rel, old, bom + new_text.encode("utf-8"), first_line, column)


# --- st add supervisor: one more item of `supervisors:` in st.yaml ------------------------------


def _last_end(node: Any) -> Any:
    """The end mark of the last scalar inside `node` (a block collection's own end mark lies
    at the next token, past any comments that follow it)."""
    import yaml

    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        if node.flow_style:  # `{id: anna, …}`: its own end is exact (after the brace)
            return node.end_mark
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node.end_mark


def plan_supervisor(root: Path, lines: list[str]) -> Append:
    """st.yaml with one more supervisor, every other byte as it was.

    The item is inserted as text after the last one of `supervisors:` (or replaces an empty
    `supervisors: []`, or starts the list at the end of the file); the result must read back,
    through ruamel.yaml's round trip, as the old data with exactly that item added.
    """
    import yaml
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    root = root.resolve()
    path = root / "st.yaml"
    rel = "st.yaml"
    old = path.read_bytes()
    bom = b"\xef\xbb\xbf" if old.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = old[len(bom):].decode("utf-8")
        document = yaml.compose(text, Loader=yaml.BaseLoader)
    except (UnicodeDecodeError, yaml.YAMLError):
        raise WriteRefused("write.unreadable", path=rel) from None
    if not isinstance(document, yaml.MappingNode):
        raise WriteRefused("write.unreadable", path=rel)
    newline = "\r\n" if "\r\n" in text else "\n"
    rows = text.splitlines(keepends=True)
    found = next(((k, v) for k, v in document.value
                  if isinstance(k, yaml.ScalarNode) and k.value == "supervisors"), None)
    if found is None:
        prefix = "" if not text or text.endswith("\n") else newline
        before = text + prefix + "supervisors:" + newline
        new_text = before + newline.join(as_item(lines, 2)) + newline
        first_line, column = before.count("\n") + 1, 2
    else:
        key, value = found
        column = key.start_mark.column + 2
        empty = (isinstance(value, yaml.ScalarNode) and value.value == "" and not value.style
                 ) or (isinstance(value, yaml.SequenceNode) and not value.value)
        if empty:
            # `supervisors: []` or `supervisors:`: the key's line keeps only the key (and
            # any comment after it); the list starts on the next line.
            row = key.start_mark.line
            if value.end_mark.line != row:
                raise WriteRefused("write.not_appendable", path=rel)
            current = rows[row]
            ending = current[len(current.rstrip("\r\n")):] or newline
            rest = current[value.end_mark.column:].rstrip("\r\n") if value.value == [] else ""
            head = current[:key.end_mark.column] + ":"
            rows[row] = head + (("  " + rest.strip()) if rest.strip() else "") + ending
            insert_at = row + 1
        else:
            if not isinstance(value, yaml.SequenceNode) or value.flow_style:
                raise WriteRefused("write.flow_list" if isinstance(value, yaml.SequenceNode)
                                   else "write.not_a_list", path=rel)
            first = value.value[0].start_mark
            dash = rows[first.line].rfind("-", 0, first.column)
            if dash < 0:
                raise WriteRefused("write.not_appendable", path=rel)
            column = dash
            end = _last_end(value.value[-1])
            tail = rows[end.line][end.column:] if end.line < len(rows) else ""
            if tail.strip() and not tail.strip().startswith("#"):
                raise WriteRefused("write.not_appendable", path=rel)
            insert_at = end.line + 1 if end.column > 0 else end.line
        if insert_at > 0 and insert_at <= len(rows) and not rows[insert_at - 1].endswith("\n"):
            rows[insert_at - 1] += newline
        item = [row + newline for row in as_item(lines, column)]
        rows[insert_at:insert_at] = item
        new_text = "".join(rows)
        first_line = insert_at + 1
    try:
        old_data = YAML(typ="rt").load(text)
        new_data = YAML(typ="rt").load(new_text)
    except (YAMLError, ValueError, OverflowError):  # `start: 2025-04-31`: a date that is none
        raise WriteRefused("write.not_appendable", path=rel) from None
    old_list = list(old_data.get("supervisors") or [])
    new_list = list(new_data.get("supervisors") or [])
    others_same = {k: v for k, v in old_data.items() if k != "supervisors"} == {
        k: v for k, v in new_data.items() if k != "supervisors"}
    if not others_same or len(new_list) != len(old_list) + 1 or new_list[:-1] != old_list:
        raise WriteRefused("write.not_appendable", path=rel)
    return Append(path, rel, old, bom + new_text.encode("utf-8"), first_line, column)


# --- file modes ----------------------------------------------------------------------------------


def new_file_mode() -> int:
    """The mode a new file gets under the user's umask (0644 with the usual 022), as git
    users expect (`fileio.atomic_write` gives new files this mode)."""
    from stcli.fileio import current_umask

    return 0o666 & ~current_umask()
