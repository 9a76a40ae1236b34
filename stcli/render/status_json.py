"""`st status --json`: the progress model as one JSON document (cli.md), and the small
helpers the dashboard shares with it. No rich here: figures come from the progress model,
this module only selects and words them.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from stcli.findings import Finding, Severity, count_by_severity
from stcli.i18n import echo, t

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation
    from stcli.engine.progress import DelmalStatus, Gap, Progress

SCHEMA = "st-status/1"
DEADLINE_MONTHS = 6  # the dashboard shows deadlines this far ahead
TOP_FINDINGS = 5
# Order of the activity types in the delmål grid and in "missing"
ACTIVITY_ORDER = (
    "klinisk_tjanstgoring", "klinisk_tjanstgoring_primarvard", "kurs", "kvalitetsarbete",
    "vetenskapligt_arbete", "eget_intyg", "auskultation",
)
# Core kinds a new portfolio should record first, in that order (the getting-started view)
FIRST_STEPS = ("placements", "supervision", "milestones", "assessments", "courses")


# --- shared helpers (no figures computed here) ---------------------------------------------


def param(evaluation: Evaluation, code: str, name: str, default: int) -> int:
    """A rule parameter in force (packs + st.yaml), for targets the dashboard shows."""
    setting = evaluation.settings.get(code)
    if setting is None:
        return default
    try:
        return int(setting.params.get(name, default))
    except (TypeError, ValueError):
        return default


def targets(evaluation: Evaluation) -> dict[str, int]:
    return {
        "minutes_per_week": param(evaluation, "H002", "min_minutes_per_week", 60),
        "max_gap_days": param(evaluation, "H001", "max_gap_days", 14),
        "assessments_low": param(evaluation, "A001", "min_per_year", 4),
        "assessments_high": param(evaluation, "A001", "max_per_year", 6),
    }


def phase(start: dt.date, end: dt.date, as_of: dt.date) -> str:
    """done | current | planned, for a period judged at as_of."""
    if end < as_of:
        return "done"
    if start <= as_of:
        return "current"
    return "planned"


def decimal2(value: Fraction | Decimal | int) -> float:
    """Months and weeks in JSON: a number with two decimals (half up), never a string."""
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        exact = Decimal(value)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def number(value: Fraction | Decimal | int) -> int | float:
    """A whole number stays an int; anything else gets two decimals."""
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return decimal2(value)


def upcoming_deadlines(progress: Progress, months: int = DEADLINE_MONTHS) -> list[Any]:
    from stcli.engine.progress import months_between

    horizon = months_between(progress.as_of, months)
    return [d for d in progress.deadlines
            if not d.done and progress.as_of <= d.date <= horizon]


def long_gaps(progress: Progress, limit: int) -> list[Gap]:
    """Supervision gaps over `limit` days in service, longest first."""
    # each gap carries H001's limit for it (longer in a Gävleborg summer)
    gaps = [g for g in progress.supervision.gaps if g.days > max(limit, g.limit)]
    gaps.sort(key=lambda g: (-g.days, g.after or dt.date.min))
    return gaps


def longest_gap(progress: Progress) -> Gap | None:
    gaps = progress.supervision.gaps
    if not gaps:
        return None
    return max(gaps, key=lambda g: (g.days, g.after or dt.date.min))


def top_findings(findings: list[Finding], count: int = TOP_FINDINGS) -> list[Finding]:
    """Errors, then warnings, in file order (info is only counted)."""
    serious = [f for f in findings if f.effective_severity != Severity.INFO]
    serious.sort(key=lambda f: (f.effective_severity.rank, *f.sort_key()))
    return serious[:count]


def empty_kinds(evaluation: Evaluation) -> list[str]:
    """The first things to record that the portfolio still lacks (in FIRST_STEPS order)."""
    portfolio = evaluation.portfolio
    missing = []
    for kind in FIRST_STEPS:
        if kind == "milestones":
            if not any(m.value.kind == "iup" for m in portfolio.milestones):
                missing.append(kind)
        elif not portfolio.entries(kind):
            missing.append(kind)
    return missing


def shown_delmal(progress: Progress) -> list[DelmalStatus]:
    """The regulation's delmål; BT delmål only while in BT (and then first)."""
    bt = [d for d in progress.delmal if d.delmal.group == "bt"]
    st = [d for d in progress.delmal if d.delmal.group != "bt"]
    return [*bt, *st] if progress.in_bt else st


