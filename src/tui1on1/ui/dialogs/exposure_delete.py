"""Enter on an exposure logged between meetings (the person screen): what it
was, and d to take it out of their log — as `tui1on1 exposure NAME --delete
x12` does. Dismissed with True to delete, False to keep it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal


class ExposureDeleteScreen(FitModal[bool]):
    BINDINGS = [
        Binding("d", "delete", "Delete", id="exposure_delete"),
        Binding("escape", "keep", "Keep", id="exposure_keep"),
    ]

    def __init__(self, name: str, said: str) -> None:
        super().__init__()
        self.person_name = name
        self.said = said

    def compose(self) -> ComposeResult:
        name = safe_terminal_text(self.person_name)
        with Vertical(id="exposure-delete", classes="dialog"):
            yield Static(Text(f"Exposure given to {name}"), classes="dialog-title")
            yield Static(Text(safe_terminal_text(self.said)), classes="dialog-body")
            yield Static(Text("d takes it out of their log · Esc keeps it"), classes="dialog-hint")

    def action_delete(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)
