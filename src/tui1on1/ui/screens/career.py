"""The career thread in full: for each element (aspiration, why, moonshot,
strengths used, unused or draining, plan step) every entry, newest first,
with the question it answered and what it replaced. c re-marks the
highlighted entry's note; Enter opens the meeting it came from."""

from __future__ import annotations

from contextlib import suppress
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui1on1.domain.career import (
    ELEMENT_TITLES,
    ELEMENTS,
    CareerEntry,
    CareerThread,
    format_day,
    shorten,
)
from tui1on1.domain.kinds import ActionStatus, CareerElement
from tui1on1.domain.records import Person
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.career_marking import choose_and_mark
from tui1on1.ui.keys import bound_key
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import OpenList, one_line
from tui1on1.ui.screens.base import ServiceScreen, not_loaded
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.keys_line import KeysLine

MORE_NOTES = 3  # an entry's further notes shown under it
INDENT = 14  # where an entry's lines start, under its answer


def entry_id(entry: CareerEntry) -> str:
    """Unique on the screen: a meeting may give an element several entries
    (one per answer), and a note is in one element only."""
    return f"entry-{entry.note_id}"


def entry_text(thread: CareerThread, entry: CareerEntry, today: date, width: int = 80) -> Text:
    """Lines of at most ``width`` cells: the date and answer (with "done" for
    a plan step ticked off); the entry's further notes; the question it
    answered; what it replaced."""
    room = max(width - INDENT, 20)
    text = Text(f"  {format_day(entry.answered_at, today):<11} ", style="bold")
    text.append(shorten(one_line(safe_terminal_text(entry.headline)), room))
    if entry.action_status in (ActionStatus.DONE, ActionStatus.DROPPED):
        text.append(f"  {entry.action_status}", style="bold")
    for more in entry.notes[1 : 1 + MORE_NOTES]:
        text.append(f"\n{'':{INDENT}}· " + shorten(one_line(safe_terminal_text(more)), room - 2))
    if len(entry.notes) > 1 + MORE_NOTES:
        text.append(f"\n{'':{INDENT}}… {len(entry.notes) - 1 - MORE_NOTES} more in that meeting")
    if entry.marked:
        source = "marked by you"
    else:
        lead = "after Why? on “" if entry.after_why else "answer to “"
        question = shorten(safe_terminal_text(one_line(entry.question)), room - len(lead) - 1)
        source = f"{lead}{question}”"
    text.append(f"\n{'':{INDENT}}{source}", style="italic")
    before = thread.was(entry)
    if before is not None:
        day = format_day(before.answered_at, today)
        was = shorten(safe_terminal_text(before.headline), room - len(day) - 7)
        text.append(f"\n{'':{INDENT}}was: {was}, {day}")
    return text


def heading_text(thread: CareerThread, element: CareerElement) -> Text:
    text = Text(ELEMENT_TITLES[element], style="bold")
    change = thread.change(element)
    if change:
        text.append(f"  {change} since the last career talk", style="italic")
    if not thread.timeline(element):
        text.append("  nothing yet", style="italic")
    return text


class CareerScreen(ServiceScreen[None]):
    help_enter = "open the meeting the highlighted entry came from, at its note"
    BINDINGS = [
        Binding("c", "mark", "Re-mark", id="career_mark_entry",
                tooltip="Where the entry's note goes in the thread (then one key)"),
        Binding("escape,f2", "app.pop_screen", "Back", id="career_back"),
    ]  # fmt: skip

    def __init__(self, person_id: int, element: CareerElement | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.element = element  # the element to start at
        self.thread: CareerThread | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="career-screen"):
            yield Static("Loading…", id="career-header")
            yield OpenList(id="career-entries")
        yield KeysLine()

    def services_ready(self, services: Services) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        """Back from a past meeting (where c may have moved a note): read again."""
        if self.app.services is not None and self.thread is not None:
            self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="career")
    def reload(self) -> None:
        services = self.open_services()
        person = services.store.get_person(self.person_id)
        elements = services.bank.elements()
        thread = services.store.career_thread(self.person_id, elements)
        show_latest(self.app, self._show, (person, thread))

    def show_store_error(self, error: StoreError, undone: str | None = None) -> None:
        super().show_store_error(error, undone)
        if self.thread is None:
            self.query_one("#career-header", Static).update(not_loaded(error))

    def _show(self, loaded: tuple[Person, CareerThread]) -> None:
        person, thread = loaded
        self.thread = thread
        today = self.app.clock.now().astimezone().date()
        mark = bound_key(self.app, CareerScreen, "career_mark_entry", "c")
        header = Text(f"Career thread — {safe_terminal_text(person.name)}", style="bold")
        header.append(
            f"\nEvery answer, newest first. Enter opens its meeting; {mark} re-marks it."
            if not thread.empty
            else "\nNothing yet: ask about their aspiration (ctrl+g in a 1:1), or mark a "
            f"note with {mark} in a past meeting."
        )
        self.query_one("#career-header", Static).update(header)
        self.sub_title = safe_terminal_text(person.name)
        view = self.query_one(OpenList)
        width = self.size.width - 6  # the list's bar, padding and scrollbar
        highlighted = view.highlighted
        view.clear_options()
        for element in ELEMENTS:
            view.add_option(Option(heading_text(thread, element), id=f"head-{element.value}",
                                   disabled=True))  # fmt: skip
            for entry in thread.timeline(element):
                text = entry_text(thread, entry, today, width)
                view.add_option(Option(text, id=entry_id(entry)))
        if highlighted is not None and view.option_count:
            # Back where it was after a change; on an entry, never a heading.
            at = min(highlighted, view.option_count - 1)
            while at < view.option_count and view.get_option_at_index(at).disabled:
                at += 1
            view.highlighted = at if at < view.option_count else None
        elif self.element is not None and (current := thread.current(self.element)):
            with suppress(OptionDoesNotExist):
                view.highlighted = view.get_option_index(entry_id(current))
        view.highlight_first()
        view.focus()

    def _entry(self) -> CareerEntry | None:
        view = self.query_one(OpenList)
        if self.thread is None or view.highlighted is None:
            return None
        key = view.get_option_at_index(view.highlighted).id or ""
        for element in ELEMENTS:
            for entry in self.thread.timeline(element):
                if entry_id(entry) == key:
                    return entry
        return None

    def action_mark(self) -> None:
        entry = self._entry()
        if entry is None:
            self.notify("Highlight an entry first (Up/Down).")
            return
        choose_and_mark(self, entry.note_id, entry.answer, entry.element, self.reload, entry.auto)

    @on(OptionList.OptionSelected, "#career-entries")
    def _open(self, event: OptionList.OptionSelected) -> None:
        entry = self._entry()
        if entry is not None:
            self.app.open_past_meeting(entry.meeting_id, entry.note_id)
