"""Running a parsed command line."""

from __future__ import annotations

import argparse
import importlib
import sys

from tui1on1.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from tui1on1.settings import Settings, load_settings

# command → (module in tui1on1.cli, function): only that module is imported.
HANDLERS = {
    "people": ("data_commands", "people"),
    "db": ("data_commands", "db"),
    "export": ("export_command", "export"),
    "import": ("transfer_command", "import_file"),
    "search": ("search_command", "search"),
    "actions": ("actions_command", "actions"),
    "recap": ("recap_command", "recap"),
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
    return getattr(module, function)(settings, args)


def open_or_say(settings: Settings, **kwargs):
    """Open the Store for a command, or print one calm line and give the exit
    code: 2 when the database URL itself is wrong, 1 when it can't be used."""
    from tui1on1.storage.opening import OpenFailed, open_store

    try:
        return open_store(settings, **kwargs), EXIT_OK
    except OpenFailed as exc:
        print(f"tui1on1: {exc}", file=sys.stderr)
        return None, (EXIT_USAGE if exc.usage else EXIT_FAILURE)


def find_person(store, name: str):
    """The person a read-only command names (a unique start of the name is
    enough), or None and the calm sentence to show."""
    from tui1on1.domain.text import safe_terminal_text

    person, candidates = store.match_person(name)
    if person is not None:
        return person, ""
    asked = safe_terminal_text(name)
    if candidates:
        names = ", ".join(safe_terminal_text(p.name) for p in candidates[:5])
        return None, f"'{asked}' could be several people ({names}); give more of the name"
    return None, f"there is no one called {asked}"


def locate(settings: Settings) -> int:
    from tui1on1.storage.engine import safe_url

    print(f"config file: {settings.config_file}")
    print(f"data dir:    {settings.data_dir}")
    print(f"database:    {safe_url(settings.database_url)}  (from {settings.database_source})")
    return EXIT_OK
