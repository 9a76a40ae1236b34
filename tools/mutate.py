#!/usr/bin/env python3
"""Mutation testing of the engine and the rules: does a test notice a one-token mistake?

    python tools/mutate.py                       # every module of stcli/engine and stcli/rules
    python tools/mutate.py progress d009 t002    # modules whose file name contains a word
    python tools/mutate.py --list m007           # the mutants only, nothing run
    python tools/mutate.py --workers 2 --timeout 60 --report .mutation/report.md

Each mutant changes one token of one module (the AST, unparsed back to source):
comparison flips (`<`<->`<=`, `>`<->`>=`, `==`<->`!=`, `in`<->`not in`, `is`<->`is not`),
an int constant +1 and -1, `and`<->`or`, `min`<->`max`, `return x` -> `return None` (not
in generators), a dropped `yield` statement and `+=`<->`-=`. It is written into a private
copy of the repository (one per worker; the working tree is never touched) and the tests
that concern the module run there (`pytest -x -q -p no:cacheprovider`, a per-mutant timeout).
A mutant is killed when they fail (or time out), it survives when they pass.

Which tests concern a module: `TESTS` below for the engine; for a rule module, every fast
test module that names its code (`"M007"`), see `tests_for`. Surviving mutants judged
equivalent (no behaviour a user can see changes) are listed with why in docs/mutation.md
and, by id, in tools/mutation-equivalent.txt; the score leaves them out.

The report (every mutant, killed or not, with its diff line) goes to `--report`
(.mutation/report.md by default, not committed); a summary with the score per module is
printed. Exit status 1 when a module is below `--min-score` (90 by default).
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import copy
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = ("stcli/engine", "stcli/rules")
EQUIVALENT_FILE = REPO / "tools" / "mutation-equivalent.txt"

# Engine module -> the fast test modules that exercise it (the rule modules are found by code).
TESTS: dict[str, tuple[str, ...]] = {
    "timecount": ("tests/test_timecount.py", "tests/test_progress_direct.py"),
    "progress": ("tests/test_progress_direct.py", "tests/test_timecount.py",
                 "tests/test_rules_time.py"),
    "deadlines": ("tests/test_progress_direct.py", "tests/test_status.py"),
    "records": ("tests/test_progress_direct.py",),
    "catalog": ("tests/test_rules_delmal.py", "tests/test_progress_direct.py"),
    "settings": ("tests/test_packs_data.py", "tests/test_rules_misc.py"),
    "packs": ("tests/test_packs_data.py",),
    "evaluate": ("tests/test_validate.py", "tests/test_rules_misc.py"),
    "agenda": ("tests/test_calendar.py",),
    "whatif": ("tests/test_plan.py",),
}
# Rule module -> the -k expression selecting its tests (default: its code in lower case, as
# test names start with it); G001's bt_open is G002's too.
KEYWORDS: dict[str, str] = {"g001": "g001 or g002"}
# Test modules too slow (browsers, git, pre-commit, subprocess-heavy) to run per mutant.
SLOW = {"test_report_browser.py", "test_precommit.py", "test_prompts.py", "test_fuzz.py",
        "test_corpus.py", "test_hostile.py", "test_docs.py", "test_init.py"}
COPY_IGNORE = shutil.ignore_patterns(".git", "__pycache__", "*.pyc", ".mypy_cache",
                                     ".ruff_cache", ".pytest_cache", ".hypothesis", ".mutation",
                                     "bench", "*.egg-info")


@dataclass(frozen=True)
class Mutant:
    module: str        # path relative to the repository
    source: str = field(repr=False, compare=False)  # the module as it was when planned
    index: int         # the n-th mutation site of the module (stable for unchanged source)
    line: int
    col: int
    what: str          # e.g. "< -> <="

    @property
    def ident(self) -> str:
        return f"{self.module}:{self.line}:{self.col}:{self.what}"


_COMPARE_FLIPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
_SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==",
           ast.NotEq: "!=", ast.In: "in", ast.NotIn: "not in", ast.Is: "is",
           ast.IsNot: "is not"}


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _is_generator(func: ast.AST) -> bool:
    for node in ast.walk(func):
        if node is not func and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                  ast.Lambda)):
            continue
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
    return False


def _sites(tree: ast.Module) -> Iterator[tuple[ast.AST, str, int]]:
    """Every (node, description, variant) that can be mutated, in a stable order."""
    skip = _docstring_nodes(tree)
    annotations: set[int] = set()
    for node in ast.walk(tree):
        for attr in ("annotation", "returns"):
            sub = getattr(node, attr, None)
            if sub is not None:
                annotations.update(id(n) for n in ast.walk(sub))
    generators: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _is_generator(node):
            generators.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skip or id(node) in annotations:
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                flip = _COMPARE_FLIPS.get(type(op))
                if flip is not None:
                    yield node, f"{_SYMBOL[type(op)]} -> {_SYMBOL[flip]}", i
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            yield node, f"{node.value} -> {node.value + 1}", 1
            yield node, f"{node.value} -> {node.value - 1}", -1
        elif isinstance(node, ast.BoolOp):
            yield node, "and -> or" if isinstance(node.op, ast.And) else "or -> and", 0
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("min", "max")):
            yield node, f"{node.func.id} -> {'max' if node.func.id == 'min' else 'min'}", 0
        elif (isinstance(node, ast.Return) and node.value is not None
              and not (isinstance(node.value, ast.Constant) and node.value.value is None)
              and id(node) not in generators):
            yield node, "return x -> return None", 0
        elif (isinstance(node, ast.Expr) and isinstance(node.value, (ast.Yield, ast.YieldFrom))):
            yield node, "drop yield", 0
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, (ast.Add, ast.Sub)):
            yield node, "+= -> -=" if isinstance(node.op, ast.Add) else "-= -> +=", 0


def mutants_of(module: str) -> list[Mutant]:
    source = (REPO / module).read_text(encoding="utf-8")
    return [Mutant(module, source, i, getattr(node, "lineno", 0),
                   getattr(node, "col_offset", 0), what)
            for i, (node, what, _) in enumerate(_sites(ast.parse(source)))]


def mutated_source(mutant: Mutant) -> str:
    tree = ast.parse(mutant.source)
    node, _, variant = list(_sites(tree))[mutant.index]
    if isinstance(node, ast.Compare):
        node.ops[variant] = _COMPARE_FLIPS[type(node.ops[variant])]()
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        node.value = node.value + variant
    elif isinstance(node, ast.BoolOp):
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        node.func.id = "max" if node.func.id == "min" else "min"
    elif isinstance(node, ast.Return):
        node.value = ast.Constant(None)
    elif isinstance(node, ast.Expr):
        _replace_statement(tree, node, ast.Pass())
    elif isinstance(node, ast.AugAssign):
        node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
    return ast.unparse(ast.fix_missing_locations(tree))


def _replace_statement(tree: ast.AST, old: ast.stmt, new: ast.stmt) -> None:
    for parent in ast.walk(tree):
        for attr in ("body", "orelse", "finalbody"):
            block = getattr(parent, attr, None)
            if isinstance(block, list) and old in block:
                block[block.index(old)] = copy.copy(new)
                return


def rule_code(module: str) -> str | None:
    stem = Path(module).stem
    head = stem.split("_", 1)[0]
    return head.upper() if any(ch.isdigit() for ch in head) else None


def fast_test_modules() -> list[Path]:
    return sorted(p for p in (REPO / "tests").glob("test_*.py") if p.name not in SLOW)


def tests_for(module: str) -> list[str]:
    """pytest arguments: the test files (and for a rule a -k expression by its code)."""
    stem = Path(module).stem
    if stem in TESTS:
        return [t for t in TESTS[stem] if (REPO / t).exists()]
    code = rule_code(module)
    if code is None:
        return []
    # Quoted, so that "M001" does not also select every test naming "M0010".
    needles = (f'"{code}"', f"'{code}'")
    files = [str(p.relative_to(REPO)) for p in fast_test_modules()
             if p.name.startswith(("test_rules_", "test_boundaries_"))
             and any(n in p.read_text(encoding="utf-8") for n in needles)]
    prefix = code.lower()
    return [*files, "-k", KEYWORDS.get(prefix, prefix)] if files else []


def run_tests(workdir: Path, tests: list[str], timeout: float) -> tuple[str, float]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(workdir),
           "PYTHONHASHSEED": "0"}
    env.pop("ST_UPDATE_GOLDEN", None)
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
             "-p", "no:randomly", *tests],
            cwd=workdir, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - started
    outcome = "survived" if done.returncode == 0 else "killed"
    if done.returncode not in (0, 1):  # 2-5: usage/collection errors also mean "noticed"
        outcome = "killed"
    return outcome, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="words a module's file name contains")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=0,
                        help="seconds per mutant (default: 4 x the module's clean run + 20)")
    parser.add_argument("--report", type=Path, default=REPO / ".mutation" / "report.md")
    parser.add_argument("--min-score", type=float, default=90.0)
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    args = parser.parse_args(argv)

    modules = sorted(str(p.relative_to(REPO)) for target in TARGETS
                     for p in (REPO / target).glob("*.py") if p.name != "__init__.py")
    if args.modules:
        modules = [m for m in modules if any(w in Path(m).name for w in args.modules)]
    equivalent = set()
    if EQUIVALENT_FILE.exists():
        equivalent = {line.split("#", 1)[0].strip() for line in
                      EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines()} - {""}
    plan = {m: mutants_of(m) for m in modules}
    if args.list:
        for mutants in plan.values():
            for mutant in mutants:
                print(mutant.ident)
        return 0

    workdirs: queue.Queue[Path] = queue.Queue()
    base = Path(tempfile.mkdtemp(prefix="st-mutate-"))
    for n in range(max(1, args.workers)):
        shutil.copytree(REPO, base / f"w{n}", ignore=COPY_IGNORE)
        workdirs.put(base / f"w{n}")
    started = time.monotonic()
    results: dict[str, list[tuple[Mutant, str]]] = {}
    lines: list[str] = []
    try:
        for module, mutants in plan.items():
            tests = tests_for(module)
            if not tests:
                print(f"{module}: no tests map to it, skipped", flush=True)
                continue
            probe = workdirs.get()
            outcome, clean = run_tests(probe, tests, 600)
            workdirs.put(probe)
            if outcome != "survived":
                print(f"{module}: the tests fail without a mutant ({outcome}), skipped",
                      flush=True)
                continue
            timeout = args.timeout or 4 * clean + 20

            def one(mutant: Mutant, tests: list[str] = tests, timeout: float = timeout
                    ) -> tuple[Mutant, str]:
                workdir = workdirs.get()
                target = workdir / mutant.module
                original = target.read_text(encoding="utf-8")
                try:
                    target.write_text(mutated_source(mutant), encoding="utf-8")
                    outcome, _ = run_tests(workdir, tests, timeout)
                finally:
                    target.write_text(original, encoding="utf-8")
                    workdirs.put(workdir)
                return mutant, outcome

            with concurrent.futures.ThreadPoolExecutor(args.workers) as pool:
                done = list(pool.map(one, mutants))
            results[module] = done
            print(_summary_line(module, done, equivalent, clean), flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    elapsed = time.monotonic() - started

    below = []
    lines.append(f"# Mutation report ({elapsed:.0f} s, {args.workers} workers)\n")
    lines.append("| module | mutants | killed | equivalent | survived | score |")
    lines.append("|---|---|---|---|---|---|")
    for module, done in results.items():
        killed, equiv, survived, score = _score(done, equivalent)
        lines.append(f"| {module} | {len(done)} | {killed} | {equiv} | {survived} | "
                     f"{score:.1f} % |")
        if score < args.min_score:
            below.append(module)
    lines.append("\n## Surviving mutants\n")
    for done in results.values():
        for mutant, outcome in done:
            if outcome == "survived":
                mark = " (equivalent)" if mutant.ident in equivalent else ""
                lines.append(f"- `{mutant.ident}`{mark}")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sum(len(d) for d in results.values())} mutants in {elapsed:.0f} s; "
          f"report: {args.report}")
    if below:
        print("below " + f"{args.min_score:.0f} %: " + ", ".join(below))
    return 1 if below else 0


def _score(done: list[tuple[Mutant, str]], equivalent: set[str]) -> tuple[int, int, int, float]:
    killed = sum(1 for _, o in done if o != "survived")
    equiv = sum(1 for m, o in done if o == "survived" and m.ident in equivalent)
    survived = len(done) - killed - equiv
    judged = killed + survived
    return killed, equiv, survived, 100.0 * killed / judged if judged else 100.0


def _summary_line(module: str, done: list[tuple[Mutant, str]], equivalent: set[str],
                  clean: float) -> str:
    killed, equiv, survived, score = _score(done, equivalent)
    text = (f"{module}: {score:.1f} % killed ({killed}/{killed + survived}, {equiv} "
            f"equivalent; tests {clean:.1f} s)")
    alive = [m for m, o in done if o == "survived" and m.ident not in equivalent]
    return text + "".join(f"\n  survived {m.ident}" for m in alive)


if __name__ == "__main__":
    sys.exit(main())
