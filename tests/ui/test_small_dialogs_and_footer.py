"""F1 shows key rows (scrollable) even at 40x12, on home and in a meeting;
the person form's hint is always seen and F1 there lists the form's keys;
the compact footer's palette key leaves no stray character."""

from __future__ import annotations

import re

import pytest
from pilot_helpers import meeting_ready, wait_for
from screen_text import screen_lines, screen_text
from test_keyboard_everywhere import at_home

from tui1on1.ui.dialogs.help import HelpScreen
from tui1on1.ui.dialogs.person_form import PersonFormScreen


async def open_help(pilot):
    app = pilot.app
    await pilot.press("f1")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
    await pilot.pause(0.2)
    return screen_text(app)


@pytest.mark.parametrize("size", [(40, 12), (60, 18)])
async def test_f1_at_a_small_size_shows_key_rows_on_home(make_app, history, size):
    app = make_app(None)
    async with app.run_test(size=size) as pilot:
        await at_home(pilot)
        shown = await open_help(pilot)
        assert "Keys on home" in shown
        assert "Start 1:1" in shown and "Search" in shown
        assert "to close" in shown
        before = screen_lines(app)
        await pilot.press("end")  # the rows scroll
        await pilot.pause(0.2)
        assert screen_lines(app) != before


async def test_f1_at_40x12_shows_key_rows_in_a_meeting(make_app):
    app = make_app("Ada Lovelace")
    async with app.run_test(size=(40, 12)) as pilot:
        await meeting_ready(pilot)
        shown = await open_help(pilot)
        assert "Keys in a meeting" in shown
        assert "^g" in shown and "Ask prompt" in shown


@pytest.mark.parametrize("size", [(80, 24), (60, 18), (40, 12)])
async def test_the_person_form_hint_is_seen_and_f1_lists_its_keys(make_app, history, size):
    app = make_app(None)
    async with app.run_test(size=size) as pilot:
        await at_home(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonFormScreen))
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert "Edit Ada Lovelace" in shown
        assert "Enter saves" in shown and "Esc cancels" in shown
        shown = await open_help(pilot)
        assert "Keys in the person form" in shown
        assert "Cancel" in shown and "Save (in a" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonFormScreen))


@pytest.mark.parametrize("size", [(40, 12), (60, 18), (80, 24)])
async def test_the_palette_key_ends_the_footer_cleanly(make_app, history, size):
    app = make_app(None)
    async with app.run_test(size=size) as pilot:
        await at_home(pilot)
        await pilot.pause(0.2)
        footer = screen_lines(app)[-1]
        assert footer.endswith("^p palette"), footer
        assert "palettet" not in footer


async def test_help_and_the_palette_outlast_the_other_keys_between_meetings(make_app, history):
    """At 40 columns home keeps Enter, f1 and ^p (F1 lists the keys the line
    has no room for); a person's page keeps them too; whole keys only."""
    app = make_app(None)
    async with app.run_test(size=(40, 12)) as pilot:
        await at_home(pilot)
        await pilot.pause(0.2)
        line = screen_lines(app)[-1]
        assert re.fullmatch(r"⏎ Open .* f1 Help *▏\^p palette", line), line
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Career thread" in screen_text(app))
        await pilot.pause(0.2)
        line = screen_lines(app)[-1]
        assert re.fullmatch(r"⏎ Open .* f1 Help *▏\^p palette", line), line
        assert "p Meetings" not in line
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "their meetings" in dict(app.screen.key_rows())["p"]  # no room for it in the line
