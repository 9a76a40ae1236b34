"""Speed benchmarks: median wall time of whole `st` commands on generated portfolios.

    python bench/run.py [--runs 7] [--years 5]

Generates a portfolio with bench/generate.py into bench/generated/ (git-ignored), then times
`st validate` against `yamllint` on the same files (budget: median <= 0.4 s and <= 0.25 of
yamllint's), `st status` (<= 0.5 s; also with a planned parental leave ahead, which adds the line on
what it moves), the HTML annual report (<= 0.8 s), `st plan` with three changes (<= 0.5 s)
and `st calendar`. Each command runs
as a fresh process, as a user or pre-commit runs it: startup is most of the cost.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUDGETS = {"validate": 0.4, "status": 0.5, "status-leave": 0.5, "report-html": 0.8,
           "plan": 0.5}
# st plan's three changes, all after the generated portfolios' last day (2026-08-31)
PLAN_CHANGES = ("80% från 2027-01-01", "föräldraledighet 2027-03-01..2027-08-31",
                "sidotjanstgoring psykiatri 2027-02-01..2027-04-30")
PLANNED_LEAVE = "- kind: foraldraledighet\n  start: 2026-10-01\n  end: 2027-03-31\n"


def _generate(years: int) -> Path:
    spec = importlib.util.spec_from_file_location("st_bench_generate", HERE / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = HERE / "generated" / f"{years}y"
    if out.exists():
        shutil.rmtree(out)
    root: Path = module.generate(out, years, 1)
    return root


# As on a user's machine: Python may cache bytecode. With PYTHONDONTWRITEBYTECODE set (as
# in some sandboxes) an edited module is recompiled on every run, which is not what users see.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _median(command: list[str], runs: int, cwd: Path) -> tuple[float, int]:
    times = []
    code = 0
    # Warm the file and bytecode caches, and refuse to time a command that does not work
    # (a missing install times Python failing to start in 0.05 s).
    warm = subprocess.run(command, cwd=cwd, capture_output=True, env=ENV)
    broken = any(sign in warm.stderr for sign in (b"Traceback", b"No module named"))
    if warm.returncode not in (0, 1) or broken:
        sys.stderr.write(warm.stderr.decode(errors="replace"))
        raise SystemExit(f"bench: {' '.join(command)} failed (exit {warm.returncode})")
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, capture_output=True, env=ENV)
        times.append(time.perf_counter() - start)
        code = result.returncode
    return statistics.median(times), code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    root = _generate(args.years)
    files = sorted(str(p) for p in root.rglob("*.yaml"))
    size = sum(Path(f).stat().st_size for f in files)
    print(f"portfolio: {root} ({len(files)} files, {size / 1024:.0f} KiB)")
    st = [sys.executable, "-m", "stcli"]
    # The generator's portfolios end on 2026-08-31 whatever their length (bench/generate.py).
    as_of = ["--as-of", "2026-08-31"]
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # The same portfolio with a parental leave planned ahead (st status then also says
        # what it moves, computing the progress model once more without it).
        with_leave = Path(tmp) / "with-leave"
        shutil.copytree(root, with_leave)
        (with_leave / "leave" / "planned.yaml").write_text(PLANNED_LEAVE, encoding="utf-8")
        assume = [word for change in PLAN_CHANGES for word in ("--assume", change)]
        commands = {
            "validate": [*st, "validate", str(root), *as_of],
            "yamllint": [sys.executable, "-m", "yamllint", "-d", "relaxed", *files],
            "status": [*st, "status", str(root), *as_of],
            "status-leave": [*st, "status", str(with_leave), *as_of],
            "report-html": [*st, "report", "--annual", "--format", "html", "-o",
                            str(Path(tmp) / "r.html"), str(root), *as_of],
            "plan": [*st, "plan", str(root), *as_of, *assume],
            "calendar": [*st, "calendar", str(root), *as_of, "-o", str(Path(tmp) / "st.ics")],
        }
        for name, command in commands.items():
            median, code = _median(command, args.runs, HERE)
            results[name] = median
            budget = BUDGETS.get(name)
            verdict = "" if budget is None else (
                f"  budget {budget:.2f} s: {'ok' if median <= budget else 'OVER'}")
            print(f"{name:12} median {median:.3f} s over {args.runs} runs (exit {code}){verdict}")
    ratio = results["validate"] / results["yamllint"]
    print(f"validate / yamllint = {ratio:.3f}  budget 0.25: {'ok' if ratio <= 0.25 else 'OVER'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
