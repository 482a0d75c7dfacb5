"""File modes: the data dir is private (0700) and every file we write is 0600.

SQLite creates its files with 0644 unless told otherwise, so the database file
is created here first, with the right mode, before SQLite opens it. SQLite then
gives its -wal and -shm files the same mode as the database.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def restrict_umask() -> None:
    """Everything this process creates is private unless said otherwise."""
    os.umask(0o077)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) 0700, or take group and other access
    away from the folder that is there.

    Only taken away: a folder the user made stricter (0500, say) keeps its
    mode. A symlink is the user's choice of where the folder lives (a
    ``backups`` link to another disk): the folder it points to isn't chmod'ed.
    """
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return path
    current = stat.S_IMODE(info.st_mode)
    private = current & ~0o077
    if current != private:
        os.chmod(path, private)  # lstat said: a folder, not a link
    return path


def ensure_private_file(path: Path) -> Path:
    """Create ``path`` empty if absent; make it 0600 either way."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    os.close(fd)
    if (path.stat().st_mode & 0o777) != FILE_MODE:
        path.chmod(FILE_MODE)
    return path


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600 (temp file, fsync, rename)."""
    write_private_chunks(path, [data])


def write_private_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` one after another to ``path``, atomically with mode
    0600: the file appears whole or not at all, even when taking a chunk
    fails (the temp file is removed and the error goes on)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
