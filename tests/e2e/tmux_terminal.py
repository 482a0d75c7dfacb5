"""The real `tui1on1` console script in a real terminal (tmux), for the
end-to-end tests: a private tmux server per terminal, the app's process, and
the SQLite database it writes (read directly, as a check).

The ``terminals`` fixture (conftest.py) starts them; each server is killed
after the test.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "tui1on1"
TMUX = shutil.which("tmux")
WAIT = 15.0  # seconds to wait for anything to appear on screen


def skip_reason() -> str | None:
    """Why these tests can't run here, or None."""
    if TMUX is None:
        return "these tests need tmux on the PATH"
    if not SCRIPT.exists():
        return f"the console script is not installed at {SCRIPT}"
    if not Path("/proc").is_dir():
        return "finding the app's process needs /proc (Linux)"
    return None


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
        self.tmux("send-keys", "-t", "s", "-l", "--", text)  # "--": a line may start with "-"
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


def pid_gone(pid: int, timeout: float = WAIT) -> bool:
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


def app_command(*args: str, prefix: tuple[str, ...] = ()) -> str:
    """The shell command running the console script with ``args`` on the
    test's private dirs (``prefix``: e.g. faketime and its options)."""
    env = ["env", "-u", "TUI1ON1_DATABASE_URL", "TERM=xterm-256color"]
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env.append(f"{var}={os.environ[var]}")
    return shlex.join([*env, *prefix, str(SCRIPT), *args])


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


def libfaketime() -> str | None:
    """Where the faketime package keeps its library, or None."""
    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    found += sorted(glob.glob("/usr/lib/faketime/libfaketime.so.1"))
    return found[0] if found else None


def on_day(when: str) -> tuple[str, ...]:
    """The prefix that holds the clock at ``when`` (``"@2026-12-07 10:00:00"``,
    then ticking) for the command after it: libfaketime preloaded, as
    ``faketime -f`` does, but without that wrapper. The wrapper makes a
    semaphore and a shared-memory file named after its own pid and refuses to
    start when they exist; a wrapper killed with its tmux pane leaves them
    behind, and once pids wrap round (32768 on CI's machine) a later command
    given that pid exits with "faketime: sem_open: File exists" and no output.
    """
    library = libfaketime()
    assert library is not None, "needs the faketime package"
    return ("env", f"LD_PRELOAD={library}", f"FAKETIME={when}")


def cli_on(when: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The console script run once on the day the clock is held at (``on_day``)."""
    command = app_command(*args, prefix=on_day(when))
    return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)


def line_with(screen: str, words: str) -> str:
    """The first line of ``screen`` holding ``words``."""
    return next(line for line in screen.splitlines() if words in line)
