"""`export --all` writes the document a person at a time: the text is the
same as dumping the whole document at once, on the demo's year, on every
fixture database (every past schema) and on an empty one, reading one
person at a time."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui1on1.demo.generate import generate
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import export_data, import_data

FIXTURES = Path(__file__).parent.parent / "fixtures"
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def whole_text(store: Store) -> str:
    """What `export --all` wrote before it streamed: the document dumped at once."""
    return json.dumps(export_data(store, now=NOW), ensure_ascii=True, indent=1) + "\n"


def streamed_text(store: Store) -> str:
    return "".join(store.export_chunks(now=NOW))


def test_the_demo_year_streams_as_the_whole_document(store):
    import_data(store, generate(people=6, weeks=30, now=NOW))
    text = streamed_text(store)
    assert text == whole_text(store)
    assert len(json.loads(text)["people"]) == 6


def test_an_empty_database_streams_as_the_whole_document(store):
    text = streamed_text(store)
    assert text == whole_text(store)
    assert json.loads(text)["people"] == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("db_*.sqlite")), ids=lambda p: p.stem)
def test_every_fixture_database_streams_as_the_whole_document(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    store = Store.open(f"sqlite:///{path}")
    try:
        text = streamed_text(store)
        assert text == whole_text(store)
        assert json.loads(text)["people"]
    finally:
        store.close()


def test_the_streamed_file_imports_back_into_an_empty_database(store, tmp_path):
    import_data(store, generate(people=3, weeks=12, now=NOW))
    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        report = import_data(other, json.loads(streamed_text(store)))
        assert report.people_added == 3 and report.notes_added > 0
        assert streamed_text(other) == streamed_text(store)
    finally:
        other.close()


def test_people_are_read_one_at_a_time(store, monkeypatch):
    """The first person is out before the last one is read: nothing waits
    for the whole history."""
    import_data(store, generate(people=4, weeks=8, now=NOW))
    from tui1on1.storage.transfer import export as export_module

    read: list[str] = []
    entry = export_module._person_entry

    def reading(session, person, names, meeting_id, **how):
        read.append(person.name)
        return entry(session, person, names, meeting_id, **how)

    monkeypatch.setattr(export_module, "_person_entry", reading)
    chunks = store.export_chunks(now=NOW)
    assert '"people": [' in next(chunks) and read == []
    text = ""
    while '"name"' not in text:
        text += next(chunks)
    assert len(read) == 1 and f'"name": {json.dumps(read[0])}' in text
    chunks.close()


@pytest.mark.parametrize("per_read", [1, 2, 7])
def test_meetings_read_a_few_at_a_time_stream_as_the_whole_document(store, monkeypatch, per_read):
    """A person's meetings are read and written a few at a time (a person
    with ten years of 1:1s is never in memory whole): whatever the number
    per read, the text is the same, meetings in the order they started even
    where their ids are not (one added later, dated earlier), someone never
    met keeps an empty list, and a meeting with no notes keeps its own."""
    from tui1on1.storage.transfer import export_meetings

    import_data(store, generate(people=3, weeks=9, now=NOW))
    ada = store.add_person("Ada Never-Met", now=NOW)
    assert ada.id
    zed = store.add_person("Zed Late-Entry", now=NOW)
    later, _ = store.start_meeting(zed.id, playbook="weekly", planned_minutes=30, now=NOW)
    store.end_meeting(later.id, NOW)
    # An older meeting of Zed's, added after the newer one: its id is larger.
    document = export_data(store, now=NOW)
    [entry] = [p for p in document["people"] if p["name"] == "Zed Late-Entry"]
    older = dict(entry["meetings"][0], started_at="2026-11-02T09:00:00+00:00",
                 ended_at="2026-11-02T09:30:00+00:00")  # fmt: skip
    older["notes"] = [
        dict(note, uid="zed-old-1", text="older, added later")
        for note in export_data_of_one_note(store, NOW)
    ]
    import_data(store, {**document, "people": [dict(entry, meetings=[older])]})
    monkeypatch.setattr(export_meetings, "MEETINGS_PER_READ", per_read)
    text = streamed_text(store)
    assert text == whole_text(store)
    people = {p["name"]: p for p in json.loads(text)["people"]}
    assert people["Ada Never-Met"]["meetings"] == []
    zed_meetings = people["Zed Late-Entry"]["meetings"]
    assert [m["started_at"][:10] for m in zed_meetings] == ["2026-11-02", "2026-12-07"]
    assert [n["text"] for n in zed_meetings[0]["notes"]] == ["older, added later"]
    assert zed_meetings[1]["notes"] == []


def export_data_of_one_note(store: Store, now: datetime) -> list[dict]:
    """One note's entry as the document writes it (the first in the demo)."""
    document = export_data(store, now=now)
    for person in document["people"]:
        for meeting in person["meetings"]:
            if meeting["notes"]:
                return [{**meeting["notes"][0], "action": None, "asked_question": None,
                         "resolved_in_meeting": None, "resolved_at": None,
                         "created_at": "2026-11-02T09:05:00+00:00"}]  # fmt: skip
    raise AssertionError("the demo has notes")
