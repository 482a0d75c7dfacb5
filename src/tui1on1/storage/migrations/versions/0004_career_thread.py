"""The career thread: a note's career mark, its Why? answers, and honest links.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Adds ``note.career`` (the manager's mark: a career element, or "none"; NULL
leaves it to the question it answers) and ``note.answers_why`` (typed after
a Why? follow-up).

Before this revision every note was linked to the last question asked, even
in a later segment, so the thread showed notes that answered nothing. A link
is kept only where it is most likely true: the first note after each
question, in the segment the question was asked in (from the segment log; a
meeting without one is taken to be in its first segment), and never a
concern, open question, parked topic, win or the manager's own promise.
Which notes answered a Why? was never recorded, so none is marked as such.
The notes themselves are all kept.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

from tui1on1.storage.types import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_NOT_ANSWERS = ("concern", "question", "parked")
_NOT_FIRST = ("win",)  # linked, but never the one answer kept


def upgrade() -> None:
    op.add_column("note", sa.Column("career", sa.String(length=16), nullable=True))
    op.add_column(
        "note",
        sa.Column("answers_why", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    _keep_likely_links(op.get_bind())


def _keep_likely_links(conn: sa.Connection) -> None:
    action = sa.table(
        "action_item", sa.column("note_id", sa.Integer), sa.column("owner", sa.String)
    )
    note = sa.table(
        "note",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("segment_index", sa.Integer),
        sa.column("asked_question_id", sa.Integer),
    )
    asked = sa.table(
        "asked_question",
        sa.column("id", sa.Integer),
        sa.column("meeting_id", sa.Integer),
        sa.column("asked_at", UTCDateTime()),
    )
    log = sa.table(
        "segment_log",
        sa.column("meeting_id", sa.Integer),
        sa.column("segment_index", sa.Integer),
        sa.column("started_at", UTCDateTime()),
    )
    starts: dict[int, list[tuple[datetime, int]]] = {}
    for meeting_id, index, started in conn.execute(
        sa.select(log.c.meeting_id, log.c.segment_index, log.c.started_at).order_by(
            log.c.started_at
        )
    ):
        starts.setdefault(meeting_id, []).append((started, index))
    segment_of: dict[int, int] = {}
    for asked_id, meeting_id, asked_at in conn.execute(
        sa.select(asked.c.id, asked.c.meeting_id, asked.c.asked_at)
    ):
        index = 0
        for started, logged in starts.get(meeting_id, []):
            if started <= asked_at:
                index = logged
        segment_of[asked_id] = index
    kept: set[int] = set()  # questions whose answer is found
    drop: list[int] = []
    for note_id, kind, segment, asked_id, owner in conn.execute(
        sa.select(
            note.c.id, note.c.kind, note.c.segment_index, note.c.asked_question_id, action.c.owner
        )
        .select_from(note.outerjoin(action, action.c.note_id == note.c.id))
        .where(note.c.asked_question_id.is_not(None))
        .order_by(note.c.id)
    ):
        same_segment = segment is None or segment == segment_of.get(asked_id, segment)
        mine = owner == "me"  # the manager's promise: never what they answered
        if asked_id in kept or kind in (*_NOT_ANSWERS, *_NOT_FIRST) or mine or not same_segment:
            drop.append(note_id)
        else:
            kept.add(asked_id)
    for start in range(0, len(drop), 500):
        conn.execute(
            note.update()
            .where(note.c.id.in_(drop[start : start + 500]))
            .values(asked_question_id=None)
        )


def downgrade() -> None:
    with op.batch_alter_table("note") as batch:
        batch.drop_column("answers_why")
        batch.drop_column("career")
