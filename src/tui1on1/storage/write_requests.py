"""What callers hand the Writer: each change journaled first, then applied in order.

Mixed into the ``Writer`` (``storage/writer.py``), whose two threads run them:
any job (``submit``), a change built by ``journal_entries`` (``record``), a
note, an asked question, the draft, discarding a meeting, and the journal
context and space a meeting on screen gets.
"""

from __future__ import annotations

import logging
import threading
import uuid
from abc import abstractmethod
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui1on1.domain.records import ActionItem, AskedQuestion, NewAskedQuestion, NewNote, Note
from tui1on1.storage import journal_entries
from tui1on1.storage.errors import DatabaseUnavailable, StoreError
from tui1on1.storage.journal import Entry, Journal
from tui1on1.storage.journal_entries import asked_to_entry, draft_entry, note_to_entry
from tui1on1.storage.journal_stage import Failed, Job, JournalStage, Kept
from tui1on1.storage.recovery import replay_journal

if TYPE_CHECKING:
    from tui1on1.storage.discard import DiscardResult
    from tui1on1.storage.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")


class WriteRequests:
    """What callers hand the ``Writer``, which sets these up and runs them."""

    journal: Journal | None
    _stage: JournalStage  # the journal thread, first stop of every job
    _instance: str  # whose entries are whose, in a shared journal
    _contexts: dict[int, dict[str, object]]  # meeting id → who and when

    @abstractmethod
    def _running(self, instance: str) -> bool:
        """Whether the writer that journaled an entry still runs."""

    def submit(
        self,
        run: Callable[[Store], T],
        *,
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
        journal_entry: Entry | None = None,
        kept: Kept | None = None,
    ) -> None:
        entry = None
        if journal_entry is not None and self.journal is not None:
            entry = {**journal_entry, "jid": uuid.uuid4().hex[:16], "by": self._instance}
            context = self._contexts.get(journal_entry.get("meeting_id", -1))
            if context is not None:
                entry["meeting"] = context
        self._stage.put(Job(run, done, failed, entry, kept))

    def record(
        self,
        entry: Entry,
        *,
        done: Callable[[Any], None] | None = None,
        failed: Failed | None = None,
        kept: Kept | None = None,
    ) -> None:
        """Journal, then apply, one change built by ``journal_entries``."""
        self.submit(
            lambda store: journal_entries.apply(store, entry),
            done=done,
            failed=failed,
            journal_entry=entry,
            kept=kept,
        )

    def save_note(
        self,
        note: NewNote,
        *,
        done: Callable[[tuple[Note, ActionItem | None]], None] | None = None,
        failed: Failed | None = None,
        kept: Kept | None = None,
    ) -> None:
        """Save a note; one answering a question names it by its uid."""
        self.submit(
            lambda store: store.add_note(note),
            done=done,
            failed=failed,
            journal_entry=note_to_entry(note),
            kept=kept,
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
        self.record(asked_to_entry(asked), done=done, failed=failed)

    def save_draft(self, meeting_id: int, text: str, at: datetime) -> None:
        self.record(draft_entry(meeting_id, text, at))

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

        Its notes still waiting in the journal (another instance's) are
        applied first, so they are in the discard file; then whatever is left
        for the meeting in the journal is dropped, never
        replayed into it (or into a newer meeting that gets its id). Not
        retried: if the database can't be written, ``failed`` is told and the
        meeting stays as it is.
        """

        def run(store: Store) -> DiscardResult:
            try:
                if self.journal is not None:  # another instance's, or an earlier run's
                    replay_journal(
                        store, self.journal, meeting_id=meeting_id, running=self._running
                    )
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

    def meeting_opened(
        self, meeting_id: int, *, person: str, started_at: datetime, playbook: str, planned: int
    ) -> None:
        """A meeting is on screen: its journal entries name it (person and
        start, so a replay into a restored backup or a new file finds or
        makes the right one), and journal space is set aside for it."""
        self._contexts[meeting_id] = {
            "person": person,
            "started_at": started_at.isoformat(),
            "playbook": playbook,
            "planned_minutes": planned,
        }
        self.reserve()

    def reserve(self) -> None:
        """Reserve journal space for a meeting, so a full disk still takes its
        notes; off the UI thread (it takes the journal's lock)."""
        if self.journal is not None:
            threading.Thread(target=self._reserve, name="tui1on1-reserve", daemon=True).start()

    def _reserve(self) -> None:
        if self.journal is None:
            return
        try:
            if not self.journal.reserve():
                log.info("no space could be reserved for the recovery journal")
        except OSError as exc:
            log.warning("no space could be reserved for the recovery journal: %s", exc.strerror)
