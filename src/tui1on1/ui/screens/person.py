"""One person, for the minute before a 1:1: their career thread, what each of
you promised, topics left open, the last meeting, questions asked lately, and
every meeting. `m` starts the 1:1 from here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui1on1.domain.clock import format_mmss
from tui1on1.domain.grammar import PRIVATE_MARK
from tui1on1.domain.kinds import ActionStatus, CareerElement, NoteKind
from tui1on1.domain.records import Person
from tui1on1.domain.text import clip, plural, safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.action_ledger import change_action
from tui1on1.ui.career_marking import choose_and_mark
from tui1on1.ui.career_series import palette_help, person_line, start_career
from tui1on1.ui.dialogs.person_form import PersonFormScreen, person_saver
from tui1on1.ui.keys import bound_key
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import OpenList, Pane, one_line
from tui1on1.ui.person_actions import EMPTY as ACTIONS_EMPTY
from tui1on1.ui.person_actions import action_rows
from tui1on1.ui.person_prep import PersonPrep, load_prep
from tui1on1.ui.screens.base import MeetRequest, ServiceScreen, not_loaded
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.career import EMPTY as CAREER_EMPTY
from tui1on1.ui.widgets.career import current_rows, row_element

NOT_OPENED = {"topics-more"}  # rows that only say something


def _not_opened(key: str) -> bool:
    return key in NOT_OPENED or key.startswith("heading-")


ANSWER_CHARS = 60  # a longer answer is cut, ending in "…"


def _day(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return f"{local:%a} {local.day} {local:%b %Y}"


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
        yield Footer(compact=True, show_command_palette=True)

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

        self.query_one("#person-promises", Static).update(Text(prep.promises, style="italic"))
        actions = action_rows(prep.actions, today, room, prep.private_actions)
        self._fill("#person-actions", actions, ACTIONS_EMPTY)
        points = [
            (f"point-{p.uid}", Text("» ") + Text(one_line(safe_terminal_text(p.text)))
             + Text(f"  {'my topic' if p.mine else 'their topic'} · {_day(p.created_at)}",
                    style="italic"))
            for p in prep.points
        ]  # fmt: skip
        topics = points + [
            (f"topic-{n.id}", Text(f"{'~' if n.kind is NoteKind.PARKED else '?'} ")
             + Text(one_line(safe_terminal_text(n.text)))
             + Text(f"  {_day(n.created_at)}", style="italic"))
            for n in prep.topics
        ]  # fmt: skip
        if prep.topic_count > len(prep.topics):
            more = prep.topic_count - len(prep.topics)
            topics.append(
                (
                    "topics-more",
                    Text(
                        f"… and {more} older: search with kind:parked or kind:question",
                        style="italic",
                    ),
                )
            )
        self._fill("#person-topics", topics, "Nothing waiting, parked or left open.")

        last = Text()
        if prep.meetings:
            latest = prep.meetings[0].meeting
            summary = one_line(safe_terminal_text(latest.summary or latest.status.value))
            last.append(f"{_day(latest.started_at)}  {summary}")
            for note in prep.last_notes:
                last.append(f"\n  {format_mmss(note.elapsed_seconds)} {note.kind.value:<8} ")
                if note.private:
                    last.append(f"{PRIVATE_MARK} ")
                last.append(one_line(safe_terminal_text(note.text)))
        else:
            meet = bound_key(self.app, PersonScreen, "person_meet", "m")
            last.append(f"No meetings yet: {meet} starts the first one.")
        self.query_one("#person-last", Static).update(last)

        asked = Text()
        for question, before in prep.asked:
            if asked:
                asked.append("\n")
            asked.append(f"  {_day(before.asked_at)}  {safe_terminal_text(question)}")
            if before.answer:
                answer = clip(one_line(safe_terminal_text(before.answer)), ANSWER_CHARS)
                asked.append(f"  → {answer}", style="italic")
        self.query_one("#person-asked", Static).update(asked or Text("  None yet."))

        meetings = []
        for listing in prep.meetings:
            m = listing.meeting
            length = ""
            if m.ended_at:
                length = f"{round((m.ended_at - m.started_at).total_seconds() / 60)} min"
            line = f"{_day(m.started_at):<15}  {length:>6}  {plural(listing.notes, 'note')} · "
            line += f"{plural(listing.actions, 'action')} · "
            line += plural(listing.questions, "question")
            if m.status.value == "live":
                line += "  ● live"
            meetings.append((f"meeting-{m.id}", Text(line)))
        if prep.meeting_count > len(meetings):
            meetings.append(
                (
                    "meetings-all",
                    Text(f"Show all {prep.meeting_count} meetings (Enter)", style="italic"),
                )
            )
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
            view.add_options([Option(text, id=key, disabled=_not_opened(key))
                              for key, text in rows])  # fmt: skip
            if highlighted is not None:
                view.highlighted = min(highlighted, len(rows) - 1)
            view.highlight_first()
        else:
            view.add_option(Option(Text(empty, style="italic"), id="empty", disabled=True))

    def palette_commands(self) -> Iterable[SystemCommand]:
        def key(binding_id: str) -> str:
            return f" ({bound_key(self.app, PersonScreen, binding_id)})"

        yield SystemCommand("Start 1:1", "With this person" + key("person_meet"), self.action_meet)
        if self.prep is not None and self.prep.series is not None:
            yield SystemCommand(
                "Start career conversation",
                palette_help(self.app.services, self.prep.series, key("person_series")),
                self.action_career_series,
            )
        yield SystemCommand(
            "Past meetings",
            "Jump to their meetings, newest first" + key("person_meetings"),
            self.action_past_meetings,
        )
        yield SystemCommand(
            "Career thread",
            "Every answer about their career, over time" + key("person_career"),
            self.action_career,
        )
        yield SystemCommand(
            "Re-mark a career entry",
            "Where the highlighted career row's note goes" + key("person_career_mark"),
            self.action_career_mark,
        )
        yield SystemCommand(
            "Talking point for the next 1:1",
            "Something to raise with them, theirs or mine" + key("person_topic"),
            self.action_talking_point,
        )
        yield SystemCommand(
            "Mark done or resolved",
            "The highlighted action, talking point, parked topic or open question"
            + key("person_close"),
            self.action_close_item,
        )
        yield SystemCommand(
            "Edit person", "Name, role, relationship, cadence" + key("person_edit"),
            self.action_edit,
        )  # fmt: skip

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
        """Enter on a meeting opens it; on an action, the action's dialog; on
        a topic, the meeting it came from, at that note."""
        key = event.option.id or ""
        kind, _, ident = key.partition("-")
        target: tuple[int, int | None] | None = None
        if (element := row_element(key)) is not None:
            self.action_career(element)
        elif key == "meetings-all":
            self.all_meetings = True
            self.reload()
        elif kind == "meeting":
            target = (int(ident), None)
        elif kind == "action" and self.prep is not None:
            change_action(self, int(ident), self.prep.person.name, self.reload)
        elif kind == "topic" and self.prep is not None:
            note = next((n for n in self.prep.topics if n.id == int(ident)), None)
            if note is not None:
                target = (note.meeting_id, note.id)
        if target is not None:
            self.app.open_past_meeting(*target)
