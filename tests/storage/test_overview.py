"""Queries behind home, person/prep and history, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from query_plans import query_plans

from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def add_meeting(store, person, start, minutes, notes=(), live=False):
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=start)
    for i, (kind, text, owner) in enumerate(notes):
        store.add_note(
            NewNote(uid=f"{meeting.id}-{i}", meeting_id=meeting.id, kind=kind, text=text,
                    created_at=start + timedelta(minutes=i + 1), action_owner=owner)
        )  # fmt: skip
    if not live:
        store.end_meeting(meeting.id, start + timedelta(minutes=minutes))
    return meeting


def test_people_overview_in_one_pass(store):
    ada = store.add_person("Ada Lovelace", cadence="weekly")
    bob = store.add_person("Bob Ross")
    gone = store.add_person("Gone Person")
    store.update_person(gone.id, archived=True)
    for week in range(10):
        add_meeting(store, ada, T0 + timedelta(weeks=week), 25 + week)
    add_meeting(
        store, ada, T0 + timedelta(weeks=10), 30,
        notes=[(NoteKind.ACTION, "mine 1", Owner.ME), (NoteKind.ACTION, "mine 2", Owner.ME),
               (NoteKind.ACTION, "theirs", Owner.THEM), (NoteKind.NOTE, "plain", None)],
        live=True,
    )  # fmt: skip
    overview = {o.person.name: o for o in store.people_overview()}
    assert set(overview) == {"Ada Lovelace", "Bob Ross"}
    a = overview["Ada Lovelace"]
    assert a.last_started_at == T0 + timedelta(weeks=10)
    assert a.last_started_at.tzinfo is not None
    assert (a.open_mine, a.open_theirs) == (2, 1)
    assert a.recent_minutes == (27.0, 28.0, 29.0, 30.0, 31.0, 32.0, 33.0, 34.0)  # last 8 ended
    assert a.live_meeting_id is not None
    b = overview["Bob Ross"]
    assert (b.last_started_at, b.open_mine, b.recent_minutes, b.live_meeting_id) == (
        None, 0, (), None,
    )  # fmt: skip
    assert "Gone Person" in {o.person.name for o in store.people_overview(include_archived=True)}
    assert bob.id != gone.id


def test_meeting_listings_count_what_each_meeting_holds(store):
    ada = store.add_person("Ada")
    first = add_meeting(store, ada, T0, 30, notes=[(NoteKind.NOTE, "a", None)])
    second = add_meeting(
        store, ada, T0 + timedelta(weeks=1), 31,
        notes=[(NoteKind.ACTION, "x", Owner.THEM), (NoteKind.QUOTE, "y", None)],
    )  # fmt: skip
    store.record_question(second.id, slug="s", text="Q?", elapsed_seconds=5, at=T0)
    deleted = store.list_notes(second.id)[1]
    store.delete_note(deleted.id, T0 + timedelta(weeks=1, minutes=5))
    listings = store.meeting_listings(ada.id)
    assert [entry.meeting.id for entry in listings] == [second.id, first.id]
    # The quote was deleted; the action is counted as an action, not a note too.
    assert (listings[0].notes, listings[0].actions, listings[0].questions) == (0, 1, 1)
    assert (listings[1].notes, listings[1].actions, listings[1].questions) == (1, 0, 0)
    assert store.meeting_listings(ada.id + 99) == []


def test_open_topics_until_resolved(store):
    ada = store.add_person("Ada")
    add_meeting(
        store, ada, T0, 30,
        notes=[(NoteKind.PARKED, "comp review", None), (NoteKind.QUESTION, "what is senior?", None),
               (NoteKind.NOTE, "plain", None)],
    )  # fmt: skip
    topics = store.open_topics(ada.id)
    assert [t.text for t in topics] == ["what is senior?", "comp review"]
    resolved = store.set_note_resolved(topics[0].id, T0 + timedelta(days=3))
    assert resolved.resolved_at == T0 + timedelta(days=3)
    assert [t.text for t in store.open_topics(ada.id)] == ["comp review"]
    store.set_note_resolved(topics[0].id, None)
    assert len(store.open_topics(ada.id)) == 2


def test_the_newest_meetings_and_topics_with_counts_of_all(store):
    ada = store.add_person("Ada")
    for week in range(5):
        add_meeting(store, ada, T0 + timedelta(weeks=week), 30,
                    notes=[(NoteKind.PARKED, f"topic {week}", None)])  # fmt: skip
    newest = store.meeting_listings(ada.id, limit=2)
    everything = store.meeting_listings(ada.id)
    assert [m.meeting.id for m in newest] == [m.meeting.id for m in everything[:2]]
    assert len(everything) == store.count_meetings(ada.id) == 5
    assert [t.text for t in store.open_topics(ada.id, limit=2)] == ["topic 4", "topic 3"]
    assert store.count_open_topics(ada.id) == 5
    store.set_note_resolved(store.open_topics(ada.id)[0].id, T0 + timedelta(weeks=6))
    assert store.count_open_topics(ada.id) == 4
    assert store.count_meetings(ada.id + 99) == store.count_open_topics(ada.id + 99) == 0


def test_meeting_actions_leave_closed_history_behind(store):
    from tui1on1.domain.kinds import ActionStatus

    ada = store.add_person("Ada")
    bob = store.add_person("Bob")
    old = add_meeting(store, ada, T0, 30, notes=[
        (NoteKind.ACTION, "closed long ago", Owner.ME), (NoteKind.ACTION, "still open", Owner.THEM),
        (NoteKind.ACTION, "closed today", Owner.ME)])  # fmt: skip
    add_meeting(store, bob, T0, 30, notes=[(NoteKind.ACTION, "bob's", Owner.ME)])
    live = add_meeting(store, ada, T0 + timedelta(weeks=1), 30, live=True,
                       notes=[(NoteKind.ACTION, "made today", Owner.ME)])  # fmt: skip
    by_text = {a.text: a for a in store.list_actions(person_id=ada.id)}
    store.set_action_status(by_text["closed long ago"].id, ActionStatus.DONE, meeting_id=old.id,
                            at=T0 + timedelta(minutes=40))  # fmt: skip
    store.set_action_status(by_text["closed today"].id, ActionStatus.DONE, meeting_id=live.id,
                            at=T0 + timedelta(weeks=1, minutes=3))  # fmt: skip
    shown = {a.text for a in store.meeting_actions(ada.id, live.id)}
    assert shown == {"still open", "closed today", "made today"}


def test_homes_reads_walk_an_index_per_person_on_sqlite(store):
    """Home's overview never reads every meeting: the last one and the newest
    eight ended ones are index lookups per person, however long the history;
    the open actions are counted from the index of the open ones alone,
    without statistics (the app never runs ANALYZE); people: a small table."""
    if store.dialect != "sqlite":
        pytest.skip("SQLite query plan")
    ada = store.add_person("Ada Lovelace", cadence="weekly")
    for week in range(12):
        add_meeting(store, ada, T0 + timedelta(weeks=week), 30)
    rows = []
    plans = query_plans(store, lambda: rows.extend(store.people_overview()))
    [row] = rows
    assert len(row.recent_minutes) == 8
    steps = [step for plan in plans for step in plan]
    assert not [s for s in steps if s.startswith("SCAN meeting") and "live" not in s], plans
    assert "SEARCH meeting_1 USING INDEX ix_meeting_person_id_started_at (person_id=?)" in steps
    assert "SCAN action_item USING INDEX ix_action_item_open_person_owner" in steps
    assert not [s for s in steps if "action_item" in s and "open_person_owner" not in s], plans


def test_a_meeting_reads_the_newest_open_topics_and_those_dealt_with_in_it(store):
    """Years of topics never dealt with: the meeting reads the newest open
    ones and those dealt with in it, oldest first (what topics_for_meeting
    lists from all of them, without reading them all)."""
    from tui1on1.domain.waiting import TOPICS_IN_MEETING, topics_for_meeting

    ada = store.add_person("Ada Lovelace", cadence="weekly")
    kinds = [NoteKind.PARKED, NoteKind.QUESTION]
    for week in range(15):
        notes = [(kinds[week % 2], f"topic {week}", None), (NoteKind.NOTE, "x", None)]
        add_meeting(store, ada, T0 + timedelta(weeks=week), 30, notes)
    gone = store.open_topics(ada.id)[0]  # topic 14, deleted: never listed
    store.delete_note(gone.id, T0 + timedelta(weeks=15))
    today = add_meeting(store, ada, T0 + timedelta(weeks=16), 30,
                        [(NoteKind.PARKED, "raised today", None)], live=True)  # fmt: skip
    oldest = store.open_topics(ada.id)[-1]
    store.set_note_resolved(oldest.id, T0 + timedelta(weeks=16), meeting_id=today.id)
    listed = store.waiting_topics(ada.id, today.id, newest=TOPICS_IN_MEETING)
    assert [n.text for n in listed] == ["topic 0", *[f"topic {w}" for w in range(6, 14)]]
    everything = store.waiting_topics(ada.id, today.id)
    assert topics_for_meeting(listed, today.id) == topics_for_meeting(everything, today.id)
    assert len(everything) == 14
    assert [n.text for n in store.open_topics(ada.id, limit=3)] == [
        "raised today", "topic 13", "topic 12"]  # fmt: skip
    assert store.count_open_topics(ada.id) == 14  # 15 and today's, less the deleted and the dealt


def test_open_topics_are_read_from_their_own_index_on_sqlite(store):
    """However many notes the years hold, the open topics are found in the
    index of the open ones, and those dealt with in a meeting in theirs."""
    if store.dialect != "sqlite":
        pytest.skip("SQLite query plan")
    ada = store.add_person("Ada Lovelace", cadence="weekly")
    for week in range(3):
        add_meeting(store, ada, T0 + timedelta(weeks=week), 30,
                    [(NoteKind.PARKED, f"topic {week}", None)])  # fmt: skip
    today = add_meeting(store, ada, T0 + timedelta(weeks=4), 30, live=True)

    def read() -> None:
        store.open_topics(ada.id, limit=20)
        store.count_open_topics(ada.id)
        store.waiting_topics(ada.id, today.id, newest=8)

    plans = query_plans(store, read)
    steps = [step for plan in plans for step in plan]
    assert not [s for s in steps if s.startswith("SCAN note")], plans
    open_index = [s for s in steps if "ix_note_open_topic_meeting_id_id" in s]
    assert len(open_index) == 3, plans  # the newest, the count, the meeting's newest
    assert [s for s in steps if "ix_note_resolved_meeting_id" in s], plans
    assert not [s for s in steps if "ix_note_meeting_id_id" in s], plans
