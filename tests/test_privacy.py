"""Privacy: private files and folders whatever the umask, and note text that
never leaks into an error message, a traceback or a log line."""

from __future__ import annotations

import logging
import os
import stat
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.engine import make_engine
from tui1on1.storage.errors import DatabaseUnavailable, StoreError
from tui1on1.storage.journal import Journal
from tui1on1.storage.store import Store
from tui1on1.storage.writer import Writer

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
# Built at run time, so no traceback can show it by quoting this source line.
SENTINEL = "".join(["PRIVATE", "-", "sentinel", "-", "4f9c"])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def full_chain_text(exc: BaseException) -> str:
    """str() and the formatted traceback of exc and everything it was raised from."""
    parts = ["".join(traceback.format_exception(exc))]
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        parts.append(str(link))
        parts.append(repr(link))
        parts.append("".join(traceback.format_exception(link, chain=False)))
        link = link.__cause__ or link.__context__
    return "\n".join(parts)


# --- file modes -------------------------------------------------------------------------


def test_cli_files_are_private_under_umask_022(cli, isolated_dirs):
    # tests/conftest.py starts every test under umask 022; main() must tighten it
    data_dir = isolated_dirs / "data" / "tui1on1"
    added = cli("people", "add", "X")
    assert added.returncode == 0, added.stderr

    assert mode(data_dir) == 0o700
    db_file = data_dir / "tui1on1.db"
    assert mode(db_file) == 0o600
    for extra in ("tui1on1.db-wal", "tui1on1.db-shm"):
        if (data_dir / extra).exists():
            assert mode(data_dir / extra) == 0o600

    os.umask(0o022)  # loose again, as a fresh process would start
    backup = cli("db", "backup")
    assert backup.returncode == 0, backup.stderr
    backups = data_dir / "backups"
    assert mode(backups) == 0o700
    files = list(backups.iterdir())
    assert len(files) == 1
    assert mode(files[0]) == 0o600

    os.umask(0o022)
    named = data_dir.parent / "named-backup.db"
    result = cli("db", "backup", str(named))
    assert result.returncode == 0, result.stderr
    assert mode(named) == 0o600


# The app opens the Store without going through cli.main's umask: the files
# must still be private, including SQLite's own -wal and -shm while it runs.
def test_store_files_are_private_under_umask_022_while_open(tmp_path):
    from tui1on1.storage.journal_entries import draft_entry

    assert os.umask(0o022) == 0o022  # tests/conftest.py: every test starts loose
    db_file = tmp_path / "fresh-dir" / "tui1on1.db"
    store = Store.open(f"sqlite:///{db_file}")
    try:
        store.add_person("X")
        with store.engine.connect() as conn:  # hold a connection: -wal and -shm exist now
            conn.exec_driver_sql("SELECT count(*) FROM person").fetchall()
            journal = Journal(db_file.with_name(db_file.name + ".journal"))
            journal.append(draft_entry(1, "x", T0))
            modes = {p.name: oct(mode(p)) for p in [db_file.parent, *db_file.parent.iterdir()]}
    finally:
        store.close()
    assert modes.pop("fresh-dir") == oct(0o700)
    assert {"tui1on1.db", "tui1on1.db-wal", "tui1on1.db-shm", "tui1on1.db.journal"} <= set(modes)
    assert set(modes.values()) == {oct(0o600)}, modes


def test_an_existing_loose_database_file_is_made_private(tmp_path):
    db_file = tmp_path / "loose.db"
    db_file.write_bytes(b"")
    db_file.chmod(0o644)
    Store.open(f"sqlite:///{db_file}").close()
    assert mode(db_file) == 0o600


def test_a_backups_link_to_another_folder_leaves_that_folder_as_it_was(cli, tmp_path, data_dir):
    """The user keeps backups on another disk through a symlink: the folder it
    points to is theirs, shared or not, and isn't chmod'ed 0700."""
    shared = tmp_path / "shared-disk"
    shared.mkdir()
    shared.chmod(0o755)
    assert cli("people", "add", "X").returncode == 0
    (data_dir / "backups").symlink_to(shared)
    result = cli("db", "backup")
    assert result.returncode == 0, result.stderr
    assert mode(shared) == 0o755
    (written,) = shared.iterdir()
    assert mode(written) == 0o600  # the backup itself is still private


