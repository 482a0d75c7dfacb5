"""Running a parsed command line."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui1on1.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError
from tui1on1.settings import Settings, load_settings

if TYPE_CHECKING:  # a command imports SQLAlchemy only when it opens the database
    from tui1on1.domain.records import Person
    from tui1on1.storage.store import Store

# What every command's function is: settings and the parsed line in, exit code out.
Handler = Callable[[Settings, argparse.Namespace], int]

# command → (module in tui1on1.cli, function): only that module is imported.
HANDLERS = {
    "people": ("data_commands", "people"),
    "db": ("data_commands", "db"),
    "export": ("export_command", "export"),
    "import": ("transfer_command", "import_file"),
    "search": ("search_command", "search"),
    "actions": ("actions_command", "actions"),
    "recap": ("recap_command", "recap"),
    "career": ("career_command", "career"),
    "topic": ("topic_command", "topic"),
    "exposure": ("exposure_command", "exposure"),
    "plan": ("plan_command", "plan"),
    "team": ("team_command", "team"),
    "bench": ("bench_command", "bench"),
    "mirror": ("mirror_command", "mirror"),
    "demo": ("demo_command", "demo"),
}


def fail(message: str) -> int:
    print(f"tui1on1: {message}", file=sys.stderr)
    return EXIT_FAILURE


def dispatch(args: argparse.Namespace) -> int:
    settings = load_settings(db_arg=args.db)
    for problem in settings.config_problems:
        print(f"tui1on1: {problem}", file=sys.stderr)
    command = args.command
    if _needs_key(args):
        from tui1on1.cli.unlock import unlock

        locked = unlock(settings)
        if locked:
            return fail(locked)
    if command is None or command == "meet":
        from tui1on1.cli import app_command

        return app_command.run_app(settings, args)
    if command == "locate":
        return locate(settings)
    if command == "questions":  # needs no database: keep SQLAlchemy out
        from tui1on1.cli import questions_command

        return questions_command.questions(settings, args)
    if command == "themes":  # no database either
        from tui1on1.cli import themes_command

        return themes_command.themes(settings, args)
    module_name, function = HANDLERS[command]
    module = importlib.import_module(f"tui1on1.cli.{module_name}")
    handler: Handler = getattr(module, function)
    return handler(settings, args)


def _needs_key(args: argparse.Namespace) -> bool:
    """Whether the command reads the database (an encrypted one needs its key
    first); `db encrypt`, `decrypt` and `rekey` find it themselves."""
    if args.command in (None, "meet", "locate", "questions", "themes", "demo"):
        return False  # the app finds it after its first frame (storage.opening)
    own = ("encrypt", "decrypt", "rekey", "backups")  # backups: lists files, opens none
    return not (args.command == "db" and args.db_command in own)


def open_or_say(settings: Settings, *, upgrade: bool = True) -> tuple[Store | None, int]:
    """Open the Store for a command, or print one calm line and give the exit
    code: 2 when the database URL itself is wrong, 1 when it can't be used."""
    from tui1on1.storage.opening import OpenFailed, open_store

    try:
        store = open_store(settings, upgrade=upgrade)
    except OpenFailed as exc:
        print(f"tui1on1: {exc}", file=sys.stderr)
        return None, (EXIT_USAGE if exc.usage else EXIT_FAILURE)
    notices = list(store.notices)  # a damaged write-ahead log kept aside, say
    if upgrade:  # not for `db check` and the like, which change nothing
        from tui1on1.storage.recovery import journal_for, replay_left_behind

        journal = journal_for(store, settings.data_dir, settings.database_url)
        notices += replay_left_behind(store, journal)
    for notice in notices:
        print(f"tui1on1: {notice}", file=sys.stderr)
    return store, EXIT_OK


def find_person(store: Store, name: str) -> Person:
    """The person NAME names, by the one matching rule every command shares
    (``tui1on1.domain.people.match_name``: the exact name, else a unique start
    of the name or of a word in it, ignoring case and accents).

    A name that finds no one, or several people, raises UsageError: main()
    prints its one calm line (the candidates, or "there is no one called …")
    and exits 2.
    """
    from tui1on1.domain.people import unresolved_message

    match = store.match_person(name)
    if match.person is None:
        raise UsageError(unresolved_message(match))
    return match.person


def locate(settings: Settings) -> int:
    from tui1on1.storage.engine import safe_url

    print(f"config file: {settings.config_file}")
    print(f"data dir:    {settings.data_dir}")
    print(f"database:    {safe_url(settings.database_url)}  (from {settings.database_source})")
    print(f"encryption:  {_encryption(settings)}")
    return EXIT_OK


def _encryption(settings: Settings) -> str:
    """Whether the database is encrypted, read from the file (no key needed)."""
    from tui1on1.storage import cipher
    from tui1on1.storage.quick_read import sqlite_file

    path = sqlite_file(settings.database_url)
    if path is None:
        if settings.database_url.startswith("postgresql"):
            return "the server's own (see docs/privacy.md)"
        return "off"
    if not path.exists():
        return "no database yet" + (
            ": the app asks on its first start" if settings.is_default_sqlite else ""
        )
    if cipher.looks_encrypted(path):
        return "on (SQLCipher): the database, its backups and its journal"
    return "off (`tui1on1 db encrypt` turns it on)"
