"""Sessions and error translation shared by every part of the Store.

Reads run in plain transactions; writes run in writer transactions (BEGIN
IMMEDIATE on SQLite). Driver errors are turned into StoreErrors with calm
messages that carry no SQL parameters (the engine hides them as well).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError, DBAPIError, InternalError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tui1on1.storage.engine import safe_url, sqlite_path, writer_engine
from tui1on1.storage.errors import DatabaseGone, DatabaseUnavailable


def utcnow() -> datetime:
    return datetime.now(UTC)


def describe_db_error(exc: BaseException, where: str) -> str:
    """A calm, parameter-free sentence for a driver error."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return "the database is busy (another tui1on1 may be writing)"
    if "readonly" in text or "read-only" in text or "read only" in text:
        return f"the database at {where} is read-only, so nothing can be saved to it right now"
    if "disk is full" in text or "no space" in text or "full" in text:
        return "the disk is full, so nothing can be saved to the database right now"
    if "password authentication failed" in text:
        return f"the PostgreSQL server at {where} refused the user name or password"
    if "role" in text and "does not exist" in text:
        return f"the PostgreSQL server at {where} has no user by that name"
    if "permission denied" in text or "no schema has been selected" in text:
        # (the second: a user with no rights on the schema sees no tables,
        # so the first migration tries to create them and can't)
        return f"the database at {where} doesn't let this user use tui1on1's tables"
    if "does not exist" in text and "database" in text:
        return f"the database at {where} does not exist on the server"
    if "connection" in text or "could not connect" in text or "timeout" in text:
        return f"can't reach the database server at {where}"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return (
            f"the database file at {where} is damaged or isn't a tui1on1 database; "
            "restore a backup with `tui1on1 db restore BACKUP`"
        )
    if "disk i/o error" in text:
        return f"the database at {where} can't be written (the disk or file system refused)"
    if "unable to open" in text:
        return f"can't open the database file at {where}"
    return f"the database at {where} reported an error ({type(exc).__name__})"


def _file_id(path: Path) -> tuple[int, int] | None:
    """The file at ``path`` (device, inode); None when there is none, or
    when that can't be told (the folder unreadable: SQLite will say)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


class SessionBase:
    """The engine, the two session factories, and the transaction helpers."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._writer_engine = writer_engine(engine)
        self._write_sessions = sessionmaker(self._writer_engine, expire_on_commit=False)
        self.where = safe_url(engine.url.render_as_string(hide_password=False))
        # The SQLite file this Store opened, to notice it deleted or replaced.
        self._file = sqlite_path(engine.url)
        self._file_id = _file_id(self._file) if self._file is not None else None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with self._read_sessions() as session, session.begin():
                yield session
        except (OperationalError, DBAPIError) as exc:
            raise DatabaseUnavailable(describe_db_error(exc, self.where)) from None

    @contextmanager
    def _read_rows(self) -> Iterator[Connection]:
        """A read transaction on a Core connection, for hot reads of plain rows:
        no ORM session to set up and tear down (search runs as the user types)."""
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except (OperationalError, DBAPIError) as exc:
            raise DatabaseUnavailable(describe_db_error(exc, self.where)) from None

    @contextmanager
    def _write(self) -> Iterator[Session]:
        self._refuse_if_file_gone()
        with self._translate_write_errors(), self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def _write_rows(self) -> Iterator[Connection]:
        """A write transaction on a Core connection (BEGIN IMMEDIATE on SQLite),
        for the hot writes that need no ORM session."""
        self._refuse_if_file_gone()
        with self._translate_write_errors(), self._writer_engine.connect() as conn, conn.begin():
            yield conn

    def _refuse_if_file_gone(self) -> None:
        """SQLite writes on into a deleted file, unseen: check the path first."""
        if self._file is None or self._file_id is None:
            return
        try:
            info = os.stat(self._file)
        except (FileNotFoundError, NotADirectoryError):
            info = None
        except OSError:
            return
        if info is None or (info.st_dev, info.st_ino) != self._file_id:
            raise DatabaseGone(
                f"the database file at {self._file} was deleted or replaced; keep tui1on1 "
                "open: nothing more is written to it, and new notes wait in the recovery "
                "journal"
            )

    @contextmanager
    def _translate_write_errors(self) -> Iterator[None]:
        try:
            yield
        # InternalError: PostgreSQL refusing writes in a read-only transaction.
        # A plain DatabaseError: SQLite finding a damaged page ("malformed").
        # Other driver errors (integrity, data) are not "unavailable": they
        # would fail the same way on every retry.
        except (OperationalError, InternalError) as exc:
            raise DatabaseUnavailable(describe_db_error(exc, self.where)) from None
        except DatabaseError as exc:
            if type(exc) is not DatabaseError:
                raise

            raise DatabaseUnavailable(describe_db_error(exc, self.where)) from None

    def close(self) -> None:
        self.engine.dispose()
