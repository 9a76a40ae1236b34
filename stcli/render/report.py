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

Escaping: HTML is autoescaped. Markdown passes every printed value through `md_escape`
(the environment's `finalize`), so portfolio text renders inert on GitHub and GitLab;
a value that is deliberately Markdown is wrapped in `Markup`. Identity numbers are masked
in every printed string of either format.

Context of every template: `lang`, `as_of`, `profile` (the st.yaml record), `progress`,
`time` (`progress.time`), `catalog`, `findings` (list of dicts), `counts`, `main_supervisor`,
`version`; the functions `t(key, **args)` (keys under `report.`), `label(group, value)`,
`person(ref)`; the filters `months`, `num`, `pct`, `hours`, `yymmdd`, `period`. The annual
report adds `year` and its sections, the final report the service list and `delmal`;
see `annual_context` and `final_context`.
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

_MD_BACKSLASH = re.compile(r"([\\`*_\[\]{}()#!|~$^@%+=])")
_MD_LINE_START = re.compile(r"^(\d+)(?=[.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")


def md_escape(text: str, line_start: bool = True) -> str:
    """Portfolio text as inert GitHub/GitLab Markdown on one line (table cells, list items).

    `&`, `<` and `>` become entities (no raw HTML, no autolinks, no entity tricks); every
    other character that Markdown, GFM tables, math or GitLab references give a meaning
    is backslash-escaped; line breaks become spaces. The text reads the same rendered.
    """
    text = _CONTROL.sub("", text)
    text = _WHITESPACE.sub(" ", text).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_BACKSLASH.sub(r"\\\1", text)
    # A list marker at the start (`- x`, `1. x`) would start a list inside a list item.
    if not line_start:
        return text
    if text.startswith("-"):
        return "\\" + text
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\", text, count=1)


# Our own words (labels, headings) in Markdown: the catalog is ours, but escape the few
# characters that would bite anyway; dates and numbers pass unchanged.
def _md_own(text: str) -> str:
    return re.sub(r"([|\\<>*_\[\]`])", r"\\\1", text)


_LONG_WORD = re.compile(r"\S{20,}")


def _breakable(text: str) -> str:
    """A zero-width space every 12 characters of a long word of the portfolio's (a link, a
    compound), so that a table cell can wrap it and no table grows wider than the A4 page.
    The report's own words are left whole."""
    return _LONG_WORD.sub(
        lambda m: "\u200b".join(m.group(0)[i:i + 12] for i in range(0, len(m.group(0)), 12)),
        text)


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
            return value.isoformat()
        elif isinstance(value, float):
            return f"{value:g}"  # chart geometry (figures are Fractions and Decimals)
        elif isinstance(value, Fraction | Decimal):
            return format_number(value, lang, 1)
        elif isinstance(value, int):
            return value
        text = mask_identity_numbers(str(value))
        return Markup(md_escape(text)) if fmt == "md" else _breakable(text)

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

    def yymmdd(day: dt.date | None) -> str:
        return day.strftime("%y%m%d") if day else ""

    def period(start: dt.date | None, end: dt.date | None = None) -> str:
        if start is None:
            return ""
        if end is None or end == start:
            return start.isoformat()
        return f"{start.isoformat()}–{end.isoformat()}"

    from markupsafe import Markup

    def safe(function: Callable[..., str]) -> Callable[..., Markup]:
        # Numbers and dates only: nothing in them to escape in either format.
        return lambda *args, **kwargs: Markup(function(*args, **kwargs))

    return {name: safe(function) for name, function in (
        ("months", months), ("num", num), ("pct", pct), ("hours", hours),
        ("yymmdd", yymmdd), ("period", period))}


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
    )
    env.filters.update(_filters(lang, fmt))
    env.globals[LOOP_GUARD] = env.loop_budget  # type: ignore[attr-defined]
    for name, function in list(env.filters.items()):
        env.filters[name] = _budgeted_filter(function)
    return env


# --- shared helpers for the contexts ---------------------------------------------------------


def _t(lang: str, fmt: str) -> Callable[..., Any]:
    from markupsafe import Markup, escape

    from stcli.i18n import echo

    def t(key: str, **args: Any) -> Any:
        if fmt != "md":  # ours, escaped here: only portfolio text gets break points
            return escape(translate(f"report.{key}", lang, **args))
        # The words are ours; an argument may carry a portfolio's text: escape it as such.
        texts: dict[str, str] = {}
        for name, value in args.items():
            if isinstance(value, str):
                token = f"\x00{len(texts)}\x00"
                texts[token] = str(value) if isinstance(value, Markup) else md_escape(
                    echo(value), line_start=False)
                args[name] = token
        text = _md_own(translate(f"report.{key}", lang, **args).replace("\u00ad", ""))
        for token, value in texts.items():
            text = text.replace(token, value)
        return Markup(text)

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


