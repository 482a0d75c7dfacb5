"""Run a terminal program under a real pty and time what appears on its screen."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Escape sequences (CSI, OSC, charset and keypad switches) between the cells.
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    rb"|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


@dataclass
class Session:
    """One child process on a pty of ``size`` (columns, rows)."""

    argv: Sequence[str]
    env: dict[str, str]
    size: tuple[int, int] = (100, 30)
    started: float = 0.0
    raw: bytearray = field(default_factory=bytearray)

    def __enter__(self) -> Session:
        self.master, slave = os.openpty()
        cols, rows = self.size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            self.argv, stdin=slave, stdout=slave, stderr=slave, env=self.env,
            start_new_session=True, close_fds=True,
        )  # fmt: skip
        os.close(slave)
        return self

    def text(self) -> str:
        return _ESCAPES.sub(b"", bytes(self.raw)).decode("utf-8", "replace")

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:  # the child closed the pty
                chunk = b""
            if not chunk:
                raise ChildGone(self.text()[-400:])
            self.raw.extend(chunk)

    def wait_for(self, *markers: str, timeout: float = 30.0) -> float:
        """Milliseconds from spawn until any of ``markers`` is on screen."""
        deadline = time.perf_counter() + timeout
        while True:
            screen = self.text()
            if any(marker in screen for marker in markers):
                return (time.perf_counter() - self.started) * 1000
            if time.perf_counter() > deadline:
                raise TimeoutError(f"none of {markers!r} appeared; last: {screen[-300:]!r}")
            self._read(0.005)

    def since(self, moment: float) -> float:
        return (time.perf_counter() - moment) * 1000

    def send(self, data: bytes) -> float:
        """Write keys; returns the moment they were sent."""
        moment = time.perf_counter()
        os.write(self.master, data)
        return moment

    def wait_after(self, moment: float, *markers: str, timeout: float = 30.0) -> float:
        """Milliseconds from ``moment`` until a marker not on screen before is."""
        already = len(self.text())
        deadline = time.perf_counter() + timeout
        while True:
            screen = self.text()[already:]
            if any(marker in screen for marker in markers):
                return (time.perf_counter() - moment) * 1000
            if time.perf_counter() > deadline:
                raise TimeoutError(f"none of {markers!r} appeared; last: {screen[-300:]!r}")
            self._read(0.005)

    def peak_rss(self) -> float:
        """The child's peak resident set so far, in MiB (VmHWM).

        Not ``ru_maxrss`` from ``wait4``: Linux carries the high-water mark
        of the forked copy of *this* process across exec into it.
        """
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
        return int(kib) / 1024

    def stop(self) -> None:
        """SIGTERM, drain, reap."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
        deadline = time.perf_counter() + 10
        status = None
        while status is None:
            with contextlib.suppress(ChildGone):
                self._read(0.01)
            pid, _code = os.waitpid(self.proc.pid, os.WNOHANG)
            if pid:
                status = _code
            elif time.perf_counter() > deadline:
                os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.returncode = 0

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None and self.proc.returncode is None:
            try:
                os.kill(self.proc.pid, signal.SIGKILL)
                os.waitpid(self.proc.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.master)


class ChildGone(Exception):
    """The program exited or closed its terminal."""
