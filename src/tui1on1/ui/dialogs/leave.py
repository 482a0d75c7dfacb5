"""Leaving while a meeting is live: end it, leave it running, or stay."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class LeaveScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("e", "choose('end')", "End it", id="leave_end"),
        Binding("l", "choose('leave')", "Leave running", id="leave_running"),
        Binding("escape,c", "choose(None)", "Stay", id="leave_cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="leave", classes="dialog"):
            yield Static("The meeting is still live.", classes="dialog-title")
            yield Static(
                "Leave it running and `tui1on1 meet NAME` picks it up again with the clock "
                "at the true time. Every note is already saved.",
                classes="dialog-body",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("End meeting (e)", id="end", variant="primary")
                yield Button("Leave it running (l)", id="leave")
                yield Button("Stay (esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss({"end": "end", "leave": "leave"}.get(event.button.id or ""))

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
