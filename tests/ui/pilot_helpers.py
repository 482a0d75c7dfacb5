"""Helpers for Pilot tests of the meeting app."""

from __future__ import annotations

import asyncio

from pilot_wait import wait_for

__all__ = ["home_with_rows", "meeting_ready", "settle", "type_line", "wait_for"]


async def meeting_ready(pilot):
    """Wait for the meeting screen to load; returns it."""
    from tui1on1.ui.screens.meeting import MeetingScreen

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.model)
    return app.screen


async def settle(pilot) -> None:
    """Wait until every write so far is committed and its callback has run."""
    writer = pilot.app.services.writer
    assert await asyncio.to_thread(writer.flush, 5.0)
    await pilot.pause(0.05)


async def type_line(pilot, text: str) -> None:
    """Put ``text`` in the notes input and press a real Enter.

    Pilot takes ~0.1 s per key, so whole lines are set at once; tests of
    keystroke behaviour (bursts, editing) press real keys instead.
    """
    from tui1on1.ui.widgets.notes import NoteInput

    note_input = pilot.app.screen.query_one(NoteInput)
    note_input.value = text
    await pilot.press("enter")


async def home_with_rows(pilot, count: int):
    """Home, the database open and ``count`` rows shown: its table."""
    from textual.widgets import DataTable

    from tui1on1.ui.screens.home import HomeScreen

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
    table = app.screen.query_one(DataTable)
    await wait_for(pilot, lambda: table.row_count == count)
    return table
