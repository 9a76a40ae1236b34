"""`st cohort`'s work outside the engine: finding the portfolios, fetching git URLs,
the row cache and the worker processes.

Each portfolio is judged in a worker process by the same pipeline as `st status`
(engine/evaluate.py); a worker returns only the small row (engine/cohort.py), so memory
holds one portfolio per worker at a time. A row is cached under the user's cache folder
keyed by the portfolio's content: its git tree when it is a clean repository, otherwise
every file's path, size and modification time; plus the tool's version and the date judged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stcli.engine.cohort import empty_row, rank

MAX_DEPTH = 6  # how far below a given folder portfolios are looked for
GIT_TIMEOUT = 120  # seconds for one clone or fetch
# Only these transports for URLs from a list (no ext::, no fd::)
GIT_PROTOCOLS = "file:git:http:https:ssh"
_SCP_LIKE = re.compile(r"^[\w.-]+@[\w.-]+:")
PORTFOLIO_SIGNS = ("placements", "supervision", "milestones", ".git")


@dataclass()
class Target:
    """One portfolio to judge, or why there is none where one was named."""

    source: str  # as the user named it: a folder or a URL
    root: Path | None
    problem: str | None = None
    problem_args: dict[str, Any] = field(default_factory=dict)


@dataclass()
class CohortResult:
    rows: list[dict[str, Any]]
    as_of: dt.date
    cache_hits: int = 0
    evaluated: int = 0

    @property
    def incomplete(self) -> int:
        return sum(1 for row in self.rows if not row["complete"])


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "st" / "cohort"


# --- finding the portfolios --------------------------------------------------------------


def is_url(text: str) -> bool:
    return "://" in text or bool(_SCP_LIKE.match(text))


def find_portfolios(folder: Path, source: str) -> list[Target]:
    """The portfolio at `folder`, or every portfolio below it (st.yaml, any depth up to
    MAX_DEPTH). A folder below that looks like a portfolio (a git repository or the kinds'
    folders) but has no st.yaml gets a row saying so; a folder with none is one such row."""
    if not folder.exists():
        return [Target(source, None, "not_found")]
    if not folder.is_dir():
        return [Target(source, None, "no_st_yaml")]
    if (folder / "st.yaml").is_file():
        return [Target(source, folder)]
    found: list[Target] = []
    top_depth = len(folder.parts)
    for current, dirs, files in os.walk(folder):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if here == folder:
            continue
        if "st.yaml" in files:
            found.append(Target(str(here), here))
            dirs[:] = []
        elif len(here.parts) - top_depth == 1 and any(
                (here / sign).exists() for sign in PORTFOLIO_SIGNS):
            found.append(Target(str(here), None, "no_st_yaml"))
            dirs[:] = []
        elif len(here.parts) - top_depth >= MAX_DEPTH:
            dirs[:] = []
    return found or [Target(source, None, "no_st_yaml")]


def read_list(path: Path) -> list[str]:
    """One portfolio, folder or git URL a line; blank lines and `#` comments skipped.
    Relative folders are read from the list file's folder."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if not is_url(text) and not Path(text).is_absolute():
            text = str(path.parent / text)
        names.append(text)
    return names


