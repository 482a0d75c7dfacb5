"""Hand a thread worker's result to the screen only if no newer load replaced it.

Screens reload in exclusive thread workers: starting a new load cancels the
old one, but a thread cannot be stopped, so the old one may still finish —
after the new one — and would paint stale rows over fresh ones. The check
runs on the UI thread, where cancellation also happens, so it cannot race.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.worker import get_current_worker


def show_latest(app: App[Any], show: Callable[..., Any], *args: Any) -> None:
    """From a thread worker: run ``show(*args)`` on the UI thread unless superseded."""
    worker = get_current_worker()

    def deliver() -> None:
        if not worker.is_cancelled:
            show(*args)

    app.call_from_thread(deliver)
