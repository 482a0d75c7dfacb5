"""Succession: who could back-fill whose role.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Adds ``backfill``: ``candidate_id`` could step into the role of
``holder_id`` (NULL: the manager's own role), ready ``now``, within a
``year``, or ``later``, with a short note and when it was last set. A
person is named at most once per role (a unique index on the holder, with
NULL taken as the manager, and the candidate). ``uid`` makes an import land
it once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "backfill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=True),
        sa.Column("holder_key", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("readiness", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["holder_id"],
            ["person.id"],
            name=op.f("fk_backfill_holder_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["person.id"],
            name=op.f("fk_backfill_candidate_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backfill")),
        sa.UniqueConstraint("uid", name=op.f("uq_backfill_uid")),
        sa.UniqueConstraint(
            "holder_key", "candidate_id", name=op.f("uq_backfill_holder_key_candidate_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("backfill")
