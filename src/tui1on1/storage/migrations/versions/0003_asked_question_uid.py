"""Asked questions get a client-made uid, as notes have.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

The meeting makes the uid when a question is asked, so the writes after it
(the pause held, follow-ups, the notes answering it) and a replay of the
recovery journal find it without waiting for its database id. Existing rows
get one here. A plain ADD COLUMN and a unique index (no batch table rebuild:
notes point at this table).
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("asked_question", sa.Column("uid", sa.String(length=36), nullable=True))
    conn = op.get_bind()
    asked = sa.table("asked_question", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    ids = conn.execute(sa.select(asked.c.id).where(asked.c.uid.is_(None))).scalars().all()
    if ids:
        conn.execute(
            asked.update().where(asked.c.id == sa.bindparam("row_id")),
            [{"row_id": row_id, "uid": uuid.uuid4().hex} for row_id in ids],
        )
    op.create_index("ix_asked_question_uid", "asked_question", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_asked_question_uid", table_name="asked_question")
    with op.batch_alter_table("asked_question") as batch:
        batch.drop_column("uid")
