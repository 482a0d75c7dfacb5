"""Turning encryption on, off, or to another passphrase: one SQLite file
copied into a new one under another key, checked, and swapped in.

The copy is SQLCipher's ``sqlcipher_export`` into ``.NAME.converting``
(0600) beside the file; the copy must pass ``integrity_check``, hold the same
rows in every table and a sound search index before ``os.replace`` puts it in
place. Until that rename the old file is whole and is the one used; after it,
the new one is. A copy left by a kill is removed the next time. The old file
is checkpointed and closed first, so no -wal of it is left to be read into
the new one. Nobody else may have the database open: every running
instance holds the instance lock shared, and this takes it exclusive.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui1on1.keys import DatabaseKey
from tui1on1.privacy import ensure_private_file, fsync_dir
from tui1on1.storage import cipher, instance_lock
from tui1on1.storage.errors import StoreError

IN_USE = instance_lock.IN_USE


class ConvertError(StoreError):
    """The conversion was refused or failed; the old file is untouched."""


@dataclass
class Converted:
    """What a conversion did: the database, the copies beside it, and the
    plaintext it couldn't turn (a damaged log kept aside, say)."""

    database: Path
    rows: int = 0
    copies: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)


def converting_path(database: Path) -> Path:
    return database.with_name(f".{database.name}.converting")


def drop_leftover(database: Path) -> None:
    """A copy a kill left half-made is removed (the database itself is whole)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{converting_path(database)}{suffix}").unlink(missing_ok=True)


def convert(
    database: Path,
    data_dir: Path,
    old: DatabaseKey | None,
    new: DatabaseKey | None,
    *,
    remove_copies: bool = False,
) -> Converted:
    """Re-write the SQLite file at ``database`` from key ``old`` to ``new``
    (None: plain), then every copy of it that tui1on1 keeps: the backups and
    the files put aside by a restore go the same way (or are removed, with
    ``remove_copies``). ConvertError, changing nothing, when the database is
    in use or its copy doesn't check out; a copy that can't be turned is
    listed in ``left``."""
    lock = instance_lock.take_alone(database, ConvertError)
    try:
        done = Converted(database, rows=convert_file(database, old, new))
        for copy in kept_copies(database, data_dir):
            if remove_copies or not _convertible(copy):
                if remove_copies:
                    _remove(copy)
                    done.removed.append(copy)
                else:
                    done.left.append(copy)
                continue
            encrypted = cipher.looks_encrypted(copy)
            if not encrypted and new is None:
                continue  # plain, and plain is wanted
            if encrypted and old is None:
                done.left.append(copy)  # under a key this doesn't know
                continue
            try:
                convert_file(copy, old if encrypted else None, new)
                done.copies.append(copy)
            except StoreError:
                done.left.append(copy)
        for kept in discarded_files(data_dir):
            try:
                if reseal(kept, old, new):
                    done.copies.append(kept)
            except (ValueError, OSError):
                done.left.append(kept)
        return done
    finally:
        lock.close()


def kept_copies(database: Path, data_dir: Path) -> list[Path]:
    """The copies of the database tui1on1 keeps: backups in the data dir,
    files a restore put aside, logs and journals kept aside after damage."""
    import glob

    from tui1on1.storage.backups import list_backups

    found = [b.path for b in list_backups(data_dir) if b.path.suffix == ".db"]
    name = glob.escape(database.name)
    for pattern in (f"{name}.before-restore-*", f"{name}.damaged-wal-*", f"{name}.journal-*"):
        found += sorted(
            p for p in database.parent.glob(pattern) if p.is_file() and not p.name.endswith("-shm")
        )
    return found


def discarded_files(data_dir: Path) -> list[Path]:
    """The files discarded 1:1s are kept in (``discard``)."""
    from tui1on1.storage.discard import DISCARDED_DIR

    folder = data_dir / DISCARDED_DIR
    return sorted(p for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else []


def reseal(path: Path, old: DatabaseKey | None, new: DatabaseKey | None) -> bool:
    """Seal, unseal or re-seal the file at ``path`` from ``old`` to ``new``;
    whether it changed. ValueError when it is sealed under another key or damaged."""
    from tui1on1.privacy import write_private_file
    from tui1on1.storage.sealing import file_sealer, is_sealed_file

    data = path.read_bytes()
    if is_sealed_file(data):
        if old is None:
            raise ValueError("sealed under a key not given")
        data = file_sealer(old).open_file(data)
    elif new is None:
        return False  # plain, and plain is wanted
    write_private_file(path, file_sealer(new).seal_file(data) if new is not None else data)
    return True


def _convertible(path: Path) -> bool:
    """A whole SQLite file (not a log, a journal or a -wal kept aside)."""
    return not any(mark in path.name for mark in ("damaged-wal", ".journal-")) and not (
        path.name.endswith(("-wal", "-journal"))
    )


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def convert_file(path: Path, old: DatabaseKey | None, new: DatabaseKey | None) -> int:
    """One file from key ``old`` to ``new``, under the caller's lock; the rows copied."""
    drop_leftover(path)
    target = converting_path(path)
    ensure_private_file(target)
    made = path.stat()  # a backup keeps its date (`db backups` lists by it)
    try:
        counts = _export(path, old, target, new)
        _verify(target, new, counts)
        with open(target, "rb") as fh:
            os.fsync(fh.fileno())
        if Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size > 0:
            raise ConvertError(f"{path} still has a write-ahead log in use; nothing was changed")
        for suffix in ("-wal", "-shm"):  # the old file's, empty now: never read into the new
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.utime(target, ns=(made.st_atime_ns, made.st_mtime_ns))
        os.replace(target, path)
        fsync_dir(path.parent)
    except BaseException:
        drop_leftover(path)
        raise
    return sum(counts.values())


