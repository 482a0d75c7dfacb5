"""The search screen: one Enter opens a result; filters alone list notes."""

from __future__ import annotations

import pytest
from pilot_helpers import wait_for
from textual.widgets import Input, OptionList, Static

from tui1on1.ui.screens.history import MeetingHistoryScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.search import SearchScreen

SIZE = (100, 34)


async def open_search(pilot) -> SearchScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
    await pilot.press("slash")
    await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
    search = app.screen
    await wait_for(pilot, lambda: search.query_one(Input).has_focus)  # typing lands there
    return search


def results(search: SearchScreen) -> list[str]:
    found = search.query_one("#search-results", OptionList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


def status(search: SearchScreen) -> str:
    return str(search.query_one("#search-status", Static).render())


async def opened_note(pilot) -> str:
    """The history screen is up: the note it was opened at."""
    app = pilot.app
    await wait_for(
        pilot, lambda: isinstance(app.screen, MeetingHistoryScreen) and app.screen.record
    )
    notes = app.screen.query_one("#history-notes", OptionList)
    return str(notes.get_option_at_index(notes.highlighted).prompt)


async def test_typing_then_one_enter_opens_the_first_result(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        search = await open_search(pilot)
        await pilot.press(*"platf")
        await wait_for(pilot, lambda: len(results(search)) == 1)
        found = search.query_one("#search-results", OptionList)
        assert found.highlighted == 0  # highlighted as soon as it arrived
        assert search.query_one(Input).has_focus  # the typing stays in the box
        assert status(search) == "1 match"
        await pilot.press("enter")
        assert "leading the platform team" in await opened_note(pilot)
        await pilot.press("escape")  # back to the search, as it was
        await wait_for(pilot, lambda: app.screen is search)
        assert search.query_one(Input).value == "platf"


async def test_enter_before_the_results_arrive_opens_the_first_for_what_was_typed(
    make_app, history
):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        search = await open_search(pilot)
        await pilot.press(*"lead")
        await wait_for(pilot, lambda: len(results(search)) == 1)
        # Type on and press Enter at once, inside the typing pause: the
        # result shown is for "lead"; Enter opens the first for "mentoring".
        search.query_one(Input).value = "mentoring"
        await pilot.press("enter")
        assert "mentoring juniors" in await opened_note(pilot)


@pytest.mark.slow
async def test_filters_alone_list_notes_newest_first_and_down_picks_another(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        search = await open_search(pilot)
        await pilot.press(*"person:ada kind:parked")
        await wait_for(pilot, lambda: len(results(search)) == 2)
        shown = results(search)
        assert "compensation question 1" in shown[0] and "compensation question 2" in shown[1]
        assert status(search) == "2 notes, newest first · Ada Lovelace"
        await pilot.press("down")  # moves the highlight; the box keeps the focus
        found = search.query_one("#search-results", OptionList)
        assert found.highlighted == 1 and search.query_one(Input).has_focus
        await pilot.press("up", "down")
        assert found.highlighted == 1
        await pilot.press("enter")
        assert "compensation question 2" in await opened_note(pilot)


@pytest.mark.slow
async def test_enter_on_the_result_list_opens_it_too(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        search = await open_search(pilot)
        await pilot.press(*"#nothing-yet kind:action")
        await wait_for(pilot, lambda: status(search).startswith("0 notes"))
        search.query_one(Input).value = "kind:action"
        await wait_for(pilot, lambda: len(results(search)) == 2)
        await pilot.press("tab")  # to the list
        found = search.query_one("#search-results", OptionList)
        assert found.has_focus and found.highlighted == 0
        await pilot.press("enter")
        assert "intro to Sam week 1" in await opened_note(pilot)


async def test_a_query_with_neither_words_nor_filters_keeps_a_calm_hint(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        search = await open_search(pilot)
        await pilot.press(*"(*")
        await wait_for(pilot, lambda: status(search).startswith("Type words to search"))
        assert results(search) == []
        await pilot.press("enter")  # nothing to open: nothing happens
        await pilot.pause(0.3)
        assert app.screen is search
        search.query_one(Input).value = "person:zz"
        await wait_for(pilot, lambda: status(search) == "there is no one called zz")
        search.query_one(Input).value = "person:lovel kind:quote"
        await wait_for(pilot, lambda: status(search) == "0 notes · Ada Lovelace")
