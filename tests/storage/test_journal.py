"""The recovery journal: durable, private, ordered, and safe to replay twice."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.journal import (
    Journal,
    draft_entry,
    entry_to_note,
    journal_path_for,
    note_to_entry,
)

T0 = datetime(2026, 11, 20, 9, 0, 0, 123456, tzinfo=UTC)


def full_note(uid: str = "n-1", **kw) -> NewNote:
    fields = dict(
        uid=uid,
        meeting_id=7,
        kind=NoteKind.ACTION,
        text="send Ada the staff-engineer rubric — “by Friday” ✅",
        tags=("career", "promo"),
        elapsed_seconds=612.25,
        segment_index=2,
        asked_question_id=41,
        created_at=T0 + timedelta(minutes=10),
        action_owner=Owner.ME,
        action_due=date(2026, 11, 27),
    )
    fields.update(kw)
    return NewNote(**fields)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def replay_all(journal: Journal) -> list[dict]:
    seen: list[dict] = []
    journal.replay(seen.append)
    return seen


# --- entries -----------------------------------------------------------------


def test_note_entry_round_trip_keeps_every_field():
    note = full_note()
    entry = note_to_entry(note)
    assert entry["type"] == "note"
    # what goes to disk is plain JSON and comes back equal
    assert entry_to_note(json.loads(json.dumps(entry))) == note


@pytest.mark.parametrize(
    "note",
    [
        full_note(kind=NoteKind.QUOTE, action_owner=None, action_due=None, tags=()),
        full_note(segment_index=None, asked_question_id=None, elapsed_seconds=0.0),
        full_note(action_owner=Owner.THEM, action_due=None),
        full_note(created_at=None),  # refused by the Store later, but must not crash replay
    ],
    ids=["quote-no-action", "no-segment-no-question", "them-no-due", "no-created-at"],
)
def test_note_entry_round_trip_with_empty_fields(note):
    assert entry_to_note(json.loads(json.dumps(note_to_entry(note)))) == note


def test_draft_entry_is_plain_json():
    entry = json.loads(json.dumps(draft_entry(3, "half a thought", T0)))
    assert entry == {
        "type": "draft",
        "meeting_id": 3,
        "text": "half a thought",
        "at": T0.isoformat(),
    }
    assert datetime.fromisoformat(entry["at"]) == T0


# --- the file ------------------------------------------------------------------


def test_append_then_replay_in_order_and_empty(tmp_path):
    journal = Journal(tmp_path / "tui1on1.db.journal")
    assert not journal.has_entries()
    notes = [full_note(f"n-{i}", text=f"note {i}") for i in range(5)]
    journal.append(note_to_entry(notes[0]))
    journal.append(draft_entry(7, "typing…", T0))
    for note in notes[1:]:
        journal.append(note_to_entry(note))
    assert journal.has_entries()

    seen = replay_all(journal)

    assert [e["type"] for e in seen] == ["note", "draft", "note", "note", "note", "note"]
    assert [entry_to_note(e) for e in seen if e["type"] == "note"] == notes
    assert seen[1]["text"] == "typing…"
    assert not journal.has_entries()
    assert journal.path.read_bytes() == b""
    assert journal.replay(seen.append) == 0  # nothing left to apply


def test_replay_returns_how_many_were_applied(tmp_path):
    journal = Journal(tmp_path / "j")
    for i in range(3):
        journal.append(note_to_entry(full_note(f"n-{i}")))
    assert journal.replay(lambda _e: None) == 3


def test_replay_of_a_missing_journal_is_a_no_op(tmp_path):
    journal = Journal(tmp_path / "never-written.journal")
    assert journal.replay(lambda _e: pytest.fail("nothing to apply")) == 0
    assert not journal.path.exists()


def test_journal_file_is_private_even_under_umask_022(tmp_path, umask_022):
    journal = Journal(tmp_path / "tui1on1.db.journal")
    journal.append(note_to_entry(full_note()))
    assert mode(journal.path) == 0o600
    journal.replay(lambda _e: None)
    assert mode(journal.path) == 0o600


def test_an_existing_loose_journal_is_made_private(tmp_path, umask_022):
    path = tmp_path / "j"
    path.write_text("")
    path.chmod(0o644)
    Journal(path).append(draft_entry(1, "x", T0))
    assert mode(path) == 0o600


def test_a_torn_last_line_is_skipped(tmp_path):
    journal = Journal(tmp_path / "j")
    journal.append(note_to_entry(full_note("n-1")))
    journal.append(note_to_entry(full_note("n-2")))
    with open(journal.path, "ab") as fh:  # a crash in the middle of an append
        fh.write(b'{"type": "note", "uid": "n-3", "text": "half wri')

    seen = replay_all(journal)

    assert [e["uid"] for e in seen] == ["n-1", "n-2"]
    assert not journal.has_entries()


def test_an_append_after_a_torn_line_is_not_lost(tmp_path):
    journal = Journal(tmp_path / "j")
    journal.append(note_to_entry(full_note("n-1")))
    with open(journal.path, "ab") as fh:  # crash mid-append: no newline at the end
        fh.write(b'{"type": "note", "uid": "torn", "te')
    journal.append(note_to_entry(full_note("n-2")))  # the next run keeps journaling

    seen = replay_all(journal)

    assert [e["uid"] for e in seen] == ["n-1", "n-2"]


def test_a_replay_that_raises_leaves_the_journal_whole(tmp_path):
    journal = Journal(tmp_path / "j")
    for i in range(4):
        journal.append(note_to_entry(full_note(f"n-{i}")))
    before = journal.path.read_bytes()
    applied: list[str] = []

    def apply(entry: dict) -> None:
        if entry["uid"] == "n-2":
            raise RuntimeError("database went away")
        applied.append(entry["uid"])

    with pytest.raises(RuntimeError):
        journal.replay(apply)

    assert applied == ["n-0", "n-1"]
    assert journal.path.read_bytes() == before
    # a later replay starts from the top again (entries are idempotent)
    assert [e["uid"] for e in replay_all(journal)] == ["n-0", "n-1", "n-2", "n-3"]
    assert not journal.has_entries()


def test_two_journal_objects_on_one_file_share_it(tmp_path):
    path = tmp_path / "j"
    first, second = Journal(path), Journal(path)
    first.append(note_to_entry(full_note("a")))
    second.append(note_to_entry(full_note("b")))
    first.append(note_to_entry(full_note("c")))
    assert [e["uid"] for e in replay_all(second)] == ["a", "b", "c"]
    assert not first.has_entries()


# --- where it lives --------------------------------------------------------------


def test_journal_path_for_a_sqlite_file_sits_next_to_it(tmp_path):
    db_file = tmp_path / "data" / "tui1on1.db"
    assert journal_path_for(db_file, tmp_path / "elsewhere", "sqlite:///x") == (
        tmp_path / "data" / "tui1on1.db.journal"
    )
    other = tmp_path / "work.sqlite"
    assert journal_path_for(other, tmp_path, "sqlite:///y").name == "work.sqlite.journal"


def test_journal_path_for_a_server_is_in_the_data_dir_one_per_database(tmp_path):
    a = journal_path_for(None, tmp_path, "postgresql+psycopg://bob:***@db.example:5432/team")
    again = journal_path_for(None, tmp_path, "postgresql+psycopg://bob:***@db.example:5432/team")
    b = journal_path_for(None, tmp_path, "postgresql+psycopg://bob:***@db.example:5432/other")
    assert a == again
    assert a != b
    assert a.parent == tmp_path and b.parent == tmp_path
    assert a.name.startswith("recovery-") and a.name.endswith(".journal")
    assert "bob" not in a.name and "team" not in a.name
