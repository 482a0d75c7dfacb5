"""Integrity checks and online backups.

A SQLite backup is ``VACUUM INTO`` a pre-created empty 0600 file next to the
destination, fsynced, integrity-checked, then renamed into place: a backup
either exists whole and sound or not at all. A PostgreSQL backup runs
``pg_dump`` (custom format) into a 0600 file the same way.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from tui1on1.privacy import FILE_MODE, ensure_private_file, fsync_dir
from tui1on1.storage import migrate
from tui1on1.storage.engine import sqlite_path
from tui1on1.storage.errors import StoreError


class BackupError(StoreError):
    pass


def check(engine: Engine) -> list[str]:
    """Problems found in the database; an empty list means it is sound."""
    problems: list[str] = []
    revision = migrate.current_revision(engine)
    if revision is None:
        problems.append("the database has no tui1on1 schema yet (run `tui1on1 db upgrade`)")
    elif revision != migrate.HEAD_REVISION:
        problems.append(
            f"the schema is at revision {revision}, not {migrate.HEAD_REVISION} "
            "(run `tui1on1 db upgrade`)"
        )
    if engine.dialect.name != "sqlite":
        return problems
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems.extend(f"integrity: {row}" for row in rows[:20])
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"{len(broken)} rows point at rows that don't exist")
        if revision is not None:
            try:
                conn.exec_driver_sql("INSERT INTO note_fts(note_fts) VALUES ('integrity-check')")
            except DBAPIError:  # FTS5 raises when the index and the notes differ
                problems.append(
                    "the search index doesn't match the notes (run `tui1on1 db upgrade`)"
                )
        conn.rollback()
    return problems


def default_backup_name(now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    return f"tui1on1-backup-{stamp}"


def backup(engine: Engine, destination: Path) -> Path:
    """Write a consistent backup of the live database to ``destination``."""
    destination = destination.expanduser()
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another name")
    if not destination.parent.is_dir():
        raise BackupError(f"the folder {destination.parent} doesn't exist")
    tmp = destination.with_name(f".{destination.name}.partial")
    tmp.unlink(missing_ok=True)
    ensure_private_file(tmp)
    try:
        if engine.dialect.name == "sqlite":
            _sqlite_backup(engine, tmp)
        else:
            _pg_dump(engine, tmp)
        os.replace(tmp, destination)
        fsync_dir(destination.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return destination


def _sqlite_backup(engine: Engine, tmp: Path) -> None:
    if sqlite_path(engine.url) is None:
        raise BackupError("an in-memory database can't be backed up")
    with engine.connect() as conn:
        # VACUUM can't run inside a transaction: use the driver connection,
        # which is in autocommit mode (see engine.py).
        conn.connection.dbapi_connection.execute("VACUUM INTO ?", (str(tmp),))
    os.chmod(tmp, FILE_MODE)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    check_conn = sqlite3.connect(f"file:{tmp}?mode=ro", uri=True)
    try:
        result = [r[0] for r in check_conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        check_conn.close()
    if result != ["ok"]:
        raise BackupError("the backup failed its integrity check; nothing was kept")


def _pg_dump(engine: Engine, tmp: Path) -> None:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError("backing up PostgreSQL needs pg_dump on the PATH")
    url = engine.url
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args = [pg_dump, "--format=custom", f"--file={tmp}", "--no-password"]
    if url.host:
        args.append(f"--host={url.host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    args.append(str(url.database))
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["unknown error"])[-1].strip()
        raise BackupError(f"pg_dump failed: {first}")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
