"""A command after a crash sees the notes the crashed run left in the journal.

The app died (kill -9, a lost database) with notes only in the recovery
journal; before the next app start, the manager runs `export` or `recap`:
the notes are landed first and the command says so on stderr. A running
instance's entries are its own: a command leaves them alone.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.journal import Journal
from tui1on1.storage.journal_entries import note_to_entry
from tui1on1.storage.journal_owners import JournalOwners
from tui1on1.storage.store import Store

T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def _db() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "tui1on1" / "tui1on1.db"


def _meeting_with_journaled_notes(by: str, texts: list[str]) -> Journal:
    store = Store.open(f"sqlite:///{_db()}")
    person = store.add_person("Priya Raman")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    store.end_meeting(meeting.id, T0 + timedelta(minutes=30))
    store.close()
    journal = Journal(_db().with_name("tui1on1.db.journal"))
    for i, text in enumerate(texts):
        note = NewNote(
            uid=f"n{i}",
            meeting_id=meeting.id,
            kind=NoteKind.NOTE,
            text=text,
            created_at=T0 + timedelta(minutes=i + 1),
        )
        journal.append({**note_to_entry(note), "jid": f"j{i}", "by": by})
    return journal


def test_export_after_a_crash_lands_the_journaled_notes_first(cli):
    _meeting_with_journaled_notes("dead0", ["worried about on-call", "wants to mentor"])
    result = cli("export", "--person", "Priya")
    assert result.returncode == 0
    assert "- worried about on-call\n- wants to mentor" in result.stdout
    assert "saved 2 change(s) an earlier run left in the recovery journal" in result.stderr
    again = cli("export", "--person", "Priya")  # landed once: nothing more to say
    assert again.stdout == result.stdout and again.stderr == ""


def test_a_running_instances_notes_are_left_to_it(cli):
    journal = _meeting_with_journaled_notes("a11ce", ["typed in the running app"])
    owners = JournalOwners(journal.path)
    owners.claim("a11ce")  # that instance is still running
    try:
        result = cli("export", "--person", "Priya")
        assert "typed in the running app" not in result.stdout
        assert result.stderr == ""
        assert [e["text"] for e in journal.read().pending()] == ["typed in the running app"]
    finally:
        owners.release()
    assert "typed in the running app" in cli("export", "--person", "Priya").stdout
