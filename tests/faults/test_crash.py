"""An unexpected error in the UI: the draft is saved first, the app exits 1,
the log is private and neither it nor the terminal shows note text or locals."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pilot_wait import wait_for
from tui1on1.domain.timesource import FakeClock
from tui1on1.logs import format_crash, log_path
from tui1on1.settings import load_settings
from tui1on1.storage.store import Store
from tui1on1.ui.app import MeetRequest, OneOnOneApp
from tui1on1.ui.crash import crash_line
from tui1on1.ui.screens.meeting import MeetingScreen

SENTINEL = "zq7-SENTINEL-private-words-4417"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SIZE = (100, 30)
LOCALS_MARKERS = ("locals", "note_text =", "secret =", "self =")


@pytest.fixture(params=["plain", "encrypted"])
def db_path(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """The database, plain or encrypted (its key remembered as a start finds it)."""
    path = tmp_path / "data" / "app.db"
    if request.param == "encrypted":
        from tui1on1.keys import DatabaseKey, new_salt
        from tui1on1.storage import cipher

        cipher.remember(path, DatabaseKey(os.urandom(32), new_salt()))
    return path


def make_app(db_path: Path) -> OneOnOneApp:
    settings = load_settings(db_arg=f"sqlite:///{db_path}")
    return OneOnOneApp(
        settings,
        meet=MeetRequest("Ada Lovelace", new=True),
        store=Store.open(settings.database_url),
        clock=FakeClock(T0),
    )


def boom(self) -> None:
    secret = f"a local holding {SENTINEL}"  # would show in Textual's locals dump
    raise RuntimeError(f"boom {secret}")


async def bug_in_a_key(pilot, monkeypatch) -> None:
    monkeypatch.setattr(MeetingScreen, "action_next_prompt", boom)
    await pilot.press("ctrl+n")  # before the 0.5 s autosave: the crash saves it


async def bug_in_enter(pilot, monkeypatch) -> None:
    """Enter's line reaches the screen as a message, outside on_event."""
    from tui1on1.ui.screens.meeting_notes import NotesPane

    monkeypatch.setattr(NotesPane, "submit", lambda pane, _value: boom(pane))
    await pilot.press("enter")  # the line goes back to the input, and is saved as the draft


async def bug_in_the_clock_tick(pilot, monkeypatch) -> None:
    """The clock repaints from a timer, outside the app's event handlers."""
    from tui1on1.domain.meeting import MeetingModel

    monkeypatch.setattr(MeetingModel, "clock_view", lambda model, now: boom(model))


@pytest.mark.parametrize(
    "bug", [bug_in_a_key, bug_in_enter, bug_in_the_clock_tick], ids=["key", "enter", "clock-tick"]
)
async def test_a_crash_saves_the_draft_first_and_logs_privately(
    db_path, umask_022, monkeypatch, capsys, bug
):
    from tui1on1.ui.widgets.notes import NoteInput

    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:  # Textual would re-raise here
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.model)
        meeting_id = app.screen.model.meeting.id
        app.screen.query_one(NoteInput).value = f"draft with {SENTINEL}"
        await bug(pilot, monkeypatch)
        await wait_for(pilot, lambda: app.crash is not None)
    assert app.return_code == 1
    assert app.crash is not None and app.crash.saved and app.crash.error_type == "RuntimeError"

    store = Store.open(f"sqlite:///{db_path}")
    try:
        assert store.get_draft(meeting_id).text == f"draft with {SENTINEL}"
    finally:
        store.close()
    from tui1on1.storage import cipher

    if cipher.key_for(db_path) is not None:  # saved, and only encrypted
        kept = [p for p in db_path.parent.rglob("*") if p.is_file()]
        assert kept and not [p for p in kept if SENTINEL.encode() in p.read_bytes()]

    log = log_path()
    assert app.crash.log == log
    assert (log.stat().st_mode & 0o777) == 0o600
    assert (log.parent.stat().st_mode & 0o777) == 0o700
    text = log.read_text()
    assert "RuntimeError" in text
    assert f'File "{__file__}", line' in text and "in boom" in text
    assert SENTINEL not in text and "boom " + "a local" not in text
    for marker in LOCALS_MARKERS:
        assert marker not in text
    out, err = capsys.readouterr()
    assert SENTINEL not in out + err
    assert "Traceback" not in out + err


