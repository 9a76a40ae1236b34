"""BT001 bt-content: the BT period lacks a primärvård or an akut sjukvård part, or a BT
delmål has no evidence at all (rules.md v2; HSLF-FS 2021:8, BT forms Bilaga 2–3).

* Parts: the period `bt.start`–`bt.end` (open end: every placement from `bt.start`) needs
  at least one day of a vårdcentral or sidotjänstgöring placement whose setting
  (`stcli.placement_setting.placement_setting`: its own `setting`, else the default from
  type and specialty) is `primarvard`, and one whose setting is `akut`. Planned placements
  count: BT is planned as a whole. Auskultationer are not service (tjänstgöring) on the
  BT certificate and do not count. Warning, at `bt` in st.yaml.
* Evidence: one finding listing the BT delmål with no started entry naming them. Info;
  a warning from `warn_before_end_months` (3) months before `bt.end` until BT is approved
  (`bt.approved` or a `bt-intyg` milestone by as_of), `bt.end` passed included; info again
  once approved: then the record is incomplete, not the BT.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from stcli.engine.progress import months_between
from stcli.findings import Finding, Severity
from stcli.i18n import t
from stcli.placement_setting import ACUTE, PRIMARY_CARE, placement_setting
from stcli.rules import RuleContext, rule
from stcli.rules.g001_delmal_evidence import Localized

HSLF = "HSLF-FS 2021:8"
SERVICE_TYPES = frozenset({"vardcentral", "sidotjanstgoring"})


def _period(start: dt.date, end: dt.date | None) -> Localized:
    """`2024-09-01–2025-08-31`, or `(från 2024-09-01)` while BT has no end."""
    key = "rule.BT001.period" if end else "rule.BT001.period_open"
    return Localized(t(key, "sv", start=start, end=end), t(key, "en", start=start, end=end))


def bt_approved(ctx: RuleContext) -> bool:
    bt = ctx.profile.bt
    if bt is not None and bt.approved is not None and bt.approved <= ctx.as_of:
        return True
    return any(m.value.kind == "bt-intyg" and m.value.date <= ctx.as_of
               for m in ctx.portfolio.milestones)


@rule("BT001", "bt-content")
def check(ctx: RuleContext) -> Iterator[Finding]:
    profile = ctx.profile
    if profile.regulation != HSLF:
        return
    located = ctx.portfolio.profile
    assert located is not None
    bt = profile.bt
    if bt is not None and (bt.end is None or bt.end >= bt.start):
        settings = {
            placement_setting(item.value) for item in ctx.portfolio.placements
            if item.value.type in SERVICE_TYPES and item.value.end >= bt.start
            and (bt.end is None or item.value.start <= bt.end)
        }
        for setting, key in ((PRIMARY_CARE, "no_primarvard"), (ACUTE, "no_akut")):
            if setting not in settings:
                yield ctx.finding(key, located.at("bt"), hint="add_part",
                                  hint_args={"setting": setting}, start=bt.start,
                                  end=bt.end, period=_period(bt.start, bt.end))
    bt_delmal = [s for s in ctx.progress.delmal if s.delmal.group == "bt"]
    lacking = [s.delmal.code for s in bt_delmal if s.delmal.requires and s.missing]
    if not lacking:
        return
    severity = Severity.INFO
    if not bt_approved(ctx) and bt is not None and bt.end is not None:
        months = int(ctx.params.get("warn_before_end_months", 3))
        if ctx.as_of >= months_between(bt.end, -months):
            severity = Severity.WARNING
    yield ctx.finding("delmal_without_evidence", located.at("bt") if bt else located.at(
        "regulation"), severity=severity, hint="name_delmal", codes=lacking,
        count=len(lacking), total=len(bt_delmal))
