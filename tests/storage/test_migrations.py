"""Schema migrations: the chain, the schema it builds, and upgrades that keep data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from tui1on1.domain.kinds import CareerElement
from tui1on1.storage import migrate
from tui1on1.storage.engine import make_engine
from tui1on1.storage.errors import SchemaError
from tui1on1.storage.store import Store
from tui1on1.storage.tables import Base

FIXTURES = Path(__file__).parent.parent / "fixtures"
TABLES = [
    "person",
    "meeting",
    "meeting_pause",
    "segment_log",
    "asked_question",
    "note",
    "action_item",
    "draft",
]


def _script() -> ScriptDirectory:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_head_constant_matches_the_migration_chain():
    assert _script().get_heads() == [migrate.HEAD_REVISION]


def _full_text_objects(obj, name, type_, reflected, compare_to):
    return not (name or "").startswith("note_fts") and name not in (
        "search_vector",
        "ix_note_search_vector",
    )


def test_migrated_schema_matches_the_tables(store):
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": _full_text_objects}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_every_fixture_revision_upgrades_keeping_every_row(tmp_path):
    fixtures = sorted(FIXTURES.glob("db_*.sqlite"))
    assert fixtures, "there must be a fixture database for each past revision"
    for fixture in fixtures:
        path = tmp_path / fixture.name
        shutil.copy(fixture, path)
        before = _counts(path)
        assert before["note"] > 0 and before["action_item"] > 0
        store = Store.open(f"sqlite:///{path}")
        assert migrate.current_revision(store.engine) == migrate.HEAD_REVISION
        assert store.check() == []
        store.close()
        assert _counts(path) == before
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        hits = conn.execute("SELECT count(*) FROM note_fts WHERE note_fts MATCH 'lead'").fetchone()
        leads = conn.execute("SELECT count(*) FROM note WHERE text LIKE '%lead%'").fetchone()
        assert hits == leads and leads[0] > 0
        conn.close()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def test_a_database_of_another_app_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaError, match="aren't tui1on1's"):
        Store.open(f"sqlite:///{path}")
    assert [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")] == [
        "invoices"
    ]


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store.open(f"sqlite:///{path}").close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaError, match="newer than this version"):
        Store.open(f"sqlite:///{path}")


def test_a_failing_migration_leaves_the_old_revision(tmp_path, monkeypatch):
    """Every migration runs in one transaction: a failure changes nothing."""
    path = tmp_path / "half.db"
    engine = make_engine(f"sqlite:///{path}")

    from alembic import command

    def explode(config, revision):
        conn = config.attributes["connection"]
        conn.exec_driver_sql("CREATE TABLE half_applied (id INTEGER)")
        raise RuntimeError("migration failed midway")

    monkeypatch.setattr(command, "upgrade", explode)
    with pytest.raises(RuntimeError, match="midway"):
        migrate.upgrade(engine)
    assert migrate.current_revision(engine) is None
    names = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")]
    assert "half_applied" not in names
    engine.dispose()


def test_asked_questions_get_a_uid_each_on_upgrade(tmp_path):
    """0003: questions asked before it get a uid, so a live meeting resumed
    after the upgrade follows them up by uid like new ones."""
    for fixture in sorted(FIXTURES.glob("db_*.sqlite")):
        path = tmp_path / fixture.name
        shutil.copy(fixture, path)
        store = Store.open(f"sqlite:///{path}")
        asked = [q for m in (1, 2, 3) for q in store.list_asked(m)]
        assert asked and all(q.uid for q in asked)
        assert len({q.uid for q in asked}) == len(asked)
        again = store.record_question(
            asked[0].meeting_id, slug="x", text="x", elapsed_seconds=1, at=asked[0].asked_at,
            uid=asked[0].uid,
        )  # fmt: skip
        assert again == asked[0]  # the same uid lands once
        store.close()


def test_upgrading_keeps_only_the_likely_answer_links(tmp_path):
    """Before 0004 every note was linked to the last question asked, even in a
    later segment; the upgrade keeps the first answer in the question's own
    segment, and the career thread shows that answer and nothing else."""
    path = tmp_path / "db_0003.sqlite"
    shutil.copy(FIXTURES / "db_0003.sqlite", path)
    store = Store.open(f"sqlite:///{path}")
    try:
        ada = store.find_person("Ada Lovelace")
        assert ada is not None
        thread = store.career_thread(ada.id, {"aspiration-where-next": CareerElement.ASPIRATION})
        aspiration = thread.timeline(CareerElement.ASPIRATION)
        assert [e.notes for e in aspiration] == [
            ("week 2: wants to lead a team #career",),
            ("week 0: wants to lead a team #career",),
        ]
        meeting = store.meeting_listings(ada.id, limit=None)[-1].meeting
        notes = {n.text: n for n in store.list_notes(meeting.id)}
        assert notes["week 0: wants to lead a team #career"].asked_question_id is not None
        assert notes["week 0: churn down 5% since the fix"].asked_question_id is None
        assert not any(n.answers_why or n.career for n in notes.values())
    finally:
        store.close()


def test_upgrading_never_keeps_my_promise_or_a_win_as_the_answer(tmp_path):
    """Old versions linked every note after a question: when the first was
    the manager's own promise (or a win), the answer kept is the next note."""
    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO person (id, name, name_key, role, relationship, archived, created_at)"
                " VALUES (1, 'Ada', 'ada', '', 'report', 0, '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO meeting (id, person_id, playbook, planned_minutes, started_at, status,"
                " summary) VALUES (1, 1, 'weekly', 30, '2026-01-05 09:00:00', 'ended', '')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO asked_question (id, uid, meeting_id, slug, text, elapsed_seconds,"
                " asked_at, followups) VALUES (1, 'u1', 1, 'aspiration-where-next', 'Where next?',"
                " 120, '2026-01-05 09:02:00', 0)"
            )
        )
        for i, kind in enumerate(("action", "win", "note", "note")):
            conn.execute(
                sa.text(
                    "INSERT INTO note (id, uid, meeting_id, kind, text, tags, elapsed_seconds,"
                    " segment_index, asked_question_id, created_at) VALUES"
                    f" ({i + 1}, 'n{i}', 1, '{kind}', 'text {i}', '', {130 + i}, 0, 1,"
                    f" '2026-01-05 09:0{3 + i}:00')"
                )
            )
        conn.execute(sa.text(
            "INSERT INTO action_item (id, person_id, owner, text, status, origin_meeting_id,"
            " note_id, created_at) VALUES (1, 1, 'me', 'text 0', 'open', 1, 1,"
            " '2026-01-05 09:03:00')"))  # fmt: skip
    engine.dispose()
    store = Store.open(f"sqlite:///{path}")
    try:
        linked = {n.text: n.asked_question_id for n in store.list_notes(1)}
        assert linked == {"text 0": None, "text 1": None, "text 2": 1, "text 3": None}
    finally:
        store.close()


def test_upgrading_makes_concerns_and_parked_topics_private(tmp_path):
    """0006: a worry or a parked pay topic written before it stays out of
    the recap sent to the report, as new ones do; every other note is shared."""
    path = tmp_path / "db_0005.sqlite"
    shutil.copy(FIXTURES / "db_0005.sqlite", path)
    store = Store.open(f"sqlite:///{path}")
    notes = [n for m in (1, 2, 3) for n in store.list_notes(m)]
    private = {(n.kind.value, n.private) for n in notes}
    assert private == {
        ("note", False),
        ("action", False),
        ("concern", True),
        ("parked", True),
    }
    assert all(store.action_history([a.id])[a.id] == [] for a in store.list_actions())
    store.close()
