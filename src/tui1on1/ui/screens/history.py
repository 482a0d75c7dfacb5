"""One past meeting in full: segments with their times, each question asked
with the pause held and the notes that answered it, every note with its
stamp, the actions with their status now, and the earlier promises as the
recap has them (closed in it or since the last 1:1, or still open then)."""

from __future__ import annotations

import dataclasses
from contextlib import suppress
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui1on1.domain.career import auto_element, career_label, effective_element
from tui1on1.domain.clock import format_mmss
from tui1on1.domain.duedates import format_day, format_due
from tui1on1.domain.grammar import KIND_MARKS, PRIVATE_MARK
from tui1on1.domain.kinds import ActionStatus, CareerElement, Owner
from tui1on1.domain.recap import MeetingRecord
from tui1on1.domain.records import ActionItem, Note
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.career_marking import choose_and_mark
from tui1on1.ui.dialogs.note_detail import NoteDetailScreen
from tui1on1.ui.keys import bound_key
from tui1on1.ui.lists import OpenList, Pane, one_line
from tui1on1.ui.screens.base import ServiceScreen, not_loaded
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.hanging import HangingText
from tui1on1.ui.widgets.keys_line import KeysLine


def header_text(record: MeetingRecord, today: date) -> Text:
    meeting = record.meeting
    start = meeting.started_at.astimezone()
    text = Text(f"1:1 with {safe_terminal_text(record.person.name)}", style="bold")
    text.append(f" — {start:%a} {start.day} {start:%b %Y}, {start:%H:%M}")
    if meeting.ended_at:
        actual = (meeting.ended_at - meeting.started_at).total_seconds()
        text.append(f" · {format_mmss(actual)} of {meeting.planned_minutes}:00")
    else:
        text.append(" · still live")
    text.append(f" · {meeting.playbook}\n")
    if meeting.summary:
        text.append(f"{safe_terminal_text(meeting.summary)}\n")
    if record.segments:
        text.append("\nSegments\n", style="bold")
        end = meeting.ended_at
        for segment, following in zip(record.segments, [*record.segments[1:], None], strict=True):
            stop = segment.ended_at or (following.started_at if following else end)
            spent = (stop - segment.started_at).total_seconds() if stop else 0
            offset = (segment.started_at - meeting.started_at).total_seconds()
            text.append(f"  {format_mmss(offset):>7}  {segment.title}  ({format_mmss(spent)})\n")
    answers: dict[int, list[str]] = {}
    owners = {a.note_id: a.owner for a in record.actions if a.note_id is not None}
    for note in record.notes:
        if note.asked_question_id is not None:
            why = "(why) " if note.answers_why else ""
            owner = owners.get(note.id)
            whose = "" if owner is None else {Owner.ME: " (my promise)"}.get(owner, " (theirs)")
            answers.setdefault(note.asked_question_id, []).append(why + note.text + whose)
    text.append(f"\nQuestions asked ({len(record.asked)})\n", style="bold")
    for asked in record.asked:
        pause = f"pause {asked.pause_seconds:.0f}s" if asked.pause_seconds else "no pause"
        whys = f", {asked.followups} why" if asked.followups else ""
        text.append(f"  {format_mmss(asked.elapsed_seconds):>7}  {safe_terminal_text(asked.text)}")
        text.append(f"  ({pause}{whys})\n", style="italic")
        for answer in answers.get(asked.id, []):
            text.append(f"           → {one_line(safe_terminal_text(answer))}\n")
    if record.actions:
        text.append(f"\nActions ({len(record.actions)})\n", style="bold")
        for action in record.actions:
            who = "I'll" if action.owner is Owner.ME else "They'll"
            status = {ActionStatus.OPEN: "open", ActionStatus.DONE: "done",
                      ActionStatus.DROPPED: "dropped"}[action.status]  # fmt: skip
            due = f", {format_due(action.due, today)}" if action.due else ""
            line = one_line(safe_terminal_text(action.text))
            text.append(f"  {who:<8}{line}  ({status}{due})")
            if record.is_private(action):
                text.append(f"  {PRIVATE_MARK} private", style="italic")
            text.append("\n")
    text.append_text(earlier_text(record))
    text.rstrip()
    return text


