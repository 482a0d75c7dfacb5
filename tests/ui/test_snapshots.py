"""Snapshots of the meeting screen (pytest-textual-snapshot).

Deterministic: a fake clock, UTC local time, no cursor blink, and every write
settled before the picture is taken. Update with `pytest --snapshot-update`
after a deliberate change, and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, settle, type_line


async def _mid_meeting(pilot) -> None:
    """Fifteen minutes in, a question asked and answered, the cue running."""
    screen = await meeting_ready(pilot)
    clock = pilot.app.clock
    clock.advance(4 * 60 + 30)
    await type_line(pilot, "shipped the importer; wants more ownership #growth")
    await type_line(pilot, "! send me the RFC draft @fri")
    clock.advance(10 * 60 + 30)  # into Career (Their topics, then Follow-ups: nothing carried)
    await pilot.press("ctrl+g")
    clock.advance(30)
    await type_line(pilot, "> I light up when I'm unblocking others")
    await type_line(pilot, "!me intro to Sam from platform @+3d")
    await pilot.press("ctrl+y")
    clock.advance(3)
    screen.refresh_now()
    await settle(pilot)
    screen.refresh_now()


@pytest.mark.parametrize("size", [(80, 24), (60, 18)], ids=["80x24", "60x18"])
def test_meeting_screen(snap_compare, make_app, size):
    assert snap_compare(make_app(playbook="weekly"), terminal_size=size, run_before=_mid_meeting)


def test_meeting_screen_in_wrap_up(snap_compare, make_app):
    async def wrap_up(pilot) -> None:
        screen = await meeting_ready(pilot)
        pilot.app.clock.advance(26 * 60)
        screen.refresh_now()
        await settle(pilot)

    assert snap_compare(make_app(playbook="weekly"), terminal_size=(80, 24), run_before=wrap_up)


async def _home_ready(pilot) -> None:
    from pilot_helpers import wait_for
    from textual.widgets import DataTable, Static

    from tui1on1.ui.screens.home import HomeScreen

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
    await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 2)
    # Home's last read, the promises line, comes after its rows: under load a
    # snapshot taken at the rows could be without it.
    promises = app.screen.query_one("#home-promises", Static)
    await wait_for(pilot, lambda: "My promises kept on time" in str(promises.render()))


def test_home_screen(snap_compare, make_app, history):
    assert snap_compare(make_app(meet=None), terminal_size=(80, 24), run_before=_home_ready)


def test_person_screen(snap_compare, make_app, history):
    async def person(pilot) -> None:
        from pilot_helpers import wait_for

        from tui1on1.ui.screens.person import PersonScreen

        await _home_ready(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PersonScreen))
        await wait_for(pilot, lambda: pilot.app.screen.prep is not None)
        await wait_for(pilot, lambda: pilot.app.focused is not None)
        await pilot.pause()

    assert snap_compare(make_app(meet=None), terminal_size=(80, 24), run_before=person)


def test_meeting_history_screen(snap_compare, make_app, history):
    async def history_screen(pilot) -> None:
        from pilot_helpers import wait_for

        from tui1on1.ui.screens.history import MeetingHistoryScreen

        await _home_ready(pilot)
        meeting = pilot.app.services.store.meetings_for(1, limit=1)[0]
        await pilot.app.push_screen(MeetingHistoryScreen(meeting.id))
        await wait_for(pilot, lambda: pilot.app.screen.record is not None)

    assert snap_compare(make_app(meet=None), terminal_size=(80, 24), run_before=history_screen)


def test_search_screen(snap_compare, make_app, history):
    async def search(pilot) -> None:
        from pilot_helpers import wait_for
        from textual.widgets import Input, OptionList

        await _home_ready(pilot)
        await pilot.press("slash")
        screen = pilot.app.screen
        screen.query_one(Input).value = "lead"
        await wait_for(pilot, lambda: screen.query_one(OptionList).option_count == 1)

    assert snap_compare(make_app(meet=None), terminal_size=(80, 24), run_before=search)


# --- terminal fit: every screen small, no colour, every shipped theme ----------

SMALL = [(60, 18), (40, 12)]
SMALL_IDS = ["60x18", "40x12"]


@pytest.mark.parametrize("size", [(40, 12)], ids=["40x12"])
def test_meeting_screen_minimal(snap_compare, make_app, size):
    assert snap_compare(make_app(playbook="weekly"), terminal_size=size, run_before=_mid_meeting)


@pytest.mark.parametrize("size", SMALL, ids=SMALL_IDS)
def test_home_screen_small(snap_compare, make_app, history, size):
    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=_home_ready)


@pytest.mark.parametrize("size", SMALL, ids=SMALL_IDS)
def test_person_screen_small(snap_compare, make_app, history, size):
    async def person(pilot) -> None:
        from pilot_helpers import wait_for

        from tui1on1.ui.screens.person import PersonScreen

        await _home_ready(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PersonScreen))
        await wait_for(pilot, lambda: pilot.app.screen.prep is not None)
        await wait_for(pilot, lambda: pilot.app.focused is not None)
        await pilot.pause()

    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=person)


@pytest.mark.parametrize("size", SMALL, ids=SMALL_IDS)
def test_meeting_history_screen_small(snap_compare, make_app, history, size):
    async def history_screen(pilot) -> None:
        from pilot_helpers import wait_for

        from tui1on1.ui.screens.history import MeetingHistoryScreen

        await _home_ready(pilot)
        meeting = pilot.app.services.store.meetings_for(1, limit=1)[0]
        await pilot.app.push_screen(MeetingHistoryScreen(meeting.id))
        await wait_for(pilot, lambda: pilot.app.screen.record is not None)

    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=history_screen)


@pytest.mark.parametrize("size", SMALL, ids=SMALL_IDS)
def test_search_screen_small(snap_compare, make_app, history, size):
    async def search(pilot) -> None:
        from pilot_helpers import wait_for
        from textual.widgets import Input, OptionList

        await _home_ready(pilot)
        await pilot.press("slash")
        screen = pilot.app.screen
        screen.query_one(Input).value = "lead"
        await wait_for(pilot, lambda: screen.query_one(OptionList).option_count == 1)

    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=search)


def test_meeting_screen_no_color(snap_compare, make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(
        make_app(playbook="weekly"), terminal_size=(80, 24), run_before=_mid_meeting
    )


SHIPPED_THEMES = ["tui1on1-dark", "tui1on1-paper", "tui1on1-high-contrast", "tui1on1-colour-blind"]


@pytest.mark.parametrize("theme", SHIPPED_THEMES)
@pytest.mark.parametrize("state_minutes", [16, 26, 31], ids=["on-track", "wrap-up", "overtime"])
def test_meeting_screen_in_each_theme(snap_compare, make_app, theme, state_minutes):
    async def themed(pilot) -> None:
        pilot.app.theme = theme
        screen = await meeting_ready(pilot)
        pilot.app.clock.advance(state_minutes * 60)
        await pilot.press("ctrl+g")
        pilot.app.clock.advance(3)
        screen.refresh_now()
        await settle(pilot)
        screen.refresh_now()

    assert snap_compare(make_app(playbook="weekly"), terminal_size=(80, 24), run_before=themed)


@pytest.mark.parametrize("size", [(80, 24), *SMALL], ids=["80x24", *SMALL_IDS])
def test_career_screen(snap_compare, make_app, history, size):
    async def career(pilot) -> None:
        from pilot_helpers import wait_for

        await _home_ready(pilot)
        pilot.app.open_career(1)
        await wait_for(pilot, lambda: getattr(pilot.app.screen, "thread", None) is not None)
        await pilot.pause()

    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=career)
