"""``wait_for``: let a Pilot-driven app run until a condition holds.

One copy for every test that drives the app (tests/ui re-exports it from
pilot_helpers); it lives at the top of tests/ so tests/faults and
tests/themes can import it without tests/ui on the path.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

WAIT = 10.0  # an upper bound for the app and its threads; a passing test never waits it out


async def wait_for(pilot: Pilot, condition: Callable[[], object], timeout: float = WAIT) -> None:
    """Let the app run until ``condition()`` is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app didn't get there in time; " + _where(pilot))
        await pilot.pause(0.02)


def _where(pilot: Pilot) -> str:
    """What the app was showing when the wait ran out: its screen and the
    notifications it holds (only the newest is drawn), for the failure."""
    app = pilot.app
    said = [str(n.message) for n in getattr(app, "_notifications", [])]
    return f"on {type(app.screen).__name__}, notifications {said!r}"
