"""What `tui1on1 meet NAME` and `tui1on1` import before their first frame.

The first frame must not wait for SQLAlchemy, Alembic, a database driver or
tomlkit: the database opens in a worker after the screen is drawn. The probe
runs the real CLI entry point headless in a fresh interpreter and records
``sys.modules`` when Textual says the app is ready (its first screen has been
drawn), then leaves.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_run import run

pytestmark = pytest.mark.slow

PROBE = """
import json, sys
from textual.app import App
from tui1on1.ui.app import OneOnOneApp

seen = {}
_run = App.run

def run_headless(self, *args, **kwargs):
    kwargs["headless"] = True
    return _run(self, *args, **kwargs)

def on_ready(self):
    seen["modules"] = sorted(sys.modules)
    seen["screen"] = type(self.screen).__name__
    self.exit()

OneOnOneApp.run = run_headless
OneOnOneApp.on_ready = on_ready
import tui1on1.cli.app_command as app_command
app_command.terminal_problem = lambda: None  # headless: no terminal needed
from tui1on1.cli import main
main(sys.argv[1:])
print(json.dumps(seen))
"""

NEVER_BEFORE_FIRST_FRAME = ("sqlalchemy", "alembic", "psycopg", "tomlkit")
# The UI may reach these storage modules early: errors are plain exceptions,
# quick_read is the stdlib-sqlite3 name check `meet` does before drawing,
# opening's refuse_foreign (stdlib too) checks the SQLite file is one to open,
# and journal_entries builds the meeting's journal entries (plain dicts).
EARLY_STORAGE = {
    "tui1on1.storage",
    "tui1on1.storage.errors",
    "tui1on1.storage.quick_read",
    "tui1on1.storage.cipher",  # 16 bytes read: is the file encrypted (stdlib only)
    "tui1on1.storage.journal_entries",
    "tui1on1.storage.opening",
    # Home's rows read ahead of the Store, in a thread from its mount (stdlib
    # sqlite3 only; the parity test holds them to the Store's).
    "tui1on1.storage.quick_overview",
    "tui1on1.storage.revision",
}


def first_frame_modules(*argv: str) -> tuple[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    return seen["screen"], seen["modules"]


def assert_lean(modules: list[str]) -> None:
    early = [m for m in modules if m.split(".")[0] in {"sqlalchemy", "alembic", "psycopg"}]
    assert early == []
    for name in NEVER_BEFORE_FIRST_FRAME:
        assert name not in modules, name
    storage = {m for m in modules if m.startswith("tui1on1.storage")}
    assert storage <= EARLY_STORAGE, sorted(storage - EARLY_STORAGE)
    assert not [m for m in modules if m.startswith(("tui1on1.demo", "tui1on1.storage.transfer"))]


def test_meet_draws_the_meeting_before_any_database_library(capsys, isolated_dirs: Path):
    assert run(capsys, "people", "add", "Ada Lovelace")[0] == 0
    screen, modules = first_frame_modules("meet", "ada")
    assert screen == "MeetingScreen"
    assert_lean(modules)
    # Only the meeting's own screen is loaded for its first frame.
    for other in ("home", "person", "history", "search"):
        assert f"tui1on1.ui.screens.{other}" not in modules


def test_home_draws_before_any_database_library(capsys, isolated_dirs: Path):
    assert run(capsys, "people", "add", "Ada Lovelace")[0] == 0
    screen, modules = first_frame_modules()
    assert screen == "HomeScreen"
    assert_lean(modules)
