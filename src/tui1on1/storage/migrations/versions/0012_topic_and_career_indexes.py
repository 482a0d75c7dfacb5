"""Indexes of the open topics only, of the notes dealt with in a meeting, of
the notes marked for the career thread, and of exposure notes by meeting.

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
them, without reading the whole table. The career thread read every note
with the person to find the few marked for it or answering a career
question: the marked ones now have a partial index (``career IS NOT NULL``),
and the answers are found from the askings of career questions. A person's
newest exposures were found by walking every exposure note of everyone,
newest first; they are now read by the person's meetings.
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
CAREER = "career IS NOT NULL"
EXPOSURE = "kind = 'exposure'"


INDEXES = (
    ("ix_note_open_topic_meeting_id_id", ["meeting_id", "id"], OPEN_TOPIC),
    ("ix_note_resolved_meeting_id", ["resolved_meeting_id"], RESOLVED),
    ("ix_note_career_meeting_id", ["meeting_id"], CAREER),
    ("ix_note_exposure_meeting_id", ["meeting_id"], EXPOSURE),
)


def upgrade() -> None:
    for name, columns, where in INDEXES:
        op.create_index(
            name,
            "note",
            columns,
            sqlite_where=sa.text(where),
            postgresql_where=sa.text(where),
        )


def downgrade() -> None:
    for name, _columns, _where in reversed(INDEXES):
        op.drop_index(name, table_name="note")
