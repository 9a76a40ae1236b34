"""`st plan`: the projection as the files say and with the assumptions, side by side (text),
or the same comparison as JSON. Every figure comes from `engine.whatif.PlanResult`; this
module only words and lays it out (the dashboard's blocks and grids, `render/textgrid.py`).
"""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import IO, TYPE_CHECKING, Any

from rich.text import Text

from stcli.findings import Finding, Severity
from stcli.i18n import echo, format_number, t
from stcli.model import Credit, EmploymentStep, Leave, Placement
from stcli.render.status import (
    ACCENT,
    BAD,
    DIM,
    HEAD,
    OK,
    WARN,
    grid,
    heading,
    indented,
    joined,
    line,
    months,
    percent,
    plain_width,
    specialty,
)
from stcli.render.status_json import decimal2
from stcli.render.textgrid import Block, layout, print_lines

if TYPE_CHECKING:
    from stcli.engine.whatif import Change, DeadlineMove, LeaveMoves, PlanResult, Side

SCHEMA = "st-plan/1"
SEVERITY_STYLE = {Severity.ERROR: BAD, Severity.WARNING: WARN, Severity.INFO: DIM}


def render(result: PlanResult, trainee: str, lang: str, stream: IO[str],
           width: int | None = None) -> None:
    """Plain lines when piped or with NO_COLOR, one rich print on a terminal (as status)."""
    import os

    no_color = bool(os.environ.get("NO_COLOR"))
    terminal = stream.isatty() or (bool(os.environ.get("FORCE_COLOR")) and not no_color)
    if not terminal:
        columns = width or plain_width()
        print_lines(layout(build(result, trainee, lang), columns), stream, None)
        return
    from rich.console import Console

    console = Console(file=stream, force_terminal=True, no_color=no_color, width=width,
                      highlight=False, emoji=False, markup=False, soft_wrap=False)
    print_lines(layout(build(result, trainee, lang), console.width), stream, console)


# --- words ----------------------------------------------------------------------------------


def signed_days(days: int, lang: str, short: bool = False) -> str:
    """`+279 dagar`, `−3 dagar`, `samma`; short: `+279 d`."""
    if days == 0:
        return t("plan.same", lang)
    sign = "+" if days > 0 else "−"
    key = "plan.days.short" if short else "plan.days.one" if abs(days) == 1 else "plan.days"
    return t(key, lang, days=f"{sign}{format_number(Fraction(abs(days)), lang, 0)}")


def signed_months(value: Fraction, lang: str) -> str:
    if value == 0:
        return t("plan.same", lang)
    sign = "+" if value > 0 else "−"
    return sign + t("plan.months", lang, months=months(abs(value), lang))


def change_text(change: Change, lang: str) -> str:
    """What a change was read as, in the format's words."""
    record = change.record
    if isinstance(record, EmploymentStep):
        return t("plan.as.employment", lang, percent=percent(record.percent, lang),
                 start=record.from_)
    if isinstance(record, Leave):
        from stcli.engine.whatif import leave_is_noncounting

        counts = t("plan.as.not_counted" if leave_is_noncounting(record) else "plan.as.counts",
                   lang)
        return t("plan.as.leave", lang, kind=t(f"plan.leave.{record.kind}", lang),
                 percent=percent(record.percent, lang), start=record.start, end=record.end,
                 counts=counts)
    if isinstance(record, Placement):
        key = "plan.as.placement" if record.percent is None else "plan.as.placement_percent"
        return t(key, lang, type=t(f"plan.type.{record.type}", lang),
                 specialty=specialty(record.specialty, lang), start=record.start,
                 end=record.end,
                 percent=None if record.percent is None else percent(record.percent, lang))
    assert isinstance(record, Credit)
    return t("plan.as.credited", lang, months=months(Fraction(record.months), lang))


def _completion(side: Side, lang: str) -> str:
    day = side.progress.time.projected_completion
    return day.isoformat() if day else t("plan.never", lang)


def _margin(side: Side, lang: str) -> str:
    margin = side.progress.time.planned_end_margin_days
    return "–" if margin is None else signed_days(margin, lang).lstrip("+")


