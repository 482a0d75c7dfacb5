"""Non-interactive commands: people, db upkeep."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from tui1on1.cli.run import fail, open_or_say
from tui1on1.settings import Settings
from tui1on1.storage import cipher

if TYPE_CHECKING:
    from tui1on1.keys import DatabaseKey
    from tui1on1.storage.store import Store


def people(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain.cadence import describe_cadence
    from tui1on1.storage.errors import DuplicateName, InvalidInput, StoreError

    playbook = args.playbook if args.people_command == "add" else None
    if playbook is not None:  # checked before the database is opened (or created)
        from tui1on1.cli.questions_command import playbook_problem

        problem = playbook_problem(settings, playbook)
        if problem:
            print(f"tui1on1: {problem}", file=sys.stderr)
            return EXIT_USAGE
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        if args.people_command == "add":
            person = store.add_person(
                args.name,
                role=args.role,
                relationship=args.relationship,
                cadence=args.cadence,
                default_playbook=playbook,
            )
            print(f"added {person.name}")
            return EXIT_OK
        everyone = store.list_people(include_archived=args.all)
        if not everyone:
            print("no people yet: add one with `tui1on1 people add NAME`")
            return EXIT_OK
        rows = [
            (
                p.name + (" (archived)" if p.archived else ""),
                p.role,
                p.relationship.value,
                describe_cadence(p.cadence),
            )
            for p in everyone
        ]
        _print_table(("NAME", "ROLE", "RELATIONSHIP", "CADENCE"), rows)
        return EXIT_OK
    except (DuplicateName, InvalidInput) as exc:  # what was typed: a usage problem
        print(f"tui1on1: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()


def _print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    from tui1on1.domain.text import safe_terminal_text

    table = [header, *[tuple(safe_terminal_text(cell) for cell in row) for row in rows]]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def db(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.storage.errors import StoreError

    action = args.db_command
    if action in ("encrypt", "decrypt", "rekey"):
        from tui1on1.cli.encryption_command import encryption

        return encryption(settings, args)
    if action == "restore":
        return _restore(settings, Path(args.backup))
    if action == "backups":
        return _list_backups(settings)
    missing = _missing_sqlite_file(settings)
    if missing and action != "upgrade":
        return fail(f"there is no database at {missing} yet; it is made when tui1on1 first runs")
    if action == "check":
        damaged = _check_sqlite_file(settings)
        if damaged is not None:
            return damaged
    store, code = open_or_say(settings, upgrade=action == "upgrade")
    if store is None:
        return code
    try:
        if action == "upgrade":
            problems = store.check()
            print("the schema is up to date" if not problems else "\n".join(problems))
            return EXIT_OK if not problems else EXIT_FAILURE
        if action == "check":
            problems = store.check()
            if problems:
                for problem in problems:
                    print(f"problem: {problem}")
                return EXIT_FAILURE
            print("ok: the database is sound")
            return EXIT_OK
        return _backup(settings, store, args.path)
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()


def _backup(settings: Settings, store: Store, path: str | None) -> int:
    from tui1on1.privacy import ensure_private_dir
    from tui1on1.storage.maintenance import default_backup_name

    suffix = ".db" if store.dialect == "sqlite" else ".pgdump"
    destination = (
        Path(path) if path else settings.data_dir / "backups" / f"{default_backup_name()}{suffix}"
    )
    try:
        if not path:
            ensure_private_dir(destination.parent)
        written = store.backup(destination)
    except OSError as exc:  # the folder isn't writable, a name is in the way...
        return fail(f"can't write the backup to {destination}: {exc.strerror or exc}")
    print(f"backup written to {written}")
    return EXIT_OK


def _missing_sqlite_file(settings: Settings) -> Path | None:
    """The SQLite file the settings name, if it doesn't exist (so as not to create it)."""
    from tui1on1.storage.engine import BadDatabaseURL, parse_url, sqlite_path

    try:
        path = sqlite_path(parse_url(settings.database_url))
    except BadDatabaseURL:
        return None
    try:
        return path if path is not None and not path.exists() else None
    except OSError:  # a folder on the way that can't be read: opening says so
        return None


