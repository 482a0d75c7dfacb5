"""End to end: the real `tui1on1` console script in a real terminal (tmux).

"Nothing is lost" (README): a live meeting survives kill -9, SIGHUP (the
terminal window closed), SIGTERM and ctrl+q → "leave it running"; `meet NAME`
again resumes it with its notes, the draft in the input and the clock at the
true elapsed time. Each test runs on its own tmux server (`-L`), which is
killed afterwards, and checks the SQLite database directly.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from rich.style import Style
from textual.renderables.digits import Digits

pytestmark = pytest.mark.slow

SCRIPT = Path(sys.executable).parent / "tui1on1"
TMUX = shutil.which("tmux")
WAIT = 15.0  # seconds to wait for anything to appear on screen
NAME = "Ada Lovelace"

if TMUX is None:
    pytest.skip("these tests need tmux on the PATH", allow_module_level=True)
if not SCRIPT.exists():
    pytest.skip(f"the console script is not installed at {SCRIPT}", allow_module_level=True)
if not Path("/proc").is_dir():
    pytest.skip("finding the app's process needs /proc (Linux)", allow_module_level=True)


# --- the terminal --------------------------------------------------------------


class Terminal:
    """One tmux server on a private socket running one command in session `s`."""

    def __init__(self) -> None:
        self.socket = f"tui1on1-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.socket_path: Path | None = None

    def start(self, command: str) -> None:
        self.tmux(
            "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "s", command
        )
        self.socket_path = Path(self.tmux("display", "-p", "#{socket_path}").strip())

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        if done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def kill(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10)
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)  # tmux leaves the socket file behind

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "s")

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = WAIT) -> str:
        """Poll the screen until `what` is on it (or the predicate holds)."""
        check = what if callable(what) else (lambda screen: what in screen)
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what!r}; the screen:\n{screen}")
            time.sleep(0.05)

    def type(self, text: str, enter: bool = False) -> None:
        self.tmux("send-keys", "-t", "s", "-l", text)
        if enter:
            self.key("Enter")

    def key(self, key: str) -> None:
        self.tmux("send-keys", "-t", "s", key)

    def exit_code(self) -> int:
        screen = self.wait_for(lambda s: re.search(r"^EXIT=\d+", s, re.M) is not None)
        match = re.search(r"^EXIT=(\d+)", screen, re.M)
        assert match is not None
        return int(match.group(1))

    def alternate_screen(self) -> bool:
        return self.tmux("display", "-p", "-t", "s", "#{alternate_on}").strip() == "1"

    def mouse_modes(self) -> dict[str, bool]:
        """Which mouse reporting modes the program in the pane has switched on."""
        names = ("standard", "button", "any", "sgr", "utf8")
        shown = self.tmux(
            "display", "-p", "-t", "s", " ".join(f"#{{mouse_{n}_flag}}" for n in names)
        )
        return dict(zip(names, (flag == "1" for flag in shown.split()), strict=True))

    def app_pid(self) -> int:
        """The python process running the console script, found down the pane's tree."""
        pane = int(self.tmux("list-panes", "-t", "s", "-F", "#{pane_pid}").split()[0])
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            for pid in _descendants(pane):
                argv = _argv(pid)
                if len(argv) >= 2 and "python" in Path(argv[0]).name and argv[1] == str(SCRIPT):
                    return pid
            time.sleep(0.05)
        raise AssertionError(f"no tui1on1 python process under the pane (pid {pane})")


def _children(pid: int) -> list[int]:
    done = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in done.stdout.split()]


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        kids = _children(todo.pop())
        found += kids
        todo += kids
    return found


