"""Indexes for reading my promises by their window.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

The kept-promise rate reads my actions that are open, due since a day, or
closed since it. With one index per way in — ``(owner, status)``,
``(owner, due)`` and ``(owner, closed_at)`` — each is a walk down its index
from the window's start, however many years of actions there are; before,
the three together were an OR over every action.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_action_item_owner_status", "action_item", ["owner", "status"])
    op.create_index("ix_action_item_owner_due", "action_item", ["owner", "due"])
    op.create_index("ix_action_item_owner_closed_at", "action_item", ["owner", "closed_at"])


def downgrade() -> None:
    op.drop_index("ix_action_item_owner_closed_at", table_name="action_item")
    op.drop_index("ix_action_item_owner_due", table_name="action_item")
    op.drop_index("ix_action_item_owner_status", table_name="action_item")