def _export(
    path: Path, old: DatabaseKey | None, target: Path, new: DatabaseKey | None
) -> dict[str, int]:
    """Copy every table into ``target`` under ``new``; the source's row counts."""
    errors = cipher.errors("Error")
    module = cipher.driver()
    connection = module.connect(str(path), isolation_level=None, timeout=5.0)
    try:
        if old is not None:
            cipher.apply_key(connection, old)
        else:
            connection.execute("PRAGMA cipher_log_level = NONE")
        cipher.check_key(connection, path)
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy and busy[0]:
            raise ConvertError(IN_USE)
        counts = _counts(connection, "main")
        key = new.pragma() if new is not None else "''"
        connection.execute(f"ATTACH DATABASE ? AS target KEY {key}", (str(target),))
        connection.execute("SELECT sqlcipher_export('target')")
        for pragma in ("user_version", "application_id"):
            value = int(connection.execute(f"PRAGMA main.{pragma}").fetchone()[0])
            connection.execute(f"PRAGMA target.{pragma} = {value}")
        connection.execute("DETACH DATABASE target")
        connection.execute("PRAGMA journal_mode = DELETE")  # the -wal and -shm go now
    except errors as exc:
        raise ConvertError(
            f"copying {path} failed ({type(exc).__name__}); nothing was changed"
        ) from None
    finally:
        connection.close()
    return counts


def _counts(connection: Any, schema: str) -> dict[str, int]:
    names = [
        str(name)
        for (name,) in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        ).fetchall()
    ]
    return {
        name: int(connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


def _verify(target: Path, key: DatabaseKey | None, expected: dict[str, int]) -> None:
    errors = cipher.errors("Error")
    try:
        connection = cipher.connect(target, key)
    except cipher.WrongKey:
        raise ConvertError("the new copy can't be read back; nothing was changed") from None
    try:
        rows = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
        counts = _counts(connection, "main")
        if "note_fts" in counts or _has_table(connection, "note_fts"):
            connection.execute("INSERT INTO note_fts(note_fts) VALUES ('integrity-check')")
    except errors as exc:
        raise ConvertError(
            f"the new copy failed its check ({type(exc).__name__}); nothing was changed"
        ) from None
    finally:
        connection.close()
    if rows != ["ok"]:
        raise ConvertError("the new copy failed its integrity check; nothing was changed")
    if counts != expected:
        raise ConvertError("the new copy doesn't hold every row; nothing was changed")


def _has_table(connection: Any, name: str) -> bool:
    found = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = ?", (name,)
    ).fetchone()
    return bool(found and found[0])
