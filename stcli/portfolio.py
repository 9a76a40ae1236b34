"""The loaded portfolio: typed records, each with where it was written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from stcli.findings import Position
from stcli.model import Activity, Assessment, Course, Leave, Milestone, Placement, Profile
from stcli.model import Supervision as SupervisionSession

if TYPE_CHECKING:
    from stcli.signoff import SignOff

T = TypeVar("T")


class Located(NamedTuple, Generic[T]):
    """A record and its position: the entry's, and each field's by dotted path.

    A NamedTuple (immutable; cheaper than a frozen dataclass, one per entry is made)."""

    value: T
    position: Position
    fields: dict[str, Position]

    def at(self, path: str) -> Position:
        """The position of a field such as `end` or `funding.approved`, else the entry's."""
        return self.fields.get(path, self.position)


@dataclass()
class Portfolio:
    root: str
    profile: Located[Profile] | None = None
    placements: list[Located[Placement]] = field(default_factory=list)
    supervision: list[Located[SupervisionSession]] = field(default_factory=list)
    assessments: list[Located[Assessment]] = field(default_factory=list)
    courses: list[Located[Course]] = field(default_factory=list)
    leave: list[Located[Leave]] = field(default_factory=list)
    activities: list[Located[Activity]] = field(default_factory=list)
    milestones: list[Located[Milestone]] = field(default_factory=list)
    # Sign-offs of ST years (git tags st/arsgenomgang-N: stcli/signoff.py), set by
    # engine/evaluate; rule M014 reads them.
    signoffs: tuple[SignOff, ...] = ()
    # The text of every file read, relative path -> text, for scans that must cover
    # comments and x_ keys too (P001).
    texts: dict[str, str] = field(default_factory=dict)
    # Every file and folder name in the portfolio, relative (P001 scans names too).
    names: list[str] = field(default_factory=list)
    # Entries that failed as a whole (an error in a required field), by kind: the fields
    # that did convert, by attribute name, for rules that check a field on its own (D008).
    incomplete: dict[str, list[Located[dict[str, Any]]]] = field(default_factory=dict)

    def entries(self, kind: str) -> list[Located[Any]]:
        found: list[Located[Any]] = getattr(self, kind)
        return found


def activity_first_day(activity: Activity) -> Any:
    return activity.start or activity.date


def activity_last_day(activity: Activity) -> Any:
    return activity.end or activity.date or activity.start


def main_supervisor(profile: Any, day: dt.date | None) -> str | None:
    """The id of the main supervisor (at `day` when several have been)."""
    if profile is None:
        return None
    mains = [s for s in profile.supervisors if s.role == "main"]
    if day is not None:
        for supervisor in mains:
            if (supervisor.from_ is None or supervisor.from_ <= day) and (
                    supervisor.to is None or day <= supervisor.to):
                return str(supervisor.id)
    return str(mains[0].id) if mains else None
