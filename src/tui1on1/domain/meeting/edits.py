"""Editing a row of the live meeting's notes: the line put in the input,
and what the line says when Enter saves it.

An edit reads the whole line again, as a new one is read: its kind, owner,
tags, due date and privacy may all change. A carried action (from an
earlier meeting) stays an action: what changed in its line (the words, the
``@when``, ``!`` or ``!me``) becomes one change each in its history.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, replace
from datetime import date

from tui1on1.domain.duedates import format_day
from tui1on1.domain.grammar import EmptyLineError, NoteTooLongError, parse_line
from tui1on1.domain.kinds import ActionChange, ActionStatus, NoteKind, Owner
from tui1on1.domain.meeting.rows import NoteRow, SaveState, with_due
from tui1on1.domain.noteedit import private_after_edit, shows_marker, to_line
from tui1on1.domain.records import LineReading

STAYS_AN_ACTION = (
    "An action from an earlier meeting stays an action: keep the ! (or !me) at the start."
)
EMPTY_EDIT = "A note can't be empty: use d to delete it instead."
CARRIED_PRIVACY = (
    "That action is from an earlier meeting: whether it is private is changed on that"
    " meeting's page after this 1:1 (p there). Put the // back as it was to save the rest."
)


class Refused(Exception):
    """What the manager asked for can't be done now; the message says why."""


@dataclass(frozen=True, slots=True)
class NoteEdit:
    """An edit to write: the row as now shown (saving) and what to store:
    the text, its tags and the whole line read again."""

    row: NoteRow
    note_id: int
    text: str
    tags: tuple[str, ...]
    reading: LineReading


@dataclass(frozen=True, slots=True)
class ActionEdit:
    """An action carried from an earlier meeting, changed here: each change
    (reworded, rescheduled, reassigned) with its value as the journal takes it."""

    row: NoteRow
    action_id: int
    changes: tuple[tuple[ActionChange, str], ...]


def _owner(row: NoteRow) -> Owner | None:
    if not row.is_action:
        return None
    return Owner.ME if row.mine else Owner.THEM


def edit_line(row: NoteRow, private_kinds: Set[NoteKind]) -> str:
    """The row as a line to edit: its prefix, text and ``@YYYY-MM-DD``;
    ``//`` first when it is private though its kind isn't by default (a
    carried action's too, so the line says what it is)."""
    marker = shows_marker(row.kind, row.private, private_kinds)
    return to_line(row.kind, row.text, owner=_owner(row), due=row.due_date, private_marker=marker)


def read_edit(
    row: NoteRow, line: str, today: date, private_kinds: Set[NoteKind]
) -> NoteEdit | ActionEdit | None:
    """What the edited ``line`` changes in ``row``; None when nothing changed.
    Raises Refused (the edit stays open) for a line that can't be saved."""
    try:
        parsed = parse_line(line, today, keep_due=row.due_date)
    except EmptyLineError as empty:
        raise Refused(EMPTY_EDIT if not line.strip() else f"Not saved yet: {empty}.") from None
    except NoteTooLongError as long:
        raise Refused(str(long)) from None
    error = parsed.due_error or ""
    if error and row.due_date is not None and parsed.kind is NoteKind.ACTION:
        # A typo in the @when must not take away the date it had: say why.
        raise Refused(f"Not saved yet: {error}. It stays due {format_day(row.due_date, today)}.")
    if row.carried:
        if parsed.private is not row.private:
            raise Refused(CARRIED_PRIVACY)
        return _carried_edit(row, parsed.kind, parsed.text, parsed.owner, parsed.due, today, error)
    assert row.note_id is not None  # only saved notes are edited
    private = private_after_edit(
        was_private=row.private,
        old_kind=row.kind,
        new_kind=parsed.kind,
        marker=parsed.private,
        private_kinds=private_kinds,
    )
    action = parsed.kind is NoteKind.ACTION
    status = (row.action_status or ActionStatus.OPEN) if action else None
    shown = replace(
        row,
        kind=parsed.kind,
        text=parsed.text,
        mine=parsed.owner is Owner.ME,
        action_status=status,
        action_id=row.action_id if action else None,
        private=private,
        state=SaveState.SAVING,
        written=today,  # the line is saved again: its words are read as of today
    )
    reading = LineReading(parsed.kind, parsed.owner, parsed.due, private)
    shown = with_due(shown, parsed.due, today, error)
    return NoteEdit(shown, row.note_id, parsed.text, parsed.tags, reading)


def _carried_edit(
    row: NoteRow,
    kind: NoteKind,
    text: str,
    owner: Owner | None,
    due: date | None,
    today: date,
    error: str,
) -> ActionEdit | None:
    if kind is not NoteKind.ACTION or owner is None:
        raise Refused(STAYS_AN_ACTION)
    assert row.action_id is not None  # a carried row is an action of the ledger
    changes: list[tuple[ActionChange, str]] = []
    if text != row.text:
        changes.append((ActionChange.TEXT, text))
    if due != row.due_date:
        changes.append((ActionChange.DUE, due.isoformat() if due else ""))
    if owner is not _owner(row):
        changes.append((ActionChange.OWNER, owner.value))
    if not changes:
        return None
    shown = replace(
        row,
        text=text,
        mine=owner is Owner.ME,
        changed_here=True,
        state=SaveState.SAVING,
        written=today if text != row.text else row.written,
    )
    return ActionEdit(with_due(shown, due, today, error), row.action_id, tuple(changes))


_STATUS_OF = {
    ActionChange.DONE: ActionStatus.DONE,
    ActionChange.DROPPED: ActionStatus.DROPPED,
    ActionChange.REOPENED: ActionStatus.OPEN,
}


def action_changed(
    row: NoteRow,
    change: ActionChange,
    today: date,
    *,
    due: date | None = None,
    owner: Owner | None = None,
    text: str = "",
) -> NoteRow:
    """``row`` once its action is changed (done, dropped, open again,
    rescheduled to ``due``, made ``owner``'s, reworded to ``text``), saving."""
    shown = replace(row, state=SaveState.SAVING)
    status = _STATUS_OF.get(change)
    if status is not None:
        return replace(shown, action_status=status)
    shown = replace(shown, changed_here=row.carried)
    if change is ActionChange.OWNER and owner is not None:
        return replace(shown, mine=owner is Owner.ME)
    if change is ActionChange.TEXT and text:
        return with_due(replace(shown, text=text, written=today), row.due_date, today)
    return with_due(shown, due, today)
