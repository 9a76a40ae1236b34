"""Speed of `st forms`: every form for the sample portfolio (budget: 2 s).

    python bench/forms.py [--runs 5] [--blanks DIR]

Runs `st forms sample-portfolio --blanks DIR -o TMP` as a fresh process, as a user runs it,
and reports the median wall time and the process's CPU time (user + system, which a
machine shared with other work does not inflate). The blanks default to ST_SHARED_DIR/forms
or ../shared/forms beside the repository (HSLF-FS 2021:8, the sample's regulation).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BUDGET = 2.0
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["ST_PERSONNUMMER"] = "19900101-0017"  # fictional; the run must not stop to ask


def _blanks(given: str | None) -> Path:
    for candidate in (given, os.environ.get("ST_SHARED_DIR") and
                      str(Path(os.environ["ST_SHARED_DIR"]) / "forms"),
                      str(REPO.parent / "shared" / "forms")):
        if candidate and (Path(candidate) / "hslf-fs-2021-8").is_dir():
            return Path(candidate) / "hslf-fs-2021-8"
        if candidate and Path(candidate).is_dir() and given:
            return Path(candidate)
    sys.exit("no blanks: pass --blanks DIR or set ST_SHARED_DIR")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--blanks")
    parser.add_argument("--as-of", default="2026-03-15")
    args = parser.parse_args()
    blanks = _blanks(args.blanks)
    walls, cpus = [], []
    count = 0
    for run in range(args.runs + 1):  # the first run warms caches and is not counted
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "stcli", "forms", str(REPO / "sample-portfolio"),
                 "--as-of", args.as_of, "--blanks", str(blanks), "-o", str(out)],
                capture_output=True, text=True, env=ENV)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if result.returncode != 0:
                sys.exit(f"st forms failed ({result.returncode}):\n{result.stderr}")
            count = len(list(out.rglob("*.pdf")))
            if run:
                walls.append(wall)
                cpus.append((after.ru_utime - before.ru_utime)
                            + (after.ru_stime - before.ru_stime))
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    verdict = "ok" if wall <= BUDGET else "OVER BUDGET"
    print(f"st forms, sample ({count} forms): median wall {wall:.2f} s, CPU {cpu:.2f} s "
          f"over {args.runs} runs; budget {BUDGET:.1f} s: {verdict}")


if __name__ == "__main__":
    main()
