"""The read-back before End, in the last segment: a terminal of ordinary
height reads back four actions and says how many more; a tall one reads
back more of them instead of leaving the room unused."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, type_line, wait_for
from screen_text import screen_lines

ACTIONS = [f"! follow up on item {n} @+{n}d" for n in range(1, 8)]


async def _read_back(make_app, clock, size) -> str:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await meeting_ready(pilot)
        for line in ACTIONS:
            await type_line(pilot, line)
        clock.advance(27 * 60)  # the last segment of thirty minutes
        # The card's title can reach the screen a frame before its rows.
        await wait_for(
            pilot,
            lambda: (
                "them: follow up on item 1 ·"
                in "\n".join(screen_lines(app)).partition("Read back")[2]
            ),
        )
        shown = "\n".join(screen_lines(app))
        return shown.split("Read back", 1)[1]  # the card, then the notes (another wording)


@pytest.mark.parametrize(
    ("size", "read", "more"),
    [((100, 30), 4, "… and 3 more in the notes below"), ((100, 46), 7, None)],
)
async def test_a_tall_terminal_reads_back_more(make_app, clock, size, read, more):
    card = await _read_back(make_app, clock, size)
    said = [n for n in range(1, 8) if f"them: follow up on item {n} ·" in card]
    assert said == list(range(1, read + 1))
    if more:
        assert more in card
    else:
        assert "more in the notes below" not in card
