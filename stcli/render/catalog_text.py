"""Plain text for `st rules` (the catalog in force) and `st explain` (one rule or delmål).

No rich: aligned columns with spaces, so that the output reads the same in a terminal, a
pipe or a test. The commands gather the data; these functions only put it into words.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from stcli.i18n import t
from stcli.pii import mask_identity_numbers

if TYPE_CHECKING:
    from stcli.engine.catalog import Delmal
    from stcli.engine.settings import RuleSetting

PACKAGE_LAYERS = ("national", "sfam")
REGIONS = ("vgr", "gavleborg", "vastmanland")
WIDTH = 88


@dataclass(frozen=True, slots=True)
class RuleRow:
    code: str
    name: str
    setting: RuleSetting


def layer_label(layer: str | None, lang: str) -> str:
    """Words for the layer that set a value: a package pack, the user's pack or st.yaml."""
    if layer is None or layer == "national":
        return t("explain.layer.national", lang)
    if layer == "sfam":
        return t("explain.layer.sfam", lang)
    if layer in REGIONS:
        return t("explain.layer.region", lang, name=layer)
    if layer == "st.yaml":
        return t("explain.layer.st_yaml", lang)
    return t("explain.layer.user_pack", lang, name=layer)


def is_package_layer(layer: str | None) -> bool:
    return layer is None or layer in PACKAGE_LAYERS or layer in REGIONS


def severity_word(severity: str, lang: str) -> str:
    return t(f"explain.severity.{severity}", lang)


def show_value(value: Any) -> str:
    """A parameter value as a user would write it in st.yaml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(show_value(v) for v in value) + "]"
    if value is None:
        return "null"
    return str(value)


def plain(value: Any) -> Any:
    """A parameter value for JSON: Decimals as numbers, dates as ISO text."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, int | float | str):
        return value
    return str(value)


