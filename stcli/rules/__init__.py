"""The rule framework: each rule a small registered unit (code, name, check, doc).

Like yamllint, one small module per rule in this package; importing it registers the rule.
Severity, parameters, source and whether a rule is active come from the packs
(`stcli/packs/*.yaml`) and the portfolio's `st.yaml` `rules:`, never from the module,
so that a region or a user can change them as data. A rule's user-facing text lives in the
message catalog under `rule.<CODE>.*`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from stcli.findings import PORTFOLIO, Finding, Msg, Position, Severity

if TYPE_CHECKING:
    from stcli.engine.catalog import DelmalCatalog
    from stcli.engine.progress import Progress
    from stcli.engine.settings import RuleSetting
    from stcli.model import Profile
    from stcli.portfolio import Portfolio


@dataclass()
class RuleContext:
    """What a rule sees: the portfolio, the one computed progress model, its own settings."""

    code: str
    portfolio: Portfolio
    profile: Profile
    progress: Progress
    catalog: DelmalCatalog
    setting: RuleSetting
    as_of: dt.date

    @property
    def params(self) -> dict[str, Any]:
        return self.setting.params

    def param(self, name: str) -> Any:
        return self.setting.params[name]

    def finding(
        self,
        key: str,
        position: Position = PORTFOLIO,
        *,
        severity: Severity | None = None,
        hint: str | None = None,
        hint_args: dict[str, Any] | None = None,
        **args: Any,
    ) -> Finding:
        """A finding of this rule; `key` is relative to `rule.<CODE>.` in the catalog."""
        return Finding(
            self.code,
            Msg(f"rule.{self.code}.{key}", args),
            position,
            Msg(f"rule.{self.code}.{hint}", hint_args or {}) if hint else None,
            severity,
        )


Check = Callable[[RuleContext], Iterable[Finding]]


def milestone_within(ctx: RuleContext, kind: str, default_months: int) -> Iterator[Finding]:
    """The shape of M001 (IUP) and M003 (ST contract): a milestone of `kind` is due within
    `within_months` of the start of ST. Once that has passed, none dated by as_of is a
    finding (`missing`, the pack's severity); the first one made after the limit is info
    (`late`, saying when): it is done now, and a warning nobody can fix teaches nothing."""
    from stcli.engine.progress import months_between

    months = int(ctx.params.get("within_months", default_months))
    due = months_between(ctx.profile.start, months)
    made = sorted((m for m in ctx.portfolio.milestones
                   if m.value.kind == kind and m.value.date <= ctx.as_of),
                  key=lambda m: m.value.date)
    facts: dict[str, Any] = {"start": ctx.profile.start, "due": due, "months": months}
    if made and made[0].value.date <= due:
        return
    if made:
        yield ctx.finding("late", made[0].at("date"), severity=Severity.INFO,
                          day=made[0].value.date, **facts)
    elif ctx.as_of > due:
        yield ctx.finding("missing", hint="add", **facts)


class Rule(NamedTuple):  # immutable; a NamedTuple is cheaper to create at import
    code: str
    name: str
    check: Check | None  # None: the loader reports it (D001-D005, D012)
    needs_profile: bool = True
    tags: tuple[str, ...] = ()


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, needs_profile: bool = True) -> Callable[[Check], Check]:
    """Register `check` as rule `code`; `needs_profile=False` runs even without a valid st.yaml
    (its context's `profile`, `progress` and `catalog` are then None)."""

    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise ValueError(f"rule {code} registered twice")
        REGISTRY[code] = Rule(code, name, check, needs_profile)
        return check

    return register


def declare(code: str, name: str) -> None:
    """Register a code that the loader reports itself."""
    REGISTRY[code] = Rule(code, name, None, needs_profile=False)


_LOADED = False


def all_rules() -> dict[str, Rule]:
    """Every rule, by code, in catalog order (imports each rule module once)."""
    global _LOADED
    if not _LOADED:
        for info in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{info.name}")
        _LOADED = True
    return dict(sorted(REGISTRY.items(), key=lambda item: _order(item[0])))


_FAMILY_ORDER = ("D", "P", "T", "BT", "H", "A", "PL", "K", "G", "M", "S", "L")


def _order(code: str) -> tuple[int, int]:
    family = code.rstrip("0123456789")
    number = int(code[len(family):] or 0)
    rank = _FAMILY_ORDER.index(family) if family in _FAMILY_ORDER else len(_FAMILY_ORDER)
    return rank, number


def severity_of(name: str) -> Severity:
    return Severity(name)


def iter_findings(checks: Iterable[Finding]) -> list[Finding]:
    return list(checks)
