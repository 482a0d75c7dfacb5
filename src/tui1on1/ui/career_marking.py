"""Marking a saved note for the career thread from a screen outside the live
meeting (person, history, career): c, then one key; written in a worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui1on1.domain.career import ELEMENT_TITLES, NOT_CAREER
from tui1on1.domain.kinds import CareerElement
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.career_mark import CareerMarkScreen, stored_mark

if TYPE_CHECKING:
    from tui1on1.ui.screens.base import ServiceScreen


def mark_said(mark: str | None) -> str:
    """What a notification says once a mark is written."""
    if mark is None:
        return "Mark taken off: the question it answers decides."
    if mark == NOT_CAREER:
        return "Taken out of the career thread."
    return f"In the career thread as {ELEMENT_TITLES[CareerElement(mark)]}."


def choose_and_mark(
    screen: ServiceScreen[None],
    note_id: int,
    text: str,
    current: CareerElement | None,
    after: Callable[[], object],
    auto: CareerElement | None = None,
) -> None:
    """Ask where the note goes; write the choice; then ``after()`` (from the
    worker thread: a reload that is itself a worker)."""

    def write(mark: str | None) -> None:
        services = screen.open_services()
        try:
            services.store.set_career_mark(note_id, mark)
        except StoreError as error:
            screen.app.call_from_thread(screen.show_store_error, error, "Not marked")
            return
        screen.app.call_from_thread(screen.notify, mark_said(mark), timeout=3)
        after()

    def chosen(mark: str | None) -> None:
        if mark is not None:
            chosen = stored_mark(mark)
            screen.run_worker(
                lambda: write(chosen), thread=True, exit_on_error=False, group="career-mark"
            )

    screen.app.push_screen(CareerMarkScreen(text, current, auto), chosen)
