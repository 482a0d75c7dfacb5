"""Home: the people you hold 1:1s with, and any meeting still live."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from tui1on1.domain.cadence import describe_cadence, next_due
from tui1on1.domain.records import Person
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.app import MeetRequest, ServiceScreen
from tui1on1.ui.services import Services


def relative_day(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    days = (now.astimezone().date() - when.astimezone().date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days > 0:
        return f"{days} days ago"
    return f"in {-days} days"


class HomeScreen(ServiceScreen):
    BINDINGS = [
        Binding("m", "meet", "Start/resume 1:1 (Enter)", id="home_meet"),
        Binding("a", "add_person", "Add person", id="home_add"),
        Binding("r", "reload", "Refresh", id="home_reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Person] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("", id="live-banner")
            yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
            yield Static("Opening…", id="home-empty")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Name", "Role", "Last 1:1", "Next due", "Cadence")
        self.query_one("#live-banner").display = False
        super().on_mount()

    def services_ready(self, services: Services) -> None:
        self.reload()

    def action_reload(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def reload(self) -> None:
        services: Services | None = self.app.services
        if services is None:
            return
        store = services.store
        data = (store.list_people(), store.live_meetings(), store.last_meeting_starts())
        self.app.call_from_thread(self._show, *data)

    def _show(self, people: list[Person], live, last: dict[int, datetime]) -> None:
        now = self.app.clock.now()
        self.people = people
        names = {p.id: p.name for p in people}
        banner = self.query_one("#live-banner", Static)
        live_names = [safe_terminal_text(names.get(m.person_id, "?")) for m in live]
        banner.display = bool(live_names)
        banner.update(Text(f"Live now: {', '.join(live_names)} — select and press Enter to resume"))
        table = self.query_one(DataTable)
        table.clear()
        for person in people:
            started = last.get(person.id)
            due = ""
            if person.cadence:
                due_at = next_due(person.cadence, started.astimezone() if started else None, now)
                due = "overdue" if due_at <= now and started else relative_day(due_at, now)
                if started is None:
                    due = "now"
            name = safe_terminal_text(person.name)
            if any(m.person_id == person.id for m in live):
                name += "  ● live"
            table.add_row(
                name,
                safe_terminal_text(person.role),
                relative_day(started, now),
                due,
                describe_cadence(person.cadence),
                key=str(person.id),
            )
        empty = self.query_one("#home-empty", Static)
        empty.display = not people
        empty.update("No one here yet. Press a to add someone, or run `tui1on1 meet NAME`.")

    def _selected(self) -> Person | None:
        table = self.query_one(DataTable)
        if not self.people or table.cursor_row is None:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in self.people if str(p.id) == key), None)

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter on a row (the table keeps Enter for itself)."""
        self.action_meet()

    def action_meet(self) -> None:
        person = self._selected()
        if person is None:
            self.notify("Add someone first (a).")
            return
        from tui1on1.ui.screens.meeting import MeetingScreen

        self.app.switch_screen(MeetingScreen(MeetRequest(person.name)))

    def action_add_person(self) -> None:
        from tui1on1.ui.dialogs.add_person import AddPersonScreen

        store = self.app.services.store if self.app.services else None
        if store is None:
            self.notify("One moment: the database is still opening.")
            return

        def save(name: str, role: str, cadence: str) -> Person:
            return store.add_person(name, role=role, cadence=cadence or None)

        def added(person: Person | None) -> None:
            if person is not None:
                self.notify(f"Added {safe_terminal_text(person.name)}.")
                self.reload()

        self.app.push_screen(AddPersonScreen(save), added)
