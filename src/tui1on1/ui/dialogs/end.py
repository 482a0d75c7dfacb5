"""Ending a live meeting asks first: the summary's headline and the actions
agreed (to read back to them), then Enter ends it, Esc goes back to the
meeting, d discards a 1:1 started by mistake."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui1on1.domain.meeting import Summary
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal
from tui1on1.ui.dialogs.summary import headline


class EndScreen(FitModal[str | None]):
    """Dismissed with "end", "discard" or None (back to the meeting)."""

    AUTO_FOCUS = "#end"
    BINDINGS = [
        Binding("enter", "choose('end')", "End it", id="end_confirm"),
        Binding("d", "choose('discard')", "Discard", id="end_discard"),
        Binding("escape", "choose(None)", "Back", id="end_cancel"),
    ]

    def __init__(
        self, name: str, role: str, summary: Summary, unsent: str = "", read_back: str = ""
    ) -> None:
        super().__init__()
        self.person_name = name
        self.role = role
        self.summary = summary
        self.unsent = unsent  # the line still in the input: it becomes a note
        self.read_back = read_back  # this meeting's actions, to say aloud before ending

    def compose(self) -> ComposeResult:
        who = safe_terminal_text(self.person_name)
        if self.role:
            who += f" · {safe_terminal_text(self.role)}"
        with Vertical(id="end-dialog", classes="dialog"):
            yield Static(Text(f"End the 1:1 with {who}?"), classes="dialog-title")
            yield Static(headline(self.summary), id="end-headline", classes="dialog-body")
            if self.read_back:
                yield Static(
                    Text(safe_terminal_text(self.read_back, keep_newlines=True)),
                    id="end-read-back",
                    classes="dialog-body",
                )
            if self.unsent:
                yield Static(
                    Text(f"The line not sent yet is kept as a note: “{self.unsent}”"),
                    id="end-unsent",
                    classes="dialog-body",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("End it (enter)", id="end", variant="primary", compact=True)
                yield Button("Back (esc)", id="cancel", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Discard this 1:1 (d)", id="discard", variant="error", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss({"end": "end", "discard": "discard"}.get(event.button.id or ""))

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
