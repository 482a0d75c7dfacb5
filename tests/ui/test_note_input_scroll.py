"""The notes input scrolls sideways under a long line without a layout pass per key."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui1on1.ui.widgets.notes import NoteInput


class OneInput(App):
    def compose(self) -> ComposeResult:
        yield NoteInput()


@pytest.mark.slow
async def test_long_line_keeps_the_cursor_in_view():
    app = OneInput()
    async with app.run_test(size=(40, 10)) as pilot:
        note_input = app.query_one(NoteInput)
        note_input.focus()
        await pilot.press(*"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ")
        assert note_input.scroll_x == note_input.max_scroll_x > 0
        assert note_input.cursor_screen_offset.x < 40
        await pilot.press("home")
        assert note_input.scroll_x == 0
        await pilot.press("end")
        assert note_input.scroll_x == note_input.max_scroll_x


async def test_a_keystroke_does_not_lay_out_the_screen():
    app = OneInput()
    async with app.run_test(size=(40, 10)) as pilot:
        note_input = app.query_one(NoteInput)
        note_input.focus()
        await pilot.pause()
        before = note_input._layout_updates
        await pilot.press(*"typing")
        assert note_input._layout_updates == before
