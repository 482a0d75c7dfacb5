"""Discarding a 1:1 started by mistake always asks, naming the person, how
many notes go, and where they are kept (a file `tui1on1 import` reads)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui1on1.domain.text import plural, safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal


def discard_question(name: str, notes: int, reopen: int, where: str) -> tuple[str, str]:
    """('Discard this 1:1 with Priya Raman?', 'Its 3 notes will be removed
    from history and search and kept only in FILE.' + what opens again)."""
    question = f"Discard this 1:1 with {safe_terminal_text(name)}?"
    held = f"Its {plural(notes, 'note')} will be" if notes else "It will be"
    text = f"{held} removed from history and search and kept only in {safe_terminal_text(where)}."
    if reopen:
        text += (
            f" {plural(reopen, 'action')} from earlier meetings, closed in this one, "
            f"will be open again."
        )
    return question, text


class DiscardScreen(FitModal[bool]):
    """Dismissed with True to discard, False to keep the meeting."""

    AUTO_FOCUS = "#keep"  # Enter never discards by accident
    BINDINGS = [
        Binding("y", "choose(True)", "Discard", id="discard_confirm"),
        Binding("escape,n", "choose(False)", "Keep it", id="discard_cancel"),
    ]

    def __init__(self, name: str, notes: int, reopen: int, where: str) -> None:
        super().__init__()
        self.question, self.details = discard_question(name, notes, reopen, where)

    def compose(self) -> ComposeResult:
        with Vertical(id="discard-dialog", classes="dialog"):
            yield Static(Text(self.question), classes="dialog-title")
            yield Static(Text(self.details), id="discard-details", classes="dialog-body")
            yield Static("`tui1on1 import` of that file brings it back.", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep it (esc)", id="keep", variant="primary", compact=True)
                yield Button("Discard (y)", id="discard-it", variant="error", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "discard-it")

    def action_choose(self, discard: bool) -> None:
        self.dismiss(discard)
