"""Who has the SQLite database open: a lock file beside it.

Every process that opens the Store on a SQLite file holds a shared ``flock``
on ``<db file>.lock`` for as long as the Store is open (``Store.open`` takes
it, ``Store.close`` lets it go; the kernel lets it go when a process dies).
`db restore` takes it exclusive, without waiting, and so is refused while any
instance runs: SQLite's own locks can't tell, since in WAL mode an idle reader
holds nothing that ``BEGIN EXCLUSIVE`` conflicts with. Opening checks the
write-ahead log under the exclusive lock too, when no one else has the file.

The lock file is opened with ``O_NOFOLLOW`` (a planted symlink is refused,
never followed), made 0600, and must be a regular file.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from pathlib import Path

from tui1on1.privacy import FILE_MODE
from tui1on1.storage.errors import StoreError

#: How long opening waits for a `db restore` that holds the lock to finish.
RESTORE_WAIT_S = 10.0


class LockUnavailable(StoreError):
    """The lock file can't be used; the message says why."""


def lock_path_for(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class InstanceLock:
    """An open lock file and the ``flock`` held on it."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # drops the flock
            self._fd = None


def _open(database: Path) -> int:
    path = lock_path_for(database)
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LockUnavailable(f"the lock file {path} is a symbolic link") from None
        raise LockUnavailable(f"can't open the lock file {path}: {exc.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise LockUnavailable(f"the lock file {path} isn't a regular file")
    if stat.S_IMODE(info.st_mode) != FILE_MODE:
        os.fchmod(fd, FILE_MODE)
    return fd


def _try(fd: int, operation: int) -> bool:
    try:
        fcntl.flock(fd, operation | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def hold_shared(database: Path) -> InstanceLock | None:
    """The shared lock a running instance holds; waits out a `db restore`.

    None when the lock file can't be made (a read-only folder, say): the
    Store still opens, and `db restore`, which can't use the file either,
    refuses. Raises LockUnavailable when a restore holds it too long.
    """
    try:
        fd = _open(database)
    except LockUnavailable:
        return None
    deadline = time.monotonic() + RESTORE_WAIT_S
    while not _try(fd, fcntl.LOCK_SH):
        if time.monotonic() > deadline:
            os.close(fd)
            raise LockUnavailable(
                f"`tui1on1 db restore` is replacing the database at {database}; "
                "try again in a moment"
            )
        time.sleep(0.05)
    return InstanceLock(fd)


def try_exclusive(database: Path) -> InstanceLock | None:
    """The lock taken exclusive at once, or None when anyone else holds it.

    Raises LockUnavailable when the lock file itself can't be used.
    """
    fd = _open(database)
    if not _try(fd, fcntl.LOCK_EX):
        os.close(fd)
        return None
    return InstanceLock(fd)


IN_USE = "a running tui1on1 is using the database; quit it first — nothing was changed"


def take_alone(database: Path, refused: type[StoreError]) -> InstanceLock:
    """The lock exclusive, for a command that replaces the database file
    (restore, encrypt); ``refused`` (one line, nothing changed) when anyone
    holds it or the lock file can't be used."""
    try:
        lock = try_exclusive(database)
    except LockUnavailable as exc:
        raise refused(f"{exc}; nothing was changed") from None
    if lock is None:
        raise refused(IN_USE)
    return lock
