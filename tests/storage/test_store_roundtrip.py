"""Every table round-trips through the Store, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tui1on1.domain.kinds import ActionStatus, MeetingStatus, NoteKind, Owner, Relationship
from tui1on1.domain.records import NewNote
from tui1on1.storage.errors import DuplicateName, InvalidInput, NotFound

T0 = datetime(2026, 11, 20, 9, 0, 0, 123456, tzinfo=UTC)


def new_note(meeting_id: int, uid: str, text: str = "they enjoy mentoring", **kw) -> NewNote:
    kw.setdefault("kind", NoteKind.NOTE)
    kw.setdefault("created_at", T0 + timedelta(minutes=3))
    return NewNote(uid=uid, meeting_id=meeting_id, text=text, **kw)


def test_person_round_trip(store):
    added = store.add_person(
        "  Ada   Lovelace ",
        role="Staff engineer",
        relationship=Relationship.SKIP_LEVEL,
        cadence="biweekly",
        default_playbook="quarterly",
        now=T0,
    )
    got = store.get_person(added.id)
    assert got == added
    assert got.name == "Ada Lovelace"
    assert got.cadence == "FREQ=WEEKLY;INTERVAL=2"
    assert got.relationship is Relationship.SKIP_LEVEL
    assert got.created_at == T0 and got.created_at.tzinfo is UTC
    assert store.find_person("ADA lovelace") == got


def test_names_are_unique_ignoring_case(store):
    store.add_person("Grace Hopper")
    with pytest.raises(DuplicateName, match="already someone called"):
        store.add_person("grace  HOPPER")


def test_a_name_the_rule_finds_someone_by_is_refused_on_add_and_rename(store):
    """No near-duplicates, on either backend: another accent, or a start of
    someone's name that would change whom it finds."""
    grace = store.add_person("Grace Hopper")
    zoe = store.add_person("Zoë Müller")
    for typed in ("Zoe Muller", "Grace", "hop"):
        with pytest.raises(DuplicateName):
            store.add_person(typed)
    for typed in ("Grace", "grace hopper", "Hop"):
        with pytest.raises(DuplicateName, match="Grace Hopper"):
            store.update_person(zoe.id, name=typed)
    # A person may be renamed to a name that finds only them.
    assert store.update_person(grace.id, name="grace hopper").name == "grace hopper"
    assert store.update_person(zoe.id, name="Zoe Muller").name == "Zoe Muller"
    assert [p.name for p in store.list_people()] == ["grace hopper", "Zoe Muller"]


@pytest.mark.parametrize(
    "name, message",
    [("", "can't be empty"), ("x" * 10_000, "at most 80"), ("Eve\x1b[31m", "control")],
)
def test_bad_names_are_refused(store, name, message):
    with pytest.raises(InvalidInput, match=message):
        store.add_person(name)


def test_bad_cadence_is_refused_calmly(store):
    with pytest.raises(InvalidInput, match="couldn't read the cadence"):
        store.add_person("Linus", cadence="every full moon")


def test_update_and_archive_person(store):
    person = store.add_person("Barbara Liskov")
    changed = store.update_person(person.id, role="Principal", cadence="monthly", archived=True)
    assert changed.role == "Principal" and changed.cadence == "FREQ=MONTHLY" and changed.archived
    assert store.list_people() == []
    assert store.list_people(include_archived=True) == [changed]
    cleared = store.update_person(person.id, cadence="")
    assert cleared.cadence is None


