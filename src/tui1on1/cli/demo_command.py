"""`tui1on1 demo`: the app on a generated year of 1:1s, in a throwaway database.

The history (see :mod:`tui1on1.demo`) goes into a fresh SQLite database in a
private temporary folder (``0700``), and the app runs on that database with a
copy of the user's settings whose database and data dir point there, so the
user's own database, data dir and recovery journal are never opened. The
folder is deleted when the app exits, whatever way it exits (short of
``kill -9``, after which it is left in the system's temp dir).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from tui1on1.cli import EXIT_USAGE
from tui1on1.cli.run import fail
from tui1on1.settings import DB_FILENAME, Settings, sqlite_url

DEMO_SOURCE = "demo"


def demo(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.cli import app_command

    problem = app_command.terminal_problem()  # before a year of 1:1s is generated
    if problem:
        print(f"tui1on1: {problem}", file=sys.stderr)
        return EXIT_USAGE
    folder = Path(tempfile.mkdtemp(prefix="tui1on1-demo-"))  # mode 0700
    try:
        try:
            demo_settings = prepare_demo(settings, folder, now=datetime.now(UTC))
        except _DemoFailed as exc:
            return fail(str(exc))
        print(f"Demo database in {folder}: your own data is untouched", file=sys.stderr)
        return app_command.run_app(demo_settings, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class _DemoFailed(Exception):
    """The demo database couldn't be made; ``str()`` is the line to show."""


def prepare_demo(settings: Settings, folder: Path, *, now: datetime) -> Settings:
    """Write a generated history into a new database in ``folder``.

    Returns a copy of ``settings`` that uses that database and ``folder`` as
    its data dir (the config dir, keys and pause length stay the user's).
    """
    from tui1on1.demo import generate
    from tui1on1.privacy import ensure_private_file
    from tui1on1.storage.errors import StoreError
    from tui1on1.storage.store import Store
    from tui1on1.storage.transfer import import_data

    path = folder / DB_FILENAME
    url = sqlite_url(path)
    document = generate(now=now)
    try:
        ensure_private_file(path)
        store = Store.open(url)
    except (StoreError, OSError) as exc:
        raise _DemoFailed(f"can't create the demo database in {folder}: {exc}") from None
    try:
        import_data(store, document)
    except StoreError as exc:
        raise _DemoFailed(f"can't fill the demo database: {exc}") from None
    finally:
        store.close()
    return replace(settings, database_url=url, data_dir=folder, database_source=DEMO_SOURCE)
