"""Writing files safely: atomic replacement, compare-and-swap, owner and mode kept.

A leaf module (standard library only) used by every command that writes: `st add` and
`st init` (portfolio files), `st report -o` and `st schema` (output files).

- A reader sees the old file or the new one, never half: the data go to a temporary file in
  the same folder, are fsynced and renamed over the target.
- No temporary file outlives a catchable signal: the signals that end a process are held
  back (blocked) from the temporary file's creation to its rename or removal, and are
  delivered right after. Only SIGKILL can leave one; `remove_stale_temporaries` removes it on
  the next write under the portfolio lock.
- `expected` makes the write a compare-and-swap: the target must still hold the bytes the
  new content was planned against (or still be absent), else `ChangedMeanwhile` and nothing
  is written. A save by an editor or by git while `st add` runs is never overwritten.
- The path itself is replaced, never followed: a symlink at the target is replaced by the
  file (the caller resolves links it means to write through, see `stcli.write`).
- An existing file keeps its mode, owner and group; a new file gets the mode the umask
  gives (0666 & ~umask), and when written by root, the folder's owner and group (`sudo st
  add` leaves no root-owned file in a user's portfolio).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import time
from collections.abc import Iterator
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"
# A temporary file this old, next to a portfolio file being written under the portfolio
# lock, was left by a process killed with SIGKILL.
STALE_AFTER_S = 60.0
# The signals whose default action ends the process (SIGPIPE aside: Python ignores it).
_ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1",
                                       "SIGUSR2", "SIGALRM", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
                                       "SIGPROF")
    if hasattr(signal, name))


class ChangedMeanwhile(Exception):
    """The target no longer holds the bytes the new content was planned against."""


ANY = object()  # `expected=ANY`: replace whatever is there


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back the signals that end a process until the block is left.

    A signal arriving meanwhile is delivered when the block ends (by then the temporary
    file is renamed or removed), so a SIGTERM, SIGHUP or Ctrl-C never leaves one behind.
    """
    block = getattr(signal, "pthread_sigmask", None)
    if block is None:  # pragma: no cover - not POSIX
        yield
        return
    previous = block(signal.SIG_BLOCK, _ENDING_SIGNALS)
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, previous)


def read_bytes_nofollow(path: Path) -> bytes | None:
    """The bytes of the regular file at `path` (None when nothing is there)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(
            os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:  # a symlink: not the bytes planned against
            raise ChangedMeanwhile(str(path)) from error
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ChangedMeanwhile(str(path))
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, expected: object = ANY) -> None:
    """Replace `path` with `data` atomically (see the module's text).

    `expected`: ANY (replace what is there), None (the file must not exist yet) or the
    bytes the file must still hold; otherwise `ChangedMeanwhile` is raised and nothing
    changes. OSError (a full disk, a read-only folder) leaves the old file untouched and no
    temporary file behind.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        info = None  # a link or something else is replaced, never written through
    if info is not None:
        mode, owner, group = stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid
    else:
        mode = 0o666 & ~current_umask()
        owner = group = -1
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            parent = os.stat(folder)
            owner, group = parent.st_uid, parent.st_gid
    with signals_held():
        fd, temporary = _create_temporary(folder, path.name)
        try:
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
                _keep_owner(fd, owner, group)
                os.fchmod(fd, mode)
            finally:
                os.close(fd)
            if expected is None:
                _create_exclusive(temporary, path)
            else:
                if expected is not ANY and read_bytes_nofollow(path) != expected:
                    raise ChangedMeanwhile(str(path))
                os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    fsync_folder(folder)


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        candidate = folder / f".{name}.{os.urandom(4).hex()}{TEMPORARY_SUFFIX}"
        try:
            return os.open(candidate, flags, 0o600), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _create_exclusive(temporary: Path, path: Path) -> None:
    """Give the new file its name only if none exists: a link cannot replace a file."""
    try:
        os.link(temporary, path, follow_symlinks=False)
    except FileExistsError:
        raise ChangedMeanwhile(str(path)) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                               errno.EMLINK):
            raise
        # A file system without hard links: as close as it gets.
        if os.path.lexists(path):
            raise ChangedMeanwhile(str(path)) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _keep_owner(fd: int, owner: int, group: int) -> None:
    if owner == -1 and group == -1:
        return
    try:
        os.fchown(fd, owner, group)
    except OSError:
        # Not root: the owner cannot change; the group can if we are a member of it.
        with contextlib.suppress(OSError):
            os.fchown(fd, -1, group)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); not possible, nor needed, on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(path: Path, older_than_s: float = STALE_AFTER_S) -> int:
    """Remove `.<name>.*.tmp` next to `path` left by a killed writer; how many were removed."""
    removed = 0
    now = time.time()
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return 0
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMPORARY_SUFFIX)):
            continue
        candidate = path.parent / name
        with contextlib.suppress(OSError):
            info = os.lstat(candidate)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than_s:
                os.unlink(candidate)
                removed += 1
    return removed


def write_output(path: Path, text: str) -> None:
    """An output file (`st report -o`): masked like everything st prints, written atomically,
    replacing (never following) a link at `path`."""
    from stcli.pii import safe_output

    atomic_write(path, safe_output(text).encode("utf-8"))
