"""The ``tui1on1`` command: argument parsing and dispatch.

Nothing heavy is imported here: SQLAlchemy and Textual are imported by the
subcommand that needs them, so ``--help`` is instant and the TUI can paint its
first frame before the database is opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn, TypeAlias

from tui1on1 import __version__
from tui1on1.cli.growth_parsers import add_growth_parsers
from tui1on1.privacy import restrict_umask

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
ALL_NOTES_HELP = "include the private notes, marked (private): for your own file, not to send"


class UsageError(Exception):
    """Bad arguments: printed as one line, exit 2."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line and exits 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


# What add_subparsers gives (typeshed's name for it; argparse has no public one).
Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"


def build_parser() -> Parser:
    parser = Parser(
        prog="tui1on1",
        description=(
            "A terminal companion for a live one-on-one: a pacing clock, the next "
            "question to ask, a pause cue, and notes that are on disk when you press Enter. "
            "With no command it opens the app."
        ),
        epilog="Data stays on this machine unless you give a PostgreSQL URL.",
    )
    parser.add_argument("--version", action="version", version=f"tui1on1 {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: TUI1ON1_DATABASE_URL, the config file, "
        "or a SQLite file in the data dir)",
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="colour theme for the app (default: the config file's, or tui1on1-dark; "
        "see `tui1on1 themes`)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    meet = sub.add_parser("meet", help="start or resume a live 1:1 with NAME")
    meet.add_argument(
        "name",
        metavar="NAME",
        help="who the 1:1 is with: their name, or a unique start of it or of any word in it",
    )
    meet.add_argument(
        "--new", action="store_true", help="add NAME as a new person and start their first 1:1"
    )
    meet.add_argument("--minutes", type=_minutes, default=None, help="planned length (default 30)")
    meet.add_argument("--playbook", metavar="SLUG", help="agenda to follow")

    people = sub.add_parser("people", help="list people, or add one")
    people_sub = people.add_subparsers(dest="people_command", metavar="ACTION", parser_class=Parser)
    add = people_sub.add_parser("add", help="add a person")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", default="", help="their role, e.g. 'Backend engineer'")
    add.add_argument(
        "--relationship",
        default="report",
        choices=["report", "manager", "skip-level", "peer", "skip-report"],
        help="how they relate to you (default: report)",
    )
    add.add_argument("--cadence", help="how often you meet: weekly, biweekly, monthly or an RRULE")
    add.add_argument(
        "--playbook",
        metavar="SLUG",
        help="the agenda their 1:1s follow by default (see `tui1on1 questions playbooks`)",
    )
    people.add_argument("--all", action="store_true", help="include archived people")

    export = sub.add_parser(
        "export", help="a meeting's notes, questions and actions as Markdown or JSON"
    )
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--person", metavar="NAME", help="their latest meeting")
    which.add_argument("--meeting", metavar="ID", type=int, help="the meeting with this id")
    which.add_argument("--all", action="store_true", help="the whole database (JSON)")
    export.add_argument("--format", choices=["md", "json"], default=None, help="default: md")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (0600), not stdout")
    export.add_argument("--all-notes", action="store_true", help=ALL_NOTES_HELP)

    imp = sub.add_parser("import", help="merge a whole-database JSON export into this database")
    imp.add_argument("file", metavar="FILE", help="a file written by `export --all`")

    search = sub.add_parser(
        "search",
        help="search every note, quote and action; filters alone list what they let through",
    )
    search.add_argument(
        "query",
        metavar="QUERY",
        nargs="?",
        default="",
        help="words to find (prefixes match); leave it out to list every note the filters pass",
    )
    search.add_argument("--person", metavar="NAME", help="only notes with this person")
    search.add_argument("--kind", metavar="KIND", help="only this kind (action, quote, ...)")
    search.add_argument("--tag", metavar="TAG", help="only notes with this #tag")
    search.add_argument("--since", metavar="DATE", help="only notes on or after DATE (YYYY-MM-DD)")
    search.add_argument("--until", metavar="DATE", help="only notes on or before DATE (YYYY-MM-DD)")
    search.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    search.add_argument("--json", action="store_true", help="print JSON")

    _add_actions_parser(sub)

    recap = sub.add_parser("recap", help="a Markdown recap of the latest 1:1 with NAME")
    recap.add_argument("name", metavar="NAME")
    recap.add_argument(
        "--copy", action="store_true", help="put it on the clipboard through the terminal (OSC 52)"
    )
    recap.add_argument("--all-notes", action="store_true", help=ALL_NOTES_HELP)

    career = sub.add_parser(
        "career",
        help="NAME's career thread: each element's current value and how it changed",
        description=(
            "The career thread of NAME: for each element (aspiration, why, moonshot, "
            "strengths used, unused or draining, plan step) its current value with its date, "
            "and every earlier entry, newest first, with the question it answered and what "
            "it replaced."
        ),
        epilog="examples: `tui1on1 career ada`, `tui1on1 career ada --json > ada.json`",
    )
    career.add_argument(
        "name",
        metavar="NAME",
        help="whose thread: their name, or a unique start of it or of any word in it",
    )
    career.add_argument("--json", action="store_true", help="print JSON (see the README)")

    topic = sub.add_parser(
        "topic",
        help="keep a talking point for the next 1:1 with NAME, or list what waits for it",
        description=(
            "With TEXT: keep a talking point for the next 1:1 with NAME (theirs unless "
            "--mine); it waits at the top of that meeting's notes. Without TEXT: list what "
            "waits (their topics, mine, parked topics and open questions)."
        ),
        epilog='examples: `tui1on1 topic priya "they want to talk about on-call"`, '
        '`tui1on1 topic priya "ask about the conference" --mine`, `tui1on1 topic priya`',
    )
    topic.add_argument(
        "name",
        metavar="NAME",
        help="whose 1:1: their name, or a unique start of it or of any word in it",
    )
    topic.add_argument("text", metavar="TEXT", nargs="?", help="the talking point")
    topic.add_argument("--mine", action="store_true", help="a point you raise (default: theirs)")
    topic.add_argument("--json", action="store_true", help="print JSON (see the README)")

    add_growth_parsers(sub)

    sub.add_parser("demo", help="open the app on a generated demo database (your data untouched)")

    _add_questions_parser(sub)
    _add_themes_parser(sub)

    sub.add_parser("locate", help="show where the config, data and database are")

    db = sub.add_parser(
        "db", help="database upkeep: upgrade, check, backup, restore, encrypt, decrypt, rekey"
    )
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=Parser)
    db_sub.required = True
    db_sub.add_parser("upgrade", help="apply schema migrations")
    db_sub.add_parser("check", help="check the database's integrity")
    backup = db_sub.add_parser("backup", help="write a consistent backup")
    backup.add_argument("path", nargs="?", metavar="PATH", help="file to write (default: data dir)")
    restore = db_sub.add_parser(
        "restore", help="put a backup back (the current file is moved aside, not deleted)"
    )
    restore.add_argument("backup", metavar="BACKUP", help="a file written by `db backup`")
    db_sub.add_parser(
        "backups", help="list the backups in the data dir, newest first (made daily after a 1:1)"
    )
    _add_encryption_parsers(db_sub)
    return parser


