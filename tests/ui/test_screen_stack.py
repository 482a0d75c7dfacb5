"""The first screen is the bottom of the stack, composed with the app (no
blank screen under it, no frame thrown away), and going home or into a
meeting replaces every screen open: nothing left running underneath."""

from __future__ import annotations

from pilot_helpers import meeting_ready, settle, wait_for
from screen_text import screen_text

from tui1on1.ui.dialogs.end import EndScreen
from tui1on1.ui.dialogs.summary import SummaryScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.meeting import MeetingScreen
from tui1on1.ui.screens.person import PersonScreen

SIZE = (100, 30)


async def end_and_go_home(pilot) -> None:
    """Ctrl+O, Enter to end, Enter past the summary: home with its rows."""
    app = pilot.app
    await pilot.press("ctrl+o")
    await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)


def kinds(app) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


async def test_home_first_then_a_meeting_from_her_page_then_home_again(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
        assert kinds(app) == ["HomeScreen"]
        await pilot.press("enter")  # Ada's page
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen))
        assert kinds(app) == ["HomeScreen", "PersonScreen"]
        home, page = app.screen_stack

        await pilot.press("m")  # a 1:1 with her, from her page
        meeting = await meeting_ready(pilot)
        assert kinds(app) == ["MeetingScreen"]
        await settle(pilot)
        assert not home.is_attached and not page.is_attached

        await end_and_go_home(pilot)
        assert kinds(app) == ["HomeScreen"]
        await settle(pilot)
        assert not meeting.is_attached  # its clock and timers went with it
        assert "Ada Lovelace" in screen_text(app)


async def test_meet_first_then_home_after_it_ends(make_app, history):
    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        meeting = await meeting_ready(pilot)
        assert kinds(app) == ["MeetingScreen"]
        await pilot.press(*"one thing", "enter")
        await settle(pilot)
        await end_and_go_home(pilot)
        assert kinds(app) == ["HomeScreen"]
        await settle(pilot)
        assert not meeting.is_attached
        assert not any(isinstance(s, MeetingScreen) for s in app.screen_stack)
