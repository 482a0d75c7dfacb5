"""The few words the CLI adds to the ledger's (:mod:`tui1on1.domain.ledger`)
to tell an action: its text on one line, a day as ``Fri 4 Dec``, mine or theirs."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tui1on1.domain.duedates import format_due
from tui1on1.domain.kinds import ActionStatus, Owner
from tui1on1.domain.text import safe_terminal_text

if TYPE_CHECKING:
    from tui1on1.domain.records import ActionItem

OWNER_WORDS = {Owner.ME: "mine", Owner.THEM: "theirs"}


def short_day(value: date, today: date) -> str:
    """``Fri 4 Dec``; the year only when it isn't this year."""
    return format_due(value, today).removeprefix("due ")


def day_or_none(due: date | None, today: date) -> str:
    return "no due date" if due is None else short_day(due, today)


def is_overdue(action: ActionItem, today: date) -> bool:
    return action.status is ActionStatus.OPEN and action.due is not None and action.due < today


def one_line(text: str) -> str:
    """A stored text on one terminal line: newlines as ⏎, escapes visible."""
    return safe_terminal_text(" ⏎ ".join(line.strip() for line in text.strip().splitlines()))
