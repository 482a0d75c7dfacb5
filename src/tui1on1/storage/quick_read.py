"""Reads the command line makes before the app starts, with the standard
library's sqlite3 only (SQLCipher's, for an encrypted file whose key is known).

Importing SQLAlchemy and checking the schema costs more than the app's whole
first frame, so `tui1on1 meet NAME` can't open the Store just to learn that no
one is called NAME. For the default SQLite file this module reads the names
directly, read-only; anything it can't read (another backend, a damaged or
locked file, an older schema) gives ``None`` and the app decides, after its
first frame, with the Store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from tui1on1.storage import cipher
from tui1on1.storage.errors import StoreError


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
    path = sqlite_file(url)
    if path is None:
        return None
    if _journal_waiting(path):
        return None  # its replay may bring people back: the Store decides
    if not path.exists():
        return []
    if Path(f"{path}-wal").exists() and not _in_use(path):
        return None  # a crash left the log: the Store checks it before SQLite reads it
    key = cipher.key_for(path)
    if key is None and cipher.looks_encrypted(path):
        return None  # the Store says why it can't be opened
    try:
        connection = cipher.connect(path, key, read_only=True, timeout=2.0)
    except cipher.errors_or(StoreError):
        return None
    try:
        rows = connection.execute("SELECT id, name, archived FROM person").fetchall()
    except cipher.errors():
        return None
    finally:
        connection.close()
    return [PersonName(int(i), str(n), bool(a)) for i, n, a in rows]


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
