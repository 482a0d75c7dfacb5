"""A read-only database and a full disk, met while typing in a meeting.

The real SQLite refuses the writes: a pool ``checkout`` hook on the app's own
engine sets ``PRAGMA query_only`` (read-only) or caps ``PRAGMA max_page_count``
at the current size (full disk: no new page can be added) while the fault is
on, and undoes it when the fault is cleared. The notes typed meanwhile must be
in the 0600 recovery journal next to the database while the calm banner says
what is wrong; once the fault clears they land in the database once each, in
the order typed, the banner goes and the journal marks them done. Quitting while the
fault lasts prints nothing and the next start replays the journal. The
writer's retry delay is shortened so the test doesn't wait out the real
back-off.
"""

from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event
from textual.widgets import Static

import tui1on1.storage.writer as writer_module
from pilot_wait import wait_for
from tui1on1.domain.timesource import FakeClock
from tui1on1.keys import DatabaseKey, new_salt
from tui1on1.settings import load_settings
from tui1on1.storage import cipher
from tui1on1.storage.journal import Journal
from tui1on1.storage.sealing import Sealer
from tui1on1.storage.store import Store
from tui1on1.ui.app import MeetRequest, OneOnOneApp
from tui1on1.ui.widgets.notes import NoteInput, SaveState

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WAIT = 10.0  # upper bound for thread hand-offs; never asserted on
# SQLite's own ceiling, to put back when the disk has room again.
MAX_PAGES = sqlite3.connect(":memory:").execute("PRAGMA max_page_count").fetchone()[0]


class Fault:
    """A switch on the store's engine: while on, every connection handed out
    refuses writes the way a read-only file or a full disk does."""

    def __init__(self, store: Store, kind: str) -> None:
        self.kind = kind
        self.on = threading.Event()
        event.listen(store.engine, "checkout", self._checkout)

    def _checkout(self, dbapi_connection, _record, _proxy) -> None:
        if self.kind == "read-only":
            dbapi_connection.execute(f"PRAGMA query_only = {int(self.on.is_set())}")
        elif self.on.is_set():  # full disk: not one page more than there is now
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")
        else:
            dbapi_connection.execute(f"PRAGMA max_page_count = {MAX_PAGES}")


def _journaled_notes(journal: Path, sealer: Sealer | None = None) -> list[str]:
    """The notes the journal holds that the database hasn't confirmed."""
    read = Journal(journal, sealer).read()
    return [e["text"] for e in read.pending() if e.get("type") == "note"]


def _typed(i: int) -> str:
    # Long enough to need pages of its own (an overflow chain), so even the
    # first note can't squeeze into free room on a page the file already has.
    return f"note {i} typed while the database refused writes;" + " more words" * 500


@pytest.mark.parametrize(
    ("kind", "explained"),
    [("read-only", "is read-only"), ("full disk", "the disk is full")],
)
@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_notes_typed_while_the_database_refuses_writes_are_journaled_then_land_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, explained: str, encrypted: bool
):
    from tui1on1.ui.screens.meeting import MeetingScreen

    monkeypatch.setattr(writer_module, "RETRY_DELAYS", (0.05,))
    db = tmp_path / "data" / "app.db"
    journal = db.with_name(db.name + ".journal")
    sealer = None
    if encrypted:  # the journal's lines are sealed: no typed word on disk
        key = DatabaseKey(bytes(range(32)), new_salt())
        cipher.remember(db, key)
        sealer = Sealer(key)
    settings = load_settings(db_arg=f"sqlite:///{db}")
    store = Store.open(settings.database_url)
    fault = Fault(store, kind)
    app = OneOnOneApp(
        settings, meet=MeetRequest("Ada Lovelace", new=True), store=store, clock=FakeClock(T0)
    )
    app.reraise_crashes = True
    typed = [_typed(i) for i in range(4)]
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.model is not None
        )
        screen = app.screen
        writer = app.services.writer
        assert writer.flush(WAIT)
        banner = screen.query_one("#storage-banner", Static)
        note_input = screen.query_one(NoteInput)
        assert not banner.display

        fault.on.set()
        for text in typed:
            note_input.value = text
            await pilot.press("enter")
        await wait_for(pilot, lambda: banner.display)
        await wait_for(pilot, lambda: _journaled_notes(journal, sealer) == typed)
        if encrypted:
            on_disk = b"".join(p.read_bytes() for p in db.parent.rglob("*") if p.is_file())
            assert not [text for text in typed if text.encode() in on_disk]
        shown = str(banner.render())
        assert explained in shown and "kept safe" in shown, shown
        for word in ("Traceback", "Error", "sqlite3", "attempt to write", "PRAGMA", "more words"):
            assert word not in shown, shown
        assert stat.S_IMODE(journal.stat().st_mode) == 0o600
        assert writer.journal.path == journal  # next to the database
        assert store.list_notes(screen.model.meeting.id) == []  # nothing got in meanwhile
        assert note_input.value == ""  # the input took every line and is free

        fault.on.clear()
        await wait_for(pilot, lambda: not banner.display)
        assert writer.flush(WAIT)
        await wait_for(
            pilot,
            lambda: all(r.state is SaveState.SAVED for r in screen.notes.rows() if not r.carried),
        )
        saved = store.list_notes(screen.model.meeting.id)
        assert [n.text for n in saved] == typed  # each once, in the order typed
        assert _journaled_notes(journal, sealer) == []  # done; the next checkpoint lets them go
        assert writer.problem is None
    conn = cipher.connect(db, cipher.key_for(db))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM note").fetchone() == (len(typed),)
    finally:
        conn.close()


async def test_quitting_while_the_database_refuses_writes_is_quiet_and_the_next_start_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    """The app quits with the notes still unsaved: nothing is printed or logged
    as an error on the way out, and the next start replays the journal."""
    import asyncio
    import logging

    from tui1on1.ui.screens.meeting import MeetingScreen

    monkeypatch.setattr(writer_module, "RETRY_DELAYS", (0.05,))
    db = tmp_path / "data" / "app.db"
    journal = db.with_name(db.name + ".journal")
    settings = load_settings(db_arg=f"sqlite:///{db}")
    typed = [_typed(i) for i in range(3)]

    def new_app(store: Store) -> OneOnOneApp:
        app = OneOnOneApp(
            settings, meet=MeetRequest("Ada Lovelace"), store=store, clock=FakeClock(T0)
        )
        app.reraise_crashes = True
        return app

    def meeting_open(app: OneOnOneApp):
        return lambda: isinstance(app.screen, MeetingScreen) and app.screen.model is not None

    store = Store.open(settings.database_url)
    store.add_person("Ada Lovelace")
    fault = Fault(store, "read-only")
    first = new_app(store)
    caplog.set_level(logging.WARNING)
    async with first.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, meeting_open(first))
        assert first.services.writer.flush(WAIT)
        fault.on.set()
        note_input = first.screen.query_one(NoteInput)
        for text in typed:
            note_input.value = text
            await pilot.press("enter")
        await wait_for(pilot, lambda: _journaled_notes(journal) == typed)
    await asyncio.sleep(0.2)  # the writer's last callbacks reach the loop after the exit
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert _journaled_notes(journal) == typed  # still read-only when it quit: kept here

    second = new_app(Store.open(settings.database_url))  # writable again
    async with second.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, meeting_open(second))
        assert second.services.writer.flush(WAIT)
        saved = second.services.store.list_notes(second.screen.model.meeting.id)
        assert [n.text for n in saved] == typed
        assert _journaled_notes(journal) == []
