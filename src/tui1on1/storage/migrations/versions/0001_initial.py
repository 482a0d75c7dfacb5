"""Initial schema: people, meetings, notes, actions, asked questions, drafts,
and the full-text index (FTS5 on SQLite, tsvector + GIN on PostgreSQL).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# External-content FTS5 table over note(text, tags), kept in sync by triggers.
# A later batch migration that recreates `note` drops these triggers with it:
# such a migration must create them again (see create_sqlite_fts below).
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE note_fts USING fts5(
        text, tags, content='note', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER note_fts_ai AFTER INSERT ON note BEGIN
        INSERT INTO note_fts(rowid, text, tags) VALUES (new.id, new.text, new.tags);
    END""",
    """CREATE TRIGGER note_fts_ad AFTER DELETE ON note BEGIN
        INSERT INTO note_fts(note_fts, rowid, text, tags)
        VALUES ('delete', old.id, old.text, old.tags);
    END""",
    """CREATE TRIGGER note_fts_au AFTER UPDATE OF text, tags ON note BEGIN
        INSERT INTO note_fts(note_fts, rowid, text, tags)
        VALUES ('delete', old.id, old.text, old.tags);
        INSERT INTO note_fts(rowid, text, tags) VALUES (new.id, new.text, new.tags);
    END""",
]

# 'simple' config: no stemming, no stop words, the same for every language,
# like SQLite's unicode61 tokenizer.
POSTGRES_FTS = [
    """ALTER TABLE note ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', text || ' ' || tags)) STORED""",
    "CREATE INDEX ix_note_search_vector ON note USING gin (search_vector)",
]


def create_full_text_index() -> None:
    dialect = op.get_bind().dialect.name
    statements = SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_key", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=120), nullable=False),
        sa.Column("relationship", sa.String(length=16), nullable=False),
        sa.Column("cadence", sa.String(length=200), nullable=True),
        sa.Column("default_playbook", sa.String(length=64), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("name_key", name=op.f("uq_person_name_key")),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("playbook", sa.String(length=64), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_meeting_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(
            "ix_meeting_person_id_started_at", ["person_id", "started_at"], unique=False
        )
        batch_op.create_index(
            "uq_meeting_one_live_per_person",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text("status = 'live'"),
            postgresql_where=sa.text("status = 'live'"),
        )

    op.create_table(
        "asked_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pause_seconds", sa.Float(), nullable=True),
        sa.Column("followups", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_asked_question_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asked_question")),
    )
    with op.batch_alter_table("asked_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_asked_question_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index("ix_asked_question_slug_asked_at", ["slug", "asked_at"], unique=False)

    op.create_table(
        "draft",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_draft_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_draft")),
    )
    op.create_table(
        "meeting_pause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resumed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_pause_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_pause")),
    )
    with op.batch_alter_table("meeting_pause", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_pause_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "segment_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("segment_index", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_segment_log_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment_log")),
    )
    with op.batch_alter_table("segment_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_segment_log_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False),
        sa.Column("segment_index", sa.Integer(), nullable=True),
        sa.Column("asked_question_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["asked_question_id"],
            ["asked_question.id"],
            name=op.f("fk_note_asked_question_id_asked_question"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_note_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
        sa.UniqueConstraint("uid", name=op.f("uq_note_uid")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_note_asked_question_id"), ["asked_question_id"], unique=False
        )
        batch_op.create_index("ix_note_meeting_id_id", ["meeting_id", "id"], unique=False)

    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("origin_meeting_id", sa.Integer(), nullable=True),
        sa.Column("closed_meeting_id", sa.Integer(), nullable=True),
        sa.Column("note_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_action_item_closed_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["note_id"], ["note.id"], name=op.f("fk_action_item_note_id_note"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["origin_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_action_item_origin_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_action_item_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
        sa.UniqueConstraint("note_id", name=op.f("uq_action_item_note_id")),
    )
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_item_origin_meeting_id"), ["origin_meeting_id"], unique=False
        )
        batch_op.create_index(
            "ix_action_item_person_id_status", ["person_id", "status"], unique=False
        )

    create_full_text_index()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("note_fts_ai", "note_fts_ad", "note_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS note_fts")
    for table in (
        "action_item",
        "note",
        "segment_log",
        "meeting_pause",
        "draft",
        "asked_question",
        "meeting",
        "person",
    ):
        op.drop_table(table)