def test_meeting_pauses_segments_and_end(store):
    person = store.add_person("Katherine Johnson")
    meeting, resumed = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    assert not resumed and meeting.status is MeetingStatus.LIVE
    again, resumed = store.start_meeting(person.id, playbook="other", planned_minutes=45, now=T0)
    assert resumed and again.id == meeting.id and again.playbook == "weekly"

    paused = store.pause_meeting(meeting.id, T0 + timedelta(minutes=5))
    assert paused.pauses[0].resumed_at is None
    resumed_m = store.resume_meeting(meeting.id, T0 + timedelta(minutes=7))
    assert resumed_m.pauses[0].resumed_at == T0 + timedelta(minutes=7)

    first = store.log_segment(meeting.id, 0, "Follow-ups", T0)
    store.log_segment(meeting.id, 1, "Their topics", T0 + timedelta(minutes=4))
    segments = store.list_segments(meeting.id)
    assert [s.title for s in segments] == ["Follow-ups", "Their topics"]
    assert segments[0].id == first.id and segments[0].ended_at == T0 + timedelta(minutes=4)

    assert store.extend_meeting(meeting.id, 5).planned_minutes == 35
    ended = store.end_meeting(meeting.id, T0 + timedelta(minutes=33), summary="good talk")
    assert ended.status is MeetingStatus.ENDED and ended.summary == "good talk"
    assert ended.ended_at == T0 + timedelta(minutes=33)
    assert store.list_segments(meeting.id)[1].ended_at == ended.ended_at
    assert store.live_meetings() == []
    with pytest.raises(InvalidInput, match="already ended"):
        store.pause_meeting(meeting.id, T0 + timedelta(minutes=40))
    later = T0 + timedelta(days=7)
    new, resumed = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=later)
    assert not resumed and new.id != meeting.id
    assert [m.id for m in store.meetings_for(person.id)] == [new.id, meeting.id]


def test_a_meeting_ended_with_the_clock_set_back_ends_at_its_start(store):
    """The computer's clock went back 44 minutes during a 1:1: the recap says it
    was under a minute, never "We met for -14 minutes"."""
    from tui1on1.domain.recap import markdown

    person = store.add_person("Mary Jackson")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    ended = store.end_meeting(meeting.id, T0 - timedelta(minutes=14))
    assert ended.ended_at == ended.started_at == T0
    recap = markdown(store.meeting_record(meeting.id), today=T0.date())
    assert "We met for under a minute." in recap.splitlines()


def test_notes_actions_and_questions(store):
    person = store.add_person("Margaret Hamilton")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    asked = store.record_question(
        meeting.id, slug="aspiration-where-next", text="Where next?", elapsed_seconds=61.5, at=T0
    )
    store.update_question(asked.id, pause_seconds=8.25)
    after = store.update_question(asked.id, pause_seconds=4.0, add_followup=True)
    assert after.pause_seconds == pytest.approx(12.25) and after.followups == 1
    assert store.list_asked(meeting.id) == [after]

    note, action = store.add_note(
        new_note(
            meeting.id,
            "n1",
            "wants to lead a team #career",
            tags=("career",),
            elapsed_seconds=75.0,
            segment_index=2,
            asked_question_id=asked.id,
        )
    )
    assert action is None
    assert note.tags == ("career",) and note.asked_question_id == asked.id
    promise, item = store.add_note(
        new_note(
            meeting.id,
            "n2",
            "book the design review",
            kind=NoteKind.ACTION,
            action_owner=Owner.ME,
            action_due=date(2026, 11, 27),
        )
    )
    assert item is not None and item.owner is Owner.ME and item.due == date(2026, 11, 27)
    assert item.note_id == promise.id and item.origin_meeting_id == meeting.id
    assert store.list_notes(meeting.id) == [note, promise]
    assert store.list_actions(person_id=person.id, status=ActionStatus.OPEN) == [item]

    done = store.set_action_status(
        item.id, ActionStatus.DONE, meeting_id=meeting.id, at=T0 + timedelta(minutes=9)
    )
    assert done.status is ActionStatus.DONE and done.closed_meeting_id == meeting.id
    assert store.list_actions(person_id=person.id, status=ActionStatus.OPEN) == []


