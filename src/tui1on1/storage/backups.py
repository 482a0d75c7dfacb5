"""Automatic backups at the end of a meeting, and the list `db backups` shows.

At most one automatic backup a day (local date) goes into ``DATA_DIR/backups``
as ``tui1on1-YYYYMMDD-HHMMSS.db`` (``.pgdump`` for PostgreSQL, only when
``pg_dump`` is on the PATH), written by ``maintenance.backup``: 0600,
integrity-checked, whole or not at all. The newest ``KEEP`` automatic backups
are kept; files with any other name (``db backup``'s, the user's own) are
never touched.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui1on1.storage.store import Store

KEEP = 14
FOLDER = "backups"
_AUTO_NAME = re.compile(r"^tui1on1-(\d{8}-\d{6})\.(db|pgdump)$")
_LISTED_SUFFIXES = (".db", ".pgdump")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    size: int
    made: datetime  # local time
    automatic: bool


def backups_dir(data_dir: Path) -> Path:
    return data_dir / FOLDER


def _auto_stamp(path: Path) -> datetime | None:
    match = _AUTO_NAME.match(path.name)
    if match is None or not path.is_file():
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def _auto_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """This module's backups in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    found = [(stamp, p) for p in folder.iterdir() if (stamp := _auto_stamp(p)) is not None]
    return sorted(found)


def auto_backup(store: Store, data_dir: Path, now: datetime) -> Path | None:
    """Back up the database unless that was done today; returns the new file.

    Returns None when nothing was due (or possible: an in-memory database,
    PostgreSQL without pg_dump). Raises StoreError/OSError when a backup
    was due and failed; the caller decides how quietly to report it.
    """
    from tui1on1.privacy import ensure_private_dir
    from tui1on1.storage.engine import sqlite_path

    if store.dialect == "sqlite":
        if sqlite_path(store.engine.url) is None:
            return None
        suffix = ".db"
    else:
        if shutil.which("pg_dump") is None:
            return None
        suffix = ".pgdump"
    local = now.astimezone() if now.tzinfo is not None else now
    folder = backups_dir(data_dir)
    existing = _auto_backups(folder)
    if any(stamp.date() == local.date() for stamp, _path in existing):
        return None
    ensure_private_dir(folder)
    destination = folder / f"tui1on1-{local:%Y%m%d-%H%M%S}{suffix}"
    written = store.backup(destination)
    prune(folder)
    return written


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns what went."""
    existing = _auto_backups(folder)
    gone = [path for _stamp, path in existing[: max(len(existing) - keep, 0)]]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def list_backups(data_dir: Path) -> list[BackupFile]:
    """Every backup in ``DATA_DIR/backups`` (automatic or not), newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.iterdir():
        if path.name.startswith(".") or path.suffix not in _LISTED_SUFFIXES:
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        if not path.is_file():
            continue
        stamp = _auto_stamp(path)
        made = stamp if stamp is not None else datetime.fromtimestamp(info.st_mtime)
        found.append(BackupFile(path, info.st_size, made, stamp is not None))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def describe_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover
