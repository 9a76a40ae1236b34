"""Reading pack files: the package's own (stcli/packs/) and a portfolio's."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PACK_DIR = Path(__file__).resolve().parent.parent / "packs"

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@cache
def _compiled_packs() -> dict[str, Any]:
    # stcli/packs/compiled.json is generated from the YAML by `python -m stcli.codegen` (a
    # test keeps the two equal); reading JSON instead of YAML saves ~15 ms of every run.
    data = json.loads((PACK_DIR / "compiled.json").read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def package_pack(name: str) -> dict[str, Any]:
    """A pack shipped with st, by file stem (`national`, `gavleborg`, `hslf-fs-2021-8`)."""
    data = _compiled_packs().get(name)
    return data if isinstance(data, dict) else {}


def regulation_pack_name(regulation: str) -> str:
    return {"SOSFS 2015:8": "sosfs-2015-8", "HSLF-FS 2021:8": "hslf-fs-2021-8"}[regulation]


def read_user_pack(path: Path) -> dict[str, Any]:
    """A portfolio's own pack file; raises ValueError with a reason the caller reports.

    The same limits as portfolio files (a regular file, size, nesting depth: a FIFO or
    /dev/zero must not hang, deep nesting must not crash libyaml), and the shape of `rules:`
    and `delmal:` is checked here so that the settings and the catalog can trust it.
    """
    import stat

    from stcli.load import MAX_FILE_BYTES, too_deep

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a file")
        if info.st_size > MAX_FILE_BYTES:
            raise ValueError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise ValueError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(str(error)) from error
    try:
        if too_deep(text):
            raise ValueError("nested too deep")
        data = yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError) as error:
        raise ValueError(str(error).splitlines()[0] if str(error) else type(error).__name__
                         ) from error
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    _check_shape(data)
    return data


_SEVERITIES = ("error", "warning", "info")


def _check_shape(data: dict[str, Any]) -> None:
    rules = data.get("rules")
    if rules is not None:
        if not isinstance(rules, dict):
            raise ValueError("rules: not a mapping")
        for code, override in rules.items():
            if override is None:
                continue
            if not isinstance(override, dict):
                raise ValueError(f"rules.{code}: not a mapping")
            if "severity" in override and override["severity"] not in _SEVERITIES:
                raise ValueError(f"rules.{code}.severity: one of {', '.join(_SEVERITIES)}")
            if "active" in override and not isinstance(override["active"], bool):
                raise ValueError(f"rules.{code}.active: true or false")
            if "params" in override and not isinstance(override["params"], dict):
                raise ValueError(f"rules.{code}.params: not a mapping")
            if "tool_defaults" in override and not isinstance(
                    override["tool_defaults"], (list, type(None))):
                raise ValueError(f"rules.{code}.tool_defaults: not a list")
    delmal = data.get("delmal")
    if delmal is not None:
        if not isinstance(delmal, dict):
            raise ValueError("delmal: not a mapping")
        for code, entry in delmal.items():
            if entry is None:
                continue
            if not isinstance(entry, dict):
                raise ValueError(f"delmal.{code}: not a mapping")
            requires = entry.get("requires")
            if requires is not None and not (
                    isinstance(requires, list)
                    and all(isinstance(group, list) for group in requires)
                    and all(isinstance(a, (str, int)) for group in requires for a in group)):
                raise ValueError(f"delmal.{code}.requires: a list of lists of activities")
            specialties = entry.get("requires_specialty")
            if specialties is not None and not (
                    isinstance(specialties, list)
                    and all(isinstance(a, str) for a in specialties)):
                raise ValueError(f"delmal.{code}.requires_specialty: a list of specialties")
            for name in ("group", "title", "title_en", "source", "confidence", "note",
                         "note_en", "certified_by"):
                if isinstance(entry.get(name), (dict, list)):
                    raise ValueError(f"delmal.{code}.{name}: not text")
