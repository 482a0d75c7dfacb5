"""The names `tui1on1 meet` reads before the app starts (stdlib sqlite3 only)."""

from __future__ import annotations

from datetime import UTC, datetime

from tui1on1.storage.quick_read import PersonName, people_on_file, sqlite_file
from tui1on1.storage.store import Store

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
