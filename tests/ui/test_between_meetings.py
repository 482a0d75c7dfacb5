"""Home → person → meeting history → search → back, with Pilot."""

from __future__ import annotations

import pytest
from pilot_helpers import home_with_rows, wait_for
from textual.widgets import DataTable, Input, OptionList, Static

from tui1on1.ui.screens.history import MeetingHistoryScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.person import PersonScreen
from tui1on1.ui.screens.search import SearchScreen

SIZE = (100, 34)


@pytest.mark.slow
async def test_walk_home_person_history_search_and_back(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 2)
        ada = [str(c) for c in table.get_row_at(0)]
        assert ada[0] == "Ada Lovelace" and ada[2] == "report" and ada[3] == "7 days ago"
        assert ada[4] == "today" or ada[4].startswith("overdue")
        assert ada[5] == "2 / 0"

        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        person = app.screen
        career = [str(o.prompt) for o in person.query_one("#person-career", OptionList).options]
        assert len(career) == 1 and "wants to try leading the platform team" in career[0]
        assert career[0].endswith("changed")  # it replaced "mentoring juniors"
        actions = [str(o.prompt) for o in person.query_one("#person-actions", OptionList).options]
        assert len(actions) == 2 and all("overdue" in a for a in actions)
        topics = person.query_one("#person-topics", OptionList)
        assert topics.option_count == 2
        topics.focus()
        topics.highlighted = 0
        await pilot.press("x")
        await wait_for(
            pilot, lambda: person.query_one("#person-topics", OptionList).option_count == 1
        )

        meetings = person.query_one("#person-meetings", OptionList)
        meetings.focus()
        meetings.highlighted = 1  # the older meeting
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: isinstance(app.screen, MeetingHistoryScreen) and app.screen.record
        )
        header = str(app.screen.query_one("#history-header", Static).render())
        assert (
            "Where next?" in header and "mentoring juniors" in header and "31:00 of 30:00" in header
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))

        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        search = app.screen
        search.query_one(Input).value = "platf person:ada"
        results = search.query_one(OptionList)
        await wait_for(pilot, lambda: results.option_count == 1)
        assert "leading the platform team" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")  # one Enter opens the highlighted first result
        await wait_for(
            pilot, lambda: isinstance(app.screen, MeetingHistoryScreen) and app.screen.record
        )
        notes = app.screen.query_one("#history-notes", OptionList)
        assert "leading the platform team" in str(
            notes.get_option_at_index(notes.highlighted).prompt
        )
        await pilot.press("escape")  # history → search (the typing still in the box)
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press("escape")  # search → home
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_archive_hides_and_the_palette_toggle_brings_back(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        home = app.screen
        table = home.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 2)
        await pilot.press("down", "h")  # Bob
        await wait_for(pilot, lambda: table.row_count == 1)
        home.action_toggle_archived()
        await wait_for(pilot, lambda: table.row_count == 2)
        assert "(archived)" in str(table.get_row_at(1)[0])
        table.move_cursor(row=1)
        await pilot.press("h")
        await wait_for(pilot, lambda: "(archived)" not in str(table.get_row_at(1)[0]))


async def test_long_histories_show_the_newest_and_offer_the_rest(make_app, history, monkeypatch):
    """Two meetings and two topics stand in for years: with room for one of
    each, the screen says how many more there are and Enter shows them all."""
    from tui1on1.ui import person_prep as person_module

    monkeypatch.setattr(person_module, "MEETINGS_SHOWN", 1)
    monkeypatch.setattr(person_module, "TOPICS_SHOWN", 1)
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await home_with_rows(pilot, 2)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        person = app.screen
        topics = [str(o.prompt) for o in person.query_one("#person-topics", OptionList).options]
        assert topics[0].startswith("~ compensation question 1")  # the newest
        assert topics[1] == "… and 1 older: search with kind:parked or kind:question"
        meetings = person.query_one("#person-meetings", OptionList)
        rows = [str(o.prompt) for o in meetings.options]
        assert len(rows) == 2 and rows[1] == "Show all 2 meetings (Enter)"
        meetings.focus()
        meetings.highlighted = 1
        await pilot.press("enter")
        await wait_for(pilot, lambda: meetings.option_count == 2 and "Show all" not in str(
            meetings.get_option_at_index(1).prompt))  # fmt: skip
        assert all("notes ·" in str(o.prompt) for o in meetings.options)
