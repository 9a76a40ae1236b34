"""stcli/model.py is generated from the pydantic models and must match them."""

from __future__ import annotations

from stcli import codegen, formatdef, model


def test_generated_model_is_up_to_date() -> None:
    assert codegen.main(["--check"]) == 0, "run: python -m stcli.codegen"


def test_every_pydantic_field_is_in_the_field_table() -> None:
    for name, cls in formatdef.KIND_MODELS.items():
        record = model.KIND_RECORDS[name]
        keys = {spec.key for spec in model.FIELDS[record.__name__]}
        aliases = {info.alias or attr for attr, info in cls.model_fields.items()}
        assert keys == aliases, name
