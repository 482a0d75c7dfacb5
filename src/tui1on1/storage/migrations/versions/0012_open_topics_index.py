"""Indexes of the open topics only, and of the notes dealt with in a meeting.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03

A person's parked topics and open questions still open were found by reading
every note of every meeting with them, so the person screen and the start of
a meeting grew slower with each year of notes. A partial index of the open
ones, ``(meeting_id, id)``, holds exactly what is listed: the newest open
topics are read from it, and only those shown are fetched. The topics dealt
with in a meeting (``resolved_meeting_id``) get an index of their own, partial
on the few that have one: a meeting reads them back, and discarding it clears
them, without reading the whole table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

OPEN_TOPIC = "kind IN ('parked', 'question') AND resolved_at IS NULL AND deleted_at IS NULL"
RESOLVED = "resolved_meeting_id IS NOT NULL"


def upgrade() -> None:
    op.create_index(
        "ix_note_open_topic_meeting_id_id",
        "note",
        ["meeting_id", "id"],
        sqlite_where=sa.text(OPEN_TOPIC),
        postgresql_where=sa.text(OPEN_TOPIC),
    )
    op.create_index(
        "ix_note_resolved_meeting_id",
        "note",
        ["resolved_meeting_id"],
        sqlite_where=sa.text(RESOLVED),
        postgresql_where=sa.text(RESOLVED),
    )


def downgrade() -> None:
    op.drop_index("ix_note_resolved_meeting_id", table_name="note")
    op.drop_index("ix_note_open_topic_meeting_id_id", table_name="note")
