"""Getting a callback from a worker thread onto the UI loop without waiting.

``App.call_from_thread`` blocks the calling thread until the UI has run the
callback. The writer thread must never block on the UI (at exit the UI thread
waits for the writer), so its callbacks are scheduled with
``call_soon_threadsafe`` instead; once the loop has closed they are dropped,
which is fine because the data is already committed or journaled.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress
from typing import Any


class UiHop:
    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()

    def __call__(self, callback: Callable[..., Any]) -> Callable[..., None]:
        """Wrap ``callback`` so calling it from any thread runs it on the UI loop."""

        def hop(*args: Any) -> None:
            with suppress(RuntimeError):  # the loop is closed: the app has exited
                self._loop.call_soon_threadsafe(callback, *args)

        return hop
