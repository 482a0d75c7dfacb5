"""A damaged write-ahead log, kept aside before SQLite drops what it can't read.

Opening a SQLite database replays its ``-wal`` only up to the first bad frame
and the next write overwrites the rest, so the evidence lives only until the
database is first opened. ``keep_damaged_wal`` runs before anything opens the
file: when the log is damaged (``storage.wal``) it copies the database, its
``-wal`` and ``-shm``, untouched, to ``NAME.damaged-wal-STAMP`` (0600) and
gives the one line that says so. Opening then goes on: the recovery journal
holds the live meeting's notes, so refusing to start would be worse.

The log is only read while no other process has the database open (the
exclusive instance lock): a running instance's log is live, and SQLite reads
it as that instance left it, not as a crash did.
"""

from __future__ import annotations

import filecmp
import glob
import os
from datetime import UTC, datetime
from pathlib import Path

from tui1on1.privacy import FILE_MODE, fsync_dir
from tui1on1.storage import instance_lock
from tui1on1.storage.wal import WalDamage, inspect

SUFFIXES = ("", "-wal", "-shm")


def keep_damaged_wal(
    database: Path, now: datetime | None = None, *, lock_held: bool = False
) -> str | None:
    """Check the log beside ``database``; on damage, copy it aside and return
    the line to show. None when there is no log, it is sound, or another
    instance has the database open (its log is live). ``lock_held``: the
    caller holds the exclusive instance lock already (`db restore`)."""
    wal = Path(f"{database}-wal")
    try:
        if not wal.is_file() or not database.is_file():
            return None
    except OSError:
        return None  # a folder we can't read: opening the database says so
    lock = None
    if not lock_held:
        try:
            lock = instance_lock.try_exclusive(database)
        except instance_lock.LockUnavailable:
            return None  # no lock to be sure no one is writing the log: leave it
        if lock is None:
            return None
    try:
        try:
            damage = inspect(wal, Path(f"{database}-shm"))
        except OSError as exc:
            return f"can't read the database's write-ahead log {wal}: {exc.strerror or exc}"
        if damage is None:
            return None
        try:
            copy = _existing_copy(database) or _copy_aside(database, now)
        except OSError as exc:
            return damaged_wal_message(wal, damage, None, str(exc.strerror or exc))
        return damaged_wal_message(wal, damage, copy, None)
    finally:
        if lock is not None:
            lock.close()


def damaged_wal_message(wal: Path, damage: WalDamage, copy: Path | None, error: str | None) -> str:
    kept = (
        f"the database and its log were copied, untouched, to {copy} (with -wal and -shm)"
        if copy is not None
        else f"copying them aside failed ({error})"
    )
    return (
        f"the database's write-ahead log {wal} is damaged: {damage.what}, so changes saved "
        f"in it are lost; {kept}. If notes are missing, restore a backup with "
        "`tui1on1 db restore BACKUP` (`tui1on1 db backups` lists them)"
    )


def _existing_copy(database: Path) -> Path | None:
    """A copy of these very files made before (a second `db check`, say)."""
    for wal_copy in sorted(database.parent.glob(f"{glob.escape(database.name)}.damaged-wal-*-wal")):
        base = Path(str(wal_copy)[: -len("-wal")])
        if all(_same(Path(f"{database}{suffix}"), Path(f"{base}{suffix}")) for suffix in SUFFIXES):
            return base
    return None


def _same(source: Path, copy: Path) -> bool:
    if not source.exists():
        return not copy.exists()
    return copy.is_file() and filecmp.cmp(source, copy, shallow=False)


def _copy_aside(database: Path, now: datetime | None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 100):
        base = database.with_name(
            f"{database.name}.damaged-wal-{stamp}" + (f"-{attempt}" if attempt > 1 else "")
        )
        if not any(Path(f"{base}{suffix}").exists() for suffix in SUFFIXES):
            break
    else:
        raise FileExistsError(f"too many copies named {base}")
    for suffix in SUFFIXES:
        source = Path(f"{database}{suffix}")
        if source.exists():
            _copy_file(source, Path(f"{base}{suffix}"))
    fsync_dir(database.parent)
    return base


def _copy_file(source: Path, destination: Path) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(destination, flags, FILE_MODE)
    try:
        with open(source, "rb") as src, os.fdopen(fd, "wb", closefd=False) as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(fd)
    finally:
        os.close(fd)
