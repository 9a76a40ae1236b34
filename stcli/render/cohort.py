"""`st cohort` rendered: a terminal table (textgrid), one self-contained HTML page, CSV, JSON.

The rows come ready from the engine (engine/cohort.py); this module only words and lays
them out. Every format carries the same fields (FIELDS).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections import Counter
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stcli.i18n import format_number, t

if TYPE_CHECKING:
    from stcli.cohort import CohortResult

SCHEMA = "st-cohort/1"
FIELDS = (
    "rank", "name", "source", "portfolio", "complete", "reason", "reason_code", "regulation",
    "region",
    "st_year", "months_served", "months_required", "projected_completion", "planned_end",
    "supervision_minutes_per_week", "supervision_target", "assessments",
    "assessments_minimum", "delmal_certified", "delmal_total", "next_deadline",
    "next_deadline_code", "next_deadline_what", "errors", "warnings", "urgent_codes",
    "urgency",
)
NAME_WIDTH = 24
REASON_MIN = 22
_USERINFO = re.compile(r"//[^/@\s]*@")


def shown_source(source: str) -> str:
    """A folder or URL as shown, whole: a URL's user and password left out, identity
    numbers masked, control characters replaced (as echo, which would cut long paths)."""
    from stcli.pii import mask_identity_numbers

    masked = mask_identity_numbers(_USERINFO.sub("//", source))
    return "".join(c if c.isprintable() else "\ufffd" for c in masked)


def reason(row: dict[str, Any], lang: str) -> str:
    if not row["complete"]:
        return t(f"cohort.problem.{row['problem']}", lang, **row["problem_args"])
    code = row["reason_code"]
    if code is None:
        return t("cohort.reason.none", lang)
    key = f"cohort.reason.{code}"
    from stcli.i18n import catalog

    if key in catalog():
        return f"{t(key, lang)} ({code})"
    kind = "other_error" if row["errors"] else "other_warning"
    return t(f"cohort.reason.{kind}", lang, code=code)


def flat(row: dict[str, Any], rank: int, lang: str) -> dict[str, Any]:
    """One row with the FIELDS, worded in `lang` (JSON; CSV joins the codes)."""
    what = row["next_deadline_what"]
    return {
        "rank": rank, "name": row["name"], "source": shown_source(row["source"]),
        "portfolio": shown_source(row["portfolio"]),
        "complete": row["complete"], "reason": reason(row, lang),
        "reason_code": row["reason_code"], "regulation": row["regulation"],
        "region": row["region"], "st_year": row["st_year"],
        "months_served": row["months_served"], "months_required": row["months_required"],
        "projected_completion": row["projected_completion"], "planned_end": row["planned_end"],
        "supervision_minutes_per_week": row["supervision_minutes_per_week"],
        "supervision_target": row["supervision_target"], "assessments": row["assessments"],
        "assessments_minimum": row["assessments_minimum"],
        "delmal_certified": row["delmal_certified"], "delmal_total": row["delmal_total"],
        "next_deadline": row["next_deadline"], "next_deadline_code": row["next_deadline_code"],
        "next_deadline_what": what.get(lang) if what else None,
        "errors": row["errors"], "warnings": row["warnings"],
        "urgent_codes": list(row["urgent_codes"]), "urgency": row["urgency"],
    }


def rows(result: CohortResult, lang: str) -> list[dict[str, Any]]:
    return [flat(row, n, lang) for n, row in enumerate(result.rows, 1)]


def to_json(result: CohortResult, lang: str) -> str:
    return json.dumps({
        "schema": SCHEMA, "as_of": result.as_of.isoformat(), "language": lang,
        "portfolios": len(result.rows), "incomplete": result.incomplete,
        "cache": {"hits": result.cache_hits, "evaluated": result.evaluated},
        "fields": list(FIELDS), "rows": rows(result, lang),
    }, ensure_ascii=False, indent=2) + "\n"


def to_csv(result: CohortResult, lang: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows(result, lang):
        row["urgent_codes"] = " ".join(row["urgent_codes"])
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


# --- cells shared by the terminal and HTML -------------------------------------------------


def _num(value: float | int | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return str(value)
    return format_number(value, lang, digits)


def _pair(a: Any, b: Any, lang: str, digits: int = 1) -> str:
    if a is None and b is None:
        return "–"
    return f"{_num(a, lang, digits)}/{_num(b, lang, digits)}"


def _regulation(value: str | None) -> str:
    return value.split()[0] if value else "–"


# (key, header, priority: the highest is dropped first when the table is too wide)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("rank", 0), ("name", 0), ("reason", 0), ("findings", 1), ("months", 2),
    ("completion", 2), ("supervision", 3), ("assessments", 3), ("st_year", 4), ("delmal", 4),
    ("deadline", 5), ("codes", 6), ("planned_end", 7), ("region", 8), ("regulation", 9),
)


def cells(row: dict[str, Any], rank: int, lang: str) -> dict[str, str]:
    name = row["name"] or shown_source(Path(row["source"]).name or row["source"])
    return {
        "rank": str(rank), "name": name, "reason": reason(row, lang),
        "regulation": _regulation(row["regulation"]), "region": row["region"] or "–",
        "st_year": _num(row["st_year"], lang),
        "months": _pair(row["months_served"], row["months_required"], lang),
        "completion": row["projected_completion"] or "–",
        "planned_end": row["planned_end"] or "–",
        "supervision": _pair(row["supervision_minutes_per_week"], row["supervision_target"],
                             lang, 0),
        "assessments": _pair(row["assessments"], row["assessments_minimum"], lang),
        "delmal": _pair(row["delmal_certified"], row["delmal_total"], lang),
        "deadline": (f"{row['next_deadline']} {row['next_deadline_code']}"
                     if row["next_deadline"] else "–"),
        "findings": f"{row['errors']}/{row['warnings']}",
        "codes": ",".join(row["urgent_codes"]) or "–",
    }


def _summary(result: CohortResult, lang: str) -> str:
    line = t("cohort.title", lang, date=result.as_of, count=len(result.rows))
    if result.incomplete:
        line += "; " + t("cohort.incomplete", lang, count=result.incomplete)
    return line


def to_text(result: CohortResult, lang: str, width: int) -> str:
    """The table in `width` columns: the least important columns are left out first."""
    from rich.cells import cell_len
    from rich.text import Text

    from stcli.render.textgrid import Grid, grid_lines

    if not result.rows:
        return t("cohort.empty", lang) + "\n"
    table = [cells(row, n, lang) for n, row in enumerate(result.rows, 1)]
    headers = {key: t(f"cohort.col.{key}", lang) for key, _ in COLUMNS}

    def natural(key: str) -> int:
        longest = max(cell_len(row[key]) for row in table)
        if key == "name":
            longest = min(longest, NAME_WIDTH)
        if key == "reason":
            longest = min(longest, REASON_MIN)
        return max(longest, cell_len(headers[key]))

    shown = [key for key, _ in COLUMNS]
    priority = dict(COLUMNS)
    while len(shown) > 3 and sum(natural(k) + 1 for k in shown) - 1 > width:
        shown.remove(max(shown, key=lambda k: (priority[k], shown.index(k))))
    grid = Grid(flexible=shown.index("reason"))
    grid.add_row(*[Text(headers[k], style="bold") for k in shown])
    for row in table:
        grid.add_row(*[Text(row[k][:NAME_WIDTH - 1] + "…"
                            if k == "name" and cell_len(row[k]) > NAME_WIDTH else row[k])
                       for k in shown])
    lines = [_summary(result, lang), ""]
    lines += [line.plain.rstrip() for line in grid_lines(grid, width)]
    return "\n".join(lines) + "\n"


# --- HTML ------------------------------------------------------------------------------------

# Sorts the table by a clicked heading (numbers by data-sort, else text); the page's CSP
# allows exactly this script by its hash, nothing from outside.
SORT_SCRIPT = """
document.querySelectorAll('th[data-col]').forEach(function (th) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0], col = th.cellIndex;
    var up = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'sv');
      return up ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
