"""Adding a person: name, role, cadence.

The dialog stays open until the person is saved: a refused value (a name
already taken, a cadence that can't be read) is shown in the dialog and
everything typed stays where it was.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui1on1.domain.records import Person

# Runs in a worker thread; returns the new person, or raises StoreError.
SavePerson = Callable[[str, str, str], Person]


class AddPersonScreen(ModalScreen[Person | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add_person_cancel")]

    def __init__(self, save: SavePerson) -> None:
        super().__init__()
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="add-person", classes="dialog"):
            yield Static("Add a person", classes="dialog-title")
            yield Input(placeholder="Name", id="name", max_length=80)
            yield Input(placeholder="Role (optional)", id="role", max_length=120)
            yield Input(placeholder="Cadence: weekly, biweekly, monthly or an RRULE", id="cadence")
            yield Static("", id="add-person-error")
            yield Static(
                "Enter to add · Tab for the next field · Esc to cancel", classes="dialog-hint"
            )

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        name, role, cadence = (
            self.query_one(f"#{field}", Input).value for field in ("name", "role", "cadence")
        )
        if not name.strip():
            self.show_error("A name is needed.")
            self.query_one("#name", Input).focus()
            return
        self._submit(name, role, cadence)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _submit(self, name: str, role: str, cadence: str) -> None:
        from tui1on1.storage.errors import StoreError

        try:
            person = self._save(name, role, cadence)
        except StoreError as exc:
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, person)

    def show_error(self, message: str) -> None:
        self.query_one("#add-person-error", Static).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)
