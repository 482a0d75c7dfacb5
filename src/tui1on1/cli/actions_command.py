"""`tui1on1 actions`: what you and they promised, across everyone.

Plain output is grouped "Mine" then "Theirs"; in each group overdue items come
first, then the rest by due date (none last). A line reads like
``Fri 27 Nov  Ada Lovelace   send the RFC draft   (overdue)``. ``--json``
gives the same items as a list of objects.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.cli import EXIT_OK
from tui1on1.cli.run import fail, find_person, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.domain.records import ActionItem

_EARLIEST = datetime.min.replace(tzinfo=UTC)


def today() -> date:
    """The user's local date (tests replace this)."""
    return datetime.now().astimezone().date()


def actions(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain.kinds import ActionStatus, Owner
    from tui1on1.storage.errors import StoreError

    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        person = None
        if args.person is not None:
            person = find_person(store, args.person)
        owner = Owner.ME if args.mine else Owner.THEM if args.theirs else None
        items = store.list_actions(
            person_id=person.id if person else None,
            status=ActionStatus.OPEN if args.open else None,
            owner=owner,
        )
        names = {p.id: p.name for p in store.list_people(include_archived=True)}
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()

    day = today()
    groups = [
        (heading, _ordered([a for a in items if a.owner is who], day))
        for heading, who in (("Mine", Owner.ME), ("Theirs", Owner.THEM))
    ]
    if args.json:
        out = [_as_json(a, names.get(a.person_id, ""), day) for _h, group in groups for a in group]
        print(json.dumps(out, indent=2, ensure_ascii=True))
        return EXIT_OK
    if not items:
        print(_nothing(args, person.name if person else None))
        return EXIT_OK
    _print_groups(groups, names, day)
    return EXIT_OK


def _overdue(action: ActionItem, day: date) -> bool:
    from tui1on1.domain.duedates import is_overdue
    from tui1on1.domain.kinds import ActionStatus

    return (
        action.status is ActionStatus.OPEN
        and action.due is not None
        and is_overdue(action.due, day)
    )


def _ordered(items: list[ActionItem], day: date) -> list[ActionItem]:
    """Overdue first, then by due date (none last), then oldest first."""
    return sorted(
        items,
        key=lambda a: (
            not _overdue(a, day),
            a.due is None,
            a.due or date.max,
            a.created_at or _EARLIEST,
            a.id,
        ),
    )


def _one_line(text: str) -> str:
    from tui1on1.domain.text import safe_terminal_text

    return safe_terminal_text(" ⏎ ".join(line.strip() for line in text.strip().splitlines()))


def _print_groups(
    groups: list[tuple[str, list[ActionItem]]], names: dict[int, str], day: date
) -> None:
    from tui1on1.domain.duedates import format_due
    from tui1on1.domain.kinds import ActionStatus
    from tui1on1.domain.text import safe_terminal_text

    rows = []  # (heading, due, name, text, mark)
    for heading, group in groups:
        for a in group:
            due = format_due(a.due, day).removeprefix("due ") if a.due else ""
            if _overdue(a, day):
                mark = "(overdue)"
            elif a.status is ActionStatus.OPEN:
                mark = ""
            else:
                mark = f"({a.status.value})"
            name = safe_terminal_text(names.get(a.person_id, ""))
            rows.append((heading, due, name, _one_line(a.text), mark))
    due_width = max(len(r[1]) for r in rows)
    name_width = max(len(r[2]) for r in rows)
    first = True
    for heading, _group in groups:
        mine = [r for r in rows if r[0] == heading]
        if not mine:
            continue
        if not first:
            print()
        first = False
        print(heading)
        for _h, due, name, text, mark in mine:
            cells = [due.ljust(due_width) + "  "] if due_width else []
            cells.append(name.ljust(name_width) + "   " + text)
            if mark:
                cells.append("   " + mark)
            print("".join(cells).rstrip())


def _nothing(args: argparse.Namespace, name: str | None) -> str:
    from tui1on1.domain.text import safe_terminal_text

    text = "no open action items" if args.open else "no action items"
    if args.mine:
        text += " of yours"
    elif args.theirs:
        text += " of theirs"
    if name:
        text += f" with {safe_terminal_text(name)}"
    return text


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _as_json(action: ActionItem, person: str, day: date) -> dict[str, Any]:
    return {
        "person": person,
        "owner": action.owner.value,
        "text": action.text,
        "due": _iso(action.due),
        "status": action.status.value,
        "overdue": _overdue(action, day),
        "created_at": _iso(action.created_at),
        "closed_at": _iso(action.closed_at),
    }