def earlier_text(record: MeetingRecord) -> Text:
    """Promises from earlier meetings as they stood when this one ended, as
    the recap has them: closed in it or since the last 1:1, and still open
    (a reason for dropping one shown: this screen is the manager's own)."""
    ended = record.meeting.ended_at
    on = ended.astimezone().date() if ended is not None else None
    text = Text()
    groups = (
        ("Done since last time", record.done_since_last_time()),
        ("Dropped since last time", record.dropped_since_last_time()),
        ("Still open", record.still_open()),
    )
    if any(actions for _, actions in groups):
        when = "as this 1:1 ended" if on is not None else "now"
        text.append(f"\nEarlier promises, {when}\n", style="bold")
    for heading, actions in groups:
        if not actions:
            continue
        text.append(f"  {heading} ({len(actions)})\n", style="italic")
        for action in actions:
            who = "I'll" if action.owner is Owner.ME else "They'll"
            text.append(f"    {who:<8}{one_line(safe_terminal_text(action.text))}")
            if said := _earlier_said(record, action, on):
                text.append(f"  ({said})")
            if record.is_private(action):
                text.append(f"  {PRIVATE_MARK} private", style="italic")
            text.append("\n")
    return text


def _earlier_said(record: MeetingRecord, action: ActionItem, on: date | None) -> str:
    if action.status is ActionStatus.DROPPED:
        return safe_terminal_text(record.drop_reasons.get(action.id, ""))
    if action.status is ActionStatus.DONE or action.due is None:
        return ""
    if on is not None and action.due < on:
        return f"was due {format_day(action.due, on)}"
    return f"due {format_day(action.due, on or action.due)}"


