"""Writing a file atomically: a leaf I/O module (standard library only).

`st add` and `st init` (through `stcli.write`), `st schema`, `st calendar` and `st sign`
write with `atomic_write`; it lives here, not in `stcli.write`, so that `stcli.schema` does
not import the writer of portfolios (and the writer not the schema back: no cycle).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a reader sees the old file or the new, never half.

    The data go to a temporary file in the same folder (same file system), are flushed and
    fsynced, and the temporary file is renamed over the target (`os.replace`, atomic on POSIX
    and Windows). An existing file's permissions are kept. If anything fails the temporary
    file is removed and the old file is untouched.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
        mode="wb", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode if mode is not None else new_file_mode())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, on Windows."""
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


def new_file_mode() -> int:
    """The mode a new file gets under the user's umask (0644 with the usual 022), as git
    users expect; a temporary file is created 0600 and would otherwise keep that."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
