"""Discarding a 1:1 started by mistake (SQLite and PostgreSQL): the meeting is
kept in a private file that `import` brings back, then deleted with
everything of it; what it closed is open again; search and `db check` agree."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.kinds import ActionStatus, MeetingStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.errors import DatabaseUnavailable, NotFound, StoreError
from tui1on1.storage.journal import Journal
from tui1on1.storage.journal_entries import draft_entry, note_to_entry
from tui1on1.storage.transfer import export_data, import_data
from tui1on1.storage.writer import Writer

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
WAIT = 10.0


def add(store, meeting_id, uid, kind, text, minute, **kw):
    return store.add_note(
        NewNote(uid=uid, meeting_id=meeting_id, kind=kind, text=text,
                created_at=T0 + minute * MIN, elapsed_seconds=minute * 60.0, **kw)
    )  # fmt: skip


@pytest.fixture
def priya(store):
    """Priya: a real 1:1 last week (two promises), and today's, started by
    mistake, in which one of last week's promises was ticked done."""
    person = store.add_person("Priya Raman", role="Staff engineer", now=T0 - 30 * MIN)
    store.add_person("Bob Ross", now=T0 - 30 * MIN)
    week_ago = T0 - timedelta(days=7)
    before, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=week_ago)
    kept_words = [
        add(store, before.id, "old-1", NoteKind.NOTE, "wants to mentor juniors", -7 * 24 * 60),
        add(store, before.id, "old-2", NoteKind.ACTION, "send the ladder doc", -7 * 24 * 60,
            action_owner=Owner.ME),
        add(store, before.id, "old-3", NoteKind.ACTION, "book the offsite", -7 * 24 * 60),
    ]  # fmt: skip
    store.end_meeting(before.id, week_ago + 30 * MIN, summary="good")
    ladder = kept_words[1][1]

    mistake, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    store.log_segment(mistake.id, 0, "Follow-ups", T0)
    store.pause_meeting(mistake.id, T0 + 2 * MIN)
    store.resume_meeting(mistake.id, T0 + 3 * MIN)
    asked = store.record_question(
        mistake.id, slug="aspiration-where-next", text="Where next?", elapsed_seconds=60, at=T0
    )
    add(store, mistake.id, "mis-1", NoteKind.NOTE, "zanzibar plans #growth", 4,
        tags=("growth",), asked_question_id=asked.id)  # fmt: skip
    add(store, mistake.id, "mis-2", NoteKind.QUOTE, "quixotic wombats everywhere", 5)
    _, created = add(store, mistake.id, "mis-3", NoteKind.ACTION, "xylophone lessons", 6,
                     action_owner=Owner.THEM, action_due=date(2026, 11, 27))  # fmt: skip
    deleted, _ = add(store, mistake.id, "mis-4", NoteKind.NOTE, "zanzibar typo", 7)
    store.delete_note(deleted.id, T0 + 8 * MIN)
    store.set_action_status(ladder.id, ActionStatus.DONE, meeting_id=mistake.id, at=T0 + 9 * MIN)
    store.save_draft(mistake.id, "half a zanzibar thought", T0 + 10 * MIN)
    return {
        "person": person,
        "before": before,
        "mistake": mistake,
        "ladder": ladder,
        "created": created,
    }


def texts(hits) -> set[str]:
    return {hit.text for hit in hits}


def test_discard_keeps_a_private_file_then_removes_everything_of_the_meeting(
    store, priya, tmp_path
):
    folder = tmp_path / "data" / "discarded"
    mistake = priya["mistake"]
    result = store.discard_meeting(mistake.id, folder, now=T0 + 11 * MIN)

    assert (result.notes, result.actions, result.reopened) == (3, 1, 1)
    assert result.person_name == "Priya Raman"
    assert result.path.parent == folder
    assert result.path.name == "priya-raman-2026-11-20-0900.json"
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    with pytest.raises(NotFound):
        store.get_meeting(mistake.id)
    person = priya["person"]
    assert [m.id for m in store.meetings_for(person.id)] == [priya["before"].id]
    assert store.live_meetings() == []
    assert store.list_notes(mistake.id, include_deleted=True) == []
    assert store.list_asked(mistake.id) == []
    assert store.list_segments(mistake.id) == []
    assert store.get_draft(mistake.id) is None
    # search never shows the discarded notes; the others still match
    for word in ("zanzibar", "quixotic", "xylophone", "growth"):
        assert store.search(word) == [], word
    assert store.search("", tag="growth") == []
    assert texts(store.search("mentor")) == {"wants to mentor juniors"}
    # the promise ticked in the discarded meeting is open again; its own is gone
    actions = {a.text: a for a in store.list_actions(person_id=person.id)}
    assert set(actions) == {"send the ladder doc", "book the offsite"}
    ladder = actions["send the ladder doc"]
    assert ladder.status is ActionStatus.OPEN
    assert ladder.closed_at is None and ladder.closed_meeting_id is None
    # gone from export and the overview too; the database is sound
    exported = export_data(store)
    [exported_priya] = [p for p in exported["people"] if p["name"] == "Priya Raman"]
    assert len(exported_priya["meetings"]) == 1
    assert store.count_meetings(person.id) == 1
    assert store.check() == []


