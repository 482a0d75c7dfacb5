"""Which writers sharing a recovery journal are still running.

Two instances on one database share its journal. Each running writer holds an
exclusive ``flock`` on a small file of its own beside the journal
(``NAME.live-ID``); a starting instance replays only the entries of writers
whose file it can lock (they have exited or crashed), so it never applies a
live instance's changes behind its back (some add to a count).
"""

from __future__ import annotations

import fcntl
import os
import re
from contextlib import suppress
from pathlib import Path

from tui1on1.privacy import FILE_MODE

_ID = re.compile(r"[0-9a-f]{1,32}")
_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


class JournalOwners:
    def __init__(self, journal_path: Path) -> None:
        self.journal_path = journal_path
        self._fd: int | None = None
        self._mine: Path | None = None

    def _file(self, instance: str) -> Path:
        return self.journal_path.with_name(f"{self.journal_path.name}.live-{instance}")

    def claim(self, instance: str) -> None:
        """Mark ``instance`` running until ``release`` (or the process ends)."""
        if self._fd is not None:
            return
        path = self._file(instance)
        try:
            fd = os.open(path, _FLAGS, FILE_MODE)
        except OSError:
            return  # no mark: another instance may replay our entries, landing once
        fcntl.flock(fd, fcntl.LOCK_EX)
        self._fd, self._mine = fd, path

    def release(self) -> None:
        if self._fd is None:
            return
        with suppress(OSError):
            if self._mine is not None:
                self._mine.unlink()
        os.close(self._fd)
        self._fd = self._mine = None

    def running(self, instance: str) -> bool:
        """Whether the writer ``instance`` still runs (its file is locked)."""
        if not _ID.fullmatch(instance):
            return False  # not a writer's id: no file to look for
        path = self._file(instance)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)
        with suppress(OSError):  # a crashed writer's mark: gone with its entries
            path.unlink()
        return False

    def sweep(self) -> None:
        """Remove the marks of writers that are gone (killed before ``release``)."""
        prefix = f"{self.journal_path.name}.live-"
        try:
            found = [p for p in self.journal_path.parent.iterdir() if p.name.startswith(prefix)]
        except OSError:
            return
        for path in found:
            if path != self._mine:
                self.running(path.name.removeprefix(prefix))  # unlinks an unlocked mark