def _findings(evaluation: Evaluation, lang: str) -> list[dict[str, Any]]:
    from stcli.render.findings import location

    rows = []
    for finding in sorted(evaluation.findings,
                          key=lambda f: (f.effective_severity.rank, f.sort_key())):
        rows.append({
            "severity": finding.effective_severity.value,
            "severity_label": translate(f"severity.{finding.effective_severity.value}", lang),
            "code": finding.code,
            "name": finding.name,
            "message": finding.message.render(lang),
            "hint": finding.hint.render(lang) if finding.hint else "",
            "location": location(finding),
            "source": finding.source,
        })
    return rows


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
        "findings": _findings(evaluation, lang),
        "counts": count_by_severity(evaluation.findings),
        "main_supervisor": _main_supervisor(profile, evaluation.as_of),
        "version": __version__,
        "t": _t(lang, fmt),
        "label": _label(lang, fmt),
        "person": _person(profile),
        "signoffs": _signoffs(evaluation, lang),  # st sign (partials/signoff.*.j2)
    }


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


def _is_planned(start: dt.date | None, as_of: dt.date) -> bool:
    return start is not None and start > as_of


@dataclass(frozen=True, slots=True)
class Item:
    """A portfolio entry in a report: the record and whether it is still ahead."""

    entry: Any
    planned: bool = False
    ongoing: bool = False


def _items(records: Iterable[Any], as_of: dt.date, first: Callable[[Any], Any],
           last: Callable[[Any], Any]) -> list[Item]:
    items = [Item(r, _is_planned(first(r), as_of),
                  not _is_planned(first(r), as_of) and (last(r) or first(r)) is not None
                  and (last(r) or first(r)) > as_of)
             for r in records]
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
    from stcli.engine.progress import leave_counts, progress_at, summarize_delmal

    context = _base(evaluation, lang, fmt)
    progress = _progress(evaluation)
    profile = _profile(evaluation)
    year = progress.year(number)
    if year is None or evaluation.catalog is None:
        raise ReportError(translate("report.error.no_such_year", lang, year=number,
                                    last=progress.st_year))
    portfolio = evaluation.portfolio
    as_of = evaluation.as_of
    last_day = min(year.end, as_of)
    picked = year.entries

    def pick(kind: str, indices: tuple[int, ...]) -> list[Any]:
        records = portfolio.entries(kind)
        return [records[i].value for i in indices]

    employment = []
    steps = sorted(profile.employment, key=lambda s: s.from_)
    for i, step in enumerate(steps):
        next_from = steps[i + 1].from_ if i + 1 < len(steps) else None
        if step.from_ <= year.end and (next_from is None or next_from > year.start):
            employment.append(step)
    leave = [
        {"entry": item.entry, "counts": leave_counts(item.entry), "planned": item.planned}
        for item in _items(pick("leave", picked.leave), as_of,
                           lambda r: r.start, lambda r: r.end)
    ]
    placements = _items(pick("placements", picked.placements), as_of,
                        lambda r: r.start, lambda r: r.end)
    courses = _items(pick("courses", picked.courses), as_of,
                     lambda r: r.start, lambda r: r.end)
    from stcli.portfolio import activity_first_day, activity_last_day

    activities = _items(pick("activities", picked.activities), as_of,
                        activity_first_day, activity_last_day)
    milestones = _items(pick("milestones", picked.milestones), as_of,
                        lambda r: r.date, lambda r: r.date)
    assessments = sorted(pick("assessments", picked.assessments), key=lambda a: a.date)
    sessions = pick("supervision", picked.supervision)

    threshold = int(evaluation.settings["H001"].params.get("max_gap_days", 14)) \
        if "H001" in evaluation.settings else 14
    gaps = [
        g for g in progress.supervision.gaps
        if g.days > max(threshold, g.limit)
        and (g.after or profile.start) <= year.end
        and (g.before or as_of) >= year.start
    ]
    forms: dict[str, int] = {}
    for session in sessions:
        forms[session.form] = forms.get(session.form, 0) + 1

    # Delmål: as they stood the day before the year began, and at its end (or as_of).
    catalog = evaluation.catalog
    before = progress_at(portfolio, profile, year.start - dt.timedelta(days=1),
                         evaluation.settings, catalog)
    after = progress if last_day == as_of else progress_at(
        portfolio, profile, last_day, evaluation.settings, catalog)
    shown = _delmal_shown(profile, catalog.entries.values(), year)
    start_by_code = {s.delmal.code: s for s in before.delmal}
    end_by_code = {s.delmal.code: s for s in after.delmal}
    delmal_rows: list[dict[str, Any]] = [
        {"d": d, "start": start_by_code[d.code], "end": end_by_code[d.code],
         "changed": _changed(start_by_code[d.code], end_by_code[d.code])}
        for d in shown if d.code in start_by_code and d.code in end_by_code
    ]
    summary_start = summarize_delmal(tuple(r["start"] for r in delmal_rows))
    summary_end = summarize_delmal(tuple(r["end"] for r in delmal_rows))

    timeline_rows = _timeline_rows(placements, leave, lang)
    context.update({
        "year": year,
        "year_last_day": last_day,
        "employment": employment,
        "leave": leave,
        "placements": placements,
        "courses": courses,
        "activities": activities,
        "milestones": milestones,
        "assessments": assessments,
        "sessions": sessions,
        "forms": sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])),
        "gaps": gaps,
        "gap_threshold": threshold,
        "delmal_rows": delmal_rows,
        "delmal_before_day": year.start - dt.timedelta(days=1),
        "delmal_after_day": last_day,
        "summary_start": summary_start,
        "summary_end": summary_end,
        "chart_supervision": chart_bars(
            [(month, Fraction(minutes, 60)) for month, minutes in year.supervision_per_month],
            lang),
        "chart_timeline": chart_timeline(timeline_rows, year.start, year.end, as_of),
        "chart_delmal": chart_delmal([
            (r["d"].code, len(r["d"].requires), r["start"].requirements_met,
             r["end"].requirements_met, r["end"].certified) for r in delmal_rows]),
    })
    return context


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

