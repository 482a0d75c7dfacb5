"""Succession (SQLite and PostgreSQL): someone named for a role once (mine
or a person's), their readiness changed in place, removed; the bench puts
roles with no one ready first; exported under the candidate with whose role
by name, and imported once."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.domain.kinds import Relationship
from tui1on1.domain.succession import Readiness
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import export_data, import_data

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _bench(store):
    return [
        (role.title, role.covered, [(p.name, b.readiness.value) for p, b in role.candidates])
        for role in store.bench()
    ]


def test_named_once_per_role_changed_in_place_and_removed(store):
    ada = store.add_person("Ada Lovelace", role="Staff engineer", now=T0)
    bo = store.add_person("Bo Chen", role="Designer", now=T0)
    cy = store.add_person("Cy Young", now=T0)
    store.add_person("Dee Peer", relationship=Relationship.PEER.value, now=T0)
    assert _bench(store) == [
        ("my role", False, []),
        ("Ada Lovelace's role (Staff engineer)", False, []),
        ("Bo Chen's role (Designer)", False, []),
        ("Cy Young's role", False, []),
    ]
    store.set_backfill(None, ada.id, Readiness.LATER, at=T0)
    store.set_backfill(None, ada.id, Readiness.YEAR, at=T0 + timedelta(days=1), note=" grew ")
    store.set_backfill(None, cy.id, Readiness.NOW, at=T0)
    store.set_backfill(ada.id, bo.id, Readiness.LATER, at=T0)
    assert len(store.backfills()) == 3  # Ada for my role once, her readiness changed
    assert _bench(store) == [
        ("Ada Lovelace's role (Staff engineer)", False, [("Bo Chen", "later")]),
        ("Bo Chen's role (Designer)", False, []),
        ("Cy Young's role", False, []),
        ("my role", True, [("Cy Young", "now"), ("Ada Lovelace", "year")]),
    ]
    assert next(b for b in store.backfills() if b.candidate_id == ada.id).note == "grew"
    with pytest.raises(InvalidInput, match="their own role"):
        store.set_backfill(ada.id, ada.id, Readiness.NOW, at=T0)
    with pytest.raises(NotFound):
        store.set_backfill(999, ada.id, Readiness.NOW, at=T0)
    store.remove_backfill(None, cy.id)
    with pytest.raises(NotFound, match="weren't named"):
        store.remove_backfill(None, cy.id)
    assert sorted(b.candidate_id for b in store.backfills()) == sorted([ada.id, bo.id])


def test_the_bench_travels_with_the_export_and_imports_once(store, tmp_path):
    ada = store.add_person("Ada Lovelace", role="Staff engineer", now=T0)
    bo = store.add_person("Bo Chen", role="Designer", now=T0)
    store.set_backfill(ada.id, bo.id, Readiness.NOW, at=T0, note="ran the migration")
    store.set_backfill(None, ada.id, Readiness.YEAR, at=T0)
    doc = export_data(store, now=T0)
    people = {p["name"]: p for p in doc["people"]}
    assert [{k: v for k, v in b.items() if k != "uid"} for b in people["Bo Chen"]["backfills"]] == [
        {"for": "Ada Lovelace", "readiness": "now", "note": "ran the migration",
         "updated_at": T0.isoformat()}
    ]  # fmt: skip
    assert people["Ada Lovelace"]["backfills"][0]["for"] is None  # my role
    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        report = import_data(other, copy.deepcopy(doc))
        assert report.lines()[-1] == "with 2 backfills"
        again = import_data(other, copy.deepcopy(doc))
        assert again.backfills_added == 0 and again.backfills_skipped == 2
        titles = {t: (c, who) for t, c, who in _bench(other)}
        assert titles["my role"] == (True, [("Ada Lovelace", "year")])
        assert titles["Ada Lovelace's role (Staff engineer)"] == (True, [("Bo Chen", "now")])
        assert titles["Bo Chen's role (Designer)"] == (False, [])
        bad = copy.deepcopy(doc)
        bad["people"][1]["backfills"][0]["readiness"] = "soon"
        with pytest.raises(InvalidInput, match=r"backfills\[0\]\.readiness"):
            import_data(other, bad)
    finally:
        other.close()
