"""The person screen's promises: their open actions and mine (mine first,
overdue first, with ids and due phrases) and how well I kept my word to
them over the last 90 days."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from tui1on1.domain.kinds import Owner
from tui1on1.domain.records import ActionItem
from tui1on1.ui.action_rows import action_row, ordered
from tui1on1.ui.home_promises import kept_stats
from tui1on1.ui.services import Services

EMPTY = "Nothing open."
WHO_WIDTH = 8  # "They'll "


def promise_sentence(services: Services, person_id: int) -> str:
    """How well I kept my promises to this person (read in a worker thread)."""
    return kept_stats(services, person_id).sentence()


def action_rows(
    actions: list[ActionItem], today: date, room: int, private: frozenset[int] = frozenset()
) -> list[tuple[str, Text]]:
    """Their open actions, mine first: 'I'll      12  send the RFC…  overdue 3 days'
    (``private``: the ids of those whose note is private, marked)."""
    rows = []
    for action in ordered(actions, today):
        who = Text(f"{'I' if action.owner is Owner.ME else 'They'}'ll".ljust(WHO_WIDTH))
        row = action_row(action, today, room - WHO_WIDTH, private=action.id in private)
        rows.append((f"action-{action.id}", who + row))
    return rows
