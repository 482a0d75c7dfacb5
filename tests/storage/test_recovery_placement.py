"""A journal replayed into a database that isn't the one it was written
against (a restored backup, a new file after the old one was lost) puts each
meeting's notes back in that meeting — found or made again by the person's
name and the meeting's start — and never under another meeting that happens
to have the same id. What can't be placed is kept in a file and said."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tui1on1.domain.kinds import CareerElement, NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.journal import Journal
from tui1on1.storage.journal_entries import career_entry, edit_entry, note_to_entry
from tui1on1.storage.recovery import replay_journal
from tui1on1.storage.store import Store

T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
ADA = {"person": "Ada Lovelace", "started_at": T0.isoformat(), "playbook": "weekly",
       "planned_minutes": 30}  # fmt: skip


def entry(uid: str, meeting_id: int, text: str, minute: int, **extra) -> dict:
    note = NewNote(uid=uid, meeting_id=meeting_id, kind=NoteKind.NOTE, text=text,
                   created_at=T0 + timedelta(minutes=minute))  # fmt: skip
    return {**note_to_entry(note), "jid": uid, **extra}


def test_a_new_database_gets_the_person_the_meeting_and_every_note(tmp_path):
    journal = Journal(tmp_path / "tui1on1.db.journal")
    journal.append(entry("a", 7, "wants to lead a team", 1, meeting=ADA))
    journal.append(entry("b", 7, "worried about on-call", 2, meeting=ADA))
    journal.append({**edit_entry(7, (41, "b"), "worried about on-call in December", (), T0),
                    "jid": "e", "meeting": ADA})  # fmt: skip
    store = Store.open(f"sqlite:///{tmp_path / 'tui1on1.db'}")  # a new, empty file

    fresh, notices = replay_journal(store, journal)

    [person] = store.list_people()
    assert person.name == "Ada Lovelace"
    [meeting] = store.meetings_for(person.id)
    assert meeting.started_at == T0 and meeting.status.value == "live"
    texts = [n.text for n in store.list_notes(meeting.id)]
    assert texts == ["wants to lead a team", "worried about on-call in December"]
    assert fresh == 3
    assert any("made again from the recovery journal" in line for line in notices)
    again, _ = replay_journal(store, journal)  # landed once
    assert again == 0 and [n.text for n in store.list_notes(meeting.id)] == texts


def test_a_restored_backup_where_the_id_is_someone_elses_meeting(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'tui1on1.db'}")
    grace = store.add_person("Grace Hopper")
    theirs, _ = store.start_meeting(grace.id, playbook="weekly", planned_minutes=30,
                                    now=T0 - timedelta(days=7))  # fmt: skip
    journal = Journal(tmp_path / "tui1on1.db.journal")
    journal.append(entry("a", theirs.id, "Ada's note, not Grace's", 1, meeting=ADA))

    replay_journal(store, journal)

    assert store.list_notes(theirs.id) == []  # never under Grace's meeting
    ada = store.find_person("Ada Lovelace")
    assert ada is not None
    [hers] = store.meetings_for(ada.id)
    assert hers.started_at == T0 and hers.id != theirs.id
    assert [n.text for n in store.list_notes(hers.id)] == ["Ada's note, not Grace's"]


def test_what_cannot_be_placed_is_kept_in_a_file_and_said(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'tui1on1.db'}")
    journal = Journal(tmp_path / "tui1on1.db.journal")
    journal.append(entry("old", 99, "from before entries named their meeting", 1))

    _fresh, notices = replay_journal(store, journal)

    kept = tmp_path / "tui1on1.db.journal.unplaced"
    [line] = kept.read_bytes().splitlines()
    assert json.loads(line.partition(b" ")[2])["text"] == "from before entries named their meeting"
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    assert any(str(kept) in n for n in notices)
    assert not journal.has_entries()


def test_an_action_ticked_done_finds_its_action_by_its_note_not_by_an_old_id(tmp_path):
    from tui1on1.domain.kinds import ActionStatus, Owner
    from tui1on1.storage.journal_entries import action_status_entry

    journal = Journal(tmp_path / "tui1on1.db.journal")
    action = NewNote(uid="act", meeting_id=7, kind=NoteKind.ACTION, text="send the rubric",
                     created_at=T0 + timedelta(minutes=1), action_owner=Owner.ME)  # fmt: skip
    journal.append({**note_to_entry(action), "jid": "a", "meeting": ADA})
    ticked = action_status_entry(7, 55, ActionStatus.DONE, T0 + timedelta(minutes=2), "act")
    journal.append({**ticked, "jid": "t", "meeting": ADA})
    carried = action_status_entry(7, 1, ActionStatus.DONE, T0 + timedelta(minutes=3))
    journal.append({**carried, "jid": "c", "meeting": ADA})  # an earlier meeting's, by id
    store = Store.open(f"sqlite:///{tmp_path / 'tui1on1.db'}")

    _fresh, notices = replay_journal(store, journal)

    [mine] = store.list_actions()
    assert (mine.text, mine.status) == ("send the rubric", ActionStatus.DONE)
    # The earlier meeting's action, named by an id of the database that is
    # gone, is not guessed at: it is kept aside and said.
    kept = tmp_path / "tui1on1.db.journal.unplaced"
    assert b'"action_id":1' in kept.read_bytes()
    assert any("kept in" in line for line in notices)


def test_a_career_mark_and_a_why_answer_are_replayed_with_their_notes(tmp_path):
    """A crash before the database had them: the journal gives back the note
    typed after Why? and the mark the manager put on another, so the thread
    after the restart is the one seen in the meeting."""
    journal = Journal(tmp_path / "tui1on1.db.journal")
    why = NewNote(uid="w", meeting_id=7, kind=NoteKind.NOTE, text="loves seeing people grow",
                  created_at=T0 + timedelta(minutes=3), answers_why=True, career="why")  # fmt: skip
    journal.append({**note_to_entry(why), "jid": "w", "meeting": ADA})
    journal.append(entry("m", 7, "run a research lab one day", 4, meeting=ADA))
    journal.append({**career_entry(7, (41, "m"), "moonshot", T0), "jid": "c", "meeting": ADA})
    store = Store.open(f"sqlite:///{tmp_path / 'tui1on1.db'}")

    replay_journal(store, journal)

    [person] = store.list_people()
    thread = store.career_thread(person.id, {})
    assert [e.headline for e in thread.timeline(CareerElement.WHY)] == ["loves seeing people grow"]
    assert [e.headline for e in thread.timeline(CareerElement.MOONSHOT)] == [
        "run a research lab one day"
    ]
