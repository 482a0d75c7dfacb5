"""`tui1on1 db encrypt | decrypt | rekey`: the SQLite file (and every copy
of it tui1on1 keeps) under a passphrase, back to plain text, or under a
new passphrase. Each checks everything before it changes anything, and
changes nothing when it can't finish."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui1on1 import keys
from tui1on1.cli import EXIT_OK, EXIT_USAGE
from tui1on1.cli.run import fail
from tui1on1.cli.unlock import ask_passphrase, can_ask
from tui1on1.keys import DatabaseKey, KeyProblem
from tui1on1.settings import Settings
from tui1on1.storage import cipher
from tui1on1.storage.encryption import Converted, convert
from tui1on1.storage.errors import StoreError
from tui1on1.storage.unlocking import find_key

LOST = "If the passphrase is lost, so are the notes: nobody can read them, and there is no reset."


def encryption(settings: Settings, args: argparse.Namespace) -> int:
    """`db encrypt`, `db decrypt` and `db rekey`."""
    database, code = _database(settings)
    if database is None:
        return code
    action = args.db_command
    try:
        cipher.driver()
        _not_in_use(database)  # before any question is asked
        if action == "encrypt":
            return _encrypt(settings, database, args)
        if action == "decrypt":
            return _decrypt(settings, database, args)
        return _rekey(settings, database)
    except (KeyProblem, StoreError) as exc:
        return fail(str(exc))


def _database(settings: Settings) -> tuple[Path | None, int]:
    """The SQLite file to work on, or the exit code after one line."""
    from tui1on1.storage.engine import BadDatabaseURL, parse_url, sqlite_path
    from tui1on1.storage.maintenance import waiting_journal

    try:
        path = sqlite_path(parse_url(settings.database_url))
    except BadDatabaseURL as exc:
        print(f"tui1on1: {exc}", file=sys.stderr)
        return None, EXIT_USAGE
    if path is None:
        return None, fail(
            "encryption here is for the SQLite file; a PostgreSQL server keeps its data "
            "safe with its own disk encryption and TLS (see docs/privacy.md)"
        )
    if not path.exists() or path.stat().st_size == 0:
        return None, fail(f"there is no database at {path} yet; it is made when tui1on1 first runs")
    journal = waiting_journal(path)
    if journal is not None:
        return None, fail(
            f"notes are waiting in the recovery journal {journal}; start tui1on1 once so "
            "they are saved into the database, then try again — nothing was changed"
        )
    return path, EXIT_OK


def _encrypt(settings: Settings, database: Path, args: argparse.Namespace) -> int:
    if cipher.looks_encrypted(database):
        return fail(f"{database} is encrypted already; `tui1on1 db rekey` changes its passphrase")
    print(LOST, file=sys.stderr)
    key = keys.derive(_new_passphrase(keys.PASSPHRASE_FILE_ENV), keys.new_salt())
    done = convert(database, settings.data_dir, None, key, remove_copies=args.remove_backups)
    print(f"encrypted {database} (every row copied and checked)")
    _say_copies(done, "encrypted")
    print(_keep_key(database, key, args.no_key_store))
    print("Exports (`tui1on1 export`) are still written in plain text, 0600: keep them safe.")
    return EXIT_OK


def _decrypt(settings: Settings, database: Path, args: argparse.Namespace) -> int:
    if not cipher.looks_encrypted(database):
        return fail(f"{database} isn't encrypted; nothing was changed")
    key = find_key(database, ask_passphrase if can_ask() else None)
    if not args.yes and not _confirmed(
        "This writes every note to disk in plain text. Type 'decrypt' to go on: ", "decrypt"
    ):
        return fail("not decrypted; nothing was changed")
    done = convert(database, settings.data_dir, key, None, remove_copies=args.remove_backups)
    keys.forget_key(database)
    cipher.remember(database, None)
    print(f"decrypted {database} (every row copied and checked); it is plain text now")
    _say_copies(done, "decrypted")
    return EXIT_OK


def _rekey(settings: Settings, database: Path) -> int:
    if not cipher.looks_encrypted(database):
        return fail(f"{database} isn't encrypted; `tui1on1 db encrypt` encrypts it")
    old = find_key(database, ask_passphrase if can_ask() else None)
    kept = keys.stored_key(database) is not None
    print(LOST, file=sys.stderr)
    new = keys.derive(_new_passphrase(keys.NEW_PASSPHRASE_FILE_ENV), keys.new_salt())
    done = convert(database, settings.data_dir, old, new)
    cipher.remember(database, new)
    print(f"the passphrase of {database} is changed (every row copied and checked)")
    _say_copies(done, "put under the new passphrase")
    print(
        "Backups kept outside the data dir stay under the old passphrase; "
        "`tui1on1 db restore` asks for it."
    )
    if kept:
        print(_keep_key(database, new, no_key_store=False))
    return EXIT_OK


def _not_in_use(database: Path) -> None:
    from tui1on1.storage import instance_lock
    from tui1on1.storage.encryption import ConvertError

    instance_lock.take_alone(database, ConvertError).close()


def _new_passphrase(variable: str) -> str:
    """A new passphrase: from the file ``variable`` names, else typed twice."""
    passphrase = keys.passphrase_from_file(variable=variable)
    if passphrase is None:
        if not can_ask():
            raise KeyProblem(
                f"a new passphrase is asked in a terminal (or read from the file {variable} "
                "names); nothing was changed"
            )
        passphrase = ask_passphrase("New passphrase: ")
        problem = keys.passphrase_problem(passphrase)
        if problem:
            raise KeyProblem(f"{problem}; nothing was changed")
        if ask_passphrase("The same again: ") != passphrase:
            raise KeyProblem("the two passphrases differ; nothing was changed")
    problem = keys.passphrase_problem(passphrase)
    if problem:
        raise KeyProblem(f"{problem}; nothing was changed")
    return passphrase


def _keep_key(database: Path, key: DatabaseKey, no_key_store: bool) -> str:
    """Put the key in the OS key store; the line saying where it is kept."""
    if no_key_store:
        keys.forget_key(database)
        return "The passphrase is asked each time tui1on1 starts (--no-key-store)."
    try:
        keys.store_key(database, key)
    except KeyProblem as exc:
        return f"The passphrase is asked each time tui1on1 starts: {exc}."
    return "The key is kept in your key store, so starting tui1on1 asks nothing on this account."


def _say_copies(done: Converted, verb: str) -> None:
    for copy in done.copies:
        print(f"  {verb} too: {copy}")
    for copy in done.removed:
        print(f"  removed: {copy}")
    for copy in done.left:
        print(
            f"tui1on1: {copy} is kept as it was: it is under another passphrase (it still "
            "restores with that one), or it isn't a whole database (a log kept aside); "
            "--remove-backups removes such copies",
            file=sys.stderr,
        )


def _confirmed(prompt: str, word: str) -> bool:
    if not can_ask():
        raise KeyProblem("confirm with --yes when not in a terminal; nothing was changed")
    try:
        return input(prompt).strip().lower() == word
    except EOFError:
        return False
