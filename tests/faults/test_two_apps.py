"""Two app instances on one database, typing notes at the same time.

Both run in one event loop (``run_test`` twice under ``asyncio.gather``) with
their own Store, Writer and connections on the same SQLite file, so their
write transactions interleave. Whether they share a live meeting or write to
different ones, every note lands once, every row ends "saved", and neither
user ever sees "locked" or a lingering "busy".
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

from pilot_wait import wait_for
from tui1on1.domain.timesource import FakeClock
from tui1on1.settings import load_settings
from tui1on1.storage.store import Store
from tui1on1.ui.app import MeetRequest, OneOnOneApp
from tui1on1.ui.widgets.notes import NoteInput, NotesList, SaveState

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOTES_EACH = 15
WAIT = 10.0


@pytest.fixture
def shared_db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "app.db"


@pytest.fixture
def new_app(shared_db: Path):
    """new_app(name) → an app meeting ``name`` on the shared file, with its
    notifications recorded in ``app.seen_notes``."""
    clock = FakeClock(T0)

    def make(name: str) -> OneOnOneApp:
        settings = load_settings(db_arg=f"sqlite:///{shared_db}")
        store = Store.open(settings.database_url)
        if store.find_person(name) is None:  # on file before either app starts
            store.add_person(name)
        app = OneOnOneApp(settings, meet=MeetRequest(name), store=store, clock=clock)
        app.seen_notes = []
        original = app.notify

        def notify(message, *args, **kwargs):
            app.seen_notes.append(str(message))
            return original(message, *args, **kwargs)

        app.notify = notify
        return app

    return make


async def _type_notes(
    app: OneOnOneApp, tag: str, started: asyncio.Barrier, flushed: asyncio.Barrier
) -> dict:
    """Open the meeting, wait for the other app, type the notes; what was seen.

    The two apps share one recovery journal (it belongs to the database), so
    what is left in it is read only once both writers have flushed: read
    earlier, the other app's unflushed entries would be counted as lost."""
    from tui1on1.ui.screens.meeting import MeetingScreen

    banners: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.model is not None
        )
        screen = app.screen
        banner = screen.query_one("#storage-banner", Static)
        await started.wait()
        texts = [f"{tag} note {i} #fault" for i in range(NOTES_EACH)]
        for text in texts:
            screen.query_one(NoteInput).value = text
            await pilot.press("enter")
            if banner.display:
                banners.append(str(banner.render()))
        assert await asyncio.to_thread(app.services.writer.flush, WAIT)
        await flushed.wait()
        await wait_for(
            pilot,
            lambda: (
                len(screen.notes.rows()) == NOTES_EACH
                and all(r.state is SaveState.SAVED for r in screen.notes.rows())
            ),
        )
        rendered = [str(o.prompt) for o in screen.query_one(NotesList).options]
        return {
            "meeting_id": screen.model.meeting.id,
            "texts": texts,
            "rows": [r.text for r in screen.notes.rows()],
            "rendered": rendered,
            "banner_at_end": banner.display,
            "banners": banners,
            "notified": list(app.seen_notes),
            "problem": app.services.writer.problem,
            "journal_left": app.services.writer.journal.read().pending(),
        }


async def _run_both(new_app, first: str, second: str) -> tuple[dict, dict]:
    started, flushed = asyncio.Barrier(2), asyncio.Barrier(2)
    return tuple(
        await asyncio.gather(
            _type_notes(new_app(first), "A", started, flushed),
            _type_notes(new_app(second), "B", started, flushed),
        )
    )


def _check_nothing_reached_the_user(seen: dict) -> None:
    for message in seen["notified"] + seen["banners"]:
        assert "locked" not in message.lower(), message
    for message in seen["notified"]:
        assert "busy" not in message.lower(), message
    assert not seen["banner_at_end"]
    assert seen["problem"] is None
    assert not seen["journal_left"]
    assert seen["rows"] == seen["texts"]
    assert not any("not saved" in line or "saving" in line for line in seen["rendered"])


def _notes_in(db: Path, meeting_id: int) -> list[str]:
    store = Store.open(f"sqlite:///{db}", upgrade=False)
    try:
        return [n.text for n in store.list_notes(meeting_id)]
    finally:
        store.close()


async def test_two_apps_in_the_same_live_meeting_both_land_every_note(new_app, shared_db):
    a, b = await _run_both(new_app, "Ada Lovelace", "Ada Lovelace")

    assert a["meeting_id"] == b["meeting_id"], "two live meetings for one person"
    for seen in (a, b):
        _check_nothing_reached_the_user(seen)
    saved = _notes_in(shared_db, a["meeting_id"])
    assert sorted(saved) == sorted(a["texts"] + b["texts"])
    # They really wrote at the same time: the two streams interleave.
    switches = sum(1 for x, y in itertools.pairwise(saved) if x[0] != y[0])
    assert switches >= NOTES_EACH // 2, [t[0] for t in saved]
    # Each app's own notes keep the order they were typed in.
    assert [t for t in saved if t.startswith("A ")] == a["texts"]
    assert [t for t in saved if t.startswith("B ")] == b["texts"]


async def test_two_apps_in_different_meetings_both_land_every_note(new_app, shared_db):
    a, b = await _run_both(new_app, "Ada Lovelace", "Bob Ross")

    assert a["meeting_id"] != b["meeting_id"]
    for seen in (a, b):
        _check_nothing_reached_the_user(seen)
    assert _notes_in(shared_db, a["meeting_id"]) == a["texts"]
    assert _notes_in(shared_db, b["meeting_id"]) == b["texts"]