def _year(side: Side) -> str:
    return "–" if side.completion_year is None else str(side.completion_year)


def move_text(move: DeadlineMove, lang: str) -> tuple[str, str]:
    """(dates, difference) for one deadline row."""
    if move.before is None:
        return f"{t('plan.dl.new', lang)} {move.after}", ""
    if move.after is None:
        return f"{move.before} {t('plan.dl.gone', lang)}", ""
    return (t("plan.dl.moved", lang, before=move.before, after=move.after),
            signed_days(move.days or 0, lang))


# --- the text view --------------------------------------------------------------------------


def build(result: PlanResult, trainee: str, lang: str) -> list[Block]:
    before, after = result.before, result.after
    title = Text(t("plan.title", lang, trainee=echo(trainee)), style=HEAD)
    title.append("  ")
    title.append(t("plan.as_of", lang, date=result.as_of), style=ACCENT)
    blocks: list[Block] = [title, heading(t("plan.changes.heading", lang))]
    changes = grid(False, True)
    for change in result.changes:
        changes.add_row(Text(f"{change.number}.", style=DIM),
                        Text(f"{echo(change.text)} → {change_text(change, lang)}"))
    blocks.append(indented(changes))

    blocks.append(heading(t("plan.compare.heading", lang)))
    table = grid(True, False, False, False)
    table.add_row(Text(""), *(Text(t(key, lang), style=DIM)
                              for key in ("plan.col.now", "plan.col.then", "plan.col.diff")))
    for day, first, second in ((result.as_of, before.served_now, after.served_now),
                               (result.at, before.served_at, after.served_at)):
        table.add_row(Text(t("plan.row.served", lang, date=day)),
                      Text(t("plan.months", lang, months=months(first, lang))),
                      Text(t("plan.months", lang, months=months(second, lang))),
                      Text(signed_months(second - first, lang)))
    days = result.completion_days
    table.add_row(Text(t("plan.row.completion", lang), style=HEAD),
                  Text(_completion(before, lang), style=HEAD),
                  Text(_completion(after, lang), style=HEAD),
                  Text("–" if days is None else signed_days(days, lang),
                       style=WARN if days and days > 0 else OK))
    planned = before.progress.time.planned_end
    if planned is not None:
        table.add_row(Text(t("plan.row.planned_end", lang, date=planned)),
                      Text(_margin(before, lang)), Text(_margin(after, lang)), Text(""))
    table.add_row(Text(t("plan.row.st_year", lang)), Text(_year(before)), Text(_year(after)),
                  Text(""))
    blocks.append(indented(table))
    blocks += _years(result, lang)

    blocks.append(heading(t("plan.dl.heading", lang)))
    if result.moves:
        deadlines = grid(False, True, False, False)
        for move in result.moves:
            dates, difference = move_text(move, lang)
            deadlines.add_row(Text(move.code, style=DIM), Text(move.what.render(lang)),
                              Text(dates), Text(difference, style=WARN if (move.days or 0) > 0
                                                else ""))
        blocks.append(indented(deadlines))
    else:
        blocks.append(line((t("plan.dl.none", lang), DIM)))
    if result.unchanged:
        key = "plan.dl.unchanged.one" if result.unchanged == 1 else "plan.dl.unchanged"
        blocks.append(line((t(key, lang, count=result.unchanged), DIM)))

    blocks.append(heading(t("plan.fi.heading", lang)))
    if result.appeared or result.disappeared:
        found = grid(False, False, True)
        for sign, word, findings in (("+", "plan.fi.appear", result.appeared),
                                     ("−", "plan.fi.disappear", result.disappeared)):
            for finding in findings:
                style = SEVERITY_STYLE[finding.effective_severity]
                found.add_row(Text(f"{sign} {t(word, lang)}", style=DIM),
                              Text(f"{finding.effective_severity.value} {finding.code}",
                                   style=style),
                              Text(finding.message.render(lang)))
        blocks.append(indented(found))
    else:
        blocks.append(line((t("plan.fi.none", lang), DIM)))
    blocks.append(line((t("plan.hint", lang), DIM)))
    return blocks


