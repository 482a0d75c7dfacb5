"""Opening the Store for a command, turning every failure into one calm line."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.privacy import ensure_private_dir
from tui1on1.settings import Settings

if TYPE_CHECKING:  # imported when a store is opened: the CLI starts without SQLAlchemy
    from tui1on1.domain.overview import PersonOverview
    from tui1on1.storage.store import Store


class OpenFailed(Exception):
    """The database couldn't be opened; ``str()`` is the line to show."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage  # True when the URL itself is wrong (exit 2)


class PassphraseNeeded(OpenFailed):
    """The database is encrypted and neither the passphrase file nor the key
    store had its key (or the passphrase typed didn't open it: ``said``):
    the app asks for the passphrase."""

    def __init__(self, message: str, path: Path, said: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.said = said


@dataclass(frozen=True, repr=False)
class Answer:
    """What the app's encryption question got: the passphrase of an
    encrypted database (``unlock``), or a new one on a first start
    (``encrypt``, the key kept in the key store when ``keep_key``)."""

    kind: str
    passphrase: str
    keep_key: bool = False


class EncryptionOffered(OpenFailed):
    """A first start: no database yet. The app offers to make it encrypted
    (``key_store``: whether the key can be kept so that starts ask nothing)."""

    def __init__(self, path: Path, key_store: bool) -> None:
        super().__init__(f"no database at {path} yet")
        self.path = path
        self.key_store = key_store


def open_store(
    settings: Settings, *, upgrade: bool = True, offer: bool = False, answer: Answer | None = None
) -> Store:
    """Open (and upgrade) the database the settings name.

    A SQLite file is checked first, read-only (header, then ``quick_check``):
    a damaged one is refused before SQLAlchemy, WAL mode or a migration can
    touch it. A damaged write-ahead log is copied aside first and said in
    ``store.notices``; a missing file whose recovery journal holds notes is
    refused (``refuse_lost``). A migration that fails leaves the old revision
    and is refused.
    """
    early = _find_key_early(settings) if answer is None else None
    from sqlalchemy.exc import DBAPIError, NoSuchModuleError

    from tui1on1.storage.engine import BadDatabaseURL, parse_url, safe_url, sqlite_path
    from tui1on1.storage.errors import DatabaseUnavailable, StoreError
    from tui1on1.storage.session import describe_db_error
    from tui1on1.storage.store import Store

    if early is not None:
        early.join()  # whatever it found is remembered; unlock() says what it couldn't

    try:
        path = sqlite_path(parse_url(settings.database_url))
    except BadDatabaseURL as exc:
        raise OpenFailed(f"{exc} (from {settings.database_source})", usage=True) from None
    notices: list[str] = []
    if path is not None:
        if answer is not None and answer.kind == "encrypt":
            said = start_encrypted(path, answer.passphrase, keep_key=answer.keep_key)
            notices += [said] if said else []
        elif offer and settings.is_default_sqlite:
            offer_encryption(path)
        if answer is not None and answer.kind == "unlock":
            try:
                answer_passphrase(path, answer.passphrase)
            except OpenFailed as exc:
                raise PassphraseNeeded(str(exc), path, said=str(exc)) from None
        unlock(path)
        notices += refuse_lost(path, settings.data_dir)
        # The log is checked before anything opens the file (an open would
        # drop a damaged log's frames), then whose database this is.
        notices += refuse_damaged(path)
        refuse_foreign(path)
    if settings.is_default_sqlite:
        ensure_private_dir(settings.data_dir)
    try:
        store = Store.open(settings.database_url, upgrade=False)
        if upgrade:
            try:
                _upgrade(store)
            except DBAPIError as exc:
                store.close()
                raise DatabaseUnavailable(
                    describe_db_error(exc, safe_url(settings.database_url))
                ) from None
            except BaseException:
                store.close()
                raise
        store.notices.extend(notices)
        return store
    except BadDatabaseURL as exc:
        raise OpenFailed(f"{exc} (from {settings.database_source})", usage=True) from None
    except (NoSuchModuleError, ModuleNotFoundError):
        raise OpenFailed(
            "PostgreSQL support isn't installed: pip install 'tui1on1[postgres]'"
        ) from None
    except StoreError as exc:
        raise OpenFailed(str(exc)) from None
    except OSError as exc:
        raise OpenFailed(f"can't open the database file: {exc.strerror or exc}") from None


def home_rows_ahead(settings: Settings) -> list[PersonOverview] | None:
    """Home's rows read while the Store opens, with the standard library
    (``quick_read``: the same records the Store gives), or None when they
    can't be read that way; then the Store's come alone."""
    from tui1on1.storage.quick_read import people_overview

    return people_overview(settings.database_url)


def _find_key_early(settings: Settings) -> threading.Thread | None:
    """For an encrypted file: look for its key in a thread while SQLAlchemy
    loads. Deriving it from a passphrase (~0.2 s of PBKDF2) lets go of the
    interpreter, so the two overlap; its errors are left for ``unlock``."""
    from tui1on1.storage import cipher
    from tui1on1.storage.quick_read import sqlite_file

    path = sqlite_file(settings.database_url)
    if path is None or cipher.key_for(path) is not None or not cipher.looks_encrypted(path):
        return None

    def find() -> None:
        from contextlib import suppress

        from tui1on1.storage.unlocking import unlock_file

        with suppress(Exception):  # said by unlock(), which tries again
            unlock_file(path)

    thread = threading.Thread(target=find, name="find-key", daemon=True)
    thread.start()
    return thread


def offer_encryption(path: Path) -> None:
    """Raise EncryptionOffered on a first start: no database (and no journal
    waiting) at ``path``, and SQLCipher installed."""
    from tui1on1.keys import key_store_problem
    from tui1on1.storage import cipher
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.maintenance import waiting_journal

    try:
        if path.exists() and path.stat().st_size > 0:
            return
        cipher.driver()
    except (OSError, StoreError):
        return  # opening says what is wrong; without SQLCipher there is nothing to offer
    if cipher.key_for(path) is None and waiting_journal(path) is None:
        raise EncryptionOffered(path, key_store=key_store_problem() is None)


def unlock(path: Path) -> None:
    """The key of an encrypted file, from the passphrase file or the key
    store; PassphraseNeeded when neither has it, OpenFailed when it is wrong."""
    from tui1on1.keys import KeyProblem
    from tui1on1.storage import cipher
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.unlocking import unlock_file

    try:
        unlock_file(path)
    except cipher.KeyNeeded as exc:
        raise PassphraseNeeded(str(exc), path) from None
    except (KeyProblem, StoreError) as exc:
        raise OpenFailed(str(exc)) from None


def answer_passphrase(path: Path, passphrase: str) -> None:
    """The passphrase typed in the app: its key checked and remembered, or
    OpenFailed with the line to show (and nothing changed)."""
    from tui1on1.keys import KeyProblem
    from tui1on1.storage import cipher
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.unlocking import try_passphrase

    try:
        try_passphrase(path, passphrase)
    except cipher.WrongKey:
        raise OpenFailed("That passphrase doesn't open it (or the file is damaged)") from None
    except (KeyProblem, StoreError) as exc:
        raise OpenFailed(str(exc)) from None


def start_encrypted(path: Path, passphrase: str, *, keep_key: bool) -> str | None:
    """A first start that chose encryption: the new database will be made
    with a key from ``passphrase`` (kept in the key store when ``keep_key``).
    Returns a line to say when the key store didn't take it."""
    from tui1on1 import keys
    from tui1on1.storage import cipher

    key = keys.derive(passphrase, keys.new_salt())
    cipher.remember(path, key)
    if not keep_key:
        return None
    try:
        keys.store_key(path, key)
    except keys.KeyProblem as exc:
        return f"{exc}: the passphrase will be asked each time tui1on1 starts"
    return None


def refuse_foreign(path: Path) -> None:
    """Raise OpenFailed, touching nothing, when ``path`` isn't a file tui1on1
    may open: a pipe, a device or a folder, or another program's SQLite
    database (tables, but not tui1on1's schema). Checked before the file is
    made private, switched to WAL or migrated, as each of those changes it."""
    import stat

    try:
        info = path.stat()
    except FileNotFoundError:
        return  # a database to be made
    except OSError as exc:
        raise OpenFailed(f"can't read the database file {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise OpenFailed(f"{path} isn't a database file (nor a regular file); nothing was changed")
    if info.st_size == 0:
        return
    tables = _table_names(path)
    if not tables or {"alembic_version", "person"} <= set(tables):
        return  # empty, or can't tell (damage is refuse_damaged's), or tui1on1's
    from tui1on1.domain.text import clip, safe_terminal_text

    shown = clip(safe_terminal_text(", ".join(tables)), 60)
    raise OpenFailed(
        f"{path} is another program's database (tables {shown}), not tui1on1's; "
        "nothing was changed. Use a tui1on1 database or a new file"
    )


def _table_names(path: Path) -> list[str]:
    """The tables in the SQLite file at ``path``, read-only; empty when it
    can't be read. While no -wal or -journal is beside it the connection is
    ``immutable``: SQLite then creates no -wal or -shm file either."""
    from tui1on1.storage import cipher
    from tui1on1.storage.errors import StoreError

    in_use = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
    key = cipher.key_for(path)
    if key is None and cipher.looks_encrypted(path):
        return []  # can't tell without its key
    try:
        connection = cipher.connect(path, key, read_only=True, immutable=not in_use, timeout=2.0)
        try:
            rows = connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            ).fetchall()
        finally:
            connection.close()
    except cipher.errors_or(StoreError):
        return []
    return [str(name) for (name,) in rows]


def refuse_damaged(path: Path) -> list[str]:
    """Raise OpenFailed, touching nothing, when the SQLite file at ``path`` is damaged.

    Its write-ahead log is checked before anything opens the file (which
    would drop a damaged log's frames): a damaged one is copied aside with the
    database and the line saying so is returned, for the caller to show.
    """
    from tui1on1.storage.damaged_wal import keep_damaged_wal
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.maintenance import damaged_message, file_problems

    notice = keep_damaged_wal(path)
    try:
        problems = file_problems(path)
    except StoreError as exc:  # a wrong key
        raise OpenFailed(str(exc)) from None
    except OSError as exc:
        raise OpenFailed(f"can't read the database file {path}: {exc.strerror or exc}") from None
    if problems:
        raise OpenFailed(damaged_message(path, problems))
    return [notice] if notice else []


def refuse_lost(path: Path, data_dir: Path) -> list[str]:
    """When the SQLite file at ``path`` is gone (or empty) but its recovery
    journal holds entries, a database was expected there. With a backup to
    put back, raise OpenFailed: restore it first, and the journal's meetings
    are then put back into it. With none, a new database is made and the
    journal's meetings are put back into that: the line returned says so."""
    from tui1on1.storage.backups import list_backups
    from tui1on1.storage.maintenance import waiting_journal

    try:
        if path.stat().st_size > 0:
            return []
    except FileNotFoundError:
        pass
    except OSError:
        return []  # opening says what is wrong
    journal = waiting_journal(path)
    if journal is None:
        return []
    if list_backups(data_dir):
        raise OpenFailed(
            f"the database file {path} is gone, and notes not saved anywhere else are "
            f"waiting in the recovery journal {journal}; nothing was created. Put a backup "
            "back first with `tui1on1 db restore BACKUP` (`tui1on1 db backups` lists them), "
            "then start tui1on1 again: the journal's meetings are put back into it"
        )
    return [
        f"{path.name} was gone and there is no backup: a new one was made from the "
        "recovery journal, which holds only the meetings of the last session"
    ]


def _upgrade(store: Store) -> None:
    """Bring the schema to head; a migration that breaks is one calm line."""
    from sqlalchemy.exc import DBAPIError

    from tui1on1.storage import migrate
    from tui1on1.storage.errors import StoreError

    try:
        migrate.upgrade(store.engine)
    except (StoreError, DBAPIError):
        raise
    except Exception as exc:  # a migration that broke midway: it was rolled back
        revision = migrate.current_revision(store.engine)
        at = f"revision {revision}" if revision else "no schema yet"
        raise OpenFailed(
            f"upgrading the database schema of {store.where} to revision "
            f"{migrate.HEAD_REVISION} failed ({type(exc).__name__}); it was rolled back and "
            f"the database is unchanged ({at}). Nothing was lost: keep using the previous "
            "tui1on1 version, or report this"
        ) from None
