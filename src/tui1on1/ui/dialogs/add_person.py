"""Adding a person: name, role, cadence. Errors are shown in the dialog."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AddPersonScreen(ModalScreen[dict | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add_person_cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-person", classes="dialog"):
            yield Static("Add a person", classes="dialog-title")
            yield Input(placeholder="Name", id="name", max_length=80)
            yield Input(placeholder="Role (optional)", id="role", max_length=120)
            yield Input(placeholder="Cadence: weekly, biweekly, monthly or an RRULE", id="cadence")
            yield Static("", id="add-person-error")
            yield Static("Enter to add · Esc to cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        values = {
            name: self.query_one(f"#{name}", Input).value for name in ("name", "role", "cadence")
        }
        if not values["name"].strip():
            self.show_error("A name is needed.")
            self.query_one("#name", Input).focus()
            return
        self.dismiss(values)

    def show_error(self, message: str) -> None:
        self.query_one("#add-person-error", Static).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)
