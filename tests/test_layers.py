"""The layering of docs/ARCHITECTURE.md, enforced over the source (an AST walk, no imports run):

    model/load (and their leaves) -> engine/rules -> render -> command helpers -> cli

A module imports only from its own layer or the ones before it, at the top of the module or
inside a function alike (a function-level import is a dependency that is merely deferred).
Imports under `if TYPE_CHECKING:` are annotations, not dependencies, and are left out.
Only stcli/cli imports typer; only stcli/render imports rich and jinja2. And no two modules
import each other, directly or round a longer loop.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

STCLI = Path(__file__).resolve().parent.parent / "stcli"

# Layer of each top-level module and package of stcli (a new module must be placed here).
LAYERS: dict[str, int] = {
    # 0: the format, loading and the records every layer reads; I/O leaves
    "stcli": 0, "stcli.__init__": 0, "stcli.formatdef": 0, "stcli.model": 0, "stcli.load": 0,
    "stcli.portfolio": 0, "stcli.findings": 0, "stcli.i18n": 0, "stcli.pii": 0,
    "stcli.placement_setting": 0, "stcli.fileio": 0, "stcli.schema": 0, "stcli.codegen": 0,
    "stcli.hookconfig": 0, "stcli.packs": 0,
    # 1: the engine and the rules (pure: records in, figures and findings out); sign-offs
    "stcli.engine": 1, "stcli.rules": 1, "stcli.signoff": 1, "stcli.gitsign": 1,
    # st forms: what goes in which field (pure) and the PDF writer (pypdf only there)
    "stcli.forms": 1,
    # 2: rendering (text, rich, HTML/PDF through jinja2)
    "stcli.render": 2,
    # 3: what commands share: writing portfolios (st add, st init), generated docs
    "stcli.write": 3, "stcli.entry": 3, "stcli.docgen": 3,
    # st cohort: evaluates many portfolios in worker processes, rows from the status JSON
    "stcli.cohort": 3,
    # 4: the typer commands and the entry point
    "stcli.cli": 4, "stcli.__main__": 4,
}
LAYER_NAMES = ("model/load", "engine/rules", "render", "command helpers", "cli")
ONLY_IN = {"typer": "stcli.cli", "click": "stcli.cli", "rich": "stcli.render",
           "jinja2": "stcli.render"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(STCLI.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def unit(module: str) -> str:
    """The key of LAYERS a module belongs to: its package under stcli, or itself."""
    parts = module.split(".")
    if len(parts) >= 2 and (STCLI / parts[1]).is_dir():
        return ".".join(parts[:2])
    return module


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                hidden.update(id(n) for n in ast.walk(child))
    return hidden


def imports(path: Path, module: str | None = None) -> Iterator[tuple[int, str]]:
    """(line, imported module) of every runtime import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden = _type_checking_nodes(tree)
    package = (module or module_name(path)).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[:len(package) - node.level + 1], *filter(None, [base])])
            if node.module is None or (node.level and base == ".".join(package)):
                for alias in node.names:  # `from stcli import write`: the module itself
                    yield node.lineno, f"{base}.{alias.name}" if base else alias.name
            else:
                yield node.lineno, base


SOURCES = sorted(STCLI.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    unplaced = sorted({unit(module_name(p)) for p in SOURCES} - set(LAYERS))
    assert not unplaced, f"place these in LAYERS of {__file__}: {unplaced}"


def test_nothing_imports_upward() -> None:
    upward = []
    for path in SOURCES:
        source = unit(module_name(path))
        for line, target in imports(path):
            if not target.startswith("stcli"):
                continue
            target_unit = unit(target)
            if target_unit not in LAYERS and target_unit.rsplit(".", 1)[0] in LAYERS:
                target_unit = target_unit.rsplit(".", 1)[0]  # `from stcli import x` of a name
            if LAYERS.get(target_unit, 0) > LAYERS.get(source, 0):
                upward.append(f"{path.relative_to(STCLI.parent)}:{line}: "
                              f"{LAYER_NAMES[LAYERS[source]]} imports {target} "
                              f"({LAYER_NAMES[LAYERS[target_unit]]})")
    assert not upward, "\n".join(upward)


def test_typer_only_in_cli_rich_and_jinja2_only_in_render() -> None:
    wrong = []
    for path in SOURCES:
        module = module_name(path)
        for line, target in imports(path):
            home = ONLY_IN.get(target.split(".")[0])
            if home is not None and unit(module) != home:
                wrong.append(f"{path.relative_to(STCLI.parent)}:{line}: imports {target}")
    assert not wrong, "\n".join(wrong)


def _graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in SOURCES}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for _, target in imports(path):
            while target and target not in modules:  # `from stcli.x import name`
                target = target.rpartition(".")[0]
            if target and target != module and target != "stcli":
                graph[module].add(target)
    return graph


# Cycles inside one layer that came with newer modules, left to their owners (each module
# imports the other inside a function): listed so that no new one comes unnoticed, and
# checked to still exist so that the list shrinks when one is broken.
KNOWN_CYCLES = {
    frozenset({"stcli.entry", "stcli.write"}),  # write.render_record/split_list <-> record_name
    frozenset({"stcli.render.plan", "stcli.render.status"}),
    frozenset({"stcli.signoff", "stcli.gitsign"}),
}


def test_no_import_cycles() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    found = {frozenset(cycle) for cycle in cycles}
    new = [" -> ".join(c) for c in cycles if frozenset(c) not in KNOWN_CYCLES]
    assert not new, "import cycles:\n" + "\n".join(new)
    gone = [sorted(c) for c in KNOWN_CYCLES - found]
    assert not gone, f"broken, take them out of KNOWN_CYCLES: {gone}"


@pytest.mark.parametrize(("source", "expected"), [
    ("from stcli.render.status import x\n", ["stcli.render.status"]),
    ("def f():\n    import typer\n", ["typer"]),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from stcli.cli import x\n",
     ["typing"]),
    ("from . import progress\nfrom .records import Progress\n",
     ["stcli.engine.progress", "stcli.engine.records"]),
])
def test_the_walk_sees_function_level_imports_and_skips_type_checking(
        tmp_path: Path, source: str, expected: list[str]) -> None:
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    assert [target for _, target in imports(path, "stcli.engine.probe")] == expected
