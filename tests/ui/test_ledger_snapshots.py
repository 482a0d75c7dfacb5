"""Snapshots of the promise ledger's screen and dialog at 80x24 (see
test_snapshots.py: a fake clock on Fri 20 Nov 2026, UTC, no cursor blink)."""

from __future__ import annotations

import pytest
from ledger_history import make_ledger
from pilot_helpers import wait_for

from tui1on1.ui.dialogs.action_change import ActionChangeScreen
from tui1on1.ui.screens.actions import ActionsScreen


@pytest.fixture
def ledger(db_path, clock):
    return make_ledger(db_path, clock.now())


async def _actions_ready(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.services is not None)
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(app.screen, ActionsScreen) and app.screen.ledger)
    await pilot.pause(0.1)


def test_actions_screen(snap_compare, make_app, ledger):
    assert snap_compare(make_app(meet=None), terminal_size=(80, 24), run_before=_actions_ready)


def test_actions_screen_all(snap_compare, make_app, ledger):
    async def everything(pilot) -> None:
        await _actions_ready(pilot)
        await pilot.press("o")
        await pilot.pause(0.1)

    assert snap_compare(make_app(meet=None), terminal_size=(80, 24), run_before=everything)


def test_action_dialog(snap_compare, make_app, ledger):
    async def dialog(pilot) -> None:
        await _actions_ready(pilot)
        await pilot.press("enter")  # the first row: my overdue promise
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ActionChangeScreen))
        await pilot.press("r")
        await pilot.pause(0.1)

    assert snap_compare(make_app(meet=None), terminal_size=(80, 24), run_before=dialog)
