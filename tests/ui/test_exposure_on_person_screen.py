"""Exposure on the person screen: the newest few with how long since the
last; l logs one (its first word the kind, the day as typed), a mistake said
in the dialog and nothing kept; Enter on one typed in a 1:1 opens it there."""

from __future__ import annotations

import pytest
from pilot_helpers import wait_for
from screen_text import screen_text
from team_history import make_team
from textual.widgets import Input

from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.exposure import ExposureScreen
from tui1on1.ui.dialogs.exposure_delete import ExposureDeleteScreen
from tui1on1.ui.screens.history import MeetingHistoryScreen
from tui1on1.ui.screens.person import PersonScreen


@pytest.fixture
def team(db_path, clock):
    return make_team(db_path, clock.now())


def _flat(app) -> str:
    return " ".join(screen_text(app).replace("▌", " ").split())


async def _person(pilot, person_id):
    app = pilot.app
    await wait_for(pilot, lambda: app.services is not None)
    app.open_person(person_id)
    await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
    await pilot.pause(0.1)


async def test_the_log_shows_on_the_person_screen_and_o_adds_one(make_app, team, db_path):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 40)) as pilot:
        await _person(pilot, team.bo)
        said = _flat(app)
        assert (
            "Exposure given (the last one 4 days ago · l logs one) "
            "Mon 16 Nov introduction: met Sam from platform "
            "Fri 13 Nov customer meeting: ran the Acme design review"
        ) in said
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, ExposureScreen))
        await pilot.press(*"presented the tokens RFC at design crit")
        await pilot.press("tab", *"someday", "enter")
        await pilot.pause(0.1)
        assert isinstance(app.screen, ExposureScreen)  # kept open, and says why
        assert "'someday' isn't a day this reads" in _flat(app)
        app.screen.query_one("#exposure-day", Input).value = "yesterday"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen))
        await wait_for(pilot, lambda: "Thu 19 Nov presentation: the tokens RFC" in _flat(app))
        assert "(the last one yesterday · l logs one)" in _flat(app)
    store = Store.open(f"sqlite:///{db_path}")
    try:
        newest = store.exposures(team.bo)[0]
        assert (newest.kind.value, newest.text, newest.on.isoformat()) == (
            "presented",
            "the tokens RFC at design crit",
            "2026-11-19",
        )
    finally:
        store.close()


async def test_none_yet_says_how_and_enter_opens_the_meeting_it_was_typed_in(make_app, team):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 40)) as pilot:
        await _person(pilot, team.cy)
        assert (
            "Exposure given (l logs one) None logged yet: l logs one, or type "
            "'* customer …' in a 1:1."
        ) in _flat(app)
        await pilot.press("escape")
        await _person(pilot, team.bo)
        view = app.screen.query_one("#person-exposure")
        view.focus()
        view.highlighted = 1  # the one typed in the 1:1
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingHistoryScreen))


async def test_enter_on_a_logged_one_shows_it_and_d_takes_it_out(make_app, team, db_path):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 40)) as pilot:
        await _person(pilot, team.bo)
        view = app.screen.query_one("#person-exposure")
        view.focus()
        view.highlighted = 0  # the introduction, logged between meetings
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExposureDeleteScreen))
        assert "Mon 16 Nov, introduction: met Sam from platform" in _flat(app)
        assert "d takes it out of their log · Esc keeps it" in _flat(app)
        await pilot.press("escape")  # kept
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen))
        assert "Mon 16 Nov introduction: met Sam from platform" in _flat(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExposureDeleteScreen))
        await pilot.press("d")
        await wait_for(pilot, lambda: "met Sam from platform" not in _flat(app))
        assert "Fri 13 Nov customer meeting: ran the Acme design review" in _flat(app)
    store = Store.open(f"sqlite:///{db_path}")
    try:
        assert [e.text for e in store.exposures(team.bo)] == ["ran the Acme design review"]
    finally:
        store.close()
