"""`tui1on1 exposure NAME [KIND TEXT] [--on DAY] [--json]`, and
`tui1on1 exposure NAME --delete REF`: the exposure log from the shell.

With KIND and TEXT, an opportunity given to NAME is logged (on DAY, default
today) and one line says so. Without them, NAME's log is listed newest
first: those logged here or from the person screen (``x12``) and those typed
in a meeting with ``*`` (``n34``, changed where the meeting's notes are).
``--json`` prints :func:`as_json`'s shape (documented in the README).
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
    from tui1on1.domain.exposure import Exposure


def now() -> datetime:
    """The current time (tests replace this)."""
    return datetime.now(UTC)


def exposure(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain.exposure import ExposureError, clean_text, parse_kind, read_day
    from tui1on1.domain.kinds import MeetingStatus
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import StoreError

    today = now().astimezone().date()
    adding = args.kind is not None
    if adding and args.delete is not None:
        raise UsageError("--delete takes no KIND or TEXT: tui1on1 exposure NAME --delete x12")
    if adding and args.text is None:
        raise UsageError(
            f'say what happened after the kind: tui1on1 exposure {args.name} {args.kind} "TEXT"'
        )
    if not adding and args.on is not None:
        raise UsageError('--on goes with an exposure: tui1on1 exposure NAME KIND "TEXT" --on DAY')
    try:  # before the database: a bad line is the same mistake anywhere
        if adding:
            kind, text = parse_kind(args.kind), clean_text(args.text)
            on = read_day(args.on or "today", today)
        delete = _ref(args.delete) if args.delete is not None else None
    except ExposureError as exc:
        raise UsageError(str(exc)) from None
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        person = find_person(store, args.name)
        if adding:
            added = store.add_exposure(person.id, kind, text, on=on, at=now())
        elif delete is not None:
            found = next((e for e in store.exposures(person.id) if e.ref == delete), None)
            if found is None:
                return fail(
                    f"{delete} isn't one of {person.name}'s exposures "
                    f"(tui1on1 exposure {args.name} lists them)"
                )
            if found.id is not None:
                gone = store.delete_exposure(found.id)
            else:
                assert found.note_id is not None and found.meeting_id is not None
                if store.get_meeting(found.meeting_id).status is MeetingStatus.LIVE:
                    return fail(f"{delete} is in a live 1:1: delete it there (its notes list, d)")
                store.delete_note(found.note_id, now())
                gone = found
        else:
            log = store.exposures(person.id)
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    name = safe_terminal_text(person.name)
    if adding:
        if args.json:
            print(json.dumps({"person": person.name, "added": _entry(added)}, indent=2))
        else:
            print(f"Logged for {name}: {_line(added, today)}")
        return EXIT_OK
    if delete is not None:
        said = f"Deleted from {name}'s log: {_line(gone, today)}"
        if gone.note_id is not None:
            said += " (the note is deleted from its 1:1 too)"
        print(said)
        return EXIT_OK
    if args.json:
        print(json.dumps(as_json(person.name, log, today), indent=2, ensure_ascii=True))
    else:
        sys.stdout.write("".join(f"{line}\n" for line in as_text(name, log, today)))
    return EXIT_OK


def _ref(typed: str) -> str:
    """``x12`` (logged) or ``n34`` (typed in a 1:1), as listed; a bare
    number is refused, since it could be either."""
    from tui1on1.domain.exposure import ExposureError

    word = typed.strip().lower()
    if not (word[:1] in ("x", "n") and word[1:].isdigit()):
        raise ExposureError(
            f"'{typed}' isn't an exposure's ref: they look like x12 (logged) or n34 "
            "(typed in a 1:1), as `tui1on1 exposure NAME` lists them"
        )
    return word


def _line(item: Exposure, today: date) -> str:
    from tui1on1.domain.exposure import KIND_NAMES
    from tui1on1.domain.grammar import PRIVATE_MARK
    from tui1on1.domain.text import safe_terminal_text

    mark = f"{PRIVATE_MARK} " if item.private else ""
    words = f"{KIND_NAMES[item.kind]}: {safe_terminal_text(item.text)}"
    return f"{_day(item.on, today)}  {mark}{words}"


def _day(on: date, today: date) -> str:
    if on.year == today.year:
        return f"{on:%a} {on.day:>2} {on:%b}"
    return f"{on.day} {on:%b %Y}"


def as_text(name: str, log: list[Exposure], today: date) -> list[str]:
    """The log's lines, newest first, with how long since the last."""
    from tui1on1.domain.exposure import KINDS_HELP, since_words

    if not log:
        return [
            f"No exposure logged for {name} yet: tui1on1 exposure {name.split()[0].lower()} "
            f'KIND "what happened" ({KINDS_HELP} or other), or "* customer …" in a 1:1.'
        ]
    lines = [f"Exposure given to {name} (the last one {since_words(log[0].on, today)}):"]
    width = max(len(item.ref) for item in log)
    for item in log:
        lines.append(f"  {item.ref.ljust(width)}  {_line(item, today)}")
    return lines


def as_json(name: str, log: list[Exposure], today: date) -> dict[str, Any]:
    """``{"person", "days_since_last", "exposures": [{"ref", "kind", "text",
    "on", "meeting_started_at"?}...]}``, newest first."""
    last = (today - log[0].on).days if log else None
    return {"person": name, "days_since_last": last, "exposures": [_entry(e) for e in log]}


def _entry(item: Exposure) -> dict[str, Any]:
    return {
        "ref": item.ref,
        "kind": item.kind.value,
        "text": item.text,
        "on": item.on.isoformat(),
        "in_meeting": item.meeting_id is not None,
        "private": item.private,
        "logged_at": item.created_at.astimezone(UTC).isoformat() if item.created_at else None,
    }
