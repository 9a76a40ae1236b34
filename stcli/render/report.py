"""`st report`: the annual-review report and the summary for the specialist application.

The only module that imports jinja2. It reads the one progress model (`Evaluation.progress`)
and lays it out: every figure comes from the engine; here only selection (which entries
belong to a section), wording and chart geometry happen.

Templates: `<kind>.<format>.j2` (`annual.md.j2`, `final.html.j2` …) and partials, looked up
first in the portfolio's own `templates/` folder, then in the packaged `stcli/templates`
(in a source checkout the repository's top-level `templates/`). A portfolio template that
resolves outside the portfolio (a symlink, say) is refused. Templates run in Jinja2's
sandbox with `StrictUndefined`: a portfolio found elsewhere cannot run code, and a typo in
a template is an error, never an empty cell.

Escaping: HTML is autoescaped; dates and codes are wrapped in `<span class="nw">` so they
never break inside (no characters are ever inserted into the text: long words break by
the browser's hyphenation or `overflow-wrap`). Markdown passes every printed value through
`md_escape` (the environment's `finalize`), which escapes only what would change the
rendering; a value that is deliberately Markdown is wrapped in `Markup`, and `md_tidy`
aligns tables and folds long lines. Identity numbers are masked in either format.

Context of every template: `lang`, `as_of`, `profile` (the st.yaml record), `progress`,
`time` (`progress.time`), `catalog`, `findings` (list of dicts), `counts`, `main_supervisor`,
`director`, `version`; the functions `t(key, **args)` (keys under `report.`),
`label(group, value)`, `person(ref)`; the filters `months`, `num`, `pct`, `hours`, `yymmdd`,
`period`, `codes`. The annual report adds `year`, the year's findings (`year_findings`,
`to_do`, `flagged`), its sections, `state` (the portfolio at as_of) and `plan`; the final
report the service list, `delmal` with its `requirements`, `to_collect` and `checklist`;
see `annual_context` and `final_context`. The HTML's `signatures` block is the place for
a sign-off line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stcli.i18n import format_number
from stcli.i18n import t as translate

if TYPE_CHECKING:
    import jinja2

    from stcli.engine.catalog import Delmal
    from stcli.engine.evaluate import Evaluation
    from stcli.engine.progress import DelmalStatus, Progress, StYear
    from stcli.model import Profile

KINDS = ("annual", "final")
FORMATS = ("md", "html")
MAX_TEMPLATE_BYTES = 1_000_000
USER_TEMPLATES = "templates"
# What one rendering may take (a portfolio's own template may be hostile: someone else's
# repository). The packaged templates use a small fraction of each.
RENDER_SECONDS = 10
MAX_OUTPUT_CHARS = 20_000_000  # also the largest string or list a template may build
MAX_OPERATIONS = 1_000_000  # loop steps and calls, plus the length of every repetition
LOOP_GUARD = "st_loop_budget"  # every `{% for %}` iterates through it (see _parse)
RENDER_MEMORY_BYTES = 1024 * 1024 * 1024  # address space rendering may add


class ReportError(Exception):
    """A report cannot be made; the message is already in the user's language."""


# --- where templates come from ---------------------------------------------------------------