def _restore(settings: Settings, backup: Path) -> int:
    from tui1on1.keys import KeyProblem
    from tui1on1.storage.engine import BadDatabaseURL, parse_url, sqlite_path
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.restore import RestoreError, restore

    try:
        database = sqlite_path(parse_url(settings.database_url))
    except BadDatabaseURL as exc:
        print(f"tui1on1: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if database is None:
        return fail("db restore works on a SQLite file; for PostgreSQL use pg_restore")
    notices: list[str] = []
    try:
        key = _backup_key(backup, database)
        moved = restore(backup, database, notices=notices, key=key)
    except (RestoreError, OSError) as exc:
        return fail(str(exc) if isinstance(exc, RestoreError) else f"restore failed: {exc}")
    except (KeyProblem, StoreError) as exc:  # the backup's key
        said = str(exc)
        return fail(said if "nothing was changed" in said else f"{said}; nothing was changed")
    finally:
        for notice in notices:  # a damaged write-ahead log copied aside first
            print(f"tui1on1: {notice}", file=sys.stderr)
    print(f"restored {backup} to {database}")
    if cipher.key_for(database) is not None:
        print("the database is still encrypted with its own passphrase")
    elif cipher.looks_encrypted(database):
        print("the database is encrypted now, as the backup was: its passphrase is the backup's")
    if moved is not None:
        print(f"the previous database was kept as {moved}")
    return EXIT_OK


def _backup_key(backup: Path, database: Path) -> DatabaseKey | None:
    """The key an encrypted backup opens with (asked in a terminal when it
    isn't the database's: a backup from before a rekey); None when plain."""
    from tui1on1.cli.unlock import ask_passphrase, can_ask
    from tui1on1.storage.unlocking import key_for_copy

    if not backup.is_file() or not cipher.looks_encrypted(backup):
        return None
    return key_for_copy(backup, cipher.key_for(database), ask_passphrase if can_ask() else None)


def _check_sqlite_file(settings: Settings) -> int | None:
    """`db check` on a SQLite file: its write-ahead log, then a full
    integrity_check, read-only, first.

    A damaged file is reported here and never opened for writing; a damaged
    log is copied aside first (``keep_damaged_wal``) and reported, and the
    database is not opened, so the log stays as it was. None means it is
    sound enough for the rest of the checks.
    """
    from tui1on1.storage.damaged_wal import keep_damaged_wal
    from tui1on1.storage.engine import BadDatabaseURL, parse_url, sqlite_path
    from tui1on1.storage.maintenance import file_problems

    try:
        path = sqlite_path(parse_url(settings.database_url))
    except BadDatabaseURL:
        return None  # open_store reports it
    if path is None:
        return None
    wal_problem = keep_damaged_wal(path)
    if wal_problem is not None:
        print(f"problem: {wal_problem}")
        return EXIT_FAILURE
    try:
        problems = file_problems(path, full=True)
    except OSError as exc:
        return fail(f"can't read the database file {path}: {exc.strerror or exc}")
    if not problems:
        return None
    print(f"problem: the database file {path} is damaged")
    for problem in problems:
        print(f"problem: {problem}")
    print(
        "nothing was changed; restore a backup with `tui1on1 db restore BACKUP` "
        "(`tui1on1 db backups` lists them)"
    )
    return EXIT_FAILURE


def _encrypted(path: Path) -> str:
    if path.suffix != ".db":
        return "—"  # a pg_dump file: as the server keeps it
    return "yes" if cipher.looks_encrypted(path) else "no"


def _list_backups(settings: Settings) -> int:
    from tui1on1.storage.backups import backups_dir, describe_size, list_backups

    found = list_backups(settings.data_dir)
    if not found:
        print(
            f"no backups yet in {backups_dir(settings.data_dir)}: one is made after a 1:1 "
            "ends (once a day), or run `tui1on1 db backup`"
        )
        return EXIT_OK
    rows = [
        (str(b.path), describe_size(b.size), f"{b.made:%Y-%m-%d %H:%M}", _encrypted(b.path))
        for b in found
    ]
    _print_table(("FILE", "SIZE", "DATE", "ENCRYPTED"), rows)
    return EXIT_OK
