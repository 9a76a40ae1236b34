"""`st calendar`: the ICS file read back by icalendar, by the independent `ics` parser and by
a strict line-level RFC 5545 check of our own; stable UIDs; Swedish and English; atomic."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from tests.conftest import SAMPLE

CLEAN_ENV = {"NO_COLOR": "1", "FORCE_COLOR": None, "COLUMNS": None, "ST_LANG": None,
             "TERM": "dumb"}
AS_OF = "2026-03-15"
# The sample's events from 2026-03-15: deadlines (M004, M005, M002, M007, M008, M009, plus
# PL002 for the side placement in September), planned placements, courses, ST-year ends,
# planned end, projected completion.
NAME = re.compile(r"[A-Za-z0-9-]+")


def export(root: Path, out: Path, *args: str) -> bytes:
    result = CliRunner().invoke(app, ["calendar", str(root), "-o", str(out), *args],
                                env=CLEAN_ENV)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def vevents(data: bytes) -> list[Any]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def rfc5545_problems(data: bytes) -> list[str]:
    """A strict line-level check (RFC 5545 sections 3.1, 3.4, 3.6, 3.6.1, 3.6.6, 3.8.7.2)."""
    problems: list[str] = []
    if not data.endswith(b"\r\n"):
        problems.append("the last line does not end with CRLF")
    raw_lines = data.split(b"\r\n")[:-1]
    for number, raw in enumerate(raw_lines, 1):
        if b"\n" in raw or b"\r" in raw:
            problems.append(f"line {number}: bare LF or CR")
        if len(raw) > 75:
            problems.append(f"line {number}: {len(raw)} octets (at most 75)")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not UTF-8 (a fold split a character?)")
    # Unfold: a line starting with a space or tab continues the previous one.
    logical: list[str] = []
    for raw in raw_lines:
        text = raw.decode("utf-8", errors="replace")
        if text[:1] in (" ", "\t") and logical:
            logical[-1] += text[1:]
        else:
            logical.append(text)
    stack: list[str] = []
    properties: list[dict[str, int]] = []
    for number, text in enumerate(logical, 1):
        name_part, colon, _ = text.partition(":")
        if not colon:
            problems.append(f"content line {number} has no colon: {text!r}")
            continue
        name = name_part.split(";")[0]
        if not NAME.fullmatch(name):
            problems.append(f"content line {number}: bad name {name!r}")
        if name == "BEGIN":
            stack.append(text[6:])
            properties.append({})
        elif name == "END":
            if not stack or stack[-1] != text[4:]:
                problems.append(f"content line {number}: END:{text[4:]} does not close "
                                f"{stack[-1] if stack else 'anything'}")
                continue
            component, seen = stack.pop(), properties.pop()
            required = {"VCALENDAR": ("PRODID", "VERSION"),
                        "VEVENT": ("UID", "DTSTAMP", "DTSTART"),
                        "VALARM": ("ACTION", "TRIGGER", "DESCRIPTION")}.get(component, ())
            for prop in required:
                if seen.get(prop) != 1:
                    problems.append(f"{component} ending on line {number}: {prop} "
                                    f"{seen.get(prop, 0)} times (exactly once)")
        elif properties:
            properties[-1][name] = properties[-1].get(name, 0) + 1
        else:
            problems.append(f"content line {number}: outside any component")
    if stack:
        problems.append(f"unclosed: {stack}")
    if not logical or logical[0] != "BEGIN:VCALENDAR" or logical[-1] != "END:VCALENDAR":
        problems.append("not one VCALENDAR object")
    return problems


@pytest.fixture()
def sample_ics(tmp_path: Path) -> bytes:
    return export(SAMPLE, tmp_path / "st.ics", "--as-of", AS_OF)


def test_icalendar_reads_every_event_back(sample_ics: bytes) -> None:
    events = vevents(sample_ics)
    assert len(events) >= 15
    summaries = {str(e.get("summary")): e for e in events}
    report = summaries["ST: Årsrapport för ST-år 3"]
    assert report.decoded("dtstart") == dt.date(2026, 8, 31)
    assert report.decoded("dtend") == dt.date(2026, 9, 1)
    assert "M004" in str(report.get("description"))
    alarms = report.walk("VALARM")
    assert len(alarms) == 1
    assert alarms[0].decoded("trigger") == -dt.timedelta(days=14)
    completion = summaries["ST: Beräknat klar med ST-tiden (66 mån)"]
    assert completion.decoded("dtstart") == dt.date(2030, 9, 8)
    assert "T001" in str(completion.get("description"))
    placement = summaries["ST: Sidotjänstgöring: barn- och ungdomsmedicin"]
    assert placement.decoded("dtstart") == dt.date(2026, 9, 7)
    assert placement.decoded("dtend") == dt.date(2026, 11, 2)
    assert not placement.walk("VALARM")
    # every deadline has its rule code in the description and a reminder
    for event in events:
        description = str(event.get("description"))
        if event.walk("VALARM"):
            assert re.search(r"Regel [A-Z]+[0-9]{3}", description), description
    uids = [str(e.get("uid")) for e in events]
    assert len(set(uids)) == len(uids)


def test_the_ics_package_reads_the_same_events(sample_ics: bytes) -> None:
    """A second parser, written independently of icalendar (its own grammar, tatsu)."""
    import ics

    calendar = ics.Calendar(sample_ics.decode("utf-8"))
    by_uid = {event.uid: event for event in calendar.events}
    ours = {str(e.get("uid")): e for e in vevents(sample_ics)}
    assert set(by_uid) == set(ours)
    for uid, event in by_uid.items():
        assert event.all_day
        assert event.name == str(ours[uid].get("summary"))
        assert event.begin.date() == ours[uid].decoded("dtstart")
        assert bool(event.alarms) == bool(ours[uid].walk("VALARM"))
    assert any(alarm.trigger == -dt.timedelta(days=14)
               for event in calendar.events for alarm in event.alarms)


def test_strict_line_level_rfc5545(sample_ics: bytes, tmp_path: Path) -> None:
    assert rfc5545_problems(sample_ics) == []
    english = export(SAMPLE, tmp_path / "en.ics", "--as-of", AS_OF, "--lang", "en")
    assert rfc5545_problems(english) == []


def test_the_line_check_can_fail() -> None:
    good = b"BEGIN:VCALENDAR\r\nPRODID:x\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    assert rfc5545_problems(good) == []
    assert rfc5545_problems(good.replace(b"\r\n", b"\n"))
    assert rfc5545_problems(good.replace(b"PRODID:x", b"PRODID:" + b"x" * 80))
    assert rfc5545_problems(good.replace(b"VERSION:2.0\r\n", b""))
    assert rfc5545_problems(good + b"BEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\n")


def test_same_portfolio_same_bytes(tmp_path: Path, sample_ics: bytes) -> None:
    again = export(SAMPLE, tmp_path / "again.ics", "--as-of", AS_OF)
    assert again == sample_ics


def test_uids_follow_the_thing_not_the_date(tmp_path: Path) -> None:
    """A planned leave moves the completion and the deadlines before it: the events keep
    their UIDs (a calendar re-importing the file updates them) and only their dates move.
    Exported at a later date, the events still ahead keep their UIDs too."""
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    first = {str(e.get("summary")): e for e in vevents(
        export(root, tmp_path / "1.ics", "--as-of", AS_OF))}
    with (root / "leave" / "franvaro.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- kind: foraldraledighet\n  start: 2027-03-01\n  end: 2027-08-31\n")
    second = {str(e.get("summary")): e for e in vevents(
        export(root, tmp_path / "2.ics", "--as-of", AS_OF))}
    later = {str(e.get("summary")): e for e in vevents(
        export(root, tmp_path / "3.ics", "--as-of", "2026-06-01"))}
    moved = 0
    for summary, event in first.items():
        assert summary in second, summary
        assert str(second[summary].get("uid")) == str(event.get("uid"))
        if second[summary].decoded("dtstart") != event.decoded("dtstart"):
            moved += 1
        if summary in later:
            assert str(later[summary].get("uid")) == str(event.get("uid"))
    assert moved >= 4  # M007, M008, M009 and the projected completion
    assert "ST: Anmäl dig till Mitt-i-ST" in later


def test_a_moved_placement_keeps_its_uid(tmp_path: Path) -> None:
    """The planned side placement in barn- och ungdomsmedicin pushed back a month: its event
    and its planning deadline (PL002, whose text names the start) keep their UIDs."""
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    path = root / "placements" / "2026-09-barn-och-ungdomsmedicin.yaml"
    # not yet contacted: PL002's deadline (2 months before the start in Gävleborg) is ahead
    path.write_text(path.read_text(encoding="utf-8").replace(
        "planning:\n  contacted: 2026-03-02\n", ""), encoding="utf-8")

    def uids() -> dict[str, tuple[str, dt.date]]:
        events = vevents(export(root, tmp_path / "c.ics", "--as-of", AS_OF))
        return {str(e.get("uid")): (str(e.get("summary")), e.decoded("dtstart"))
                for e in events if "barn" in str(e.get("summary")).lower()
                or "PL002" in str(e.get("description"))}

    first = uids()
    text = path.read_text(encoding="utf-8")
    assert "2026-09-07" in text and "2026-11-01" in text
    path.write_text(text.replace("2026-09-07", "2026-10-05").replace("2026-11-01", "2026-11-29"),
                    encoding="utf-8")
    second = uids()
    assert len(first) >= 2
    assert set(first) == set(second)
    assert all(first[uid][1] != second[uid][1] for uid in first)  # every one of them moved


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", ("ST: Årsrapport för ST-år 3", "Regel M004", "Påminnelse", "X-WR-CALNAME:ST: Elin")),
    ("en", ("ST: Annual report for ST year 3", "Rule M004", "Reminder", "X-WR-CALNAME:ST: Elin")),
])
def test_swedish_and_english(tmp_path: Path, lang: str, words: tuple[str, ...]) -> None:
    data = export(SAMPLE, tmp_path / "c.ics", "--as-of", AS_OF, "--lang", lang)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    for word in words:
        assert word in unfolded, word


def test_written_atomically_over_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "cal" / "st.ics"
    out.parent.mkdir()
    out.write_bytes(b"old")
    out.chmod(0o640)
    data = export(SAMPLE, out, "--as-of", AS_OF, "--remind", "0")
    assert data.startswith(b"BEGIN:VCALENDAR")
    assert b"BEGIN:VALARM" not in data  # --remind 0: no reminders
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in out.parent.iterdir()) == ["st.ics"]  # no temporary left


def test_stdout_and_no_profile(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["calendar", str(SAMPLE), "--as-of", AS_OF],
                                env=CLEAN_ENV)
    assert result.exit_code == 0
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "st.yaml").write_text("trainee: [\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["calendar", str(broken), "-o", str(tmp_path / "x.ics")],
                                env=CLEAN_ENV)
    assert result.exit_code == 1
    assert not (tmp_path / "x.ics").exists()
    assert "Traceback" not in result.stderr
