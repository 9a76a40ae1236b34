"""`st calendar`: the agenda (`engine/agenda.py`) as an RFC 5545 calendar, with icalendar.

All-day events (DTSTART/DTEND as dates, DTEND the day after the last), transparent (they
never block time), the rule code in the description, and a reminder (VALARM, DISPLAY)
`remind_days` before each deadline. DTSTAMP is as_of at midnight UTC rather than the clock,
so exporting the same portfolio at the same date gives the same bytes (a synced folder and
git see no change when nothing changed).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from stcli.findings import Msg
from stcli.i18n import t

if TYPE_CHECKING:
    from stcli.engine.agenda import AgendaEvent
    from stcli.engine.evaluate import Evaluation

PRODID = "-//st-portfolio//st calendar//SV"
DAY = dt.timedelta(days=1)


def words(msg: Msg, lang: str) -> str:
    """A message whose arguments may be messages themselves (a label such as a specialty);
    a label with no words in the catalog (a trainee's own vocabulary) shows its code."""
    args: dict[str, object] = {}
    for name, value in msg.args.items():
        if isinstance(value, Msg):
            text = value.render(lang)
            args[name] = value.key.rsplit(".", 1)[-1] if text == value.key else text
        else:
            args[name] = value
    return t(msg.key, lang, **args)


def description(event: AgendaEvent, as_of: dt.date, lang: str) -> str:
    lines = [words(event.summary, lang)]
    if event.key == "projected-completion":
        lines.append(t("calendar.completion_note", lang))
    if event.code:
        lines.append(t("calendar.rule", lang, code=event.code))
    lines.append(t("calendar.source", lang, date=as_of))
    return "\n".join(lines)


def calendar_bytes(evaluation: Evaluation, events: list[AgendaEvent], lang: str,
                   remind_days: int) -> bytes:
    from icalendar import Alarm, Calendar, Event

    from stcli.engine.agenda import portfolio_identity, uid

    as_of = evaluation.as_of
    located = evaluation.portfolio.profile
    trainee = located.value.trainee if located else ""
    identity = portfolio_identity(evaluation)
    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("calendar.name", lang, trainee=trainee))
    for event in events:
        # Joined, not passed as arguments: t() shortens long arguments (user text).
        summary = t("calendar.prefix", lang) + " " + words(event.summary, lang)
        entry = Event()
        entry.add("uid", uid(identity, event.key))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end + DAY)
        entry.add("summary", summary)
        entry.add("description", description(event, as_of, lang))
        entry.add("transp", "TRANSPARENT")
        entry.add("categories", ["ST"])
        if event.deadline and remind_days > 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", dt.timedelta(days=-remind_days))
            alarm.add("description", t("calendar.reminder", lang, date=event.start) + " "
                      + words(event.summary, lang))
            entry.add_component(alarm)
        calendar.add_component(entry)
    data: bytes = calendar.to_ical()
    return data
