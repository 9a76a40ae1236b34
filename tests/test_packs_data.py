"""The pack data in stcli/packs/: rule packs (national, sfam, regions) and delmål catalogs.

Reads the YAML files themselves, so a missing, duplicated or misspelt entry fails here.
The expected rule codes and delmål codes are those of the spec (rules.md and
portfolio-format.md): they are written out below and, when the spec is reachable
(ST_SPEC_DIR, or ../shared/spec next to the repository), checked against it too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
PACKS = REPO / "stcli" / "packs"

SEVERITIES = {"error", "warning", "info"}
ACTIVITY_WORDS = {
    "klinisk_tjanstgoring", "klinisk_tjanstgoring_primarvard", "kurs", "kvalitetsarbete",
    "vetenskapligt_arbete", "auskultation", "eget_intyg", "valfri_aktivitet",
}
REGIONS = ("vgr", "gavleborg", "vastmanland")
OVERRIDE_PACKS = ("sfam", *REGIONS)
OVERRIDE_KEYS = {"active", "severity", "params", "source", "variant", "confidence",
                 "tool_defaults"}
NATIONAL_KEYS = {"name", "severity", "active", "params", "tool_defaults", "source",
                 "confidence", "variant"}
VARIANTS = {"PL002": {"form_sent", "contacted"}, "M013": {"startseminarium", "st_dag"}}


# rules.md, "Requirement catalog, version 1": every code in its tables.
RULE_CODES = [
    *(f"D{n:03d}" for n in range(1, 13)), "P001",
    *(f"T{n:03d}" for n in range(1, 6)), "BT001",
    *(f"H{n:03d}" for n in range(1, 7)),
    "A001", "A002",
    *(f"PL{n:03d}" for n in range(1, 7)),
    *(f"K{n:03d}" for n in range(1, 5)),
    "G001", "G002",
    *(f"M{n:03d}" for n in range(1, 14)),
    "S001", "L001",
]
# Codes st adds beyond rules.md (each in the pack and in docs/rules.md, not in the spec).
ADDED_CODES = ["M014"]  # issue 19: a signed ST year changed after signing

# portfolio-format.md, "Delmål codes".
DELMAL_CODES = {
    "sosfs-2015-8": [*(f"a{n}" for n in range(1, 7)), *(f"b{n}" for n in range(1, 6)),
                     *(f"c{n}" for n in range(1, 15))],
    "hslf-fs-2021-8": [*(f"STa{n}" for n in range(1, 8)), *(f"STb{n}" for n in range(1, 5)),
                       *(f"STc{n}" for n in range(1, 16)), *(f"BT{n}" for n in range(1, 19))],
}
REGULATIONS = {"sosfs-2015-8": "SOSFS 2015:8", "hslf-fs-2021-8": "HSLF-FS 2021:8"}
REQUIRED_MONTHS = {"sosfs-2015-8": (60, 54), "hslf-fs-2021-8": (66, None)}


# --------------------------------------------------------------------------- helpers


def _read(name: str) -> str:
    path = PACKS / f"{name}.yaml"
    assert path.is_file(), f"missing pack file {path}"
    return path.read_text(encoding="utf-8")


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load(_read(name))
    assert isinstance(data, dict), f"{name}.yaml is not a mapping"
    return data


def duplicate_keys(text: str) -> list[str]:
    """Keys repeated within one mapping anywhere in the document (safe_load keeps the last)."""
    found: list[str] = []

    def walk(node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                if name in seen:
                    found.append(f"{path}{name} (line {key.start_mark.line + 1})")
                seen.add(name)
                walk(value, f"{path}{name}.")
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, f"{path}{index}.")

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, "")
    return found


def spec_dir() -> Path | None:
    candidates = [os.environ.get("ST_SPEC_DIR"), REPO.parent / "shared" / "spec"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "rules.md").is_file():
            return Path(candidate)
    return None


def same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    return type(default) is type(value)


@pytest.fixture(scope="module")
def national() -> dict[str, Any]:
    return load("national")


# --------------------------------------------------------------------------- the spec


def test_expected_codes_match_the_spec_when_reachable() -> None:
    spec = spec_dir()
    if spec is None:
        pytest.skip("shared/spec not reachable; set ST_SPEC_DIR to check against rules.md")
    rules_md = (spec / "rules.md").read_text(encoding="utf-8")
    in_tables = re.findall(r"^\| ([A-Z]{1,2}\d{3}) \|", rules_md, flags=re.MULTILINE)
    assert sorted(in_tables) == sorted(RULE_CODES)
    assert len(set(in_tables)) == len(in_tables)

    fmt = (spec / "portfolio-format.md").read_text(encoding="utf-8")
    ranges = re.findall(r"([A-Za-z]+)(\d+)…\1?(\d+)", fmt.split("## Delmål codes", 1)[1])
    listed: list[str] = []
    for prefix, first, last in ranges:
        listed += [f"{prefix}{n}" for n in range(int(first), int(last) + 1)]
    expected = DELMAL_CODES["sosfs-2015-8"] + DELMAL_CODES["hslf-fs-2021-8"]
    assert sorted(listed) == sorted(expected)


# --------------------------------------------------------------------------- rule packs


@pytest.mark.parametrize("name", ["national", *OVERRIDE_PACKS])
def test_pack_header_and_no_duplicate_keys(name: str) -> None:
    assert duplicate_keys(_read(name)) == []
    data = load(name)
    assert data["pack"] == name
    assert isinstance(data["pack_version"], str) and data["pack_version"]
    assert isinstance(data["rules"], dict) and data["rules"]


def test_national_has_every_rule_code_exactly_once(national: dict[str, Any]) -> None:
    # exactly once: duplicates are caught by test_pack_header_and_no_duplicate_keys
    text = _read("national")
    for code in [*RULE_CODES, *ADDED_CODES]:
        hits = re.findall(rf"^  {code}:", text, flags=re.MULTILINE)
        assert len(hits) == 1, f"{code} appears {len(hits)} times in national.yaml"
    assert sorted(national["rules"]) == sorted([*RULE_CODES, *ADDED_CODES])


def test_national_entries_are_complete(national: dict[str, Any]) -> None:
    for code, entry in national["rules"].items():
        assert isinstance(entry, dict), code
        assert set(entry) <= NATIONAL_KEYS, (code, set(entry) - NATIONAL_KEYS)
        assert entry["severity"] in SEVERITIES, code
        assert isinstance(entry["active"], bool), code
        assert isinstance(entry["params"], dict), code
        assert isinstance(entry["tool_defaults"], list), code
        for param in entry["tool_defaults"]:
            assert param in entry["params"], f"{code}: tool default {param} is not a param"
        assert isinstance(entry["source"], str) and entry["source"].strip(), code
        assert isinstance(entry.get("confidence"), str) and entry["confidence"].strip(), code
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", p) for p in entry["params"]), code


def test_severity_error_only_for_data_rules(national: dict[str, Any]) -> None:
    errors = {c for c, e in national["rules"].items() if e["severity"] == "error"}
    assert errors <= {c for c in RULE_CODES if c[0] in "DP"}
    assert national["rules"]["P001"]["severity"] == "error"
    assert national["rules"]["P001"]["active"] is True


# rules.md v2: the summer window exists only in Gävleborg, so its parameters are that
# region's own (a portfolio elsewhere cannot set them: it has no summer window).
REGION_ONLY_PARAMS = {("gavleborg", "H001"): {"summer_max_gap_days"},
                      ("gavleborg", "H002"): {"summer_start", "summer_end"}}


@pytest.mark.parametrize("name", OVERRIDE_PACKS)
def test_overrides_name_national_codes_and_params(name: str, national: dict[str, Any]) -> None:
    rules = national["rules"]
    for code, override in load(name)["rules"].items():
        assert code in rules, f"{name}.yaml overrides unknown rule {code}"
        assert isinstance(override, dict) and override, (name, code)
        assert set(override) <= OVERRIDE_KEYS, (name, code, set(override) - OVERRIDE_KEYS)
        if "severity" in override:
            assert override["severity"] in SEVERITIES, (name, code)
        if "active" in override:
            assert isinstance(override["active"], bool), (name, code)
        assert isinstance(override.get("source"), str) and override["source"].strip(), (
            name, code)
        defaults = rules[code]["params"]
        for param, value in (override.get("params") or {}).items():
            if param in REGION_ONLY_PARAMS.get((name, code), set()):
                continue
            assert param in defaults, f"{name}.yaml {code}: param {param} not in national"
            assert same_kind(defaults[param], value), (name, code, param)
        for param in override.get("tool_defaults") or []:
            assert param in defaults or param in (override.get("params") or {}), (name, code)
        if "variant" in override:
            assert override["variant"] in VARIANTS.get(code, set()), (name, code)


def test_sfam_does_not_switch_rules(national: dict[str, Any]) -> None:
    # SFAM rules always apply: the SFAM layer refines values and sources only.
    for code, override in load("sfam")["rules"].items():
        assert "active" not in override and "severity" not in override, code


def test_region_only_rules_are_switched_on_by_a_region(national: dict[str, Any]) -> None:
    inactive = {c for c, e in national["rules"].items() if not e["active"]}
    switched_on: set[str] = set()
    for region in REGIONS:
        for code, override in load(region)["rules"].items():
            if override.get("active") is True:
                switched_on.add(code)
    assert inactive <= switched_on, inactive - switched_on


def test_region_markers_of_rules_md(national: dict[str, Any]) -> None:
    """Spot checks of the region markers and parameters that rules.md spells out."""
    rules = national["rules"]
    expected_inactive = {"H004", "H005", "H006", "PL001", "PL002", "PL003", "PL005", "PL006",
                         "K001", "K003", "K004", "M012", "M013"}
    assert {c for c, e in rules.items() if not e["active"]} == expected_inactive
    gavleborg = load("gavleborg")["rules"]
    vastmanland = load("vastmanland")["rules"]
    vgr = load("vgr")["rules"]
    assert set(vgr) >= {"PL001", "PL006", "K001", "K004", "H004", "T003"}
    assert set(gavleborg) >= {"H004", "H005", "H006", "PL002", "PL005", "M006", "M007", "M012",
                              "M013", "A001", "M008", "H001", "H002"}
    assert set(vastmanland) >= {"PL002", "PL003", "K003", "M010", "M013"}
    # rules.md v2 severities by region
    assert rules["A001"]["severity"] == "info" and gavleborg["A001"]["severity"] == "warning"
    assert rules["T003"]["severity"] == "info" and vgr["T003"]["severity"] == "warning"
    assert rules["M008"]["severity"] == "info" and gavleborg["M008"]["severity"] == "warning"
    assert rules["H001"]["tool_defaults"] == ["max_gap_days"]
    assert gavleborg["H001"]["params"] == {"summer_max_gap_days": 28}
    assert "summer_start" not in rules["H002"]["params"]
    assert rules["PL001"]["params"]["counts_with"] == {"beroende": "psykiatri"}
    assert gavleborg["PL002"]["variant"] == "contacted"
    assert vastmanland["PL002"]["variant"] == "form_sent"
    assert rules["M006"]["severity"] == "info" and gavleborg["M006"]["severity"] == "warning"
    assert rules["M010"]["severity"] == "info" and vastmanland["M010"]["severity"] == "warning"
    assert rules["M007"]["params"]["months_before_completion"] == 18
    assert gavleborg["M007"]["params"]["months_before_completion"] == 24
    assert rules["T002"]["tool_defaults"] == ["max_days"]
    assert rules["PL004"]["tool_defaults"] == ["grace_days"]


# --------------------------------------------------------------------------- delmål catalogs


@pytest.mark.parametrize("name", sorted(DELMAL_CODES))
def test_delmal_catalog(name: str) -> None:
    assert duplicate_keys(_read(name)) == []
    data = load(name)
    assert data["regulation"] == REGULATIONS[name]
    assert isinstance(data["pack_version"], str) and data["pack_version"]
    months, doctoral = REQUIRED_MONTHS[name]
    assert data["required_months"] == months
    assert data.get("required_months_doctoral") == doctoral
    assert isinstance(data.get("source"), str) and data["source"].strip()

    delmal = data["delmal"]
    assert list(delmal) == DELMAL_CODES[name]
    for code, entry in delmal.items():
        assert isinstance(entry, dict), code
        for field in ("title", "title_en", "source", "confidence"):
            assert isinstance(entry.get(field), str) and entry[field].strip(), (code, field)
        group = "bt" if code.startswith("BT") else code.removeprefix("ST")[0]
        assert entry["group"] == group, code
        requires = entry["requires"]
        assert isinstance(requires, list), code
        for any_of in requires:
            assert isinstance(any_of, list) and any_of, code
            assert set(any_of) <= ACTIVITY_WORDS, (code, set(any_of) - ACTIVITY_WORDS)
            assert len(set(any_of)) == len(any_of), code
        if group == "bt":
            # rules.md v2: a BT delmål needs at least one entry of any activity type
            assert requires == [["valfri_aktivitet"]], code
            assert entry["confidence"] == "unverified", code
        else:
            assert requires, f"{code} requires nothing"
        assert entry.get("note") is None or isinstance(entry["note"], str), code


def test_delmal_special_cases() -> None:
    sosfs = load("sosfs-2015-8")["delmal"]
    hslf = load("hslf-fs-2021-8")["delmal"]
    assert sosfs["b5"]["requires"] == [["klinisk_tjanstgoring", "auskultation"], ["kurs"]]
    # rules.md v2: c7/STc7 as a placement or an auskultation in gynekologi, obstetrik or
    # mödrahälsovård
    for c7 in (sosfs["c7"], hslf["STc7"]):
        assert c7["requires"] == [["klinisk_tjanstgoring", "auskultation"]]
        assert c7["requires_specialty"] == ["gynekologi", "obstetrik", "mvc"]
    assert not any(e.get("requires_specialty") for code, e in {**sosfs, **hslf}.items()
                   if code not in ("c7", "STc7"))
    assert hslf["STa3"]["certified_by"] == "sta3-intyg"
    assert sosfs["a5"]["requires"] == [["klinisk_tjanstgoring"], ["vetenskapligt_arbete"],
                                       ["kurs"]]
    assert all("medium" in sosfs[f"c{n}"]["confidence"] for n in range(1, 15))
    assert hslf["STa3"]["requires"] == [["eget_intyg"]] and hslf["STa3"]["note"]
    assert hslf["STc15"]["requires"] == [["klinisk_tjanstgoring", "kurs"]]
    for n in range(1, 14):
        assert hslf[f"STc{n}"]["requires"] == sosfs[f"c{n}"]["requires"], n
    # eget_intyg belongs to STa3 only
    for catalog in (sosfs, hslf):
        for code, entry in catalog.items():
            if code != "STa3":
                assert all("eget_intyg" not in g for g in entry["requires"]), code


@pytest.mark.parametrize(("name", "forms"), [
    ("hslf-fs-2021-8", {"auskultation": "Bilaga 8", "klinisk_tjanstgoring": "Bilaga 9",
                        "klinisk_tjanstgoring_primarvard": "Bilaga 9", "kurs": "Bilaga 10",
                        "kvalitetsarbete": "Bilaga 11", "eget_intyg": "Bilaga 12",
                        "valfri_aktivitet": "Bilaga 2"}),
    ("sosfs-2015-8", {"auskultation": "Bilaga 3", "klinisk_tjanstgoring": "Bilaga 4",
                      "klinisk_tjanstgoring_primarvard": "Bilaga 4", "kurs": "Bilaga 5",
                      "kvalitetsarbete": "Bilaga 6", "vetenskapligt_arbete": "Bilaga 7"}),
])
def test_every_required_type_has_its_form(name: str, forms: dict[str, str]) -> None:
    data = load(name)
    assert data["forms"] == forms
    required = {a for entry in data["delmal"].values() for g in entry["requires"] for a in g}
    assert required <= set(data["forms"]), required - set(data["forms"])


def test_vocabulary_matches_the_engine() -> None:
    from stcli.engine.catalog import ACTIVITY_TYPES

    assert set(ACTIVITY_TYPES) == ACTIVITY_WORDS


# --------------------------------------------------------------------------- engine reads them


@pytest.mark.parametrize("region", [None, *REGIONS])
def test_engine_builds_settings_from_the_packs(region: str | None) -> None:
    from stcli.engine.settings import base_settings

    settings = base_settings(region)
    assert sorted(settings) == sorted([*RULE_CODES, *ADDED_CODES])
    m007 = settings["M007"].params["months_before_completion"]
    assert m007 == (24 if region == "gavleborg" else 18)
    assert settings["PL002"].active is (region in {"gavleborg", "vastmanland"})
    assert settings["L001"].origin["params.mid_st"] == "sfam"
