"""One entry's fields as a person types them: labels, canonical spelling, one answer checked.

No typer here: `stcli/cli/cmd_add.py` and `cmd_init.py` ask; this module says what an
answer means. Every check is the loader's own conversion (`load.convert_record_text`), so
an answer accepted here is one `st validate` accepts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stcli.findings import Finding

# Yes and no as trainees write them, to the format's own words.
_BOOL_WORDS = {
    "ja": "true", "j": "true", "nej": "false", "n": "false", "sant": "true", "falskt": "false",
    "yes": "true", "y": "true", "no": "false", "true": "true", "false": "false",
}
_FOLD = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")


def fold(text: str) -> str:
    """A word as compared, not as written: `Vårdcentral` and `vardcentral` fold alike."""
    return " ".join(text.translate(_FOLD).lower().split()).replace(" ", "-").replace("_", "-")


def canonical_word(text: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The vocabulary word meant by `text`: the same word folded (`Mini-CEX`, `Gävleborg`),
    else the one word it begins (`hslf` for `HSLF-FS 2021:8`); None when none or several."""
    folded = fold(text)
    if not folded:
        return None
    for choice in choices:
        if fold(choice) == folded:
            return choice
    starting = [choice for choice in choices if fold(choice).startswith(folded)]
    return starting[0] if len(starting) == 1 else None


def scalar_type(desc: Any) -> Any:
    """The type a single answer is read as (a union's text option; a list's item type)."""
    if desc[0] == "union":
        return next(option for option in desc[1] if option[0] != "model")
    return desc


def normalize(text: str, desc: Any, extra: tuple[str, ...] = ()) -> str:
    """An answer in the format's canonical spelling, where one is known; else as typed.

    Data-driven: vocabulary words from the field's enum (and the portfolio's own words in
    `extra`), booleans from ja/nej/yes/no, a Swedish decimal comma in a number."""
    desc = scalar_type(desc)
    kind = desc[0]
    stripped = text.strip()
    if kind == "list":
        from stcli.write import split_list

        return ", ".join(normalize(item, desc[1], extra) for item in split_list(stripped))
    if kind == "enum":
        return canonical_word(stripped, (*desc[1], *extra)) or stripped
    if kind == "bool":
        return _BOOL_WORDS.get(stripped.lower(), stripped)
    if kind == "decimal" and stripped.count(",") == 1 and "." not in stripped:
        return stripped.replace(",", ".")
    if kind == "str":
        return text.strip()
    return stripped


def choices_of(desc: Any, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    desc = scalar_type(desc)
    if desc[0] == "list":
        desc = desc[1]
    if desc[0] == "enum":
        return (*desc[1], *extra)
    return ()


def record_name(kind: str) -> str:
    """The record a kind's entries are (`supervisor` is an item of st.yaml's `supervisors`)."""
    from stcli.model import KIND_RECORDS

    return "Supervisor" if kind == "supervisor" else KIND_RECORDS[kind].__name__


def check_answer(kind: str, path: tuple[str, ...], text: str,
                 vocabulary: dict[str, frozenset[str]]) -> list[Finding]:
    """What the loader would say about this one field written so (nothing: it is fine)."""
    return check_field(record_name(kind), path, text, vocabulary)


def check_field(record: str, path: tuple[str, ...], text: str,
                vocabulary: dict[str, frozenset[str]]) -> list[Finding]:
    """`check_answer` for a field of any record of the field table (`Profile` too)."""
    from stcli.load import convert_record_text
    from stcli.write import render_record

    lines = render_record(record, {path: text})
    if not lines:
        return []
    _, findings = convert_record_text("\n".join(lines) + "\n", record, "-", vocabulary)
    # The other fields are not written yet: only what concerns this one counts.
    return [f for f in findings if f.message.key != "load.missing_field"]


def example(desc: Any, key: str, today: dt.date) -> tuple[str, dict[str, Any]]:
    """The message key and arguments of an example answer for a field of this type."""
    desc = scalar_type(desc)
    kind = desc[0]
    if kind == "list":
        item = scalar_type(desc[1])
        if item[0] == "date":
            return "add.example.dates", {"example": today.isoformat()}
        return "add.example.list", {}
    if kind == "date":
        return "add.example.date", {"example": today.isoformat()}
    if kind == "year_or_date":
        return "add.example.year_or_date", {"year": today.year, "example": today.isoformat()}
    if kind == "bool":
        return "add.example.bool", {}
    if kind == "enum":
        return "add.example.enum", {"choices": " | ".join(desc[1])}
    if kind == "int":
        low = desc[2].get("ge", desc[2].get("gt", ""))
        high = desc[2].get("le", desc[2].get("lt", ""))
        if key == "minutes":
            return "add.example.minutes", {}
        return "add.example.int", {"low": low, "high": high}
    if kind == "decimal":
        return "add.example.decimal", {}
    if desc[2].get("pattern"):
        return "add.example.identifier", {}
    return "add.example.text", {}


def label(key: str, lang: str) -> str:
    """A field's name in the output language (the YAML key where no label is written)."""
    from stcli.i18n import catalog

    pair = catalog().get(f"add.field.{key}")
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def st_year(start: dt.date | None, day: dt.date) -> int | None:
    """The ST year `day` falls in, counted from the first day of ST (year 1 from the start)."""
    if start is None or day < start:
        return None
    years = day.year - start.year - ((day.month, day.day) < (start.month, start.day))
    return min(years + 1, 15)


def field_type(record: str, key: str) -> Any:
    from stcli.model import FIELDS

    return next(spec.type for spec in FIELDS[record] if spec.key == key)


def reasons(record: str, key: str, text: str, lang: str, today: dt.date) -> list[str]:
    """Why `text` cannot be the field's value, each reason with an example (none: it can)."""
    from stcli.i18n import t

    out = []
    for finding in check_field(record, (key,), text, {}):
        reason = finding.message.render(lang)
        if finding.hint is not None and finding.hint.key == "hint.did_you_mean":
            reason += f" ({finding.hint.render(lang)})"
        message, args = example(field_type(record, key), key, today)
        out.append(f"{reason}: {t(message, lang, **args)}")
    return out
