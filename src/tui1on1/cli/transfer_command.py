"""`tui1on1 import FILE`: merge a whole-database export into this database.

The file is read and parsed before the database is opened, so a wrong file
never creates or touches one. Every failure is one calm line and exit 1;
nothing is written unless all of the file can be.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

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


class _Unreadable(Exception):
    """The file can't be used; ``str()`` is the line to show."""


def read_export_file(path: Path, key: DatabaseKey | None = None) -> Any:
    """The parsed JSON in ``path``, or _Unreadable saying calmly why not. A
    file sealed by an encrypted database (a discarded 1:1) is opened with
    ``key``, the key of the database it goes back into."""
    from tui1on1.domain.text import safe_terminal_text

    shown = safe_terminal_text(str(path))
    from tui1on1.user_files import UnreadableFile, read_regular_file

    try:
        raw = read_regular_file(path)  # a pipe or /dev/zero is refused, not read
    except FileNotFoundError:
        raise _Unreadable(f"there is no file at {shown}") from None
    except UnreadableFile as exc:
        raise _Unreadable(f"{shown} {exc}; give a file written by `export --all`") from None
    except OSError as exc:
        raise _Unreadable(f"can't read {shown}: {exc.strerror or exc}") from None
    raw = _unsealed(raw, key, shown)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Unreadable(
            f"{shown} isn't a tui1on1 export (it isn't UTF-8 text); "
            "make one with `tui1on1 export --all -o FILE`"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Unreadable(
            f"{shown} isn't a tui1on1 export (not JSON: {exc.msg} at line {exc.lineno}); "
            "make one with `tui1on1 export --all -o FILE`"
        ) from None
    except (ValueError, RecursionError):
        raise _Unreadable(f"{shown} isn't a tui1on1 export (JSON it can't read)") from None


def _unsealed(raw: bytes, key: DatabaseKey | None, shown: str) -> bytes:
    from tui1on1.storage.sealing import SealedElsewhere, file_sealer, is_sealed_file

    if not is_sealed_file(raw):
        return raw
    if key is None:
        raise _Unreadable(
            f"{shown} was sealed by an encrypted tui1on1 database; import it into that "
            "database (with its passphrase)"
        )
    try:
        return file_sealer(key).open_file(raw)
    except SealedElsewhere:
        raise _Unreadable(
            f"{shown} was sealed under another passphrase than this database's; nothing "
            "was imported"
        ) from None
    except ValueError:
        raise _Unreadable(f"{shown} is sealed and damaged; nothing was imported") from None


def import_file(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.transfer import FORMAT, ImportError_, import_data

    path = Path(args.file).expanduser()
    shown = safe_terminal_text(str(path))
    try:
        data = read_export_file(path, _database_key(settings))
    except _Unreadable as exc:
        return fail(str(exc))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return fail(
            f'{shown} isn\'t a tui1on1 export (no "format": "{FORMAT}"); '
            "make one with `tui1on1 export --all -o FILE`"
        )
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        report = import_data(store, data)
    except ImportError_ as exc:
        problem = safe_terminal_text(str(exc))
        if exc.path:
            problem += "; nothing was imported"
        return fail(f"can't import {shown}: {problem}")
    except StoreError as exc:
        return fail(f"can't import {shown}: {exc}")
    finally:
        store.close()
    for line in report.lines():
        print(line)
    return EXIT_OK
