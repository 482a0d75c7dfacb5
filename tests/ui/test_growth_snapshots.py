"""Snapshots of the growth plan: on the person screen and in its dialog, at
80x24 and 60x18 (see test_snapshots.py: a fake clock on Fri 20 Nov 2026,
UTC, no cursor blink). Priya's plan was shaped over six weeks: a goal for
what she said she wants, three options (one agreed, one set aside), a step
agreed in a 1:1 and now overdue, and a status that slipped."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from pilot_helpers import wait_for

from tui1on1.domain.growth import read_plan_line
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.growth_plan import GrowthPlanScreen
from tui1on1.ui.screens.person import PersonScreen


def make_plan(db_path, now: datetime) -> int:
    store = Store.open(f"sqlite:///{db_path}")
    try:
        priya = store.add_person("Priya Raman", role="Engineer", now=now - timedelta(weeks=30))
        start = now - timedelta(weeks=6)
        meeting, _ = store.start_meeting(priya.id, playbook="weekly", planned_minutes=30, now=start)
        notes = [
            (NoteKind.NOTE, "wants to lead the payments team", "aspiration", None, None),
            (NoteKind.ACTION, "draft the migration RFC", "plan", Owner.THEM, date(2026, 11, 13)),
        ]
        for minute, (kind, text, career, owner, due) in enumerate(notes, start=3):
            store.add_note(NewNote(uid=f"p{minute}", meeting_id=meeting.id, kind=kind,
                                   text=text, created_at=start + timedelta(minutes=minute),
                                   career=career, action_owner=owner, action_due=due))  # fmt: skip
        store.end_meeting(meeting.id, start + timedelta(minutes=30))
        lines = [
            (0, "goal Tech lead for payments within a year"),
            (0, "option run the Q1 migration"),
            (0, "option mentor the new hire"),
            (0, "option write the on-call RFC"),
            (7, "pick 1"),
            (7, "drop 2"),
            (30, "slipping: on call all month"),
        ]
        for days, line in lines:
            at = start + timedelta(days=days, minutes=20)
            store.change_plan(priya.id, read_plan_line(line), at=at,
                              aspiration="wants to lead the payments team")  # fmt: skip
        return priya.id
    finally:
        store.close()


@pytest.fixture
def priya(db_path, clock) -> int:
    return make_plan(db_path, clock.now())


def _person(person_id: int):
    async def ready(pilot) -> None:
        app = pilot.app
        await wait_for(pilot, lambda: app.services is not None)
        app.open_person(person_id)
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        await pilot.pause(0.1)

    return ready


def _dialog(person_id: int):
    async def ready(pilot) -> None:
        await _person(person_id)(pilot)
        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, GrowthPlanScreen))
        await pilot.pause(0.1)

    return ready


@pytest.mark.parametrize("size", [(80, 24), (60, 18)], ids=["80x24", "60x18"])
def test_the_plan_on_the_person_screen(snap_compare, make_app, priya, size):
    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=_person(priya))


@pytest.mark.parametrize("size", [(80, 24), (60, 18)], ids=["80x24", "60x18"])
def test_the_plan_dialog(snap_compare, make_app, priya, size):
    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=_dialog(priya))
