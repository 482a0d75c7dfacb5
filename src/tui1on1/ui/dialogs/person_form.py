"""Adding or editing a person: name, role, relationship, cadence, default playbook.

The dialog stays open until the person is saved: a refused value (a name
already taken, a cadence that can't be read) is shown in the dialog and
everything typed stays where it was.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static

from tui1on1.domain.cadence import describe_cadence
from tui1on1.domain.kinds import Relationship
from tui1on1.domain.records import Person
from tui1on1.storage.errors import InvalidInput, StoreError
from tui1on1.ui.dialogs.fit import FitModal
from tui1on1.ui.services import Services

FIELDS = ("name", "role", "relationship", "cadence", "playbook")
# report, manager, skip-level, peer, skip-report
RELATIONSHIPS = tuple(r.value for r in Relationship)

# Runs in a worker thread with the field values; returns the saved person or
# raises StoreError with a message to show.
SavePerson = Callable[[dict[str, str]], Person]


class FormBody(VerticalScroll, can_focus=False):
    """Scrolls to the focused field when the terminal is short; never takes
    a Tab itself."""


class PersonFormScreen(FitModal[Person | None]):
    """The fields scroll when the terminal is short; the hint stays at the
    bottom of the dialog (app.tcss). F1 lists the form's keys."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="person_form_cancel"),
        Binding("f1", "app.help", "Help", id="help", show=False),
    ]
    help_title = "Keys in the person form"
    help_rows = (
        ("Enter", "Save (in a text field)"),
        ("Tab / shift+Tab", "Next / previous field"),
        ("Enter / Space", "Open the relationship choices; Up / Down and Enter pick one"),
    )

    def __init__(self, save: SavePerson, person: Person | None = None) -> None:
        super().__init__()
        self._save = save
        self.person = person

    def compose(self) -> ComposeResult:
        person = self.person
        title = f"Edit {person.name}" if person else "Add a person"
        values = {
            "name": person.name if person else "",
            "role": person.role if person else "",
            "cadence": describe_cadence(person.cadence) if person else "",
            "playbook": (person.default_playbook or "") if person else "",
        }
        # Each field's label stays on its border when the field is filled in.
        labels = {
            "name": "Name",
            "role": "Role (optional)",
            "relationship": "Relationship: " + ", ".join(RELATIONSHIPS),
            "cadence": "Cadence (optional)",
            "playbook": "Default playbook (optional)",
        }
        hints = {
            "name": "Name",
            "role": "e.g. Staff engineer",
            "cadence": "weekly, biweekly, monthly or an RRULE",
            "playbook": "weekly, first, quarterly, …",
        }
        self._labels = labels
        relationship = person.relationship.value if person else Relationship.REPORT.value
        with FormBody(id="person-form", classes="dialog"):
            yield Static(title, classes="dialog-title")
            for name in FIELDS:
                field: Input | Select[str]
                if name == "relationship":
                    field = Select(
                        [(choice, choice) for choice in RELATIONSHIPS],
                        value=relationship,
                        allow_blank=False,
                        id=name,
                    )
                else:
                    field = Input(values[name], placeholder=hints[name], id=name, max_length=200)
                if name != "relationship":
                    field.border_title = labels[name]
                yield field
            yield Static("", id="person-form-error")
            yield Static(
                "Enter saves · Tab: next field · Esc cancels · F1: keys",
                id="person-form-hint",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        # A Select draws its border on the box showing the value: the label goes there.
        self.query_one("#relationship SelectCurrent").border_title = self._labels["relationship"]

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        values = {name: self.query_one(f"#{name}", Input).value
                  for name in FIELDS if name != "relationship"}  # fmt: skip
        values["relationship"] = str(self.query_one("#relationship", Select).value)
        if not values["name"].strip():
            self.show_error("A name is needed.")
            self.query_one("#name", Input).focus()
            return
        self._submit(values)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _submit(self, values: dict[str, str]) -> None:
        try:
            person = self._save(values)
        except StoreError as exc:
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, person)

    def show_error(self, message: str) -> None:
        self.query_one("#person-form-error", Static).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)


def person_saver(services: Services, person: Person | None) -> SavePerson:
    """The save function for the form: add a person, or change this one."""
    store = services.store

    def save(values: dict[str, str]) -> Person:
        slug = values["playbook"].strip()
        if slug and slug not in services.playbooks:
            choices = ", ".join(sorted(services.playbooks))
            raise InvalidInput(f"there is no playbook '{slug}'; choose one of: {choices}")
        relationship = values["relationship"].strip() or "report"
        if person is None:
            return store.add_person(
                values["name"],
                role=values["role"],
                relationship=relationship,
                cadence=values["cadence"] or None,
                default_playbook=slug or None,
            )
        return store.update_person(
            person.id,
            name=values["name"],
            role=values["role"],
            relationship=relationship,
            cadence=values["cadence"],  # empty clears it
            default_playbook=slug,  # empty clears it
        )

    return save
