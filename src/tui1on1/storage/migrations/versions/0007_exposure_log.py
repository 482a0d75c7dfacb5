"""The exposure log.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Adds ``exposure``: an opportunity given to someone between meetings — a
leadership or customer meeting, something presented, an introduction, a
stretch assignment, a lunch — with its kind, a short note and the day it
happened. ``uid`` makes an import land it once. (One typed in a meeting is a
note of kind ``exposure``; nothing here changes notes.)

Adds ``ix_note_exposure_created_at``, a partial index over exposure notes
only, so "each person's latest exposure in the last year" reads only the
exposure notes of that year, however long the history (and no other query's
plan changes: a full index on the kind led the search's planner astray).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exposure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_exposure_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exposure")),
        sa.UniqueConstraint("uid", name=op.f("uq_exposure_uid")),
    )
    op.create_index("ix_exposure_person_id_happened_on", "exposure", ["person_id", "happened_on"])
    op.create_index(
        "ix_note_exposure_created_at",
        "note",
        ["created_at"],
        sqlite_where=sa.text("kind = 'exposure'"),
        postgresql_where=sa.text("kind = 'exposure'"),
    )


def downgrade() -> None:
    op.drop_index("ix_note_exposure_created_at", table_name="note")
    op.drop_index("ix_exposure_person_id_happened_on", table_name="exposure")
    op.drop_table("exposure")