def packaged_templates() -> Path:
    """`stcli/templates` in an installed wheel, else the checkout's top-level `templates/`."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "templates"
    if packaged.is_dir():
        return packaged
    return package.parent / "templates"


def _inside(root: Path, path: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _make_loader(root: Path, lang: str, own_templates: bool = True,
                 used: list[str] | None = None) -> jinja2.BaseLoader:
    import jinja2
    from jinja2.loaders import split_template_path

    real_root = root.resolve()
    packaged = packaged_templates()

    class PortfolioFirstLoader(jinja2.BaseLoader):
        """The portfolio's `templates/` first (only files inside it), then the packaged."""

        def get_source(self, environment: jinja2.Environment,
                       template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
            pieces = split_template_path(template)  # refuses `..`
            own = root / USER_TEMPLATES
            candidate = own.joinpath(*pieces)
            if own_templates and (candidate.is_symlink() or candidate.exists()):
                resolved = candidate.resolve()
                shown = f"{USER_TEMPLATES}/{'/'.join(pieces)}"
                if not _inside(real_root, resolved):
                    raise ReportError(translate("report.error.template_outside", lang,
                                                path=shown))
                if not resolved.is_file():
                    raise ReportError(translate("report.error.template_unreadable", lang,
                                                path=shown, reason="not a file"))
                if used is not None and shown not in used:
                    used.append(shown)
                return _read(resolved, shown, lang), str(resolved), lambda: True
            path = packaged.joinpath(*pieces)
            if not path.is_file():
                raise jinja2.TemplateNotFound(template)
            return _read(path, template, lang), str(path), lambda: True

    return PortfolioFirstLoader()


def _read(path: Path, shown: str, lang: str) -> str:
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise ReportError(translate("report.error.template_unreadable", lang, path=shown,
                                        reason=f"> {MAX_TEMPLATE_BYTES} bytes"))
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ReportError(translate("report.error.template_unreadable", lang, path=shown,
                                    reason=type(error).__name__)) from error


# --- escaping --------------------------------------------------------------------------------

# Only what would change the rendering in CommonMark, GFM tables and GitHub's extensions:
# backticks, `*`, `~` (strikethrough), `$` (math), `|` (table cells), `[` (links, images,
# footnotes), `<` (raw HTML, autolinks), `_` where it can open or close emphasis, a
# backslash before punctuation, `&` starting an entity. Parentheses, `=`, `%`, `#`
# inside a line and the rest read the same unescaped and stay as they are.
_MD_SPECIAL = re.compile(r"[`*~$|\[<]|(?<![^\W_])_|_(?![^\W_])|\\(?=[!-/:-@\[-`{-~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_LINE_START = re.compile(r"^(?:([-+#>=])|(\d+)(?=[.)]))")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")


def md_escape(text: str, line_start: bool = True) -> str:
    """Portfolio text as inert Markdown on one line (a table cell, a list item).

    Line breaks become spaces; every character that would start markup is
    backslash-escaped, nothing else, so the text reads the same raw and rendered.
    `line_start`: the text may begin a line, where a list marker or `#` would start a block.
    """
    text = _CONTROL.sub("", text)
    text = _WHITESPACE.sub(" ", text).strip()
    text = _MD_ENTITY.sub("&amp;", text)
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    if not line_start:
        return text
    return _MD_LINE_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\", text, count=1)


# Our own words (labels, headings, messages) in Markdown: the catalog writes `code` on
# purpose; only the characters that would bite in a table or a list are escaped.
_MD_OWN = re.compile(r"[|<*\[]|(?<![^\W_])_|_(?![^\W_])")


def _md_own(text: str) -> str:
    return _MD_OWN.sub(lambda m: "\\" + m.group(0), text)


_MD_BLOCK_START = re.compile(r"^(?:[-+*#>=|<]|```|~~~|\d+[.)])")
_MD_TABLE_ROW = re.compile(r"^\|.*\|$")
_MD_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
_MD_CELL_SPLIT = re.compile(r"(?<!\\)\|")
MD_WIDTH = 100


def _md_wrap(line: str) -> list[str]:
    """A paragraph or list-item line folded at MD_WIDTH columns where a space is; a break is
    never put where the next line would start a block (`- `, `1.`, `#` …)."""
    marker = re.match(r"(\s*(?:[-+*]|\d+[.)]) )", line)
    indent = " " * len(marker.group(1)) if marker else ""
    words = line.split(" ")
    lines: list[str] = []
    current = words[0]
    for word in words[1:]:
        fits = len(current) + 1 + len(word) <= MD_WIDTH
        if fits or not word or _MD_BLOCK_START.match(word) or word[0] in "%)]:;,." \
                or current.endswith("\\") \
                or current.strip() in ("-", ""):
            current += " " + word
        else:
            lines.append(current)
            current = indent + word
    lines.append(current)
    return lines


def _md_table(rows: list[str]) -> list[str]:
    """A pipe table with its columns padded to one width: it reads as a table raw."""
    cells = [[c.strip() for c in _MD_CELL_SPLIT.split(row)[1:-1]] for row in rows]
    columns = max(len(r) for r in cells)
    widths = [0] * columns
    for i, row in enumerate(cells):
        if i == 1:
            continue
        for j, cell in enumerate(row):
            widths[j] = max(widths[j], len(cell), 3)
    out = []
    for i, row in enumerate(cells):
        if i == 1:
            parts = []
            for j, cell in enumerate(row):
                right = cell.endswith(":")
                parts.append("-" * (widths[j] - 1) + ":" if right else "-" * widths[j])
        else:
            parts = [cell.rjust(widths[j]) if _right(cells[1], j) else cell.ljust(widths[j])
                     for j, cell in enumerate(row)]
        out.append(("| " + " | ".join(parts) + " |").rstrip())
    return out


def _right(rule: list[str], column: int) -> bool:
    return column < len(rule) and rule[column].endswith(":")


def md_tidy(text: str) -> str:
    """The Markdown as a person would write it: tables aligned, long lines folded, no
    runs of blank lines. Rendering is unchanged (CommonMark folds soft line breaks)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if _MD_TABLE_ROW.match(line) and i + 1 < len(lines) and _MD_TABLE_RULE.match(
                lines[i + 1].strip()):
            j = i
            while j < len(lines) and _MD_TABLE_ROW.match(lines[j].rstrip()):
                j += 1
            out.extend(_md_table([row.rstrip() for row in lines[i:j]]))
            i = j
            continue
        if not line and out and not out[-1]:
            i += 1
            continue
        if len(line) > MD_WIDTH and not line.startswith(("#", "|", "    ")):
            out.extend(_md_wrap(line))
        else:
            out.append(line)
        i += 1
    return "\n".join(out).strip("\n") + ("\n" if text.endswith("\n") else "")


def _nowrap(text: str) -> Any:
    """HTML: a date or code that must not break inside (`white-space: nowrap`)."""
    from markupsafe import Markup, escape

    return Markup('<span class="nw">%s</span>') % escape(text)


_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_CODE_SPAN = re.compile(r"`([^`<>]+)`")


# --- environment -----------------------------------------------------------------------------


def _finalizer(fmt: str, lang: str) -> Callable[[Any], Any]:
    from markupsafe import Markup

    from stcli.pii import mask_identity_numbers

    def finalize(value: Any) -> Any:
        if isinstance(value, Markup):
            return value
        if value is None:
            return ""
        if isinstance(value, bool):
            value = translate("report.yes" if value else "report.no", lang)
        elif isinstance(value, dt.date):
            return _nowrap(value.isoformat()) if fmt == "html" else value.isoformat()
        elif isinstance(value, float):
            return f"{value:g}"  # chart geometry (figures are Fractions and Decimals)
        elif isinstance(value, Fraction | Decimal):
            return format_number(value, lang, 1)
        elif isinstance(value, int):
            return value
        text = mask_identity_numbers(str(value))
        return Markup(md_escape(text)) if fmt == "md" else text

    return finalize


def _filters(lang: str, fmt: str) -> dict[str, Callable[..., Any]]:
    space = "\u00a0" if fmt == "html" else " "  # a no-break space where it renders as one

    def months(value: Fraction | Decimal | int | None, digits: int = 2) -> str:
        if value is None:
            return ""
        return format_number(Fraction(value) if isinstance(value, int) else value, lang,
                             digits)

    def num(value: Fraction | Decimal | int | float | None, digits: int = 1) -> str:
        if value is None:
            return ""
        if isinstance(value, Fraction) and value.denominator == 1:
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", space) if lang == "sv" else f"{value:,}"
        return format_number(value, lang, digits)

    def pct(value: Fraction | Decimal | int | None) -> str:
        if value is None:
            return ""
        exact = Fraction(value) if not isinstance(value, Decimal) else Fraction(str(value))
        digits = 0 if exact.denominator == 1 else 1
        return format_number(exact, lang, digits) + space + "%"

    def hours(minutes: int | Fraction | None, digits: int = 1) -> str:
        if minutes is None:
            return ""
        return format_number(Fraction(minutes) / 60, lang, digits)

    from markupsafe import Markup, escape

    def whole(text: str) -> str:
        # HTML: a date or code is never broken inside; the dash between two may break
        return f'<span class="nw">{escape(text)}</span>' if fmt == "html" else text

    def yymmdd(day: dt.date | None) -> str:
        return whole(day.strftime("%y%m%d")) if day else ""

    def period(start: dt.date | None, end: dt.date | None = None) -> str:
        if start is None:
            return ""
        if end is None or end == start:
            return whole(start.isoformat())
        return f"{whole(start.isoformat())}–{whole(end.isoformat())}"

    def codes(values: Iterable[str] | None) -> str:
        # delmål codes are the portfolio's text: escaped for either format
        if fmt == "html":
            return ", ".join(whole(str(v)) for v in values or ())
        return ", ".join(md_escape(str(v), line_start=False) for v in values or ())

    def safe(function: Callable[..., str]) -> Callable[..., Markup]:
        # Numbers and dates only: nothing in them to escape in either format.
        return lambda *args, **kwargs: Markup(function(*args, **kwargs))

    return {name: safe(function) for name, function in (
        ("months", months), ("num", num), ("pct", pct), ("hours", hours),
        ("yymmdd", yymmdd), ("period", period), ("codes", codes))}


class BudgetExceeded(Exception):
    """A template took more than a report may (what: time, operations, size, memory)."""


def _budgeted_sandbox() -> type[jinja2.Environment]:
    """Jinja2's sandbox, counting: every call, range() and repetition charges the budget,
    and no string or list larger than MAX_OUTPUT_CHARS is built (`"x" * 4000000000`)."""
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

    class BudgetedSandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%", "+", "//"})
        operations = 0

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            # Every loop's iterable goes through the loop guard, which charges each step:
            # nested loops over long lists stop at the budget, not after hours.
            tree = super()._parse(source, name, filename)
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Call(nodes.Name(LOOP_GUARD, "load"), [loop.iter], [],
                                       None, None)
            return tree

        def loop_budget(self, iterable: Any) -> Iterator[Any]:
            for item in iterable:
                self.charge(1)
                yield item

        def charge(self, amount: int) -> None:
            self.operations += max(1, amount)
            if self.operations > MAX_OPERATIONS:
                raise BudgetExceeded("operations")

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.charge(1)
            if operator == "*":
                for sized, count in ((left, right), (right, left)):
                    if isinstance(sized, str | list | tuple | bytes) and isinstance(count, int):
                        _check_size(len(sized) * max(count, 0))
                        self.charge(len(sized) * max(count, 0) // 1000)
            if operator == "**" and isinstance(right, int) and abs(right) > 256:
                raise BudgetExceeded("size")
            result = super().call_binop(context, operator, left, right)
            if hasattr(result, "__len__"):
                _check_size(len(result))
            return result

        def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            self.charge(1)
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and not isinstance(value, bool):
                    _check_size(abs(value))  # a width, a count: `"x".center(10**10)`
                elif isinstance(value, str | list | tuple):
                    _check_size(len(value))  # a macro doubling its argument
            result = super().call(__context, __obj, *args, **kwargs)
            if isinstance(result, str | list | tuple):
                _check_size(len(result))
            return result

    return BudgetedSandbox


def _check_size(size: int) -> None:
    if size > MAX_OUTPUT_CHARS:
        raise BudgetExceeded("size")


def _budgeted_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    import functools

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool):
                _check_size(abs(value))
        if function.__name__.startswith("do_replace") and len(args) >= 4:
            _check_size(len(str(args[1])) * max(1, len(str(args[3]))))
        result = function(*args, **kwargs)
        if isinstance(result, str | list | tuple):
            _check_size(len(result))
        return result

    return checked


@contextlib.contextmanager
def _render_limits() -> Iterator[None]:
    """A time budget (SIGALRM, main thread only) and an address-space budget (the soft
    RLIMIT_AS, restored after) around one rendering."""
    import signal
    import threading

    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous_handler: Any = None
    if timer:
        def out_of_time(signum: int, frame: Any) -> None:
            raise BudgetExceeded("time")

        previous_handler = signal.signal(signal.SIGALRM, out_of_time)
        signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS)
    memory = _lower_memory_limit()
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
        if memory is not None:
            import resource

            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_AS, memory)


def _lower_memory_limit() -> tuple[int, int] | None:
    try:
        import resource

        previous = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
        in_use = pages * resource.getpagesize()
    except (ImportError, OSError, ValueError, IndexError):
        return None
    soft, hard = previous
    wanted = in_use + RENDER_MEMORY_BYTES
    if (soft != resource.RLIM_INFINITY and soft <= wanted) or (
            hard != resource.RLIM_INFINITY and hard < wanted):
        return None
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):
        return None
    return previous


def _environment(root: Path, fmt: str, lang: str, own_templates: bool = True,
                 used: list[str] | None = None) -> jinja2.Environment:
    import jinja2

    SandboxedEnvironment = _budgeted_sandbox()
    env = SandboxedEnvironment(
        loader=_make_loader(root, lang, own_templates, used),
        undefined=jinja2.StrictUndefined,
        autoescape=fmt == "html",
        finalize=_finalizer(fmt, lang),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(fmt),
    )
    env.filters.update(_filters(lang, fmt))
    env.globals[LOOP_GUARD] = env.loop_budget  # type: ignore[attr-defined]
    for name, function in list(env.filters.items()):
        env.filters[name] = _budgeted_filter(function)
    return env


def _bytecode_cache(fmt: str) -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs in the user's cache folder: compiling the
    report templates is most of a report's time (~0.2 s). Jinja keys each entry by the
    template's file and a checksum of its source, so an edited template is compiled anew.
    One folder per format, since autoescaping is compiled in (a template compiled for
    Markdown must never serve HTML), and per version of this module, since its sandbox
    rewrites templates as they compile (the loop budget). The folder must be the user's own
    and writable by no one else; otherwise there is no cache."""
    import hashlib
    import os
    import stat

    import jinja2

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    compiler = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    folder = Path(base) / "st" / "templates" / compiler / fmt
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.lstat()
        if (not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid()
                or info.st_mode & 0o022):
            return None
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


# --- shared helpers for the contexts ---------------------------------------------------------


def _wording(lang: str, fmt: str) -> Callable[..., Any]:
    """A catalog message (any key) in the report's format: our words as ours (Markdown's
    code spans kept), every argument that carries portfolio text escaped as such; in HTML
    the dates in it are never broken inside."""
    from markupsafe import Markup, escape

    from stcli.i18n import echo

    def html(key: str, args: dict[str, Any]) -> Any:
        text = str(escape(translate(key, lang, **args)))
        text = _CODE_SPAN.sub(r"<code>\1</code>", text)  # `kind: arsrapport` in hints
        return Markup(_ISO_DATE.sub(r'<span class="nw">\g<0></span>', text))

    def markdown(key: str, args: dict[str, Any]) -> Any:
        texts: dict[str, str] = {}

        def token(value: str) -> _Token:
            name = f"\x00{len(texts)}\x00"
            texts[name] = value
            return _Token(name)

        for name, value in list(args.items()):
            if isinstance(value, Markup):
                args[name] = token(str(value))
            elif isinstance(value, str):
                args[name] = token(md_escape(echo(value), line_start=False))
            elif hasattr(value, "sv") and hasattr(value, "en"):  # text in both languages
                args[name] = token(md_escape(echo(value.en if lang == "en" else value.sv),
                                             line_start=False))
            elif isinstance(value, list | tuple) and any(isinstance(v, str) for v in value):
                args[name] = token(", ".join(
                    md_escape(echo(v), line_start=False) if isinstance(v, str)
                    else str(translate("report.unknown", lang) if v is None else v)
                    for v in value))
        text = _md_own(translate(key, lang, **args))
        for name, value in texts.items():
            text = text.replace(name, value)
        return Markup(text)

    def word(key: str, args: dict[str, Any]) -> Any:
        return markdown(key, dict(args)) if fmt == "md" else html(key, dict(args))

    return word


class _Token:
    """A placeholder for an argument already escaped (not a str, so the catalog does not
    treat it as the user's text again): any format spec (`{title:sv}`) gives it as is."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __format__(self, spec: str) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def _t(lang: str, fmt: str) -> Callable[..., Any]:
    word = _wording(lang, fmt)

    def t(key: str, **args: Any) -> Any:
        return word(f"report.{key}", args)

    return t


def _label(lang: str, fmt: str = "html") -> Callable[[str, Any], str]:
    from markupsafe import Markup, escape

    from stcli.i18n import catalog

    messages = catalog()

    def label(group: str, value: Any) -> str:
        if value is None:
            return ""
        key = f"report.v.{group}.{value}"
        if key in messages:
            text = translate(key, lang)
            return Markup(_md_own(text)) if fmt == "md" else escape(text)
        return str(value)  # a value of the user's own vocabulary: escaped as theirs

    return label


def _person(profile: Profile) -> Callable[[Any], str]:
    names = {s.id: s.name for s in profile.supervisors}

    def person(ref: Any) -> str:
        if ref is None:
            return ""
        if isinstance(ref, str):
            return names.get(ref, ref)
        return str(getattr(ref, "name", ref))

    return person


def _main_supervisor(profile: Profile, day: dt.date) -> str:
    mains = [s for s in profile.supervisors if s.role == "main"
             and (s.from_ is None or s.from_ <= day) and (s.to is None or day <= s.to)]
    if not mains:
        mains = [s for s in profile.supervisors if s.role == "main"]
    return mains[-1].name if mains else ""


# Which section of the annual report a rule's findings belong to, by the rule's family.
SECTION_OF_FAMILY = {"H": "supervision", "A": "assessments", "G": "delmal", "M": "milestones",
                     "PL": "placements", "K": "courses", "T": "time", "L": "time",
                     "S": "time"}


def _section_of(code: str) -> str:
    family = code.rstrip("0123456789")
    return SECTION_OF_FAMILY.get(family, "other")


def _findings(findings: Iterable[Any], lang: str, fmt: str) -> list[dict[str, Any]]:
    """Findings as rows, errors first; `findings` holds Finding or (Finding, entry)."""
    from stcli.findings import Finding
    from stcli.render.findings import location

    word = _wording(lang, fmt)
    pairs = [(f, None) if isinstance(f, Finding) else f for f in findings]
    rows = []
    for finding, entry in sorted(pairs, key=lambda p: (p[0].effective_severity.rank,
                                                      p[0].sort_key())):
        # A finding about the portfolio as a whole has no place a reader could look up:
        # the report leaves it out (validate's text output names st.yaml, as cli.md asks).
        where = location(finding) if finding.position.file is not None else "."
        rows.append({
            "severity": finding.effective_severity.value,
            "severity_label": translate(f"severity.{finding.effective_severity.value}", lang),
            "code": finding.code,
            "name": finding.name,
            "message": word(finding.message.key, finding.message.args),
            "hint": word(finding.hint.key, finding.hint.args) if finding.hint else "",
            "location": "" if where == "." else where,
            # Markdown: the place as code (a file name reads as one), unless it holds a `
            "where": _md_code(where) if fmt == "md" and where != "." else "",
            "source": finding.source,
            "section": _section_of(finding.code),
            "entry": entry,
            "resolved": False,
            "key": (finding.code, finding.position, finding.message.key),
        })
    return rows


def _md_code(text: str) -> Any:
    from markupsafe import Markup

    return Markup(f"`{text}`") if "`" not in text and text.strip() == text else md_escape(text)


def _base(evaluation: Evaluation, lang: str, fmt: str) -> dict[str, Any]:
    from stcli import __version__
    from stcli.findings import count_by_severity

    progress = _progress(evaluation)
    profile = _profile(evaluation)
    return {
        "lang": lang,
        "fmt": fmt,
        "as_of": evaluation.as_of,
        "profile": profile,
        "progress": progress,
        "time": progress.time,
        "catalog": evaluation.catalog,
        "findings": _findings(evaluation.findings, lang, fmt),
        "counts": count_by_severity(evaluation.findings),
        "main_supervisor": _main_supervisor(profile, evaluation.as_of),
        "director": _director(profile),
        "version": __version__,
        "t": _t(lang, fmt),
        "label": _label(lang, fmt),
        "person": _person(profile),
        "signoffs": _signoffs(evaluation, lang),  # st sign (partials/signoff.*.j2)
        "print_name": _css_string(profile.trainee),
        "print_page": _page_counter(lang),
    }


def _director(profile: Profile) -> str:
    """The studierektor named in st.yaml (format v2), else an empty line to fill in."""
    for name in ("studierektor", "director_of_studies"):
        value = getattr(profile, name, None)
        if value:
            return str(getattr(value, "name", value))
    return ""


def _css_string(text: str, strip: bool = True) -> Any:
    """Text as a CSS string literal inside <style> (the trainee's name in the page margin):
    everything but letters, digits and spaces as a CSS escape, so nothing can end the string
    or the style element."""
    from markupsafe import Markup

    from stcli.pii import mask_identity_numbers

    text = _WHITESPACE.sub(" ", text)
    text = mask_identity_numbers(text.strip() if strip else text)[:80]
    return Markup('"' + "".join(c if c.isalnum() else f"\\{ord(c):06x}"
                                for c in text) + '"')


def _page_counter(lang: str) -> Any:
    """CSS `content` for the page margin: "Sida 3 av 9" with the counters in place."""
    from markupsafe import Markup

    words = translate("report.print.page", lang, page="\x00page\x00", pages="\x00pages\x00")
    parts = []
    for piece in re.split(r"(\x00pages?\x00)", words):
        if piece in ("\x00page\x00", "\x00pages\x00"):
            parts.append(f"counter({piece.strip(chr(0))})")
        elif piece:
            parts.append(str(_css_string(piece, strip=False)))
    return Markup(" ".join(parts))


def _signoffs(evaluation: Evaluation, lang: str) -> list[dict[str, Any]]:
    from stcli.render.signoffs import report_rows

    return report_rows(evaluation, lang)


def _progress(evaluation: Evaluation) -> Progress:
    if evaluation.progress is None:  # the command checks first
        raise ReportError("no progress model")
    return evaluation.progress


def _profile(evaluation: Evaluation) -> Profile:
    if evaluation.portfolio.profile is None:
        raise ReportError("no profile")
    return evaluation.portfolio.profile.value


@dataclass(frozen=True, slots=True)
class Item:
    """A portfolio entry in a report: the record, where it is in the portfolio's list,
    whether it is still ahead or goes on, and the findings about it."""

    entry: Any
    index: int = -1
    planned: bool = False
    ongoing: bool = False
    findings: tuple[dict[str, Any], ...] = ()


def _items(records: Iterable[tuple[int, Any]], as_of: dt.date, first: Callable[[Any], Any],
           last: Callable[[Any], Any],
           about: dict[int, list[dict[str, Any]]] | None = None) -> list[Item]:
    items = []
    for index, record in records:
        begins, ends = first(record), last(record) or first(record)
        planned = begins is not None and begins > as_of
        ongoing = not planned and ends is not None and ends > as_of
        items.append(Item(record, index, planned, ongoing,
                          tuple((about or {}).get(index, ()))))
    return sorted(items, key=lambda i: (first(i.entry) or dt.date.min))


# --- charts (geometry only; the templates draw) ----------------------------------------------


def _r(value: float) -> float:
    return round(value, 1)


def chart_bars(values: list[tuple[str, Fraction]], lang: str, width: int = 640,
               height: int = 180) -> dict[str, Any]:
    """Vertical bars, one per (label, value), e.g. supervision hours per month."""
    left, bottom, top = 36, 28, 14
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max((float(v) for _, v in values), default=0.0)
    step_size = max(1, math.ceil(math.ceil(peak) / 4))  # whole units, 4 steps
    scale_max = float(step_size * 4)
    step = plot_w / max(1, len(values))
    bars = []
    for i, (name, value) in enumerate(values):
        h = plot_h * float(value) / scale_max
        bars.append({
            "x": _r(left + i * step + step * 0.15), "w": _r(step * 0.7),
            "y": _r(top + plot_h - h), "h": _r(h),
            "label": name, "value": format_number(value, lang, 1),
            "label_x": _r(left + i * step + step / 2),
        })
    ticks = []
    for k in range(5):
        ticks.append({"y": _r(top + plot_h - plot_h * k / 4), "label": str(step_size * k)})
    return {"width": width, "height": height, "left": left, "top": top, "plot_w": plot_w,
            "plot_h": plot_h, "base": top + plot_h, "bars": bars, "ticks": ticks}


def chart_timeline(rows: list[tuple[str, list[tuple[dt.date, dt.date, str]]]],
                   start: dt.date, end: dt.date, as_of: dt.date,
                   width: int = 640) -> dict[str, Any]:
    """Horizontal spans on a date axis: one row per label, each span (start, end, css)."""
    left, row_h, top = 190, 20, 22
    plot_w = width - left - 8
    days = max(1, (end - start).days + 1)

    def x(day: dt.date) -> float:
        offset = min(max((day - start).days, 0), days)
        return left + plot_w * offset / days

    out_rows = []
    for i, (name, spans) in enumerate(rows):
        y = top + i * row_h
        bars = []
        for first, last, css in spans:
            if last < start or first > end:
                continue
            x0, x1 = x(max(first, start)), x(min(last, end) + dt.timedelta(days=1))
            bars.append({"x": _r(x0), "w": _r(max(1.5, x1 - x0)), "css": css,
                         "title": f"{first.isoformat()}–{last.isoformat()}"})
        out_rows.append({"label": name, "y": y, "text_y": y + 14, "bars": bars})
    ticks = []
    year = start.year
    months = (1, 4, 7, 10) if days < 2 * 366 else (1, 7) if days < 4 * 366 else (1,)
    while dt.date(year, 1, 1) <= end:
        for month in months:
            day = dt.date(year, month, 1)
            if start <= day <= end:
                ticks.append({"x": _r(x(day)), "label": day.strftime("%Y-%m")})
        year += 1
    height = top + len(rows) * row_h + 6
    marker = {"x": _r(x(as_of)), "label": as_of.isoformat()} if start <= as_of <= end else None
    return {"width": width, "height": height, "left": left, "top": top, "rows": out_rows,
            "ticks": ticks, "marker": marker, "bottom": height - 4}


def chart_delmal(rows: list[tuple[str, int, int, int, bool]],
                 width: int = 640) -> dict[str, Any]:
    """One bar per delmål: (code, required groups, met before, met now, certified)."""
    left, row_h, top = 60, 14, 6
    plot_w = width - left - 60
    out = []
    for i, (code, required, before, now, certified) in enumerate(rows):
        total = max(1, required)
        y = top + i * row_h
        out.append({
            "code": code, "y": y, "text_y": y + 10,
            "w_now": _r(plot_w * now / total), "w_before": _r(plot_w * before / total),
            "certified": certified, "text": f"{now}/{required}" if required else "–",
            "text_x": left + plot_w + 6,
        })
    return {"width": width, "height": top + len(rows) * row_h + 6, "left": left,
            "plot_w": plot_w, "rows": out}


# --- the annual report -----------------------------------------------------------------------


def annual_context(evaluation: Evaluation, number: int, lang: str, fmt: str) -> dict[str, Any]:
    """ST year `number` judged at its end (the day after it, when its rules close), or at
    as_of while it goes on; the portfolio at as_of in a section of its own."""
    from stcli.engine.asof import findings_for_year, portfolio_at
    from stcli.engine.evaluate import evaluate_at
    from stcli.engine.progress import (
        employment_percents,
        evidence_types,
        leave_counts,
        progress_at,
        summarize_delmal,
    )
    from stcli.engine.timecount import st_year_bounds
    from stcli.portfolio import activity_first_day, activity_last_day

    progress_now = _progress(evaluation)
    profile = _profile(evaluation)
    now_year = progress_now.year(number)
    if now_year is None or evaluation.catalog is None:
        raise ReportError(translate("report.error.no_such_year", lang, year=number,
                                    last=progress_now.st_year))
    as_of = evaluation.as_of
    judged_at_end = now_year.end < as_of
    judged = evaluate_at(evaluation, now_year.end, now_year.end + dt.timedelta(days=1)) \
        if judged_at_end else evaluation
    context = _base(judged, lang, fmt)
    context["as_of"] = as_of
    progress = _progress(judged)
    year = progress.year(number)
    catalog = judged.catalog
    if year is None or catalog is None:
        raise ReportError("no such year")
    portfolio = judged.portfolio
    last_day = min(year.end, as_of)
    day = judged.as_of  # the day the year's rules were run at

    year_findings = _findings(findings_for_year(judged.findings, portfolio, year), lang, fmt)
    state_rows = _findings(evaluation.findings, lang, fmt) if judged_at_end \
        else context["findings"]
    state_keys = {row["key"] for row in state_rows}
    for row in year_findings:
        row["resolved"] = judged_at_end and row["key"] not in state_keys
    year_keys = {row["key"] for row in year_findings}
    by_entry: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in year_findings:
        if row["entry"] is not None:
            by_entry.setdefault(row["entry"], []).append(row)

    def about(kind: str) -> dict[int, list[dict[str, Any]]]:
        return {index: rows for (k, index), rows in by_entry.items() if k == kind}

    def pick(kind: str, indices: tuple[int, ...]) -> list[tuple[int, Any]]:
        records = portfolio.entries(kind)
        return [(i, records[i].value) for i in indices]

    picked = year.entries
    employment = []
    steps = sorted(profile.employment, key=lambda s: s.from_)
    for i, step in enumerate(steps):
        next_from = steps[i + 1].from_ if i + 1 < len(steps) else None
        if step.from_ <= year.end and (next_from is None or next_from > year.start):
            employment.append(step)
    leave = [
        {"entry": item.entry, "counts": leave_counts(item.entry), "planned": item.planned}
        for item in _items(pick("leave", picked.leave), last_day,
                           lambda r: r.start, lambda r: r.end)
    ]
    placements = _items(pick("placements", picked.placements), last_day,
                        lambda r: r.start, lambda r: r.end, about("placements"))
    percents = {item.index: employment_percents(profile, max(item.entry.start, year.start),
                                                min(item.entry.end, year.end))
                for item in placements if item.entry.percent is None}
    courses = _items(pick("courses", picked.courses), last_day,
                     lambda r: r.start, lambda r: r.end, about("courses"))
    activities = _items(pick("activities", picked.activities), last_day,
                        activity_first_day, activity_last_day, about("activities"))
    evidence = {item.index for item in activities
                if evidence_types("activities", item.entry)}
    milestones = _items(pick("milestones", picked.milestones), last_day,
                        lambda r: r.date, lambda r: r.date, about("milestones"))
    assessments = sorted((record for _, record in pick("assessments", picked.assessments)),
                         key=lambda a: a.date)
    sessions = [record for _, record in pick("supervision", picked.supervision)]

    threshold = int(judged.settings["H001"].params.get("max_gap_days", 14)) \
        if "H001" in judged.settings else 14
    minimum = judged.settings["H002"].params.get("min_minutes_per_week", 60) \
        if "H002" in judged.settings else 60
    gaps = [
        g for g in progress.supervision.gaps
        if g.days > max(threshold, g.limit)
        and (g.after or profile.start) <= year.end
        and (g.before or day) >= year.start
    ]
    forms: dict[str, int] = {}
    for session in sessions:
        forms[session.form] = forms.get(session.form, 0) + 1

    # Delmål: as they stood the day before the year began (as recorded by then), and at
    # the day judged.
    before_day = year.start - dt.timedelta(days=1)
    before = progress_at(portfolio_at(portfolio, before_day), profile, before_day,
                         judged.settings, catalog)
    shown = _delmal_shown(profile, catalog.entries.values(), year)
    shown_codes = {d.code for d in shown}
    start_by_code = {s.delmal.code: s for s in before.delmal}
    end_by_code = {s.delmal.code: s for s in progress.delmal}
    delmal_rows: list[dict[str, Any]] = [
        {"d": d, "start": start_by_code[d.code], "end": end_by_code[d.code],
         "changed": _changed(start_by_code[d.code], end_by_code[d.code])}
        for d in shown if d.code in start_by_code and d.code in end_by_code
    ]
    summary_start = summarize_delmal(tuple(r["start"] for r in delmal_rows))
    summary_end = summarize_delmal(tuple(r["end"] for r in delmal_rows))

    # The next ST year's plan: what the portfolio (at as_of) has in it, and what falls due.
    next_start, next_end = st_year_bounds(profile.start, number + 1)
    from stcli.engine.progress import year_entries

    upcoming = year_entries(number + 1, evaluation.portfolio, profile, as_of)
    whole = evaluation.portfolio

    def plan_items(kind: str, indices: tuple[int, ...], first: Callable[[Any], Any],
                   last: Callable[[Any], Any]) -> list[Item]:
        return _items(((i, whole.entries(kind)[i].value) for i in indices), as_of, first, last)

    word = _wording(lang, fmt)
    rows: list[dict[str, Any]] = []
    for kind, indices, first, last in (
            ("placements", upcoming.placements, _start, _end),
            ("courses", upcoming.courses, _start, _end),
            ("activities", upcoming.activities, activity_first_day, activity_last_day),
            ("leave", upcoming.leave, _start, _end),
            ("milestones", upcoming.milestones, _date, _date)):
        for item in plan_items(kind, indices, first, last):
            if kind in ("activities", "milestones") and not (item.planned or item.ongoing):
                continue  # done before as_of: not a plan any more
            rows.append({"kind": kind, "item": item, "first": first(item.entry),
                         "last": last(item.entry)})
    rows.extend({"kind": "deadline", "first": d.date, "last": d.date,
                 "what": word(d.what.key, d.what.args), "code": d.code}
                for d in progress_now.deadlines if next_start <= d.date <= next_end)
    rows.sort(key=lambda row: (row["first"] or next_start, row["kind"]))
    plan = {"start": next_start, "end": next_end, "rows": rows}

    timeline_rows = _timeline_rows(placements, leave, lang)
    context.update({
        "year": year,
        "year_last_day": last_day,
        "judged_day": day,
        "judged_at_end": judged_at_end,
        "main_supervisor": _main_supervisor(profile, last_day),
        "employment": employment,
        "leave": leave,
        "placements": placements,
        "placement_percents": percents,
        "courses": courses,
        "activities": activities,
        "evidence_activities": evidence,
        "milestones": milestones,
        "assessments": assessments,
        "sessions": sessions,
        "forms": sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])),
        "gaps": gaps,
        "gap_threshold": threshold,
        "min_per_week": minimum,
        "delmal_rows": delmal_rows,
        "delmal_before_day": before_day,
        "delmal_after_day": last_day,
        "summary_start": summary_start,
        "summary_end": summary_end,
        "year_findings": year_findings,
        "flagged": {row["code"] for row in year_findings
                    if row["severity"] in ("error", "warning")},
        "to_do": [row for row in year_findings if row["severity"] in ("error", "warning")],
        "state": {
            "progress": progress_now,
            "time": progress_now.time,
            "summary": summarize_delmal(tuple(
                s for s in progress_now.delmal if s.delmal.code in shown_codes)),
            "counts": context["counts"] if not judged_at_end else _counts_of(evaluation),
            "new": [row for row in state_rows if row["key"] not in year_keys
                    and row["severity"] in ("error", "warning")],
        },
        "plan": plan,
        "chart_supervision": chart_bars(
            [(month, Fraction(minutes, 60)) for month, minutes in year.supervision_per_month],
            lang),
        "chart_timeline": chart_timeline(timeline_rows, year.start, year.end, last_day),
        "chart_delmal": chart_delmal([
            (r["d"].code, len(r["d"].requires), r["start"].requirements_met,
             r["end"].requirements_met, r["end"].certified) for r in delmal_rows]),
    })
    return context


def _start(record: Any) -> Any:
    return record.start


def _end(record: Any) -> Any:
    return record.end


def _date(record: Any) -> Any:
    return record.date


def _counts_of(evaluation: Evaluation) -> dict[str, int]:
    from stcli.findings import count_by_severity

    return count_by_severity(evaluation.findings)


def _delmal_shown(profile: Profile, entries: Iterable[Delmal],
                  year: StYear | None) -> list[Delmal]:
    """ST delmål always; BT delmål when the BT shares a day with the year (or, for the
    final report, when BT is not yet approved)."""
    shown = []
    for delmal in entries:
        if delmal.group != "bt":
            shown.append(delmal)
            continue
        bt = profile.bt
        if bt is None:
            continue
        if year is None:
            if bt.approved is None:
                shown.append(delmal)
        elif bt.start <= year.end and (bt.end is None or bt.end >= year.start):
            shown.append(delmal)
    return shown


def _changed(before: DelmalStatus, after: DelmalStatus) -> bool:
    return (before.evidence != after.evidence or before.certified != after.certified
            or before.assessments != after.assessments)


def _timeline_rows(placements: list[Item], leave: list[dict[str, Any]],
                   lang: str) -> list[tuple[str, list[tuple[dt.date, dt.date, str]]]]:
    label = _label(lang)
    rows: dict[str, list[tuple[dt.date, dt.date, str]]] = {}
    for item in placements:
        p = item.entry
        name = f"{label('placement_type', p.type)}: {label('specialty', p.specialty)}"
        css = "planned" if item.planned else p.type
        rows.setdefault(name, []).append((p.start, p.end, css))
    for entry in leave:
        leave_entry = entry["entry"]
        css = "leave" if not entry["counts"] else "leave-counts"
        rows.setdefault(translate("report.leave", lang), []).append(
            (leave_entry.start, leave_entry.end, css))
    return list(rows.items())


# --- the final report ------------------------------------------------------------------------

# The application's parts, in Socialstyrelsen's order: (bilaga, what, who signs). The
# certificates of the training activities are counted from the evidence; the rest are
# judged from the progress model (see _checklist).
_APPLICATION = {
    "HSLF-FS 2021:8": (("5", "application", "trainee"), ("6", "service", "verksamhetschef"),
                       ("7", "achieved", "main_and_specialists"), ("8", "auskultation", ""),
                       ("9", "klinisk_tjanstgoring", ""), ("10", "kurs", ""),
                       ("11", "kvalitetsarbete", ""), ("12", "vetenskapligt_arbete", "")),
    "SOSFS 2015:8": (("1", "application_service", "trainee_and_verksamhetschef"),
                     ("2", "achieved_2015", "verksamhetschef_main"),
                     ("3", "auskultation", ""), ("4", "klinisk_tjanstgoring", ""),
                     ("5", "kurs", ""), ("6", "kvalitetsarbete", ""),
                     ("7", "vetenskapligt_arbete", "")),
}
_STATE_ORDER = {"missing": 0, "none": 0, "unsigned": 0, "requested": 1, "waiting": 2,
                "todo": 2, "signed": 3, "done": 3}


def _signers(profile: Profile, lang: str) -> Callable[[str, Any], str]:
    """Who signs an entry's certificate: the person the portfolio names, else the role."""
    person = _person(profile)
    main = _main_supervisor(profile, dt.date.max)
    scientific = [s.name for s in profile.supervisors if s.role == "scientific"]

    def role(name: str) -> str:
        return translate(f"report.signer.{name}", lang)

    def signer(kind: str, entry: Any) -> str:
        if kind == "placements":
            name = person(entry.supervisor)
            if not name and entry.type == "vardcentral":
                name = main
            return name or role("placement")
        if kind == "courses":
            leader = getattr(entry, "course_leader", None)
            if leader is not None:
                return person(leader)
            return role("supervisor" if entry.certificate_signer == "handledare"
                        else "course_leader")
        name = person(getattr(entry, "supervisor", None))
        if not name and entry.kind == "vetenskapligt-arbete" and scientific:
            name = scientific[-1]
        return name or main or role("supervisor")

    return signer


def _requirements(status: DelmalStatus) -> list[dict[str, Any]]:
    """The delmål's requirements with their certificate state and form (progress model)."""
    return [{"types": r.types, "evidence": r.evidence, "planned": r.planned,
             "state": r.state, "form": _form_number(r.form), "certified_on": r.certified_on}
            for r in status.requirements]


def _form_number(form: str) -> str:
    """"Bilaga 9" (catalog data) as "9": the report words it in its language."""
    return re.sub(r"^\D*", "", str(form)).strip()


def final_context(evaluation: Evaluation, lang: str, fmt: str) -> dict[str, Any]:
    from stcli.engine.progress import employment_percents, summarize_delmal

    context = _base(evaluation, lang, fmt)
    progress = _progress(evaluation)
    profile = _profile(evaluation)
    portfolio = evaluation.portfolio
    as_of = evaluation.as_of
    if evaluation.catalog is None:
        raise ReportError("no catalog")
    forms = {activity: _form_number(form)
             for activity, form in evaluation.catalog.forms.items()}
    signer = _signers(profile, lang)
    scientific = [s.name for s in profile.supervisors if s.role == "scientific"]
    own_signer = (scientific[-1] if scientific else "") or _main_supervisor(profile, as_of)

    service = [{"row": row, "placement": portfolio.placements[row.index].value}
               for row in progress.service]
    planned = sorted((p.value for p in portfolio.placements
                      if p.value.start > as_of and p.value.type != "auskultation"),
                     key=lambda p: p.start)
    auskultation = sorted((p.value for p in portfolio.placements
                           if p.value.type == "auskultation"), key=lambda p: p.start)

    def entry_of(kind: str, index: int) -> Any:
        return portfolio.entries(kind)[index].value

    def form_of(types: tuple[str, ...]) -> str:
        return next((forms[a] for a in types if a in forms), "")

    def evidence_row(ref: Any) -> dict[str, Any]:
        entry = entry_of(ref.kind, ref.index)
        return {"ref": ref, "entry": entry, "form": form_of(ref.types),
                "signer": signer(ref.kind, entry)}

    shown = _delmal_shown(profile, evaluation.catalog.entries.values(), None)
    by_code = {s.delmal.code: s for s in progress.delmal}
    delmal: list[dict[str, Any]] = []
    collect: dict[tuple[str, int], dict[str, Any]] = {}
    certificates: dict[tuple[str, int], dict[str, Any]] = {}
    for d in shown:
        status = by_code.get(d.code)
        if status is None:
            continue
        requirements = []
        for requirement in _requirements(status):
            # STa3's own certificate (Bilaga 12) is the supervisor's, whatever the evidence
            requirement["signer"] = own_signer if "eget_intyg" in requirement["types"] else ""
            requirement["evidence"] = [evidence_row(ref) for ref in requirement["evidence"]]
            requirement["planned"] = [evidence_row(ref) for ref in requirement["planned"]]
            requirements.append(requirement)
        for ref in status.entries:
            key = (ref.kind, ref.index)
            if key not in certificates:
                certificates[key] = evidence_row(ref) | {"delmal": []}
            certificates[key]["delmal"].append(d.code)
            if ref.certificate != "signed":
                collect[key] = certificates[key]
        delmal.append({"d": d, "status": status, "requirements": requirements})

    def first_day(item: dict[str, Any]) -> dt.date:
        entry = item["entry"]
        day = getattr(entry, "start", None) or getattr(entry, "date", None)
        return day or dt.date.max

    to_collect = sorted(collect.values(), key=lambda i: (not i["ref"].started,
                                                        first_day(i), i["ref"].kind))
    missing = [row for row in delmal if row["status"].missing]

    from stcli.portfolio import activity_first_day

    st_end = max([as_of, *(p.value.end for p in portfolio.placements)])
    placements = _items(enumerate(p.value for p in portfolio.placements), as_of,
                        lambda r: r.start, lambda r: r.end)
    leave_items = [{"entry": item.value, "counts": _counts(item.value)}
                   for item in portfolio.leave]
    context.update({
        "service": service,
        "credited": profile.credited,
        "planned_placements": planned,
        "planned_percents": [employment_percents(profile, p.start, p.end) for p in planned],
        "auskultation": auskultation,
        "delmal": delmal,
        "summary": summarize_delmal(tuple(row["status"] for row in delmal)),
        "to_collect": to_collect,
        "missing": missing,
        "checklist": _checklist(profile, progress, list(certificates.values()), delmal,
                                forms, lang),
        "verksamhetschef": _person(profile)(getattr(profile, "verksamhetschef", None)),
        "bt": profile.bt,
        "milestone_kinds": sorted({m.value.kind for m in portfolio.milestones
                                   if m.value.date <= as_of}),
        "activity_first_day": activity_first_day,
        "chart_timeline": chart_timeline(_timeline_rows(placements, leave_items, lang),
                                         profile.start, st_end, as_of),
        "chart_delmal": chart_delmal([
            (row["d"].code, len(row["d"].requires), row["status"].requirements_met,
             row["status"].requirements_met, row["status"].certified) for row in delmal]),
        "chart_supervision": chart_bars(
            [(str(y.number), Fraction(y.supervision_minutes, 60)) for y in progress.years],
            lang),
    })
    return context


def _checklist(profile: Profile, progress: Progress, certificates: list[dict[str, Any]],
               delmal: list[dict[str, Any]], forms: dict[str, str],
               lang: str) -> list[dict[str, Any]]:
    """The application's parts with their state, what is missing first."""
    person = _person(profile)
    chief = person(getattr(profile, "verksamhetschef", None)) or translate(
        "report.signer.verksamhetschef", lang)
    main = _main_supervisor(profile, dt.date.max) or translate("report.signer.main", lang)
    specialists = [person(s) for s in getattr(profile, "specialists", None) or ()]
    time_done = progress.time.remaining <= 0
    all_certified = all(row["status"].certified for row in delmal if row["d"].requires)
    rows = []
    for number, what, who in _APPLICATION.get(profile.regulation, ()):
        row: dict[str, Any] = {"form": number, "what": what, "signed": 0, "total": 0}
        if who == "trainee":
            row.update(state="todo", signer=profile.trainee)
        elif who == "trainee_and_verksamhetschef":
            row.update(state="todo" if time_done else "waiting",
                       signer=f"{profile.trainee}; {chief}")
        elif who == "verksamhetschef":
            row.update(state="todo" if time_done else "waiting", signer=chief)
        elif who == "verksamhetschef_main":
            row.update(state="todo" if time_done and all_certified else "waiting",
                       signer=f"{chief}; {main}")
        elif who == "main_and_specialists":
            others = ", ".join(specialists) or translate("report.signer.specialist", lang)
            row.update(state="todo" if time_done and all_certified else "waiting",
                       signer=f"{main}; {others}")
        else:
            mine = [c for c in certificates if c["form"] == number and c["ref"].started]
            signed = sum(1 for c in mine if c["ref"].certificate == "signed")
            row.update(signed=signed, total=len(mine),
                       state="missing" if not mine else "signed" if signed == len(mine)
                       else "requested" if any(c["ref"].certificate == "requested"
                                               for c in mine) else "unsigned",
                       signer=", ".join(sorted({c["signer"] for c in mine
                                                if c["ref"].certificate != "signed"})))
        rows.append(row)
    if profile.bt is not None:
        rows.append({"form": "", "what": "bt", "signed": 0, "total": 0,
                     "state": "done" if profile.bt.approved else "missing",
                     "signer": main})
    rows.append({"form": "", "what": "fee", "signed": 0, "total": 0, "state": "todo",
                 "signer": ""})
    rows.sort(key=lambda r: _STATE_ORDER.get(r["state"], 0))
    return rows


def _counts(leave: Any) -> bool:
    from stcli.engine.progress import leave_counts

    return leave_counts(leave)


# --- rendering -------------------------------------------------------------------------------


def render(evaluation: Evaluation, kind: str, fmt: str, lang: str,
           year: int | None = None, portfolio_templates: bool = True) -> str:
    """The report as text. Raises ReportError with a message in `lang`.

    `portfolio_templates=False` uses st's packaged templates only (`--no-portfolio-templates`:
    the default wherever st reads someone else's portfolio). A portfolio's own template runs
    in a budgeted sandbox, and a report made with one says so at its top.
    """
    import jinja2

    from stcli.pii import mask_rendered

    if kind == "annual":
        progress = _progress(evaluation)
        number = progress.st_year if year is None else year
        context = annual_context(evaluation, number, lang, fmt)
    else:
        context = final_context(evaluation, lang, fmt)
    used: list[str] = []
    env = _environment(evaluation.root, fmt, lang, portfolio_templates, used)
    name = f"{kind}.{fmt}.j2"
    try:
        with _render_limits():
            template = env.get_template(name)
            parts: list[str] = []
            size = 0
            for part in template.generate(context):
                size += len(part)
                if size > MAX_OUTPUT_CHARS:
                    raise BudgetExceeded("size")
                parts.append(part)
        text = mask_rendered("".join(parts))  # whole: a number printed a digit at a time
        if fmt == "md":
            text = md_tidy(text)  # tables aligned, long lines folded (rendering unchanged)
        return _with_notice(text, used, fmt, lang) if used else text
    except BudgetExceeded as error:
        what = {"time": f"> {RENDER_SECONDS} s", "size": f"> {MAX_OUTPUT_CHARS} chars",
                "operations": f"> {MAX_OPERATIONS} operations",
                "memory": "memory"}.get(str(error), str(error))
        raise ReportError(translate("report.error.budget", lang, name=name, what=what)
                          ) from None
    except MemoryError:
        raise ReportError(translate("report.error.budget", lang, name=name, what="memory")
                          ) from None
    except ReportError:
        raise
    except jinja2.TemplateSyntaxError as error:
        raise ReportError(translate("report.error.template", lang,
                                    name=error.name or name, line=error.lineno)
                          + f": {error.message or ''}") from error
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError) as error:
        # a portfolio's own template may go wrong in any of these ways
        raise ReportError(translate("report.error.template", lang, name=name,
                                    line=_line_of(error)) + f": {error}") from error


def _with_notice(text: str, used: list[str], fmt: str, lang: str) -> str:
    """Say at the top that the portfolio's own template made this report (a forged
    "every goal met" must not pass for st's)."""
    from markupsafe import escape

    notice = translate("report.portfolio_template", lang, names=", ".join(used))
    if fmt == "md":
        return f"> **{md_escape(notice)}**\n\n" + text
    block = (f'<p role="note" style="display:block !important;visibility:visible !important;'
             f'border:3px solid #b00000 !important;padding:.5em !important;'
             f'color:#b00000 !important;background:#fff !important;font-weight:bold">'
             f"{escape(notice)}</p>\n")
    body = re.search(r"<body[^>]*>", text, re.IGNORECASE)
    comment = text.find("<!--")
    if body and (comment < 0 or comment > body.start()):
        return text[:body.end()] + "\n" + block + text[body.end():]
    return block + text


def _line_of(error: BaseException) -> str:
    import traceback

    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
             if frame.filename.endswith(".j2")]
    return str(lines[-1]) if lines else "?"
