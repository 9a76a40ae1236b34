"""`st status`: the progress dashboard, drawn with rich from the one progress model.

Every figure comes from `Evaluation.progress` (and the rule parameters in force); this module
only chooses, orders and draws. It reads well at 80 columns, without colour (NO_COLOR) and
piped (plain text). Imported only on the status command's path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import IO, TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text

from stcli.findings import Severity, count_by_severity
from stcli.i18n import echo, format_number, t
from stcli.render.status_json import (
    ACTIVITY_ORDER,
    empty_kinds,
    long_gaps,
    longest_gap,
    phase,
    shown_delmal,
    targets,
    top_findings,
    upcoming_deadlines,
)
from stcli.render.textgrid import Block, Grid, Heading, Indented, layout, print_lines

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation
    from stcli.engine.progress import DelmalStatus, Gap, Progress
    from stcli.model import Profile

OK, WARN, BAD, DIM, HEAD, ACCENT = "green", "yellow", "red", "dim", "bold", "cyan"
INDENT = "  "
BLOCKS = " ▁▂▃▄▅▆▇█"
CHART_ROWS = 3
MONTH_CELL = 5  # characters per month in the supervision chart
MAX_GAPS = 3
TITLE_MAX = 56  # the delmål title column on wide terminals
PHASE_MARK = {"done": ("✓", OK), "current": ("▶", ACCENT), "planned": ("○", DIM)}


def render(evaluation: Evaluation, lang: str, stream: IO[str], width: int | None = None) -> None:
    """Draw the dashboard: colour on a terminal (or FORCE_COLOR), none with NO_COLOR, plain
    text when piped. `width` defaults to the terminal's, as rich measures it."""
    import os

    no_color = bool(os.environ.get("NO_COLOR"))
    terminal = stream.isatty() or (bool(os.environ.get("FORCE_COLOR")) and not no_color)
    if not terminal:
        columns = width or plain_width()
        print_lines(layout(build(evaluation, lang, columns), columns), stream, None)
        return
    from rich.console import Console

    console = Console(file=stream, force_terminal=True, no_color=no_color, width=width,
                      highlight=False, emoji=False, markup=False, soft_wrap=False)
    columns = console.width
    print_lines(layout(build(evaluation, lang, columns), columns), stream, console)


def plain_width() -> int:
    """rich's width for output that is not a terminal: COLUMNS, else the size of whichever
    standard stream is a terminal (`st status | less` in a wide window), else 80."""
    import os

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def build(evaluation: Evaluation, lang: str, width: int) -> list[Block]:
    progress = evaluation.progress
    located = evaluation.portfolio.profile
    if progress is None or located is None:
        return _no_profile(evaluation, lang)
    profile = located.value
    view = _View(evaluation, progress, profile, lang, width)
    parts: list[Block] = []
    parts += view.header()
    parts += view.time()
    parts += view.first_steps()
    # Nothing recorded yet: the first steps say what each empty section would.
    fresh = evaluation.entries == 0
    if not fresh:
        parts += view.supervision()
        parts += view.assessments()
    parts += view.delmal()
    if not fresh:
        parts += view.placements()
        parts += view.courses()
    parts += view.deadlines()
    parts += view.signoffs()
    parts += view.findings()
    return parts


# --- small formatting helpers ----------------------------------------------------------------


def months(value: Fraction, lang: str) -> str:
    """Months in text: one decimal, decimal comma in Swedish."""
    return format_number(value, lang, 1)


def integer(value: int | Fraction | Decimal, lang: str) -> str:
    """A whole number with a thousands separator (space in Swedish, comma in English)."""
    whole: int = round(value)
    text = f"{whole:,}"
    return text.replace(",", " ") if lang == "sv" else text


def percent(value: Fraction | Decimal, lang: str) -> str:
    if Fraction(value).denominator == 1:
        return str(int(value))
    return format_number(Fraction(value), lang, 1)


def bar(share: Fraction, width: int, style: str) -> Text:
    filled = int(share * width) if share < 1 else width
    text = Text("█" * filled, style=style)
    text.append("░" * (width - filled), style=DIM)
    return text