async def test_an_error_only_textual_catches_still_prints_nothing_and_exits_1(db_path, capsys):
    """A timer's callback runs outside the app's handlers: Textual catches it
    (and re-raises it under a Pilot test); its report with the locals is
    discarded and the CLI's line says saving may not have finished."""
    app = make_app(db_path)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
            app.set_timer(0.01, lambda: boom(app))
            await wait_for(pilot, lambda: app.return_code == 1)
    assert app.return_code == 1
    assert app.crash is not None and not app.crash.saved and app.crash.log is None
    assert "may not have finished" in crash_line(app.crash)
    out, err = capsys.readouterr()
    assert SENTINEL not in out + err and "Traceback" not in out + err


def test_the_crash_record_has_types_and_lines_but_no_message():
    def inner():
        raise ValueError(f"bad {SENTINEL}")

    try:
        try:
            inner()
        except ValueError as exc:
            raise KeyError(SENTINEL) from exc
    except KeyError as exc:
        record = format_crash(exc)
    assert SENTINEL not in record
    assert "ValueError" in record and "KeyError" in record and "which led to:" in record
    assert "in inner" in record and "in test_the_crash_record" in record


def test_the_crash_line_names_the_log_and_no_error_text(tmp_path):
    from tui1on1.ui.crash import Crash

    line = crash_line(Crash("RuntimeError", saved=True, log=tmp_path / "x.log"))
    assert line == (
        "tui1on1 stopped because of an unexpected error; your notes are saved. "
        f"Details (no note text): {tmp_path / 'x.log'}"
    )
    assert "\n" not in line


SCRIPT = textwrap.dedent(
    """
    import sys, time
    from rich.console import Console
    from textual.app import App
    from tui1on1.cli import main
    from tui1on1.ui.app import OneOnOneApp
    from tui1on1.ui.screens.meeting import MeetingScreen
    from tui1on1.ui.widgets.notes import NoteInput

    SENTINEL, DB, MODE = sys.argv[1], sys.argv[2], sys.argv[3]

    def boom(self):
        secret = "a local holding " + SENTINEL
        raise RuntimeError("boom " + secret)

    MeetingScreen.action_next_prompt = boom
    if MODE == "textual-default":  # the control: what Textual alone would print
        OneOnOneApp.on_event = App.on_event  # the app's catching off

        def reraise(self, error):  # and every screen's: Textual gets the error
            raise error

        OneOnOneApp.crash_and_exit = reraise
        real_init = OneOnOneApp.__init__

        def init(self, *args, **kwargs):  # and Textual's own error console back
            real_init(self, *args, **kwargs)
            self.error_console = Console(markup=False, highlight=False, stderr=True)

        OneOnOneApp.__init__ = init

    async def auto(pilot):
        app = pilot.app
        deadline = time.monotonic() + 10
        while not (isinstance(app.screen, MeetingScreen) and app.screen.model):
            assert time.monotonic() < deadline
            await pilot.pause(0.02)
        app.screen.query_one(NoteInput).value = "draft with " + SENTINEL
        await pilot.press("ctrl+n")

    import tui1on1.cli.app_command as app_command
    app_command.terminal_problem = lambda: None  # headless: no terminal needed
    real_run = OneOnOneApp.run
    OneOnOneApp.run = lambda self, **kw: real_run(
        self, headless=True, size=(100, 30), auto_pilot=auto
    )
    sys.exit(main(["--db", "sqlite:///" + DB, "meet", "Ada Lovelace", "--new"]))
    """
)


def run_cli_crash(tmp_path: Path, mode: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TZ": "UTC", "TERM": "xterm-256color", "COLUMNS": "100"}
    db = tmp_path / "cli" / "app.db"
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, SENTINEL, str(db), mode],
        capture_output=True,
        text=True,
        timeout=20,
        env=env,
    )


@pytest.mark.slow
def test_the_real_cli_prints_one_line_and_never_the_note(tmp_path):
    done = run_cli_crash(tmp_path, "ours")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-2000:]
    assert SENTINEL not in output
    assert "Traceback" not in output and "locals" not in output
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    log = log_path()  # XDG_STATE_HOME is the test's own (tests/conftest.py)
    assert lines == [
        "tui1on1 stopped because of an unexpected error; your notes are saved. "
        f"Details (no note text): {log}"
    ]
    assert SENTINEL not in log.read_text() and "RuntimeError" in log.read_text()


@pytest.mark.slow
def test_the_control_textual_alone_would_have_shown_the_note(tmp_path):
    """Proves the check above can fail: Textual's own handler leaks the locals."""
    done = run_cli_crash(tmp_path, "textual-default")
    assert SENTINEL in done.stdout + done.stderr
