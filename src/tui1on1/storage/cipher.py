"""SQLCipher files: telling an encrypted database from a plain one, the key
each is opened with in this process, and driver connections that use it.

A plain SQLite file starts with "SQLite format 3"; an encrypted one starts
with its 16-byte salt and nothing else of it is readable without the key.
The key is found once per start (``tui1on1.keys``) and remembered here, by
file, for the process: the Store's engine, the checks made before opening,
backups and restores all take it from here. Every connection to an
encrypted file has SQLCipher's log turned off (it would write to the
terminal) and temporary tables kept in memory.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import stat
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

from tui1on1.keys import SALT_BYTES, DatabaseKey
from tui1on1.storage.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_MIN = 512
PLAIN_MARK_AT, PLAIN_MARK = 21, b"\x40\x20\x20"  # payload fractions: fixed in every SQLite file
DRIVER = "sqlcipher3.dbapi2"
_keys: dict[Path, DatabaseKey] = {}


class EncryptionUnavailable(StoreError):
    """SQLCipher isn't installed here."""


class KeyNeeded(StoreError):
    """The database is encrypted and no key was given for it."""


class WrongKey(StoreError):
    """The key given doesn't open the database (or the file is damaged)."""


def _where(path: Path) -> Path:
    return path.expanduser().resolve()


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` looks like an encrypted database: whole pages (SQLite's
    smallest is 512 bytes) that start with neither SQLite's header nor the
    three bytes every SQLite header has at 21-23 (a plain file whose first
    bytes were damaged still has those). An encrypted file with a damaged
    salt looks encrypted; the key then doesn't open it, which is said."""
    try:  # never wait on a FIFO, never read a device: a regular file only
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return False
        header, size = os.pread(fd, PLAIN_MARK_AT + len(PLAIN_MARK), 0), info.st_size
    except OSError:
        return False
    finally:
        os.close(fd)
    if size < PAGE_MIN or size % PAGE_MIN != 0:
        return False
    return not header.startswith(SQLITE_HEADER) and header[PLAIN_MARK_AT:] != PLAIN_MARK


def salt_of(path: Path) -> bytes:
    """The salt SQLCipher keeps at the start of an encrypted file."""
    with open(path, "rb") as fh:
        return fh.read(SALT_BYTES)


def remember(path: Path, key: DatabaseKey | None) -> None:
    """Use ``key`` for the database at ``path`` from now on (None: plain)."""
    if key is None:
        _keys.pop(_where(path), None)
    else:
        _keys[_where(path)] = key


def forget_all() -> None:
    """Forget every key found (a test's new start)."""
    _keys.clear()


def key_for(path: Path) -> DatabaseKey | None:
    """The key this process opens the database at ``path`` with, if any."""
    return _keys.get(_where(path))


def driver() -> ModuleType:
    """SQLCipher's DB-API module; EncryptionUnavailable when it isn't installed."""
    try:
        module = importlib.import_module(DRIVER)
    except ImportError:
        raise EncryptionUnavailable(
            "encryption needs SQLCipher, which isn't installed here: "
            "pip install 'tui1on1[encryption]'"
        ) from None
    return module


def errors(name: str = "Error") -> tuple[type[Exception], ...]:
    """``sqlite3.<name>`` and, once SQLCipher is loaded, its own: what a
    check catches whichever driver made the connection."""
    found: list[type[Exception]] = [getattr(sqlite3, name)]
    module = sys.modules.get(DRIVER)
    if module is not None:
        found.append(getattr(module, name))
    return tuple(found)


def errors_or(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """``errors()`` and ``more``: one tuple for an ``except``."""
    return (*errors(), *more)


def apply_key(connection: Any, key: DatabaseKey) -> None:
    """Give a fresh SQLCipher connection its key (first, before any read)."""
    cursor = connection.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA key = {key.pragma()}")
        cursor.execute("PRAGMA temp_store = MEMORY")
    finally:
        cursor.close()


def check_key(connection: Any, path: Path) -> None:
    """Read the schema once: a wrong key (or damage) is WrongKey here."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except errors("DatabaseError") as exc:
        if "not a database" in str(exc).lower():
            raise WrongKey(wrong_key_message(path)) from None
        raise


def wrong_key_message(path: Path, source: str = "") -> str:
    """The one line for a key that doesn't open ``path`` (``source``: where it came from)."""
    where = f" (from {source})" if source else ""
    return (
        f"the passphrase{where} doesn't open {path} (or the file is damaged); nothing was changed"
    )


def connect(
    path: Path,
    key: DatabaseKey | None,
    *,
    read_only: bool = False,
    immutable: bool = False,
    timeout: float = 5.0,
    autocommit: bool = False,
) -> Any:
    """A driver connection to ``path``: stdlib sqlite3 when ``key`` is None,
    else SQLCipher with the key given and checked (WrongKey)."""
    options = [*(["mode=ro"] if read_only else []), *(["immutable=1"] if immutable else [])]
    uri = f"file:{quote(str(path))}" + ("?" + "&".join(options) if options else "")
    extra: dict[str, Any] = {"isolation_level": None} if autocommit else {}
    if key is None:
        return sqlite3.connect(uri, uri=True, timeout=timeout, **extra)
    connection = driver().connect(uri, uri=True, timeout=timeout, **extra)
    try:
        apply_key(connection, key)
        check_key(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection
