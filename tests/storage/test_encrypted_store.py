"""An encrypted database, used as the app uses it: notes, drafts, search,
backups and the recovery journal hold no note text a stolen disk could read,
and a note journaled while the database refuses lands once when it is back."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.keys import DatabaseKey, new_salt
from tui1on1.storage import cipher, migrate
from tui1on1.storage.encryption import ConvertError, convert, converting_path
from tui1on1.storage.errors import DatabaseUnavailable
from tui1on1.storage.recovery import journal_for
from tui1on1.storage.store import Store
from tui1on1.storage.writer import Writer

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SECRET = "pay-SENTINEL-91c2"
WAIT = 10.0


def holding(root: Path, needle: str = SECRET) -> list[Path]:
    data = needle.encode()
    return [p for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


def note(meeting_id: int, uid: str, minute: int) -> NewNote:
    return NewNote(uid=uid, meeting_id=meeting_id, kind=NoteKind.NOTE,
                   text=f"{SECRET} {uid}", created_at=T0 + timedelta(minutes=minute))  # fmt: skip


@pytest.fixture
def key() -> DatabaseKey:
    return DatabaseKey(os.urandom(32), new_salt())


@pytest.fixture
def encrypted(tmp_path: Path, key: DatabaseKey):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    path = data_dir / "tui1on1.db"
    cipher.remember(path, key)
    store = Store.open(f"sqlite:///{path}")
    migrate.upgrade(store.engine)
    yield store, path, data_dir
    store.close()


class Refusing:
    """The Store, refusing every write while ``down`` (a read-only file, say)."""

    def __init__(self, store: Store) -> None:
        self.inner, self.down = store, True

    def __getattr__(self, name: str):
        attr = getattr(self.inner, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            if self.down:
                raise DatabaseUnavailable("the database is read-only right now")
            return attr(*args, **kwargs)

        return call


def test_notes_drafts_search_and_backups_hold_no_plain_text(encrypted):
    store, path, data_dir = encrypted
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    store.add_note(note(meeting.id, "n1", 2))
    store.save_draft(meeting.id, f"draft {SECRET}", T0 + timedelta(minutes=3))
    (data_dir / "backups").mkdir()
    store.backup(data_dir / "backups" / "by-hand.db")

    assert holding(data_dir) == []  # while open: the file, its -wal and -shm
    assert [hit.text for hit in store.search("SENTINEL")] == [f"{SECRET} n1"]
    assert cipher.looks_encrypted(data_dir / "backups" / "by-hand.db")
    store.close()
    assert holding(data_dir) == []
    assert not path.read_bytes().startswith(b"SQLite format 3")


def test_a_note_the_database_refuses_waits_sealed_and_lands_exactly_once(encrypted):
    store, _path, data_dir = encrypted
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    journal = journal_for(store, data_dir, store.engine.url.render_as_string())
    assert journal.sealer is not None
    refusing = Refusing(store)
    writer = Writer(refusing, journal, sleep=lambda _d: None)  # type: ignore[arg-type]
    writer.start()
    writer.save_note(note(meeting.id, "n1", 2))
    writer.save_note(note(meeting.id, "n2", 3))
    assert writer.stop(1.0)
    assert journal.has_entries()
    assert holding(data_dir) == []  # in the journal, sealed

    for entry in journal.read().pending():  # a crash mid-replay: the same lines again
        journal.append(entry)
    again = Writer(store, journal, sleep=lambda _d: None)
    again.recover()
    again.start()
    assert again.stop(WAIT)
    assert [n.uid for n in store.list_notes(meeting.id)] == ["n1", "n2"]
    assert holding(data_dir) == []


def test_a_copy_killed_half_way_leaves_the_old_file_whole_and_is_cleared(encrypted, key):
    store, path, data_dir = encrypted
    store.add_person("Ada Lovelace", now=T0)
    store.close()
    before = path.read_bytes()
    leftover = converting_path(path)
    leftover.write_bytes(b"half a copy")

    done = convert(path, data_dir, key, None)  # decrypt: the leftover goes first

    assert not leftover.exists() and done.rows > 0
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert before != path.read_bytes()


def test_converting_with_the_wrong_key_changes_nothing(encrypted):
    store, path, data_dir = encrypted
    store.add_person("Ada Lovelace", now=T0)
    store.close()
    before = path.read_bytes()
    wrong = DatabaseKey(os.urandom(32), cipher.salt_of(path))
    with pytest.raises(cipher.WrongKey):
        convert(path, data_dir, wrong, None)
    assert path.read_bytes() == before and not converting_path(path).exists()


def test_converting_while_the_database_is_open_elsewhere_is_refused(encrypted, key):
    _store, path, data_dir = encrypted
    from tui1on1.storage import instance_lock

    held = instance_lock.hold_shared(path)
    try:
        with pytest.raises(ConvertError, match="quit it first"):
            convert(path, data_dir, key, None)
    finally:
        assert held is not None
        held.close()
    assert cipher.looks_encrypted(path)


def test_a_1_1_discarded_from_an_encrypted_database_is_kept_sealed(encrypted, key):
    from tui1on1.storage.sealing import file_sealer, is_sealed_file

    store, _path, data_dir = encrypted
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    store.add_note(note(meeting.id, "n1", 2))

    kept = store.discard_meeting(meeting.id, data_dir / "discarded").path

    assert is_sealed_file(kept.read_bytes()) and holding(data_dir) == []
    assert SECRET.encode() in file_sealer(key).open_file(kept.read_bytes())


def test_a_lost_encrypted_database_is_made_again_encrypted_from_its_sealed_journal(
    encrypted, key, cli, tmp_path
):
    """The file is deleted while notes wait in the sealed journal (no backup):
    the next start finds the key from the passphrase and the salt the journal
    names, makes the database again under it, and the notes come back."""
    from tui1on1.keys import derive

    store, path, data_dir = encrypted
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    key = derive("correct horse battery", key.salt)  # a passphrase's key, same salt
    cipher.forget_all()
    cipher.remember(path, key)
    store = Store.open(f"sqlite:///{path}")
    migrate.upgrade(store.engine)
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    journal = journal_for(store, data_dir, store.engine.url.render_as_string())
    writer = Writer(Refusing(store), journal, sleep=lambda _d: None)  # type: ignore[arg-type]
    writer.start()
    writer.meeting_opened(meeting.id, person="Ada Lovelace", started_at=T0,
                          playbook="weekly", planned=30)  # fmt: skip
    writer.save_note(note(meeting.id, "n1", 2))
    assert writer.stop(1.0)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    cipher.forget_all()
    secret = tmp_path / "passphrase"
    secret.write_text("correct horse battery\n")
    secret.chmod(0o600)

    found = cli("--db", f"sqlite:///{path}", "search", "SENTINEL",
                env={"TUI1ON1_PASSPHRASE_FILE": str(secret)})  # fmt: skip

    assert found.returncode == 0, found.stderr
    assert f"{SECRET} n1" in found.stdout
    assert "made from the recovery journal" in found.stderr
    assert cipher.looks_encrypted(path) and cipher.salt_of(path) == key.salt
    assert holding(data_dir) == []
