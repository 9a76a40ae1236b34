"""One message catalog for every user-facing string: Swedish by default, English on request.

The catalog is split by area (`catalog_*.py`: core, each rule family, status, report,
write) only to keep files short; `catalog()` merges them, and a test checks that every key
has both languages and the same placeholders.

Plural agreement: a message writes `{count|varning|varningar}` (the argument's name, the
singular, the plural) where the number and its noun go, and `t()` writes the number with
the form that agrees (`plural()`): the singular only for the whole number 1, as both
languages write it ("1 varning", "2 varningar", "1,5 månader", "0 findings").
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
MAX_ECHO = 60


@cache
def catalog() -> dict[str, tuple[str, str]]:
    import importlib
    import pkgutil

    import stcli.i18n as package

    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("catalog_"):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for key, pair in module.MESSAGES.items():
                if key in merged:
                    raise KeyError(f"message key {key} defined twice")
                merged[key] = pair
    return merged


def resolve_language(flag: str | None, configured: str | None = None) -> str:
    """--lang beats ST_LANG beats `language:` in st.yaml beats Swedish."""
    for candidate in (flag, os.environ.get("ST_LANG"), configured):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def format_number(value: Fraction | Decimal | float, lang: str, digits: int = 1) -> str:
    quantum = Decimal(1).scaleb(-digits)
    if isinstance(value, Fraction):
        dec = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        dec = Decimal(str(value))
    text = str(dec.quantize(quantum, rounding="ROUND_HALF_UP"))
    if text.startswith("-") and Decimal(text) == 0:
        text = text[1:]
    return text.replace(".", ",") if lang == "sv" else text


def _format_arg(value: Any, lang: str) -> Any:
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "sv" else ("yes" if value else "no")
    if isinstance(value, Fraction | Decimal | float):
        return format_number(value, lang)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return echo(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(_format_arg(v, lang)) for v in value)
    return value


# Control characters from a user's file never reach the terminal (escape sequences could
# recolour, clear or add links): shown as U+FFFD. Tab and newline stay, and NUL, which
# terminals ignore and the report uses as a placeholder around arguments.
_CONTROLS = {c: "\ufffd" for c in (*range(0x01, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}


def echo(text: str) -> str:
    """A user's value as it may appear in a message: identity numbers masked, long text cut."""
    from stcli.pii import mask_identity_numbers

    masked = mask_identity_numbers(text).translate(_CONTROLS)
    if len(masked) > MAX_ECHO:
        masked = masked[: MAX_ECHO - 1] + "…"
    return masked


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def is_one(value: Any) -> bool:
    """Whether a count takes the singular: the whole number 1 (1,0 months is plural)."""
    if isinstance(value, str):  # a number already formatted by the caller
        return value.strip() == "1"
    return isinstance(value, int) and not isinstance(value, bool) and value == 1


def plural(count: Any, singular: str, plural_form: str) -> str:
    """The form of a word that agrees with `count`, for text built outside the catalog."""
    return singular if is_one(count) else plural_form


def apply_plurals(template: str, args: dict[str, Any]) -> str:
    """Replace every `{name|singular|plural}` of a message by `{name}` and the form agreeing
    with `args[name]` (a count: a list counts its items)."""
    if "|" not in template:
        return template

    def pick(match: re.Match[str]) -> str:
        value = args.get(match[1])
        if isinstance(value, list | tuple):
            value = len(value)
        return f"{{{match[1]}}} {plural(value, match[2], match[3])}"

    return _PLURAL.sub(pick, template)


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **args: Any) -> str:
    entry = catalog().get(key)
    if entry is None:
        # A missing key is a bug; the test of the catalog catches it. Never crash a user's run.
        return key
    template = entry[1] if lang == "en" else entry[0]
    if not args:
        return template
    template = apply_plurals(template, args)
    return template.format_map({k: _format_arg(v, lang) for k, v in args.items()})
