"""Reads made before the Store is open, with the standard library's sqlite3
only (SQLCipher's, for an encrypted file whose key is known).

Importing SQLAlchemy and checking the schema costs more than the app's whole
first frame, so `tui1on1 meet NAME` can't open the Store just to learn that no
one is called NAME, and home shouldn't wait for it to show its people. For the
default SQLite file this module reads those directly, read-only, in explicit
SQL; anything it can't read (another backend, a damaged or locked file, an
older schema, a journal waiting to be replayed) gives ``None`` and the app
decides with the Store. The Store reads the same again once it is open and
takes over; a test holds the two to the same records on every fixture
database and the demo (``tests/storage/test_quick_read.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import unquote

from tui1on1.storage import cipher
from tui1on1.storage.errors import StoreError

if TYPE_CHECKING:
    from tui1on1.domain.overview import PersonOverview

_T = TypeVar("_T")


@dataclass(frozen=True)
class PersonName:
    """Enough of a person for the name rule (``domain.people.match_name``)."""

    id: int
    name: str
    archived: bool


def sqlite_file(url: str) -> Path | None:
    """The file behind a plain ``sqlite:///PATH`` URL; None for anything else."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            database = unquote(url[len(prefix) :].split("?", 1)[0])
            if not database or database == ":memory:" or database.startswith("file:"):
                return None
            return Path(database).expanduser()
    return None


def people_on_file(url: str) -> list[PersonName] | None:
    """Everyone in the SQLite database at ``url`` (archived included), an empty
    list when the file doesn't exist yet, or None when this can't tell."""

    def names(connection: Any) -> list[PersonName]:
        rows = connection.execute("SELECT id, name, archived FROM person").fetchall()
        return [PersonName(int(i), str(n), bool(a)) for i, n, a in rows]

    nobody: list[PersonName] = []
    return _read(url, names, missing=nobody)


def people_overview(url: str, *, include_archived: bool = False) -> list[PersonOverview] | None:
    """Home's rows, as ``Store.people_overview`` gives them (see
    ``quick_overview``), or None when this can't tell."""
    from tui1on1.storage.quick_overview import read_overview

    nobody: list[PersonOverview] | None = []
    reading = partial(read_overview, include_archived=include_archived)
    return _read(url, reading, missing=nobody, probe_lock=False)


def _read(
    url: str, reading: Callable[[Any], _T], *, missing: _T, probe_lock: bool = True
) -> _T | None:
    """``reading`` on a read-only connection to the SQLite file at ``url``;
    ``missing`` (for a file not made yet), or None when this can't tell."""
    path = sqlite_file(url)
    if path is None:
        return None
    if _journal_waiting(path):
        return None  # its replay may bring people back: the Store decides
    if not path.exists():
        return missing
    # A log with something in it: a running instance's, or a crash's. Only
    # before the app starts (``probe_lock``) is the instance lock tried to
    # tell which: inside the app, holding it even a moment could make the
    # Store, opening beside this read, think another instance has the file
    # and skip its check of a damaged log.
    if _wal_size(path) > 0 and (not probe_lock or not _in_use(path)):
        # A crash left the log: the Store checks it before SQLite reads it.
        # (An empty one is what a read like this leaves behind: nothing in it.)
        return None
    key = cipher.key_for(path)
    if key is None and cipher.looks_encrypted(path):
        return None  # the Store says why it can't be opened
    # No log beside the file: no one has it open (SQLite removes the log with
    # the last connection), so it is read as it lies, without the -wal and
    # -shm a read-only connection would otherwise make and leave behind.
    lying = not Path(f"{path}-wal").exists()
    try:
        connection = cipher.connect(path, key, read_only=True, immutable=lying, timeout=2.0)
    except cipher.errors_or(StoreError):
        return None
    try:
        return reading(connection)
    except cipher.errors():
        return None
    finally:
        connection.close()


def _wal_size(path: Path) -> int:
    try:
        return Path(f"{path}-wal").stat().st_size
    except OSError:
        return 0


def _in_use(path: Path) -> bool:
    """Whether a running instance has the database open (its log is live)."""
    from tui1on1.storage.instance_lock import LockUnavailable, try_exclusive

    try:
        lock = try_exclusive(path)
    except LockUnavailable:
        return False
    if lock is None:
        return True
    lock.close()
    return False


def _journal_waiting(path: Path) -> bool:
    """Whether the recovery journal beside the file holds anything."""
    try:
        return Path(f"{path}.journal").stat().st_size > 0
    except OSError:
        return False
