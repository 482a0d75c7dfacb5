"""One person, for the minute before a 1:1: their career thread, what each of
you promised, topics left open, the last meeting, questions asked lately, and
every meeting. `m` starts the 1:1 from here."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui1on1.domain.growth import current_aspiration
from tui1on1.domain.kinds import ActionStatus, CareerElement
from tui1on1.domain.records import Person
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.career_marking import choose_and_mark
from tui1on1.ui.career_series import person_line, start_career
from tui1on1.ui.dialogs.person_form import PersonFormScreen, person_saver
from tui1on1.ui.growth import plan_rows, plan_title
from tui1on1.ui.keys import bound_key
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import OpenList, Pane
from tui1on1.ui.person_actions import EMPTY as ACTIONS_EMPTY
from tui1on1.ui.person_actions import action_rows
from tui1on1.ui.person_open import not_opened, open_row
from tui1on1.ui.person_palette import person_commands
from tui1on1.ui.person_prep import PersonPrep, load_prep
from tui1on1.ui.person_sections import (
    asked_text,
    exposure_rows,
    exposure_title,
    last_meeting_text,
    meeting_rows,
    topic_rows,
)
from tui1on1.ui.screens.base import MeetRequest, ServiceScreen, not_loaded
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.career import EMPTY as CAREER_EMPTY
from tui1on1.ui.widgets.career import current_rows, row_element
from tui1on1.ui.widgets.keys_line import KeysLine


class PersonScreen(ServiceScreen[None]):
    help_enter = (
        "open the highlighted meeting, an action (done, drop, reschedule, reassign, edit), "
        "or the meeting a topic came from"
    )
    BINDINGS = [
        Binding("m", "meet", "Start 1:1", id="person_meet"),
        Binding(
            "p",
            "past_meetings",
            "Meetings",
            id="person_meetings",
            tooltip="Jump to their meetings, newest first; Enter opens one",
        ),
        Binding("x", "close_item", "Done", id="person_close", tooltip="Mark done / resolved"),
        Binding(
            "r",
            "talking_point",
            "Raise next 1:1",
            id="person_topic",
            show=False,
            tooltip="A talking point for the next 1:1, theirs or mine",
        ),
        Binding(
            "t",
            "career",
            "Career",
            id="person_career",
            tooltip="Their career thread: every answer over time",
        ),
        Binding(
            "c",
            "career_mark",
            "Re-mark",
            id="person_career_mark",
            show=False,
            tooltip="Where the highlighted career row's note goes (then one key)",
        ),
        # Out of the footer so F1 Help fits at 60 columns; F1 and the palette list them.
        Binding(
            "e",
            "edit",
            "Edit",
            id="person_edit",
            show=False,
            tooltip="Edit name, role, relationship, cadence, playbook",
        ),
        Binding(
            "s",
            "career_series",
            "Career 1:1",
            id="person_series",
            show=False,
            tooltip="Start the suggested career conversation (the line under their name)",
        ),
        Binding(
            "l",
            "log_exposure",
            "Exposure",
            id="person_exposure",
            show=False,
            tooltip="Log an opportunity given: a customer meeting, a talk, an intro…",
        ),
        Binding(
            "g",
            "growth_plan",
            "Plan",
            id="person_plan",
            show=False,
            tooltip="Their growth plan: a goal, the options they see, steps, how it stands",
        ),
        Binding("escape", "app.pop_screen", "Back", id="person_back", show=False),
    ]

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.prep: PersonPrep | None = None
        self.all_meetings = False  # "Show all N meetings" was chosen
        self._focused_once = False

    def compose(self) -> ComposeResult:
        close = bound_key(self.app, PersonScreen, "person_close", "x")
        jump = bound_key(self.app, PersonScreen, "person_meetings", "p")
        mark = bound_key(self.app, PersonScreen, "person_career_mark", "c")
        yield Static("Loading…", id="person-header")
        with VerticalScroll(id="person", can_focus=False):
            yield Static(
                f"Career thread  (Enter shows every entry · {mark} re-marks)",
                classes="section-title",
            )
            yield OpenList(id="person-career", classes="section-list")
            yield Static("Growth plan", id="person-plan-title", classes="section-title")
            yield OpenList(id="person-plan", classes="section-list")
            yield Static("Exposure given", id="person-exposure-title", classes="section-title")
            yield OpenList(id="person-exposure", classes="section-list")
            yield Static(
                f"Open actions  (Enter: done, drop, reschedule… · {close} marks done)",
                classes="section-title",
            )
            yield Static("", id="person-promises")
            yield OpenList(id="person-actions", classes="section-list")
            topic = bound_key(self.app, PersonScreen, "person_topic", "r")
            yield Static(
                f"Waiting for the next 1:1  ({topic} adds · {close} resolves)",
                classes="section-title",
            )
            yield OpenList(id="person-topics", classes="section-list")
            yield Static("Last meeting", classes="section-title")
            with Pane(id="person-last-pane", classes="pane"):
                yield Static("", id="person-last")
            yield Static("Questions asked lately", classes="section-title")
            with Pane(id="person-asked-pane", classes="pane"):
                yield Static("", id="person-asked")
            yield Static(f"Meetings  ({jump} jumps here)", classes="section-title")
            yield OpenList(id="person-meetings", classes="section-list")
        yield KeysLine()

    def services_ready(self, services: Services) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        if self.app.services is not None:
            self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="person")
    def reload(self) -> None:
        # A database problem gets the calm notification of every screen (AppScreen).
        prep = load_prep(self.open_services(), self.person_id, all_meetings=self.all_meetings)
        show_latest(self.app, self._show, prep)

    def show_store_error(self, error: StoreError, undone: str | None = None) -> None:
        """Said in a notification as on every screen; and if nothing could be
        loaded yet, the page says so instead of showing empty sections that
        would read as "no history"."""
        super().show_store_error(error, undone)
        if self.prep is None:
            self.query_one("#person-header", Static).update(not_loaded(error))
            self.query_one("#person").display = False

    def _show(self, prep: PersonPrep) -> None:
        self.prep = prep
        self.query_one("#person").display = True
        today = self.app.clock.now().astimezone().date()
        person = prep.person
        header = Text(safe_terminal_text(person.name), style="bold")
        details = [d for d in (person.role, person.relationship.value) if d]
        header.append("  " + " · ".join(safe_terminal_text(d) for d in details))
        if prep.series is not None and self.app.services is not None:
            key = bound_key(self.app, PersonScreen, "person_series", "s")
            now = self.app.clock.now()
            room = self.size.width - 2  # the header's padding
            series = person_line(self.app.services, prep.series, now, key, room)
            header.append("\n").append(series)
        self.query_one("#person-header", Static).update(header)
        self.sub_title = safe_terminal_text(person.name)
        room = self.size.width - 8  # the list's bar, padding and the scrollbar
        self._fill("#person-career", current_rows(prep.career, today, room), CAREER_EMPTY)

        plan_key = bound_key(self.app, PersonScreen, "person_plan", "g")
        plans = prep.plans
        self.query_one("#person-plan-title", Static).update(plan_title(plans, plan_key))
        wants = current_aspiration(prep.career)
        self._fill("#person-plan", plan_rows(plans, prep.plan_actions, today, room, wants), "")
        self.query_one("#person-promises", Static).update(Text(prep.promises, style="italic"))
        actions = action_rows(prep.actions, today, room, prep.private_actions)
        self._fill("#person-actions", actions, ACTIONS_EMPTY)
        topics = topic_rows(prep)
        self._fill("#person-topics", topics, "Nothing waiting, parked or left open.")

        log = bound_key(self.app, PersonScreen, "person_exposure", "l")
        self.query_one("#person-exposure-title", Static).update(
            exposure_title(prep.exposures, today, log)
        )
        self._fill(
            "#person-exposure",
            exposure_rows(prep.exposures, today, room),
            f"None logged yet: {log} logs one, or type '* customer …' in a 1:1.",
        )
        meet = bound_key(self.app, PersonScreen, "person_meet", "m")
        last = last_meeting_text(prep, meet)
        self.query_one("#person-last", Static).update(last)

        asked = asked_text(prep)
        self.query_one("#person-asked", Static).update(asked)

        meetings = meeting_rows(prep)
        self._fill("#person-meetings", meetings, "No meetings yet.")
        if not self._focused_once:
            self._focused_once = True
            self._focus_first_list()

    def _focus_first_list(self) -> None:
        """On arrival: the first list with something in it has the focus and
        its first row is highlighted, so Enter opens it at once."""
        lists = [self.query_one(f"#person-{name}", OpenList)
                 for name in ("career", "actions", "topics", "meetings")]  # fmt: skip
        target = next((v for v in lists if v.highlighted is not None), lists[0])
        self.set_focus(target)  # now, with the rows: the first frame shows it

    def _fill(self, selector: str, rows: list[tuple[str, Text]], empty: str) -> None:
        view = self.query_one(selector, OpenList)
        highlighted = view.highlighted
        view.clear_options()
        if rows:
            view.add_options([Option(text, id=key, disabled=not_opened(key))
                              for key, text in rows])  # fmt: skip
            if highlighted is not None:
                view.highlighted = min(highlighted, len(rows) - 1)
            view.highlight_first()
        else:
            view.add_option(Option(Text(empty, style="italic"), id="empty", disabled=True))

    def palette_commands(self) -> Iterable[SystemCommand]:
        return person_commands(self)

    # --- actions ---------------------------------------------------------------------

    def action_meet(self) -> None:
        if self.prep is None:
            return
        self.app.open_meeting(MeetRequest(self.prep.person.name))

    def action_career_series(self) -> None:
        """Start the 1:1 on the suggested career playbook."""
        if self.prep is not None:
            start_career(self, self.prep.person, self.prep.series)

    def action_past_meetings(self) -> None:
        """Focus the meetings, newest first and highlighted: Enter opens it."""
        meetings = self.query_one("#person-meetings", OpenList)
        meetings.highlight_first()
        meetings.focus()

    def action_edit(self) -> None:
        services = self.app.services
        if self.prep is None or services is None:
            return

        def saved(_person: Person | None) -> None:
            self.reload()

        self.app.push_screen(
            PersonFormScreen(person_saver(services, self.prep.person), self.prep.person), saved
        )

    def action_talking_point(self) -> None:
        from tui1on1.ui.talking_points import ask_talking_point

        if self.prep is not None:
            ask_talking_point(self, self.person_id, self.prep.person.name, self.reload)

    def action_log_exposure(self) -> None:
        from tui1on1.ui.exposures import ask_exposure

        if self.prep is not None:
            ask_exposure(self, self.person_id, self.prep.person.name, self.reload)

    def action_growth_plan(self) -> None:
        from tui1on1.domain.growth import current_aspiration
        from tui1on1.ui.growth import ask_plan

        prep = self.prep
        if prep is not None:
            ask_plan(self, self.person_id, prep.person.name, prep.plan_events,
                     prep.plan_actions, current_aspiration(prep.career), self.reload)  # fmt: skip

    def action_career(self, element: CareerElement | None = None) -> None:
        self.app.open_career(self.person_id, element)

    def action_career_mark(self) -> None:
        element = row_element(self._highlighted_key())
        entry = self.prep.career.current(element) if self.prep and element else None
        if entry is None:
            self.notify("Move to a row of the career thread first (Tab), then c.")
            return
        choose_and_mark(self, entry.note_id, entry.answer, element, self.reload, entry.auto)

    def _highlighted_key(self) -> str:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            return focused.get_option_at_index(focused.highlighted).id or ""
        return ""

    def action_close_item(self) -> None:
        kind, _, ident = self._highlighted_key().partition("-")
        if kind not in ("action", "topic", "point"):
            close = bound_key(self.app, PersonScreen, "person_close", "x")
            self.notify(f"Move to an open action or a topic first (Tab), then {close}.")
            return
        self._close(kind, ident)

    @work(thread=True, exit_on_error=False, group="person-close")
    def _close(self, kind: str, ident: str) -> None:
        services = self.open_services()
        now = services.clock.now()
        try:
            if kind == "action":
                services.store.set_action_status(
                    int(ident), ActionStatus.DONE, meeting_id=None, at=now
                )
                message = "Marked done."
            elif kind == "point":
                services.store.set_talking_point_resolved(ident, now)
                message = "Marked resolved."
            else:
                services.store.set_note_resolved(int(ident), now)
                message = "Marked resolved."
        except StoreError as error:
            undone = "Not marked done" if kind == "action" else "Not marked resolved"
            self.app.call_from_thread(self.show_store_error, error, undone)
            return
        self.app.call_from_thread(self.notify, message, timeout=3)
        self.reload()

    @on(OptionList.OptionSelected)
    def _open_row(self, event: OptionList.OptionSelected) -> None:
        """Enter on a row opens what it stands for (see :func:`open_row`)."""
        open_row(self, event.option.id or "")
