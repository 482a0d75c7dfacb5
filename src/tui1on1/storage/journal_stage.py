"""The journal thread: each change goes into the recovery journal the moment
it is submitted, whatever the database is doing, then on to the database.

If even the journal can't be written (nothing can be written at all), the
jobs go on to the database anyway, ``kept(False)`` and the problem say so
loudly, and the journal is tried again every ``JOURNAL_RETRY_SECONDS`` until it
takes them or the database has them.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from tui1on1.storage.journal import Entry, Journal

if TYPE_CHECKING:
    from tui1on1.storage.store import Store

JOURNAL_RETRY_SECONDS = 1.0
TICK_SECONDS = 0.25

T = TypeVar("T")
Failed = Callable[[Exception], None]
Kept = Callable[[bool], None]


@dataclass
class Job(Generic[T]):
    run: Callable[[Store], T]
    done: Callable[[T], None] | None = None
    failed: Failed | None = None
    entry: Entry | None = None  # what the journal keeps; None for jobs it needn't
    kept: Kept | None = None
    journaled: bool = False
    finished: bool = False

    @property
    def at_risk(self) -> bool:
        """In neither the journal nor the database."""
        return self.entry is not None and not self.journaled and not self.finished


class JournalStage:
    def __init__(
        self,
        journal: Journal | None,
        forward: Callable[[Job[Any] | None], None],
        on_problem: Callable[[str | None], None],
        tick: Callable[[], None],
        call: Callable[[Kept | None, bool], None],
    ) -> None:
        self.journal = journal
        self._forward = forward  # to the database thread (None: stop)
        self._on_problem = on_problem
        self._tick = tick  # every TICK_SECONDS, on this thread
        self._call = call  # runs a caller's callback safely
        self._in: queue.Queue[Job[Any] | None] = queue.Queue()
        self._unkept: list[Job[Any]] = []  # this thread only
        self._last_try = 0.0
        self.problem: str | None = None
        self._thread = threading.Thread(target=self._loop, name="tui1on1-journal", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def put(self, job: Job[Any]) -> None:
        self._in.put(job)

    def stop(self, timeout: float) -> None:
        """Journal what is queued, pass it on, and end the thread."""
        if not self._thread.is_alive():  # never started (or already stopped)
            self._take([job for job in _drain(self._in) if job is not None])
            return
        self._in.put(None)
        self._thread.join(timeout)

    def at_risk(self) -> bool:
        with self._in.mutex:
            queued = list(self._in.queue)
        return any(job is not None and job.at_risk for job in [*self._unkept, *queued])

    def _loop(self) -> None:
        while True:
            try:
                batch = [self._in.get(timeout=TICK_SECONDS), *_drain(self._in)]
            except queue.Empty:
                batch = []
            self._take([job for job in batch if job is not None])
            if None in batch:
                self._forward(None)
                return
            self._tick()

    def _take(self, jobs: list[Job[Any]]) -> None:
        """Journal ``jobs`` (and any left unjournaled before), then pass them on."""
        fresh = [job for job in jobs if job.entry is not None]
        self._unkept = [job for job in self._unkept if not job.finished]
        if not self._unkept and not fresh and self.problem is not None:
            self._set_problem(None)  # the database took them all: none at risk
        retry_due = time.monotonic() - self._last_try >= JOURNAL_RETRY_SECONDS
        if fresh or (self._unkept and retry_due):
            self._keep(self._unkept + fresh)
        for job in jobs:
            self._forward(job)

    def _keep(self, jobs: list[Job[Any]]) -> None:
        journal = self.journal
        if journal is None or not jobs:
            return
        self._last_try = time.monotonic()
        try:
            journal.append_many(job.entry for job in jobs if job.entry is not None)
        except OSError as exc:
            for job in jobs:
                if job not in self._unkept:
                    self._unkept.append(job)
                    self._call(job.kept, False)
            self._set_problem(
                "nothing can be written to disk, not even the recovery journal "
                f"({exc.strerror or exc}): the newest notes are only in this window"
            )
            return
        for job in jobs:
            job.journaled = True
            self._call(job.kept, True)
        # The database may have taken one while it was being appended: say
        # so, or it would wait in the journal for ever.
        landed = [str(job.entry["jid"]) for job in jobs if job.finished and job.entry]
        if landed:
            with suppress(OSError):
                journal.mark_done(landed)
        self._unkept.clear()
        self._set_problem(None)

    def _set_problem(self, message: str | None) -> None:
        self.problem = message
        self._on_problem(message)


def _drain(source: queue.Queue[Job[Any] | None]) -> list[Job[Any] | None]:
    items: list[Job[Any] | None] = []
    while True:
        try:
            items.append(source.get_nowait())
        except queue.Empty:
            return items
