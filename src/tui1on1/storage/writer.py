"""One ordered writer thread in front of the Store.

The UI never waits for the disk: it hands each write to ``Writer.submit`` and
gets a callback once the write is committed. Callbacks run on the writer
thread and must not block: the UI passes ones that post a message to itself
(Textual's ``post_message`` is thread-safe). Jobs run strictly in the order
submitted.

When the database can't be written, a job that saves a note, an asked
question (or the draft) is
appended to the recovery journal first, so it survives a crash, and then
retried with a growing delay until the database takes it; later jobs wait
behind it, keeping the order, and their notes go to the journal as they come.
The journal is replayed, once and in order, as soon as writes work again.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from tui1on1.domain.records import ActionItem, AskedQuestion, NewAskedQuestion, NewNote, Note
from tui1on1.storage.errors import DatabaseUnavailable, InvalidInput, NotFound, StoreError
from tui1on1.storage.journal import (
    Journal,
    asked_to_entry,
    draft_entry,
    entry_to_asked,
    entry_to_note,
    note_to_entry,
)

if TYPE_CHECKING:
    from tui1on1.storage.discard import DiscardResult
    from tui1on1.storage.store import Store

log = logging.getLogger(__name__)

RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0, 4.0)

T = TypeVar("T")
JournalEntry = dict[str, Any]
Failed = Callable[[Exception], None]


@dataclass
class Job(Generic[T]):
    run: Callable[[Store], T]
    done: Callable[[T], None] | None = None
    failed: Failed | None = None
    # Set for notes, asked questions and drafts: what the journal keeps
    # when the database can't take the job.
    journal_entry: JournalEntry | None = None
    journaled: bool = False


class Writer:
    """Runs Store writes in order on one thread; see the module docstring."""

    def __init__(
        self,
        store: Store,
        journal: Journal | None,
        on_status: Callable[[str | None], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.journal = journal
        self._on_status = on_status or (lambda _message: None)
        self._sleep = sleep
        self._queue: queue.Queue[Job[Any] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="tui1on1-writer", daemon=True)
        self._problem: str | None = None
        self._stopping = threading.Event()

    # --- API -----------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def submit(
        self,
        run: Callable[[Store], T],
        *,
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
        journal_entry: JournalEntry | None = None,
    ) -> None:
        self._queue.put(Job(run, done, failed, journal_entry))

    def save_note(
        self,
        note: NewNote,
        *,
        done: Callable[[tuple[Note, ActionItem | None]], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        """Save a note; one answering a question names it by its uid."""
        self.submit(
            lambda store: store.add_note(note),
            done=done,
            failed=failed,
            journal_entry=note_to_entry(note),
        )

    def save_question(
        self,
        asked: NewAskedQuestion,
        *,
        done: Callable[[AskedQuestion], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        """Record a question asked; journaled like a note, so the notes
        answering it find it when the journal is replayed."""
        self.submit(
            lambda store: store.record_question(
                asked.meeting_id,
                uid=asked.uid,
                slug=asked.slug,
                text=asked.text,
                elapsed_seconds=asked.elapsed_seconds,
                at=asked.asked_at,
            ),
            done=done,
            failed=failed,
            journal_entry=asked_to_entry(asked),
        )

    def save_draft(self, meeting_id: int, text: str, at: datetime) -> None:
        self.submit(
            lambda store: store.save_draft(meeting_id, text, at),
            journal_entry=draft_entry(meeting_id, text, at),
        )

    def discard_meeting(
        self,
        meeting_id: int,
        to_dir: Path,
        at: datetime,
        *,
        done: Callable[[DiscardResult], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        """Discard a meeting (``Store.discard_meeting``) after every write
        submitted before, in order, so none of its notes lands after it.

        Notes still in the recovery journal are replayed first, so they are in
        the discard file; whatever is left for the meeting in the journal is
        dropped, never replayed into it (or into a newer meeting that gets its
        id). Not retried: if the database can't be written, ``failed`` is told
        and the meeting stays as it is.
        """

        def run(store: Store) -> DiscardResult:
            try:
                if self.journal is not None and self.journal.has_entries():
                    self._replay_journal(raise_unavailable=True)
                result = store.discard_meeting(meeting_id, to_dir, now=at)
            except DatabaseUnavailable as exc:
                raise StoreError(str(exc)) from None
            except OSError as exc:
                raise StoreError(f"can't write the discard file: {exc.strerror or exc}") from None
            if self.journal is not None:
                try:
                    self.journal.drop_meeting(meeting_id)
                except OSError as exc:  # the replay guard still skips them
                    log.error("recovery journal not rewritten: %s", exc.strerror)
            return result

        self.submit(run, done=done, failed=failed)

    @property
    def problem(self) -> str | None:
        """What is wrong with the database right now, or None."""
        return self._problem

    def stop(self, timeout: float = 5.0) -> bool:
        """Finish the queued jobs (journaling what can't be written) and stop.

        Returns True if everything queued was committed or journaled in time.
        """
        self._stopping.set()
        if not self._thread.is_alive():  # never started (or already stopped)
            self._journal_pending()
            return self._queue.empty() or all(
                job is None or job.journaled for job in list(self._queue.queue)
            )
        self._queue.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._journal_pending()
            return False
        return True

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every job submitted so far has run (for tests and exits)."""
        event = threading.Event()
        self.submit(lambda _store: None, done=lambda _r: event.set(), failed=lambda _e: event.set())
        return event.wait(timeout)

    # --- the thread ----------------------------------------------------------

    def _loop(self) -> None:
        self._replay_journal()
        while True:
            job = self._queue.get()
            if job is None:
                return
            self._run(job)

    def _run(self, job: Job[Any]) -> None:
        attempt = 0
        while True:
            try:
                if self._problem is not None:
                    # Journaled notes are older than this job: they go first.
                    self._replay_journal(raise_unavailable=True)
                result = job.run(self.store)
            except DatabaseUnavailable as exc:
                self._set_problem(str(exc))
                if job.journal_entry is not None and not job.journaled:
                    self._journal(job)
                if attempt == 0:
                    _call(job.failed, exc)
                if self._stopping.is_set() and job.journaled:
                    return  # safe in the journal; the next start replays it
                self._sleep(RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)])
                attempt += 1
                self._journal_pending()
                continue
            except StoreError as exc:
                _call(job.failed, exc)
                return
            except Exception as exc:  # a bug: report it, keep the writer alive
                log.error("write failed: %s", type(exc).__name__)
                _call(job.failed, exc)
                return
            if self._problem is not None:
                self._set_problem(None)
            _call(job.done, result)
            return

    def _journal(self, job: Job[Any]) -> None:
        if self.journal is None or job.journal_entry is None:
            return
        try:
            self.journal.append(job.journal_entry)
            job.journaled = True
        except OSError as exc:
            log.error("recovery journal not writable: %s", exc.strerror)

    def _journal_pending(self) -> None:
        """Journal the notes waiting behind a failing job, in order."""
        for job in list(self._queue.queue):
            if job is not None and job.journal_entry is not None and not job.journaled:
                self._journal(job)

    def _replay_journal(self, *, raise_unavailable: bool = False) -> None:
        if self.journal is None or not self.journal.has_entries():
            return

        started: dict[int, datetime] = {}

        def belongs(meeting_id: int, taken_at: datetime | None) -> bool:
            """Whether the entry's meeting is still there and is the one it was
            taken in: a discarded meeting's id can be given to a newer
            meeting (SQLite reuses the highest), which started after it."""
            if meeting_id not in started:
                started[meeting_id] = self.store.get_meeting(meeting_id).started_at
            return taken_at is None or taken_at >= started[meeting_id]

        def apply(entry: dict[str, Any]) -> None:
            try:
                if entry.get("type") == "note":
                    note = entry_to_note(entry)
                    if belongs(note.meeting_id, note.created_at):
                        self.store.add_note(note)
                        return
                elif entry.get("type") == "asked":
                    asked = entry_to_asked(entry)
                    if belongs(asked.meeting_id, asked.asked_at):
                        self.store.record_question(
                            asked.meeting_id,
                            uid=asked.uid,
                            slug=asked.slug,
                            text=asked.text,
                            elapsed_seconds=asked.elapsed_seconds,
                            at=asked.asked_at,
                        )
                        return
                elif entry.get("type") == "draft":
                    at = datetime.fromisoformat(entry["at"])
                    if belongs(int(entry["meeting_id"]), at):
                        self.store.save_draft(int(entry["meeting_id"]), entry["text"], at)
                        return
                else:
                    return
            except (NotFound, InvalidInput):
                pass
            # Its meeting was deleted (or discarded), or it can never be
            # stored: keeping it would block every later entry. Nothing else
            # is skipped.
            log.warning("skipped a recovery journal entry that can't be stored")

        try:
            count = self.journal.replay(apply)
        except DatabaseUnavailable as exc:
            if raise_unavailable:
                raise
            self._set_problem(str(exc))
            return
        except (StoreError, OSError, KeyError, ValueError) as exc:
            log.error("recovery journal could not be replayed: %s", type(exc).__name__)
            return
        if count:
            log.info("replayed %d entries from the recovery journal", count)

    def _set_problem(self, message: str | None) -> None:
        if message != self._problem:
            self._problem = message
            _call(self._on_status, message)


def _call(callback: Callable[[T], None] | None, arg: T) -> None:
    """Run a caller's callback; one that raises must not kill the writer thread."""
    if callback is None:
        return
    try:
        callback(arg)
    except Exception as exc:
        log.error("a writer callback failed: %s", type(exc).__name__)