def test_the_discard_file_is_an_export_that_import_brings_back(store, priya, tmp_path):
    mistake = priya["mistake"]
    before_people = [p.name for p in store.list_people()]
    result = store.discard_meeting(mistake.id, tmp_path / "discarded", now=T0 + 11 * MIN)

    document = json.loads(result.path.read_text())
    assert document["format"] == "tui1on1-export"
    [person] = document["people"]
    assert (person["name"], person["role"]) == ("Priya Raman", "Staff engineer")
    [meeting] = person["meetings"]
    assert meeting["status"] == "live"
    assert [n["text"] for n in meeting["notes"]] == [
        "zanzibar plans #growth",
        "quixotic wombats everywhere",
        "xylophone lessons",
        "zanzibar typo",
    ]
    assert meeting["draft"]["text"] == "half a zanzibar thought"
    assert meeting["notes"][0]["asked_question"] == "q1"

    report = import_data(store, document)
    assert (report.people_added, report.people_skipped) == (0, 1)
    assert (report.meetings_added, report.notes_added, report.actions_added) == (1, 4, 1)
    assert [p.name for p in store.list_people()] == before_people  # no second Priya
    [back] = store.live_meetings()
    assert back.person_id == priya["person"].id and back.started_at == T0
    assert back.status is MeetingStatus.LIVE and len(back.pauses) == 1
    assert [n.text for n in store.list_notes(back.id)] == [
        "zanzibar plans #growth",
        "quixotic wombats everywhere",
        "xylophone lessons",
    ]
    assert store.get_draft(back.id).text == "half a zanzibar thought"
    assert [a.slug for a in store.list_asked(back.id)] == ["aspiration-where-next"]
    assert texts(store.search("zanzibar")) == {"zanzibar plans #growth"}
    [xylophone] = [a for a in store.list_actions() if a.text == "xylophone lessons"]
    assert xylophone.origin_meeting_id == back.id and xylophone.due == date(2026, 11, 27)
    assert store.check() == []


def test_a_second_discard_of_the_same_start_gets_its_own_file(store, priya, tmp_path):
    folder = tmp_path / "discarded"
    first = store.discard_meeting(priya["mistake"].id, folder, now=T0 + 11 * MIN)
    import_data(store, json.loads(first.path.read_text()))
    [back] = store.live_meetings()
    second = store.discard_meeting(back.id, folder, now=T0 + 12 * MIN)
    assert second.path != first.path and second.path.name.endswith("-2.json")
    assert first.path.exists() and second.path.exists()