def test_saving_the_same_note_twice_lands_once(store):
    person = store.add_person("Hedy Lamarr")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    first = store.add_note(new_note(meeting.id, "same", kind=NoteKind.ACTION))
    second = store.add_note(new_note(meeting.id, "same", kind=NoteKind.ACTION))
    assert first == second
    assert len(store.list_notes(meeting.id)) == 1
    assert len(store.list_actions(person_id=person.id)) == 1


def test_a_note_another_writer_saves_between_the_look_and_the_insert_lands_once(store, monkeypatch):
    """A second instance replaying the journal while the first one's commit
    lands (a hung server let go): its insert hits the uid another writer
    just saved, and what that writer saved is returned, not an error."""
    import tui1on1.storage.notes as notes

    person = store.add_person("Hedy Lamarr")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    new = new_note(meeting.id, "same", kind=NoteKind.ACTION)
    saved = store.add_note(new)  # the other writer's, committed just after our look
    real = notes._saved_note
    looks = []

    def a_look_before_the_other_commit(conn, uid):
        looks.append(uid)
        return None if len(looks) == 1 else real(conn, uid)

    monkeypatch.setattr(notes, "_saved_note", a_look_before_the_other_commit)
    assert store.add_note(new) == saved
    assert len(looks) == 2  # the look, then the read after the refused insert
    assert len(store.list_notes(meeting.id)) == 1
    assert len(store.list_actions(person_id=person.id)) == 1


def test_edit_delete_and_restore_note(store):
    person = store.add_person("Frances Allen")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    note, _ = store.add_note(new_note(meeting.id, "a", "send notes", kind=NoteKind.ACTION))
    edited = store.edit_note(note.id, text="send the notes", tags=("x",), at=T0)
    assert edited.text == "send the notes" and edited.edited_at == T0
    assert store.list_actions(person_id=person.id)[0].text == "send the notes"

    store.delete_note(note.id, T0 + timedelta(minutes=1))
    assert store.list_notes(meeting.id) == []
    assert store.list_notes(meeting.id, include_deleted=True)[0].deleted_at is not None
    assert store.list_actions(person_id=person.id)[0].status is ActionStatus.DROPPED

    store.restore_note(note.id)
    assert [n.id for n in store.list_notes(meeting.id)] == [note.id]
    assert store.list_actions(person_id=person.id)[0].status is ActionStatus.OPEN


def test_note_limits(store):
    person = store.add_person("Radia Perlman")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    with pytest.raises(InvalidInput, match="at most 20,000"):
        store.add_note(new_note(meeting.id, "big", "x" * 20_001))
    with pytest.raises(InvalidInput, match="needs some text"):
        store.add_note(new_note(meeting.id, "blank", "   "))
    with pytest.raises(NotFound):
        store.add_note(new_note(meeting.id + 999, "orphan"))


def test_drafts(store):
    person = store.add_person("Annie Easley")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    assert store.get_draft(meeting.id) is None
    store.save_draft(meeting.id, "half a thou", T0)
    store.save_draft(meeting.id, "half a thought", T0 + timedelta(seconds=1))
    draft = store.get_draft(meeting.id)
    assert draft.text == "half a thought" and draft.updated_at == T0 + timedelta(seconds=1)
    store.save_draft(meeting.id, "", T0)
    assert store.get_draft(meeting.id) is None


def test_datetimes_come_back_aware_utc_from_any_offset(store):
    tokyo = timezone(timedelta(hours=9))
    local = datetime(2026, 3, 29, 10, 30, tzinfo=tokyo)
    person = store.add_person("Tu Youyou", now=local)
    got = store.get_person(person.id)
    assert got.created_at == local
    assert got.created_at.utcoffset() == timedelta(0)
    assert got.created_at.hour == 1


def test_naive_datetimes_are_refused(store):
    with pytest.raises(Exception, match="naive"):
        store.add_person("Naive Nancy", now=datetime(2026, 1, 1, 12, 0))
    assert store.find_person("Naive Nancy") is None
