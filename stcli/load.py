"""Read a portfolio exactly: YAML nodes with positions, each scalar converted by its field's type.

PyYAML's libyaml `compose` gives a node tree that keeps the text the user wrote and where
(about 25 times faster than ruamel.yaml's round-trip loader). Values are never taken from
YAML's own type guessing: `no` in a text field stays `no`, `1:30` in a minutes field is an
error, not 90. Problems become findings (D001-D005, D012), never exceptions.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from stcli import model
from stcli.findings import Finding, Msg, Position
from stcli.model import FIELDS, KINDS, FieldSpec
from stcli.portfolio import Located, Portfolio

# libyaml is many times faster; the pure-Python composer gives the same nodes. The base
# loaders skip YAML's implicit type resolution, which we never use (values are converted
# from the text by each field's declared type) and which costs a Python call per scalar.
try:
    from yaml import CBaseLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """Composes nodes without resolving tags: libyaml would call back into Python per node."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return "tag:yaml.org,2002:str"

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

PROFILE_FILE = "st.yaml"
MAX_FILE_BYTES = 10 * 1024 * 1024
# Node visits allowed per file: bounds alias expansion ("billion laughs") and hostile depth.
MAX_NODE_VISITS = 200_000
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]")  # `*name` where YAML reads an alias
MAX_FINDINGS_PER_FILE = 200
# The whole portfolio: ten years of entries is about 1 MB and 20 000 values; these are more
# than ten times that and far below what makes `st validate` slow (1M entries took 52 s and
# 2.4 GB; 510 000 entries still 260 s on a loaded machine, 60 000 entries about 20 s).
MAX_TOTAL_BYTES = 32 * 1024 * 1024
MAX_TOTAL_VALUES = 250_000
# Names walked for P001 (file and folder names may hold a personnummer too).
MAX_NAMES = 50_000
# A number longer than this is no count of minutes or percent; Python refuses to convert
# 4301 digits and more (and converting long runs is quadratic), so it is refused first.
MAX_NUMBER_CHARS = 40
# libyaml composes recursively: tens of thousands of nested levels crash the interpreter
# (seen: a segfault at 50 000). Portfolio data is at most a handful of levels deep.
MAX_DEPTH = 1000
YAML_SUFFIXES = (".yaml", ".yml")
# Each record's fields by YAML key, built once (not once per entry).
_SPECS_BY_KEY = {name: {spec.key: spec for spec in specs} for name, specs in FIELDS.items()}
_REQUIRED = {name: [spec for spec in specs if spec.required] for name, specs in FIELDS.items()}
_SCALAR_KINDS = frozenset({"str", "enum", "date", "year_or_date", "bool", "int", "decimal"})

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {
    "true": True, "false": False, "yes": True, "no": False, "on": True, "off": False,
}
_INT_RE = re.compile(r"[+-]?[0-9]+")
_DECIMAL_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_YEAR_RE = re.compile(r"[0-9]{4}")
# Words trainees write in Swedish for our English keys.
_KEY_SYNONYMS = {
    "datum": "date", "minuter": "minutes", "handledare": "supervisor", "slut": "end",
    "start_datum": "start", "slutdatum": "end", "startdatum": "start", "typ": "type",
    "kommentar": "notes", "anteckningar": "notes", "anteckning": "notes", "metod": "method",
    "amnen": "topics", "ämnen": "topics", "titel": "title", "kurs": "title",
    "enhet": "unit", "specialitet": "specialty", "procent": "percent", "intyg": "certificate",
    "delmål": "delmal", "bedomare": "assessor", "bedömare": "assessor", "namn": "name",
    "region": "region", "note": "notes",
}
_FOLD = str.maketrans("åäöÅÄÖéÉ", "aaoAAOeE")


class _Invalid:
    """A value that could not be converted; its finding is already recorded."""


INVALID = _Invalid()


class _Abort(Exception):
    """The file is too hostile to go on (alias expansion, too many findings)."""


@dataclass()
class LoadResult:
    portfolio: Portfolio
    findings: list[Finding]
    files_read: int = 0


@dataclass()
class _Budget:
    """What the whole portfolio may cost (bytes read, values converted)."""

    bytes_left: int = field(default_factory=lambda: MAX_TOTAL_BYTES)
    values_left: int = field(default_factory=lambda: MAX_TOTAL_VALUES)
    exceeded: bool = False


