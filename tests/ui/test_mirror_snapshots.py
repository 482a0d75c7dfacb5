"""Snapshots of the manager's mirror at 80x24 and 60x18 (see test_snapshots.py:
a fake clock, here Mon 7 Dec 2026, UTC, no cursor blink), on five weeks of
1:1s (tests/mirror_history.py)."""

from __future__ import annotations

import pytest
from pilot_helpers import wait_for

from mirror_history import NOW, make_mirror_history
from tui1on1.domain.timesource import FakeClock
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.mirror import MirrorScreen


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def history(db_path):
    return make_mirror_history(db_path)


async def _mirror_ready(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
    await pilot.press("i")
    await wait_for(pilot, lambda: isinstance(app.screen, MirrorScreen) and app.screen.mirror)
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", [(80, 24), (60, 18)], ids=["80x24", "60x18"])
def test_mirror_screen(snap_compare, make_app, history, size):
    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=_mirror_ready)
