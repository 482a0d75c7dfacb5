"""A meeting app on a fresh SQLite database with a fake clock, for Pilot tests."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import pytest

from tui1on1.domain.clock import FakeClock
from tui1on1.settings import load_settings
from tui1on1.storage.store import Store
from tui1on1.ui.app import MeetRequest, OneOnOneApp

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch):
    """'ends 09:30' and due dates are shown in local time: pin it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "app.db"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def make_app(db_path, clock):
    """make_app(meet="Ada") → an app on the shared database and fake clock."""

    def make(meet: str | None = "Ada Lovelace", **request) -> OneOnOneApp:
        settings = load_settings(db_arg=f"sqlite:///{db_path}")
        store = Store.open(settings.database_url)
        return OneOnOneApp(
            settings,
            meet=MeetRequest(meet, **request) if meet else None,
            store=store,
            clock=clock,
        )

    return make


async def wait_for(pilot, condition, timeout: float = 5.0) -> None:
    """Let the app run until ``condition()`` is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app didn't get there in time")
        await pilot.pause(0.02)


async def meeting_ready(pilot):
    """Wait for the meeting screen to load; returns it."""
    from tui1on1.ui.screens.meeting import MeetingScreen

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.model)
    return app.screen


async def settle(pilot) -> None:
    """Wait until every write so far is committed and its callback has run."""
    writer = pilot.app.services.writer
    assert await asyncio.to_thread(writer.flush, 5.0)
    await pilot.pause(0.05)


async def type_line(pilot, text: str) -> None:
    """Put ``text`` in the notes input and press a real Enter.

    Pilot takes ~0.1 s per key, so whole lines are set at once; tests of
    keystroke behaviour (bursts, editing) press real keys instead.
    """
    from tui1on1.ui.widgets.notes import NoteInput

    note_input = pilot.app.screen.query_one(NoteInput)
    note_input.value = text
    await pilot.press("enter")
