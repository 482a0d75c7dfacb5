"""`meet NAME` on a 1:1 left running two days: it asks first, as home's `l`
does. End it: it is recorded at its planned end, every note kept, and
today's 1:1 starts fresh; resume: the old one goes on, its notes there."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pilot_helpers import settle, wait_for
from screen_text import screen_text

from tui1on1.domain.kinds import MeetingStatus, NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.old_live import OldLiveScreen
from tui1on1.ui.screens.meeting import MeetingScreen


@pytest.fixture
def left_running(db_path, clock):
    """Ada's 1:1 started two days ago and never ended, with one note."""
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.add_person("Ada Lovelace")
    start = clock.now() - timedelta(days=2)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=start)
    note = NewNote(uid="old", meeting_id=meeting.id, kind=NoteKind.NOTE,
                   text="from two days ago", created_at=start + timedelta(minutes=5))  # fmt: skip
    store.add_note(note)
    store.close()
    return meeting


def _flat(app) -> str:
    return " ".join(screen_text(app).replace("▌", " ").split())


async def test_ending_it_records_its_planned_end_and_starts_today(make_app, left_running, db_path):
    app = make_app(meet="Ada Lovelace")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "has been live since" in _flat(app))
        assert isinstance(app.screen, OldLiveScreen)
        assert "The 1:1 with Ada Lovelace has been live since Wed 18 Nov, 2 days ago." in _flat(app)
        await pilot.press("e")
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, MeetingScreen)
                and app.screen.model is not None
                and app.screen.model.meeting.id != left_running.id
            ),
        )
        said = "Ended the 1:1 left running 2 days (recorded as 30 of 30 min); this is today's."
        await wait_for(pilot, lambda: said in [str(n.message) for n in app._notifications])
        await pilot.press(*"today's note", "enter")
        await settle(pilot)
        today = app.screen.model.meeting.id
    store = Store.open(f"sqlite:///{db_path}")
    try:
        old = store.get_meeting(left_running.id)
        assert old.status is MeetingStatus.ENDED
        assert old.ended_at == left_running.started_at + timedelta(minutes=30)
        assert [n.text for n in store.list_notes(left_running.id)] == ["from two days ago"]
        assert [n.text for n in store.list_notes(today)] == ["today's note"]
    finally:
        store.close()


async def test_resuming_it_carries_on_in_it(make_app, left_running):
    app = make_app(meet="Ada Lovelace")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, OldLiveScreen))
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert app.screen.model.meeting.id == left_running.id
        assert "from two days ago" in _flat(app)