def _add_encryption_parsers(db_sub: Subcommands) -> None:
    encrypt = db_sub.add_parser(
        "encrypt",
        help="encrypt the SQLite file and its backups with a passphrase (SQLCipher)",
    )
    encrypt.add_argument(
        "--no-key-store",
        action="store_true",
        help="don't keep the key in the OS key store: the passphrase is asked at every start",
    )
    decrypt = db_sub.add_parser("decrypt", help="turn encryption off: the file in plain text again")
    decrypt.add_argument("--yes", action="store_true", help="don't ask to confirm")
    for command in (encrypt, decrypt):
        command.add_argument(
            "--remove-backups",
            action="store_true",
            help="remove the backups and the copies kept aside instead of converting them",
        )
    db_sub.add_parser("rekey", help="change the passphrase of the encrypted SQLite file")


def _add_actions_parser(sub: Subcommands) -> None:
    actions = sub.add_parser(
        "actions",
        help="action items: list them with their ids, change one, or see how you keep your word",
        usage="%(prog)s [NAME] [--person NAME] [--open] [--mine | --theirs] [--json]\n"
        "       %(prog)s --summary [NAME] [--json]\n"
        "       %(prog)s show | done | reopen ID\n"
        "       %(prog)s drop ID [--reason TEXT]\n"
        "       %(prog)s due ID WHEN\n"
        "       %(prog)s owner ID me|them\n"
        "       %(prog)s edit ID TEXT",
        description=(
            "With no change word: every action item, mine then theirs, overdue first, each "
            "with its id. With one (show, done, drop, reopen, due, owner, edit) and an id: "
            "show or change that action; each change is kept in its history. WHEN is a due "
            "date as typed in the notes, with or without @ (fri, +2w, dec-24, 2026-12-24), "
            "or none. A person whose name is one of those words: --person NAME."
        ),
        epilog="examples: `tui1on1 actions ada`, `tui1on1 actions due 12 fri`, "
        '`tui1on1 actions drop 12 --reason "no longer needed"`, `tui1on1 actions --summary`',
    )
    actions.add_argument(
        "words",
        metavar="NAME | CHANGE ID ...",
        nargs="*",
        help="a person to list (as --person), or a change word, an action id and its value",
    )
    actions.add_argument("--open", action="store_true", help="only open ones")
    actions.add_argument("--person", metavar="NAME", help="only with this person")
    owner = actions.add_mutually_exclusive_group()
    owner.add_argument("--mine", action="store_true", help="only my promises")
    owner.add_argument("--theirs", action="store_true", help="only theirs")
    actions.add_argument(
        "--summary",
        action="store_true",
        help="how you keep your word: your actions done by their due date over 90 days",
    )
    actions.add_argument("--reason", metavar="TEXT", help="with drop: why it was dropped")
    actions.add_argument("--json", action="store_true", help="print JSON")


