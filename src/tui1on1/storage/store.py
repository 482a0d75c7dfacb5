"""The Store: the one object the UI and the CLI talk to.

It is built from a URL by ``Store.open``, which makes the SQLite file private,
brings the schema to head, and returns a ready Store. Every method runs its own
short transaction and returns plain records from ``domain.records``; it is safe
to call from worker threads.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from tui1on1.storage import maintenance, migrate
from tui1on1.storage.discard import DiscardStore
from tui1on1.storage.drafts import DraftStore
from tui1on1.storage.engine import driver_connection, make_engine, safe_url, sqlite_path
from tui1on1.storage.errors import DatabaseUnavailable
from tui1on1.storage.exposures import ExposureStore
from tui1on1.storage.growth import GrowthStore
from tui1on1.storage.history import HistoryStore
from tui1on1.storage.instance_lock import InstanceLock, LockUnavailable, hold_shared
from tui1on1.storage.ledger import LedgerStore
from tui1on1.storage.meetings import MeetingStore
from tui1on1.storage.mirror import MirrorStore
from tui1on1.storage.notes import NoteStore
from tui1on1.storage.overview import OverviewStore
from tui1on1.storage.people import PeopleStore
from tui1on1.storage.recaps import RecapStore
from tui1on1.storage.search import SearchStore
from tui1on1.storage.series import SeriesStore
from tui1on1.storage.session import describe_db_error
from tui1on1.storage.succession import SuccessionStore
from tui1on1.storage.talking_points import TalkingPointStore
from tui1on1.storage.team import TeamStore
from tui1on1.storage.transfer.store import TransferStore


class Store(
    TeamStore,
    RecapStore,
    PeopleStore,
    MeetingStore,
    NoteStore,
    DraftStore,
    MirrorStore,
    LedgerStore,
    HistoryStore,
    OverviewStore,
    SearchStore,
    SeriesStore,
    DiscardStore,
    TransferStore,
    TalkingPointStore,
    ExposureStore,
    SuccessionStore,
    GrowthStore,
):
    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        #: Lines to show once, from opening (a damaged write-ahead log kept aside).
        self.notices: list[str] = []
        self._instance_lock: InstanceLock | None = None

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True) -> Store:
        """Open the database at ``url`` and bring its schema up to date.

        A SQLite file's instance lock is held until ``close`` (``instance_lock``).
        Raises BadDatabaseURL, SchemaError or DatabaseUnavailable with a message
        that is safe to show.
        """
        engine = make_engine(url)
        path = sqlite_path(engine.url)
        try:
            lock = hold_shared(path) if path is not None else None
        except LockUnavailable as exc:
            engine.dispose()
            raise DatabaseUnavailable(str(exc)) from None
        try:
            if upgrade:
                migrate.upgrade(engine)
        except DBAPIError as exc:
            engine.dispose()
            if lock is not None:
                lock.close()
            raise DatabaseUnavailable(describe_db_error(exc, safe_url(url))) from None
        except BaseException:
            engine.dispose()
            if lock is not None:
                lock.close()
            raise
        store = cls(engine)
        store._instance_lock = lock
        return store

    def close(self) -> None:
        super().close()
        if self._instance_lock is not None:
            self._instance_lock.close()
            self._instance_lock = None

    @property
    def encrypted(self) -> bool:
        """Whether this is an encrypted SQLite file (opened with its key)."""
        from tui1on1.storage import cipher

        path = sqlite_path(self.engine.url)
        return path is not None and cipher.key_for(path) is not None

    def check(self) -> list[str]:
        try:
            return maintenance.check(self.engine)
        except DBAPIError as exc:
            return [describe_db_error(exc, self.where)]

    def backup(self, destination: Path) -> Path:
        try:
            return maintenance.backup(self.engine, destination)
        except DBAPIError as exc:
            raise DatabaseUnavailable(describe_db_error(exc, self.where)) from None

    def auto_backup(self, data_dir: Path, now: datetime) -> Path | None:
        """The daily automatic backup (``backups.auto_backup``): the new file,
        or None when none was due. Raises StoreError/OSError when one was
        due and failed."""
        from tui1on1.storage.backups import auto_backup

        return auto_backup(self, data_dir, now)

    def checkpoint(self) -> bool:
        """Move what the write-ahead log holds into the main database file;
        True when all of it is there (always, for a server database)."""
        if self.dialect != "sqlite":
            return True
        try:
            self._refuse_if_file_gone()  # a checkpoint of a file no longer there proves nothing
            with self.engine.connect() as conn:
                driver = driver_connection(conn)
                row = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except (DBAPIError, sqlite3.Error, OSError, DatabaseUnavailable):
            return False
        return row is not None and row[0] == 0
