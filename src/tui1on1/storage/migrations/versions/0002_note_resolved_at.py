"""Parked topics and open questions can be marked resolved.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

A plain ADD COLUMN (no batch table rebuild), so SQLite keeps the note table
and with it the FTS triggers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("note", sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("note") as batch:
        batch.drop_column("resolved_at")