""".strip()

STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111}
table{border-collapse:collapse;font-size:.9rem}
th,td{border-bottom:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f3f3f3;position:sticky;top:0}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
tr.incomplete td{background:#fde8e8}
td.num{text-align:right;font-variant-numeric:tabular-nums}
svg text{font-size:11px}
@media print{th{position:static}}
""".strip()


def script_hash(script: str = SORT_SCRIPT) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def half_year(day: str) -> str:
    date = dt.date.fromisoformat(day)
    return f"{date.year}-H{1 if date.month <= 6 else 2}"


def chart(result: CohortResult, lang: str) -> str:
    """Projected completions per half year: inline SVG bars."""
    counts = Counter(half_year(r["projected_completion"]) for r in result.rows
                     if r["complete"] and r["projected_completion"])
    if not counts:
        return f"<p>{escape(t('cohort.chart.none', lang))}</p>"
    halves = sorted(counts)
    bar, gap, height, top = 48, 12, 120, max(counts.values())
    width = len(halves) * (bar + gap) + gap
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
             f'height="{height + 40}" viewBox="0 0 {width} {height + 40}">',
             f"<title>{escape(t('cohort.chart.title', lang))}</title>"]
    for n, half in enumerate(halves):
        h = round(counts[half] / top * height, 1)
        x = gap + n * (bar + gap)
        label = escape(t("cohort.chart.bar", lang, half=half, count=counts[half]))
        parts.append(f'<g><title>{label}</title><rect x="{x}" y="{height - h + 16}" '
                     f'width="{bar}" height="{h}" fill="#3b6ea5"/>'
                     f'<text x="{x + bar / 2}" y="{height - h + 12}" text-anchor="middle">'
                     f"{counts[half]}</text>"
                     f'<text x="{x + bar / 2}" y="{height + 32}" text-anchor="middle">'
                     f"{escape(half)}</text></g>")
    parts.append("</svg>")
    return "".join(parts)


