"""A talking point for the next 1:1 with someone: a line, theirs or mine.

Dismissed with ``(text, mine)``, or None when cancelled. Tab switches
between theirs (they want to talk about it; the default) and mine.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui1on1.domain.text import safe_terminal_text
from tui1on1.domain.waiting import MAX_POINT_CHARS
from tui1on1.ui.dialogs.fit import FitModal


def whose_text(mine: bool) -> Text:
    """The choice in words as well as by highlight: "(•) theirs  ( ) mine"."""
    text = Text("Whose:  ")
    for label, chosen in (("theirs", not mine), ("mine", mine)):
        text.append(f"({'•' if chosen else ' '}) {label}", style="reverse" if chosen else "")
        text.append("  ")
    text.append(" (Tab switches)", style="italic")
    return text


class TalkingPointScreen(FitModal[tuple[str, bool] | None]):
    BINDINGS = [
        Binding("tab", "switch", "Theirs / mine", priority=True, id="talking_point_whose"),
        Binding("escape", "cancel", "Cancel", id="talking_point_cancel"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.person_name = name
        self.mine = False

    def compose(self) -> ComposeResult:
        name = safe_terminal_text(self.person_name)
        with Vertical(id="talking-point", classes="dialog"):
            yield Static(Text(f"For your next 1:1 with {name}"), classes="dialog-title")
            yield Input(
                placeholder="what to raise, e.g. the team offsite",
                max_length=MAX_POINT_CHARS,
                id="talking-point-text",
            )
            yield Static(whose_text(self.mine), id="talking-point-whose", classes="dialog-body")
            yield Static(Text("Enter keeps it · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    def action_switch(self) -> None:
        self.mine = not self.mine
        self.query_one("#talking-point-whose", Static).update(whose_text(self.mine))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = " ".join(event.value.split())
        if text:
            self.dismiss((text, self.mine))

    def action_cancel(self) -> None:
        self.dismiss(None)
