"""Home: the people you hold 1:1s with, what is due, and any meeting still live."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Sparkline, Static

from tui1on1.domain.overview import PersonOverview
from tui1on1.domain.records import Meeting, Person
from tui1on1.domain.series import CareerHistory, CareerSuggestion
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui import home_live
from tui1on1.ui.career_series import histories, home_marker, suggestion
from tui1on1.ui.dialogs.person_form import PersonFormScreen, person_saver
from tui1on1.ui.home_live import ForgottenEnded, ForgottenNotEnded, ended_notice, live_rows
from tui1on1.ui.home_palette import home_commands
from tui1on1.ui.home_promises import kept_stats, promise_line
from tui1on1.ui.home_rows import (
    COLUMNS,
    DETAIL_CHROME,
    HEADERS,
    TABLE_CHROME,
    cut,
    detail_words,
    fit_columns,
    row_cells,
)
from tui1on1.ui.keys import bound_key
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import OpenTable
from tui1on1.ui.screens.base import MeetRequest, ServiceScreen
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.keys_line import KeysLine


class HomeScreen(ServiceScreen[None]):
    help_enter = "open the highlighted person"
    BINDINGS = [
        Binding("m", "meet", "Start 1:1", id="home_meet"),
        Binding("slash", "search", "Search", id="home_search"),
        Binding("a", "add_person", "Add", id="home_add"),
        Binding(
            "p",
            "app.open_actions",
            "Actions",
            id="home_actions",
            show=False,  # the footer has no room at 60 columns: the promises line names it
            tooltip="Every action, mine and theirs: done, drop, reschedule",
        ),
        Binding(
            "t",
            "app.open_team",
            "Team",
            id="home_team",
            show=False,  # like p: the footer has no room at 60 columns; F1 and the palette list it
            tooltip="Your reports, who needs you first: aspiration, career talk, next step",
        ),
        Binding("e", "edit_person", "Edit", id="home_edit"),
        Binding(
            "i",
            "app.open_mirror",
            "Mirror",
            id="home_mirror",
            show=False,  # the footer has no room at 60 columns: the palette names it
            tooltip="How you run your 1:1s: pauses, career time, cadence, promises",
        ),
        Binding(
            "r",
            "talking_point",
            "Raise next 1:1",
            id="home_topic",
            show=False,
            tooltip="A talking point for the next 1:1 with the highlighted person",
        ),
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

    def __init__(self, select_person_id: int | None = None, *, read_ahead: bool = False) -> None:
        super().__init__()
        self.rows: list[PersonOverview] = []
        self.live: dict[int, Meeting] = {}  # the live meetings, by id
        self.series: dict[int, CareerHistory] = {}  # the career series, by person id
        self.show_archived = False
        #: Whom to highlight when the rows arrive (the person the manager was
        #: last dealing with: a 1:1 just ended or discarded); then the
        #: highlight stays on whoever it is on as rows come and go.
        self.select_person_id = select_person_id
        self._read_ahead = read_ahead  # read the rows before the Store opens (_first_rows)
        self._store_shown = False  # the Store's rows are on screen
        self._waiting: list[Callable[[], object]] = []  # keys pressed before it opened
        self._rows_shown = False  # then a key aimed at the highlighted person is taken

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("", id="live-banner")
            yield OpenTable(id="people", cursor_type="row", zebra_stripes=True)
            yield Static("Opening…", id="home-empty")
            with Horizontal(id="home-detail"):
                yield Static("", id="detail-text")
                yield Sparkline([], id="detail-trend")
            yield Static("", id="home-promises")
        yield KeysLine()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.query_one("#live-banner").display = False
        self.query_one("#home-detail").display = False  # no one highlighted: no empty trend
        if self._read_ahead and self.app.services is None:
            self._first_rows()

    @work(thread=True, exit_on_error=False, group="home-first")
    def _first_rows(self) -> None:
        """The rows read with the standard library while the Store opens
        (``storage.quick_read``: SQLite only, and only when it can tell), so
        the people show without waiting for SQLAlchemy. The Store's rows,
        with the live meetings, career series and promises, follow."""
        from tui1on1.storage.opening import home_rows_ahead

        rows = home_rows_ahead(self.app.settings)
        if rows is not None:
            self.app.call_from_thread(self._show_first, rows)

    def _show_first(self, rows: list[PersonOverview]) -> None:
        if not self._store_shown:
            self._show(rows)

    def _show_stored(
        self,
        rows: list[PersonOverview],
        live: dict[int, Meeting],
        series: dict[int, CareerHistory],
    ) -> None:
        self._store_shown = True
        self._show(rows, live, series)
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def services_ready(self, services: Services) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        if self.app.services is not None:
            self.reload()

    def _when_open(self, action: Callable[[], object]) -> None:
        """Run ``action`` now if the Store's rows are on screen, else once
        they are: the rows read before it opened can be acted on, with the
        live meetings known, and the key pressed is never lost."""
        if self._store_shown:
            action()
        else:
            self._waiting.append(action)

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def reload(self) -> None:
        services = self.open_services()
        rows = services.store.people_overview(include_archived=self.show_archived)
        live = {meeting.id: meeting for meeting in services.store.live_meetings()}
        show_latest(self.app, self._show_stored, rows, live, histories(services))
        key = bound_key(self.app, HomeScreen, "home_actions", "p")
        team = bound_key(self.app, HomeScreen, "home_team", "t")
        line = promise_line(kept_stats(services), key, team)
        show_latest(self.app, lambda: self.query_one("#home-promises", Static).update(line))

    def _show(
        self,
        rows: list[PersonOverview],
        live: dict[int, Meeting] | None = None,
        series: dict[int, CareerHistory] | None = None,
    ) -> None:
        now = self.app.clock.now()
        if live is not None:
            self.live = live
        if series is not None:
            self.series = series
        keep = self.select_person_id
        if keep is None and (current := self.selected()) is not None:
            keep = current.person.id
        self.select_person_id = None
        self.rows = rows
        banner = self.query_one("#live-banner", Static)
        live_pairs = live_rows(self.rows, self.live)
        banner.display = bool(live_pairs)
        resume = bound_key(self.app, HomeScreen, "home_resume", "l")
        banner.update(home_live.banner(live_pairs, now, resume))
        table = self.query_one(DataTable)
        selected = table.cursor_row
        wanted = next((i for i, row in enumerate(rows) if row.person.id == keep), None)
        if wanted is not None:
            selected = wanted
        cells = [row_cells(row, now) for row in rows]
        columns = fit_columns(cells, self.app.size.width - TABLE_CHROME)
        shown = [column for column in COLUMNS if column in columns]
        # Each column gets the width its text was cut to. Left to measure
        # itself, the table does so only when it next goes idle, and a frame
        # drawn before that was kept: columns as narrow as their headers.
        widths = [(column, columns[column]) for column in shown]
        table.clear(columns=[(c.key.value, c.width) for c in table.columns.values()] != widths)
        if not table.columns:
            for column, width in widths:
                table.add_column(HEADERS[column], key=column, width=width)
        for row, texts in zip(rows, cells, strict=True):
            table.add_row(*(cut(texts[c], columns[c]) for c in shown), key=str(row.person.id))
        if rows and selected is not None:
            table.move_cursor(row=min(selected, len(rows) - 1))
        empty = self.query_one("#home-empty", Static)
        empty.display = not rows
        add = bound_key(self.app, HomeScreen, "home_add", "a")
        empty.update(f"No one here yet. Press {add} to add someone, or run `tui1on1 meet NAME`.")
        self._show_detail()
        self._rows_shown = True

    def _when_shown(self, action: Callable[[], object]) -> None:
        """Run ``action`` on the highlighted person if the rows are on screen;
        before they are, say so instead. Never run it later on whoever is
        highlighted then: an arrow pressed meanwhile went nowhere, so that
        would be a guess (the wrong person archived or edited)."""
        if self._rows_shown:
            action()
        else:
            self.notify("One moment: your people are still being read.")

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
        edit = bound_key(self.app, HomeScreen, "home_edit", "e")
        text, show_trend = detail_words(row, edit, self.app.size.width)
        text += home_marker(self.app.services, self.career_suggestion(row))
        self.query_one("#detail-text", Static).update(Text(text))
        trend = self.query_one(Sparkline)
        # The bars only beside the words, never wrapping them: the words say it.
        trend.display = show_trend and cell_len(text) <= self.app.size.width - DETAIL_CHROME
        trend.data = list(row.recent_minutes)

    def career_suggestion(self, row: PersonOverview | None) -> CareerSuggestion | None:
        """The next career conversation with ``row``'s person, if any."""
        services = self.app.services
        if row is None or services is None:
            return None
        history = self.series.get(row.person.id)
        return suggestion(services, row.person, history, self.app.clock.now())

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
            self.app.open_person(row.person.id)

    def action_meet(self) -> None:
        self._when_shown(self._meet)

    def _meet(self) -> None:
        row = self.selected()
        if row is None:
            self.notify(f"Add someone first ({bound_key(self.app, HomeScreen, 'home_add', 'a')}).")
            return
        self.app.open_meeting(MeetRequest(row.person.name, person_id=row.person.id))

    def action_resume_live(self) -> None:
        """The highlighted person's live meeting; else the only one; with
        several, ask which. Never a guess."""
        self._when_open(lambda: home_live.resume_live(self))

    def on_forgotten_ended(self, event: ForgottenEnded) -> None:
        self.notify(ended_notice(event), timeout=6, markup=False)
        self.select_person_id = event.person_id
        self.reload()

    def on_forgotten_not_ended(self, event: ForgottenNotEnded) -> None:
        self.notify(f"The 1:1 was not ended: {event.error}", severity="warning", markup=False)

    def action_search(self) -> None:
        self.app.action_search()

    def action_add_person(self) -> None:
        self._open_form(None)

    def action_edit_person(self) -> None:
        self._when_shown(self._edit)

    def _edit(self) -> None:
        row = self.selected()
        if row is None:
            self.notify("Pick someone to edit.")
            return
        self._open_form(row.person)

    def _open_form(self, person: Person | None) -> None:
        self._when_open(lambda: self._push_form(person))

    def _push_form(self, person: Person | None) -> None:
        services = self.open_services()

        def saved(result: Person | None) -> None:
            if result is not None:
                self.notify(f"Saved {safe_terminal_text(result.name)}.")
                self.reload()

        self.app.push_screen(PersonFormScreen(person_saver(services, person), person), saved)

    def action_talking_point(self) -> None:
        self._when_shown(self._talking_point)

    def _talking_point(self) -> None:
        from tui1on1.ui.talking_points import ask_talking_point

        row = self.selected()
        if row is not None:
            person = row.person
            self._when_open(lambda: ask_talking_point(self, person.id, person.name, self.reload))

    def action_archive(self) -> None:
        """Archive hides a person without deleting anything; again brings them back."""
        self._when_shown(self._archive_selected)

    def _archive_selected(self) -> None:
        row = self.selected()
        if row is not None:
            person = row.person
            self._when_open(lambda: self._archive(person.id, person.name, not person.archived))

    @work(thread=True, exit_on_error=False, group="home-archive")
    def _archive(self, person_id: int, name: str, archived: bool) -> None:
        try:
            self.open_services().store.update_person(person_id, archived=archived)
        except StoreError as error:
            who = safe_terminal_text(name)
            undone = f"{who} was not archived" if archived else f"{who} was not brought back"
            self.app.call_from_thread(self.show_store_error, error, undone)
            return
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

    def palette_commands(self) -> Iterable[SystemCommand]:
        return home_commands(self)
