"""Speed of `st cohort` over generated five-year portfolios: cold and warm medians.

    python bench/cohort.py [--sizes 50 100 200] [--runs 3] [--distinct 10] [--git]

Writes `sizes` portfolios into bench/generated/cohort/ (git-ignored): `distinct` portfolios
from bench/generate.py (seeds 1.., the three regions in turn) copied to reach each size, so
that generating does not dominate; every copy is its own folder, so it has its own cache key
and is judged on its own. With `--git` each portfolio is a committed git repository (the
cache key is then its tree, found with two `git` calls per portfolio).

CPU: user + system seconds of `st` and its worker processes, which load on the machine
changes far less than wall time (on an idle 2-core machine wall is about CPU / 2 cold).
Cold: an empty row cache (a new XDG_CACHE_HOME) each run; the OS file cache is warm. Warm:
the same command again over unchanged portfolios. Each run is a fresh `st` process.
Budget (issue 17): 100 portfolios <= 6 s cold, <= 1.5 s warm, time linear in the count.
The load average is printed with the figures: other processes on the machine slow it.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = "2026-08-31"  # the generated portfolios' last day
BUDGET_COLD, BUDGET_WARM, BUDGET_SIZE = 6.0, 1.5, 100
REGIONS = ("gavleborg", "vgr", "vastmanland")
GIT = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org",
       "-c", "commit.gpgsign=false"]
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("st_bench_generate", HERE / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(folder: Path, size: int, distinct: int, git: bool) -> Path:
    generate = _generator().generate  # type: ignore[attr-defined]
    sources = folder / "sources"
    if not sources.exists():
        for seed in range(1, distinct + 1):
            generate(sources / f"s{seed}", 5, seed, region=REGIONS[seed % len(REGIONS)])
    cohort = folder / f"n{size}"
    if cohort.exists():
        shutil.rmtree(cohort)
    for n in range(size):
        target = cohort / f"trainee-{n:04d}"
        shutil.copytree(sources / f"s{n % distinct + 1}", target)
        if git:
            subprocess.run([*GIT, "init", "-q", str(target)], check=True)
            subprocess.run([*GIT, "-C", str(target), "add", "-A"], check=True)
            subprocess.run([*GIT, "-C", str(target), "commit", "-qm", "bench"], check=True)
    return cohort


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system of the process and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1) or b"Traceback" in done.stderr:
        sys.stderr.write(done.stderr.decode(errors="replace"))
        raise SystemExit(f"bench: {' '.join(command)} failed (exit {done.returncode})")
    return elapsed, cpu


def measure(cohort: Path, runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (wall, CPU) seconds cold and warm."""
    command = [sys.executable, "-m", "stcli", "cohort", str(cohort), "--as-of", AS_OF,
               "--format", "json"]
    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            env = {**ENV, "XDG_CACHE_HOME": cache}
            cold.append(_time(command, env))
            warm.append(_time(command, env))
    return ((statistics.median(w for w, _ in cold), statistics.median(c for _, c in cold)),
            (statistics.median(w for w, _ in warm), statistics.median(c for _, c in warm)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--distinct", type=int, default=10)
    parser.add_argument("--git", action="store_true", help="commit each portfolio to git")
    args = parser.parse_args()
    folder = HERE / "generated" / ("cohort-git" if args.git else "cohort")
    print(f"cpus {os.cpu_count()}; {'git repositories' if args.git else 'plain folders'}")
    for size in args.sizes:
        cohort = build(folder, size, args.distinct, args.git)
        before = os.getloadavg()[0]
        (cold, cold_cpu), (warm, warm_cpu) = measure(cohort, args.runs)
        after = os.getloadavg()[0]
        verdict = ""
        if size == BUDGET_SIZE:
            verdict = (f"  budget cold {BUDGET_COLD} s: {'ok' if cold <= BUDGET_COLD else 'OVER'},"
                       f" warm {BUDGET_WARM} s: {'ok' if warm <= BUDGET_WARM else 'OVER'}")
        print(f"{size:4} portfolios: cold {cold:6.2f} s ({cold / size * 1000:5.1f} ms each), "
              f"warm {warm:5.2f} s; CPU cold {cold_cpu:6.2f} s, warm {warm_cpu:5.2f} s; "
              f"median of {args.runs}; load {before:.1f}->{after:.1f}"
              f"{verdict}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