@pytest.mark.parametrize(("chosen", "after"), [(0o500, 0o500), (0o750, 0o700), (0o711, 0o700)])
def test_the_data_dir_loses_group_and_other_access_and_gains_none(cli, data_dir, chosen, after):
    """A data dir the user made stricter than 0700 stays so; only group and
    other access is taken away, never any added."""
    assert cli("people", "add", "X").returncode == 0
    data_dir.chmod(chosen)
    cli("people")
    assert mode(data_dir) == after


# --- no note text in errors ---------------------------------------------------------------


def full_disk_store(url: str) -> Store:
    """The database at url, with no room left: every INSERT of a new page fails."""
    engine = make_engine(url)

    @event.listens_for(engine, "connect")
    def _no_room(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    return Store(engine)


def secret_note(meeting_id: int, uid: str = "secret-1") -> NewNote:
    # Long enough to need new pages; it is all sentinel, every part of it private.
    text = " ".join([SENTINEL] * 900)
    return NewNote(
        uid=uid,
        meeting_id=meeting_id,
        kind=NoteKind.ACTION,
        text=text,
        tags=(SENTINEL.lower(),),
        created_at=T0,
    )


@pytest.fixture
def sqlite_meeting(sqlite_url):
    store = Store.open(sqlite_url)
    person = store.add_person("Ada")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    yield store, meeting
    store.close()


def test_a_full_disk_error_carries_no_note_text(sqlite_url, sqlite_meeting):
    _healthy, meeting = sqlite_meeting
    full = full_disk_store(sqlite_url)
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            full.add_note(secret_note(meeting.id))
    finally:
        full.close()
    assert "disk is full" in str(caught.value)
    assert SENTINEL not in full_chain_text(caught.value)
    assert SENTINEL.lower() not in full_chain_text(caught.value)


def test_a_read_only_database_error_carries_no_note_text(sqlite_url, sqlite_meeting):
    _healthy, meeting = sqlite_meeting
    path = sqlite_url.removeprefix("sqlite:///")
    read_only = Store(make_engine(f"sqlite:///file:{path}?mode=ro&uri=true"))
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            read_only.add_note(secret_note(meeting.id))
    finally:
        read_only.close()
    assert "read-only" in str(caught.value)
    assert SENTINEL not in full_chain_text(caught.value)


@pytest.mark.postgres
def test_a_read_only_postgresql_error_carries_no_note_text(pg_url, read_only_pg_store):
    healthy = Store.open(pg_url)
    person = healthy.add_person("Ada")
    meeting, _ = healthy.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    read_only = read_only_pg_store
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            read_only.add_note(secret_note(meeting.id))
    finally:
        read_only.close()
        healthy.close()
    assert SENTINEL not in full_chain_text(caught.value)


def test_the_writer_reports_an_outage_without_note_text(
    sqlite_url, sqlite_meeting, tmp_path, caplog
):
    healthy, meeting = sqlite_meeting
    full = full_disk_store(sqlite_url)
    journal = Journal(tmp_path / "private.journal")
    statuses: list[str | None] = []
    failures: list[Exception] = []
    first_wait = threading.Event()
    waits: list[float] = []

    def sleep(delay: float) -> None:
        waits.append(delay)
        first_wait.set()
        if len(waits) >= 2:
            full.close()
            switch.store = healthy  # room again

    class Switch:
        store: Store = full

        def __getattr__(self, name):
            return getattr(self.store, name)

    switch = Switch()
    caplog.set_level(logging.DEBUG)
    writer = Writer(switch, journal, on_status=statuses.append, sleep=sleep)
    writer.start()
    writer.save_note(secret_note(meeting.id), failed=failures.append)
    assert writer.flush(10.0)
    writer.stop(10.0)

    [failure] = failures
    assert isinstance(failure, StoreError)
    assert SENTINEL not in full_chain_text(failure)
    assert statuses[0] is not None and SENTINEL not in statuses[0]
    assert statuses[-1] is None
    assert SENTINEL not in caplog.text
    # it was in the journal, which is private, and it is in the database now
    assert mode(journal.path) == 0o600
    assert [n.uid for n in healthy.list_notes(meeting.id)] == ["secret-1"]


def test_a_cli_failure_does_not_echo_the_database_password(cli, isolated_dirs):
    secret = "".join(["pw", "-", "never-shown"])
    result = cli("--db", f"postgresql+psycopg://u:{secret}@127.0.0.1:1/db", "people")
    assert result.returncode == 1
    assert secret not in result.stdout + result.stderr
