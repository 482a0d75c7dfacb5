"""`tui1on1 db restore BACKUP`: put a backup back in place of the database.

Nothing is deleted: the current database (and its -wal/-shm files) is moved
aside to ``NAME.before-restore-STAMP`` first. The backup must pass SQLite's
integrity check and hold a tui1on1 schema, and no other process may be using
the database: every running instance (the app, or any command with the
database open) holds the instance lock shared, and restore takes it exclusive
for the whole swap, without waiting (``instance_lock``). Works on the file
alone, so it also rescues a damaged database that can't be opened.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from tui1on1.keys import DatabaseKey
from tui1on1.privacy import FILE_MODE, ensure_private_file, fsync_dir
from tui1on1.storage import cipher, instance_lock
from tui1on1.storage.errors import StoreError

IN_USE = instance_lock.IN_USE


class RestoreError(StoreError):
    pass


def check_backup(backup: Path, key: DatabaseKey | None = None) -> None:
    """A sound tui1on1 database at ``backup`` (opened with ``key`` if it is
    encrypted), or RestoreError."""
    if not backup.is_file():
        raise RestoreError(f"there is no backup file at {backup}; nothing was changed")
    encrypted = cipher.looks_encrypted(backup)
    if encrypted and key is None:
        raise RestoreError(
            f"{backup} is encrypted and no passphrase was given for it; nothing was changed"
        )
    try:
        conn = cipher.connect(backup, key if encrypted else None, read_only=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            has_schema = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
        finally:
            conn.close()
    except cipher.WrongKey:
        raise RestoreError(
            f"the passphrase doesn't open {backup} (or it is damaged); nothing was changed"
        ) from None
    except cipher.errors("DatabaseError"):
        raise RestoreError(
            f"{backup} isn't a readable SQLite database; nothing was changed"
        ) from None
    if result != ["ok"]:
        raise RestoreError(f"{backup} fails its integrity check; nothing was changed")
    if not has_schema:
        raise RestoreError(f"{backup} isn't a tui1on1 database; nothing was changed")


def _refuse_if_in_use(database: Path) -> None:
    """Take SQLite's exclusive lock for a moment: it fails if anyone holds the file."""
    key = cipher.key_for(database) if cipher.looks_encrypted(database) else None
    if key is None and cipher.looks_encrypted(database):
        return  # can't be read without its key; the instance lock said no one has it
    try:
        conn = cipher.connect(database, key, timeout=0, autocommit=True)
    except cipher.errors_or(cipher.WrongKey):
        return
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except cipher.errors("OperationalError") as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise RestoreError(IN_USE) from None
    except cipher.errors("DatabaseError"):
        pass  # damaged beyond locking: nothing else can be using it either
    finally:
        conn.close()


def restore(
    backup: Path,
    database: Path,
    now: datetime | None = None,
    notices: list[str] | None = None,
    key: DatabaseKey | None = None,
) -> Path | None:
    """Restore ``backup`` (opened with ``key`` if it is encrypted) to
    ``database``; returns where the old file went (if any).

    An encrypted database stays encrypted: the copy put in place is under
    the database's own key (the key this process found for it), whatever
    the backup was under, plain or an older passphrase. A damaged
    write-ahead log is copied aside first (checking whether the file is in
    use opens it, which would drop the log's damaged frames); the line
    saying so is added to ``notices``.
    """
    backup, database = backup.expanduser(), database.expanduser()
    if backup.resolve() == database.resolve():
        raise RestoreError("that backup is the database itself; nothing was changed")
    current = cipher.key_for(database)
    backup_key = (key or current) if cipher.looks_encrypted(backup) else None
    check_backup(backup, backup_key)
    if not database.parent.is_dir():
        return _swap(backup, database, now, notices, (backup_key, current))
    lock = instance_lock.take_alone(database, RestoreError)
    try:
        return _swap(backup, database, now, notices, (backup_key, current))
    finally:
        lock.close()


def _swap(
    backup: Path,
    database: Path,
    now: datetime | None,
    notices: list[str] | None,
    keys: tuple[DatabaseKey | None, DatabaseKey | None],
) -> Path | None:
    from tui1on1.storage.damaged_wal import keep_damaged_wal

    tmp = _copy_in(backup, database, *keys)
    moved_to: Path | None = None
    if database.exists():
        notice = keep_damaged_wal(database, now, lock_held=True)
        if notice and notices is not None:
            notices.append(notice)
        _refuse_if_in_use(database)
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
        moved_to = database.with_name(f"{database.name}.before-restore-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{database}{suffix}")
            if source.exists():
                os.replace(source, Path(f"{moved_to}{suffix}"))
    os.replace(tmp, database)
    fsync_dir(database.parent)
    return moved_to


def _copy_in(
    backup: Path, database: Path, backup_key: DatabaseKey | None, key: DatabaseKey | None
) -> Path:
    """The backup copied beside the database, under the database's key
    (``key``; None: as the backup is), fsynced: ready to be renamed in."""
    from tui1on1.storage.encryption import convert_file

    tmp = database.with_name(f".{database.name}.restoring")
    tmp.unlink(missing_ok=True)
    ensure_private_file(tmp)
    try:
        with open(backup, "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        os.chmod(tmp, FILE_MODE)
        if key is not None and key != backup_key:
            convert_file(tmp, backup_key, key)  # checked, fsynced, renamed over tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp
