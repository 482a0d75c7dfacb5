"""The database file deleted or replaced under a running Store: SQLite would
write on into the unlinked file (or the old one), unseen, and the notes would
be gone at exit. Each write checks first that the file at the path is the one
opened and refuses with DatabaseUnavailable (the writer journals on that).
And a start that finds the file gone while its recovery journal holds notes
refuses, in one line, rather than making a new empty database."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime

import pytest

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.errors import DatabaseUnavailable
from tui1on1.storage.store import Store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def live(tmp_path):
    """An open Store with a live meeting: ``(store, path, meeting_id)``."""
    path = tmp_path / "data" / "tui1on1.db"
    store = Store.open(f"sqlite:///{path}")
    ada = store.add_person("Ada Lovelace")
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    store.add_note(note(meeting.id, "before"))
    yield store, path, meeting.id
    store.close()


def note(meeting_id: int, text: str) -> NewNote:
    return NewNote(uid=text, meeting_id=meeting_id, kind=NoteKind.NOTE, text=text, created_at=T0)


def test_a_write_after_the_file_was_deleted_is_refused(live):
    store, path, meeting_id = live
    for suffix in ("", "-wal", "-shm"):
        os.unlink(f"{path}{suffix}")
    with pytest.raises(DatabaseUnavailable) as raised:
        store.add_note(note(meeting_id, "into the void"))
    message = str(raised.value)
    assert f"the database file at {path} was deleted or replaced" in message
    assert "keep tui1on1 open" in message
    with pytest.raises(DatabaseUnavailable):  # every kind of write, not only notes
        store.add_person("Grace Hopper")
    assert not path.exists()  # and no new empty database was made in its place


def test_a_write_after_the_file_was_replaced_is_refused_and_the_new_file_untouched(live, tmp_path):
    store, path, meeting_id = live
    other = tmp_path / "other.db"
    store.backup(other)
    os.replace(other, path)  # someone put another database in its place
    shutil.copy(path, tmp_path / "expected.db")
    with pytest.raises(DatabaseUnavailable, match="was deleted or replaced"):
        store.add_note(note(meeting_id, "into the old file"))
    assert path.read_bytes() == (tmp_path / "expected.db").read_bytes()


def test_writes_go_on_while_the_file_is_the_same(live):
    store, path, meeting_id = live
    os.utime(path)  # touched, not replaced
    store.add_note(note(meeting_id, "after"))
    assert [n.text for n in store.list_notes(meeting_id)] == ["before", "after"]


def test_a_missing_database_with_a_waiting_journal_and_a_backup_is_not_recreated(data_dir, cli):
    db = data_dir / "tui1on1.db"
    assert cli("people", "add", "Ada Lovelace").returncode == 0
    assert cli("db", "backup").returncode == 0  # there is one to put back
    journal = data_dir / "tui1on1.db.journal"
    journal.write_text('{"type": "note", "text": "typed while the disk was full"}\n')
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{db}{suffix}"):
            os.unlink(f"{db}{suffix}")

    done = cli("people")
    assert done.returncode == 1
    line = done.stderr.strip()
    assert len(line.splitlines()) == 1
    assert f"the database file {db} is gone" in line and str(journal) in line
    assert "tui1on1 db restore BACKUP" in line
    assert not db.exists()


@pytest.mark.parametrize("journal", [None, b"", b"\0" * 4096])
def test_a_missing_database_with_no_notes_waiting_is_made_as_before(data_dir, cli, journal):
    data_dir.mkdir(parents=True)
    if journal is not None:
        (data_dir / "tui1on1.db.journal").write_bytes(journal)  # empty, or only padding
    assert cli("people").returncode == 0
    assert (data_dir / "tui1on1.db").exists()
