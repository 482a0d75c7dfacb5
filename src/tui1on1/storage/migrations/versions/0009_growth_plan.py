"""Growth plans: the changes made to someone's plan.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

Adds ``plan_event``: one row per change to a person's growth plan — a goal
set or reworded, an option they proposed, one picked or dropped (``target``
names it by uid), a status with a note — at a time, from a meeting or not.
The plan is these changes read in order (``domain.growth``); nothing is
updated in place, so the plan's history is its rows. ``uid`` makes a
journal replay or an import land a change once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False, server_default=""),
        sa.Column("target", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=True),
        sa.Column("aspiration", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_plan_event_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_plan_event_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_event")),
        sa.UniqueConstraint("uid", name=op.f("uq_plan_event_uid")),
    )
    op.create_index("ix_plan_event_person_id_at", "plan_event", ["person_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_plan_event_person_id_at", table_name="plan_event")
    op.drop_table("plan_event")
