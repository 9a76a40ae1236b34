"""The delmål catalog in force: the regulation pack, corrected by the portfolio.

Socialstyrelsen's text rules; where our pack differs, a trainee corrects an entry in
`st.yaml` (`delmal:`) or in a pack file of their own, and the correction is marked so that
`st explain` and the reports can show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from stcli.engine.packs import package_pack, read_user_pack, regulation_pack_name
from stcli.model import Profile

ACTIVITY_TYPES = (
    "klinisk_tjanstgoring", "klinisk_tjanstgoring_primarvard", "kurs", "kvalitetsarbete",
    "vetenskapligt_arbete", "auskultation", "eget_intyg", "valfri_aktivitet",
)


# NamedTuples, not frozen dataclasses: as immutable, and far cheaper to create at import.
class Delmal(NamedTuple):
    code: str
    group: str  # a | b | c | bt
    title: str
    title_en: str
    requires: tuple[tuple[str, ...], ...]  # all of these groups, any one activity per group
    source: str
    confidence: str
    note: str | None = None  # for users, in Swedish
    corrected_by: str | None = None  # "st.yaml" or a pack file, when the user changed it
    # Clinical evidence (a placement or auskultation) counts only at a unit of one of these
    # specialties (STc7/c7: gynekologi, obstetrik, mvc); empty: any unit.
    requires_specialty: tuple[str, ...] = ()
    # A milestone kind whose date certifies every requirement (STa3: `sta3-intyg`, the day
    # Bilaga 12 was signed); None: the entries' own certificates do.
    certified_by: str | None = None
    note_en: str | None = None

    def localized_title(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def localized_note(self, lang: str) -> str | None:
        return self.note_en if lang == "en" and self.note_en else self.note


class DelmalCatalog(NamedTuple):
    regulation: str
    pack_version: str
    entries: dict[str, Delmal]
    required_months: int = 0
    required_months_doctoral: int | None = None
    # The certificate form each activity type needs under this regulation ("Bilaga 9")
    forms: Mapping[str, str] = MappingProxyType({})
    # Activity types that any entry tagged with the delmål satisfies (STa3's own
    # certificate, a BT delmål's evidence), whatever kind of entry it is
    any_entry_types: frozenset[str] = frozenset()

    def form_of(self, activity: str) -> str:
        return self.forms.get(activity, "")

    def __contains__(self, code: object) -> bool:
        return code in self.entries

    def for_st(self) -> list[Delmal]:
        """The ST delmål, BT excluded, in catalog order."""
        return [d for d in self.entries.values() if d.group != "bt"]

    def for_bt(self) -> list[Delmal]:
        return [d for d in self.entries.values() if d.group == "bt"]


def _entry(code: str, data: dict[str, Any], base: Delmal | None, by: str | None) -> Delmal:
    def pick(name: str, default: Any) -> Any:
        value = data.get(name)
        return default if value is None else value

    requires = pick("requires", base.requires if base else ())
    return Delmal(
        code=code,
        group=str(pick("group", base.group if base else _group_of(code))),
        title=str(pick("title", base.title if base else code)),
        title_en=str(pick("title_en", base.title_en if base else "")),
        requires=tuple(tuple(str(a) for a in group) for group in requires),
        source=str(pick("source", base.source if base else by or "")),
        confidence=str(pick("confidence", base.confidence if base else "")),
        note=pick("note", base.note if base else None),
        corrected_by=by,
        requires_specialty=tuple(str(a) for a in pick(
            "requires_specialty", base.requires_specialty if base else ())),
        certified_by=pick("certified_by", base.certified_by if base else None),
        note_en=pick("note_en", base.note_en if base else None),
    )


def _group_of(code: str) -> str:
    lowered = code.lower()
    if lowered.startswith("bt"):
        return "bt"
    if lowered.startswith("st"):
        return lowered[2:3]
    return lowered[:1]


def load_catalog(regulation: str, profile: Profile | None = None,
                 root: Path | None = None) -> DelmalCatalog:
    pack = package_pack(regulation_pack_name(regulation))
    entries: dict[str, Delmal] = {}
    for code, data in (pack.get("delmal") or {}).items():
        entries[str(code)] = _entry(str(code), data or {}, None, None)
    if profile is not None and root is not None:
        for pack_path in profile.packs:
            target = (root / pack_path).resolve()
            if not target.is_relative_to(root.resolve()):
                continue  # outside the portfolio: refused (D012) by the settings resolver
            try:
                data = read_user_pack(target)
            except ValueError:
                continue  # reported by the settings resolver
            for code, override in (data.get("delmal") or {}).items():
                if isinstance(override, dict):
                    entries[str(code)] = _entry(str(code), override, entries.get(str(code)),
                                                pack_path)
    if profile is not None:
        for code, correction in profile.delmal.items():
            fields = {
                "title": correction.title, "title_en": correction.title_en,
                "requires": correction.requires, "source": correction.source,
                "confidence": correction.confidence,
                "requires_specialty": correction.requires_specialty,
                "certified_by": correction.certified_by,
            }
            entries[code] = _entry(code, fields, entries.get(code), "st.yaml")
    return DelmalCatalog(
        regulation=regulation,
        pack_version=str(pack.get("pack_version", "")),
        entries=entries,
        required_months=int(pack.get("required_months", 0) or 0),
        required_months_doctoral=pack.get("required_months_doctoral"),
        forms={str(k): str(v) for k, v in (pack.get("forms") or {}).items()},
        any_entry_types=frozenset(str(a) for a in pack.get("any_entry_types") or ()),
    )
