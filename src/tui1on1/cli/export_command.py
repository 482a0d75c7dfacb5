"""`tui1on1 export`: one meeting as a Markdown recap or JSON, or (``--all``)
the whole database as JSON for `tui1on1 import`."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.cli import EXIT_OK, UsageError
from tui1on1.cli.run import fail, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.storage.store import Store


def export(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.cli import recap_gather
    from tui1on1.domain import recap, recap_json
    from tui1on1.storage.errors import StoreError

    if args.all and _md_was_typed(args):
        raise UsageError("--all writes JSON")
    if args.all_notes and (args.all or args.format == "json"):
        raise UsageError("--all-notes is for the Markdown recap; JSON always has every note")
    store, code = open_or_say(settings)
    if store is None:
        return code
    encrypted = store.encrypted
    if args.all:
        return _export_all(store, args.output, encrypted)
    try:
        record = recap_gather.gather(store, person=args.person, meeting_id=args.meeting)
        if isinstance(record, str):
            return fail(record)
        if (args.format or "md") == "json":
            text = json.dumps(recap_json.to_json(record), indent=2) + "\n"
        else:
            today = recap_gather.today()
            text = recap.markdown(record, today=today, all_notes=args.all_notes)
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
        _remind(encrypted)
        return EXIT_OK
    sys.stdout.write(text)
    _remind(encrypted)
    return EXIT_OK


def _export_all(store: Store, output: str | None, encrypted: bool) -> int:
    """The whole database as JSON for `tui1on1 import`, written a person at a
    time as it is read (memory holds one person's history): to ``output``,
    which appears whole or not at all, or to stdout."""
    from tui1on1.storage.errors import StoreError

    target = Path(output).expanduser() if output else None
    try:
        with contextlib.closing(store.export_chunks()) as chunks:
            if target is None:
                for chunk in chunks:
                    sys.stdout.write(chunk)
                sys.stdout.flush()
            else:
                from tui1on1.privacy import write_private_chunks

                try:
                    write_private_chunks(target, (chunk.encode("utf-8") for chunk in chunks))
                except OSError as exc:
                    return fail(f"can't write {target}: {exc.strerror or exc}")
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    if target is not None:
        print(f"wrote {target}", file=sys.stderr)
    _remind(encrypted)
    return EXIT_OK


def _remind(encrypted: bool) -> None:
    """With encryption on, one line: the export itself is plain text."""
    if encrypted:
        print(
            "tui1on1: the database is encrypted, this export is not: keep it somewhere safe",
            file=sys.stderr,
        )


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