# Socialstyrelsen's certificate (bilaga) for each kind of evidence, per regulation.
_FORMS = {
    "HSLF-FS 2021:8": {"auskultation": "8", "klinisk_tjanstgoring": "9", "kurs": "10",
                       "kvalitetsarbete": "11", "vetenskapligt_arbete": "12",
                       "eget_intyg": "12"},
    "SOSFS 2015:8": {"auskultation": "3", "klinisk_tjanstgoring": "4", "kurs": "5",
                     "kvalitetsarbete": "6", "vetenskapligt_arbete": "7"},
}


def final_context(evaluation: Evaluation, lang: str, fmt: str) -> dict[str, Any]:
    from stcli.engine.progress import summarize_delmal

    context = _base(evaluation, lang, fmt)
    progress = _progress(evaluation)
    profile = _profile(evaluation)
    portfolio = evaluation.portfolio
    as_of = evaluation.as_of
    if evaluation.catalog is None:
        raise ReportError("no catalog")
    forms = _FORMS.get(profile.regulation, {})

    service = [{"row": row, "placement": portfolio.placements[row.index].value}
               for row in progress.service]
    planned = sorted((p.value for p in portfolio.placements
                      if p.value.start > as_of and p.value.type != "auskultation"),
                     key=lambda p: p.start)
    auskultation = sorted((p.value for p in portfolio.placements
                           if p.value.type == "auskultation"), key=lambda p: p.start)

    def entry_of(kind: str, index: int) -> Any:
        return portfolio.entries(kind)[index].value

    def form_of(kind: str, types: tuple[str, ...]) -> str:
        for activity in types:
            if activity in forms:
                return forms[activity]
        return ""

    shown = _delmal_shown(profile, evaluation.catalog.entries.values(), None)
    by_code = {s.delmal.code: s for s in progress.delmal}
    delmal: list[dict[str, Any]] = []
    collect: dict[tuple[str, int], dict[str, Any]] = {}
    for d in shown:
        status = by_code.get(d.code)
        if status is None:
            continue
        evidence = []
        for ref in status.entries:
            entry = entry_of(ref.kind, ref.index)
            evidence.append({"ref": ref, "entry": entry, "form": form_of(ref.kind, ref.types)})
            if ref.certificate != "signed":
                key = (ref.kind, ref.index)
                if key not in collect:
                    collect[key] = {"ref": ref, "entry": entry, "delmal": [],
                                    "form": form_of(ref.kind, ref.types)}
                collect[key]["delmal"].append(d.code)
        delmal.append({"d": d, "status": status, "evidence": evidence})

    def first_day(item: dict[str, Any]) -> dt.date:
        entry = item["entry"]
        day = getattr(entry, "start", None) or getattr(entry, "date", None)
        return day or dt.date.max

    to_collect = sorted(collect.values(), key=lambda i: (first_day(i), i["ref"].kind))
    missing = [row for row in delmal if row["status"].missing]

    from stcli.portfolio import activity_first_day

    st_end = max([as_of, *(p.value.end for p in portfolio.placements)])
    placements = _items((p.value for p in portfolio.placements), as_of,
                        lambda r: r.start, lambda r: r.end)
    leave_items = [{"entry": item.value, "counts": _counts(item.value)}
                   for item in portfolio.leave]
    context.update({
        "service": service,
        "credited": profile.credited,
        "planned_placements": planned,
        "auskultation": auskultation,
        "delmal": delmal,
        "summary": summarize_delmal(tuple(row["status"] for row in delmal)),
        "to_collect": to_collect,
        "missing": missing,
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
