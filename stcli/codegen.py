"""Generate `stcli/model.py` (typed records and the loader's field table) from formatdef,
and `stcli/packs/compiled.json` from the pack YAML files.

Run `python -m stcli.codegen` after editing `stcli/formatdef.py` or a pack; `--check` exits 1
when a committed file is out of date (a test runs it).
"""

from __future__ import annotations

import datetime as dt
import sys
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types as at
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from stcli import formatdef

TARGET = Path(__file__).with_name("model.py")
_CONSTRAINT_NAMES = {
    at.Ge: "ge", at.Gt: "gt", at.Le: "le", at.Lt: "lt", at.MinLen: "min_length",
    at.MaxLen: "max_length",
}


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for cls, name in _CONSTRAINT_NAMES.items():
            if isinstance(item, cls):
                value = getattr(item, name)
                found[name] = int(value) if isinstance(value, Decimal | int) else value
        pattern = getattr(item, "pattern", None)
        if isinstance(pattern, str):
            found["pattern"] = pattern
        # pydantic's FieldInfo inside Annotated carries its own metadata list
        if isinstance(item, FieldInfo):
            found.update(_constraints(list(item.metadata)))
    return found


def _describe(tp: Any, metadata: list[Any]) -> tuple[Any, str, bool]:
    """(descriptor, python annotation, nullable) for one type."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        inner, *extra = get_args(tp)
        return _describe(inner, [*metadata, *extra])
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        nullable = len(args) < len(get_args(tp))
        if len(args) == 1:
            desc, ann, _ = _describe(args[0], metadata)
            return desc, f"{ann} | None" if nullable else ann, nullable
        parts = [_describe(a, metadata) for a in args]
        ann = " | ".join(p[1] for p in parts)
        return ("union", tuple(p[0] for p in parts), {}), (
            f"{ann} | None" if nullable else ann
        ), nullable
    cons = _constraints(metadata)
    if origin is Literal:
        return ("enum", tuple(get_args(tp)), cons), "str", False
    if origin is list:
        (inner,) = get_args(tp)
        desc, ann, _ = _describe(inner, [])
        return ("list", desc, cons), f"list[{ann}]", False
    if origin is dict:
        _, inner = get_args(tp)
        desc, ann, _ = _describe(inner, [])
        return ("dict", desc, cons), f"dict[str, {ann}]", False
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return ("model", tp.__name__, cons), tp.__name__, False
    if tp is dt.date:
        kind = "year_or_date" if formatdef.YEAR_ALLOWED in metadata else "date"
        return (kind, None, cons), "dt.date", False
    simple = {str: ("str", "str"), int: ("int", "int"), bool: ("bool", "bool"),
              Decimal: ("decimal", "Decimal")}
    if tp in simple:
        kind, ann = simple[tp]
        return (kind, None, cons), ann, False
    if tp is Any:
        return ("any", None, cons), "Any", False
    raise TypeError(f"codegen: unsupported type {tp!r}")


def _models() -> list[type[BaseModel]]:
    found = [
        obj for obj in vars(formatdef).values()
        if isinstance(obj, type) and issubclass(obj, BaseModel)
        and obj.__module__ == formatdef.__name__ and not obj.__name__.startswith("_")
    ]
    # Order so that a model is defined before the models that refer to it.
    ordered: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in ordered:
            return
        for info in model.model_fields.values():
            for ref in _referenced(info.annotation):
                visit(ref)
        ordered.append(model)

    for model in sorted(found, key=lambda m: m.__name__):
        visit(model)
    return ordered


def _referenced(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for a in get_args(tp) for m in _referenced(a)]


def _default_repr(info: FieldInfo, model_names: set[str]) -> str | None:
    if info.is_required():
        return None
    if info.default_factory is not None:
        factory = info.default_factory
        name = getattr(factory, "__name__", "")
        if name in model_names or name in ("list", "dict"):
            return f"field(default_factory={name})"
        raise TypeError(f"codegen: unsupported default factory {factory!r}")
    default = info.default
    if isinstance(default, Decimal):
        return f'Decimal("{default}")'
    return repr(default)


def generate() -> str:
    models = _models()
    names = {m.__name__ for m in models}
    out: list[str] = [
        '"""GENERATED by `python -m stcli.codegen` from stcli/formatdef.py: do not edit.',
        "",
        "Typed records of the portfolio format and the field table the loader converts",
        "each YAML value by. Plain classes with __slots__ (cheaper to import than dataclasses),",
        "so that `st validate` need not import pydantic. Records are read-only by convention.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import datetime as dt",
        "from decimal import Decimal",
        "from typing import Any, NamedTuple",
        "",
        f"FORMAT_VERSION = {formatdef.FORMAT_VERSION}",
        "",
        "",
        "class FieldSpec(NamedTuple):",
        "    key: str  # as written in YAML",
        "    attr: str  # the record's attribute",
        "    type: Any  # descriptor: (kind, argument, constraints)",
        "    required: bool",
        "    nullable: bool",
        "",
        "",
    ]
    table: list[str] = ["FIELDS: dict[str, tuple[FieldSpec, ...]] = {"]
    for model in models:
        doc = (model.__doc__ or "").strip().splitlines()
        fields = list(model.model_fields.items())
        out.append(f"class {model.__name__}:")
        if doc:
            out.append(f'    """{doc[0]}"""')
            out.append("")
        slots = ", ".join(repr(attr) for attr, _ in fields)
        out.append(f"    __slots__ = ({slots},)")
        out.append("")
        params: list[str] = []
        body: list[str] = []
        table.append(f"    {model.__name__!r}: (")
        for attr, info in fields:
            desc, ann, nullable = _describe(info.annotation, list(info.metadata))
            out.append(f"    {attr}: {ann}")
            default = _default_repr(info, names)
            if default is None:
                params.append(f"{attr}: {ann}")
                body.append(f"self.{attr} = {attr}")
            elif default.startswith("field(default_factory="):
                factory = default[len("field(default_factory="):-1]
                params.append(f"{attr}: {ann} | None = None")
                body.append(f"self.{attr} = {factory}() if {attr} is None else {attr}")
            else:
                params.append(f"{attr}: {ann} = {default}")
                body.append(f"self.{attr} = {attr}")
            key = info.alias or attr
            table.append(
                f"        FieldSpec({key!r}, {attr!r}, {desc!r}, "
                f"{info.is_required()!r}, {nullable!r}),"
            )
        table.append("    ),")
        out.append("")
        out.append(f"    def __init__(self, *, {', '.join(params)}) -> None:")
        out.extend(f"        {line}" for line in body)
        out.append("")
        key_items = ", ".join(f"self.{attr}" for attr, _ in fields)
        out.append("    def _key(self) -> tuple[Any, ...]:")
        out.append(f"        return ({key_items},)")
        out.append("")
        out.append("    def __eq__(self, other: object) -> bool:")
        out.append(
            f"        return isinstance(other, {model.__name__}) and self._key() == other._key()"
        )
        out.append("")
        out.append("    def __hash__(self) -> int:")
        out.append("        return hash(self._key())")
        out.append("")
        out.append("    def __repr__(self) -> str:")
        reprs = ", ".join(f"{attr}={{self.{attr}!r}}" for attr, _ in fields)
        out.append(f'        return f"{model.__name__}({reprs})"')
        out.append("")
        out.append("")
    table.append("}")
    out.extend(table)
    out.append("")
    kinds = ", ".join(f"{k!r}: {v.__name__}" for k, v in formatdef.KIND_MODELS.items())
    out.append(f"KIND_RECORDS: dict[str, type[Any]] = {{{kinds}}}")
    out.append("KINDS: tuple[str, ...] = tuple(KIND_RECORDS)")
    out.append(f"SPECIALTIES: tuple[str, ...] = {formatdef.SPECIALTIES!r}")
    out.append("")
    return "\n".join(out)


def generate_packs() -> str:
    """Every pack in stcli/packs/*.yaml as one JSON document, read at run time instead of the
    YAML (the YAML stays the source: json.loads takes 0.6 ms where PyYAML took 15-20)."""
    import json

    import yaml

    packs = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
             for path in sorted(PACKS_SOURCE.glob("*.yaml"))}
    # Keys in YAML order (not sorted): the order of delmål is the order status shows.
    return json.dumps(packs, ensure_ascii=False, indent=1) + "\n"


PACKS_SOURCE = Path(__file__).with_name("packs")
PACKS_TARGET = PACKS_SOURCE / "compiled.json"


def main(argv: list[str]) -> int:
    outputs = {TARGET: generate(), PACKS_TARGET: generate_packs()}
    if "--check" in argv:
        stale = [path for path, text in outputs.items()
                 if not path.exists() or path.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"stcli/{path.relative_to(TARGET.parent).as_posix()} is out of date: "
                  "run python -m stcli.codegen", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
