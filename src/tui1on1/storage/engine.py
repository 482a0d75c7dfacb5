"""Building an Engine from a URL, with the pragmas that make SQLite durable.

Nothing is built at import time. SQLite connections run in WAL mode with
``synchronous=FULL``, a busy timeout and foreign keys on. pysqlite's own
transaction handling is switched off so that we emit BEGIN ourselves: write
transactions use ``BEGIN IMMEDIATE``, because a deferred BEGIN that later
tries to write fails at once with "database is locked" when another process
committed in between, whatever the busy timeout says.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError

from tui1on1.keys import DatabaseKey
from tui1on1.privacy import ensure_private_dir, ensure_private_file
from tui1on1.storage import cipher

BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "tui1on1_write"


class BadDatabaseURL(ValueError):
    """The URL can't be used; the message is safe to show (no password)."""


SQLITE_EXAMPLE = "sqlite:////path/to/file.db"


def parse_url(url: str) -> URL:
    """The URL, checked: one SQLAlchemy would refuse, or take with a warning,
    raises BadDatabaseURL with a line to show instead."""
    unreadable = BadDatabaseURL(
        "that database URL can't be read; expected something like "
        f"{SQLITE_EXAMPLE} or postgresql+psycopg://user@host:5432/db"
    )
    try:
        url.encode("utf-8")
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
        raise unreadable from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise BadDatabaseURL(
            f"database '{parsed.get_backend_name()}' isn't supported; use sqlite or postgresql"
        )
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_url(parsed)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _check_sqlite_url(parsed: URL) -> None:
    # pysqlite refuses a user, password or host (ArgumentError), and ignores
    # options like ?mode=memory with a warning unless uri=true is given.
    if parsed.username or parsed.password or parsed.host or parsed.port:
        raise BadDatabaseURL(
            "a sqlite URL names a file, not a user, password or host; "
            f"use {SQLITE_EXAMPLE} (four slashes for an absolute path)"
        )
    options = sorted(parsed.query)
    if options and str(parsed.query.get("uri", "")).lower() not in ("true", "1"):
        raise BadDatabaseURL(
            f"tui1on1 takes no options on a sqlite URL ({', '.join(options)}); use {SQLITE_EXAMPLE}"
        )


def safe_url(url: str) -> str:
    """The URL with any password replaced by ***, for messages and `locate`."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(unreadable URL)"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def make_engine(url: str, *, create_file: bool = True) -> Engine:
    """Build the Engine for ``url``. For a SQLite file, make it private first."""
    parsed = parse_url(url)
    kwargs: dict[str, Any] = {"hide_parameters": True}
    path = sqlite_path(parsed)
    if parsed.get_backend_name() == "sqlite":
        if path is not None:
            if path.exists() and not path.is_file():  # a FIFO would block the open
                raise BadDatabaseURL(f"{path} isn't a database file (nor a regular file)")
            if create_file:
                if not path.parent.exists():
                    ensure_private_dir(path.parent)
                ensure_private_file(path)
            elif not path.exists():
                raise BadDatabaseURL(f"there is no database at {path}")
            parsed = parsed.set(database=str(path))
        key = None
        if path is not None:
            key = cipher.key_for(path)
            if key is None and cipher.looks_encrypted(path):
                raise cipher.KeyNeeded(f"{path} is encrypted and no passphrase was given for it")
            if key is not None:
                kwargs["module"] = cipher.driver()
        engine = create_engine(parsed, **kwargs)
        _install_sqlite_hooks(engine, key)
        return engine
    kwargs["pool_pre_ping"] = True
    # A server that goes quiet (host gone, network cut) is noticed within
    # about 20 s rather than the system's two hours; one that stops answering
    # but keeps the connection (a hung process) is the writer's watch's to say.
    kwargs["connect_args"] = {
        "connect_timeout": 10,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 2,
    }
    return create_engine(parsed, **kwargs)


def _install_sqlite_hooks(engine: Engine, key: DatabaseKey | None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if key is not None:  # before anything reads the file
            cipher.apply_key(dbapi_connection, key)
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _set_wal(cursor)
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _set_wal(cursor: Any) -> None:
    """Switch to WAL, waiting out other processes doing the same.

    Changing the journal mode takes an exclusive lock and SQLite doesn't call
    the busy handler for it, so several instances creating one new file at
    once can see "database is locked" at once: retry within the busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except cipher.errors("OperationalError") as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)


def writer_engine(engine: Engine) -> Engine:
    """The same pool, but transactions begin as writers (IMMEDIATE on SQLite)."""
    return engine.execution_options(**{WRITE_OPTION: True})


def driver_connection(conn: Connection) -> DBAPIConnection:
    """The driver's own connection under ``conn``, for what must bypass
    SQLAlchemy's transaction (PRAGMAs, VACUUM). A connection in use always
    has one; SQLAlchemy only drops it when the connection is invalidated."""
    driver = conn.connection.dbapi_connection
    if driver is None:
        raise RuntimeError("the database connection was invalidated")
    return driver