def missing_labels(status: DelmalStatus) -> list[str]:
    """Each requirement group without evidence; alternatives joined by `|`."""
    return ["|".join(group) for group in status.missing]


def evidence_counts(status: DelmalStatus) -> dict[str, int]:
    """Entries per activity type: every required type (0 when none) and any other found."""
    required = {a for group in status.delmal.requires for a in group}
    types = [a for a in ACTIVITY_ORDER if a in required or status.evidence.get(a)]
    types += sorted(a for a in (required | set(status.evidence)) if a not in types)
    return {a: status.evidence.get(a, 0) for a in types}


# --- the document ----------------------------------------------------------------------------


def document(evaluation: Evaluation, lang: str) -> dict[str, Any]:
    profile = evaluation.portfolio.profile
    counts = count_by_severity(evaluation.findings)
    findings = {
        **counts,
        "top": [_finding(f, lang) for f in top_findings(evaluation.findings)],
    }
    progress = evaluation.progress
    if profile is None or progress is None:
        return {
            "schema": SCHEMA, "portfolio": str(evaluation.root), "trainee": None,
            "regulation": None, "region": None, "as_of": evaluation.as_of.isoformat(),
            "st_year": None, "months": None, "projected_completion": None,
            "leave_days_not_counted": None, "supervision": None, "assessments": None,
            "delmal": [], "deadlines": [], "findings": findings,
            "signoffs": _signoffs(evaluation, lang),
        }
    p = profile.value
    time = progress.time
    goal = targets(evaluation)
    year = progress.current_year
    soon = upcoming_deadlines(progress)
    return {
        "schema": SCHEMA,
        "portfolio": str(evaluation.root),
        "language": lang,
        "trainee": echo(p.trainee),
        "regulation": p.regulation,
        "region": p.region,
        "as_of": progress.as_of.isoformat(),
        "start": progress.st_start.isoformat(),
        "st_year": progress.st_year,
        "st_year_start": year.start.isoformat() if year else None,
        "st_year_end": year.end.isoformat() if year else None,
        "in_bt": progress.in_bt,
        "bt": _bt(p),
        "months": {
            "served": decimal2(time.served),
            "served_in_st": decimal2(time.served_in_st),
            "credited": decimal2(time.credited),
            "required": time.required,
            "remaining": decimal2(time.remaining),
            "percent_served": decimal2(time.share_served * 100),
            "exact": {
                "served": str(time.served),
                "credited": str(time.credited),
                "remaining": str(time.remaining),
            },
        },
        "projected_completion": _date(time.projected_completion),
        "planned_end": _date(time.planned_end),
        "planned_end_margin_days": time.planned_end_margin_days,
        "half_time_date": _date(time.half_time_date),
        "percent_now": number(time.percent_now),
        "leave_days_not_counted": number(time.leave_days_not_counted),
        "supervision": _supervision(progress, goal),
        "assessments": _assessments(progress, goal),
        "delmal": [_delmal(d, lang) for d in shown_delmal(progress)],
        "delmal_summary": _delmal_summary(progress),
        "placements": _placements(evaluation, progress),
        "courses": _courses(evaluation, progress),
        "deadlines": [
            {"date": d.date.isoformat(), "what": d.what.render(lang), "code": d.code,
             "within_six_months": d in soon}
            for d in progress.deadlines if not d.done
        ],
        "findings": findings,
        "first_steps": empty_kinds(evaluation),
        "next_leave": _next_leave(evaluation, lang),
        "signoffs": _signoffs(evaluation, lang),
    }


def _next_leave(evaluation: Evaluation, lang: str) -> dict[str, Any] | None:
    """What the next planned leave moves (`st status` computes it with st plan's overlay)."""
    moved = evaluation.next_leave
    if moved is None:
        return None
    return {
        "kind": moved.leave.kind, "start": _date(moved.leave.start),
        "end": _date(moved.leave.end), "percent": number(moved.leave.percent),
        "completion_without": _date(moved.completion_before),
        "completion_with": _date(moved.completion_after),
        "deadlines": [{"code": m.code, "what": m.what.render(lang), "without": _date(m.before),
                       "with": _date(m.after), "days": m.days} for m in moved.moves],
    }


def _signoffs(evaluation: Evaluation, lang: str) -> list[dict[str, Any]]:
    """Each ST year's sign-off (`st sign`), as `st verify --json` gives it."""
    from stcli.render.signoffs import rows

    return rows(evaluation, lang)