def test_nothing_is_deleted_when_the_file_cannot_be_written(store, priya, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    with pytest.raises(OSError):
        store.discard_meeting(priya["mistake"].id, blocked / "discarded")
    assert store.get_meeting(priya["mistake"].id).status is MeetingStatus.LIVE
    assert texts(store.search("zanzibar")) == {"zanzibar plans #growth"}
    [ladder] = [a for a in store.list_actions() if a.text == "send the ladder doc"]
    assert ladder.status is ActionStatus.DONE


def test_discarding_a_meeting_that_is_gone_says_so(store, priya, tmp_path):
    store.discard_meeting(priya["mistake"].id, tmp_path / "d")
    with pytest.raises(NotFound):
        store.discard_meeting(priya["mistake"].id, tmp_path / "d")


# --- through the ordered writer and the recovery journal ------------------------------


def note(meeting_id: int, uid: str, text: str, minute: float) -> NewNote:
    return NewNote(uid=uid, meeting_id=meeting_id, kind=NoteKind.NOTE, text=text,
                   created_at=T0 + minute * MIN)  # fmt: skip


def test_writes_submitted_before_the_discard_land_in_its_file_never_after(store, tmp_path):
    person = store.add_person("Priya Raman")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    writer = Writer(store, Journal(tmp_path / "j.journal"))
    writer.start()
    results, failures = [], []
    for i in range(5):
        writer.save_note(note(meeting.id, f"n{i}", f"burst note {i}", i))
    writer.save_draft(meeting.id, "typed but not sent", T0 + 6 * MIN)
    writer.discard_meeting(
        meeting.id, tmp_path / "discarded", T0 + 7 * MIN,
        done=results.append, failed=failures.append,
    )  # fmt: skip
    # anything the screen still sends afterwards is refused, not stored
    writer.save_note(note(meeting.id, "late", "a late note", 8))
    assert writer.stop(WAIT)
    assert failures == []
    [result] = results
    saved = json.loads(result.path.read_text())["people"][0]["meetings"][0]
    assert [n["uid"] for n in saved["notes"]] == [f"n{i}" for i in range(5)]
    assert saved["draft"]["text"] == "typed but not sent"
    assert store.search("burst") == [] and store.search("late") == []
    assert store.check() == []


def test_the_journal_never_replays_notes_into_a_discarded_meeting(store, tmp_path):
    """Notes journaled for a meeting (by another instance sharing the journal)
    go into the discard file; the journal is emptied of them; and an entry
    written later for the discarded meeting never lands in the newer meeting
    that gets its id (SQLite reuses the highest id)."""
    person = store.add_person("Priya Raman")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    journal = Journal(tmp_path / "j.journal")
    writer = Writer(store, journal)
    writer.start()
    assert writer.flush(WAIT)
    journal.append(note_to_entry(note(meeting.id, "journaled", "journaled zanzibar", 3)))
    results = []
    writer.discard_meeting(meeting.id, tmp_path / "discarded", T0 + 5 * MIN, done=results.append)
    assert writer.flush(WAIT)
    [result] = results
    saved = json.loads(result.path.read_text())["people"][0]["meetings"][0]
    assert [n["uid"] for n in saved["notes"]] == ["journaled"]
    assert not journal.has_entries()

    # a stale entry for the discarded meeting, then a new meeting (maybe the same id)
    journal.append(note_to_entry(note(meeting.id, "stale", "stale zanzibar", 4)))
    journal.append(draft_entry(meeting.id, "stale draft", T0 + 4 * MIN))
    again, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30,
                                   now=T0 + 10 * MIN)  # fmt: skip
    journal.append(note_to_entry(note(again.id, "fresh", "fresh words", 11)))
    assert writer.stop(WAIT)
    restarted = Writer(store, journal)
    restarted.start()
    assert restarted.stop(WAIT)
    assert [n.uid for n in store.list_notes(again.id)] == ["fresh"]
    assert store.get_draft(again.id) is None
    assert store.search("zanzibar") == []
    assert not journal.has_entries()
    assert store.check() == []


def test_a_discard_the_database_refuses_is_reported_once_and_not_retried(store, tmp_path):
    class Refusing:
        """The real store, but the server is read-only just for the discard."""

        def __getattr__(self, name):
            return getattr(store, name)

        def discard_meeting(self, *_args, **_kw):
            raise DatabaseUnavailable("the database at somewhere is read-only")

    person = store.add_person("Priya Raman")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    writer = Writer(Refusing(), None, sleep=lambda _s: pytest.fail("a discard is never retried"))
    writer.start()
    failures = []
    writer.discard_meeting(meeting.id, tmp_path / "discarded", T0, failed=failures.append)
    writer.discard_meeting(999_999, tmp_path / "discarded", T0, failed=failures.append)
    writer.submit(lambda s: s.add_note(note(meeting.id, "after", "still taken", 1)))
    assert writer.stop(WAIT)
    assert [str(f) for f in failures] == ["the database at somewhere is read-only"] * 2
    assert all(isinstance(f, StoreError) for f in failures)
    assert [n.uid for n in store.list_notes(meeting.id)] == ["after"]
    assert not (tmp_path / "discarded").exists()


def test_discarding_an_unknown_meeting_through_the_writer_says_so(store, tmp_path):
    writer = Writer(store, None)
    writer.start()
    failures = []
    writer.discard_meeting(999_999, tmp_path / "discarded", T0, failed=failures.append)
    assert writer.stop(WAIT)
    [failure] = failures
    assert isinstance(failure, NotFound) and "999999" in str(failure)
