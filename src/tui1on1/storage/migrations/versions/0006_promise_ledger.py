"""The promise ledger and private notes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Adds ``action_event``: each change to an action item after it was made —
done, open again, dropped (with the reason given), rescheduled, reassigned,
reworded — with when, in which meeting (if any), and the value before and
after. ``uid`` (client-made) makes a replayed or imported change land once.

Adds ``note.private``: a private note stays out of the recap sent to the
report. Concerns and parked topics written before this revision become
private, as new ones are by default; every other note stays shared.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_PRIVATE_KINDS = ("concern", "parked")


def upgrade() -> None:
    op.create_table(
        "action_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action_item.id"],
            name=op.f("fk_action_event_action_id_action_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_action_event_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_event")),
        sa.UniqueConstraint("uid", name=op.f("uq_action_event_uid")),
    )
    op.create_index("ix_action_event_action_id_at", "action_event", ["action_id", "at"])
    op.add_column(
        "note",
        sa.Column("private", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    note = sa.table("note", sa.column("kind", sa.String()), sa.column("private", sa.Boolean()))
    op.execute(note.update().where(note.c.kind.in_(_PRIVATE_KINDS)).values(private=True))


def downgrade() -> None:
    with op.batch_alter_table("note") as batch:
        batch.drop_column("private")
    op.drop_index("ix_action_event_action_id_at", table_name="action_event")
    op.drop_table("action_event")