_NUMERIC = {"rank", "st_year", "months", "supervision", "assessments", "delmal", "findings"}


def _sort_value(key: str, row: dict[str, Any], rank: int) -> str:
    values: dict[str, Any] = {
        "rank": rank, "st_year": row["st_year"], "months": row["months_served"],
        "supervision": row["supervision_minutes_per_week"], "assessments": row["assessments"],
        "delmal": row["delmal_certified"], "findings": row["errors"] * 1000 + row["warnings"],
    }
    if key in values:
        value = values[key]
        return "" if value is None else str(value)
    return ""


def to_html(result: CohortResult, lang: str) -> str:
    title = t("cohort.html.title", lang, date=result.as_of)
    keys = [key for key, _ in COLUMNS]
    head = "".join(f'<th scope="col" data-col="{key}">{escape(t(f"cohort.col.{key}", lang))}'
                   "</th>" for key in keys)
    body = []
    for n, row in enumerate(result.rows, 1):
        shown = cells(row, n, lang)
        tds = []
        for key in keys:
            sort = _sort_value(key, row, n) if key in _NUMERIC else shown[key]
            css = ' class="num"' if key in _NUMERIC else ""
            tds.append(f'<td{css} data-sort="{escape(sort)}">{escape(shown[key])}</td>')
        css_row = "" if row["complete"] else ' class="incomplete"'
        body.append(f"<tr{css_row}>{''.join(tds)}</tr>")
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src '{script_hash()}'; base-uri 'none'; form-action 'none'")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n<p>{escape(_summary(result, lang))}</p>\n"
        f"<h2>{escape(t('cohort.chart.title', lang))}</h2>\n{chart(result, lang)}\n"
        f"<p>{escape(t('cohort.html.sort', lang))}</p>\n"
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body)
        + "\n</tbody>\n</table>\n"
        f"<script>{SORT_SCRIPT}</script>\n</body>\n</html>\n"
    )


FORMATS = {"text": None, "html": to_html, "csv": to_csv, "json": to_json}
