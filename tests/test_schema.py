"""`st schema`: JSON Schema from the pydantic models, checked by an independent validator.

check-jsonschema (its own YAML reader: dates as strings, YAML 1.2) must accept every file of
the sample portfolio and reject the schema-level defects of the broken corpus.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stcli.cli import app
from stcli.cli.cmd_schema import complete_schema_name
from stcli.model import KINDS
from stcli.schema import DRAFT, kind_schema, profile_schema, write_schemas
from tests.conftest import SAMPLE, requires

CORPUS = Path(__file__).resolve().parent / "corpus"
runner = CliRunner()
CHECKER = shutil.which("check-jsonschema")
needs_checker = requires(CHECKER is not None, "check-jsonschema is not on PATH (it comes with "
                         "the dev dependencies: pip install --require-hashes -r "
                         "requirements/dev.lock)")


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schemas")
    write_schemas(folder)
    return folder


def _check(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    assert CHECKER is not None
    return subprocess.run([CHECKER, "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, check=False)


def test_every_schema_is_draft_2020_12_and_names_its_files(schemas: Path) -> None:
    names = sorted(p.name for p in schemas.iterdir())
    assert names == sorted(f"{n}.schema.json" for n in ("st", *KINDS))
    for path in schemas.iterdir():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["$schema"] == DRAFT


def test_kind_file_is_one_entry_or_a_list() -> None:
    schema = kind_schema("supervision")
    ref = {"$ref": "#/$defs/Supervision"}
    assert ref in schema["oneOf"]
    assert {"type": "array", "items": ref} in schema["oneOf"]
    entry = schema["$defs"]["Supervision"]
    assert entry["additionalProperties"] is False
    assert entry["patternProperties"] == {"^x_": {}}
    assert set(entry["required"]) == {"date", "minutes"}


def test_profile_uses_yaml_keys() -> None:
    schema = profile_schema()
    step = schema["$defs"]["EmploymentStep"]
    assert "from" in step["properties"] and "from_" not in step["properties"]


@needs_checker
def test_check_jsonschema_accepts_the_sample(schemas: Path) -> None:
    result = _check(schemas / "st.schema.json", SAMPLE / "st.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    for kind in KINDS:
        files = sorted((SAMPLE / kind).rglob("*.yaml"))
        assert files, kind
        result = _check(schemas / f"{kind}.schema.json", *files)
        assert result.returncode == 0, kind + result.stdout + result.stderr


@needs_checker
@pytest.mark.parametrize(("case", "rel"), [
    ("unknown-key", "supervision/2025.yaml"),
    ("wrong-types", "supervision/2025.yaml"),
    ("unknown-vocabulary", "leave/2025.yaml"),
    ("missing-fields", "placements/p.yaml"),
])
def test_check_jsonschema_rejects_schema_level_defects(schemas: Path, case: str,
                                                       rel: str) -> None:
    kind = rel.split("/")[0]
    result = _check(schemas / f"{kind}.schema.json", CORPUS / case / rel)
    assert result.returncode == 1, result.stdout


@needs_checker
def test_date_order_is_not_schema_level(schemas: Path) -> None:
    rel = "courses/2025-konsultation.yaml"
    result = _check(schemas / "courses.schema.json", CORPUS / "end-before-start" / rel)
    assert result.returncode == 0, result.stdout


@needs_checker
@pytest.mark.parametrize(("text", "ok"), [
    ("- {date: 2025-01-14, minutes: 60, x_mood: good}\n", True),
    ("date: 2025-01-14\nminutes: 60\nnotes:\n", True),  # empty optional field
    ("", True),  # empty file
    ("- {date: 2025-02-30, minutes: 60}\n", False),  # no such day
    ("- {date: 14/1 2025, minutes: 60}\n", False),
    ("- {date: 2025-01-14, minutes: 0}\n", False),
    ("- {date: 2025-01-14, minutes: 60, form: enskild}\n", False),
    ("- {date: 2025-01-14, minutes: 60, y_mood: good}\n", False),
])
def test_user_keys_empty_fields_and_dates(schemas: Path, tmp_path: Path, text: str,
                                          ok: bool) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = _check(schemas / "supervision.schema.json", path)
    assert (result.returncode == 0) == ok, result.stdout


@needs_checker
def test_year_alone_allowed_for_supervisor_training(schemas: Path, tmp_path: Path) -> None:
    path = tmp_path / "st.yaml"
    path.write_text("trainee: T\nregulation: HSLF-FS 2021:8\nstart: 2024-09-01\n"
                    "home_unit: VC\nsupervisors:\n  - {id: a, name: A, training: 2021}\n",
                    encoding="utf-8")
    assert _check(schemas / "st.schema.json", path).returncode == 0


def test_cli_writes_folder_and_prints_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schema", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "schemas" / "placements.schema.json").is_file()
    result = runner.invoke(app, ["schema", "-o", "out"])
    assert result.exit_code == 0 and (tmp_path / "out" / "st.schema.json").is_file()
    result = runner.invoke(app, ["schema", "--kind", "leave"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$defs"]["Leave"]["type"] == "object"
    result = runner.invoke(app, ["schema", "--kind", "nope"])
    assert result.exit_code == 2


def test_schema_name_completion() -> None:
    assert complete_schema_name("p") == ["placements"]
    assert "st" in complete_schema_name("")