def _git(args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ALLOW_PROTOCOL": GIT_PROTOCOLS}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=GIT_TIMEOUT, env=env, check=False)


def fetch(url: str, clones: Path) -> Target:
    """A shallow clone of `url` in the cache folder, fetched again when it is there."""
    folder = clones / hashlib.sha256(url.encode()).hexdigest()[:20]
    try:
        if (folder / ".git").is_dir():
            done = _git(["fetch", "--depth", "1", "--quiet", "origin"], folder)
            if done.returncode == 0:
                done = _git(["reset", "--hard", "--quiet", "FETCH_HEAD"], folder)
        else:
            clones.mkdir(parents=True, exist_ok=True)
            done = _git(["clone", "--depth", "1", "--quiet", "--", url, str(folder)])
    except (OSError, subprocess.TimeoutExpired):
        return Target(url, None, "fetch_failed")
    if done.returncode != 0:
        return Target(url, None, "fetch_failed")
    if not (folder / "st.yaml").is_file():
        return Target(url, None, "no_st_yaml")
    return Target(url, folder)


def targets(folders: list[str], urls_from: list[str]) -> list[Target]:
    """Every portfolio named, in the order named; each folder once."""
    named = [*folders, *urls_from]
    urls = [name for name in named if is_url(name)]
    fetched: dict[str, Target] = {}
    if urls:
        clones = cache_dir() / "clones"
        with ThreadPoolExecutor(max_workers=4) as pool:
            fetched = dict(zip(urls, pool.map(lambda u: fetch(u, clones), urls), strict=True))
    found: list[Target] = []
    seen: set[Path] = set()
    for name in named:
        for target in ([fetched[name]] if name in fetched else find_portfolios(Path(name),
                                                                                name)):
            if target.root is not None:
                resolved = target.root.resolve()
                if resolved in seen:
                    continue
                seen.add(resolved)
            found.append(target)
    return found


# --- the cache ---------------------------------------------------------------------------


def _git_tree(root: Path) -> str | None:
    """The tree of HEAD when `root` is the top of a clean repository (no change, nothing
    untracked), else None."""
    if not (root / ".git").exists():
        return None
    try:
        status = _git(["status", "--porcelain", "--untracked-files=all"], root)
        if status.returncode != 0 or status.stdout.strip():
            return None
        tree = _git(["rev-parse", "HEAD^{tree}"], root)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return tree.stdout.strip() if tree.returncode == 0 else None


def _file_stats(root: Path) -> str:
    digest = hashlib.sha256()
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(current, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            rel = os.path.relpath(path, root)
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def content_key(root: Path, as_of: dt.date) -> str:
    from stcli import __version__

    tree = _git_tree(root)
    content = f"git:{tree}" if tree else f"stat:{_file_stats(root)}"
    text = f"{__version__}\0{as_of.isoformat()}\0{root.resolve()}\0{content}"
    return hashlib.sha256(text.encode()).hexdigest()


def _cached(folder: Path, key: str) -> dict[str, Any] | None:
    try:
        row: dict[str, Any] = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return row if isinstance(row, dict) and row.get("schema") else None


def _store(folder: Path, key: str, row: dict[str, Any]) -> None:
    """Written to a temporary file and renamed: a reader sees the whole row or none. No
    fsync: a row lost in a crash is computed again."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp",
                                         delete=False) as handle:
            json.dump(row, handle, ensure_ascii=False)
        os.replace(handle.name, folder / f"{key}.json")
    except OSError:
        pass  # a cache that cannot be written only costs time


# --- judging -----------------------------------------------------------------------------


def judge(job: tuple[str, str, str]) -> dict[str, Any]:
    """One portfolio's row (in a worker process): never raises."""
    source, root_text, as_of_text = job
    root = Path(root_text)
    try:
        from stcli.engine.cohort import row_of
        from stcli.engine.evaluate import evaluate
        from stcli.render.status_json import document

        evaluation = evaluate(root, dt.date.fromisoformat(as_of_text))
        return row_of(evaluation, document(evaluation, "sv"), source)
    except Exception as error:  # one broken portfolio never stops the cohort
        return empty_row(source, root_text, "unreadable", error=type(error).__name__)


def _warm_up() -> None:
    """Import the pipeline and read the shipped packs and catalogs once in the parent, so
    that forked workers start with them instead of each importing them again."""
    from stcli.engine.cohort import row_of  # noqa: F401 - imported for the workers
    from stcli.engine.evaluate import evaluate  # noqa: F401
    from stcli.engine.packs import package_pack
    from stcli.i18n import catalog
    from stcli.render.status_json import document  # noqa: F401
    from stcli.rules import all_rules

    all_rules()
    catalog()
    package_pack("national")


def _pool_context() -> Any:
    import multiprocessing

    # fork: the workers start with stcli already imported (forkserver/spawn import it again)
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def evaluate_cohort(found: list[Target], as_of: dt.date, *, use_cache: bool = True,
                    workers: int | None = None) -> CohortResult:
    result = CohortResult([], as_of)
    rows_folder = cache_dir() / "rows"
    jobs: list[tuple[str, str, str]] = []
    keys: list[str] = []
    judged = [t for t in found if t.root is not None]
    for target in found:
        if target.root is None:
            result.rows.append(empty_row(target.source, target.source, target.problem or
                                         "no_st_yaml", **target.problem_args))
    if use_cache and judged:
        with ThreadPoolExecutor(max_workers=8) as pool:  # git and stat wait on the disk
            all_keys = list(pool.map(lambda t: content_key(t.root, as_of),
                                     judged))
    else:
        all_keys = ["" for _ in judged]
    for target, key in zip(judged, all_keys, strict=True):
        row = _cached(rows_folder, key) if key else None
        if row is not None:
            row["source"] = target.source
            result.rows.append(row)
            result.cache_hits += 1
        else:
            jobs.append((target.source, str(target.root), as_of.isoformat()))
            keys.append(key)
    count = workers or os.cpu_count() or 1
    if len(jobs) <= 1 or count <= 1:
        fresh = [judge(job) for job in jobs]
    else:
        count = min(count, len(jobs))
        _warm_up()
        chunk = max(1, len(jobs) // (count * 4))
        with ProcessPoolExecutor(max_workers=count, mp_context=_pool_context()) as pool:
            fresh = list(pool.map(judge, jobs, chunksize=chunk))
    result.evaluated = len(fresh)
    for key, row in zip(keys, fresh, strict=True):
        # an unreadable portfolio is tried again next time (the error may be passing)
        if key and row["problem"] != "unreadable":
            _store(rows_folder, key, row)
        result.rows.append(row)
    result.rows = rank(result.rows)
    return result
