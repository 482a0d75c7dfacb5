"""`tui1on1 export`: one meeting as a Markdown recap or JSON, or (``--all``)
the whole database as JSON for `tui1on1 import`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.cli import EXIT_OK, UsageError
from tui1on1.cli.run import fail, find_person, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.domain.recap import MeetingRecord
    from tui1on1.storage.store import Store


def export(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain import recap
    from tui1on1.storage.errors import StoreError

    if args.all and _md_was_typed(args):
        raise UsageError("--all writes JSON")
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        if args.all:
            from tui1on1.storage.transfer import export_data

            # ensure_ascii: control and bidi characters travel escaped.
            text = json.dumps(export_data(store), ensure_ascii=True, indent=1) + "\n"
        else:
            record = _gather(store, person=args.person, meeting_id=args.meeting)
            if isinstance(record, str):
                return fail(record)
            if (args.format or "md") == "json":
                text = json.dumps(recap.to_json(record), indent=2) + "\n"
            else:
                text = recap.markdown(record)
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    if args.output:
        from tui1on1.privacy import write_private_file

        target = Path(args.output).expanduser()
        try:
            write_private_file(target, text.encode("utf-8"))
        except OSError as exc:
            return fail(f"can't write {target}: {exc.strerror or exc}")
        print(f"wrote {target}", file=sys.stderr)
        return EXIT_OK
    sys.stdout.write(text)
    return EXIT_OK


def _md_was_typed(args: argparse.Namespace) -> bool:
    """Whether `--format md` was typed. That is only knowable when the parser
    leaves --format None by default; with a default of "md", "md" is taken to
    be the default."""
    if args.format != "md":
        return False
    from tui1on1.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices["export"].get_default("format") is None


def _gather(store: Store, *, person: str | None, meeting_id: int | None) -> MeetingRecord | str:
    """The meeting's record, or a sentence saying why there is none (a name
    that finds no one, or several, raises UsageError: exit 2)."""
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import NotFound

    if meeting_id is None:
        who = find_person(store, person or "")
        latest = store.meetings_for(who.id, limit=1)
        if not latest:
            return f"there are no meetings with {safe_terminal_text(who.name)} yet"
        meeting_id = latest[0].id
    try:
        return store.meeting_record(meeting_id)
    except NotFound:
        return f"there is no meeting {meeting_id}"
