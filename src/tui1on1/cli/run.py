"""Running a parsed command line."""

from __future__ import annotations

import argparse
import sys

from tui1on1.cli import EXIT_FAILURE, EXIT_OK
from tui1on1.settings import Settings, load_settings


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
    from tui1on1.cli import data_commands, export_command

    handlers = {
        "people": data_commands.people,
        "db": data_commands.db,
        "export": export_command.export,
    }
    return handlers[command](settings, args)


def locate(settings: Settings) -> int:
    from tui1on1.storage.engine import safe_url

    print(f"config file: {settings.config_file}")
    print(f"data dir:    {settings.data_dir}")
    print(f"database:    {safe_url(settings.database_url)}  (from {settings.database_source})")
    return EXIT_OK
