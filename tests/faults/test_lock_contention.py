"""Another writer holds the SQLite lock for longer than the busy timeout.

The save retries visibly (the writer reports "busy", the note shows "not saved
yet — kept safe, retrying" and was in the recovery journal before the database
was asked) and lands exactly once as soon as the lock is free; then the status
clears and the journal marks it done. The busy timeout is lowered so it elapses quickly.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

import tui1on1.storage.engine as engine_module
import tui1on1.storage.writer as writer_module
from pilot_wait import wait_for
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.domain.timesource import FakeClock
from tui1on1.settings import load_settings
from tui1on1.storage.errors import DatabaseUnavailable
from tui1on1.storage.journal import Journal
from tui1on1.storage.store import Store
from tui1on1.storage.writer import RETRY_DELAYS, Writer
from tui1on1.ui.app import MeetRequest, OneOnOneApp
from tui1on1.ui.widgets.notes import NoteInput, SaveState

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
BUSY_MS = 200
WAIT = 10.0  # upper bound for thread hand-offs; never asserted on


@pytest.fixture
def lock_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", BUSY_MS)
    return tmp_path / "data" / "app.db"


class LockHolder:
    """Another connection holding BEGIN IMMEDIATE on the file."""

    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)

    def hold(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.release()
        self.conn.close()


class Seen:
    """Callbacks, statuses and retry sleeps, collected thread-safely."""

    def __init__(self) -> None:
        self.done: list = []
        self.failed: list[Exception] = []
        self.statuses: list[str | None] = []
        self.sleeps: list[float] = []
        self.retrying = threading.Event()
        self.saved = threading.Event()
        self.lock = threading.Lock()

    def on_status(self, message: str | None) -> None:
        with self.lock:
            self.statuses.append(message)

    def sleep(self, delay: float) -> None:
        with self.lock:
            self.sleeps.append(delay)
        self.retrying.set()
        time.sleep(0.01)  # real but short: the lock, not the delay, is the point

    def on_done(self, result) -> None:
        with self.lock:
            self.done.append(result)
        self.saved.set()

    def on_failed(self, exc: Exception) -> None:
        with self.lock:
            self.failed.append(exc)


def test_a_save_behind_a_long_lock_retries_visibly_then_lands_once(lock_db):
    store = Store.open(f"sqlite:///{lock_db}")
    person = store.add_person("Ada Lovelace")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    journal = Journal(lock_db.with_name(lock_db.name + ".journal"))
    seen = Seen()
    writer = Writer(store, journal, on_status=seen.on_status, sleep=seen.sleep)
    writer.start()
    holder = LockHolder(lock_db)
    try:
        holder.hold()
        note = NewNote(
            uid="held-1", meeting_id=meeting.id, kind=NoteKind.NOTE,
            text="said while another writer held the lock", created_at=T0,
        )  # fmt: skip
        writer.save_note(note, done=seen.on_done, failed=seen.on_failed)
        assert seen.retrying.wait(WAIT)
        # Let it retry a few more times against the held lock.
        deadline = time.monotonic() + WAIT
        while len(seen.sleeps) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)

        with seen.lock:
            assert len(seen.sleeps) >= 3
            assert seen.sleeps == list(RETRY_DELAYS[: len(seen.sleeps)])
            assert len(seen.failed) == 1  # told once, not on every retry
            assert isinstance(seen.failed[0], DatabaseUnavailable)
            assert seen.statuses and "busy" in (seen.statuses[0] or "")
            assert "locked" not in (seen.statuses[0] or "")
            assert not seen.done
        assert writer.problem is not None and "busy" in writer.problem
        entries = journal.read().pending()
        assert [e["uid"] for e in entries] == ["held-1"]  # safe before it lands

        holder.release()
        assert seen.saved.wait(WAIT)
        assert writer.flush(WAIT)
        with seen.lock:
            assert len(seen.done) == 1
            assert seen.done[0][0].uid == "held-1"
            assert len(seen.failed) == 1
            assert seen.statuses[-1] is None
            assert [s for s in seen.statuses if s is not None] == [seen.statuses[0]]
        assert writer.problem is None
        assert journal.read().pending() == []  # done; the next checkpoint lets it go
        assert [n.uid for n in store.list_notes(meeting.id)] == ["held-1"]
    finally:
        holder.close()
        writer.stop()
        store.close()


def test_later_notes_wait_behind_the_held_one_and_keep_their_order(lock_db):
    store = Store.open(f"sqlite:///{lock_db}")
    person = store.add_person("Ada Lovelace")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    journal = Journal(lock_db.with_name(lock_db.name + ".journal"))
    seen = Seen()
    writer = Writer(store, journal, on_status=seen.on_status, sleep=seen.sleep)
    writer.start()
    holder = LockHolder(lock_db)
    try:
        holder.hold()
        uids = [f"q{i}" for i in range(5)]
        for i, uid in enumerate(uids):
            writer.save_note(
                NewNote(uid=uid, meeting_id=meeting.id, kind=NoteKind.NOTE,
                        text=f"queued {i}", created_at=T0),
                done=seen.on_done, failed=seen.on_failed,
            )  # fmt: skip
        deadline = time.monotonic() + WAIT
        while len(journal.read().pending()) < 5:
            assert time.monotonic() < deadline, "the waiting notes were never journaled"
            time.sleep(0.01)
        holder.release()
        assert writer.flush(WAIT)
        assert [r[0].uid for r in seen.done] == uids
        assert [n.uid for n in store.list_notes(meeting.id)] == uids
        assert journal.read().pending() == []
        assert writer.problem is None
    finally:
        holder.close()
        writer.stop()
        store.close()


# --- the same through the meeting screen ------------------------------------------


def _state(app) -> SaveState | None:
    """The save state of the one note typed in this meeting (None before it shows)."""
    notes = getattr(app.screen, "notes", None)
    rows = [r for r in notes.rows() if not r.carried] if notes else []
    assert len(rows) <= 1
    return rows[0].state if rows else None


async def test_the_meeting_screen_shows_not_saved_yet_and_the_banner_until_the_lock_frees(
    lock_db, monkeypatch
):
    from tui1on1.ui.screens.meeting import MeetingScreen

    monkeypatch.setattr(writer_module, "RETRY_DELAYS", (0.05,))
    settings = load_settings(db_arg=f"sqlite:///{lock_db}")
    app = OneOnOneApp(
        settings,
        meet=MeetRequest("Ada Lovelace", new=True),
        store=Store.open(settings.database_url),
        clock=FakeClock(T0),
    )
    holder = None
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.model is not None
        )
        screen = app.screen
        writer = app.services.writer
        assert writer.flush(WAIT)
        banner = screen.query_one("#storage-banner", Static)
        assert not banner.display

        holder = LockHolder(lock_db)
        holder.hold()
        try:
            screen.query_one(NoteInput).value = "typed while the database was locked"
            await pilot.press("enter")
            await wait_for(pilot, lambda: _state(app) is SaveState.UNSAVED)
            await wait_for(pilot, lambda: banner.display)
            shown = str(banner.render())
            assert "busy" in shown and "kept safe" in shown
            assert "locked" not in shown
            rendered = [str(o.prompt) for o in screen.query_one("#notes").options]
            assert any("not saved yet" in line for line in rendered)
        finally:
            holder.release()

        await wait_for(pilot, lambda: _state(app) is SaveState.SAVED)
        await wait_for(pilot, lambda: not banner.display)
        rendered = [str(o.prompt) for o in screen.query_one("#notes").options]
        assert not any("not saved yet" in line or "saving" in line for line in rendered)
        meeting_id = screen.model.meeting.id
        saved = app.services.store.list_notes(meeting_id)
        assert [n.text for n in saved] == ["typed while the database was locked"]
        assert writer.journal.read().pending() == []
    holder.close()
