"""An opportunity given to someone, logged from the person screen: what
happened (its first word says the kind, as after '* ' in a meeting) and
when (today unless said).

Dismissed with ``(kind, text, day)``, or None when cancelled. A line that
can't be kept says why in the dialog and stays to be fixed.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui1on1.domain.exposure import (
    KINDS_HELP,
    MAX_TEXT_CHARS,
    ExposureError,
    clean_text,
    read_day,
    read_kind,
)
from tui1on1.domain.kinds import ExposureKind
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal

HINT = "Enter keeps it · Tab to the day · Esc cancels"


class ExposureScreen(FitModal[tuple[ExposureKind, str, date] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="exposure_cancel")]

    def __init__(self, name: str, today: date) -> None:
        super().__init__()
        self.person_name = name
        self.today = today

    def compose(self) -> ComposeResult:
        name = safe_terminal_text(self.person_name)
        with Vertical(id="exposure", classes="dialog"):
            yield Static(Text(f"Exposure given to {name}"), classes="dialog-title")
            yield Static(
                Text(f"First word, the kind: {KINDS_HELP} (else other)", style="italic"),
                classes="dialog-body",
            )
            yield Input(
                placeholder="customer sat in on the Acme renewal call",
                max_length=MAX_TEXT_CHARS,
                id="exposure-text",
            )
            when = "When: today, yesterday, 3d (days ago) or 2026-11-27"
            yield Static(Text(when, style="italic"), classes="dialog-body")
            yield Input(value="today", placeholder="today", id="exposure-day")
            yield Static(Text(HINT), id="exposure-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#exposure-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = self.query_one("#exposure-text", Input).value
        try:
            kind, rest = read_kind(typed)
            text = clean_text(rest if kind is not None else typed)
            day = read_day(self.query_one("#exposure-day", Input).value, self.today)
        except ExposureError as exc:
            self.query_one("#exposure-hint", Static).update(Text(f"{exc}", style="bold"))
            return
        self.dismiss((kind or ExposureKind.OTHER, text, day))

    def action_cancel(self) -> None:
        self.dismiss(None)
