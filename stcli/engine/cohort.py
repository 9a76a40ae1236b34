"""One cohort row per trainee, and the order of the rows by urgency (`st cohort`).

A row holds only figures of the status JSON document (`st status --json`, the same
Evaluation and Progress) and rule codes; the trainee's name (masked as every echoed value)
is the one text from the trainee's files. Titles, notes, feedback and supervisors' names
stay in the trainee's own report. A row is plain JSON data: it crosses process boundaries
and is cached as it is; it is worded only when rendered (either language).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation

ROW_SCHEMA = "st-cohort-row/1"

# How urgent a finding of each rule is for a studierektor (higher first). Data, not code:
# the rows' order and reason come from this table alone. Codes not listed weigh
# OTHER_ERROR or OTHER_WARNING; an error counts ERROR_FACTOR times its code's weight.
URGENCY: dict[str, int] = {
    "P001": 100,  # patient data in the portfolio
    "M004": 90,   # årsrapport missing for a completed ST year
    "M005": 85,   # handledarutlåtande missing
    "M001": 80,   # no IUP
    "M007": 75,   # Mitt-i-ST registration
    "G002": 70,   # certificates missing near completion
    "T001": 65,   # projected completion after the planned end
    "M002": 60,   # IUP not revised
    "M009": 60,   # final evaluation
    "H002": 55,   # supervision below the minimum this year
    "M006": 50,   # studierektor's yearly meeting
    "M003": 50,   # ST-kontrakt
    "T004": 50,   # planned end too early
    "H001": 45,   # long supervision gap
    "A001": 40,   # assessments below the minimum this year
    "G001": 30,   # delmål without evidence
}
OTHER_ERROR = 20
OTHER_WARNING = 5
ERROR_FACTOR = 2
URGENT_CODES = 3  # most urgent codes shown in a row
INCOMPLETE = 1_000_000  # an incomplete row outranks every finding


def finding_weight(code: str, severity: str) -> int:
    if severity == "error":
        return URGENCY.get(code, OTHER_ERROR) * ERROR_FACTOR
    if severity == "warning":
        return URGENCY.get(code, OTHER_WARNING)
    return 0


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def empty_row(source: str, portfolio: str, problem: str, **args: Any) -> dict[str, Any]:
    """The row of a portfolio that could not be judged: why (a cohort.problem.* key)."""
    return {
        "schema": ROW_SCHEMA, "source": source, "portfolio": portfolio, "complete": False,
        "problem": problem, "problem_args": args, "name": None, "regulation": None,
        "region": None, "st_year": None, "months_served": None, "months_required": None,
        "projected_completion": None, "planned_end": None,
        "supervision_minutes_per_week": None, "supervision_target": None,
        "assessments": None, "assessments_minimum": None, "delmal_certified": None,
        "delmal_total": None, "next_deadline": None, "next_deadline_code": None,
        "next_deadline_what": None, "errors": args.get("errors", 0),
        "warnings": args.get("warnings", 0), "urgent_codes": [], "urgency": INCOMPLETE,
        "reason_code": None,
    }


def row_of(evaluation: Evaluation, doc: dict[str, Any], source: str) -> dict[str, Any]:
    """The cohort row: figures picked from `st status --json`'s document (`doc`, made by
    render/status_json.document from the same evaluation), never recomputed."""
    from stcli.i18n import LANGUAGES

    counts = doc["findings"]
    portfolio = str(evaluation.root)
    progress = evaluation.progress
    if progress is None or doc["months"] is None:
        has_st_yaml = (evaluation.root / "st.yaml").is_file()
        return empty_row(source, portfolio, "profile_errors" if has_st_yaml else "no_st_yaml",
                         errors=counts["error"], warnings=counts["warning"])
    weights: dict[str, int] = {}
    for finding in evaluation.findings:
        weight = finding_weight(finding.code, finding.effective_severity.value)
        if weight:
            weights[finding.code] = max(weight, weights.get(finding.code, 0))
    # The current ST year's supervision pace is H002's info line (judged when the year is
    # complete); behind pace now is what a studierektor acts on, so it ranks as H002.
    pace, target = (doc["supervision"]["minutes_per_week"],
                    doc["supervision"]["target_minutes_per_week"])
    if pace is not None and pace < target:
        weights["H002"] = max(weights.get("H002", 0), URGENCY["H002"])
    urgent = sorted(weights, key=lambda code: (-weights[code], code))[:URGENT_CODES]
    upcoming = [d for d in progress.deadlines if not d.done]
    nearest = min(upcoming, key=lambda d: (d.date, d.code)) if upcoming else None
    return {
        "schema": ROW_SCHEMA, "source": source, "portfolio": portfolio, "complete": True,
        "problem": None, "problem_args": {},
        "name": doc["trainee"], "regulation": doc["regulation"], "region": doc["region"],
        "st_year": doc["st_year"],
        "months_served": doc["months"]["served"],
        "months_required": doc["months"]["required"],
        "projected_completion": doc["projected_completion"],
        "planned_end": doc["planned_end"],
        "supervision_minutes_per_week": doc["supervision"]["minutes_per_week"],
        "supervision_target": doc["supervision"]["target_minutes_per_week"],
        "assessments": doc["assessments"]["current_year"],
        "assessments_minimum": doc["assessments"]["target"],
        "delmal_certified": doc["delmal_summary"]["certified"],
        "delmal_total": doc["delmal_summary"]["total"],
        "next_deadline": _date(nearest.date) if nearest else None,
        "next_deadline_code": nearest.code if nearest else None,
        # deadline wording is the catalog's (rule and year), no trainee text
        "next_deadline_what": ({lang: nearest.what.render(lang) for lang in LANGUAGES}
                               if nearest else None),
        "errors": counts["error"], "warnings": counts["warning"],
        "urgent_codes": urgent,
        "urgency": weights[urgent[0]] if urgent else 0,
        "reason_code": urgent[0] if urgent else None,
    }


def rank(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Most urgent first: incomplete rows, then by the weight of the most urgent finding,
    then more errors, more warnings; ties by name and place so the order is stable."""
    return sorted(rows, key=lambda r: (-r["urgency"], -r["errors"], -r["warnings"],
                                       r["name"] or "", r["portfolio"]))
