"""`tui1on1 import FILE`: merge a whole-database export into this database.

The file is parsed before the database is opened, so a file that isn't an
export never creates or touches one; it is read a person at a time
(``export_file``), so a ten-year export needn't fit in memory. Every failure
is one calm line and exit 1; nothing is written unless all of the file can be.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tui1on1.cli import EXIT_OK
from tui1on1.cli.run import fail, open_or_say
from tui1on1.keys import DatabaseKey
from tui1on1.settings import Settings


def _database_key(settings: Settings) -> DatabaseKey | None:
    """The key found for the settings' database (encrypted), if any."""
    from tui1on1.storage import cipher
    from tui1on1.storage.quick_read import sqlite_file

    path = sqlite_file(settings.database_url)
    return cipher.key_for(path) if path is not None else None


def import_file(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.cli.export_file import Unreadable, opened_export
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.transfer import FORMAT, ImportError_

    path = Path(args.file).expanduser()
    shown = safe_terminal_text(str(path))
    try:
        with opened_export(path, _database_key(settings)) as source:
            header = source.header
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                return fail(
                    f'{shown} isn\'t a tui1on1 export (no "format": "{FORMAT}"); '
                    "make one with `tui1on1 export --all -o FILE`"
                )
            store, code = open_or_say(settings)
            if store is None:
                return code
            try:
                report = store.import_people(header, source.people())
            except ImportError_ as exc:
                problem = safe_terminal_text(str(exc))
                if exc.path:
                    problem += "; nothing was imported"
                return fail(f"can't import {shown}: {problem}")
            except StoreError as exc:
                return fail(f"can't import {shown}: {exc}")
            finally:
                store.close()
    except Unreadable as exc:
        return fail(str(exc))
    for line in report.lines():
        print(line)
    return EXIT_OK
