"""Adding a talking point from a screen (home's highlighted person, or the
person screen): the dialog asks, a worker keeps it, a line says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.talking_point import TalkingPointScreen
from tui1on1.ui.screens.base import ServiceScreen


def kept_line(name: str, text: str, mine: bool) -> str:
    """The calm line saying where the point waits (as `tui1on1 topic` says it)."""
    who, what = safe_terminal_text(name), safe_terminal_text(text)
    if mine:
        return f"Your topic will wait at your next 1:1 with {who}: {what}"
    return f"{who}'s topic will wait at your next 1:1: {what}"


def ask_talking_point(
    screen: ServiceScreen[Any], person_id: int, name: str, after: Callable[[], object]
) -> None:
    """Open the dialog for ``name``; keep what it gives, then call ``after``
    (on the screen's thread)."""

    def chosen(result: tuple[str, bool] | None) -> None:
        if result is not None:
            text, mine = result
            screen.run_worker(
                lambda: _keep(screen, person_id, name, text, mine, after),
                thread=True,
                exit_on_error=False,
                group="talking-point",
            )

    screen.app.push_screen(TalkingPointScreen(name), chosen)


def _keep(
    screen: ServiceScreen[Any],
    person_id: int,
    name: str,
    text: str,
    mine: bool,
    after: Callable[[], object],
) -> None:
    app = screen.app
    try:
        services = screen.open_services()
        services.store.add_talking_point(person_id, text, mine=mine, at=services.clock.now())
    except StoreError as error:
        app.call_from_thread(screen.show_store_error, error, "The talking point was not kept")
        return
    app.call_from_thread(screen.notify, kept_line(name, text, mine), timeout=6, markup=False)
    app.call_from_thread(after)
