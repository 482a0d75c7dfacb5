"""Finding the key of an encrypted database before a command opens it:
from the passphrase file, the OS key store, or asked in the terminal
(``getpass``: nothing echoed, nothing in the shell's history). A plain
database costs one small read."""

from __future__ import annotations

import sys

from tui1on1.keys import KeyProblem
from tui1on1.settings import Settings
from tui1on1.storage.errors import StoreError
from tui1on1.storage.quick_read import sqlite_file


def unlock(settings: Settings) -> str | None:
    """Find and remember the key of the settings' SQLite file if it is
    encrypted; the one line to exit 1 with when it can't be had."""
    from tui1on1.storage.unlocking import unlock_file

    path = sqlite_file(settings.database_url)
    if path is None:
        return None
    try:
        unlock_file(path, ask_passphrase if can_ask() else None)
    except (KeyProblem, StoreError) as exc:
        return str(exc)
    return None


def can_ask() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask_passphrase(prompt: str) -> str:
    """The passphrase typed in the terminal, not echoed; KeyProblem when
    nothing was typed."""
    import getpass

    try:
        typed = getpass.getpass(prompt)
    except EOFError:
        typed = ""
    if not typed:
        raise KeyProblem("no passphrase was typed; nothing was changed")
    return typed
