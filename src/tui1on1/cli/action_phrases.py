"""The few words that say where an action stands and how it changed, as the
CLI prints them: ``overdue 3 days``, ``due Fri 4 Dec``, ``no due date``,
``done Fri 27 Nov``; ``rescheduled: Fri 4 Dec → Fri 11 Dec``."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from tui1on1.domain.duedates import format_due
from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.text import plural, safe_terminal_text

if TYPE_CHECKING:
    from tui1on1.domain.records import ActionEvent, ActionItem

OWNER_WORDS = {Owner.ME: "mine", Owner.THEM: "theirs"}


def local_day(moment: datetime) -> date:
    """The user's local date of a stored moment."""
    return moment.astimezone().date()


def short_day(value: date, today: date) -> str:
    """``Fri 4 Dec``; the year only when it isn't this year's."""
    return format_due(value, today).removeprefix("due ")


def is_overdue(action: ActionItem, today: date) -> bool:
    return action.status is ActionStatus.OPEN and action.due is not None and action.due < today


def state_words(action: ActionItem, today: date) -> str:
    """The one phrase a list row shows for the action."""
    if action.status is not ActionStatus.OPEN:
        when = f" {short_day(local_day(action.closed_at), today)}" if action.closed_at else ""
        return f"{action.status.value}{when}"
    if action.due is None:
        return "no due date"
    if action.due < today:
        return f"overdue {plural((today - action.due).days, 'day')}"
    if action.due == today:
        return "due today"
    return format_due(action.due, today)


def due_value(text: str | None, today: date) -> str:
    """A history row's ISO date ("" for none) as the user reads it."""
    if not text:
        return "no due date"
    try:
        return short_day(date.fromisoformat(text), today)
    except ValueError:
        return safe_terminal_text(text)


def _owner(value: str | None) -> str:
    return {"me": "mine", "them": "theirs"}.get(value or "", safe_terminal_text(value or ""))


def one_line(text: str) -> str:
    """A stored text on one terminal line: newlines as ⏎, escapes visible."""
    return safe_terminal_text(" ⏎ ".join(line.strip() for line in text.strip().splitlines()))


def change_words(event: ActionEvent, today: date) -> str:
    """What one history row changed: ``dropped: no longer needed``."""
    if event.change is ActionChange.DUE:
        before, after = due_value(event.before, today), due_value(event.after, today)
        return f"rescheduled: {before} → {after}"
    if event.change is ActionChange.OWNER:
        return f"reassigned: {_owner(event.before)} → {_owner(event.after)}"
    if event.change is ActionChange.TEXT:
        return f"reworded: {one_line(event.before or '')} → {one_line(event.after or '')}"
    if event.change is ActionChange.DROPPED and event.reason:
        return f"dropped: {one_line(event.reason)}"
    if event.change is ActionChange.REOPENED:
        return "open again"
    return event.change.value
