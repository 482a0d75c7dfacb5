"""Opening the Store for a command, turning every failure into one calm line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.privacy import ensure_private_dir
from tui1on1.settings import Settings

if TYPE_CHECKING:  # imported when a store is opened: the CLI starts without SQLAlchemy
    from tui1on1.storage.store import Store


class OpenFailed(Exception):
    """The database couldn't be opened; ``str()`` is the line to show."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage  # True when the URL itself is wrong (exit 2)


def open_store(settings: Settings, *, upgrade: bool = True) -> Store:
    """Open (and upgrade) the database the settings name.

    A SQLite file is checked first, read-only (header, then ``quick_check``):
    a damaged one is refused before SQLAlchemy, WAL mode or a migration can
    touch it. A migration that fails leaves the old revision and is refused.
    """
    from sqlalchemy.exc import DBAPIError, NoSuchModuleError

    from tui1on1.storage.engine import BadDatabaseURL, parse_url, safe_url, sqlite_path
    from tui1on1.storage.errors import DatabaseUnavailable, StoreError
    from tui1on1.storage.session import describe_db_error
    from tui1on1.storage.store import Store

    try:
        path = sqlite_path(parse_url(settings.database_url))
    except BadDatabaseURL as exc:
        raise OpenFailed(f"{exc} (from {settings.database_source})", usage=True) from None
    if path is not None:
        refuse_damaged(path)
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


def refuse_damaged(path: Path) -> None:
    """Raise OpenFailed, touching nothing, when the SQLite file at ``path`` is damaged."""
    from tui1on1.storage.maintenance import damaged_message, file_problems

    try:
        problems = file_problems(path)
    except OSError as exc:
        raise OpenFailed(f"can't read the database file {path}: {exc.strerror or exc}") from None
    if problems:
        raise OpenFailed(damaged_message(path, problems))


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