def _years(result: PlanResult, lang: str) -> list[Block]:
    first, second = result.before.completion_year, result.after.completion_year
    if first is None or second is None:
        return []
    bounds = {n: (start, end) for n, start, end in result.st_years(result.after)}
    if first == second:
        start, end = bounds[first]
        return [line((t("plan.years.same", lang, year=first, start=start, end=end,
                        st_start=result.before.progress.st_start), DIM))]
    key = "plan.years.added" if second > first else "plan.years.dropped"
    low, high = sorted((first, second))
    return [line((t(key, lang, year=n, start=bounds[n][0], end=bounds[n][1]), DIM))
            for n in range(low + 1, high + 1)]


# --- JSON -----------------------------------------------------------------------------------


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _months(value: Fraction) -> dict[str, Any]:
    return {"months": decimal2(value), "exact": str(value)}


def _side(result: PlanResult, side: Side) -> dict[str, Any]:
    time = side.progress.time
    return {
        "served_as_of": _months(side.served_now),
        "served_at": _months(side.served_at),
        "credited": _months(time.credited),
        "required": time.required,
        "projected_completion": _day(time.projected_completion),
        "planned_end_margin_days": time.planned_end_margin_days,
        "completion_st_year": side.completion_year,
        "st_years": [{"year": n, "start": start.isoformat(), "end": end.isoformat()}
                     for n, start, end in result.st_years(side)
                     if side.completion_year is None or n <= side.completion_year],
        "deadlines": [{"date": d.date.isoformat(), "code": d.code, "what": d.what.key}
                      for d in side.progress.deadlines],
    }


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    return {"code": finding.code, "severity": finding.effective_severity.value,
            "message": finding.message.render(lang), "file": finding.position.file,
            "line": finding.position.line}


def document(result: PlanResult, lang: str) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "language": lang,
        "as_of": result.as_of.isoformat(),
        "at": result.at.isoformat(),
        "changes": [{"number": c.number, "text": echo(c.text), "kind": c.kind,
                     "read_as": change_text(c, lang)} for c in result.changes],
        "before": _side(result, result.before),
        "after": _side(result, result.after),
        "completion_days": result.completion_days,
        "deadlines": [{"code": m.code, "what": m.what.render(lang), "before": _day(m.before),
                       "after": _day(m.after), "days": m.days} for m in result.moves],
        "deadlines_unchanged": result.unchanged,
        "findings": {"appear": [_finding(f, lang) for f in result.appeared],
                     "disappear": [_finding(f, lang) for f in result.disappeared]},
    }


def dumps(result: PlanResult, lang: str) -> str:
    return json.dumps(document(result, lang), ensure_ascii=False, indent=2)


# --- st status: one line on what the next planned leave moves ------------------------------


def leave_moves_text(moved: LeaveMoves, lang: str) -> str:
    """`Med föräldraledighet 2027-03-01–2027-08-31: klart → 2031-03-08 (+181 d) · M007 →
    2029-03-08 (+181 d)`: the dates with the leave, and by how much it moved them."""
    pieces: list[str] = []
    first, second = moved.completion_before, moved.completion_after
    if first and second and first != second:
        pieces.append(t("plan.status.completion", lang, after=second,
                        days=signed_days((second - first).days, lang, short=True)))
    for move in moved.moves:
        if move.before is None:
            pieces.append(t("plan.status.new", lang, code=move.code, after=move.after))
        elif move.after is None:
            pieces.append(t("plan.status.gone", lang, code=move.code, before=move.before))
        else:
            pieces.append(t("plan.status.move", lang, code=move.code, after=move.after,
                            days=signed_days(move.days or 0, lang, short=True)))
    leave = moved.leave
    # Joined, not passed as an argument: t() shortens long arguments (user text).
    return t("plan.status.moves", lang, kind=t(f"plan.leave.{leave.kind}", lang),
             start=leave.start, end=leave.end) + " " + (
        joined(pieces) or t("plan.status.nothing", lang))
