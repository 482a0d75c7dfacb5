"""Snapshots of the meeting screen (pytest-textual-snapshot).

Deterministic: a fake clock, UTC local time, no cursor blink, and every write
settled before the picture is taken. Update with `pytest --snapshot-update`
after a deliberate change, and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, settle, type_line


async def _mid_meeting(pilot) -> None:
    """Twelve minutes in, a question asked and answered, the cue running."""
    screen = await meeting_ready(pilot)
    clock = pilot.app.clock
    clock.advance(4 * 60 + 30)
    await type_line(pilot, "shipped the importer; wants more ownership #growth")
    await type_line(pilot, "! send me the RFC draft @fri")
    clock.advance(7 * 60)
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
    assert snap_compare(make_app(), terminal_size=size, run_before=_mid_meeting)


def test_meeting_screen_in_wrap_up(snap_compare, make_app):
    async def wrap_up(pilot) -> None:
        screen = await meeting_ready(pilot)
        pilot.app.clock.advance(26 * 60)
        screen.refresh_now()
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=wrap_up)
