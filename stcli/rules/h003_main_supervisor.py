"""H003 main-supervisor: days of service without a main supervisor in allmänmedicin.

VGR-RÅD ("Handledaren ska vara specialist i allmänmedicin", a designated main supervisor),
VGR-FAQ Handledning, GÄVLEBORG 5.1.2 (a huvudhandledare, specialist i allmänmedicin, is
appointed before the ST starts). A supervisor in st.yaml with `role: main` and
`specialty: allmanmedicin` covers the days from its `from` (default: the ST start) to its
`to` (default: open). Fires for each stretch from `start` to as_of that no such supervisor
covers and that holds at least one day in service (a day on no leave entry of any kind),
at the `from`/`to` of the nearest main supervisor; with no main supervisor in allmänmedicin
at all, at the main supervisor of another specialty or at `supervisors`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from stcli.findings import Finding, Position
from stcli.portfolio import Located
from stcli.rules import RuleContext, rule

DAY = dt.timedelta(days=1)
SPECIALTY = "allmanmedicin"


def _field(located: Located[Any], *paths: str) -> Position:
    for path in paths:
        if path in located.fields:
            return located.fields[path]
    return located.position


def _merge(spans: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    merged: list[tuple[dt.date, dt.date]] = []
    for first, last in sorted(spans):
        if last < first:
            continue
        if merged and first <= merged[-1][1] + DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _holes(first: dt.date, last: dt.date,
           covered: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The parts of [first, last] outside the (merged, sorted) `covered` spans."""
    holes: list[tuple[dt.date, dt.date]] = []
    cursor = first
    for start, end in covered:
        if end < cursor:
            continue
        if start > last:
            break
        if start > cursor:
            holes.append((cursor, start - DAY))
        cursor = max(cursor, end + DAY)
        if cursor > last:
            return holes
    if cursor <= last:
        holes.append((cursor, last))
    return holes


@rule("H003", "main-supervisor")
def check(ctx: RuleContext) -> Iterator[Finding]:
    start, as_of = ctx.profile.start, ctx.as_of
    if as_of < start:
        return
    located = ctx.portfolio.profile
    assert located is not None
    supervisors = ctx.profile.supervisors
    mains = [(i, s) for i, s in enumerate(supervisors)
             if s.role == "main" and s.specialty == SPECIALTY]
    if not mains:
        other = next((i for i, s in enumerate(supervisors) if s.role == "main"), None)
        if other is not None:
            yield ctx.finding("main_not_gp", located.at(f"supervisors.{other}.specialty"),
                              hint="add_main", name=supervisors[other].name,
                              specialty=supervisors[other].specialty or "-")
        else:
            yield ctx.finding("none", located.at("supervisors"), hint="add_main")
        return
    covered = _merge([(s.from_ or start, s.to or as_of) for _, s in mains])
    leave = _merge([(item.value.start, item.value.end) for item in ctx.portfolio.leave])
    for first, last in _holes(start, as_of, covered):
        in_service = _holes(first, last, leave)
        if not in_service:
            continue  # the whole stretch is on leave
        days = sum((b - a).days + 1 for a, b in in_service)
        first_day, last_day = in_service[0][0], in_service[-1][1]
        later = [(s.from_, i) for i, s in mains if s.from_ is not None and s.from_ > last]
        earlier = [(s.to, i) for i, s in mains if s.to is not None and s.to < first]
        if later:
            index = min(later)[1]
            position = _field(located, f"supervisors.{index}.from", f"supervisors.{index}.from_")
        elif earlier:
            index = max(earlier)[1]
            position = located.at(f"supervisors.{index}.to")
        else:
            position = located.at("supervisors")
        yield ctx.finding("uncovered", position, hint="add_main", first=first_day,
                          last=last_day, days=days)
