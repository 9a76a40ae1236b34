"""Which part of BT a placement belongs to: its `setting`, or the format's default.

Format v2 (portfolio-format.md, "Version 2 additions"): a placement may say
`setting: primarvard | akut | other`; without it the setting follows from type and
specialty. Rule BT001, the BT certificate forms and anything else that needs a
placement's setting call `placement_setting`, so the defaults live in one place.
"""

from __future__ import annotations

from stcli.model import Placement

PRIMARY_CARE = "primarvard"
ACUTE = "akut"
OTHER = "other"

# The format's acute list: specialties whose placements count as akut sjukvård by default.
ACUTE_SPECIALTIES: frozenset[str] = frozenset({
    "akutsjukvard", "internmedicin", "kirurgi", "ortopedi", "infektion", "akut-barnsjukvard",
})


def default_setting(placement_type: str, specialty: str) -> str:
    """The setting a placement of this type and specialty has when it does not say."""
    if placement_type == "vardcentral":
        return PRIMARY_CARE
    if specialty in ACUTE_SPECIALTIES:
        return ACUTE
    return OTHER


def placement_setting(placement: Placement) -> str:
    """The placement's own `setting`, else the default from its type and specialty."""
    if placement.setting is not None:
        return placement.setting
    return default_setting(placement.type, placement.specialty)
