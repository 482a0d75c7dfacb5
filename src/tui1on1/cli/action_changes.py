"""Changing one action from the command line, and showing it with its history.

Each change goes through the Store, which keeps it in the action's history
(dated ``at``, in no meeting), and is told back in one line:
``Rescheduled 12 · send the RFC draft (Ada Lovelace): Fri 4 Dec → Fri 11 Dec``.
A change to what the action already says records nothing and says so.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from tui1on1.cli import UsageError
from tui1on1.cli.action_phrases import OWNER_WORDS, day_or_none, one_line, short_day
from tui1on1.domain.kinds import ActionStatus, Owner
from tui1on1.domain.text import safe_terminal_text

if TYPE_CHECKING:
    from tui1on1.cli.action_words import Change
    from tui1on1.domain.records import ActionEvent, ActionItem
    from tui1on1.storage.store import Store

_STATUS = {"done": ActionStatus.DONE, "drop": ActionStatus.DROPPED, "reopen": ActionStatus.OPEN}
_STATUS_VERB = {"done": "Done", "drop": "Dropped", "reopen": "Reopened"}
_ALREADY = {"done": "done already", "drop": "dropped already", "reopen": "open already"}
_OWNERS = {"me": Owner.ME, "mine": Owner.ME, "them": Owner.THEM, "theirs": Owner.THEM}


class ClosedAction(Exception):
    """A closed promise's date or owner can't change: it is judged on them."""


def _closed(action: ActionItem, what: str) -> ClosedAction:
    from tui1on1.domain.ledger import action_ref

    ref = action_ref(action.id)
    return ClosedAction(
        f"{ref} · {one_line(action.text)} is {action.status.value}: its {what} stays as it "
        f"was when it closed (the kept-promise rate is judged on it) — "
        f"`tui1on1 actions reopen {ref}` first to change it"
    )


def apply_change(store: Store, change: Change, *, at: datetime, today: date) -> list[str]:
    """Make the change; the lines that say what changed (or that nothing did).
    Raises :class:`ClosedAction` for a new date or owner on a closed one."""
    action = store.get_action(change.action_id)
    head = _head(action, action.text, _name(store, action))
    if change.word in ("due", "owner") and action.status is not ActionStatus.OPEN:
        raise _closed(action, "due date" if change.word == "due" else "owner")
    if change.word in _STATUS:
        after = store.set_action_status(
            action.id, _STATUS[change.word], meeting_id=None, at=at, reason=change.reason or ""
        )
        if after.status is action.status:
            return [f"{head} is {_ALREADY[change.word]}"]
        reason = " ".join((change.reason or "").split())
        return [f"{_STATUS_VERB[change.word]} {head}" + (f": {one_line(reason)}" if reason else "")]
    if change.word == "due":
        return [_reschedule(store, action, head, _read_when(change.value, today), at, today)]
    if change.word == "owner":
        owner = _OWNERS.get(change.value.lower())
        if owner is None:
            raise UsageError(f"`actions owner ID` takes me or them, not '{_safe(change.value)}'")
        if owner is action.owner:
            return [f"{head} is {OWNER_WORDS[owner]} already"]
        store.reassign_action(action.id, owner, at=at, meeting_id=None)
        return [f"Reassigned {head}: {OWNER_WORDS[action.owner]} → {OWNER_WORDS[owner]}"]
    return _edit(store, action, change.value, at=at, today=today)


def _read_when(value: str, today: date) -> date | None:
    """WHEN as typed after `due ID`: a notes due date, with or without @, or none."""
    from tui1on1.domain.duedates import DueDateError, resolve_due

    word = value.strip()
    if word.lower() in ("none", "@none"):
        return None
    try:
        return resolve_due(word.removeprefix("@"), today)
    except DueDateError as exc:
        raise UsageError(f"{exc}; or `none` for no due date") from None


def _reschedule(
    store: Store, action: ActionItem, head: str, due: date | None, at: datetime, today: date
) -> str:
    if due == action.due:
        already = "has no due date" if due is None else f"is due {short_day(due, today)}"
        return f"{head} {already} already"
    store.reschedule_action(action.id, due, at=at, meeting_id=None)
    return f"Rescheduled {head}: {day_or_none(action.due, today)} → {day_or_none(due, today)}"


def _edit(store: Store, action: ActionItem, text: str, *, at: datetime, today: date) -> list[str]:
    """New text, read as the notes pane reads an action: a trailing @when reschedules."""
    from tui1on1.domain.action_text import ActionTextRefused, read_action_text
    from tui1on1.domain.ledger import action_ref

    ref = action_ref(action.id)
    other = "them" if action.owner is Owner.ME else "me"
    try:  # typed with its prefix ("! …", "!me …") as in the notes pane, or without
        read = read_action_text(
            text,
            today,
            owner=action.owner,
            private=action.id in store.private_actions([action]),
            keep_due=action.due,
            owner_hint=f"`tui1on1 actions owner {ref} {other}` does that",
            private_hint="p on its note in its 1:1's page in the app does that",
        )
    except ActionTextRefused as refused:
        said = str(refused)
        raise UsageError(said[:1].lower() + said[1:]) from None
    if read.due not in (None, action.due) and action.status is not ActionStatus.OPEN:
        raise _closed(action, "due date")
    name = _name(store, action)
    lines = []
    if read.text != action.text:
        store.reword_action(action.id, read.text, at=at, meeting_id=None)
        lines.append(
            f"Reworded {action_ref(action.id)} ({name}): "
            f"{one_line(action.text)} → {one_line(read.text)}"
        )
    if read.due is not None:
        due_line = _reschedule(store, action, _head(action, read.text, name), read.due, at, today)
        if lines and due_line.endswith(" already"):
            return lines
        lines.append(due_line)
    if not lines:
        lines.append(f"{_head(action, action.text, name)} says that already")
    if read.warning:
        lines.append(read.warning[:1].upper() + read.warning[1:])
    return lines


def show_lines(
    store: Store, action: ActionItem, history: list[ActionEvent], today: date, *, private: bool
) -> list[str]:
    """The action, who it is with, where it was made, and each change since."""
    from tui1on1.domain.ledger import action_ref, due_words, history_lines, local_date
    from tui1on1.domain.promises import outcome_words

    state = due_words(action, today)
    lines = [
        f"{action_ref(action.id)} · {one_line(action.text)}",
        f"  with      {_name(store, action)}",
        f"  owner     {OWNER_WORDS[action.owner]}",
        f"  due       {day_or_none(action.due, today)}",
        f"  status    {'open' if action.status is ActionStatus.OPEN else state}"
        + (f", {state}" if state.startswith("overdue") else ""),
    ]
    if action.origin_meeting_id is not None:
        meeting = store.get_meeting(action.origin_meeting_id)
        lines.append(f"  from      the 1:1 on {short_day(local_date(meeting.started_at), today)}")
    if private:
        lines.append("  private   its note is private: kept out of the recap you send")
    if counts := outcome_words(action, history, today):
        lines.append(f"  counts    {counts}")
    lines.append("History")
    lines += [f"  {line}" for line in history_lines(action, history, today)]
    if not history:
        lines.append("  no changes since it was made")
    return lines


def _head(action: ActionItem, text: str, name: str) -> str:
    """``12 · send the RFC draft (Ada Lovelace)``: which action a line is about."""
    from tui1on1.domain.ledger import action_ref

    return f"{action_ref(action.id)} · {one_line(text)} ({name})"


def _name(store: Store, action: ActionItem) -> str:
    return safe_terminal_text(store.get_person(action.person_id).name)


def _safe(text: str) -> str:
    return safe_terminal_text(" ".join(text.split()))