def dumps(evaluation: Evaluation, lang: str) -> str:
    return json.dumps(document(evaluation, lang), ensure_ascii=False, indent=2)


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _bt(profile: Any) -> dict[str, Any] | None:
    bt = profile.bt
    if bt is None:
        return None
    return {"start": _date(bt.start), "end": _date(bt.end), "approved": _date(bt.approved)}


def _gap(gap: Gap) -> dict[str, Any]:
    return {"after": _date(gap.after), "before": _date(gap.before), "days": gap.days}


def _supervision(progress: Progress, goal: dict[str, int]) -> dict[str, Any]:
    sup = progress.supervision
    year = progress.current_year
    rate = year.minutes_per_week if year else None
    longest = longest_gap(progress)
    return {
        "current_year_minutes": year.supervision_minutes if year else 0,
        "current_year_sessions": year.supervision_sessions if year else 0,
        "weeks_in_service": decimal2(year.weeks_in_service) if year else 0,
        "minutes_per_week": decimal2(rate) if rate is not None else None,
        "target_minutes_per_week": goal["minutes_per_week"],
        "last_session": _date(sup.last_session),
        "sessions": sup.sessions,
        "minutes": sup.minutes,
        "per_month": [{"month": month, "minutes": minutes} for month, minutes in sup.per_month],
        "max_gap_days": goal["max_gap_days"],
        "gaps": [_gap(g) for g in long_gaps(progress, goal["max_gap_days"])],
        "longest_gap": _gap(longest) if longest else None,
    }


def _assessments(progress: Progress, goal: dict[str, int]) -> dict[str, Any]:
    year = progress.current_year
    return {
        "current_year": year.assessments if year else 0,
        "target": year.assessment_minimum if year else goal["assessments_low"],
        "recommended": [goal["assessments_low"], goal["assessments_high"]],
        "methods": dict(year.assessment_methods) if year else {},
        "years": [
            {"st_year": y.number, "count": y.assessments, "minimum": y.assessment_minimum,
             "completed": y.completed}
            for y in progress.years
        ],
    }


def _delmal_summary(progress: Progress) -> dict[str, int]:
    from stcli.engine.progress import summarize_delmal

    summary = summarize_delmal(tuple(shown_delmal(progress)))
    return {"total": summary.total, "complete": summary.complete,
            "certified": summary.certified}


def _delmal(status: DelmalStatus, lang: str) -> dict[str, Any]:
    return {
        "code": status.delmal.code,
        "group": status.delmal.group,
        "title": echo(status.delmal.localized_title(lang)),
        "evidence": evidence_counts(status),
        "planned": dict(status.planned),
        "missing": missing_labels(status),
        "certified": status.certified,
        "certificate": status.certificate_state,
        # per requirement group (alternatives joined by `|`, as in `missing`): a signed
        # certificate of its own type (rules.md v2, G002)
        "signed": {"|".join(r.types): r.state == "signed" for r in status.requirements},
        "requirements": [
            {"types": list(r.types), "state": r.state, "form": r.form,
             "evidence": len(r.evidence), "planned": len(r.planned)}
            for r in status.requirements
        ],
        "assessments": status.assessments,
    }


def _placements(evaluation: Evaluation, progress: Progress) -> list[dict[str, Any]]:
    rows = []
    for item in sorted(evaluation.portfolio.placements,
                       key=lambda i: (i.value.start, i.value.end)):
        pl = item.value
        rows.append({
            "type": pl.type, "specialty": pl.specialty, "unit": echo(pl.unit),
            "start": pl.start.isoformat(), "end": pl.end.isoformat(),
            "percent": number(pl.percent) if pl.percent is not None else None,
            "phase": phase(pl.start, pl.end, progress.as_of),
            "certificate": pl.certificate,
        })
    return rows


def _courses(evaluation: Evaluation, progress: Progress) -> list[dict[str, Any]]:
    rows = []
    for item in sorted(evaluation.portfolio.courses, key=lambda i: (i.value.start, i.value.end)):
        course = item.value
        rows.append({
            "title": echo(course.title), "start": course.start.isoformat(),
            "end": course.end.isoformat(), "mandatory": course.mandatory,
            "phase": phase(course.start, course.end, progress.as_of),
            "certificate": course.certificate,
        })
    return rows


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    pos = finding.position
    return {
        "code": finding.code, "name": finding.name,
        "severity": finding.effective_severity.value,
        "message": finding.message.render(lang),
        "file": pos.file, "line": pos.line,
    }


def label(key: str, lang: str, **args: Any) -> str:
    """A status string (catalog_status) in the chosen language."""
    return t(f"status.{key}", lang, **args)
