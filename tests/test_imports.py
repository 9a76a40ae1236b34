"""`st validate` runs on every commit: it must not load the heavy libraries it does not need."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import SAMPLE

SNIPPET = """
import sys
from stcli.cli import app
try:
    app(["validate", sys.argv[1], "--as-of", "2026-03-15"])
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)))
"""


def test_validate_keeps_heavy_imports_out() -> None:
    result = subprocess.run([sys.executable, "-c", SNIPPET, str(SAMPLE)], text=True,
                            capture_output=True, check=True)
    modules = set(result.stdout.split())
    assert "stcli.engine.evaluate" in modules  # the run really validated
    forbidden = {"jinja2", "pydantic", "rich.table", "rich.layout", "ruamel.yaml",
                 "stcli.formatdef"}
    assert not forbidden & modules, forbidden & modules
