"""Where this meeting's notes are, said honestly when leaving."""

from __future__ import annotations

from datetime import UTC, datetime

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.meeting import SaveState
from tui1on1.domain.meeting.notes import MeetingNotes
from tui1on1.domain.records import NewNote

T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def notes_with(*texts: str) -> MeetingNotes:
    notes = MeetingNotes()
    for i, text in enumerate(texts):
        notes.add(
            NewNote(uid=f"u{i}", meeting_id=1, kind=NoteKind.NOTE, text=text, created_at=T0), ""
        )
    return notes


def test_every_note_in_the_database_is_saved():
    notes = notes_with("one", "two")
    for i in range(2):
        notes.kept(f"u{i}", True)
        notes.saved(f"u{i}", i + 1, None)
    assert notes.save_report() == "Every note is saved."


def test_notes_only_in_the_journal_wait_there_one_or_many():
    one = notes_with("one")
    one.kept("u0", True, refused=True)
    assert one.get("u0").state is SaveState.UNSAVED
    assert one.save_report().startswith("1 note waits in the recovery journal")
    two = notes_with("one", "two")
    two.kept("u0", True)
    two.kept("u1", True)
    assert two.save_report().startswith("2 notes wait in the recovery journal")


def test_notes_in_neither_are_named_and_leaving_is_said_to_lose_them():
    notes = notes_with("she may leave the team", "pay review in March", "kept fine", "a", "b")
    notes.kept("u2", True)
    for uid in ("u0", "u1", "u3", "u4"):
        notes.kept(uid, False)
    report = notes.save_report()
    assert report.startswith(
        "4 notes (“she may leave the team”; “pay review in March”; “a” and 1 more)"
    )
    assert "leaving now loses them" in report
    # The journal takes them after all: kept safe, waiting for the database.
    for uid in ("u0", "u1", "u3", "u4"):
        notes.kept(uid, True)
    assert notes.get("u0").state is SaveState.UNSAVED
    assert notes.save_report().startswith("5 notes wait")
