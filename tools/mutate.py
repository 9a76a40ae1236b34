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
import contextlib
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TARGETS = ("stcli/engine", "stcli/rules")
EQUIVALENT_FILE = REPO / "tools" / "mutation-equivalent.txt"

# Engine module -> the fast test modules that exercise it (the rule modules are found by code).
TESTS: dict[str, tuple[str, ...]] = {
    "timecount": ("tests/test_timecount.py", "tests/test_progress_direct.py"),
    "progress": ("tests/test_progress_direct.py", "tests/test_rules_time.py"),
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
                    # a chained comparison has one node: say which operator
                    which = f" (operator {i + 1})" if len(node.ops) > 1 else ""
                    yield node, f"{_SYMBOL[type(op)]} -> {_SYMBOL[flip]}{which}", i
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
    prefix = code.lower()
    keyword = KEYWORDS.get(prefix, prefix)
    codes = [word.upper() for word in keyword.split() if word not in ("or", "and", "not")]
    # Quoted, so that "M001" does not also select every test naming "M0010".
    needles = [f'"{c}"' for c in codes] + [f"'{c}'" for c in codes]
    files = [str(p.relative_to(REPO)) for p in fast_test_modules()
             if p.name.startswith(("test_rules_", "test_boundaries_"))
             and any(n in p.read_text(encoding="utf-8") for n in needles)]
    return [*files, "-k", keyword] if files else []


class _Timeout(Exception):
    """A mutant ran past its time (an endless loop): the tests noticed, it is killed."""


def _rebind(old: dict[str, object], new: dict[str, object], module: str) -> None:
    """Point every stcli and tests module's names that held `old`'s functions and classes
    at `new`'s (a rule or engine function is imported by name into many modules)."""
    swap = {id(value): new[name] for name, value in old.items()
            if getattr(value, "__module__", None) == module and name in new}
    for loaded in list(sys.modules.values()):
        name = getattr(loaded, "__name__", "")
        if not isinstance(name, str) or not name.startswith(("stcli", "tests")) \
                or name == module:
            continue
        namespace = vars(loaded)
        for attr, value in list(namespace.items()):
            if id(value) in swap:
                namespace[attr] = swap[id(value)]


def worker(module: str, indices: list[int], pytest_args: list[str], timeout: float,
           results: Path) -> int:
    """Run the given mutants of `module` in this one process: the module's code is replaced
    in memory (no file is written), the tests run through pytest.main, and the module is put
    back. One interpreter start and one import of stcli for all of them."""
    import importlib
    import io
    import signal
    import types

    import pytest

    sys.path.insert(0, str(REPO))
    os.chdir(REPO)
    quiet = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *pytest_args]

    def run() -> int:
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            return int(pytest.main(quiet))

    name = module.removesuffix(".py").replace("/", ".")
    original = importlib.import_module(name)
    registry: dict[str, Any] = {}
    if name.startswith("stcli.rules."):
        from stcli.rules import REGISTRY, all_rules
        all_rules()
        registry = dict(REGISTRY)
    source = (REPO / module).read_text(encoding="utf-8")
    mutants = mutants_of(module)
    with results.open("w", encoding="utf-8") as out:
        if run() != 0:
            out.write("clean-failed\n")
            return 1

        def alarm(signum: int, frame: object) -> None:
            raise _Timeout(f"mutant ran over {timeout:.0f} s")

        signal.signal(signal.SIGALRM, alarm)
        saved = dict(vars(original))
        for index in indices:
            mutant = mutants[index]
            assert mutant.source == source
            fresh = types.ModuleType(name)
            for key in ("__file__", "__package__", "__spec__", "__loader__", "__path__"):
                if key in saved:
                    setattr(fresh, key, saved[key])
            if registry:
                from stcli.rules import REGISTRY
                for code, entry in registry.items():
                    if getattr(entry.check, "__module__", None) == name:
                        del REGISTRY[code]
            outcome = "killed"
            try:
                sys.modules[name] = fresh
                exec(compile(mutated_source(mutant), str(REPO / module), "exec"), vars(fresh))
                _rebind(saved, vars(fresh), name)
                signal.setitimer(signal.ITIMER_REAL, timeout)
                try:
                    outcome = "survived" if run() == 0 else "killed"
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            except _Timeout:
                outcome = "timeout"
            except Exception:  # the mutant does not even import: noticed
                outcome = "killed"
            finally:
                _rebind(vars(fresh), saved, name)
                sys.modules[name] = original
                if registry:
                    from stcli.rules import REGISTRY
                    REGISTRY.clear()
                    REGISTRY.update(registry)
            out.write(f"{index} {outcome}\n")
            out.flush()
    return 0


def run_module(module: str, mutants: list[Mutant], workers: int, timeout: float
               ) -> tuple[list[tuple[Mutant, str]], float] | str:
    """Spread the module's mutants over `workers` worker processes; (results, seconds)."""
    tests = tests_for(module)
    if not tests:
        return "no tests map to it"
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="st-mutate-"))
    try:
        procs = []
        for n in range(workers):
            chunk = list(range(n, len(mutants), workers))
            if not chunk:
                continue
            out = folder / f"w{n}.txt"
            command = [sys.executable, str(Path(__file__).resolve()), "--worker", module,
                       "--indices", ",".join(map(str, chunk)), "--timeout", str(timeout),
                       "--results", str(out), "--", *tests]
            procs.append((subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, cwd=REPO), out))
        outcome: dict[int, str] = {}
        for proc, out in procs:
            proc.wait()
            lines = out.read_text(encoding="utf-8").split() if out.exists() else []
            if lines[:1] == ["clean-failed"]:
                return "the tests fail without a mutant"
            for index, result in zip(lines[::2], lines[1::2], strict=True):
                outcome[int(index)] = result
        # a worker that died (a mutant that crashed the interpreter) left some unrun: killed
        return ([(m, outcome.get(i, "killed")) for i, m in enumerate(mutants)],
                time.monotonic() - started)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="words a module's file name contains")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds a mutant's tests may take (an endless loop is killed)")
    parser.add_argument("--report", type=Path, default=REPO / ".mutation" / "report.md")
    parser.add_argument("--min-score", type=float, default=90.0)
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--indices", help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.worker:
        # after "--" the test arguments land among the positionals
        return worker(args.worker, [int(i) for i in args.indices.split(",")],
                      [a for a in [*args.modules, *rest] if a != "--"], args.timeout,
                      args.results)

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

    started = time.monotonic()
    results: dict[str, list[tuple[Mutant, str]]] = {}
    lines: list[str] = []
    for module, mutants in plan.items():
        ran = run_module(module, mutants, max(1, args.workers), args.timeout)
        if isinstance(ran, str):
            print(f"{module}: {ran}, skipped", flush=True)
            continue
        done, seconds = ran
        results[module] = done
        print(_summary_line(module, done, equivalent, seconds), flush=True)
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
            f"equivalent; {clean:.0f} s)")
    alive = [m for m, o in done if o == "survived" and m.ident not in equivalent]
    return text + "".join(f"\n  survived {m.ident}" for m in alive)


if __name__ == "__main__":
    sys.exit(main())
