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

    def reading(session, person, names, meeting_id):
        read.append(person.name)
        return entry(session, person, names, meeting_id)

    monkeypatch.setattr(export_module, "_person_entry", reading)
    chunks = store.export_chunks(now=NOW)
    assert '"people": [' in next(chunks) and read == []
    text = ""
    while '"name"' not in text:
        text += next(chunks)
    assert len(read) == 1 and f'"name": {json.dumps(read[0])}' in text
    chunks.close()
