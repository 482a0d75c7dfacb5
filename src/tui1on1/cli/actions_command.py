"""`tui1on1 actions`: what you and they promised, across everyone; and the
ledger's changes to one action.

``actions [NAME]`` lists (see :mod:`tui1on1.cli.action_list`);
``actions show|done|drop|reopen|due|owner|edit ID ...`` shows or changes one
action (see :mod:`tui1on1.cli.action_changes`); ``actions --summary`` says
how you keep your word. How the words are told apart:
:mod:`tui1on1.cli.action_words`.

Exit codes: 0 done; 2 for a usage mistake (an id that isn't a number, a date
that can't be read, a person the name rule doesn't find); 1 when the
database can't be used or holds no action with that id.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from tui1on1.cli import EXIT_OK, UsageError
from tui1on1.cli.run import fail, find_person, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.cli.action_words import Change, Listing
    from tui1on1.domain.records import Person
    from tui1on1.storage.store import Store

# The largest id an action can have: PostgreSQL's integer keys stop here.
_LARGEST_KEY = 2**31 - 1


def now() -> datetime:
    """This moment, in UTC (tests replace this)."""
    return datetime.now(UTC)


def today() -> date:
    """The user's local date (tests replace this)."""
    return now().astimezone().date()


def actions(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.cli.action_words import Change, read_request
    from tui1on1.storage.errors import InvalidInput, StoreError

    request = read_request(args)  # a usage mistake stops here, before the database
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        if isinstance(request, Change):
            return _change(store, request, args)
        if request.summary:
            return _summary(store, request, args)
        return _list(store, request, args)
    except InvalidInput as exc:  # what was typed (a reason too long): a usage mistake
        raise UsageError(str(exc)) from None
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()


def _listed_person(store: Store, name: str | None) -> Person | None:
    """The person to list; an action's id typed where a name goes (`actions
    12`) is told how to show that action."""
    if name is None:
        return None
    try:
        return find_person(store, name)
    except UsageError as exc:
        if name.strip().lstrip("#").isdigit():
            ref = name.strip().lstrip("#")
            raise UsageError(f"{exc}; to see action {ref}: `tui1on1 actions show {ref}`") from None
        raise


def _list(store: Store, request: Listing, args: argparse.Namespace) -> int:
    from tui1on1.cli import action_list
    from tui1on1.domain.kinds import ActionStatus, Owner

    person = _listed_person(store, request.person)
    items = store.list_actions(
        person_id=person.id if person else None,
        status=ActionStatus.OPEN if args.open else None,
        owner=Owner.ME if args.mine else Owner.THEM if args.theirs else None,
        listed=True,
    )
    names = {p.id: p.name for p in store.list_people(include_archived=True)}
    day = today()
    items = action_list.ordered(items, day)
    if args.json:
        private = store.private_actions(items)
        history = store.action_history(a.id for a in items)
        out = [
            action_list.as_json(
                a,
                names.get(a.person_id, ""),
                day,
                private=a.id in private,
                history=history[a.id],
            )
            for a in items
        ]
        print(json.dumps(out, indent=2, ensure_ascii=True))
    elif not items:
        print(_nothing(args, person.name if person else None))
    else:
        action_list.print_groups(items, names, day, private=store.private_actions(items))
    return EXIT_OK


def _change(store: Store, change: Change, args: argparse.Namespace) -> int:
    from tui1on1.cli import action_changes, action_list
    from tui1on1.domain.text import safe_terminal_text

    if change.action_id > _LARGEST_KEY:  # PostgreSQL would refuse to look it up
        return fail(f"no action item with id {change.action_id}")
    day = today()
    if change.word != "show":
        action = store.get_action(change.action_id)
        if any(m.person_id == action.person_id for m in store.live_meetings()):
            name = safe_terminal_text(store.get_person(action.person_id).name)
            return fail(
                f"the 1:1 with {name} is going on: change this promise there "
                "(a on the action), so the meeting shows it"
            )
        try:
            lines = action_changes.apply_change(store, change, at=now(), today=day)
        except action_changes.ClosedAction as closed:
            return fail(str(closed))
        if not args.json:
            print("\n".join(lines))
            return EXIT_OK
        print("\n".join(lines), file=sys.stderr)  # stdout holds the JSON alone
    action = store.get_action(change.action_id)
    private = bool(store.private_actions([action]))
    history = store.action_history([action.id])[action.id]
    if args.json:
        person = store.get_person(action.person_id).name
        item = action_list.as_json(action, person, day, private=private, history=history)
        print(json.dumps(item, indent=2, ensure_ascii=True))
    else:
        lines = action_changes.show_lines(store, action, history, day, private=private)
        print("\n".join(lines))
    return EXIT_OK


def _summary(store: Store, request: Listing, args: argparse.Namespace) -> int:
    from tui1on1.cli import promise_summary

    person = find_person(store, request.person) if request.person is not None else None
    promise_summary.summary(store, person, today(), as_json=args.json)
    return EXIT_OK


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
