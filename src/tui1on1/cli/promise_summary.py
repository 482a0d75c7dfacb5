"""`tui1on1 actions --summary`: how well you keep your word.

Over the last 90 days, the share of *your* actions done on or before their
due date (the rules are :mod:`tui1on1.domain.promises`'), the ones still
open past it, and the dropped ones counted apart: overall, then one line a
person; with a person, theirs alone.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from tui1on1.domain.promises import DEFAULT_DAYS, PromiseStats
from tui1on1.domain.text import safe_terminal_text

if TYPE_CHECKING:
    from tui1on1.domain.records import Person
    from tui1on1.storage.store import Store


def summary(store: Store, person: Person | None, today: date, *, as_json: bool) -> None:
    """Print the kept-promise rate (``person``: theirs alone)."""
    from tui1on1.domain.promises import promise_stats, promise_stats_by_person

    since = today - timedelta(days=DEFAULT_DAYS - 1)
    items, history = store.my_promises(since=since, person_id=person.id if person else None)
    events = [event for changes in history.values() for event in changes]
    overall = promise_stats(items, events, today)
    by_person = promise_stats_by_person(items, events, today)
    if person is not None:
        people = [(person.name, by_person.get(person.id, PromiseStats()))]
    else:
        names = {p.id: p.name for p in store.list_people(include_archived=True)}
        people = sorted(
            ((names.get(pid, ""), stats) for pid, stats in by_person.items()),
            key=lambda pair: pair[0].casefold(),
        )
    if as_json:
        out = {
            "days": DEFAULT_DAYS,
            "since": since.isoformat(),
            "overall": _as_json(overall),
            "people": [{"person": name, **_as_json(stats)} for name, stats in people],
        }
        print(json.dumps(out, indent=2, ensure_ascii=True))
        return
    if person is not None:
        print(f"{safe_terminal_text(person.name)}: {overall.sentence()}")
        return
    print(overall.sentence())
    if people:
        print()
        width = max(len(safe_terminal_text(name)) for name, _stats in people)
        for name, stats in people:
            print(f"{safe_terminal_text(name).ljust(width)}   {_cells(stats)}")


def _cells(stats: PromiseStats) -> str:
    """One person's counts: ``kept 4 of 5 (80%) · 1 overdue · 1 dropped``."""
    if stats.came_due:
        parts = [f"kept {stats.kept} of {stats.came_due} ({stats.percent}%)"]
    else:
        parts = ["nothing came due"]
    counts = (
        (stats.late, "late"),
        (stats.overdue, "overdue"),
        (stats.dropped, "dropped"),
        (stats.no_due, "without a date, not counted"),
    )
    parts += [f"{count} {words}" for count, words in counts if count]
    return " · ".join(parts)


def _as_json(stats: PromiseStats) -> dict[str, Any]:
    return {
        "kept": stats.kept,
        "late": stats.late,
        "overdue": stats.overdue,
        "dropped": stats.dropped,
        "no_due_date": stats.no_due,
        "came_due": stats.came_due,
        "rate": stats.rate,
        "sentence": stats.sentence(),
    }