def _argv(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def _pid_gone(pid: int, timeout: float = WAIT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists():
            return True
        status = Path(f"/proc/{pid}/status")
        try:
            if "\nState:\tZ" in status.read_text():
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def terminals() -> Iterator[Callable[..., Terminal]]:
    """Start the app in tmux: `start("meet", "Ada")`; every server is killed after."""
    if shutil.which("pgrep") is None:
        pytest.skip("these tests need pgrep (procps) to find the app's process")
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        env = ["env", "-u", "TUI1ON1_DATABASE_URL", "TERM=xterm-256color"]
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            env.append(f"{var}={os.environ[var]}")
        app = shlex.join([*env, str(SCRIPT), *args])
        # Textual draws on stderr: never redirect it.
        terminal = Terminal()
        started.append(terminal)
        terminal.start(f"{app}; echo EXIT=$?; sleep 30")
        return terminal

    try:
        yield start
    finally:
        for terminal in started:
            terminal.kill()


# --- the database ----------------------------------------------------------------


def db_path() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "tui1on1" / "tui1on1.db"


def query(sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db_path(), timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def wait_for_rows(sql: str, expected: list[tuple], timeout: float = 5.0) -> None:
    """The writer commits in the background: poll until the query returns `expected`."""
    deadline = time.monotonic() + timeout
    while True:
        rows = query(sql)
        if rows == expected:
            return
        if time.monotonic() > deadline:
            assert rows == expected
        time.sleep(0.05)


def as_utc(stored: str) -> datetime:
    """SQLite holds naive UTC text."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


# --- the big clock -----------------------------------------------------------------


def _glyphs() -> dict[tuple[str, str, str], str]:
    table = {}
    for bold in (True, False):
        for char in "0123456789:+-":
            lines = [
                seg.text for seg in Digits(char).render(Style(bold=bold)) if seg.text.strip("\n")
            ]
            table[tuple(lines)] = char
    return table


GLYPHS = _glyphs()


def big_clock(screen: str) -> str:
    """Read the Digits clock (3 rows of box drawing) at the top of the screen."""
    rows = [line.ljust(40) for line in screen.splitlines()[:3]]
    for start in range(6):
        read = ""
        at = start
        while (glyph := tuple(row[at : at + 3] for row in rows)) in GLYPHS:
            read += GLYPHS[glyph]
            at += 3
        if re.fullmatch(r"\+?\d\d:\d\d", read):
            return read
    raise AssertionError(f"no clock on the screen:\n{screen}")


def seconds(mmss: str) -> int:
    minutes, secs = mmss.lstrip("+").split(":")
    return int(minutes) * 60 + int(secs)


def next_friday(today: date) -> date:
    return today + timedelta(days=(4 - today.weekday()) % 7 or 7)


# --- the tests -------------------------------------------------------------------


def test_kill_9_keeps_notes_draft_and_clock(terminals) -> None:
    first = terminals("meet", NAME)
    first.wait_for("ON TRACK")
    first_seen = time.monotonic()  # the meeting started before this
    for line in ("plain note one", "! send the doc @fri", "> a quote"):
        first.type(line, enter=True)
    first.wait_for(
        lambda s: (
            all(t in s for t in ("plain note one", "send the doc", "a quote"))
            and "saving…" not in s
        )
    )
    first.type("half a thought")
    first.wait_for("half a thought")
    time.sleep(1.5)  # the README: the draft is autosaved within 1 s of the last keystroke
    pid = first.app_pid()
    os.kill(pid, signal.SIGKILL)
    assert first.exit_code() == 137
    assert query("SELECT text FROM draft") == [("half a thought",)]
    time.sleep(2)  # the meeting goes on in the room while the app is dead

    second = terminals("meet", "ada lovelace")
    screen = second.wait_for(
        lambda s: (
            "ON TRACK" in s
            and all(t in s for t in ("plain note one", "send the doc", "a quote", "half a thought"))
        )
    )
    now = datetime.now(UTC)
    since_first_start = time.monotonic() - first_seen
    # One person, one live meeting, the three notes of their kinds, the action.
    assert query("SELECT name FROM person") == [(NAME,)]
    assert query("SELECT status FROM meeting") == [("live",)]
    assert query("SELECT kind, text FROM note WHERE deleted_at IS NULL ORDER BY id") == [
        ("note", "plain note one"),
        ("action", "send the doc"),
        ("quote", "a quote"),
    ]
    ((owner, due, text),) = query("SELECT owner, due, text FROM action_item")
    assert (owner, text) == ("them", "send the doc")
    assert date.fromisoformat(due) in {next_friday(date.today()), next_friday(now.date())}
    # The input (drawn between ▊ and ▎) holds the draft, not a note row.
    input_line = next(line for line in reversed(screen.splitlines()) if "half a thought" in line)
    assert input_line.startswith("▊"), screen
    # The clock kept running while the app was dead: it shows 30:00 minus the
    # true elapsed time, at least the time since the first start.
    ((started,),) = query("SELECT started_at FROM meeting")
    elapsed = (now - as_utc(started)).total_seconds()
    shown = big_clock(screen)
    assert shown != "30:00", screen
    shown_elapsed = 30 * 60 - seconds(shown)
    assert shown_elapsed >= since_first_start - 1.5, (shown, since_first_start, screen)
    assert elapsed - 2 <= shown_elapsed <= elapsed + 2, (shown, elapsed, screen)


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_saves_draft_and_restores_terminal(terminals, signum: int) -> None:
    term = terminals("meet", NAME)
    term.wait_for("ON TRACK")
    assert term.alternate_screen()
    # Textual reports the mouse while it runs: any motion (1003, which tmux
    # keeps instead of 1000), SGR encoded.
    on = term.mouse_modes()
    assert on["any"] and on["sgr"], on
    pid = term.app_pid()
    term.type("typed just before the signal")
    term.wait_for("typed just before the signal")
    os.kill(pid, signum)  # at once: well before the 0.5 s autosave timer fires
    assert term.exit_code() == 0
    assert _pid_gone(pid)
    assert query("SELECT text FROM draft") == [("typed just before the signal",)]
    assert query("SELECT status FROM meeting") == [("live",)]
    # The terminal is restored: off the alternate screen, mouse reporting off,
    # the EXIT line on the normal screen.
    assert not term.alternate_screen()
    assert not any(term.mouse_modes().values()), term.mouse_modes()
    screen = term.screen()
    assert re.search(r"^EXIT=0$", screen, re.M), screen
    assert "ON TRACK" not in screen


def test_quit_leave_running_then_end(terminals) -> None:
    first = terminals("meet", NAME)
    first.wait_for("ON TRACK")
    first.type("before leaving", enter=True)
    first.wait_for(lambda s: "before leaving" in s and "saving…" not in s)
    first.key("C-q")
    first.wait_for("The meeting is still live.")
    first.type("l")
    assert first.exit_code() == 0
    assert not first.alternate_screen()
    assert query("SELECT status FROM meeting") == [("live",)]

    second = terminals("meet", NAME)
    second.wait_for(lambda s: "ON TRACK" in s and "before leaving" in s)
    second.key("C-o")
    second.wait_for("End the 1:1 with")  # ending asks first, with the headline
    second.key("Enter")
    second.wait_for("Meeting ended")
    second.key("Enter")
    # The home screen lists Ada (the summary, which also names her, is gone).
    home = second.wait_for(lambda s: NAME in s and "Last 1:1" in s and "Meeting ended" not in s)
    assert "ON TRACK" not in home
    wait_for_rows("SELECT status, ended_at IS NOT NULL FROM meeting", [("ended", 1)])
    assert query("SELECT kind, text FROM note") == [("note", "before leaving")]
    # Nothing live any more: ctrl+q on the home screen just quits.
    second.key("C-q")
    assert second.exit_code() == 0
