"""The promise ledger in the Store (SQLite and PostgreSQL): each change to an
action (done, dropped with a reason, open again, rescheduled, reassigned,
reworded) updates it and adds one history row; a replayed change lands once;
an edited line is read again; a discarded meeting takes its changes back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.kinds import ActionChange, ActionStatus, NoteKind, Owner
from tui1on1.domain.records import LineReading, NewNote
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.journal_entries import action_change_entry, action_status_entry, apply

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _meeting(store, person, at):
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=at)
    return meeting


def _action(store, meeting, uid, text, *, owner=Owner.ME, due=None, private=False):
    _, action = store.add_note(
        NewNote(
            uid=uid,
            meeting_id=meeting.id,
            kind=NoteKind.ACTION,
            text=text,
            action_owner=owner,
            action_due=due,
            created_at=meeting.started_at + timedelta(minutes=5),
            private=private,
        )
    )
    return action


def _changes(store, action_id):
    return [
        (e.change, e.before, e.after, e.reason)
        for e in store.action_history([action_id])[action_id]
    ]


def test_every_change_is_in_the_history_in_order(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    first = _meeting(store, ada, T0)
    action = _action(store, first, "a1", "send the RFC #plan", due=date(2026, 12, 4))
    store.end_meeting(first.id, T0 + 30 * timedelta(minutes=1))

    store.reschedule_action(action.id, date(2026, 12, 11), at=T0 + DAY)
    store.reassign_action(action.id, Owner.THEM, at=T0 + 2 * DAY)
    store.reword_action(action.id, "send the RFC draft #rfc", at=T0 + 3 * DAY)
    store.set_action_status(
        action.id, ActionStatus.DROPPED, meeting_id=None, at=T0 + 4 * DAY, reason="  not needed "
    )
    store.set_action_status(action.id, ActionStatus.OPEN, meeting_id=None, at=T0 + 5 * DAY)
    second = _meeting(store, ada, T0 + 6 * DAY)
    done = store.set_action_status(
        action.id, ActionStatus.DONE, meeting_id=second.id, at=T0 + 6 * DAY
    )

    assert (done.status, done.due, done.owner, done.text) == (
        ActionStatus.DONE,
        date(2026, 12, 11),
        Owner.THEM,
        "send the RFC draft #rfc",
    )
    assert done.closed_meeting_id == second.id
    assert _changes(store, action.id) == [
        (ActionChange.DUE, "2026-12-04", "2026-12-11", ""),
        (ActionChange.OWNER, "me", "them", ""),
        (ActionChange.TEXT, "send the RFC #plan", "send the RFC draft #rfc", ""),
        (ActionChange.DROPPED, "open", "dropped", "not needed"),
        (ActionChange.REOPENED, "dropped", "open", ""),
        (ActionChange.DONE, "open", "done", ""),
    ]
    note = store.list_notes(first.id)[0]
    assert (note.text, note.tags) == ("send the RFC draft #rfc", ("rfc",))


def test_a_change_to_what_it_already_says_records_nothing(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    action = _action(store, _meeting(store, ada, T0), "a1", "x", due=date(2026, 12, 4))
    store.reschedule_action(action.id, date(2026, 12, 4), at=T0)
    store.reassign_action(action.id, Owner.ME, at=T0)
    store.reword_action(action.id, " x ", at=T0)
    store.set_action_status(action.id, ActionStatus.OPEN, meeting_id=None, at=T0)
    assert _changes(store, action.id) == []


def test_bad_changes_are_refused_calmly(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    action = _action(store, _meeting(store, ada, T0), "a1", "x")
    with pytest.raises(NotFound, match="no action item with id 999"):
        store.reschedule_action(999, None, at=T0)
    with pytest.raises(InvalidInput, match="needs some text"):
        store.reword_action(action.id, "   ", at=T0)
    with pytest.raises(InvalidInput, match="at most 500"):
        store.set_action_status(
            action.id, ActionStatus.DROPPED, meeting_id=None, at=T0, reason="r" * 501
        )


def test_a_replayed_change_lands_once(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting = _meeting(store, ada, T0)
    action = _action(store, meeting, "a1", "x", due=date(2026, 12, 4))
    later = T0 + 10 * timedelta(minutes=1)
    entries = [
        action_change_entry(
            meeting.id, action.id, ActionChange.DUE, "2026-12-09", later, uid="c1", note_uid="a1"
        ),
        action_status_entry(
            meeting.id, action.id, ActionStatus.DROPPED, later, "a1", reason="moot", uid="c2"
        ),
        action_status_entry(meeting.id, action.id, ActionStatus.OPEN, later, "a1", uid="c3"),
    ]
    for entry in entries + entries:
        apply(store, entry)
    assert _changes(store, action.id) == [
        (ActionChange.DUE, "2026-12-04", "2026-12-09", ""),
        (ActionChange.DROPPED, "open", "dropped", "moot"),
        (ActionChange.REOPENED, "dropped", "open", ""),
    ]


def test_when_an_actions_text_was_written(store):
    """When its note was made, or last edited (rewording edits the note
    too): a date phrase like "by fri" in it is read as of that day."""
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting = _meeting(store, ada, T0)
    made = _action(store, meeting, "a1", "send it by fri")
    reworded = _action(store, meeting, "a2", "draft it in 2 weeks")
    edited = _action(store, meeting, "a3", "review 5/12")
    store.reschedule_action(made.id, None, at=T0 + DAY)  # no new words
    store.reword_action(reworded.id, "draft it all in 2 weeks", at=T0 + 2 * DAY)
    note = next(n for n in store.list_notes(meeting.id) if n.uid == "a3")
    store.edit_note(note.id, text="review it 5/12", tags=(), at=T0 + 3 * DAY)
    assert store.texts_written([made, reworded, edited]) == {
        made.id: T0 + timedelta(minutes=5),
        reworded.id: T0 + 2 * DAY,
        edited.id: T0 + 3 * DAY,
    }
    assert store.texts_written([]) == {}


def test_an_edited_line_is_read_again(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting = _meeting(store, ada, T0)
    note, _ = store.add_note(
        NewNote(uid="n1", meeting_id=meeting.id, kind=NoteKind.NOTE, text="draft it", created_at=T0)
    )
    store.edit_note(
        note.id,
        text="draft it",
        tags=(),
        at=T0 + DAY,
        reading=LineReading(NoteKind.ACTION, Owner.ME, date(2026, 12, 9), private=True),
    )
    [action] = store.list_actions(person_id=ada.id)
    assert (action.owner, action.due, action.text) == (Owner.ME, date(2026, 12, 9), "draft it")
    assert store.list_notes(meeting.id)[0].private is True
    # Fixing the date or owner while its meeting goes on is history too, as
    # from the action dialog.
    store.edit_note(
        note.id,
        text="draft it",
        tags=(),
        at=T0 + DAY,
        reading=LineReading(NoteKind.ACTION, Owner.THEM, date(2026, 12, 10)),
    )
    assert _changes(store, action.id) == [
        (ActionChange.OWNER, "me", "them", ""),
        (ActionChange.DUE, "2026-12-09", "2026-12-10", ""),
    ]
    store.end_meeting(meeting.id, T0 + DAY)
    store.edit_note(
        note.id,
        text="draft it",
        tags=(),
        at=T0 + 2 * DAY,
        reading=LineReading(NoteKind.ACTION, Owner.THEM, date(2026, 12, 16)),
    )
    assert _changes(store, action.id)[-1] == (ActionChange.DUE, "2026-12-10", "2026-12-16", "")
    store.edit_note(
        note.id, text="draft it", tags=(), at=T0 + 3 * DAY, reading=LineReading(NoteKind.NOTE)
    )
    assert store.list_actions(person_id=ada.id) == []
    assert store.list_notes(meeting.id)[0].kind is NoteKind.NOTE


def test_private_notes_are_kept_and_can_be_shared(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting = _meeting(store, ada, T0)
    _action(store, meeting, "a1", "ask HR about her band", private=True)
    note = store.list_notes(meeting.id)[0]
    assert note.private is True
    assert store.set_note_private(note.id, False).private is False


def test_discarding_a_meeting_takes_back_what_it_changed(store, tmp_path):
    ada = store.add_person("Ada Lovelace", now=T0)
    first = _meeting(store, ada, T0)
    action = _action(store, first, "a1", "send it", due=date(2026, 12, 4))
    store.end_meeting(first.id, T0 + DAY / 48)
    second = _meeting(store, ada, T0 + 7 * DAY)
    at = T0 + 7 * DAY
    store.reschedule_action(action.id, date(2026, 12, 18), at=at, meeting_id=second.id)
    store.reassign_action(action.id, Owner.THEM, at=at, meeting_id=second.id)
    store.reword_action(action.id, "send it all", at=at, meeting_id=second.id)
    store.set_action_status(action.id, ActionStatus.DONE, meeting_id=second.id, at=at)
    store.discard_meeting(second.id, tmp_path / "discarded")
    back = store.get_action(action.id)
    assert (back.status, back.due, back.owner, back.text) == (
        ActionStatus.OPEN,
        date(2026, 12, 4),
        Owner.ME,
        "send it",
    )
    assert store.list_notes(first.id)[0].text == "send it"
    assert _changes(store, action.id) == []


def test_discarding_a_meeting_puts_back_the_status_it_changed(store, tmp_path):
    """Reopened there: done again, on the day it was done; done there after
    being dropped: dropped again, with its drop."""
    ada = store.add_person("Ada Lovelace", now=T0)
    first = _meeting(store, ada, T0)
    done = _action(store, first, "a1", "send it")
    dropped = _action(store, first, "a2", "book it")
    store.set_action_status(done.id, ActionStatus.DONE, meeting_id=first.id, at=T0 + DAY / 96)
    store.set_action_status(
        dropped.id, ActionStatus.DROPPED, meeting_id=None, at=T0 + DAY, reason="moot"
    )
    store.end_meeting(first.id, T0 + DAY / 48)
    second = _meeting(store, ada, T0 + 7 * DAY)
    at = T0 + 7 * DAY
    store.set_action_status(done.id, ActionStatus.OPEN, meeting_id=second.id, at=at)
    store.set_action_status(dropped.id, ActionStatus.DONE, meeting_id=second.id, at=at)
    result = store.discard_meeting(second.id, tmp_path / "discarded")
    assert result.reopened == 0
    back = store.get_action(done.id)
    assert (back.status, back.closed_at, back.closed_meeting_id) == (
        ActionStatus.DONE,
        T0 + DAY / 96,
        first.id,
    )
    again = store.get_action(dropped.id)
    assert (again.status, again.closed_at, again.closed_meeting_id) == (
        ActionStatus.DROPPED,
        T0 + DAY,
        None,
    )
    assert [c[0] for c in _changes(store, dropped.id)] == [ActionChange.DROPPED]


def test_my_promises_reads_only_mine_that_bear_on_the_window(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting = _meeting(store, ada, T0 - 200 * DAY)
    old = _action(store, meeting, "a1", "old, done", due=date(2026, 4, 1))
    store.set_action_status(old.id, ActionStatus.DONE, meeting_id=None, at=T0 - 190 * DAY)
    still_open = _action(store, meeting, "a2", "old, open", due=date(2026, 4, 2))
    _action(store, meeting, "a3", "theirs", owner=Owner.THEM, due=date(2026, 11, 20))
    recent = _action(store, meeting, "a4", "recent", due=date(2026, 11, 20))
    store.reschedule_action(recent.id, date(2026, 11, 25), at=T0 - 10 * DAY)
    items, history = store.my_promises(since=date(2026, 9, 2))
    assert [a.id for a in items] == [still_open.id, recent.id]
    assert [e.change for e in history[recent.id]] == [ActionChange.DUE]
    assert history[still_open.id] == []


def test_export_and_import_carry_privacy_and_history_once(store, tmp_path):
    from tui1on1.storage.store import Store
    from tui1on1.storage.transfer import export_data, import_data

    ada = store.add_person("Ada Lovelace", now=T0)
    first = _meeting(store, ada, T0)
    action = _action(store, first, "a1", "ask HR about her band", due=date(2026, 12, 4))
    store.set_note_private(store.list_notes(first.id)[0].id, True)
    store.end_meeting(first.id, T0 + DAY / 48)
    second = _meeting(store, ada, T0 + 7 * DAY)
    store.reschedule_action(action.id, date(2026, 12, 18), at=T0 + 7 * DAY, meeting_id=second.id)
    store.set_action_status(
        action.id, ActionStatus.DROPPED, meeting_id=None, at=T0 + 8 * DAY, reason="HR said no"
    )
    doc = export_data(store, now=T0 + 9 * DAY)
    exported = doc["people"][0]["meetings"][0]["notes"][0]
    assert exported["private"] is True
    assert [(h["change"], h["reason"]) for h in exported["action"]["history"]] == [
        ("due", ""),
        ("dropped", "HR said no"),
    ]

    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        for _ in range(2):  # the second import adds nothing
            import_data(other, doc)
        [copied] = other.list_actions()
        assert (copied.status, copied.due) == (ActionStatus.DROPPED, date(2026, 12, 18))
        history = other.action_history([copied.id])[copied.id]
        assert [(e.change, e.before, e.after, e.reason) for e in history] == [
            (ActionChange.DUE, "2026-12-04", "2026-12-18", ""),
            (ActionChange.DROPPED, "open", "dropped", "HR said no"),
        ]
        # The reschedule was made in the second meeting, which the copy has too.
        assert history[0].meeting_id is not None
        assert history[0].meeting_id != copied.origin_meeting_id
        assert history[1].meeting_id is None
        assert other.list_notes(copied.origin_meeting_id)[0].private is True
    finally:
        other.close()


def test_an_older_export_makes_concerns_and_parked_topics_private(store):
    from tui1on1.storage.transfer import export_data, import_data

    ada = store.add_person("Ada Lovelace", now=T0)
    meeting = _meeting(store, ada, T0)
    for uid, kind in (("c", NoteKind.CONCERN), ("p", NoteKind.PARKED), ("n", NoteKind.NOTE)):
        store.add_note(NewNote(uid=uid, meeting_id=meeting.id, kind=kind, text=uid, created_at=T0))
    doc = export_data(store, now=T0)
    doc["version"] = 3
    for note in doc["people"][0]["meetings"][0]["notes"]:
        del note["private"]
        note["uid"] += "-old"
    import_data(store, doc)
    privacy = {n.uid: n.private for n in store.list_notes(meeting.id)}
    assert privacy == {
        "c": False,
        "p": False,
        "n": False,
        "c-old": True,
        "p-old": True,
        "n-old": False,
    }
