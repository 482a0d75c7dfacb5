"""Taking back what a discarded meeting changed in earlier meetings' actions.

Each change made in the meeting has a history row naming it; they are
undone newest first and the rows removed: a reschedule, reassignment or
rewording puts back the value before; a status change puts back the status
before (a dropped promise marked done there is dropped again, one reopened
there is done again, on the day it was closed). History rows from before
the status was recorded (no ``before``) are left to the caller's rule: what
the meeting closed opens again.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tui1on1.domain.kinds import ActionChange, ActionStatus
from tui1on1.storage.ledger import set_action_text
from tui1on1.storage.tables import ActionEventRow, ActionItemRow

_STATUS_CHANGES = (ActionChange.DONE.value, ActionChange.DROPPED.value, ActionChange.REOPENED.value)
_CLOSED = (ActionStatus.DONE.value, ActionStatus.DROPPED.value)


def undo_changes(session: Session, meeting_id: int) -> int:
    """Undo the changes ``meeting_id`` made to actions (see the module
    docstring) in the caller's transaction; returns how many actions it had
    closed that are open again."""
    events = session.scalars(
        select(ActionEventRow)
        .where(ActionEventRow.meeting_id == meeting_id)
        .order_by(ActionEventRow.at.desc(), ActionEventRow.id.desc())
    ).all()
    reopened = 0
    for event in events:
        action = session.get(ActionItemRow, event.action_id)
        if action is not None:
            reopened += _undo(session, action, event, meeting_id)
        session.delete(event)
    session.flush()
    return reopened


def _undo(session: Session, action: ActionItemRow, event: ActionEventRow, meeting_id: int) -> int:
    if event.change == ActionChange.DUE.value:
        action.due = date.fromisoformat(event.before) if event.before else None
    elif event.change == ActionChange.OWNER.value and event.before:
        action.owner = event.before
    elif event.change == ActionChange.TEXT.value and event.before:
        set_action_text(session, action, event.before, event.at)
    elif event.change in _STATUS_CHANGES and event.before:
        was_closed = action.status in _CLOSED
        action.status = event.before
        if event.before not in _CLOSED:
            action.closed_at, action.closed_meeting_id = None, None
            return int(was_closed)
        closing = _last_closing(session, action.id, event, meeting_id)
        action.closed_at = closing.at if closing is not None else event.at
        action.closed_meeting_id = closing.meeting_id if closing is not None else None
    return 0


def _last_closing(
    session: Session, action_id: int, event: ActionEventRow, meeting_id: int
) -> ActionEventRow | None:
    """The latest done or drop of the action before ``event``, made outside
    the meeting being discarded."""
    return session.scalar(
        select(ActionEventRow)
        .where(
            ActionEventRow.action_id == action_id,
            ActionEventRow.change.in_((ActionChange.DONE.value, ActionChange.DROPPED.value)),
            ActionEventRow.at <= event.at,
            ActionEventRow.id != event.id,
            (ActionEventRow.meeting_id.is_(None)) | (ActionEventRow.meeting_id != meeting_id),
        )
        .order_by(ActionEventRow.at.desc(), ActionEventRow.id.desc())
        .limit(1)
    )
