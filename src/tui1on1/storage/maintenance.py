"""Integrity checks and online backups.

A SQLite backup is ``VACUUM INTO`` a pre-created empty 0600 file next to the
destination, fsynced, integrity-checked, then renamed into place: a backup
either exists whole and sound or not at all. A PostgreSQL backup runs
``pg_dump`` (custom format) into a 0600 file the same way.
"""

from __future__ import annotations

import glob
import os
import shutil
import stat
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from tui1on1.keys import DatabaseKey
from tui1on1.privacy import FILE_MODE, ensure_private_file, fsync_dir
from tui1on1.storage import cipher, migrate
from tui1on1.storage.engine import driver_connection, sqlite_path
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
        driver_connection(conn).execute("VACUUM INTO ?", (str(tmp),))
    os.chmod(tmp, FILE_MODE)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    database = sqlite_path(engine.url)
    key = cipher.key_for(database) if database is not None else None
    check_conn = cipher.connect(tmp, key, read_only=True)  # a backup keeps the key
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


SQLITE_HEADER = cipher.SQLITE_HEADER
# At start, a database file up to this size also gets SQLite's quick_check
# (about 30 ms at 16 MiB); a larger one only has its header checked, so start-up
# doesn't grow with years of history (quick_check took ~100 ms at 54 MB). A
# damaged page in a large file still shows up, as the same calm "damaged,
# restore a backup" message, when SQLite reads it; `db check` reads everything.
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
BUSY_TIMEOUT_S = 10.0


def file_problems(path: Path, *, full: bool = False) -> list[str]:
    """What is wrong with the SQLite file at ``path``, read without changing it.

    Checks the 16-byte header, then runs ``quick_check`` (``integrity_check``
    when ``full``) on a read-only connection. While nobody has the database
    open (no -wal or -journal beside it) that connection is ``immutable``, so
    SQLite creates no -wal/-shm files either; the file's size and mtime are
    compared afterwards so that a write during the check can't pass for damage.
    An empty or missing file has no problems (it is a database to be made).
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return []
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return []
    key = cipher.key_for(path)
    if header != SQLITE_HEADER and key is None:
        return ["its header isn't a SQLite database header"]
    if not full and size > QUICK_CHECK_MAX_BYTES:
        return []
    for _attempt in range(3):
        in_use = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
        before = path.stat()
        problems = _run_check(path, key, full=full, immutable=not in_use)
        after = path.stat()
        if not problems or in_use:
            return problems
        if (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) and not any(
            Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal")
        ):
            return problems
    return _run_check(path, key, full=full, immutable=False)


def _run_check(path: Path, key: DatabaseKey | None, *, full: bool, immutable: bool) -> list[str]:
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = cipher.connect(
            path, key, read_only=True, immutable=immutable, timeout=BUSY_TIMEOUT_S
        )
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        finally:
            conn.close()
    except cipher.errors("DatabaseError") as exc:
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return [f"SQLite can't read it ({exc})"]
        return []  # busy, locked, can't open...: not damage; opening will say more
    if rows == ["ok"]:
        return []
    lines = [line for row in rows for line in str(row).splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("*** in database")]
    return [f"integrity: {line}" for line in lines[:20]] or ["integrity: check failed"]


def damaged_message(path: Path, problems: list[str]) -> str:
    """The one line shown when the database file is damaged."""
    what = problems[0] if problems else "it is damaged"
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return (
        f"the database file {path} is damaged: {what}{more}; nothing was changed. "
        "Restore a backup with `tui1on1 db restore BACKUP` "
        "(`tui1on1 db backups` lists them)"
    )


def waiting_journal(database: Path) -> Path | None:
    """A recovery journal beside ``database`` (``NAME.journal`` or a
    ``NAME.journal-*`` kept aside) that holds anything but padding."""
    candidates = [database.with_name(database.name + ".journal")]
    candidates += sorted(database.parent.glob(glob.escape(database.name) + ".journal-*"))
    for candidate in candidates:
        try:  # never follow a planted link, never wait on a FIFO
            fd = os.open(candidate, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:  # missing, a link, unreadable: nothing waiting we can tell
            continue
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            while chunk := fh.read(1 << 20):
                if chunk.strip(b"\0 \t\r\n"):
                    return candidate
    return None
