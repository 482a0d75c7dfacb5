"""The recovery journal first, then the database, in order, off the UI thread.

The UI never waits for the disk: it hands each write to the Writer and gets
callbacks (which must not block: the UI's only post a message to itself).

Every change a meeting makes (a note, an asked question, the draft, an edit,
a delete, a segment, a pause, the end…) carries a journal entry. Two threads
keep the promise that no note is lost:

- the **journal thread** appends each entry to the fsynced recovery journal
  the moment it is submitted, whatever the database is doing, and says so
  (``kept``); then it hands the job on. If even the journal can't be written
  (nothing can be written at all), ``kept(False)`` and the status say so
  loudly, and it keeps trying;
- the **database thread** runs the jobs strictly in submit order, retrying one
  the database can't take (busy, read-only, full, gone) with a growing delay
  while later ones wait behind it. When it lands, ``done``, and the journal
  notes it as done. A job stuck longer than ``BUSY_SECONDS`` (a lock held by
  another instance, a hung server) is reported as a problem too.

At start, ``recover`` replays what an earlier run left in the journal before
any screen reads the database; entries stay in the journal until a checkpoint
has put them in the main database file (``compact``).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any, TypeVar

from tui1on1.storage.errors import DatabaseGone, DatabaseUnavailable, StoreError
from tui1on1.storage.journal import Journal
from tui1on1.storage.journal_owners import JournalOwners
from tui1on1.storage.journal_stage import Job, JournalStage
from tui1on1.storage.recovery import replay_journal
from tui1on1.storage.write_requests import WriteRequests

if TYPE_CHECKING:
    from tui1on1.storage.store import Store

log = logging.getLogger(__name__)

RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0, 4.0)
BUSY_SECONDS = 2.0
STOP_GRACE_SECONDS = 1.0  # for a database just back, before leaving it to the next start

T = TypeVar("T")


class Writer(WriteRequests):
    """Journal first, then the database; see the module docstring. What
    callers hand it (``submit`` and the meeting's changes) is in ``WriteRequests``."""

    def __init__(
        self,
        store: Store,
        journal: Journal | None,
        on_status: Callable[[str | None], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        busy_seconds: float = BUSY_SECONDS,
    ) -> None:
        self.store = store
        self.journal = journal
        self._on_status = on_status or (lambda _message: None)
        self._sleep = sleep
        self._busy_seconds = busy_seconds
        self._db: queue.Queue[Job[Any] | None] = queue.Queue()
        self._stage = JournalStage(
            journal, self._db.put, self._set_journal_problem, self._watch, _call
        )
        self._db_thread = threading.Thread(target=self._db_loop, name="tui1on1-writer", daemon=True)
        self._status_lock = threading.Lock()
        self._db_problem: str | None = None
        self._journal_problem: str | None = None
        self._shown: str | None = None
        self._inflight: float | None = None  # when the running job started
        self._recovered = journal is None
        self._stopping = threading.Event()
        self._instance = uuid.uuid4().hex[:8]  # whose entries are whose, in a shared journal
        self._owners = JournalOwners(journal.path) if journal is not None else None
        self._claimed = False
        self._abandoned = False  # stopping left a change to the next start
        self.notices: list[str] = []
        self._contexts: dict[int, dict[str, object]] = {}  # meeting id → who and when
        # The database file was deleted or replaced: what it held is gone, and
        # the journal alone has this session's changes.
        self.database_gone = False  # said once at start (bad journal lines)

    # --- API -----------------------------------------------------------------

    def start(self) -> None:
        self._claim()
        self._stage.start()
        self._db_thread.start()

    def compact(self) -> None:
        """Once everything before it has landed: checkpoint the database and
        drop the journal entries it now holds in its main file."""
        journal = self.journal
        if journal is None:
            return

        def run(store: Store) -> None:
            try:
                journal.compact(store.checkpoint)
            except OSError as exc:
                log.warning("recovery journal not compacted: %s", exc.strerror)

        self.submit(run)

    @property
    def problem(self) -> str | None:
        """What is wrong right now (the journal first), or None."""
        return self._journal_problem or self._db_problem

    @property
    def unsafe(self) -> bool:
        """True while even the recovery journal can't be written."""
        return self._journal_problem is not None

    def stop(self, timeout: float = 5.0) -> bool:
        """Finish what can be finished in ``timeout`` and stop.

        Returns True if everything submitted is in the database or the
        journal (the next start replays the journal). A database that is busy
        or hung doesn't hold this up once the journal has everything.
        """
        self._stopping.set()
        began = time.monotonic()
        self._stage.stop(timeout)
        while self._db_thread.is_alive() and time.monotonic() < began + timeout:
            grace_over = time.monotonic() > began + min(STOP_GRACE_SECONDS, timeout)
            if grace_over and self._stuck() and not self._at_risk():
                break  # the database isn't taking writes, and the journal has it all
            self._db_thread.join(0.05)
        if self._owners is not None:
            self._owners.release()  # what is left is the next start's to replay
        return not self._at_risk()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every job submitted so far has run (for tests and exits)."""
        event = threading.Event()
        self.submit(lambda _store: None, done=lambda _r: event.set(), failed=lambda _e: event.set())
        return event.wait(timeout)

    # --- recovery at start ---------------------------------------------------

    def recover(self) -> int:
        """Replay what an earlier run left in the journal; returns how many
        entries were applied. Run before any screen reads the database. If the
        database can't be written now, the database thread tries again before
        its first job."""
        try:
            return self._recover()
        except DatabaseUnavailable as exc:
            self._set_db_problem(str(exc))
            return 0

    def _claim(self) -> None:
        if self._owners is not None and not self._claimed:
            self._claimed = True
            self._owners.claim(self._instance)
            self._owners.sweep()

    def _running(self, instance: str) -> bool:
        """Whether another writer sharing the journal still runs (this one
        applies its own entries itself)."""
        if instance == self._instance:
            return True
        return self._owners is not None and self._owners.running(instance)

    def _recover(self) -> int:
        journal = self.journal
        if journal is None or self._recovered:
            return 0
        self._claim()
        self._recovered = True
        try:
            applied, notices = replay_journal(self.store, journal, running=self._running)
        except DatabaseUnavailable:
            self._recovered = False
            raise
        self.notices += notices
        return applied

    # --- watching the database ----------------------------------------------

    def _watch(self) -> None:
        """A database write taking longer than ``BUSY_SECONDS`` is a problem
        too (run by the journal thread between batches)."""
        started = self._inflight
        if started is None or self._db_problem is not None:
            return
        waited = time.monotonic() - started
        if waited >= self._busy_seconds:
            self._set_db_problem(
                f"the database hasn't answered for {waited:.0f} seconds (busy with another "
                "tui1on1 or an import, or the server isn't responding)"
            )

    def _stuck(self) -> bool:
        started = self._inflight
        return self._db_problem is not None or (
            started is not None and time.monotonic() - started > 0.5
        )

    def _at_risk(self) -> bool:
        """Whether a change submitted is in neither the database nor the journal."""
        with self._db.mutex:
            queued = list(self._db.queue)
        return self._stage.at_risk() or any(job is not None and job.at_risk for job in queued)

    # --- the database thread -------------------------------------------------

    def _db_loop(self) -> None:
        self.recover()  # a no-op if done before start; else the first job retries it
        while True:
            job = self._db.get()
            if job is not None and self._abandoned:
                continue  # left to the next start, behind the one that couldn't land
            if job is None:
                if self._db_problem is None and not self._abandoned and self.journal:
                    try:  # all landed: the journal keeps only what the database lacks
                        self.journal.compact(self.store.checkpoint)
                    except Exception as exc:  # never a traceback on the way out
                        log.warning("recovery journal not compacted: %s", type(exc).__name__)
                return
            self._run(job)

    def _run(self, job: Job[Any]) -> None:
        attempt = 0
        while True:
            self._inflight = time.monotonic()
            try:
                if not self._recovered:
                    self._recover()  # older than this job: it goes first
                result = job.run(self.store)
            except DatabaseUnavailable as exc:
                self._inflight = None
                if isinstance(exc, DatabaseGone):
                    self.database_gone = True
                self._set_db_problem(str(exc))
                if attempt == 0:
                    _call(job.failed, exc)
                if self._stopping.is_set() and (job.journaled or job.entry is None):
                    # Safe in the journal; the next start replays it, and every
                    # later change after it, in order (none may land before it).
                    self._abandoned = True
                    return
                self._sleep(RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)])
                attempt += 1
                continue
            except StoreError as exc:
                self._finish(job)  # refused for good: never replay it
                _call(job.failed, exc)
                return
            except Exception as exc:  # a bug: report it, keep the writer alive
                log.error("write failed: %s", type(exc).__name__)
                self._finish(job)
                _call(job.failed, exc)
                return
            finally:
                self._inflight = None
            if self._db_problem is not None:
                self._set_db_problem(None)
            self._finish(job)
            _call(job.done, result)
            return

    def _finish(self, job: Job[Any]) -> None:
        job.finished = True
        if job.journaled and job.entry is not None and self.journal is not None:
            # If this fails it is applied again at the next start, landing once.
            with suppress(OSError):
                self.journal.mark_done([job.entry["jid"]])

    # --- status --------------------------------------------------------------

    def _set_db_problem(self, message: str | None) -> None:
        with self._status_lock:
            self._db_problem = message
            self._report()

    def _set_journal_problem(self, message: str | None) -> None:
        with self._status_lock:
            self._journal_problem = message
            self._report()

    def _report(self) -> None:
        shown = self.problem
        if shown != self._shown:
            self._shown = shown
            _call(self._on_status, shown)


def _call(callback: Callable[[T], None] | None, arg: T) -> None:
    """Run a caller's callback; one that raises must not kill the writer thread."""
    if callback is None:
        return
    try:
        callback(arg)
    except Exception as exc:
        log.error("a writer callback failed: %s", type(exc).__name__)
