"""Running the TUI: the default command and `tui1on1 meet NAME [--new]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui1on1.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from tui1on1.settings import Settings


def run_app(settings: Settings, args: argparse.Namespace) -> int:
    theme = getattr(args, "theme", None)
    if theme is not None:
        from tui1on1.cli.themes_command import unknown_theme_problem

        problem = unknown_theme_problem(settings, theme)
        if problem:
            print(f"tui1on1: {problem}", file=sys.stderr)
            return EXIT_USAGE
    problem = _database_file_problem(settings)
    if problem:
        print(f"tui1on1: {problem}", file=sys.stderr)
        return EXIT_FAILURE
    request = None
    if args.command == "meet":
        from tui1on1.domain.people import clean_name

        try:
            name = clean_name(args.name)
        except ValueError as exc:
            print(f"tui1on1: {exc}", file=sys.stderr)
            return EXIT_USAGE
        problem = _check_playbook(settings, args.playbook)
        if problem:
            print(f"tui1on1: {problem}", file=sys.stderr)
            return EXIT_USAGE
        problem = _check_name(settings, name, new=args.new)
        if problem:
            print(f"tui1on1: {problem}", file=sys.stderr)
            return EXIT_USAGE
        from tui1on1.ui.screens.base import MeetRequest

        # Who NAME is is decided again when the meeting loads, with the Store:
        # by the one name rule, or by adding NAME with --new. Where the quick
        # check above can't read the database (PostgreSQL, say), a name that
        # finds no one, or several people, gets a calm screen in the app;
        # leaving it exits 2 with the same line.
        request = MeetRequest(name=name, minutes=args.minutes, playbook=args.playbook, new=args.new)
    problem = terminal_problem()  # after the arguments: their mistakes are said first
    if problem:
        print(f"tui1on1: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from tui1on1.ui.app import OneOnOneApp

    app = OneOnOneApp(settings, meet=request, theme=theme, locked=_encrypted_file(settings))
    code = app.run()
    if app.crash is not None:  # saved and logged; the error itself is not shown
        from tui1on1.ui.crash import crash_line

        print(crash_line(app.crash), file=sys.stderr)
        return EXIT_FAILURE
    if app.open_error:
        print(f"tui1on1: {app.open_error}", file=sys.stderr)
    if app.return_code:  # Textual failed (and printed why)
        return app.return_code
    return code if isinstance(code, int) else EXIT_OK


def terminal_problem() -> str | None:
    """The line to refuse the app with when stdin or stdout isn't a terminal.

    Textual would draw into a file or a pipe, or wait on keys that never come
    (``tui1on1 meet Ada < /dev/null`` ignores every key, ctrl+q included).
    """
    for name, stream in (("stdin", sys.stdin), ("stdout", sys.stdout)):
        if stream is None or not stream.isatty():
            return (
                f"the app needs a terminal, and {name} isn't one; run it in a terminal, "
                "or use a command that prints (see `tui1on1 --help`)"
            )
    return None


def _database_file_problem(settings: Settings) -> str | None:
    """Why the SQLite file can't be opened at all (a pipe, a device, another
    program's database), said before the app starts: the name check below
    would wait forever on a pipe, and the app would only say it later."""
    from tui1on1.storage.opening import OpenFailed, refuse_foreign
    from tui1on1.storage.quick_read import sqlite_file

    path = sqlite_file(settings.database_url)
    if path is None:
        return None
    try:
        refuse_foreign(path)
    except OpenFailed as exc:
        return str(exc)
    return None


def _encrypted_file(settings: Settings) -> Path | None:
    """The SQLite file, when it is encrypted (16 bytes read): the app shows
    its passphrase field from the first frame, in case it is needed."""
    import os

    from tui1on1.keys import PASSPHRASE_FILE_ENV
    from tui1on1.storage import cipher
    from tui1on1.storage.quick_read import sqlite_file

    if os.environ.get(PASSPHRASE_FILE_ENV):
        return None  # a script's passphrase file: nothing will be asked
    path = sqlite_file(settings.database_url)
    return path if path is not None and cipher.looks_encrypted(path) else None


def _check_name(settings: Settings, name: str, *, new: bool) -> str | None:
    """For a SQLite database: the one line to exit 2 with when NAME finds no
    one or several people (or, with --new, is already on file), before any
    screen is drawn. None when it names one person, or when only the app can
    tell."""
    from tui1on1.domain.people import match_name, meet_problem
    from tui1on1.storage.quick_read import people_on_file

    people = people_on_file(settings.database_url)
    if people is None:
        return None
    return meet_problem(match_name(people, name), new=new)


def _check_playbook(settings: Settings, slug: str | None) -> str | None:
    if slug is None:
        return None
    from tui1on1.cli.questions_command import playbook_problem

    return playbook_problem(settings, slug)