def find_root(start: Path) -> Path | None:
    """The folder holding st.yaml: `start` itself or the nearest parent (like pyproject.toml)."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        if (folder / PROFILE_FILE).is_file():
            return folder
    return None


@dataclass()
class _FileContext:
    rel: str
    findings: list[Finding]
    vocabulary: dict[str, frozenset[str]]
    visits: int = 0
    errors: int = 0
    fields: dict[str, Position] = field(default_factory=dict)
    text: str = ""  # the file's text: to tell an alias bomb from a merely huge file
    budget: _Budget | None = None  # the whole portfolio's (None: one entry, for `st add`)
    # The fields that did convert, of the last top-level record that failed as a whole.
    partial: dict[str, Any] | None = None

    def pos(self, node: yaml.Node) -> Position:
        mark = node.start_mark
        return Position(self.rel, mark.line + 1, mark.column + 1)

    def add(self, code: str, node: yaml.Node | None, message_key: str,
            hint: Msg | None = None, /, **args: Any) -> None:
        position = self.pos(node) if node is not None else Position(self.rel)
        self.findings.append(Finding(code, Msg(message_key, args), position, hint))
        self.errors += 1
        if self.errors > MAX_FINDINGS_PER_FILE:
            raise _Abort("too-many-findings")


def load(root: Path, overlay: dict[str, bytes] | None = None) -> LoadResult:
    """Load the portfolio at `root` (the folder holding st.yaml).

    `overlay` maps relative paths to bytes read instead of the file's (which may not exist
    yet): `st add` evaluates the portfolio with its one changed file this way, in memory.
    """
    # Loading allocates a node per value and nothing cyclic: the cyclic garbage collector
    # would only rescan them all, again and again (a 9 MB file took 35 s instead of 5 s).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(root, overlay or {})
    finally:
        if collecting:
            gc.enable()


def _load(root: Path, overlay: dict[str, bytes]) -> LoadResult:
    root = root.resolve()
    findings: list[Finding] = []
    portfolio = Portfolio(root=str(root))
    files_read = 0
    vocabulary: dict[str, frozenset[str]] = {}
    budget = _Budget()

    before = len(findings)
    node = _read_yaml(root, root / PROFILE_FILE, PROFILE_FILE, findings, portfolio,
                      overlay, budget)
    if node is None and len(findings) == before and PROFILE_FILE in portfolio.texts:
        # An empty st.yaml (or only comments) is no profile: say so, never a clean result.
        findings.append(Finding("D004", Msg("load.expected_mapping", {}),
                                Position(PROFILE_FILE, 1, 1)))
    if node is not None:
        files_read += 1
        ctx = _FileContext(PROFILE_FILE, findings, vocabulary,
                           text=portfolio.texts.get(PROFILE_FILE, ""))
        try:
            profile = _convert_top_record(node, "Profile", ctx)
        except _Abort:
            profile = None
        if profile is not None:
            portfolio.profile = profile
            extra = frozenset(profile.value.vocabulary.specialty)
            if extra:
                vocabulary["specialty"] = extra
            _read_pack_texts(root, profile.value.packs, portfolio)

    for kind in KINDS:
        folder = root / kind
        record_name = model.KIND_RECORDS[kind].__name__
        for path, rel in _kind_files(root, folder, findings, overlay):
            if budget.exceeded:
                break
            node = _read_yaml(root, path, rel, findings, portfolio, overlay, budget)
            if node is None:
                continue
            files_read += 1
            ctx = _FileContext(rel, findings, vocabulary, text=portfolio.texts.get(rel, ""),
                               budget=budget)
            entries = portfolio.entries(kind)
            try:
                if isinstance(node, yaml.SequenceNode):
                    for item in node.value:
                        located = _convert_top_record(item, record_name, ctx, entry=True)
                        if located is not None:
                            entries.append(located)
                        elif (partial := _incomplete(ctx, item)) is not None:
                            portfolio.incomplete.setdefault(kind, []).append(partial)
                elif isinstance(node, yaml.MappingNode):
                    located = _convert_top_record(node, record_name, ctx, entry=True)
                    if located is not None:
                        entries.append(located)
                    elif (partial := _incomplete(ctx, node)) is not None:
                        portfolio.incomplete.setdefault(kind, []).append(partial)
                elif not _is_null(node):
                    ctx.add("D004", node, "load.not_entries", kind=kind)
            except _Abort:
                pass
            budget.values_left -= ctx.visits
            if budget.values_left < 0 and not budget.exceeded:
                budget.exceeded = True
                findings.append(_too_large(rel))
    portfolio.names = _names(root)
    return LoadResult(portfolio, findings, files_read)


def _too_large(rel: str) -> Finding:
    return Finding("D012", Msg("load.portfolio_too_large", {
        "path": rel, "limit_mb": MAX_TOTAL_BYTES // (1024 * 1024),
        "values": MAX_TOTAL_VALUES}), Position(rel), Msg("load.hint_portfolio_too_large"))


def _read_pack_texts(root: Path, packs: list[str], portfolio: Portfolio) -> None:
    """A user pack's text, for P001 (its rules are read by the settings)."""
    import stat

    for pack in packs:
        path = root / pack
        try:
            rel = path.resolve().relative_to(root).as_posix()
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                continue
            with path.open("rb") as handle:
                text = handle.read(MAX_FILE_BYTES).decode("utf-8", "replace")
        except (OSError, ValueError, RuntimeError):
            continue  # the settings report the pack as unreadable or outside
        portfolio.texts.setdefault(rel, text)


