"""Home: the people you hold 1:1s with, what is due, and any meeting still live."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Sparkline, Static

from tui1on1.domain.cadence import describe_cadence, next_due
from tui1on1.domain.overview import PersonOverview
from tui1on1.domain.text import clip, plural, safe_terminal_text
from tui1on1.ui.app import MeetRequest, ServiceScreen
from tui1on1.ui.keys import bound_key
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import OpenTable
from tui1on1.ui.services import Services

SPARK = "▁▂▃▄▅▆▇█"
NAME_WIDTH = 28  # longer names and roles are cut, ending in "…"
ROLE_WIDTH = 24


def relative_day(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    days = (now.astimezone().date() - when.astimezone().date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days == -1:
        return "tomorrow"
    return f"{plural(days, 'day')} ago" if days > 0 else f"in {plural(-days, 'day')}"


def due_text(row: PersonOverview, now: datetime) -> Text:
    """When the next 1:1 is due; overdue is bold and worded, not only coloured."""
    person = row.person
    if not person.cadence:
        return Text("")
    if row.last_started_at is None:
        return Text("due now", style="bold")
    due = next_due(person.cadence, row.last_started_at.astimezone(), now)
    late = (now.astimezone().date() - due.astimezone().date()).days
    if late > 0:
        return Text(f"overdue {plural(late, 'day')}", style="bold")
    return Text("today" if late == 0 else relative_day(due, now))


def trend_text(minutes: tuple[float, ...]) -> str:
    """A tiny text sparkline of meeting lengths, for the table."""
    if not minutes:
        return ""
    low, high = min(minutes), max(minutes)
    span = (high - low) or 1.0
    return "".join(SPARK[round((m - low) / span * (len(SPARK) - 1))] for m in minutes)


# The table's columns, left to right, and the order they are given room in as
# the terminal narrows: a column that doesn't fit is left out whole; the role
# is cut (ending in "…") to fit before it is left out.
COLUMNS = ("name", "role", "relationship", "last", "due", "open", "lengths")
HEADERS = {
    "name": "Name",
    "role": "Role",
    "relationship": "Relationship",
    "last": "Last 1:1",
    "due": "Next due",
    "open": "Open me/them",
    "lengths": "Lengths",
}
ROOM_ORDER = ("name", "due", "last", "relationship", "open", "role", "lengths")
CELL_PADDING = 2  # a space either side of every cell
TABLE_CHROME = 3  # the focus bar and the scrollbar
MIN_ROLE = 8
NARROW = 60  # columns: below this the detail line has no length trend


def fit_columns(rows: list[dict[str, str | Text]], room: int) -> dict[str, int]:
    """column → the width its text may take, for the columns that fit in ``room``."""
    widths = {
        column: max([cell_len(HEADERS[column])] + [cell_len(str(row[column])) for row in rows])
        for column in COLUMNS
    }
    chosen: dict[str, int] = {}
    used = 0
    for column in ROOM_ORDER:
        width = widths[column]
        left = room - used - CELL_PADDING
        if width > left and column == "role" and left >= MIN_ROLE:
            width = left
        if width <= left or column == "name":
            chosen[column] = width
            used += width + CELL_PADDING
    return chosen


def _cut(cell: str | Text, width: int) -> str | Text:
    if isinstance(cell, Text) or cell_len(cell) <= width:
        return cell
    return clip(cell, width)


class HomeScreen(ServiceScreen):
    help_enter = "open the highlighted person"
    BINDINGS = [
        Binding("m", "meet", "Start 1:1", id="home_meet"),
        Binding("slash", "search", "Search", id="home_search"),
        Binding("a", "add_person", "Add", id="home_add"),
        Binding("e", "edit_person", "Edit", id="home_edit"),
        # Not in the footer (it has room for the everyday keys at 60 columns):
        # F1 and the palette list them, and the live banner names l.
        Binding(
            "h",
            "archive",
            "Archive",
            id="home_archive",
            show=False,
            tooltip="Archive or bring back (hidden, never deleted)",
        ),
        Binding(
            "l",
            "resume_live",
            "Resume live",
            id="home_resume",
            show=False,
            tooltip="Resume the live meeting",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PersonOverview] = []
        self.show_archived = False

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("", id="live-banner")
            yield OpenTable(id="people", cursor_type="row", zebra_stripes=True)
            yield Static("Opening…", id="home-empty")
            with Horizontal(id="home-detail"):
                yield Static("", id="detail-text")
                yield Sparkline([], id="detail-trend")
        yield Footer(compact=True, show_command_palette=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.query_one("#live-banner").display = False

    def services_ready(self, services: Services) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        if self.app.services is not None:
            self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def reload(self) -> None:
        services: Services | None = self.app.services
        if services is None:
            return
        rows = services.store.people_overview(include_archived=self.show_archived)
        show_latest(self.app, self._show, rows)

    def _show(self, rows: list[PersonOverview]) -> None:
        now = self.app.clock.now()
        self.rows = rows
        live = [row for row in rows if row.live_meeting_id is not None]
        banner = self.query_one("#live-banner", Static)
        banner.display = bool(live)
        names = ", ".join(safe_terminal_text(row.person.name) for row in live)
        resume = bound_key(self.app, HomeScreen, "home_resume", "l")
        banner.update(Text(f"Live now: {names}. Press {resume} to resume."))
        table = self.query_one(DataTable)
        selected = table.cursor_row
        cells = [self._cells(row, now) for row in rows]
        columns = fit_columns(cells, self.app.size.width - TABLE_CHROME)
        shown = [column for column in COLUMNS if column in columns]
        table.clear(columns=[c.key.value for c in table.columns.values()] != shown)
        if not table.columns:
            for column in shown:
                table.add_column(HEADERS[column], key=column)
        for row, row_cells in zip(rows, cells, strict=True):
            table.add_row(*(_cut(row_cells[c], columns[c]) for c in shown), key=str(row.person.id))
        if rows and selected is not None:
            table.move_cursor(row=min(selected, len(rows) - 1))
        empty = self.query_one("#home-empty", Static)
        empty.display = not rows
        add = bound_key(self.app, HomeScreen, "home_add", "a")
        empty.update(f"No one here yet. Press {add} to add someone, or run `tui1on1 meet NAME`.")
        self._show_detail()

    def _cells(self, row: PersonOverview, now: datetime) -> dict[str, str | Text]:
        person = row.person
        name = clip(safe_terminal_text(person.name), NAME_WIDTH)
        name += "  ● live" if row.live_meeting_id else ""
        if person.archived:
            name += "  (archived)"
        return {
            "name": name,
            "role": clip(safe_terminal_text(person.role), ROLE_WIDTH),
            "relationship": person.relationship.value,
            "last": relative_day(row.last_started_at, now),
            "due": due_text(row, now),
            "open": f"{row.open_mine} / {row.open_theirs}",
            "lengths": trend_text(row.recent_minutes),
        }

    def on_resize(self, _event: events.Resize) -> None:
        """Columns come and go with the width (see fit_columns)."""
        if self.rows:
            self._show(self.rows)

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        row = self.selected()
        detail = self.query_one("#home-detail")
        detail.display = row is not None
        if row is None:
            return
        cadence = describe_cadence(row.person.cadence) or "no cadence set"
        who = [row.person.name, row.person.role, row.person.relationship.value]
        text = " · ".join(safe_terminal_text(part) for part in who if part)
        text += f" · {cadence}"
        # Never met: no line at all, not a flat one. Below 60 columns the
        # words need the room.
        show_trend = bool(row.recent_minutes) and self.app.size.width >= NARROW
        if show_trend:
            text += f" · last {plural(len(row.recent_minutes), 'meeting')} (minutes):"
        elif row.last_started_at is None:
            text += " · not met yet"
        self.query_one("#detail-text", Static).update(Text(text))
        trend = self.query_one(Sparkline)
        trend.display = show_trend
        trend.data = list(row.recent_minutes)

    def selected(self) -> PersonOverview | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r for r in self.rows if str(r.person.id) == key), None)

    # --- actions --------------------------------------------------------------------

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter opens the person (the table keeps Enter for itself)."""
        row = self.selected()
        if row is not None:
            from tui1on1.ui.screens.person import PersonScreen

            self.app.push_screen(PersonScreen(row.person.id))

    def action_meet(self) -> None:
        row = self.selected()
        if row is None:
            self.notify(f"Add someone first ({bound_key(self.app, HomeScreen, 'home_add', 'a')}).")
            return
        from tui1on1.ui.screens.meeting import MeetingScreen

        self.app.switch_screen(MeetingScreen(MeetRequest(row.person.name)))

    def action_resume_live(self) -> None:
        live = [row for row in self.rows if row.live_meeting_id is not None]
        if not live:
            self.notify("No meeting is live.")
            return
        from tui1on1.ui.screens.meeting import MeetingScreen

        self.app.switch_screen(MeetingScreen(MeetRequest(live[0].person.name)))

    def action_search(self) -> None:
        from tui1on1.ui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_add_person(self) -> None:
        self._open_form(None)

    def action_edit_person(self) -> None:
        row = self.selected()
        if row is None:
            self.notify("Pick someone to edit.")
            return
        self._open_form(row.person)

    def _open_form(self, person) -> None:
        services = self.app.services
        if services is None:
            self.notify("One moment: the database is still opening.")
            return
        from tui1on1.ui.dialogs.person_form import PersonFormScreen, person_saver

        def saved(result) -> None:
            if result is not None:
                self.notify(f"Saved {safe_terminal_text(result.name)}.")
                self.reload()

        self.app.push_screen(PersonFormScreen(person_saver(services, person), person), saved)

    def action_archive(self) -> None:
        """Archive hides a person without deleting anything; again brings them back."""
        row = self.selected()
        if row is None or self.app.services is None:
            return
        self._archive(row.person.id, row.person.name, not row.person.archived)

    @work(thread=True, exit_on_error=False, group="home-archive")
    def _archive(self, person_id: int, name: str, archived: bool) -> None:
        self.app.services.store.update_person(person_id, archived=archived)
        if archived:
            message = (
                f"Archived {safe_terminal_text(name)}: hidden, nothing deleted. "
                "'Show archived people' in the palette lists them again."
            )
        else:
            message = f"{safe_terminal_text(name)} is back."
        self.app.call_from_thread(self.notify, message, timeout=6)
        self.reload()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()

    def palette_commands(self):
        from textual.app import SystemCommand

        def key(binding_id: str) -> str:
            return f" ({bound_key(self.app, HomeScreen, binding_id)})"

        yield SystemCommand(
            "Start 1:1", "With the highlighted person" + key("home_meet"), self.action_meet
        )
        yield SystemCommand(
            "Resume live meeting", "Pick up a 1:1 left running" + key("home_resume"),
            self.action_resume_live,
        )  # fmt: skip
        yield SystemCommand(
            "Archive or bring back",
            "Hide the highlighted person (never deleted), or bring them back" + key("home_archive"),
            self.action_archive,
        )
        label = "Hide archived people" if self.show_archived else "Show archived people"
        yield SystemCommand(
            label, "Archived people are hidden, never deleted", self.action_toggle_archived
        )
        yield SystemCommand(
            "Add person", "Name, role, relationship, cadence" + key("home_add"),
            self.action_add_person,
        )  # fmt: skip
        yield SystemCommand(
            "Edit person", "Change the highlighted person" + key("home_edit"),
            self.action_edit_person,
        )  # fmt: skip
