"""Opening the Store for a command, turning every failure into one calm line."""

from __future__ import annotations

from tui1on1.privacy import ensure_private_dir
from tui1on1.settings import Settings


class OpenFailed(Exception):
    """The database couldn't be opened; ``str()`` is the line to show."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage  # True when the URL itself is wrong (exit 2)


def open_store(settings: Settings, *, upgrade: bool = True):  # returns Store, imported lazily
    from sqlalchemy.exc import NoSuchModuleError

    from tui1on1.storage.engine import BadDatabaseURL
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.store import Store

    if settings.is_default_sqlite:
        ensure_private_dir(settings.data_dir)
    try:
        return Store.open(settings.database_url, upgrade=upgrade)
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
