"""Talking points (SQLite and PostgreSQL): kept for the next 1:1, theirs
before mine; dealt with in a meeting (which a resumed meeting still shows);
waiting again when that meeting is discarded; exported and imported once."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.journal_entries import apply, talking_point_entry, topic_resolved_entry
from tui1on1.storage.transfer import export_data, import_data

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _texts(points):
    return [(p.text, p.mine, p.resolved_at is not None) for p in points]


def test_points_wait_theirs_first_then_mine_each_oldest_first(store):
    priya = store.add_person("Priya Raman", now=T0)
    bob = store.add_person("Bob Ross", now=T0)
    store.add_talking_point(priya.id, "ask about the conference", mine=True, at=T0)
    typed = "  they want to talk\nabout on-call "
    store.add_talking_point(priya.id, typed, mine=False, at=T0 + DAY)
    store.add_talking_point(priya.id, "the team offsite", mine=False, at=T0 + 2 * DAY)
    store.add_talking_point(bob.id, "Bob's own", mine=False, at=T0)
    assert _texts(store.talking_points(priya.id)) == [
        ("they want to talk about on-call", False, False),
        ("the team offsite", False, False),
        ("ask about the conference", True, False),
    ]
    with pytest.raises(InvalidInput, match="needs some text"):
        store.add_talking_point(priya.id, "   ", mine=False, at=T0)
    with pytest.raises(InvalidInput, match="at most 500 characters"):
        store.add_talking_point(priya.id, "x" * 501, mine=False, at=T0)
    with pytest.raises(NotFound):
        store.add_talking_point(9999, "nobody's", mine=False, at=T0)


def test_a_point_dealt_with_in_a_meeting_stays_listed_there_and_nowhere_else(store):
    priya = store.add_person("Priya Raman", now=T0)
    point = store.add_talking_point(priya.id, "on-call", mine=False, at=T0)
    meeting, _ = store.start_meeting(priya.id, playbook="weekly", planned_minutes=30, now=T0 + DAY)
    # Through the recovery journal's entry, as the meeting screen writes it.
    apply(store, talking_point_entry(meeting.id, point.uid, True, T0 + DAY))
    assert _texts(store.talking_points(priya.id)) == []
    assert _texts(store.talking_points(priya.id, meeting_id=meeting.id)) == [
        ("on-call", False, True)
    ]
    apply(store, talking_point_entry(meeting.id, point.uid, False, T0 + DAY))  # x again
    assert _texts(store.talking_points(priya.id)) == [("on-call", False, False)]


def _parked(store, meeting_id, uid, kind, text):
    note, _ = store.add_note(
        NewNote(uid=uid, meeting_id=meeting_id, kind=kind, text=text, created_at=T0)
    )
    return note


def test_discarding_the_meeting_makes_what_it_dealt_with_wait_again(store, tmp_path):
    priya = store.add_person("Priya Raman", now=T0)
    last, _ = store.start_meeting(priya.id, playbook="weekly", planned_minutes=30, now=T0)
    parked = _parked(store, last.id, "p1", NoteKind.PARKED, "promotion timeline")
    store.end_meeting(last.id, T0 + timedelta(minutes=30))
    point = store.add_talking_point(priya.id, "on-call", mine=True, at=T0 + DAY)
    today, _ = store.start_meeting(
        priya.id, playbook="weekly", planned_minutes=30, now=T0 + 2 * DAY
    )
    assert [n.text for n in store.waiting_topics(priya.id, today.id)] == ["promotion timeline"]
    apply(store, talking_point_entry(today.id, point.uid, True, T0 + 2 * DAY))
    apply(store, topic_resolved_entry(today.id, (parked.id, parked.uid), True, T0 + 2 * DAY))
    assert store.open_topics(priya.id) == [] and store.talking_points(priya.id) == []
    assert [n.text for n in store.waiting_topics(priya.id, today.id)] == ["promotion timeline"]
    store.discard_meeting(today.id, tmp_path / "discarded")
    assert _texts(store.talking_points(priya.id)) == [("on-call", True, False)]
    assert [n.text for n in store.open_topics(priya.id)] == ["promotion timeline"]


def test_export_then_import_brings_points_once(store, tmp_path):
    from tui1on1.storage.store import Store

    priya = store.add_person("Priya Raman", now=T0)
    meeting, _ = store.start_meeting(priya.id, playbook="weekly", planned_minutes=30, now=T0)
    parked = _parked(store, meeting.id, "p1", NoteKind.QUESTION, "which team next?")
    store.end_meeting(meeting.id, T0 + timedelta(minutes=30))
    later, _ = store.start_meeting(priya.id, playbook="weekly", planned_minutes=30, now=T0 + DAY)
    store.set_note_resolved(parked.id, T0 + DAY, meeting_id=later.id)
    done = store.add_talking_point(priya.id, "the offsite", mine=True, at=T0)
    store.set_talking_point_resolved(done.uid, T0 + DAY, meeting_id=later.id)
    store.add_talking_point(priya.id, "on-call", mine=False, at=T0 + DAY)
    doc = export_data(store, now=T0 + 2 * DAY)
    assert doc["version"] == 6
    assert [
        {k: v for k, v in p.items() if k != "uid"} for p in doc["people"][0]["talking_points"]
    ] == [
        {
            "text": "the offsite",
            "mine": True,
            "created_at": T0.isoformat(),
            "resolved_at": (T0 + DAY).isoformat(),
            "resolved_in_meeting": (T0 + DAY).isoformat(),
        },
        {
            "text": "on-call",
            "mine": False,
            "created_at": (T0 + DAY).isoformat(),
            "resolved_at": None,
            "resolved_in_meeting": None,
        },
    ]
    note = doc["people"][0]["meetings"][0]["notes"][0]
    assert note["resolved_in_meeting"] == (T0 + DAY).isoformat()

    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        report = import_data(other, copy.deepcopy(doc))
        assert report.lines()[-1] == "with 2 talking points"
        again = import_data(other, copy.deepcopy(doc))
        assert again.points_added == 0 and again.points_skipped == 2
        assert again.lines() == [
            "nothing new: 1 person, 2 meetings and 1 note already there (skipped)"
        ]
        there = other.find_person("priya raman")
        assert _texts(other.talking_points(there.id)) == [("on-call", False, False)]
        meetings = other.meetings_for(there.id)
        last = max(meetings, key=lambda m: m.started_at)
        assert _texts(other.talking_points(there.id, meeting_id=last.id)) == [
            ("on-call", False, False),
            ("the offsite", True, True),
        ]
        assert [n.text for n in other.waiting_topics(there.id, last.id)] == ["which team next?"]
        assert export_data(other, now=T0 + 2 * DAY)["people"] == doc["people"]
    finally:
        other.close()


def test_a_version_2_file_imports_with_no_talking_points(store):
    priya = store.add_person("Priya Raman", now=T0)
    store.add_talking_point(priya.id, "on-call", mine=False, at=T0)
    doc = export_data(store, now=T0)
    doc["version"] = 2
    for person in doc["people"]:
        del person["talking_points"]
    doc["people"][0]["name"] = "Grace Hopper"
    report = import_data(store, doc)
    assert report.people_added == 1 and report.points_added == 0
    grace = store.find_person("Grace Hopper")
    assert store.talking_points(grace.id) == []
