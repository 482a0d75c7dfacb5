"""The promise ledger: how action items are ordered, worded and referred to.

Pure rules over :class:`~tui1on1.domain.records.ActionItem` and its history
(:class:`~tui1on1.domain.records.ActionEvent`); the kept-promise rate is in
:mod:`tui1on1.domain.promises`. Nothing here reads the clock: ``today`` (the
user's local date) is passed in, and ``tz`` says which zone the stored UTC
times are shown in (the local zone when None, a fixed one in tests).

Words, not symbols: "overdue 3 days", never "-3d"; dates like "Fri 4 Dec" with
English names whatever the locale, and the year only when it isn't this year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, tzinfo

from tui1on1.domain.career import shorten
from tui1on1.domain.duedates import format_due, is_overdue
from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.records import ActionEvent, ActionItem
from tui1on1.domain.text import clip, plural, safe_terminal_text

__all__ = [
    "action_ref",
    "carried_order",
    "day_text",
    "due_value",
    "due_words",
    "history_lines",
    "local_date",
    "overdue_words",
    "parse_action_ref",
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EARLIEST = datetime.min.replace(tzinfo=UTC)
_WORDING_SHOWN = 40  # characters of an old wording quoted in the history
_REF_RE = re.compile(r"#?([0-9]{1,19})")  # ASCII digits; "#12" pasted in quotes is fine
_LARGEST_ID = 2**63 - 1  # the largest integer key SQLite and PostgreSQL hold
_STATUS_CHANGES = (ActionChange.DONE, ActionChange.DROPPED, ActionChange.REOPENED)


# --- dates -------------------------------------------------------------------


def local_date(when: datetime, tz: tzinfo | None = None) -> date:
    """The day a stored (UTC) time fell on in ``tz`` (local time when None)."""
    return when.astimezone(tz).date()


def day_text(day: date, today: date) -> str:
    """``27 Nov``, or ``27 Nov 2025`` outside ``today``'s year."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def due_value(text: str | None) -> date | None:
    """A due date as a DUE event stores it (ISO, "" for none) back as a date;
    None for none, and for anything unreadable (never an error: a history
    must always show)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _one_line(text: str) -> str:
    """User text on one line, blanks squeezed, control characters shown escaped."""
    return safe_terminal_text(" ".join(text.split()))


def _due_day(day: date, today: date) -> str:
    """``Fri 4 Dec`` (with the year outside this one): a due date without "due"."""
    return format_due(day, today).removeprefix("due ")


# --- ordering and words ------------------------------------------------------


def carried_order(actions: Iterable[ActionItem], today: date) -> list[ActionItem]:
    """Actions carried into a meeting, in the order the list shows them.

    Mine first, then theirs (your own promises are the ones to report on
    first). In each group: overdue first, the most overdue at the top; then
    by due date, soonest first; those with no due date last; ties go oldest
    first (by when made, then by id). Status is not looked at, so a row
    ticked done in the meeting stays where it was; the caller chooses which
    actions to pass.
    """

    def key(action: ActionItem) -> tuple[bool, bool, bool, date, datetime, int]:
        due = action.due
        return (
            action.owner is not Owner.ME,
            not (due is not None and is_overdue(due, today)),
            due is None,
            due or date.max,
            action.created_at or _EARLIEST,
            action.id,
        )

    return sorted(actions, key=key)


def overdue_words(due: date | None, today: date) -> str:
    """How late a due date is, in calm words; "" when it isn't (or there is none).

    Days up to 13 ("overdue 1 day", "overdue 13 days"), whole weeks from 14
    days ("overdue 2 weeks" until 20 days, up to "overdue 8 weeks" at 59),
    months of 30 days from 60 ("overdue 2 months"), and years of 365 days
    from a year on ("overdue 1 year"). Rounded down, so it never says more
    than it is.
    """
    if due is None or not is_overdue(due, today):
        return ""
    late = (today - due).days
    if late < 14:
        return f"overdue {plural(late, 'day')}"
    if late < 60:
        return f"overdue {plural(late // 7, 'week')}"
    if late < 365:
        return f"overdue {plural(late // 30, 'month')}"
    return f"overdue {plural(late // 365, 'year')}"


def due_words(action: ActionItem, today: date, *, tz: tzinfo | None = None) -> str:
    """The one short phrase an action's row shows about its date.

    Open: "due today", "due tomorrow", "due Fri 4 Dec" (the year outside
    this one), "overdue 3 days" (the date itself is in the history, kept out
    of a narrow row), or "no due date" so a missing date is never silent.
    Closed: "done 27 Nov" or "dropped 27 Nov", the day it was closed ("done"
    alone if that day isn't known).
    """
    if action.status is not ActionStatus.OPEN:
        word = action.status.value  # "done" or "dropped"
        if action.closed_at is None:
            return word
        return f"{word} {day_text(local_date(action.closed_at, tz), today)}"
    due = action.due
    if due is None:
        return "no due date"
    if is_overdue(due, today):
        return overdue_words(due, today)
    ahead = (due - today).days
    if ahead == 0:
        return "due today"
    if ahead == 1:
        return "due tomorrow"
    return format_due(due, today)


# --- history -----------------------------------------------------------------


def _change_words(event: ActionEvent, today: date) -> str:
    """What one change did, as the history says it."""
    change = event.change
    if change is ActionChange.DONE:
        return "done"
    if change is ActionChange.REOPENED:
        return "open again"
    if change is ActionChange.DROPPED:
        reason = _one_line(event.reason)
        return f"dropped: {reason}" if reason else "dropped"
    if change is ActionChange.DUE:
        before, after = due_value(event.before), due_value(event.after)
        if before is None and after is None:
            return "rescheduled"
        if before is None:
            assert after is not None
            return f"due date set: {_due_day(after, today)}"
        if after is None:
            return f"due date removed (was {_due_day(before, today)})"
        return f"rescheduled: {_due_day(before, today)} → {_due_day(after, today)}"
    if change is ActionChange.OWNER:
        return "reassigned to me" if event.after == Owner.ME.value else "reassigned to them"
    old = shorten(_one_line(event.before or ""), _WORDING_SHOWN)
    return f"reworded (was “{old}”)" if old else "reworded"


def history_lines(
    action: ActionItem,
    events: Iterable[ActionEvent],
    today: date,
    *,
    tz: tzinfo | None = None,
) -> list[str]:
    """The action's story for a details pane, oldest first, one line a step.

    "12 Nov · promised in the 1:1", then one line per change:
    "20 Nov · rescheduled: Fri 27 Nov → Fri 4 Dec", "· due date set: …",
    "· due date removed (was …)", "· reassigned to them" / "to me",
    "· reworded (was “send the draft”)" (the old wording, cut at 40
    characters, at a word), "· dropped: no longer needed" (or "dropped" with no
    reason), "· done", "· open again". ``events`` may hold other actions'
    changes: only this one's are used. A closed action with no closing change
    (closed before its history was kept) still ends with "done" or "dropped"
    on the day it was closed. Dates are local days, with the year outside
    ``today``'s.
    """
    mine = sorted((e for e in events if e.action_id == action.id), key=lambda e: (e.at, e.id))
    lines: list[str] = []
    if action.created_at is not None:
        lines.append(f"{day_text(local_date(action.created_at, tz), today)} · promised in the 1:1")
    for event in mine:
        lines.append(f"{day_text(local_date(event.at, tz), today)} · {_change_words(event, today)}")
    # The last status change in the history, to tell whether it ends as the action does.
    ended = next((e.change for e in reversed(mine) if e.change in _STATUS_CHANGES), None)
    closed = action.status is not ActionStatus.OPEN and action.closed_at is not None
    if closed and ended != action.status.value:
        assert action.closed_at is not None
        day = day_text(local_date(action.closed_at, tz), today)
        lines.append(f"{day} · {action.status.value}")  # "done" or "dropped"
    return lines


# --- references --------------------------------------------------------------


def action_ref(action_id: int) -> str:
    """How an action's id is shown: the plain number, ``12``.

    A plain number is what is typed back (``tui1on1 actions done 12``); no
    ``#`` in front, because a shell reads ``#12`` as the start of a comment
    and the number would silently vanish.
    """
    return str(action_id)


def parse_action_ref(text: str) -> int:
    """The action id typed by the user, from ``12`` (spaces around are fine).

    A leading ``#`` is forgiven (``"#12"``, quoted, as copied from elsewhere).
    Raises ValueError with a calm message fit to show as is for anything
    else: words, signs, zero, digits of other scripts, or a number larger
    than any id can be.
    """
    word = text.strip()
    if not word:
        raise ValueError("an action number is needed, like 12 — tui1on1 actions lists them")
    match = _REF_RE.fullmatch(word)
    number = int(match[1]) if match else 0
    if not 0 < number <= _LARGEST_ID:
        shown = clip(_one_line(word), 30)
        raise ValueError(
            f"'{shown}' isn't an action number — use the number shown next to the action "
            "in tui1on1 actions, like 12"
        )
    return number
