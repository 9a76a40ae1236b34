"""The rule settings in force: national pack, SFAM, the region's pack, user packs, st.yaml.

Later layers override earlier ones field by field; every setting remembers which layer
gave it so that `st explain` can say whose value is in force.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from stcli.engine.packs import package_pack, read_user_pack
from stcli.findings import Finding, Msg, Severity
from stcli.load import suggest
from stcli.model import Profile
from stcli.portfolio import Located

# P001 guards patient data: a portfolio may lower nothing about it.
UNSWITCHABLE = frozenset({"P001"})


class RuleSetting(NamedTuple):  # immutable; a NamedTuple is cheaper to create at import
    code: str
    active: bool
    severity: Severity
    params: dict[str, Any]
    source: str
    # which layer (pack name, "st.yaml") set each of: severity, active, params.<name>
    origin: dict[str, str]
    tool_defaults: tuple[str, ...] = ()
    variant: str | None = None


def _apply(setting: RuleSetting, override: dict[str, Any], layer: str) -> RuleSetting:
    changes: dict[str, Any] = {}
    origin = dict(setting.origin)
    if "severity" in override:
        changes["severity"] = Severity(override["severity"])
        origin["severity"] = layer
    if "active" in override:
        changes["active"] = bool(override["active"])
        origin["active"] = layer
    if "source" in override:
        changes["source"] = str(override["source"])
    if "variant" in override:
        changes["variant"] = override["variant"]
    if "tool_defaults" in override:
        changes["tool_defaults"] = tuple(override["tool_defaults"] or ())
    if "params" in override and isinstance(override["params"], dict):
        params = dict(setting.params)
        for name, value in override["params"].items():
            params[name] = value
            origin[f"params.{name}"] = layer
        changes["params"] = params
    return setting._replace(origin=origin, **changes)


def base_settings(region: str | None) -> dict[str, RuleSetting]:
    """National, then SFAM, then the region's pack."""
    national = package_pack("national").get("rules", {}) or {}
    settings: dict[str, RuleSetting] = {}
    for code, data in national.items():
        settings[code] = RuleSetting(
            code=code,
            active=bool(data.get("active", True)),
            severity=Severity(data.get("severity", "warning")),
            params=dict(data.get("params") or {}),
            source=str(data.get("source", "")),
            tool_defaults=tuple(data.get("tool_defaults") or ()),
            variant=data.get("variant"),
            origin={"severity": "national", "active": "national",
                    **{f"params.{p}": "national" for p in (data.get("params") or {})}},
        )
    layers = ["sfam"] + ([region] if region else [])
    for layer in layers:
        for code, data in (package_pack(layer).get("rules", {}) or {}).items():
            if code in settings and isinstance(data, dict):
                settings[code] = _apply(settings[code], data, layer)
    return settings


def resolve_settings(
    root: Path, profile: Located[Profile] | None
) -> tuple[dict[str, RuleSetting], list[Finding]]:
    """The settings in force for this portfolio, and findings about its own rule settings."""
    region = profile.value.region if profile else None
    settings = base_settings(region)
    findings: list[Finding] = []
    if profile is None:
        return settings, findings
    located = profile
    config = located.value.rules

    def unknown(code: str, path: str) -> None:
        near = suggest(code, list(settings))
        hint = Msg("hint.did_you_mean", {"value": near}) if near else None
        findings.append(Finding("D004", Msg("settings.unknown_code", {"code": code}),
                                located.at(path), hint))

    for index, pack_path in enumerate(located.value.packs):
        position = located.at(f"packs.{index}")
        target = (root / pack_path).resolve()
        try:
            target.relative_to(root)
        except ValueError:
            findings.append(Finding("D012", Msg("load.link_outside", {"path": pack_path}),
                                    position))
            continue
        try:
            data = read_user_pack(target)
        except ValueError as error:
            findings.append(Finding("D004", Msg("settings.bad_pack",
                                                {"path": pack_path, "reason": str(error)}),
                                    position))
            continue
        for code, override in (data.get("rules") or {}).items():
            if code not in settings:
                unknown(str(code), f"packs.{index}")
            elif isinstance(override, dict):
                if code in UNSWITCHABLE and _lowers(override):
                    findings.append(Finding("D004", Msg("settings.cannot_disable",
                                                        {"code": code}), position))
                    override = {k: v for k, v in override.items()
                                if k not in ("active", "severity")}
                settings[code] = _apply(settings[code], override, pack_path)

    for code in config.disable:
        if code not in settings:
            unknown(code, "rules.disable")
        elif code in UNSWITCHABLE:
            findings.append(Finding("D004", Msg("settings.cannot_disable", {"code": code}),
                                    located.at("rules.disable")))
        else:
            settings[code] = _apply(settings[code], {"active": False}, "st.yaml")
    for code, severity in config.severity.items():
        if code not in settings:
            unknown(code, f"rules.severity.{code}")
        elif code in UNSWITCHABLE and severity != "error":
            findings.append(Finding("D004", Msg("settings.cannot_disable", {"code": code}),
                                    located.at(f"rules.severity.{code}")))
        else:
            settings[code] = _apply(settings[code], {"severity": severity}, "st.yaml")
    for code, params in config.params.items():
        if code not in settings:
            unknown(code, f"rules.params.{code}")
            continue
        known = settings[code].params
        accepted: dict[str, Any] = {}
        for name, value in params.items():
            position = located.at(f"rules.params.{code}.{name}")
            if name not in known:
                near = suggest(name, list(known))
                hint = Msg("hint.did_you_mean", {"value": near}) if near else Msg(
                    "hint.valid_keys", {"keys": sorted(known)})
                findings.append(Finding("D004", Msg("settings.unknown_param",
                                                    {"code": code, "param": name}),
                                        position, hint))
            elif not _same_kind(known[name], value):
                findings.append(Finding("D004", Msg("settings.param_type",
                                                    {"code": code, "param": name}), position))
            else:
                accepted[name] = value
        if accepted:
            settings[code] = _apply(settings[code], {"params": accepted}, "st.yaml")
    for code in UNSWITCHABLE:  # whatever any layer said: on, and an error
        if code in settings and (not settings[code].active
                                 or settings[code].severity != Severity.ERROR):
            settings[code] = settings[code]._replace(active=True, severity=Severity.ERROR)
    return settings, findings


def _lowers(override: dict[str, Any]) -> bool:
    """Whether a pack's override would switch a rule off or make it less than an error."""
    return ("active" in override and override["active"] is not True) or (
        "severity" in override and override["severity"] != "error")


def _same_kind(default: Any, value: Any) -> bool:
    numbers = (int, float, Decimal)
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, numbers):
        return isinstance(value, numbers)
    if isinstance(default, dict):
        return isinstance(value, dict)
    if isinstance(default, list):
        return isinstance(value, list)
    return isinstance(value, str)

