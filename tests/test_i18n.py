"""Every user-facing message exists in Swedish and English, with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from stcli.i18n import catalog, format_number, resolve_language, t
from stcli.rules import all_rules

PACKAGE = Path(__file__).resolve().parent.parent / "stcli"


def _fields(template: str) -> set[str]:
    # `{count|varning|varningar}` is a plural of `count` (stcli.i18n.apply_plurals)
    return {name.split("|")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name}


def test_every_message_has_both_languages_and_same_placeholders() -> None:
    for key, (sv, en) in catalog().items():
        assert sv.strip() and en.strip(), key
        assert _fields(sv) == _fields(en), key


def test_every_rule_has_a_doc() -> None:
    missing = [code for code in all_rules() if f"rule.{code}.doc" not in catalog()]
    assert not missing, missing


def _message_keys_used_in_code() -> set[str]:
    """String literals passed as message keys: Msg("…"), t("…"), ctx.add(…, "…")."""
    keys: set[str] = set()
    pattern = re.compile(r"^(load|hint|cli|validate|settings|engine|deadline)\.[a-z_]+$")
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and pattern.match(node.value)):
                keys.add(node.value)
    return keys


def test_keys_used_in_code_are_in_the_catalog() -> None:
    missing = sorted(k for k in _message_keys_used_in_code() if k not in catalog())
    assert not missing, missing


def test_rule_message_keys_exist() -> None:
    """`ctx.finding("key", …)` in rules/<code>_*.py must have rule.<CODE>.key."""
    missing = []
    for path in (PACKAGE / "rules").glob("[a-z]*[0-9]_*.py"):
        code = path.name.split("_")[0].upper()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "finding" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                key = f"rule.{code}.{node.args[0].value}"
                if key not in catalog():
                    missing.append(key)
            if isinstance(node, ast.keyword) and node.arg == "hint" and isinstance(
                    node.value, ast.Constant) and node.value.value:
                key = f"rule.{code}.{node.value.value}"
                if key not in catalog():
                    missing.append(key)
    assert not missing, missing


def test_swedish_decimal_comma_and_english_point() -> None:
    from fractions import Fraction

    assert format_number(Fraction(274, 10), "sv") == "27,4"
    assert format_number(Fraction(274, 10), "en") == "27.4"
    assert format_number(Fraction(1, 20), "en") == "0.1"  # half-up


def test_language_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ST_LANG", raising=False)
    assert resolve_language(None, None) == "sv"
    assert resolve_language(None, "en") == "en"
    monkeypatch.setenv("ST_LANG", "en")
    assert resolve_language(None, "sv") == "en"
    assert resolve_language("sv", "en") == "sv"


def test_user_values_are_masked_in_messages() -> None:
    text = t("load.not_a_date", "sv", field="date", value="19121212-1212")
    assert "1212-1212" not in text


# --- plural agreement (issue 12) ------------------------------------------------------------


@pytest.mark.parametrize(("count", "sv", "en"), [
    (0, "0 filer, 0 poster: 0 fel, 0 varningar, 0 info",
     "0 files, 0 entries: 0 errors, 0 warnings, 0 info"),
    (1, "1 fil, 1 post: 1 fel, 1 varning, 1 info",
     "1 file, 1 entry: 1 error, 1 warning, 1 info"),
    (2, "2 filer, 2 poster: 2 fel, 2 varningar, 2 info",
     "2 files, 2 entries: 2 errors, 2 warnings, 2 info"),
])
def test_plural_agreement_in_the_summary(count: int, sv: str, en: str) -> None:
    args = {"files": count, "entries": count, "error": count, "warning": count, "info": count}
    assert t("validate.summary", "sv", **args) == sv
    assert t("validate.summary", "en", **args) == en


def test_plural_helper_takes_the_singular_only_for_a_whole_one() -> None:
    from fractions import Fraction

    from stcli.i18n import apply_plurals, plural

    assert plural(1, "dag", "dagar") == "dag"
    assert plural(Fraction(1), "månad", "månader") == "månader"  # shown as 1,0
    assert plural("1", "dag", "dagar") == "dag"  # a number the caller formatted
    assert plural(True, "dag", "dagar") == "dagar"
    assert apply_plurals("{n|dag|dagar} kvar", {"n": 1}) == "{n} dag kvar"
    assert apply_plurals("{codes|kod|koder}", {"codes": ["a"]}) == "{codes} kod"
    assert t("rule.H001.since_last", "sv", days=1, after="2025-01-01", max_days=14) == (
        "1 dag i tjänst utan handledning sedan 2025-01-01 (högst 14)")
    assert t("rule.A001.too_few", "en", year=1, start="2025-01-01", end="2025-12-31",
             count=1, minimum=4).endswith("1 competence assessment, at least 4")


def test_no_message_uses_a_plural_noun_after_a_bare_count() -> None:
    """Every `{n} <plural noun>` goes through the plural helper (issue 12: no
    "1 kompetensbedömningar", "1 new findings")."""
    import re

    from stcli.i18n import catalog

    nouns = ("dagar", "månader", "filer", "poster", "varningar", "veckor", "bedömningar",
             "kompetensbedömningar", "tillfällen", "minuter", "regler", "hemvändardagar",
             "days", "months", "files", "entries", "warnings", "errors", "weeks",
             "assessments", "sessions", "minutes", "rules", "findings")
    pattern = re.compile(r"\{\w+\} (?:\w+ )?(" + "|".join(nouns) + r")\b")
    offenders = [(key, text) for key, pair in catalog().items() for text in pair
                 if pattern.search(text)]
    assert offenders == []
