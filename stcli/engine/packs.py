"""Reading pack files: the package's own (stcli/packs/) and a portfolio's."""

from __future__ import annotations

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
def package_pack(name: str) -> dict[str, Any]:
    """A pack shipped with st, by file stem (`national`, `gavleborg`, `hslf-fs-2021-8`)."""
    path = PACK_DIR / f"{name}.yaml"
    if not path.exists():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return data if isinstance(data, dict) else {}


def regulation_pack_name(regulation: str) -> str:
    return {"SOSFS 2015:8": "sosfs-2015-8", "HSLF-FS 2021:8": "hslf-fs-2021-8"}[regulation]


def read_user_pack(path: Path) -> dict[str, Any]:
    """A portfolio's own pack file; raises ValueError with a reason the caller reports."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(str(error)) from error
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise ValueError(str(error).splitlines()[0]) from error
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    return data
