"""Finding the key of an encrypted database before a command (or the app)
opens it: once per start, before anything is drawn.

First found first: ``TUI1ON1_PASSPHRASE_FILE``, the OS key store, then the
passphrase asked in the terminal (``getpass``: nothing is echoed, nothing is
kept in the shell's history). The key found is checked against the file and
remembered for the process (``storage.cipher``). A plain database costs one
16-byte read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui1on1 import keys
from tui1on1.keys import DatabaseKey, KeyProblem
from tui1on1.settings import Settings
from tui1on1.storage import cipher
from tui1on1.storage.errors import StoreError
from tui1on1.storage.quick_read import sqlite_file


def unlock(settings: Settings) -> str | None:
    """Find and remember the key of the settings' SQLite file if it is
    encrypted; the one line to exit 1 with when it can't be had."""
    path = sqlite_file(settings.database_url)
    if path is None or not cipher.looks_encrypted(path) or cipher.key_for(path) is not None:
        return None
    try:
        key = find_key(path)
    except (KeyProblem, StoreError) as exc:
        return str(exc)
    cipher.remember(path, key)
    return None


def find_key(path: Path, *, ask: bool = True) -> DatabaseKey:
    """The key that opens the encrypted file at ``path``; KeyProblem or
    WrongKey (one line, nothing changed) when there is none."""
    salt = cipher.salt_of(path)
    passphrase = keys.passphrase_from_file()
    if passphrase is not None:
        return _checked(path, keys.derive(passphrase, salt), keys.PASSPHRASE_FILE_ENV)
    stored = keys.stored_key(path)
    if stored is not None and stored.salt == salt:
        try:
            return _checked(path, stored, "the key store")
        except cipher.WrongKey:
            pass  # a key kept for an earlier file at this place: ask
    if not ask or not _can_ask():
        raise KeyProblem(
            f"{path} is encrypted and its passphrase isn't in a key store here; run "
            f"tui1on1 in a terminal to be asked for it, or set {keys.PASSPHRASE_FILE_ENV}"
        )
    return _checked(path, keys.derive(ask_passphrase(f"Passphrase for {path}: "), salt), "")


def _checked(path: Path, key: DatabaseKey, source: str) -> DatabaseKey:
    """``key`` if it opens ``path``; WrongKey (saying where it came from) if not."""
    try:
        connection = cipher.connect(path, key, read_only=True)
    except cipher.WrongKey:
        where = f" (from {source})" if source else ""
        raise cipher.WrongKey(
            f"the passphrase{where} doesn't open {path} (or the file is damaged); "
            "nothing was changed"
        ) from None
    except cipher.errors() as exc:
        raise KeyProblem(f"can't open {path} ({type(exc).__name__})") from None
    connection.close()
    return key


def _can_ask() -> bool:
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
