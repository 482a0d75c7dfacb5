"""An action item as it stood at a moment in the past, read back from its
history: what a recap shows of a meeting, whenever it is exported.

The action as stored is how it stands now; its ``action_event`` rows say
what changed after it was made. Undoing the changes made after the moment,
newest first, gives it back as it was then. Pure functions of records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime

from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.records import ActionEvent, ActionItem, Note
from tui1on1.domain.tags import extract_tags

_STATUS_CHANGES = (ActionChange.DONE, ActionChange.REOPENED, ActionChange.DROPPED)
_CLOSING = (ActionChange.DONE, ActionChange.DROPPED)


def action_as_of(
    action: ActionItem, events: Sequence[ActionEvent], when: datetime
) -> ActionItem | None:
    """``action`` as it stood at ``when`` (a change made at ``when`` counts),
    given its history oldest first; None when it was made after ``when``."""
    if action.created_at is not None and action.created_at > when:
        return None
    mine = [e for e in events if e.action_id == action.id]
    earlier = [e for e in mine if e.at <= when]
    later = [e for e in mine if e.at > when]
    then = action
    for event in reversed(later):
        then = _undo(then, event)
    if any(e.change in _STATUS_CHANGES for e in later):
        return _closed_as_of(then, earlier)
    if action.status is not ActionStatus.OPEN and _after(action.closed_at, when):
        # Closed after ``when`` before its history was kept: open then.
        return dataclasses.replace(
            then, status=ActionStatus.OPEN, closed_at=None, closed_meeting_id=None
        )
    return then


def _undo(action: ActionItem, event: ActionEvent) -> ActionItem:
    """``action`` as it was just before ``event``."""
    before = event.before
    if event.change in _STATUS_CHANGES:
        return dataclasses.replace(action, status=_status_before(event))
    if before is None:  # nothing to go back to
        return action
    if event.change is ActionChange.DUE:
        return dataclasses.replace(action, due=date.fromisoformat(before) if before else None)
    if event.change is ActionChange.OWNER:
        return dataclasses.replace(action, owner=Owner(before))
    if event.change is ActionChange.TEXT:
        return dataclasses.replace(action, text=before)
    return action


def _status_before(event: ActionEvent) -> ActionStatus:
    if event.before:
        return ActionStatus(event.before)
    # Not kept: done and dropped close an open action; open again follows a close.
    return ActionStatus.DONE if event.change is ActionChange.REOPENED else ActionStatus.OPEN


def _closed_as_of(action: ActionItem, earlier: Sequence[ActionEvent]) -> ActionItem:
    """``action`` (its status as of the moment) with when and where it was
    closed: the latest close before the moment, or nothing when it was open."""
    if action.status is ActionStatus.OPEN:
        return dataclasses.replace(action, closed_at=None, closed_meeting_id=None)
    closes = [e for e in earlier if e.change in _CLOSING]
    if not closes:  # closed before its history was kept: when is not known
        return dataclasses.replace(action, closed_at=None, closed_meeting_id=None)
    return dataclasses.replace(
        action, closed_at=closes[-1].at, closed_meeting_id=closes[-1].meeting_id
    )


def _after(moment: datetime | None, when: datetime) -> bool:
    return moment is not None and moment > when


def drop_reason(events: Sequence[ActionEvent], when: datetime) -> str:
    """The reason given when the action was last dropped up to ``when`` ("" if none)."""
    drops = [e for e in events if e.change is ActionChange.DROPPED and e.at <= when]
    return drops[-1].reason if drops else ""


def note_as_of(
    note: Note, action: ActionItem, events: Sequence[ActionEvent], when: datetime
) -> Note:
    """An action's note as it stood at ``when``, given the action as it stood
    then and its history: rewording an action rewrites its note too, so a
    note edited after ``when`` reads the action's text of then. (A note's
    other edits have no history: they stand.)"""
    if note.edited_at is None or note.edited_at <= when or note.text == action.text:
        return note
    edits = [e.at for e in events if e.change is ActionChange.TEXT and e.at <= when]
    return dataclasses.replace(
        note,
        text=action.text,
        tags=extract_tags(action.text),
        edited_at=edits[-1] if edits else None,
    )