class MeetingHistoryScreen(ServiceScreen[None]):
    help_enter = "show the highlighted note in full, with the question it answered"
    BINDINGS = [
        Binding("c", "career_mark", "Career", id="history_career_mark",
                tooltip="Where the highlighted note goes in the career thread (then one key)"),
        Binding("p", "toggle_private", "Private", id="history_private",
                tooltip="Keep the highlighted note out of the recap you send, or share it"),
        Binding("escape", "app.pop_screen", "Back", id="history_back"),
    ]  # fmt: skip

    def __init__(self, meeting_id: int, note_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.note_id = note_id
        self.record: MeetingRecord | None = None
        self.elements: dict[int, CareerElement | None] = {}  # by note id
        self.autos: dict[int, CareerElement | None] = {}  # where its question alone puts it

    def compose(self) -> ComposeResult:
        with Vertical(id="history"):
            with Pane(id="history-top", classes="pane"):
                yield HangingText("Loading…", id="history-header")
            yield Static("Notes", id="history-notes-title", classes="section-title")
            yield OpenList(id="history-notes")
        yield KeysLine()

    def on_mount(self) -> None:
        self.query_one(OpenList).focus()

    def services_ready(self, services: Services) -> None:
        self._load(services)

    @work(thread=True, exit_on_error=False, group="history")
    def _load(self, services: Services) -> None:
        # A database problem gets the calm notification of every screen (AppScreen).
        store = services.store
        record = store.meeting_record(self.meeting_id)  # notes and its actions as they are now
        seen = store.recap_record(
            self.meeting_id, self.app.clock.now()
        )  # earlier ones, as the recap
        record = dataclasses.replace(
            record,
            earlier_actions=seen.earlier_actions,
            private_earlier=seen.private_earlier,
            drop_reasons=seen.drop_reasons,
        )
        self.app.call_from_thread(self._show, record)

    def show_store_error(self, error: StoreError, undone: str | None = None) -> None:
        super().show_store_error(error, undone)
        if self.record is None:  # nothing shown yet: say why, not "No notes."
            self.query_one("#history-header", HangingText).set_text(not_loaded(error))

    def _show(self, record: MeetingRecord) -> None:
        self.record = record
        services = self.app.services
        bank = services.bank.questions if services is not None else {}
        asked = {a.id: bank[a.slug].element if a.slug in bank else None for a in record.asked}
        owners = {a.note_id: a.owner for a in record.actions if a.note_id is not None}
        autos = {
            note.id: auto_element(asked.get(note.asked_question_id or 0), note.kind,
                                  owners.get(note.id), note.answers_why)
            for note in record.notes
        }  # fmt: skip
        self.autos = autos
        self.elements = {n.id: effective_element(n.career, autos[n.id]) for n in record.notes}
        today = self.app.clock.now().astimezone().date()
        self.query_one("#history-header", HangingText).set_text(header_text(record, today))
        notes = self.query_one(OpenList)
        # A reload after a change keeps the highlight on the same note.
        was = notes.highlighted
        kept = notes.get_option_at_index(was).id if was is not None else None
        notes.clear_options()
        for note in record.notes:
            line = Text(f"{format_mmss(note.elapsed_seconds):>7} {KIND_MARKS[note.kind]} ")
            line.append(safe_terminal_text(note.text, keep_newlines=True))
            if note.kind.value != "note":
                line.append(f"  {note.kind.value}", style="italic")
            if label := career_label(self.elements.get(note.id), autos[note.id], note.career):
                line.append(f"  {label}", style="italic")
            if note.private:
                line.append(f"  {PRIVATE_MARK} private", style="italic")
            notes.add_option(Option(line, id=f"note-{note.id}"))
        if not record.notes:
            notes.add_option(Option(Text("No notes.", style="italic"), disabled=True))
        mark = bound_key(self.app, MeetingHistoryScreen, "history_career_mark", "c")
        private = bound_key(self.app, MeetingHistoryScreen, "history_private", "p")
        self.query_one("#history-notes-title", Static).update(
            f"Notes ({len(record.notes)})  Enter shows one in full · {mark} career thread · "
            f"{private} private or shared"
        )
        target = kept or (f"note-{self.note_id}" if self.note_id is not None else None)
        if target is not None:
            with suppress(OptionDoesNotExist):
                notes.highlighted = notes.get_option_index(target)
        notes.highlight_first()
        notes.focus()

    def _highlighted_note(self) -> Note | None:
        view = self.query_one(OpenList)
        if self.record is None or view.highlighted is None:
            return None
        key = view.get_option_at_index(view.highlighted).id or ""
        wanted = int(key.removeprefix("note-")) if key.startswith("note-") else None
        return next((n for n in self.record.notes if n.id == wanted), None)

    def action_career_mark(self) -> None:
        note = self._highlighted_note()
        services = self.app.services
        if note is None or services is None:
            self.notify("Highlight a note first (Up/Down).")
            return
        choose_and_mark(
            self,
            note.id,
            note.text,
            self.elements.get(note.id),
            lambda: self._load(services),
            self.autos.get(note.id),
        )

    def action_toggle_private(self) -> None:
        note = self._highlighted_note()
        services = self.app.services
        if note is None or services is None:
            self.notify("Highlight a note first (Up/Down).")
            return
        self._set_private(services, note.id, not note.private)

    @work(thread=True, exit_on_error=False, group="history-private")
    def _set_private(self, services: Services, note_id: int, private: bool) -> None:
        services.store.set_note_private(note_id, private)
        said = (
            "Private: kept out of the recap you send."
            if private
            else "Shared: in the recap you send."
        )
        self.app.call_from_thread(self.notify, said, timeout=3)
        self._load(services)

    @on(OptionList.OptionSelected, "#history-notes")
    def _open_note(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        if self.record is None or not key.startswith("note-"):
            return
        wanted = int(key.removeprefix("note-"))
        note = next((n for n in self.record.notes if n.id == wanted), None)
        if note is not None:
            today = self.app.clock.now().astimezone().date()
            self.app.push_screen(NoteDetailScreen(self.record, note, today))
