"""Actions as rows of a list: the all-actions screen and the person screen.

Mine first, then theirs; in each, the open ones overdue first (then by due
date, none last), then the done and dropped ones, latest closed first. A row
reads: its id, the person (on the all-actions screen), the text, and the
one due phrase ("overdue 3 days", "due Fri 4 Dec", "no due date", "done 27
Nov"): overdue in bold as well as in words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from datetime import UTC, date, datetime

from rich.cells import cell_len
from rich.text import Text

from tui1on1.domain.duedates import is_overdue
from tui1on1.domain.grammar import PRIVATE_MARK
from tui1on1.domain.kinds import ActionStatus, Owner
from tui1on1.domain.ledger import action_ref, carried_order, due_words
from tui1on1.domain.records import ActionItem
from tui1on1.domain.text import clip, safe_terminal_text
from tui1on1.ui.lists import one_line

PERSON_WIDTH = 16  # a longer name is cut, ending in "…"
NARROW_PERSON = 10  # below WIDE cells of room
WIDE = 70
MIN_TEXT = 12  # the action's text keeps at least this much room
_EPOCH = datetime.min.replace(tzinfo=UTC)


def ordered(actions: Iterable[ActionItem], today: date) -> list[ActionItem]:
    """Mine, then theirs; open ones overdue first, then the closed, latest first."""
    found = list(actions)
    result: list[ActionItem] = []
    for owner in (Owner.ME, Owner.THEM):
        theirs = [a for a in found if a.owner is owner]
        open_ones = [a for a in theirs if a.status is ActionStatus.OPEN]
        closed = [a for a in theirs if a.status is not ActionStatus.OPEN]
        result += carried_order(open_ones, today)
        result += sorted(closed, key=lambda a: (a.closed_at or _EPOCH, a.id), reverse=True)
    return result


def is_late(action: ActionItem, today: date) -> bool:
    return (
        action.status is ActionStatus.OPEN
        and action.due is not None
        and is_overdue(action.due, today)
    )


def action_row(
    action: ActionItem,
    today: date,
    room: int,
    person: str | None = None,
    *,
    private: bool = False,
) -> Text:
    """One row in ``room`` cells: '  12  Ada Lovelace      send the RFC…  overdue 3 days'
    (a private one's text starts with the private mark, as in the meeting)."""
    ref = action_ref(action.id)
    due = due_words(action, today)
    row = Text(f"{ref:>4}  ")
    if person is not None:
        width = PERSON_WIDTH if room >= WIDE else NARROW_PERSON
        row.append(f"{clip(safe_terminal_text(person), width):<{width}}  ")
    left = max(MIN_TEXT, room - cell_len(row.plain) - cell_len(due) - 2)
    text = one_line(safe_terminal_text(action.text))
    if private:
        text = f"{PRIVATE_MARK} {text}"
    shown = clip(text, left)
    row.append(shown, style="strike" if action.status is ActionStatus.DROPPED else "")
    row.append(" " * (left - cell_len(shown) + 2))  # the due phrases in a column
    late = is_late(action, today)
    row.append(due, style="bold" if late else "italic")
    return row


def heading(owner: Owner, count: int) -> Text:
    words = "Mine: I promised" if owner is Owner.ME else "Theirs: they promised"
    return Text(f"{words} ({count})", style="bold")


def grouped_rows(
    actions: list[ActionItem],
    today: date,
    room: int,
    names: Mapping[int, str] | None = None,
    private: AbstractSet[int] = frozenset(),
) -> list[tuple[str, Text]]:
    """(key, text) rows under a heading for mine and one for theirs (keys
    "action-ID"; a heading's key starts "heading-", not to be opened)."""
    rows: list[tuple[str, Text]] = []
    for owner in (Owner.ME, Owner.THEM):
        group = [a for a in actions if a.owner is owner]
        if not group:
            continue
        rows.append((f"heading-{owner.value}", heading(owner, len(group))))
        for action in group:
            person = None if names is None else names.get(action.person_id, "?")
            row = action_row(action, today, room, person, private=action.id in private)
            rows.append((f"action-{action.id}", row))
    return rows
