"""Merging the history of each imported action (its done, dropped,
rescheduled, reassigned and reworded changes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tui1on1.storage.tables import ActionEventRow
from tui1on1.storage.transfer.bulk import chunks, insert_rows
from tui1on1.storage.transfer.model import ActionEntry


def merge_histories(
    session: Session,
    added: list[tuple[ActionEntry, int]],
    meeting_of: Callable[[int, datetime | None], int | None],
) -> None:
    """Add the history of each action just added (``added``: the entry and
    its new id); ``meeting_of(action_id, started)`` finds the meeting a change
    was made in. A change already in the database (by uid) is not added twice."""
    uids = [event.uid for action, _id in added for event in action.history]
    taken: set[str] = set()
    for chunk in chunks(sorted(set(uids))):
        taken.update(
            session.scalars(select(ActionEventRow.uid).where(ActionEventRow.uid.in_(chunk)))
        )
    rows = []
    for action, action_id in added:
        for event in action.history:
            if event.uid in taken:
                continue
            taken.add(event.uid)
            rows.append(
                {
                    "uid": event.uid,
                    "action_id": action_id,
                    "change": event.change,
                    "at": event.at,
                    "before": event.before,
                    "after": event.after,
                    "reason": event.reason,
                    "meeting_id": meeting_of(action_id, event.changed_in),
                }
            )
    insert_rows(session, ActionEventRow, rows)
