"""`st explain CODE`: one rule (what it checks, parameters in force and who set them, source)
or one delmål of the catalog (title, required activities, source, confidence, corrections)."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from stcli.cli.common import EXIT_OK, LangOption, PathArg, early_language, fail

if TYPE_CHECKING:
    from stcli.engine.catalog import DelmalCatalog
    from stcli.engine.settings import RuleSetting

REGULATIONS = ("HSLF-FS 2021:8", "SOSFS 2015:8")
REGIONS = ("vgr", "gavleborg", "vastmanland")


def _confidence(code: str, region: str | None) -> str | None:
    """The confidence the packs give the rule: the last layer that states one."""
    from stcli.engine.packs import package_pack

    found = None
    for layer in ("national", "sfam", *([region] if region else [])):
        data = (package_pack(layer).get("rules", {}) or {}).get(code) or {}
        if isinstance(data, dict) and data.get("confidence"):
            found = str(data["confidence"])
    return found


def _scope(code: str) -> list[tuple[str | None, bool, str]]:
    """(region, active, severity) by the packs shipped with st: no region, then each."""
    from stcli.engine.settings import base_settings

    scope: list[tuple[str | None, bool, str]] = []
    for region in (None, *REGIONS):
        setting = base_settings(region).get(code)
        if setting is not None:
            scope.append((region, setting.active, setting.severity.value))
    return scope


def _enabled_in(code: str) -> list[str]:
    from stcli.engine.packs import package_pack

    return [region for region in REGIONS
            if ((package_pack(region).get("rules", {}) or {}).get(code) or {}).get("active")]


def _catalogs(profile_regulation: str | None, catalog: DelmalCatalog | None
              ) -> list[tuple[DelmalCatalog, bool]]:
    """The portfolio's catalog (with its corrections) first, then the other regulation's."""
    from stcli.engine.catalog import load_catalog

    found: list[tuple[DelmalCatalog, bool]] = []
    if catalog is not None:
        found.append((catalog, False))
    for regulation in REGULATIONS:
        if regulation != profile_regulation:
            found.append((load_catalog(regulation), profile_regulation is not None))
    return found


def explain(
    code: str = typer.Argument(..., metavar="CODE", help="Regelkod (H001) eller delmål (STc14)"),
    path: Path | None = PathArg,
    lang: str | None = LangOption,
) -> None:
    """Förklara en regel eller ett delmål med källa / explain a rule or a delmål."""
    from stcli.cli.cmd_rules import rule_rows, rules_context
    from stcli.engine.catalog import load_catalog
    from stcli.i18n import resolve_language, t
    from stcli.render import catalog_text
    from stcli.rules import all_rules

    language = early_language(lang)
    root, profile, settings = rules_context(path, language)
    language = resolve_language(lang, profile.value.language if profile else None)
    wanted = code.strip()
    registry = all_rules()

    rows = {row.code: row for row in rule_rows(settings)}
    rule_code = next((c for c in rows if c.lower() == wanted.lower()), None)
    if rule_code is not None:
        row = rows[rule_code]
        rule = registry.get(rule_code)
        setting: RuleSetting = row.setting
        sys.stdout.write(catalog_text.rule_text(
            row, language, doc=t(f"rule.{rule_code}.doc", language),
            confidence=_confidence(rule_code, profile.value.region if profile else None),
            enabled_in=[] if setting.active else _enabled_in(rule_code),
            loader=bool(rule is not None and rule.check is None), scope=_scope(rule_code)))
        raise typer.Exit(EXIT_OK)

    own = None
    regulation = profile.value.regulation if profile else None
    if profile is not None and root is not None:
        own = load_catalog(profile.value.regulation, profile.value, root)
    candidates = list(rows)
    for catalog, other in _catalogs(regulation, own):
        codes = {c.lower(): c for c in catalog.entries}
        candidates.extend(catalog.entries)
        match = codes.get(wanted.lower())
        if match is None:
            continue
        entry = catalog.entries[match]
        original = load_catalog(catalog.regulation).entries.get(match) if (
            entry.corrected_by) else None
        sys.stdout.write(catalog_text.delmal_text(
            entry, language, regulation=catalog.regulation, version=catalog.pack_version,
            original=original, other_regulation=other, forms=dict(catalog.forms)))
        raise typer.Exit(EXIT_OK)

    message = t("explain.unknown_code", language, code=wanted)
    lowered = {c.lower(): c for c in candidates}
    near = difflib.get_close_matches(wanted.lower(), list(lowered), n=1, cutoff=0.6)
    if near:
        message += "; " + t("explain.did_you_mean", language, value=lowered[near[0]])
    fail(message + "\n" + t("explain.see_rules", language))


def register(app: typer.Typer) -> None:
    app.command("explain")(explain)
