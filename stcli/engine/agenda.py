"""Every dated thing ahead, for the trainee's own calendar (`st calendar`): the progress
model's deadlines, planned placements, courses and milestones, the ends of the ST years to
the projected completion, the planned end and the projected completion itself.

Pure: the evaluation in, events out (words as `Msg`, dates as dates); `render/ics.py`
writes them as RFC 5545. Each event has a stable key made of what it is about (rule code,
message and its arguments, an entry's own fields, but no date), never of the run, so that
a calendar re-importing the file updates the event instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, NamedTuple

from stcli.findings import Msg

if TYPE_CHECKING:
    from stcli.engine.evaluate import Evaluation

DAY = dt.timedelta(days=1)


class AgendaEvent(NamedTuple):
    key: str  # what the event is about, never its date; the UID is made of it and the portfolio
    start: dt.date
    end: dt.date  # inclusive (all-day events)
    summary: Msg
    code: str | None  # the rule it belongs to, if any
    deadline: bool  # gets a reminder


def portfolio_identity(evaluation: Evaluation) -> str:
    """A short stable digest of who and when: the trainee's name and the ST start. Neither
    appears in the UIDs as such (a calendar may be shared; a UID is not meant to be read)."""
    located = evaluation.portfolio.profile
    if located is None:
        return "none"
    profile = located.value
    text = f"{profile.trainee.strip()}\n{profile.start.isoformat()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def uid(identity: str, key: str) -> str:
    """`st-<portfolio>-<thing>@st-portfolio`: the thing hashed (titles may be long)."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return f"st-{identity}-{digest}@st-portfolio"


def _args_key(msg: Msg) -> str:
    """The message's arguments but its dates (a placement's start moves with the plan)."""
    return "|".join(f"{name}={value}" for name, value in sorted(msg.args.items())
                    if not isinstance(value, dt.date))


def agenda(evaluation: Evaluation) -> list[AgendaEvent]:
    """The events from as_of on, in date order."""
    progress, located = evaluation.progress, evaluation.portfolio.profile
    if progress is None or located is None:
        return []
    as_of = progress.as_of
    events: list[AgendaEvent] = []
    for deadline in progress.deadlines:
        if deadline.done or deadline.date < as_of:
            continue
        key = f"deadline|{deadline.code}|{deadline.what.key}|{_args_key(deadline.what)}"
        events.append(AgendaEvent(key, deadline.date, deadline.date, deadline.what,
                                  deadline.code, True))
    portfolio = evaluation.portfolio
    for item in portfolio.placements:
        placement = item.value
        if placement.start <= as_of or placement.end < placement.start:
            continue
        key = f"placement|{placement.type}|{placement.specialty}"
        events.append(AgendaEvent(key, placement.start, placement.end, Msg(
            "calendar.placement", {"type": Msg(f"plan.type.{placement.type}"),
                                   "specialty": Msg(f"status.specialty.{placement.specialty}"),
                                   "code": placement.specialty}), None, False))
    for located_course in portfolio.courses:
        course = located_course.value
        if course.start <= as_of or course.end < course.start:
            continue
        key = f"course|{course.title}"
        events.append(AgendaEvent(key, course.start, course.end,
                                  Msg("calendar.course", {"title": course.title}), None, False))
    for located_milestone in portfolio.milestones:
        milestone = located_milestone.value
        if milestone.date <= as_of:
            continue
        key = f"milestone|{milestone.kind}|{milestone.st_year or ''}"
        events.append(AgendaEvent(key, milestone.date, milestone.date,
                                  Msg(f"plan.milestone.{milestone.kind}"), None, False))
    time = progress.time
    completion = time.projected_completion
    from stcli.engine.timecount import st_year_bounds, st_year_of

    last_year = max(progress.st_year, st_year_of(progress.st_start, completion)
                    if completion else progress.st_year)
    for number in range(max(1, progress.st_year), last_year + 1):
        _, end = st_year_bounds(progress.st_start, number)
        if end >= as_of:
            events.append(AgendaEvent(f"st-year-end|{number}", end, end,
                                      Msg("calendar.st_year_end", {"year": number}), None,
                                      False))
    if time.planned_end is not None and time.planned_end >= as_of:
        events.append(AgendaEvent("planned-end", time.planned_end, time.planned_end,
                                  Msg("calendar.planned_end"), "T004", True))
    if completion is not None and completion >= as_of and time.served < time.required:
        events.append(AgendaEvent("projected-completion", completion, completion,
                                  Msg("calendar.completion", {"months": time.required}),
                                  "T001", True))
    events.sort(key=lambda e: (e.start, e.code or "", e.key))
    # Two events about the same kind of thing (two side placements in psykiatri): the
    # second and later get #2, #3 in date order, so no key holds a date.
    seen: dict[str, int] = {}
    numbered = []
    for event in events:
        seen[event.key] = seen.get(event.key, 0) + 1
        count = seen[event.key]
        numbered.append(event if count == 1 else event._replace(key=f"{event.key}#{count}"))
    return numbered
