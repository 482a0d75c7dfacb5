"""An index of the open actions only, for counting each person's.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

Home counts each person's open actions, mine and theirs. The index on
``(person_id, status)`` serves that only when SQLite has statistics to
choose a skip-scan (the app never runs ANALYZE); without them it read every
action's index entry and row, so the count grew with every promise ever
made. A partial index of the open ones, ``(person_id, owner) WHERE status =
'open'``, holds exactly what is counted and is chosen without statistics:
the count reads the promises still open and no others.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_action_item_open_person_owner",
        "action_item",
        ["person_id", "owner"],
        sqlite_where=sa.text("status = 'open'"),
        postgresql_where=sa.text("status = 'open'"),
    )


def downgrade() -> None:
    op.drop_index("ix_action_item_open_person_owner", table_name="action_item")
