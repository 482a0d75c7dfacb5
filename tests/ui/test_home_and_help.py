"""Home (add a person, start a 1:1) and the help screen, driven with Pilot."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, wait_for
from textual.widgets import DataTable, Input, Static

from tui1on1.ui.dialogs.help import HelpScreen
from tui1on1.ui.dialogs.person_form import PersonFormScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.meeting_palette import PALETTE

SIZE = (100, 30)


@pytest.mark.slow
async def test_add_a_person_fixing_a_refused_cadence_then_start_their_1on1(make_app):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonFormScreen))
        dialog = app.screen
        dialog.query_one("#name", Input).value = "Ada Lovelace"
        dialog.query_one("#cadence", Input).value = "every full moon"
        dialog.query_one("#cadence", Input).focus()
        await pilot.press("enter")
        error = dialog.query_one("#person-form-error", Static)
        await wait_for(pilot, lambda: "couldn't read the cadence" in str(error.render()))
        assert app.screen is dialog  # still open, nothing typed was lost
        assert dialog.query_one("#name", Input).value == "Ada Lovelace"
        dialog.query_one("#cadence", Input).value = "biweekly"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[0] == "Ada Lovelace" and row[3] == "never" and row[4] == "due now"
        await pilot.press("m")
        screen = await meeting_ready(pilot)
        assert screen.model.person.name == "Ada Lovelace"


async def test_help_lists_the_grammar_and_every_command_with_its_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = app.screen.key_rows()
        keys = dict(rows)
        assert keys["^g"].startswith("Ask prompt") and keys["^o"].startswith("End meeting")
        for title, _help, action in PALETTE:  # every command, once, bound or not
            listed = len([text for _key, text in rows if text.startswith(f"{title}: ")])
            assert listed == (0 if action == "breath" else 1)  # the breath: managing up only
        assert keys["^q"].startswith("quit") and keys["^p"].startswith("Command palette")
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