def _names(root: Path) -> list[str]:
    """Every file and folder name below `root` (`.git` aside), relative, at most MAX_NAMES."""
    names: list[str] = []
    for current, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        here = Path(current)
        for name in (*dirnames, *sorted(filenames)):
            names.append((here / name).relative_to(root).as_posix())
        if len(names) > MAX_NAMES:
            break
    return names


# --- files -----------------------------------------------------------------------------------


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _kind_files(root: Path, folder: Path, findings: list[Finding],
                overlay: dict[str, bytes] | None = None) -> list[tuple[Path, str]]:
    """Every *.yaml/*.yml below a kind's folder, sorted; links leaving the portfolio refused."""
    rel_folder = folder.relative_to(root).as_posix()
    added = sorted((root / rel, rel) for rel in overlay or {}
                   if rel.startswith(rel_folder + "/"))
    if not folder.exists() and not folder.is_symlink():
        return added
    if folder.is_symlink() and not _inside(root, folder):
        findings.append(
            Finding("D012", Msg("load.link_outside", {"path": rel_folder}), Position(rel_folder))
        )
        return []
    found: list[tuple[Path, str]] = []
    for current, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(current)
        dirnames.sort()
        for name in list(dirnames):
            sub = here / name
            if sub.is_symlink():
                # Links to folders are not followed (no loops); one leaving the portfolio is
                # worth telling about, since its data would silently be missing.
                if not _inside(root, sub):
                    rel = sub.relative_to(root).as_posix()
                    findings.append(
                        Finding("D012", Msg("load.link_outside", {"path": rel}), Position(rel))
                    )
                dirnames.remove(name)
        for name in sorted(filenames):
            if not name.lower().endswith(YAML_SUFFIXES) or name.startswith("."):
                continue
            path = here / name
            found.append((path, path.relative_to(root).as_posix()))
    if added:
        known = {rel for _, rel in found}
        found = sorted([*found, *(item for item in added if item[1] not in known)],
                       key=lambda item: item[1].split("/"))
    return found


def _read_yaml(
    root: Path, path: Path, rel: str, findings: list[Finding], portfolio: Portfolio,
    overlay: dict[str, bytes] | None = None, budget: _Budget | None = None,
) -> yaml.Node | None:
    def refuse(key: str, line: int | None = None, column: int | None = None,
               **args: Any) -> None:
        findings.append(Finding("D012", Msg(key, {"path": rel, **args}), Position(rel, line,
                                                                                  column)))

    raw: bytes | None = (overlay or {}).get(rel)
    try:
        if raw is not None:
            pass  # the planned content of a file `st add` is writing
        elif path.is_symlink() and not _inside(root, path):
            refuse("load.link_outside")
            return None
        else:
            raw = _read_file(path, refuse)
            if raw is None:
                return None
    except OSError as error:
        refuse("load.unreadable", reason=error.strerror or type(error).__name__)
        return None
    if budget is not None:
        budget.bytes_left -= len(raw)
        if budget.bytes_left < 0:
            if not budget.exceeded:
                budget.exceeded = True
                findings.append(_too_large(rel))
            return None
    return _compose(raw, rel, findings, portfolio, refuse)


