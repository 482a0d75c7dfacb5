"""What is read before the Store is open (stdlib sqlite3 only): the names
`tui1on1 meet` matches, and home's rows, held to the Store's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui1on1.demo.generate import generate
from tui1on1.storage.quick_read import PersonName, people_on_file, people_overview, sqlite_file
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import import_data

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_it_reads_everyone_on_file_archived_included(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    priya = store.add_person("Priya Raman", now=T0)
    gone = store.add_person("Zoë Müller", now=T0)
    store.update_person(gone.id, archived=True)
    store.close()
    assert sorted(people_on_file(url), key=lambda p: p.id) == [
        PersonName(priya.id, "Priya Raman", False),
        PersonName(gone.id, "Zoë Müller", True),
    ]


def test_no_file_yet_means_no_one_on_file_and_creates_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'not-yet' / 'x.db'}"
    assert people_on_file(url) == []
    assert not (tmp_path / "not-yet").exists()


def test_what_it_cannot_read_is_left_to_the_app(tmp_path):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not a database" * 100)
    empty_schema = tmp_path / "empty.db"
    Store.open(f"sqlite:///{tmp_path / 'ok.db'}").close()
    import sqlite3

    sqlite3.connect(empty_schema).close()
    assert people_on_file(f"sqlite:///{damaged}") is None
    assert people_on_file(f"sqlite:///{empty_schema}") is None
    assert people_on_file("postgresql+psycopg://u@127.0.0.1/db") is None
    assert people_on_file("sqlite:///:memory:") is None


def test_sqlite_file_reads_plain_urls_only(tmp_path):
    assert sqlite_file(f"sqlite:///{tmp_path}/a%20b.db") == tmp_path / "a b.db"
    assert sqlite_file("sqlite:////abs/x.db?timeout=5") == __import__("pathlib").Path("/abs/x.db")
    assert sqlite_file("sqlite://") is None


# --- home's rows before the Store is open --------------------------------------------

FIXTURES = Path(__file__).parent.parent / "fixtures"
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def _same_as_the_store(url: str) -> int:
    """Home's rows read both ways, archived people left out and shown: the
    same records. Returns how many people there are."""
    store = Store.open(url)  # brings an older schema up to date first
    try:
        expected = {archived: store.people_overview(include_archived=archived)
                    for archived in (False, True)}  # fmt: skip
    finally:
        store.close()  # read as the app reads it: before the Store has the file open
    for archived, rows in expected.items():
        assert people_overview(url, include_archived=archived) == rows
    return len(expected[True])


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("db_*.sqlite")), ids=lambda p: p.stem)
def test_homes_rows_match_the_store_on_every_fixture_database(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    assert _same_as_the_store(f"sqlite:///{path}") > 0


def test_homes_rows_match_the_store_on_the_demo_with_a_live_1on1_and_someone_archived(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    store = Store.open(url)
    import_data(store, generate(people=8, weeks=20, now=NOW))
    people = store.list_people()
    store.update_person(people[-1].id, archived=True)
    meeting, _ = store.start_meeting(people[0].id, playbook="weekly", planned_minutes=30, now=NOW)
    store.close()
    assert _same_as_the_store(url) == 8
    rows = people_overview(url)
    assert rows is not None and len(rows) == len(people) - 1
    assert [row.live_meeting_id for row in rows if row.live_meeting_id] == [meeting.id]
    assert any(len(row.recent_minutes) == 8 for row in rows)


def test_homes_rows_are_read_without_sqlalchemy(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    store.add_person("Priya Raman", now=T0)
    store.close()
    probe = (
        "import sys\n"
        "from tui1on1.storage.quick_read import people_overview\n"
        f"rows = people_overview({url!r})\n"
        "print(len(rows), 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout == "1 False\n", done.stderr


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("db_*.sqlite"))[-2:], ids=lambda p: p.stem)
def test_homes_rows_wait_for_the_store_on_an_older_schema(tmp_path, fixture):
    """A database not upgraded yet: the Store upgrades it first, then reads."""
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    assert people_overview(f"sqlite:///{path}") is None
    assert people_on_file(f"sqlite:///{path}")  # the names read the same in every schema


def test_a_read_leaves_nothing_beside_the_file(tmp_path):
    """Read before the Store, with no one else in the file: no -wal or -shm
    made (a read-only connection would leave them: only a writer removes
    them), so nothing is left beside a file the app may refuse as damaged."""
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    store.add_person("Priya Raman", now=T0)
    store.close()
    (tmp_path / "x.db.lock").unlink(missing_ok=True)
    before = sorted(p.name for p in tmp_path.iterdir())
    first = people_overview(url)
    assert first and people_on_file(url) and people_overview(url) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == before == ["x.db"]


def test_an_empty_log_a_reader_left_is_not_taken_for_a_crash(tmp_path):
    """A read-only connection made while the app had the file open leaves an
    empty -wal once it is gone: nothing a crash left, so still read."""
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store.open(url)
    store.add_person("Priya Raman", now=T0)
    store.close()
    (tmp_path / "x.db-wal").write_bytes(b"")
    assert people_overview(url) and people_on_file(url)


def test_homes_rows_wait_for_the_store_when_a_journal_is_waiting(tmp_path):
    path = tmp_path / "x.db"
    Store.open(f"sqlite:///{path}").close()
    assert people_overview(f"sqlite:///{path}") == []
    Path(f"{path}.journal").write_text('{"waiting": true}\n')
    assert people_overview(f"sqlite:///{path}") is None
    assert people_overview("postgresql+psycopg://u@127.0.0.1/db") is None