def _add_questions_parser(sub: Subcommands) -> None:
    from tui1on1.questions.bank import CATEGORIES, RELATIONSHIPS  # the standard library only

    questions = sub.add_parser(
        "questions",
        help="the question bank and playbooks; check your own question or playbook file",
    )
    questions_sub = questions.add_subparsers(
        dest="questions_command", metavar="ACTION", parser_class=Parser
    )
    questions_sub.required = True
    listing = questions_sub.add_parser(
        "list", help="every question by category, yours (questions.toml) included"
    )
    listing.add_argument(
        "--category",
        choices=CATEGORIES,
        metavar="CATEGORY",
        help=f"one of: {', '.join(CATEGORIES)}",
    )
    listing.add_argument(
        "--relationship",
        choices=RELATIONSHIPS,
        help="only questions meant for someone with this relationship to you",
    )
    check = questions_sub.add_parser("check", help="validate a question file or a playbook file")
    check.add_argument(
        "file", metavar="FILE", help="a TOML file of [[question]] or of [[playbook]] entries"
    )
    questions_sub.add_parser(
        "playbooks", help="list the playbooks and their segments, yours (playbooks.toml) included"
    )


def _add_themes_parser(sub: Subcommands) -> None:
    themes = sub.add_parser(
        "themes", help="list the colour themes (shipped, built-in, yours); check a theme file"
    )
    themes_sub = themes.add_subparsers(dest="themes_command", metavar="ACTION", parser_class=Parser)
    themes_sub.add_parser("list", help="every theme you can choose (the default action)")
    check = themes_sub.add_parser("check", help="validate a theme file")
    check.add_argument("file", metavar="FILE", help="a TOML theme file")


def _minutes(value: str) -> int:
    try:
        minutes = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' isn't a whole number of minutes") from None
    if not 1 <= minutes <= 240:
        raise argparse.ArgumentTypeError("a meeting can be 1 to 240 minutes long")
    return minutes


def undecodable_argument(argv: Sequence[str]) -> str | None:
    """The line to refuse the command line with when an argument isn't UTF-8.

    Python hands over bytes that aren't UTF-8 as lone surrogates (``\\udceb``
    for the byte 0xeb); stored, printed or sent to SQLite they fail deep
    inside. Checked here, once, for every command and option: the bytes are
    shown as ``\\xeb`` escapes.
    """
    for value in argv:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            from tui1on1.domain.text import safe_terminal_text

            raw = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            return (
                f"'{safe_terminal_text(raw)}' isn't UTF-8 text; tui1on1 reads names, "
                "notes and paths as UTF-8 (check the terminal's or the locale's encoding)"
            )
    return None


def _flags_last(argv: list[str]) -> list[str]:
    """`topic NAME --mine TEXT` as `topic NAME TEXT --mine`: with TEXT optional,
    argparse would take NAME alone and refuse TEXT after the flag. Its flags
    take no value, so moving them to the end changes nothing else."""
    at = 0
    while at < len(argv) and argv[at].startswith("-"):  # the global options: --db URL
        at += 2 if argv[at] == "--db" else 1
    if at >= len(argv) or argv[at] != "topic" or "--" in argv:
        return argv
    at += 1
    tail = argv[at:]
    flags = [a for a in tail if a.startswith("--")]
    return argv[:at] + [a for a in tail if not a.startswith("--")] + flags


def main(argv: Sequence[str] | None = None) -> int:
    restrict_umask()
    problem = undecodable_argument(sys.argv[1:] if argv is None else argv)
    if problem:
        print(f"tui1on1: {problem}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    try:
        args = parser.parse_args(_flags_last(list(sys.argv[1:] if argv is None else argv)))
    except UsageError as exc:
        print(f"tui1on1: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from tui1on1.cli import run

    try:
        return run.dispatch(args)
    except UsageError as exc:
        print(f"tui1on1: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `tui1on1 people | head`: the reader left. Say nothing more, and keep
        # Python from complaining when it flushes stdout on exit.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
