"""`tui1on1 topic NAME ["TEXT"] [--mine] [--json]`: talking points from the shell.

With TEXT, a talking point is kept for the next 1:1 with NAME (theirs, or
``--mine``) and one line says so. Without it, what waits for that 1:1 is
listed in the order the meeting raises it: their topics, mine, then the
parked topics and open questions left from earlier meetings. ``--json``
prints :func:`as_json`'s shape (documented in the README).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.cli import EXIT_OK, UsageError
from tui1on1.cli.run import fail, find_person, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.domain.waiting import WaitingItem


def now() -> datetime:
    """The current time (tests replace this)."""
    return datetime.now(UTC)


def topic(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.domain.waiting import waiting_items
    from tui1on1.storage.errors import InvalidInput, StoreError
    from tui1on1.storage.talking_points import clean_point_text

    if args.text is not None:
        try:  # before the database: a bad line is the same mistake anywhere
            clean_point_text(args.text)
        except InvalidInput as exc:
            raise UsageError(str(exc)) from None
    elif args.mine:
        raise UsageError('--mine goes with a talking point: tui1on1 topic NAME "TEXT" --mine')
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        person = find_person(store, args.name)
        if args.text is not None:
            point = store.add_talking_point(person.id, args.text, mine=args.mine, at=now())
        else:
            items = waiting_items(store.talking_points(person.id), store.open_topics(person.id))
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    name = safe_terminal_text(person.name)
    if args.text is not None:
        text = safe_terminal_text(point.text)
        if args.json:
            print(json.dumps({"person": person.name, "added": _item_json(
                waiting_items([point], [])[0])}, indent=2, ensure_ascii=True))  # fmt: skip
        elif point.mine:
            print(f"Your topic will wait at your next 1:1 with {name}: {text}")
        else:
            print(f"{name}'s topic will wait at your next 1:1: {text}")
        return EXIT_OK
    if args.json:
        print(json.dumps(as_json(person.name, items), indent=2, ensure_ascii=True))
    else:
        day = now().astimezone().date()
        sys.stdout.write("".join(f"{line}\n" for line in as_text(name, items, day)))
    return EXIT_OK


def as_text(name: str, items: list[WaitingItem], today: date) -> list[str]:
    """The list's lines: each item's label, text (first line) and day added."""
    from tui1on1.domain.career import first_line, format_day
    from tui1on1.domain.text import safe_terminal_text

    if not items:
        return [f"Nothing waits for your next 1:1 with {name}."]
    width = max(len(item.kind.value) for item in items)
    lines = [f"Waiting for your next 1:1 with {name}:"]
    for item in items:
        added = f"  ({format_day(item.added_at, today)})" if item.added_at else ""
        text = safe_terminal_text(first_line(item.text))
        lines.append(f"  {item.kind.value.ljust(width)}  {text}{added}")
    return lines


def as_json(name: str, items: list[WaitingItem]) -> dict[str, Any]:
    """``{"person", "waiting": [{"kind", "text", "added_at"}...]}``, in the
    order the meeting raises them."""
    return {"person": name, "waiting": [_item_json(item) for item in items]}


def _item_json(item: WaitingItem) -> dict[str, Any]:
    return {
        "kind": item.kind.slug,
        "text": item.text,
        "added_at": item.added_at.astimezone(UTC).isoformat() if item.added_at else None,
    }