def _columns(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def rules_text(rows: Sequence[RuleRow], lang: str, title: str) -> str:
    table: list[list[str]] = [[
        t("explain.col_code", lang), t("explain.col_name", lang),
        t("explain.col_severity", lang), t("explain.col_active", lang),
        t("explain.col_source", lang)]]
    for row in rows:
        setting = row.setting
        table.append([row.code, row.name, severity_word(setting.severity.value, lang),
                      t("explain.on" if setting.active else "explain.off", lang),
                      source_text(setting.source, lang)])
    lines = [title, "", *_columns(table), ""]
    active = sum(1 for row in rows if row.setting.active)
    lines.append(t("explain.rules_footer", lang, active=active, total=len(rows)))
    return "\n".join(lines) + "\n"


def rules_json(rows: Sequence[RuleRow], meta: dict[str, Any]) -> str:
    data = {
        **meta,
        "rules": [
            {
                "code": row.code,
                "name": row.name,
                "severity": row.setting.severity.value,
                "active": row.setting.active,
                "source": row.setting.source,
                "params": plain(row.setting.params),
                "tool_defaults": list(row.setting.tool_defaults),
                "variant": row.setting.variant,
                "origin": dict(row.setting.origin),
            }
            for row in rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [""]


# Words in pack sources that are st's own, not a document's name: shown in the language of
# the output (a source's own title, e.g. "VGR-FAQ Kurser", is shown as written).
_SOURCE_FRAGMENTS = (
    ("st portfolio format: a portfolio holds no patient data", "explain.source.no_patient_data"),
    ("st portfolio format (employment percent)", "explain.source.format_percent"),
    ("st portfolio format (YAML)", "explain.source.format_yaml"),
    ("st portfolio format", "explain.source.format"),
    ("målbeskrivning allmänmedicin (delmål codes)", "explain.source.delmal_codes"),
    ("målbeskrivning; Socialstyrelsen forms", "explain.source.forms"),
)
_SOURCE_WHOLE = {"derived": "explain.source.derived", "målbeskrivning": "explain.source.plan"}
CONFIDENCE_LEVELS = ("official", "secondary", "medium", "unverified", "format", "derived")
REGION_LABELS = {"vgr": "VGR", "gavleborg": "Region Gävleborg",
                 "vastmanland": "Region Västmanland"}


def source_text(source: str, lang: str) -> str:
    """A rule's or delmål's source for users: st's own words in the output language."""
    whole = _SOURCE_WHOLE.get(source.strip())
    if whole:
        return t(whole, lang)
    for fragment, key in _SOURCE_FRAGMENTS:
        source = source.replace(fragment, t(key, lang))
    return _user(source)


def confidence_text(confidence: str, lang: str) -> str:
    """A confidence level (pack data) in words; the details are comments in the pack."""
    level = confidence.strip()
    if level in CONFIDENCE_LEVELS:
        return t(f"explain.confidence.{level}", lang)
    return _user(level)


def scope_text(scope: Sequence[tuple[str | None, bool, str]], lang: str) -> str:
    """Where a rule applies by the packs shipped with st: every portfolio alike, or per
    region (no region, then each region) with its severity or "off"."""
    states = [(t(f"explain.severity.{severity}", lang) if active else t("explain.off", lang))
              for _, active, severity in scope]
    if len(set(states)) == 1:
        return t("explain.scope_all", lang, state=states[0])
    parts = []
    for (region, _, _), state in zip(scope, states, strict=True):
        where = REGION_LABELS.get(region or "", t("explain.scope_no_region", lang))
        parts.append(f"{where}: {state}")
    # joined here, not passed through t(): message arguments are cut when long
    return t("explain.scope_regions", lang) + " " + " · ".join(parts)


def rule_text(row: RuleRow, lang: str, *, doc: str, confidence: str | None,
              enabled_in: Sequence[str], loader: bool,
              scope: Sequence[tuple[str | None, bool, str]] = ()) -> str:
    setting = row.setting
    origin = setting.origin
    lines = [f"{row.code} {row.name}", ""]
    lines.append(t("explain.severity_line", lang,
                   severity=severity_word(setting.severity.value, lang),
                   layer=layer_label(origin.get("severity"), lang)))
    lines.append(t("explain.active_on" if setting.active else "explain.active_off", lang,
                   layer=layer_label(origin.get("active"), lang)))
    if not setting.active and enabled_in:
        lines.append(t("explain.active_elsewhere", lang, regions=", ".join(
            REGION_LABELS.get(region, region) for region in enabled_in)))
    if scope:
        lines += _wrap(scope_text(scope, lang), indent="")
    lines.append(f"{t('explain.label_source', lang)}: "
                 f"{source_text(setting.source or '-', lang)}")
    if confidence:
        lines.append(f"{t('explain.label_confidence', lang)}: "
                     f"{confidence_text(confidence, lang)}")
    if setting.variant:
        lines.append(_labelled("explain.label_variant", str(setting.variant), lang))
    lines += ["", t("explain.checks", lang), *_wrap(doc)]
    if loader:
        lines += _wrap(t("explain.loader_rule", lang))
    lines.append("")
    if setting.params:
        lines.append(t("explain.params", lang))
        names = list(setting.params)
        width = max(len(name) for name in names)
        for name in names:
            layer = origin.get(f"params.{name}")
            note = layer_label(layer, lang)
            if name in setting.tool_defaults and is_package_layer(layer):
                note += "; " + t("explain.tool_default_mark", lang)
            value = show_value(setting.params[name])
            lines.append(f"  {name.ljust(width)} = {value}  ({note})")
        if setting.tool_defaults:
            lines.append(t("explain.tool_defaults_line", lang,
                           names=", ".join(setting.tool_defaults)))
        else:
            lines.append(t("explain.no_tool_defaults", lang))
    else:
        lines.append(t("explain.no_params", lang))
    lines += ["", *_wrap(t("explain.change_hint", lang, code=row.code), indent="")]
    return "\n".join(lines) + "\n"


def requires_text(requires: Sequence[Sequence[str]], lang: str) -> str:
    word = f" {t('explain.delmal_or', lang)} "
    groups = [word.join(_activity(a, lang) for a in group) for group in requires]
    return "; ".join(groups)


def _user(text: str) -> str:
    """Text from a pack or st.yaml, in full (st explain must not cut a source), masked."""
    return mask_identity_numbers(text)


def _labelled(key: str, value: str, lang: str, **args: Any) -> str:
    return f"{t(key, lang, **args)}: {_user(value)}"


def _specialty(code: str, lang: str) -> str:
    key = f"status.specialty.{code}"
    text = t(key, lang)
    return code if text == key else text


def _activity(name: str, lang: str) -> str:
    key = f"explain.activity.{name}"
    text = t(key, lang)
    return name if text == key else text


def delmal_text(entry: Delmal, lang: str, *, regulation: str, version: str,
                original: Delmal | None, other_regulation: bool,
                forms: dict[str, str] | None = None) -> str:
    lines = [_labelled("explain.delmal_title", entry.localized_title(lang), lang,
                       code=entry.code), ""]
    lines.append(t("explain.delmal_regulation", lang, regulation=regulation,
                   version=version or "-"))
    if other_regulation:
        lines.append(t("explain.delmal_other_regulation", lang, regulation=regulation))
    if entry.requires:
        lines.append(_labelled("explain.delmal_requires", requires_text(entry.requires, lang),
                               lang))
    else:
        lines.append(t("explain.delmal_requires_none", lang))
    either = f" {t('explain.delmal_or', lang)} "
    if entry.requires_specialty:
        names = [_specialty(s, lang) for s in entry.requires_specialty]
        listed = either.join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
        lines += _wrap(t("explain.delmal_specialty", lang, specialties=listed), indent="")
    group_forms = [either.join(dict.fromkeys(f for a in group if (f := (forms or {}).get(a))))
                   for group in entry.requires]
    shown_forms = ", ".join(dict.fromkeys(f for f in group_forms if f))
    if entry.certified_by:
        lines += _wrap(t("explain.delmal_certified_by", lang, milestone=entry.certified_by,
                         forms=shown_forms), indent="")
    elif shown_forms:
        lines += _wrap(t("explain.delmal_forms", lang, forms=shown_forms), indent="")
    lines.append(f"{t('explain.label_source', lang)}: {source_text(entry.source or '-', lang)}")
    if entry.confidence:
        lines.append(f"{t('explain.label_confidence', lang)}: "
                     f"{confidence_text(entry.confidence, lang)}")
    if entry.group == "c" and not entry.corrected_by:
        lines += _wrap(t("explain.delmal_c_title", lang), indent="")
    note = entry.localized_note(lang)
    if note:
        lines += _wrap(_labelled("explain.delmal_note", str(note), lang), indent="")
    if entry.corrected_by:
        lines.append("")
        if original is None:
            lines.append(t("explain.delmal_added", lang, by=entry.corrected_by))
        else:
            lines.append(t("explain.delmal_corrected", lang, by=entry.corrected_by))
            for field in ("title", "title_en", "requires", "source", "confidence"):
                before, after = getattr(original, field), getattr(entry, field)
                if before != after:
                    if field == "requires":
                        before = requires_text(before, lang)
                        after = requires_text(after, lang)
                    pack, now = t("explain.delmal_pack_value", lang), t(
                        "explain.delmal_now_value", lang)
                    lines.append(f"  {field}: {pack}: {_user(str(before) or '-')} → "
                                 f"{now}: {_user(str(after) or '-')}")
    return "\n".join(lines) + "\n"
