"""A portfolio as it stood on a day, and which findings concern one ST year (reports).

A report at an earlier date (`st report --as-of`, or an annual report judged at the end of
its year) must not know what was recorded later: sessions and assessments dated after the
day are left out, and a certificate counts as signed only once it could have been (its
`certificate_date`, else the entry over by then). Planned entries stay: they are plans.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from stcli.engine.progress import ABSENCE_KINDS
from stcli.portfolio import Located, Portfolio, activity_first_day, activity_last_day

if TYPE_CHECKING:
    from stcli.engine.progress import StYear
    from stcli.findings import Finding

ENTRY_KINDS = ("placements", "supervision", "assessments", "courses", "leave", "activities",
               "milestones")
DATED_KINDS = ("supervision", "assessments")  # records of what happened, never plans


def _copy(record: Any, **changes: Any) -> Any:
    values = {name: getattr(record, name) for name in record.__slots__}
    values.update(changes)
    return type(record)(**values)


def _first_last(kind: str, record: Any) -> tuple[dt.date | None, dt.date | None]:
    if kind == "activities":
        return activity_first_day(record), activity_last_day(record)
    if kind in ("supervision", "assessments", "milestones"):
        return record.date, record.date
    return record.start, record.end


def record_at(kind: str, record: Any, day: dt.date) -> Any:
    """The record as it stood at the end of `day`: no certificate before its entry could
    have one, an activity not yet done is not done. The same record when nothing changes."""
    certificate = getattr(record, "certificate", None)
    if certificate is None or (certificate == "none" and kind != "activities"):
        return record
    first, last = _first_last(kind, record)
    changes: dict[str, Any] = {}
    started = first is None or first <= day
    if certificate == "signed":
        signed_on = getattr(record, "certificate_date", None)
        # the day it was signed decides; without one, the entry must be over by then
        signed = (last is None or last <= day) if signed_on is None else signed_on <= day
        if not signed:
            changes["certificate"] = "requested" if started else "none"
    elif certificate == "requested" and not started:
        changes["certificate"] = "none"
    if kind == "activities" and record.status == "done" and last is not None and last > day:
        changes["status"] = "ongoing" if started else "planned"
    return _copy(record, **changes) if changes else record


def portfolio_at(portfolio: Portfolio, day: dt.date) -> Portfolio:
    """What was recorded by `day`: later sessions, assessments and absences left out,
    certificates and statuses as they stood (see `record_at`)."""
    scoped = dataclasses.replace(portfolio)  # everything else as it is (texts, sign-offs …)
    for kind in ENTRY_KINDS:
        items: list[Located[Any]] = portfolio.entries(kind)
        if kind in DATED_KINDS:
            kept = [item for item in items if item.value.date <= day]
        elif kind == "leave":  # sick leave and vab are records, never plans
            kept = [item for item in items if item.value.start <= day
                    or item.value.kind not in ABSENCE_KINDS]
        else:
            kept = []
            for item in items:
                value = record_at(kind, item.value, day)
                kept.append(item if value is item.value else item._replace(value=value))
        setattr(scoped, kind, kept)
    return scoped


class EntryIndex:
    """Which entry a finding's position lies in: (file, line) -> (kind, index)."""

    def __init__(self, portfolio: Portfolio) -> None:
        self.starts: dict[str, list[tuple[int, str, int]]] = {}
        for kind in ENTRY_KINDS:
            for index, item in enumerate(portfolio.entries(kind)):
                position = item.position
                if position.file is not None and position.line is not None:
                    self.starts.setdefault(position.file, []).append(
                        (position.line, kind, index))
        for starts in self.starts.values():
            starts.sort()

    def entry_of(self, finding: Finding) -> tuple[str, int] | None:
        position = finding.position
        starts = self.starts.get(position.file or "")
        if not starts or position.line is None:
            return None
        at = bisect.bisect_right(starts, (position.line, "\uffff", 1 << 30)) - 1
        if at < 0:
            return None
        _, kind, index = starts[at]
        return kind, index


def findings_for_year(findings: Iterable[Finding], portfolio: Portfolio,
                      year: StYear) -> list[tuple[Finding, tuple[str, int] | None]]:
    """The findings that concern ST year `year`, each with the entry it is about (if any).

    A finding naming a year (`year` among its arguments) concerns that year; one about an
    entry concerns the years the entry belongs to (`year.entries`); the rest (the profile,
    delmål, the projection) concern the portfolio as a whole at the day judged, so they
    are kept.
    """
    index = EntryIndex(portfolio)
    belongs = {kind: set(getattr(year.entries, kind)) for kind in ENTRY_KINDS}
    kept: list[tuple[Finding, tuple[str, int] | None]] = []
    for finding in findings:
        named = finding.message.args.get("year")
        if isinstance(named, int) and not isinstance(named, bool):
            if named == year.number:
                kept.append((finding, None))
            continue
        entry = index.entry_of(finding)
        if entry is None:
            kept.append((finding, None))
        elif entry[1] in belongs[entry[0]]:
            kept.append((finding, entry))
    return kept
