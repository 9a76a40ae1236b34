"""JSON Schema (draft 2020-12) of the portfolio format, generated from `stcli/formatdef.py`.

For editors (the YAML extension of VS Code) and independent validators (check-jsonschema).
The schemas follow the loader where plain pydantic output would be stricter or looser:

- every object that forbids unknown keys allows the user's own `x_…` keys
  (`patternProperties: {"^x_": {}}`), as the loader ignores them;
- an optional field may be written empty (`null`): the loader then uses its default;
- a kind file holds one entry, a list of entries, or nothing (an empty file);
- dates are strings with `format: date` (YAML readers for JSON Schema, check-jsonschema
  among them, read YAML timestamps as strings); a year alone is allowed where the loader
  allows it (`training: 2021`).

What a schema cannot say stays with `st validate`: date order, references to supervisor ids,
delmål codes of the regulation, and the loader's reading of every scalar as written text
(`title: 2025` is a number to a schema reader, text to st).

pydantic is imported here, never on the validate path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "https://st-portfolio.invalid/schema/v1/"
PROFILE_SCHEMA = "st"


def _allow_user_keys(node: Any) -> None:
    """Walk a schema: objects closed to unknown keys still accept `x_` keys."""
    if isinstance(node, dict):
        if node.get("additionalProperties") is False:
            node.setdefault("patternProperties", {})["^x_"] = {}
        properties = node.get("properties")
        if isinstance(properties, dict):
            required = set(node.get("required", []))
            for name, prop in properties.items():
                if name not in required:
                    properties[name] = _nullable(prop)
        for value in node.values():
            _allow_user_keys(value)
    elif isinstance(node, list):
        for item in node:
            _allow_user_keys(item)


def _accepts_null(prop: dict[str, Any]) -> bool:
    if prop.get("type") == "null":
        return True
    return any(isinstance(o, dict) and o.get("type") == "null"
               for o in prop.get("anyOf", []))


def _nullable(prop: Any) -> Any:
    if not isinstance(prop, dict) or _accepts_null(prop):
        return prop
    keep = {k: prop[k] for k in ("title", "description", "default") if k in prop}
    inner = {k: v for k, v in prop.items() if k not in keep}
    if "anyOf" in inner and len(inner) == 1:
        options = [*inner["anyOf"], {"type": "null"}]
    else:
        options = [inner, {"type": "null"}]
    return {**keep, "anyOf": options}


def _model_schema(model: Any) -> dict[str, Any]:
    schema: dict[str, Any] = model.model_json_schema(by_alias=True, mode="validation")
    _allow_user_keys(schema)
    return schema


def profile_schema() -> dict[str, Any]:
    """The schema of `st.yaml`."""
    from stcli.formatdef import Profile

    body = _model_schema(Profile)
    return {"$schema": DRAFT, "$id": f"{ID_BASE}{PROFILE_SCHEMA}.schema.json", **body}


def kind_schema(kind: str) -> dict[str, Any]:
    """The schema of a file of one kind: one entry, a list of entries, or an empty file."""
    from stcli.formatdef import KIND_MODELS

    model = KIND_MODELS[kind]
    body = _model_schema(model)
    defs: dict[str, Any] = body.pop("$defs", {})
    name = model.__name__
    defs[name] = body
    ref = {"$ref": f"#/$defs/{name}"}
    return {
        "$schema": DRAFT,
        "$id": f"{ID_BASE}{kind}.schema.json",
        "title": f"st: {kind}/*.yaml",
        "description": f"One {name} entry, a list of them, or an empty file.",
        "oneOf": [ref, {"type": "array", "items": ref}, {"type": "null"}],
        "$defs": defs,
    }


def schema_names() -> tuple[str, ...]:
    """`st` and the seven kinds: the names `st schema --kind` takes."""
    from stcli.model import KINDS

    return (PROFILE_SCHEMA, *KINDS)


def schema_for(name: str) -> dict[str, Any]:
    return profile_schema() if name == PROFILE_SCHEMA else kind_schema(name)


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder` (created when missing), atomically; the paths written."""
    from stcli.fileio import atomic_write

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in schema_names():
        path = folder / file_name(name)
        atomic_write(path, dumps(schema_for(name)).encode("utf-8"))
        written.append(path)
    return written