def _read_file(path: Path, refuse: Any) -> bytes | None:
    """The bytes of a regular file of at most MAX_FILE_BYTES (else a finding and None)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        refuse("load.too_large", size_mb=Decimal(size) / (1024 * 1024),
               limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        return None
    if not path.is_file():
        refuse("load.not_a_file")
        return None
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        refuse("load.too_large", size_mb=Decimal(len(raw)) / (1024 * 1024),
               limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        return None
    return raw


def _compose(raw: bytes, rel: str, findings: list[Finding], portfolio: Portfolio,
             refuse: Any) -> yaml.Node | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        refuse("load.not_utf8", line, column)
        return None
    if "\x00" in text:
        refuse("load.binary")
        return None
    portfolio.texts[rel] = text
    try:
        if too_deep(text):
            findings.append(Finding("D001", Msg("load.too_deep_file", {"depth": MAX_DEPTH}),
                                    Position(rel)))
            return None
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = str(error.problem or error.context or "").strip()
        findings.append(
            Finding("D001", Msg("load.yaml_syntax", {"problem": problem}),
                    Position(rel, mark.line + 1 if mark else None,
                             mark.column + 1 if mark else None),
                    _syntax_hint(problem, text, mark))
        )
    except (yaml.YAMLError, RecursionError, MemoryError, ValueError) as error:
        findings.append(
            Finding("D001", Msg("load.yaml_syntax", {"problem": type(error).__name__}),
                    Position(rel))
        )
    return None


def too_deep(text: str) -> bool:
    """Whether the YAML nests deeper than MAX_DEPTH, without recursing to find out.

    Nesting needs either flow brackets or a column per level, so only a file with many
    brackets or a very long line can be deep; only those are parsed (as events, which
    libyaml does iteratively) to measure.
    """
    # (max line length by split: a regex for "a run of MAX_DEPTH non-newlines" tries every
    # position and cost 10 ms on a 5-year portfolio, on every commit)
    if (text.count("[") + text.count("{") < MAX_DEPTH
            and max(map(len, text.split("\n"))) < MAX_DEPTH):
        return False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return False  # compose reports the syntax error with its position
    return False


def _syntax_hint(problem: str, text: str, mark: Any) -> Msg | None:
    line_text = ""
    if mark is not None:
        lines = text.splitlines()
        if 0 <= mark.line < len(lines):
            line_text = lines[mark.line]
    if "\t" in problem or "\\t" in problem or "\t" in line_text[: (mark.column + 1) if mark
                                                                else 0]:
        return Msg("load.hint_tabs")
    if "mapping values are not allowed" in problem:
        return Msg("load.hint_colon")
    if "another document" in problem or "single document" in problem:
        return Msg("load.hint_one_document")
    if "found undefined alias" in problem:
        return Msg("load.hint_alias")
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return Msg("load.hint_indent")
    return None


# --- conversion ------------------------------------------------------------------------------


def _plain(node: yaml.Node) -> bool:
    """Written without quotes (libyaml says '' where the pure-Python composer says None)."""
    return not getattr(node, "style", None)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and _plain(node) and node.value in _NULLS


def _scalar(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _fold(text: str) -> str:
    return text.translate(_FOLD).lower().strip().replace(" ", "-").replace("_", "-")


def suggest(value: str, choices: list[str] | tuple[str, ...] | frozenset[str]) -> str | None:
    """The nearest valid word: Swedish letters folded first (`föräldraledighet`), then spelling."""
    folded = _fold(value)
    for choice in choices:
        if _fold(choice) == folded:
            return choice
    close = difflib.get_close_matches(folded, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def convert_entry(text: str, kind: str, rel: str, vocabulary: dict[str, frozenset[str]]
                  ) -> tuple[Located[Any] | None, list[Finding]]:
    """One entry of `kind` written as YAML text, converted exactly as `load` converts the
    entries of a file (`st add` checks a new entry with it before writing)."""
    findings: list[Finding] = []
    node = yaml.compose(text, Loader=_Loader)
    if node is None:
        return None, findings
    ctx = _FileContext(rel, findings, vocabulary, text=text)
    try:
        located = _convert_top_record(node, model.KIND_RECORDS[kind].__name__, ctx, entry=True)
    except _Abort:
        located = None
    return located, findings


def convert_record_text(text: str, record_name: str, rel: str,
                        vocabulary: dict[str, frozenset[str]]
                        ) -> tuple[Located[Any] | None, list[Finding]]:
    """A record of any table (`Supervisor` too, not only a kind's entries) from YAML text,
    converted as `load` converts it: what `st add` checks one answer or one entry with."""
    findings: list[Finding] = []
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None, [Finding("D001", Msg("load.yaml_syntax", {"problem": "?"}),
                              Position(rel))]
    if node is None:
        return None, findings
    ctx = _FileContext(rel, findings, vocabulary, text=text)
    try:
        located = _convert_top_record(node, record_name, ctx, entry=True)
    except _Abort:
        located = None
    return located, findings


def _convert_top_record(
    node: yaml.Node, name: str, ctx: _FileContext, entry: bool = False
) -> Located[Any] | None:
    ctx.fields = {}
    if not isinstance(node, yaml.MappingNode):
        ctx.add("D004", node, "load.expected_entry" if entry else "load.expected_mapping")
        return None
    try:
        value = _convert_record(node, name, "", ctx)
    except RecursionError:
        ctx.add("D001", node, "load.too_deep")
        return None
    if value is INVALID:
        return None
    return Located(value, ctx.pos(node), ctx.fields)


def _incomplete(ctx: _FileContext, node: yaml.Node) -> Located[dict[str, Any]] | None:
    """The fields that did convert of an entry that failed as a whole (a wrong date), so
    that rules checking one field on its own (D008) still see them: one error never hides
    another."""
    partial, ctx.partial = ctx.partial, None
    if partial is None:
        return None
    return Located(partial, ctx.pos(node), ctx.fields)


def _visit(ctx: _FileContext, node: yaml.Node) -> None:
    ctx.visits += 1
    if ctx.visits > MAX_NODE_VISITS:
        if _ALIAS.search(ctx.text):
            ctx.add("D001", node, "load.alias_expansion")
        else:  # no alias: simply more values than one file of a portfolio should hold
            ctx.add("D001", node, "load.too_many_values", Msg("load.hint_split_file"),
                    limit=MAX_NODE_VISITS)
        raise _Abort("node-budget")


def _convert_record(node: yaml.Node, name: str, path: str, ctx: _FileContext) -> Any:
    """A record from a mapping node, or INVALID when a required field is missing or wrong.

    An error in an optional field is reported and that field takes its default, so that one
    typo does not drop a whole placement from the time count and cascade into other findings;
    the error itself still fails validation.
    """
    _visit(ctx, node)
    if not isinstance(node, yaml.MappingNode):
        ctx.add("D004", node, "load.expected_mapping_field", field=path or name)
        return INVALID
    specs = _SPECS_BY_KEY[name]
    rel, fields = ctx.rel, ctx.fields
    values: dict[str, Any] = {}
    seen: dict[str, yaml.Node] = {}
    suggested: set[str] = set()  # fields named in a did-you-mean: no second finding for them
    failed = False
    for key_node, value_node in merged_pairs(node, ctx):
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.add("D004", key_node, "load.key_not_text")
            continue
        key = key_node.value
        if key in seen:
            first = seen[key].start_mark
            ctx.add("D002", key_node, "load.duplicate_key", key=key, first_line=first.line + 1)
            continue
        seen[key] = key_node
        if key.startswith("x_"):
            continue
        spec = specs.get(key)
        if spec is None:
            near = _KEY_SYNONYMS.get(key.lower()) if key.lower() in _KEY_SYNONYMS else None
            if near not in specs:
                near = suggest(key, list(specs))
            if near:
                suggested.add(near)
            hint = Msg("hint.did_you_mean", {"value": near}) if near else Msg(
                "hint.valid_keys", {"keys": sorted(specs)})
            ctx.add("D003", key_node, "load.unknown_field", hint, key=key)
            continue
        full = f"{path}.{spec.attr}" if path else spec.key
        mark = value_node.start_mark  # (ctx.pos inlined: this runs for every field)
        fields[full] = Position(rel, mark.line + 1, mark.column + 1)
        if _is_null(value_node):
            if spec.required:
                ctx.add("D005", value_node, "load.missing_value", field=key)
                failed = True
            elif spec.nullable:
                values[spec.attr] = None
            # else: the record's default (an empty list, a default word) holds
            continue
        converted = _convert(value_node, spec.type, full, key, ctx)
        if converted is INVALID:
            failed = failed or spec.required
        else:
            values[spec.attr] = converted
    for spec in _REQUIRED[name]:
        if spec.key not in seen:
            failed = True
            if spec.key not in suggested:  # `datum:` was already said to mean `date:`
                ctx.add("D005", node, "load.missing_field", field=spec.key)
    if failed:
        if not path:
            ctx.partial = values
        return INVALID
    record_class = getattr(model, name)
    return record_class(**values)


def _convert(node: yaml.Node, desc: Any, path: str, key: str, ctx: _FileContext) -> Any:
    _visit(ctx, node)
    kind, argument, constraints = desc
    if kind in _SCALAR_KINDS and isinstance(node, yaml.ScalarNode):  # most values: first
        return _convert_scalar(node, node.value, kind, argument, constraints, key, ctx)
    if kind == "model":
        return _convert_record(node, argument, path, ctx)
    if kind == "list":
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        if items is None:
            if isinstance(node, yaml.MappingNode):
                ctx.add("D004", node, "load.expected_list", field=key)
                return INVALID
            items = [node]  # `delmal: STc1` is read as a list of one
        result = []
        for index, item in enumerate(items):
            ctx.fields[f"{path}.{index}"] = ctx.pos(item)
            value = _convert(item, argument, f"{path}.{index}", key, ctx)
            if value is not INVALID:  # a wrong item is reported and left out, not the list
                result.append(value)
        return result
    if kind == "dict":
        if not isinstance(node, yaml.MappingNode):
            ctx.add("D004", node, "load.expected_mapping_field", field=key)
            return INVALID
        mapping: dict[str, Any] = {}
        first_keys: dict[str, yaml.Node] = {}
        for key_node, value_node in merged_pairs(node, ctx):
            sub = _scalar(key_node)
            if sub is None:
                ctx.add("D004", key_node, "load.key_not_text")
                continue
            if sub in first_keys:
                ctx.add("D002", key_node, "load.duplicate_key", key=sub,
                        first_line=first_keys[sub].start_mark.line + 1)
                continue
            first_keys[sub] = key_node
            ctx.fields[f"{path}.{sub}"] = ctx.pos(value_node)
            value = _convert(value_node, argument, f"{path}.{sub}", sub, ctx)
            if value is not INVALID:
                mapping[sub] = value
        return mapping
    if kind == "union":
        wants_mapping = isinstance(node, yaml.MappingNode)
        for option in argument:
            if (option[0] == "model") == wants_mapping:
                return _convert(node, option, path, key, ctx)
        ctx.add("D004", node, "load.wrong_shape", field=key)
        return INVALID
    if kind == "any":
        return _plain_value(node, ctx)
    text = _scalar(node)
    if text is None:
        ctx.add("D004", node, "load.expected_scalar", field=key)
        return INVALID
    return _convert_scalar(node, text, kind, argument, constraints, key, ctx)


def _is_merge_key(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and _plain(node) and node.value == "<<"


def merged_pairs(node: yaml.MappingNode, ctx: _FileContext | None = None
                 ) -> list[tuple[yaml.Node, yaml.Node]]:
    """The mapping's key/value pairs with YAML merge keys applied (`<<: *defaults`, or a
    list of such): keys written in the mapping win over merged ones, earlier merged mappings
    over later. Merged values keep their own positions (where the anchor defines them)."""
    pairs = node.value
    if not any(_is_merge_key(key) for key, _ in pairs):
        return list(pairs)
    own = [(key, value) for key, value in pairs if not _is_merge_key(key)]
    taken = {key.value for key, _ in own if isinstance(key, yaml.ScalarNode)}
    merged: list[tuple[yaml.Node, yaml.Node]] = []
    for key, value in pairs:
        if not _is_merge_key(key):
            continue
        sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for source in sources:
            if ctx is not None:
                _visit(ctx, source)
            if not isinstance(source, yaml.MappingNode):
                if ctx is not None:
                    ctx.add("D004", source, "load.merge_not_mapping")
                continue
            for sub_key, sub_value in merged_pairs(source, ctx):
                name = sub_key.value if isinstance(sub_key, yaml.ScalarNode) else None
                if name is not None and name in taken:
                    continue
                if name is not None:
                    taken.add(name)
                merged.append((sub_key, sub_value))
    return own + merged


def _convert_scalar(node: yaml.Node, text: str, kind: str, argument: Any,
                    constraints: dict[str, Any], key: str, ctx: _FileContext) -> Any:
    value: Any
    if kind == "str":
        value = text
        if len(value) < constraints.get("min_length", 0):
            ctx.add("D004", node, "load.empty_text", field=key)
            return INVALID
        pattern = constraints.get("pattern")
        if pattern and not re.fullmatch(pattern, value):
            ctx.add("D004", node, "load.bad_identifier", Msg("hint.identifier"), field=key,
                    value=value)
            return INVALID
        return value
    stripped = text.strip()
    if kind == "enum":
        choices: tuple[str, ...] = argument
        extra = ctx.vocabulary.get(key, frozenset())
        if stripped in choices or stripped in extra:
            return stripped
        near = suggest(stripped, (*choices, *extra))
        hint = Msg("hint.did_you_mean", {"value": near}) if near else Msg(
            "hint.valid_values", {"values": list(choices)})
        ctx.add("D004", node, "load.unknown_word", hint, field=key, value=stripped)
        return INVALID
    if kind in ("date", "year_or_date"):
        if kind == "year_or_date" and _YEAR_RE.fullmatch(stripped):
            return dt.date(int(stripped), 12, 31)
        match = _DATE_RE.fullmatch(stripped)
        if not match:
            # A year alone means 31 December only where the format says "year (or date)"
            # (`training`); elsewhere the full date matters, so say where a year is allowed.
            date_hint = Msg("hint.year_only_in_training", {"year": stripped}) if (
                _YEAR_RE.fullmatch(stripped)) else Msg("hint.date_format")
            ctx.add("D004", node, "load.not_a_date", date_hint, field=key, value=stripped)
            return INVALID
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            ctx.add("D004", node, "load.impossible_date", Msg("hint.date_exists"), field=key,
                    value=stripped)
            return INVALID
    if kind == "bool":
        found = _BOOLS.get(stripped.lower())
        if found is None:
            ctx.add("D004", node, "load.not_a_bool", Msg("hint.bool"), field=key,
                    value=stripped)
            return INVALID
        return found
    if kind in ("int", "decimal") and len(stripped) > MAX_NUMBER_CHARS:
        ctx.add("D004", node, "load.number_too_long", field=key, length=len(stripped),
                limit=MAX_NUMBER_CHARS)
        return INVALID
    if kind == "int":
        if not _INT_RE.fullmatch(stripped):
            int_hint = Msg("hint.minutes") if ":" in stripped else Msg("hint.whole_number")
            ctx.add("D004", node, "load.not_an_int", int_hint, field=key, value=stripped)
            return INVALID
        value = int(stripped)
    elif kind == "decimal":
        if not _DECIMAL_RE.fullmatch(stripped):
            comma_hint = Msg("hint.decimal_point") if "," in stripped else None
            ctx.add("D004", node, "load.not_a_number", comma_hint, field=key, value=stripped)
            return INVALID
        try:
            value = Decimal(stripped)
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            ctx.add("D004", node, "load.not_a_number", field=key, value=stripped)
            return INVALID
    else:  # pragma: no cover - codegen emits only the kinds above
        raise AssertionError(kind)
    low = constraints.get("ge", constraints.get("gt"))
    high = constraints.get("le", constraints.get("lt"))
    too_low = ("ge" in constraints and value < constraints["ge"]) or (
        "gt" in constraints and value <= constraints["gt"])
    too_high = ("le" in constraints and value > constraints["le"]) or (
        "lt" in constraints and value >= constraints["lt"])
    if too_low or too_high:
        ctx.add("D004", node, "load.out_of_range", field=key, value=stripped,
                low=low if low is not None else "", high=high if high is not None else "")
        return INVALID
    return value


def _plain_value(node: yaml.Node, ctx: _FileContext) -> Any:
    """A value of free shape (rule parameters): YAML's core types, read from the text."""
    _visit(ctx, node)
    if isinstance(node, yaml.SequenceNode):
        return [_plain_value(item, ctx) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {
            str(_scalar(k)): _plain_value(v, ctx) for k, v in merged_pairs(node, ctx)
        }
    text = node.value
    if not _plain(node):
        return text
    if text in _NULLS:
        return None
    if len(text) > MAX_NUMBER_CHARS:
        return text  # no parameter is a number this long: leave it text, its check says so
    if _INT_RE.fullmatch(text):
        return int(text)
    if _DECIMAL_RE.fullmatch(text):
        return Decimal(text)
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    return text


def iter_fieldspecs(name: str) -> tuple[FieldSpec, ...]:
    return FIELDS[name]
