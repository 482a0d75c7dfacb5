"""Talking points, and the meeting a parked topic or open question was dealt with in.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

Adds ``talking_point``: something to raise at the next 1:1 with a person,
jotted between meetings, theirs or mine (``mine``), with when it was added
and, once dealt with, when and in which meeting (``resolved_meeting_id``;
discarding that meeting makes it wait again). ``uid`` makes an import land
it once.

Adds ``note.resolved_meeting_id``: the meeting in which a parked topic or
open question from an earlier meeting was dealt with (NULL when it was
resolved between meetings, or before this revision); discarding that meeting
makes it wait again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "talking_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("mine", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_meeting_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_talking_point_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resolved_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_talking_point_resolved_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talking_point")),
        sa.UniqueConstraint("uid", name=op.f("uq_talking_point_uid")),
    )
    op.create_index(
        "ix_talking_point_person_id_resolved_at",
        "talking_point",
        ["person_id", "resolved_at"],
    )
    # A plain id, not a foreign key: SQLite can't add a named constraint
    # without rebuilding `note` (and its full-text triggers). Discarding a
    # meeting clears it with the resolution; deleting a person takes the note.
    op.add_column("note", sa.Column("resolved_meeting_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("note") as batch:
        batch.drop_column("resolved_meeting_id")
    op.drop_index("ix_talking_point_person_id_resolved_at", table_name="talking_point")
    op.drop_table("talking_point")