def line(*pieces: str | tuple[str, str] | Text) -> Indented:
    """An indented paragraph of (text, style) pieces; wrapped lines keep the indent."""
    text = Text()
    for piece in pieces:
        if isinstance(piece, Text):
            text.append_text(piece)
        elif isinstance(piece, tuple):
            text.append(piece[0], style=piece[1])
        else:
            text.append(piece)
    return indented(text)


def indented(content: Text | Grid) -> Indented:
    """A grid or paragraph two columns in, wrapped lines keeping the indent."""
    return Indented(content, len(INDENT))


def para(text: str, style: str = "") -> Indented:
    return indented(Text(text, style=style))


def cut(text: str, style: str = "") -> Text:
    """A cell that may be shortened with … but never wraps (the flexible column)."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


def grid(*flexible: bool) -> Grid:
    """A borderless table, one space between columns; the `flexible` column may shrink."""
    return Grid(flexible.index(True))


def joined(pieces: Iterable[str], sep: str = " · ") -> str:
    return sep.join(p for p in pieces if p)


def heading(title: str) -> Heading:
    return Heading(title, HEAD, DIM)


def specialty(code: str, lang: str) -> str:
    key = f"status.specialty.{code}"
    text = t(key, lang)
    return echo(code) if text == key else text


def method(code: str, lang: str) -> str:
    key = f"status.method.{code}"
    text = t(key, lang)
    return echo(code) if text == key else text


def _no_profile(evaluation: Evaluation, lang: str) -> list[Block]:
    from stcli.render.findings import line as finding_line

    parts: list[Block] = [Text(t("status.no_profile", lang), style=BAD)]
    for finding in top_findings(evaluation.findings, 10):
        parts.append(Text(INDENT + finding_line(finding, lang)))
    return parts


class _View:
    def __init__(self, evaluation: Evaluation, progress: Progress, profile: Profile,
                 lang: str, width: int) -> None:
        self.evaluation = evaluation
        self.progress = progress
        self.profile = profile
        self.lang = lang
        self.width = width
        self.goal = targets(evaluation)

    def t(self, key: str, **args: Any) -> str:
        return t(f"status.{key}", self.lang, **args)

    # --- header ----------------------------------------------------------------------------

    def header(self) -> list[Block]:
        p, progress = self.profile, self.progress
        title = Text(self.t("title", trainee=p.trainee), style=HEAD)
        title.append("  ")
        title.append(self.t("as_of", date=progress.as_of), style=ACCENT)
        region = self.t("region.none")
        if p.region:
            region = self.t(f"region.{p.region}")
            region = echo(p.region) if region.startswith("status.") else region
        year = progress.current_year
        if year is None:
            when = self.t("before_start", start=progress.st_start)
        else:
            key = "st_year_bt" if progress.in_bt else "st_year"
            when = self.t(key, year=year.number, start=year.start, end=year.end)
        return [title, Text(joined([p.regulation, region, when]), style=DIM)]

    # --- time -----------------------------------------------------------------------------

    def time(self) -> list[Block]:
        time, lang = self.progress.time, self.lang
        share = time.share_served
        done = time.served >= time.required
        width = max(10, min(60, self.width - 32))
        served = self.t("time.served", served=months(time.served, lang),
                        required=time.required, percent=format_number(share * 100, lang, 0))
        rows: list[Block] = [heading(self.t("time.heading"))]
        rows.append(line(bar(share, width, OK if done else ACCENT), "  ", (served, HEAD)))
        details = [self.t("time.remaining", months=months(time.remaining, lang)),
                   self.t("time.percent_now", percent=percent(time.percent_now, lang))]
        details.append(self.t("time.credited", months=months(time.credited, lang)))
        rows.append(line(joined(details)))
        if time.leave_days_not_counted:
            leave = time.leave_days_not_counted  # 10 days at 50 % = 5; may be a fraction
            days = integer(leave, lang) if Fraction(leave).denominator == 1 else months(
                Fraction(leave), lang)
            rows.append(line((self.t("time.leave", days=days), WARN)))
        else:
            rows.append(line((self.t("time.leave_none"), DIM)))
        rows.append(self._completion())
        extra = self._bt()
        if time.half_time_date and time.half_time_date > self.progress.as_of:
            extra.append(self.t("time.half", date=time.half_time_date))
        if extra:
            rows.append(line((joined(extra), DIM)))
        return rows

    def _completion(self) -> Block:
        time = self.progress.time
        end = time.projected_completion
        if end is None:
            return line((self.t("time.no_projection"), WARN))
        reached = time.served >= time.required
        first = self.t("time.reached" if reached else "time.projected", date=end)
        margin = time.planned_end_margin_days
        if time.planned_end is None or margin is None:
            return line((first, HEAD), " · ", (self.t("time.planned_none"), DIM))
        if margin > 0:
            planned = (self.t("time.planned_after", date=time.planned_end,
                              days=integer(margin, self.lang)), OK)
        elif margin == 0:
            planned = (self.t("time.planned_same", date=time.planned_end), OK)
        else:
            planned = (self.t("time.planned_early", date=time.planned_end,
                              days=integer(-margin, self.lang)), WARN)
        return line((first, HEAD), " · ", planned)

    def _bt(self) -> list[str]:
        bt = self.profile.bt
        if bt is None or self.profile.regulation != "HSLF-FS 2021:8":
            return []
        if bt.start > self.progress.as_of:
            return [self.t("time.bt_ahead", start=bt.start)]
        if bt.end is None or bt.end >= self.progress.as_of:
            return [self.t("time.bt_running", start=bt.start)]
        if bt.approved:
            return [self.t("time.bt_approved", start=bt.start, end=bt.end,
                           approved=bt.approved)]
        return [self.t("time.bt_open", start=bt.start, end=bt.end)]

    # --- getting started ------------------------------------------------------------------

    def first_steps(self) -> list[Block]:
        missing = empty_kinds(self.evaluation)
        if not missing:
            return []
        nothing = self.evaluation.entries == 0
        rows: list[Block] = [heading(self.t(
            "start.heading" if nothing else "start.heading_next"))]
        if nothing:
            rows.append(para(self.t("start.intro")))
        year = self.progress.as_of.year
        steps = grid(False, True)
        if not self.profile.supervisors:
            missing = ["supervisor", *missing]
        for number, kind in enumerate(missing, 1):
            text = self.t(f"start.{kind}", year=year, target=self.goal["minutes_per_week"],
                          low=self.goal["assessments_low"], high=self.goal["assessments_high"])
            steps.add_row(Text(f"{number}.", style=ACCENT), text)
        rows.append(indented(steps))
        if nothing:
            rows.append(para(self.t("start.validate"), DIM))
        return rows

    # --- supervision ----------------------------------------------------------------------

    def supervision(self) -> list[Block]:
        progress, lang = self.progress, self.lang
        year = progress.current_year
        sup = progress.supervision
        target = self.goal["minutes_per_week"]
        title = self.t("sup.heading", year=year.number) if year else self.t("sup.heading_all")
        rows: list[Block] = [heading(title)]
        if sup.sessions == 0:
            rows.append(para(self.t("sup.none", target=target), WARN))
            return rows
        if year is not None:
            rate = year.minutes_per_week
            if rate is None:
                rows.append(line((self.t("sup.no_weeks"), DIM)))
            else:
                met = rate >= target
                width = max(10, min(60, self.width - 44))
                share = min(Fraction(1), rate / target) if target else Fraction(1)
                rows.append(line(bar(share, width, OK if met else WARN), "  ",
                                 (self.t("sup.rate", rate=months(rate, lang), target=target),
                                  HEAD), (" ✓" if met else " ✗", OK if met else WARN)))
            rows.append(line(self.t(
                "sup.totals", minutes=integer(year.supervision_minutes, lang),
                weeks=months(year.weeks_in_service, lang),
                sessions=integer(year.supervision_sessions, lang))))
        if sup.last_session:
            rows.append(line(self.t("sup.last", date=sup.last_session)))
        # As many of the last 12 months as fit (a month takes MONTH_CELL columns, the last 3).
        shown = self.progress.supervision.per_month[-max(1, self.width // MONTH_CELL):]
        chart = self._chart(shown)
        if chart:
            rows.append(line(self.t("sup.chart", count=len(shown))))
            rows.extend(chart)
        rows.extend(self._gaps())
        return rows

    def _chart(self, per_month: Sequence[tuple[str, int]]) -> list[Text]:
        names = self.t("months").split()
        top = max((minutes for _, minutes in per_month), default=0)
        if top <= 0:
            return []
        levels = CHART_ROWS * 8
        heights = [0 if m <= 0 else max(1, round(Fraction(m, top) * levels))
                   for _, m in per_month]
        out: list[Text] = []
        for row in range(CHART_ROWS - 1, -1, -1):
            text = Text(INDENT)
            for height in heights:
                level = min(8, max(0, height - row * 8))
                text.append((BLOCKS[level] * 3).ljust(MONTH_CELL), style=ACCENT)
            text.rstrip()
            out.append(text)
        labels = Text(INDENT, style=DIM)
        values = Text(INDENT)
        for key, minutes in per_month:
            labels.append(names[int(key[5:7]) - 1].ljust(MONTH_CELL))
            hours = format_number(Fraction(minutes, 60), self.lang, 1) if minutes else "–"
            values.append(hours.ljust(MONTH_CELL), style="" if minutes else DIM)
        labels.rstrip()
        values.rstrip()
        return [*out, labels, values]

    def _gap_ends(self, gap: Gap) -> dict[str, Any]:
        return {"first": gap.after or self.t("sup.start"),
                "last": gap.before or self.t("sup.now")}

    def _gaps(self) -> list[Block]:
        limit = self.goal["max_gap_days"]
        gaps = long_gaps(self.progress, limit)
        if not gaps:
            longest = longest_gap(self.progress)
            if longest is None:
                return []
            days = integer(longest.days, self.lang)
            return [line((self.t("sup.no_gaps", limit=longest.limit, days=days,
                                 **self._gap_ends(longest)), DIM))]
        rows: list[Block] = [line((self.t("sup.gaps", limit=limit), WARN))]
        for gap in gaps[:MAX_GAPS]:
            days = integer(gap.days, self.lang)
            rows.append(line("  ", (self.t("sup.gap", days=days, **self._gap_ends(gap)), WARN)))
        if len(gaps) > MAX_GAPS:
            rows.append(line("  ", (self.t("sup.gap_more", count=len(gaps) - MAX_GAPS), DIM)))
        return rows

    # --- assessments ----------------------------------------------------------------------

    def assessments(self) -> list[Block]:
        progress = self.progress
        year = progress.current_year
        if year is None:
            return []
        low, high = self.goal["assessments_low"], self.goal["assessments_high"]
        rows: list[Block] = [heading(self.t("ass.heading", year=year.number))]
        count, minimum = year.assessments, year.assessment_minimum
        met = count >= minimum
        dots = Text("■" * count, style=OK if met else WARN)
        dots.append("□" * max(0, high - count), style=DIM)
        status = [self.t("ass.count", count=count, low=low, high=high)]
        if minimum != low:
            status.append(self.t("ass.minimum", minimum=minimum))
        rows.append(line(dots, "  ", (joined(status), HEAD),
                         (" ✓", OK) if met else ("", "")))
        if year.assessment_methods:
            used = joined((f"{method(name, self.lang)} {n}" for name, n
                           in year.assessment_methods), ", ")
            rows.append(line(self.t("ass.methods", methods=used)))
        else:
            rows.append(para(self.t("ass.none"), WARN if year.completed else DIM))
        earlier = [y for y in progress.years if y.number != year.number]
        if earlier:
            text = Text()
            for i, past in enumerate(earlier):
                if i:
                    text.append(" · ", style=DIM)
                enough = past.assessments >= past.assessment_minimum
                key = "ass.year" if enough else "ass.year_short"
                text.append(self.t(key, year=past.number, count=past.assessments,
                                   minimum=past.assessment_minimum), style=DIM if enough else WARN)
            rows.append(indented(text))
        return rows

    # --- delmål ---------------------------------------------------------------------------

    def delmal(self) -> list[Block]:
        progress = self.progress
        shown = shown_delmal(progress)
        heading_key = "delmal.heading_bt" if progress.in_bt else "delmal.heading"
        rows: list[Block] = [heading(self.t(heading_key))]
        if not shown:
            rows.append(line((self.t("delmal.no_catalog", regulation=self.profile.regulation),
                              WARN)))
            return rows
        total = len(shown)
        if not any(d.evidence or d.planned for d in shown):
            rows.append(para(self.t("delmal.empty", total=total), DIM))
            return rows
        from stcli.engine.progress import summarize_delmal

        summary = summarize_delmal(tuple(shown))
        rows.append(line((self.t("delmal.summary", complete=summary.complete,
                                 total=summary.total, signed=summary.certified), HEAD)))
        columns = self._activity_columns(shown)
        rows.extend(self._delmal_grid(shown, columns))
        rows.append(para(self.t("delmal.legend"), DIM))
        names = joined(f"{self._abbreviation(a)} {self._activity_name(a)}" for a in columns)
        rows.append(para(names, DIM))
        return rows

    def _delmal_grid(self, shown: Sequence[DelmalStatus], columns: list[str]) -> list[Text]:
        """One line per delmål in fixed columns, the title column cut with … to fit."""
        abbreviations = [self._abbreviation(a) for a in columns]
        head_code, head_title = self.t("delmal.code"), self.t("delmal.title")
        head_cert, head_assess = self.t("delmal.cert"), self.t("delmal.assess")
        certs = [self._certificate(d) for d in shown]
        code_w = max(cell_len(head_code), *(cell_len(d.delmal.code) for d in shown))
        act_w = [max(1, cell_len(a)) for a in abbreviations]
        cert_w = max(cell_len(head_cert), *(c.cell_len for c in certs))
        assess_w = max(cell_len(head_assess), *(len(str(d.assessments)) for d in shown))
        titles = [echo(d.delmal.localized_title(self.lang)) for d in shown]
        fixed = code_w + sum(act_w) + cert_w + assess_w + len(columns) + 3
        natural = min(TITLE_MAX, max(cell_len(head_title), *(cell_len(x) for x in titles)))
        # The title gets what is left; below 8 columns it would say nothing: leave it out
        # (`st explain STc1` names a delmål), so that a narrow pane still shows the grid.
        title_w = min(natural, self.width - len(INDENT) - fixed)
        title_w = title_w if title_w >= 8 else 0

        def row(code: Text, title: Text, cells: list[Text], cert: Text, assess: Text) -> Text:
            text = Text(INDENT)
            code.pad_right(code_w - code.cell_len)
            text.append_text(code)
            if title_w:
                text.append(" ")
                title.truncate(title_w, overflow="ellipsis", pad=True)
                text.append_text(title)
            for cell, width in zip(cells, act_w, strict=True):
                text.append(" ")
                left = (width - cell.cell_len) // 2
                cell.pad_left(left)
                cell.pad_right(width - cell.cell_len)
                text.append_text(cell)
            text.append(" ")
            cert.pad_right(cert_w - cert.cell_len)
            text.append_text(cert)
            text.append(" ")
            assess.pad_left(assess_w - assess.cell_len)
            text.append_text(assess)
            return text

        lines = [row(Text(head_code, style=HEAD), Text(head_title, style=HEAD),
                     [Text(a, style=HEAD) for a in abbreviations], Text(head_cert, style=HEAD),
                     Text(head_assess, style=HEAD))]
        for status, title, cert in zip(shown, titles, certs, strict=True):
            lines.append(row(
                Text(status.delmal.code, style="" if status.missing else OK), Text(title),
                [self._cell(status, a) for a in columns], cert,
                Text(str(status.assessments), style="" if status.assessments else DIM)))
        return lines

    def _activity_columns(self, shown: Sequence[DelmalStatus]) -> list[str]:
        required = {a for d in shown for group in d.delmal.requires for a in group}
        if not required:  # BT only: show where evidence is
            required = {a for d in shown for a in d.evidence}
        return [a for a in ACTIVITY_ORDER if a in required] + sorted(
            a for a in required if a not in ACTIVITY_ORDER)

    def _activity_key(self, activity: str) -> str:
        if activity == "kvalitetsarbete" and self.profile.regulation == "HSLF-FS 2021:8":
            return "utvecklingsarbete"
        return activity

    def _abbreviation(self, activity: str) -> str:
        key = f"status.act.{self._activity_key(activity)}"
        text = t(key, self.lang)
        return activity[:3] if text == key else text

    def _activity_name(self, activity: str) -> str:
        key = f"status.act.{self._activity_key(activity)}.name"
        text = t(key, self.lang)
        return activity if text == key else text

    def _cell(self, status: DelmalStatus, activity: str) -> Text:
        groups = [g for g in status.delmal.requires if activity in g]
        have = status.evidence.get(activity, 0)
        if not groups:
            return Text("✓", style=DIM) if have else Text("")
        if have:
            return Text("✓", style=OK)
        if all(g not in status.missing for g in groups):
            return Text("–", style=DIM)
        if status.planned.get(activity):
            return Text("○", style=WARN)
        return Text("✗", style=BAD)

    def _certificate(self, status: DelmalStatus) -> Text:
        if not status.evidence:
            return Text("")
        state = status.certificate_state
        style = {"signed": OK, "requested": WARN}.get(state, DIM)
        return Text(self.t(f"cert.{state}"), style=style)

    # --- placements and courses -----------------------------------------------------------

    def _certificate_text(self, state: str, when: str) -> tuple[str, str]:
        if when != "done" and state != "signed":
            return (self.t(f"certificate.{state}") if state == "requested" else "", DIM)
        style = {"signed": OK, "requested": WARN}.get(state, WARN)
        return (self.t(f"certificate.{state}"), style)

    def _placement_name(self, pl: Any, short: bool) -> str:
        prefix = "pl.short." if short else "pl."
        if pl.type == "vardcentral":
            what = self.t(f"{prefix}vardcentral")
        else:
            what = self.t(f"{prefix}{pl.type}", specialty=specialty(pl.specialty, self.lang))
        if pl.percent is not None:
            what = self.t("pl.percent", what=what, percent=percent(pl.percent, self.lang))
        return what

    def placements(self) -> list[Block]:
        items = sorted(self.evaluation.portfolio.placements,
                       key=lambda i: (i.value.start, i.value.end))
        rows: list[Block] = [heading(self.t("pl.heading"))]
        if not items:
            rows.append(line((self.t("pl.none"), WARN)))
            return rows
        table = grid(False, False, True, False)
        whens = [phase(i.value.start, i.value.end, self.progress.as_of) for i in items]
        certs = [self._certificate_text(i.value.certificate, w) for i, w in zip(items, whens,
                                                                                 strict=True)]
        # What tells placements apart is the specialty and the percent: when the full names
        # do not fit, the common prefix is shortened ("Sido: akutsjukvård"), not the end.
        room = self.width - len(INDENT) - 2 - len("2024-01-08–2024-04-07") - 1 - (
            max(cell_len(c[0]) for c in certs) + 1 if any(c[0] for c in certs) else 0)
        names = [self._placement_name(i.value, short=False) for i in items]
        if any(cell_len(name) > room for name in names):
            names = [self._placement_name(i.value, short=True) for i in items]
        for item, when, (cert, cert_style), what in zip(items, whens, certs, names,
                                                         strict=True):
            pl = item.value
            mark, style = PHASE_MARK[when]
            dim = DIM if when == "planned" else ""
            table.add_row(Text(mark, style=style), Text(f"{pl.start}–{pl.end}", style=dim),
                          cut(what, dim), Text(cert, style=cert_style))
        rows.append(indented(table))
        rows.append(para(self.t("pl.legend"), DIM))
        return rows

    def courses(self) -> list[Block]:
        items = sorted(self.evaluation.portfolio.courses,
                       key=lambda i: (i.value.start, i.value.end))
        rows: list[Block] = [heading(self.t("co.heading"))]
        if not items:
            rows.append(line((self.t("co.none"), DIM)))
            return rows
        table = grid(False, False, True, False)
        for item in items:
            course = item.value
            when = phase(course.start, course.end, self.progress.as_of)
            mark, style = PHASE_MARK[when]
            cert, cert_style = self._certificate_text(course.certificate, when)
            dim = DIM if when == "planned" else ""
            table.add_row(Text(mark, style=style), Text(str(course.start), style=dim),
                          cut(echo(course.title), dim), Text(cert, style=cert_style))
        rows.append(indented(table))
        return rows

    # --- deadlines and findings -----------------------------------------------------------

    def deadlines(self) -> list[Block]:
        soon = upcoming_deadlines(self.progress)
        rows: list[Block] = [heading(self.t("dl.heading"))]
        if not soon:
            rows.append(line((self.t("dl.none"), DIM)))
            return rows + self._next_leave()
        table = grid(False, True, False)
        horizon = self.progress.as_of + dt.timedelta(days=30)
        for deadline in soon:
            style = WARN if deadline.date <= horizon else ""
            table.add_row(Text(deadline.date.isoformat(), style=style),
                          deadline.what.render(self.lang), Text(deadline.code, style=DIM))
        rows.append(indented(table))
        return rows + self._next_leave()

    def _next_leave(self) -> list[Block]:
        """One line: the dates that move when the next planned leave is taken (st plan)."""
        moved = self.evaluation.next_leave
        if moved is None:
            return []
        from stcli.render.plan import leave_moves_text

        return [line((leave_moves_text(moved, self.lang), WARN))]

    def signoffs(self) -> list[Block]:
        """Each ST year's sign-off (st sign), only once the portfolio has one."""
        if not self.evaluation.portfolio.signoffs:
            return []
        from stcli.render.signoffs import state_label, years
        from stcli.signoff import VALID

        rows: list[Block] = [heading(t("sign.status.heading", self.lang))]
        for number, _, _, signoff in years(self.evaluation):
            if signoff is None:
                rows.append(line((t("sign.status.unsigned", self.lang, year=number), DIM)))
                continue
            day = signoff.date.date() if signoff.date else "?"
            who = t("sign.status.signed", self.lang, year=number, date=day,
                    signer=signoff.signer or signoff.tagger or "?", role=signoff.role or "?")
            state = (state_label(signoff, self.lang), OK if signoff.signature == VALID else BAD)
            if signoff.changes:
                changed = t("sign.status.changed", self.lang, count=len(signoff.changes))
                rows.append(line(who, " · ", state, " · ", (changed, WARN)))
            else:
                rows.append(line(who, " · ", state))
        rows.append(line((t("sign.status.hint", self.lang), DIM)))
        return rows

    def _count(self, severity: str, count: int) -> str:
        form = "one" if count == 1 else "other"
        return self.t(f"fi.{severity}.{form}", count=count)

    def findings(self) -> list[Block]:
        findings = self.evaluation.findings
        counts = count_by_severity(findings)
        title = joined(self._count(severity, counts[severity]) for severity in counts)
        rows: list[Block] = [heading(self.t("fi.heading", counts=title))]
        top = top_findings(findings)
        if not top:
            rows.append(line((self.t("fi.clean"), OK)))
        else:
            table = grid(False, True)
            for finding in top:
                severity = finding.effective_severity
                style = BAD if severity == Severity.ERROR else WARN
                table.add_row(Text(finding.code, style=style),
                              finding.message.render(self.lang))
            rows.append(indented(table))
            rest = counts["error"] + counts["warning"] - len(top)
            if rest > 0:
                rows.append(line((self.t("fi.more", count=rest), DIM)))
        rows.append(line((self.t("fi.hint"), DIM)))
        return rows
