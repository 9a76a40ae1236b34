"""`st rules`: the rule catalog in force for this portfolio (packs, region, st.yaml)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from stcli.cli.common import EXIT_OK, LangOption, PathArg, early_language, locate

if TYPE_CHECKING:
    from stcli.engine.settings import RuleSetting
    from stcli.model import Profile
    from stcli.portfolio import Located
    from stcli.render.catalog_text import RuleRow


def rules_context(path: Path | None, lang: str) -> tuple[
        Path | None, Located[Profile] | None, dict[str, RuleSetting]]:
    """The portfolio (if any), its profile and the settings in force.

    An explicit PATH must be (inside) a portfolio (exit 2 otherwise); without one, a current
    folder outside any portfolio gives the national defaults.
    """
    from stcli.engine.settings import base_settings, resolve_settings
    from stcli.load import find_root, load

    root = locate(path, lang) if path is not None else find_root(Path.cwd())
    if root is None:
        return None, None, base_settings(None)
    profile = load(root).portfolio.profile
    if profile is None:  # st.yaml cannot be read: `st validate` says why
        return root, None, base_settings(None)
    settings, _ = resolve_settings(root, profile)
    return root, profile, settings


def rule_rows(settings: dict[str, RuleSetting]) -> list[RuleRow]:
    """Every rule with a setting, in catalog order; names from the code, else the pack."""
    from stcli.engine.packs import package_pack
    from stcli.render.catalog_text import RuleRow
    from stcli.rules import _order, all_rules

    registry = all_rules()
    national = package_pack("national").get("rules", {}) or {}
    rows = []
    for code in sorted(settings, key=_order):
        rule = registry.get(code)
        name = rule.name if rule else str((national.get(code) or {}).get("name", ""))
        rows.append(RuleRow(code, name, settings[code]))
    return rows


def rules(
    path: Path | None = PathArg,
    lang: str | None = LangOption,
    as_json: bool = typer.Option(False, "--json", help="Skriv ut katalogen som JSON"),
) -> None:
    """Visa reglerna i kraft för portföljen / show the rules in force."""
    from stcli.i18n import resolve_language, t
    from stcli.render.catalog_text import rules_json, rules_text

    language = early_language(lang)
    root, profile, settings = rules_context(path, language)
    language = resolve_language(lang, profile.value.language if profile else None)
    rows = rule_rows(settings)
    regulation = profile.value.regulation if profile else None
    region = profile.value.region if profile else None
    if as_json:
        meta: dict[str, Any] = {"portfolio": str(root) if root else None,
                                "regulation": regulation, "region": region}
        sys.stdout.write(rules_json(rows, meta) + "\n")
        raise typer.Exit(EXIT_OK)
    if root is None or profile is None:
        title = t("explain.rules_title_national", language)
    else:
        title = (f"{t('explain.rules_title', language)} {root} ({regulation}, "
                 f"{region or t('explain.no_region', language)})")
    sys.stdout.write(rules_text(rows, language, title))
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("rules")(rules)
