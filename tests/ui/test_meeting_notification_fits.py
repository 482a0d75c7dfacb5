"""A notification in the meeting shows all its words: one that wraps to four
lines at the side of the clock used to lose its last line."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, type_line
from screen_text import screen_lines


@pytest.mark.parametrize("width", [100, 80])
async def test_a_long_notification_shows_to_its_last_word(make_app, width):
    app = make_app()
    async with app.run_test(size=(width, 40), notifications=True) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "!me @fri")
        await pilot.pause(0.3)
        toast = " ".join(
            line.split("▌", 1)[1].strip() for line in screen_lines(app)[:8] if "▌" in line
        )
        assert toast == (
            "Not saved yet: an action needs some text before its due date. "
            "It's back in the line to finish (Ctrl+U clears it)."
        )
