"""The list `tui1on1 actions` prints, and the JSON of an action.

Grouped "Mine" then "Theirs"; in each group the open ones first, overdue
first, then by due date (none last), then the closed ones, latest closed
first. A line reads
``12  overdue 3 days  Ada Lovelace   send the RFC draft``: the id to type in
a change, where the action stands, who it is with, and its text (then
``(private)`` when its note is kept out of the recap).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.cli.action_phrases import is_overdue, one_line
from tui1on1.domain.kinds import ActionStatus, Owner
from tui1on1.domain.text import safe_terminal_text

if TYPE_CHECKING:
    from tui1on1.domain.records import ActionEvent, ActionItem

_EARLIEST = datetime.min.replace(tzinfo=UTC)

GROUPS = (("Mine", Owner.ME), ("Theirs", Owner.THEM))


def ordered(items: list[ActionItem], today: date) -> list[ActionItem]:
    """Mine then theirs; in each, the open ones as a meeting carries them
    (overdue first, then by due date, none last), then the closed ones,
    latest closed first."""
    from tui1on1.domain.ledger import carried_order

    def closed_key(a: ActionItem) -> tuple[float, int]:
        return (-(a.closed_at or _EARLIEST).timestamp(), a.id)

    open_ones = carried_order([a for a in items if a.status is ActionStatus.OPEN], today)
    closed = sorted((a for a in items if a.status is not ActionStatus.OPEN), key=closed_key)
    return [a for _heading, who in GROUPS for a in (*open_ones, *closed) if a.owner is who]


def print_groups(
    items: list[ActionItem], names: dict[int, str], today: date, *, private: frozenset[int]
) -> None:
    """Print the ordered ``items`` under their headings, in aligned columns;
    ``private``: the ids of those whose note is private, marked so."""
    from tui1on1.domain.ledger import action_ref, due_words

    rows = [
        (
            a.owner,
            action_ref(a.id),
            due_words(a, today),
            safe_terminal_text(names.get(a.person_id, "")),
            one_line(a.text) + ("   (private)" if a.id in private else ""),
        )
        for a in items
    ]
    widths = [max(len(row[i]) for row in rows) for i in (1, 2, 3)]
    first = True
    for heading, owner in GROUPS:
        group = [row for row in rows if row[0] is owner]
        if not group:
            continue
        if not first:
            print()
        first = False
        print(heading)
        for _owner, ref, state, name, text in group:
            print(
                f"{ref.rjust(widths[0])}  {state.ljust(widths[1])}  "
                f"{name.ljust(widths[2])}   {text}".rstrip()
            )


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def as_json(
    action: ActionItem,
    person: str,
    today: date,
    *,
    private: bool,
    history: list[ActionEvent],
) -> dict[str, Any]:
    return {
        "id": action.id,
        "person": person,
        "owner": action.owner.value,
        "text": action.text,
        "due": _iso(action.due),
        "status": action.status.value,
        "overdue": is_overdue(action, today),
        "private": private,
        "created_at": _iso(action.created_at),
        "closed_at": _iso(action.closed_at),
        "history": [
            {
                "change": event.change.value,
                "at": event.at.isoformat(),
                "before": event.before,
                "after": event.after,
                "reason": event.reason,
                "meeting_id": event.meeting_id,
            }
            for event in history
        ],
    }
