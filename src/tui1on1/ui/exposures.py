"""Logging an exposure from the person screen: the dialog asks, a worker
keeps it, a line says so (as `tui1on1 exposure` does)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from tui1on1.domain.exposure import KIND_NAMES
from tui1on1.domain.kinds import ExposureKind
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.exposure import ExposureScreen
from tui1on1.ui.screens.base import ServiceScreen


def ask_exposure(
    screen: ServiceScreen[Any], person_id: int, name: str, after: Callable[[], object]
) -> None:
    """Open the dialog for ``name``; keep what it gives, then call ``after``."""
    today = screen.app.clock.now().astimezone().date()

    def chosen(result: tuple[ExposureKind, str, date] | None) -> None:
        if result is not None:
            screen.run_worker(
                lambda: _keep(screen, person_id, name, *result, after),
                thread=True,
                exit_on_error=False,
                group="exposure",
            )

    screen.app.push_screen(ExposureScreen(name, today), chosen)


def _keep(
    screen: ServiceScreen[Any],
    person_id: int,
    name: str,
    kind: ExposureKind,
    text: str,
    on: date,
    after: Callable[[], object],
) -> None:
    app = screen.app
    try:
        services = screen.open_services()
        services.store.add_exposure(person_id, kind, text, on=on, at=services.clock.now())
    except StoreError as error:
        app.call_from_thread(screen.show_store_error, error, "The exposure was not logged")
        return
    day = f"{on:%a} {on.day} {on:%b}"
    line = f"Logged for {safe_terminal_text(name)}: {day}, {KIND_NAMES[kind]}: "
    app.call_from_thread(screen.notify, line + safe_terminal_text(text), timeout=6, markup=False)
    app.call_from_thread(after)
