"""A meeting app on a fresh SQLite database with a fake clock, for Pilot tests."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from tui1on1.domain.timesource import FakeClock
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
