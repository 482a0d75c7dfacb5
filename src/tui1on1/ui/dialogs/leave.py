"""Leaving while a meeting is live: end it, leave it running, stay, or
discard a 1:1 started by mistake (that asks again)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui1on1.domain.people import shell_word
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal


class LeaveScreen(FitModal[str | None]):
    BINDINGS = [
        Binding("e", "choose('end')", "End it", id="leave_end"),
        Binding("l", "choose('leave')", "Leave running", id="leave_running"),
        Binding("d", "choose('discard')", "Discard", id="leave_discard"),
        Binding("escape,c", "choose(None)", "Stay", id="leave_cancel"),
    ]

    def __init__(self, name: str = "", saved: str = "Every note is saved.") -> None:
        super().__init__()
        self.person_name = name
        self.saved = saved  # where the notes are, said honestly

    def compose(self) -> ComposeResult:
        name = safe_terminal_text(self.person_name)
        whose = f"The 1:1 with {name}" if name else "The meeting"
        again = f"tui1on1 meet {shell_word(self.person_name)}" if name else "tui1on1 meet NAME"
        with Vertical(id="leave", classes="dialog"):
            yield Static(Text(f"{whose} is still live."), classes="dialog-title")
            yield Static(
                Text(
                    f"Leave it running and {again} (or l on home) picks it up again with "
                    f"the clock at the true time. {self.saved}"
                ),
                classes="dialog-body",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("End it (e)", id="end", variant="primary", compact=True)
                yield Button("Leave running (l)", id="leave", compact=True)
                yield Button("Stay (esc)", id="cancel", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Discard this 1:1 (d)", id="discard", variant="error", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choices = {"end": "end", "leave": "leave", "discard": "discard"}
        self.dismiss(choices.get(event.button.id or ""))

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
