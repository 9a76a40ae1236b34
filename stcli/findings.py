"""The one finding type that loader, rules, status and reports share."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Position(NamedTuple):
    """Where a value stands: a file relative to the portfolio root, 1-based line and column.

    `line`/`column` are None for findings about a file or the portfolio as a whole
    (then `file` may be None too). A NamedTuple, not a frozen dataclass: the loader makes
    one per field (7 000 on a 5-year portfolio) and a tuple is three times cheaper to make.
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None

    def sort_key(self) -> tuple[str, int, int]:
        return (self.file or "", self.line or 0, self.column or 0)


PORTFOLIO = Position()


class Msg(NamedTuple):
    """A message not yet put into words: a catalog key and its arguments.

    Kept symbolic so that the language can be chosen after the files are read
    (st.yaml may set it) and so that JSON, text and reports word it the same way.
    Msg and Finding are NamedTuples for the same reason as Position: immutable, and
    cheaper to create (at import and per finding) than frozen dataclasses.
    """

    key: str
    args: Mapping[str, Any] = MappingProxyType({})  # shared, so read-only

    def render(self, lang: str) -> str:
        from stcli.i18n import t

        return t(self.key, lang, **self.args)


class Finding(NamedTuple):
    code: str
    message: Msg
    position: Position = PORTFOLIO
    hint: Msg | None = None
    # Filled in from the rule catalog in force (packs + st.yaml) unless a rule sets it.
    severity: Severity | None = None
    name: str = ""
    source: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (*self.position.sort_key(), self.code)

    @property
    def effective_severity(self) -> Severity:
        return self.severity or Severity.ERROR


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f.effective_severity.value] += 1
    return counts
