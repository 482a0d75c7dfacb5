"""The exposure log (SQLite and PostgreSQL): logged between meetings or typed
in a meeting (a note of kind ``exposure``), read together newest first; a
deleted note leaves the log; the latest per person within a window; exported
and imported once."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta

import pytest
from query_plans import query_plans

from tui1on1.domain.kinds import ExposureKind, NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import export_data, import_data

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _typed(store, meeting_id, uid, text, at):
    note, _ = store.add_note(
        NewNote(uid=uid, meeting_id=meeting_id, kind=NoteKind.EXPOSURE, text=text, created_at=at)
    )
    return note


def _log(exposures):
    return [(e.on.isoformat(), e.kind.value, e.text, e.ref[0]) for e in exposures]


def test_logged_and_typed_exposures_read_together_newest_first(store):
    priya = store.add_person("Priya Raman", now=T0)
    bob = store.add_person("Bob Ross", now=T0)
    meeting, _ = store.start_meeting(priya.id, playbook="weekly", planned_minutes=30, now=T0)
    _typed(
        store, meeting.id, "e1", "customer: sat in on the Acme renewal", T0 + timedelta(minutes=3)
    )
    typed = _typed(store, meeting.id, "e2", "ran the incident review", T0 + timedelta(minutes=12))
    store.end_meeting(meeting.id, T0 + timedelta(minutes=30))
    store.add_exposure(
        priya.id, ExposureKind.INTRO, " met Sam\nfrom platform ", on=date(2026, 12, 3), at=T0
    )
    store.add_exposure(bob.id, ExposureKind.LUNCH, "lunch with the VP", on=date(2026, 12, 2), at=T0)
    assert _log(store.exposures(priya.id)) == [
        ("2026-12-03", "intro", "met Sam from platform", "x"),
        ("2026-12-01", "other", "ran the incident review", "n"),
        ("2026-12-01", "customer", "sat in on the Acme renewal", "n"),
    ]
    assert _log(store.exposures(priya.id, limit=1)) == [
        ("2026-12-03", "intro", "met Sam from platform", "x")
    ]
    store.delete_note(typed.id, T0 + DAY)
    assert [e.text for e in store.exposures(priya.id)] == [
        "met Sam from platform",
        "sat in on the Acme renewal",
    ]


def test_a_persons_newest_exposures_are_read_by_their_meetings(store):
    """The newest few are the newest of all of theirs (typed over many
    meetings, logged on other days), found through the person's meetings and
    the index of exposure notes by meeting: never every note, nor every
    exposure of everyone (on SQLite, the query plans say so)."""
    priya = store.add_person("Priya Raman", now=T0)
    bob = store.add_person("Bob Ross", now=T0)
    for week in range(6):
        for person in (priya, bob):
            start = T0 + timedelta(weeks=week)
            meeting, _ = store.start_meeting(
                person.id, playbook="weekly", planned_minutes=30, now=start
            )
            _typed(store, meeting.id, f"{person.id}-{week}", f"demo {week}", start + DAY / 48)
            store.end_meeting(meeting.id, start + timedelta(minutes=30))
    store.add_exposure(priya.id, ExposureKind.INTRO, "met Sam", on=date(2027, 1, 3), at=T0)
    found = []
    plans = query_plans(store, lambda: found.extend(store.exposures(priya.id, limit=3)))
    assert [e.text for e in found] == ["demo 5", "met Sam", "demo 4"]  # 5 Jan, 3 Jan, 29 Dec
    assert len(store.exposures(priya.id)) == 7
    if store.dialect == "sqlite":
        steps = [step for plan in plans for step in plan]
        assert "SEARCH note USING INDEX ix_note_exposure_meeting_id (meeting_id=?)" in steps
        assert not [s for s in steps if s.startswith("SCAN note")], plans


def test_an_exposure_needs_words_and_a_person(store):
    priya = store.add_person("Priya Raman", now=T0)
    with pytest.raises(InvalidInput, match="needs a few words"):
        store.add_exposure(priya.id, ExposureKind.OTHER, "  ", on=date(2026, 12, 1), at=T0)
    with pytest.raises(NotFound):
        store.add_exposure(999, ExposureKind.OTHER, "x", on=date(2026, 12, 1), at=T0)
    first = store.add_exposure(
        priya.id, ExposureKind.STRETCH, "owns the migration", on=date(2026, 12, 1), at=T0, uid="u"
    )
    again = store.add_exposure(
        priya.id, ExposureKind.STRETCH, "owns the migration", on=date(2026, 12, 1), at=T0, uid="u"
    )
    assert again == first and len(store.exposures(priya.id)) == 1
    assert store.delete_exposure(first.id) == first
    assert store.exposures(priya.id) == []
    with pytest.raises(NotFound, match="x"):
        store.delete_exposure(first.id)


def test_the_latest_exposure_per_person_within_the_window(store):
    priya = store.add_person("Priya Raman", now=T0)
    bob = store.add_person("Bob Ross", now=T0)
    cy = store.add_person("Cy Young", now=T0)
    old, _ = store.start_meeting(
        priya.id, playbook="weekly", planned_minutes=30, now=T0 - 400 * DAY
    )
    _typed(store, old.id, "old", "customer call", T0 - 400 * DAY)
    store.end_meeting(old.id, T0 - 400 * DAY + timedelta(minutes=30))
    recent, _ = store.start_meeting(
        bob.id, playbook="weekly", planned_minutes=30, now=T0 - 20 * DAY
    )
    _typed(store, recent.id, "r", "presented the roadmap", T0 - 20 * DAY)
    store.end_meeting(recent.id, T0 - 20 * DAY + timedelta(minutes=30))
    store.add_exposure(bob.id, ExposureKind.INTRO, "met Sam", on=date(2026, 11, 1), at=T0)
    store.add_exposure(cy.id, ExposureKind.INTRO, "met Sam", on=date(2026, 11, 25), at=T0)
    since = date(2025, 12, 1)
    latest = store.latest_exposures([priya.id, bob.id, cy.id], since=since)
    assert latest == {bob.id: (T0 - 20 * DAY).astimezone().date(), cy.id: date(2026, 11, 25)}
    assert store.latest_exposures([], since=since) == {}
    assert store.latest_exposures([cy.id], since=since) == {cy.id: date(2026, 11, 25)}


def test_exposures_export_and_import_once(store, tmp_path):
    priya = store.add_person("Priya Raman", now=T0)
    meeting, _ = store.start_meeting(priya.id, playbook="weekly", planned_minutes=30, now=T0)
    _typed(store, meeting.id, "typed", "presented the Q1 plan", T0 + timedelta(minutes=5))
    store.end_meeting(meeting.id, T0 + timedelta(minutes=30))
    store.add_exposure(priya.id, ExposureKind.LUNCH, "lunch with Dana", on=date(2026, 12, 4), at=T0)
    doc = export_data(store, now=T0 + 5 * DAY)
    person = doc["people"][0]
    assert [{k: v for k, v in e.items() if k != "uid"} for e in person["exposures"]] == [
        {
            "kind": "lunch",
            "text": "lunch with Dana",
            "on": "2026-12-04",
            "created_at": T0.isoformat(),
        }
    ]
    assert person["meetings"][0]["notes"][0]["kind"] == "exposure"
    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        report = import_data(other, copy.deepcopy(doc))
        assert report.lines()[-1] == "with 1 logged exposure"
        again = import_data(other, copy.deepcopy(doc))
        assert again.exposures_added == 0 and again.exposures_skipped == 1
        moved = other.find_person("Priya Raman")
        assert moved is not None
        assert _log(other.exposures(moved.id)) == [
            ("2026-12-04", "lunch", "lunch with Dana", "x"),
            ("2026-12-01", "presented", "the Q1 plan", "n"),
        ]
        bad = copy.deepcopy(doc)
        bad["people"][0]["exposures"][0]["kind"] = "party"
        with pytest.raises(InvalidInput, match=r"exposures\[0\]\.kind"):
            import_data(other, bad)
    finally:
        other.close()
