"""The live meeting screen: clock, prompt, pause cue, notes.

Typing never waits for the disk: every write goes to the ordered writer and
the row shows "saving…" until its commit comes back. Timer callbacks only
repaint from the derived clock.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterable
from datetime import date

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui1on1.domain.duedates import format_due
from tui1on1.domain.grammar import PLACEHOLDER, EmptyLineError, NoteTooLongError, parse_line
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.pausecue import END_TYPING
from tui1on1.domain.records import NewNote
from tui1on1.domain.text import plural, safe_terminal_text
from tui1on1.ui.keys import bound_key
from tui1on1.ui.meeting_model import MeetingModel
from tui1on1.ui.screens.base import MeetRequest, ServiceScreen
from tui1on1.ui.screens.meeting_actions import MeetingActions
from tui1on1.ui.screens.meeting_load import LoadedMeeting, NotOnePerson, load_meeting
from tui1on1.ui.screens.meeting_notes import MeetingNotesList, NotesController
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.career import CareerPanel
from tui1on1.ui.widgets.clock import ClockPanel
from tui1on1.ui.widgets.footer import RankedFooter
from tui1on1.ui.widgets.notes import NoteInput
from tui1on1.ui.widgets.pausecue import PauseCueBar
from tui1on1.ui.widgets.prompt import PromptCard

DRAFT_DELAY = 0.5  # seconds after the last keystroke; well inside the 1 s promise

# Command palette entries: (title, help, action). The titles are part of the
# user-facing contract (README, help screen); keep them stable.
PALETTE = (
    ("Ask prompt", "Mark the current question asked and start the pause cue", "ask"),
    ("Why? follow-up", "Follow up with why; the pause cue runs again", "why"),
    ("Next prompt", "Show the next question for this segment", "next_prompt"),
    ("Previous prompt", "Go back to the previous question", "previous_prompt"),
    ("Next segment", "Move on to the next agenda segment", "next_segment"),
    ("Pause/resume timer", "Stop or restart the meeting clock", "toggle_pause"),
    ("Extend 5 minutes", "Add five minutes to the planned length", "extend"),
    ("End meeting", "End the 1:1 (it asks first) and see the summary", "end_meeting"),
    (
        "Discard this 1:1",
        "Started by mistake? Remove it; it is kept in a file tui1on1 import brings back",
        "discard_meeting",
    ),
    ("Pick question", "Search the whole question bank and ask any question", "pick_question"),
    ("Switch playbook", "Choose another agenda (before the first question)", "switch_playbook"),
    (
        "Career thread",
        "Show or hide their latest aspiration, why, moonshot, strengths, plan",
        "toggle_career",
    ),
)

_frozen = False


def keep_out_of_full_collections() -> None:
    """Once per process, when the first meeting is on screen: move every object
    alive now (modules, widgets, the loaded history: ~110k objects) to the
    permanent generation. A full collection scanned them all, 50-120 ms on a
    2-core machine, and landed on a keystroke every few hundred keys."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


class MeetingScreen(MeetingActions, ServiceScreen):
    BINDINGS = [
        Binding("ctrl+g", "ask", "Ask", id="ask", tooltip="Ask prompt: starts the pause cue"),
        Binding("ctrl+y", "why", "Why?", id="why", tooltip="Why? follow-up"),
        Binding("ctrl+n", "next_prompt", "Next", id="next_prompt", tooltip="Next prompt"),
        Binding("ctrl+b", "previous_prompt", "Prev", id="previous_prompt"),
        Binding("ctrl+s", "next_segment", "Segment", id="next_segment"),
        Binding("ctrl+t", "toggle_pause", "Pause", id="toggle_pause"),
        Binding("ctrl+r", "extend", "+5 min", id="extend"),
        Binding("ctrl+o", "end_meeting", "End", id="end_meeting"),
        Binding("f2", "toggle_career", "Career", id="toggle_career", show=False),
        Binding("f3", "pick_question", "Pick question", id="pick_question", show=False),
        Binding("f4", "switch_playbook", "Playbook", id="switch_playbook", show=False),
    ]

    # Narrow footers keep these longest (first = longest); see RankedFooter.
    FOOTER_RANK = (
        "end_meeting",
        "help",
        "ask",
        "command_palette",
        "focus_input",
        "edit_note",
        "toggle_done",
        "delete_note",
        "undo_delete",
        "why",
        "next_prompt",
        "next_segment",
        "toggle_pause",
        "previous_prompt",
        "extend",
    )

    def __init__(self, request: MeetRequest) -> None:
        super().__init__()
        self.request = request
        self.services: Services | None = None
        self.model: MeetingModel | None = None
        self.notes: NotesController | None = None
        self._draft_timer = None
        self._ending = False  # ending or discarding: no more writes for it
        self._discarding = False

    # --- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="meeting"):
            yield Static("", id="storage-banner")
            yield ClockPanel(id="clock")
            yield PromptCard(waiting="Opening the meeting…", id="prompt")
            yield CareerPanel(id="career")
            yield PauseCueBar(id="cue")
            yield MeetingNotesList(id="notes")
            yield NoteInput(placeholder=PLACEHOLDER, id="note-input", select_on_focus=False)
        yield RankedFooter(self.FOOTER_RANK)

    def on_mount(self) -> None:
        self.title = safe_terminal_text(self.request.name)
        self.query_one(NoteInput).focus()
        ask_key = bound_key(self.app, MeetingScreen, "ask", "ctrl+g")
        self.query_one(
            PauseCueBar
        ).idle_hint = f"Ask it aloud, then press {ask_key}: the cue helps you hold the silence."
        self.query_one("#storage-banner").display = False
        self.query_one(CareerPanel).display = False
        self.set_interval(0.1, self.refresh_now)
        self.on_resize()

    def on_resize(self, _event=None) -> None:
        size = self.app.size
        self.set_class(size.height < 22 or size.width < 70, "-compact")
        self.set_class(size.height < 15 or size.width < 50, "-minimal")

    # --- loading ----------------------------------------------------------------

    def services_ready(self, services: Services) -> None:
        self.services = services
        self._load(services)

    @work(thread=True, exit_on_error=False, group="load")
    def _load(self, services: Services) -> None:
        from tui1on1.storage.errors import StoreError

        request = self.request
        try:
            now = services.clock.now()
            loaded = load_meeting(services.store, request, now)
        except NotOnePerson as problem:  # `meet NAME`: no one, or several people
            from tui1on1.ui.screens.who import WhoScreen

            self.app.call_from_thread(lambda p=problem: self.app.switch_screen(WhoScreen(p)))
            return
        except StoreError as exc:
            self.app.call_from_thread(self._load_failed, str(exc))
            return
        self.app.call_from_thread(self._loaded, loaded)

    def _load_failed(self, message: str) -> None:
        from tui1on1.ui.dialogs.problem import ProblemScreen

        self.app.switch_screen(ProblemScreen("Can't start the meeting", message))

    def _loaded(self, loaded: LoadedMeeting) -> None:
        services = self.services
        assert services is not None
        relationship = loaded.person.relationship.value
        questions = [q for q in services.bank.questions.values() if q.suits(relationship)]
        self.model = MeetingModel(
            person=loaded.person,
            meeting=loaded.meeting,
            playbook=services.playbook(loaded.meeting.playbook),
            questions=questions,
            history=loaded.history,
            pause_seconds=services.settings.pause_seconds,
        )
        self.model.restore(loaded.segments, loaded.asked)
        self.notes = NotesController(self, services, self.model)
        self.notes.show_loaded(loaded)
        self.title = safe_terminal_text(loaded.person.name)
        self.query_one(ClockPanel).show_person(loaded.person.name, loaded.person.role)
        if not loaded.segments:
            self._log_segment(0, self.model.agenda[0].title)
            self.model.note_segment(0, services.clock.now())
        note_input = self.query_one(NoteInput)
        if loaded.draft and loaded.draft.text:
            typed = note_input.value
            note_input.value = NoteInput.to_value(loaded.draft.text) + (
                f" {typed}" if typed else ""
            )
            note_input.cursor_position = len(note_input.value)
        if loaded.resumed:
            self.notify(
                f"Resumed the 1:1 with {safe_terminal_text(loaded.person.name)}: "
                f"{plural(len(loaded.notes), 'note')} kept.",
                timeout=4,
            )
        if services.writer.problem:
            self.show_storage_problem(services.writer.problem)
        self.refresh_now()
        keep_out_of_full_collections()

    # --- repainting ---------------------------------------------------------------

    def refresh_now(self) -> None:
        """Repaint from the derived clock. Called by the timer; never counts."""
        model = self.model
        if model is None or self.services is None:
            return
        now = self.services.clock.now()
        view = model.clock_view(now)
        if model.note_segment(view.segment_index, now):
            self._log_segment(view.segment_index, view.segment_titles[view.segment_index])
        finished = model.finish_cue_if_due(now)
        if finished:
            self._record_pause(*finished)
        self.query_one(ClockPanel).show(view)
        self.query_one(PromptCard).show(model.prompt_view(now))
        message, progress = model.cue_display(now)
        self.query_one(PauseCueBar).show(message, progress)

    def show_storage_problem(self, message: str | None) -> None:
        banner = self.query_one("#storage-banner", Static)
        banner.display = message is not None
        if message:
            banner.update(f"Notes are kept safe on this machine and saved when it can: {message}")

    # --- writes -------------------------------------------------------------------

    def _log_segment(self, index: int, title: str) -> None:
        services, model = self.services, self.model
        if services is None or model is None or self._discarding:
            return
        at = services.clock.now()
        services.writer.submit(lambda store: store.log_segment(model.meeting.id, index, title, at))

    def _record_pause(self, ref, held: float) -> None:
        services = self.services
        if services is None or self._discarding:
            return

        def run(store):
            if ref.id is not None:
                return store.update_question(ref.id, pause_seconds=held)
            return None

        services.writer.submit(run)

    # --- typing -------------------------------------------------------------------

    @on(Input.Changed, "#note-input")
    def _typed(self, event: Input.Changed) -> None:
        model, services = self.model, self.services
        if model is not None and services is not None and event.value:
            ended = model.end_cue(services.clock.now(), END_TYPING)
            if ended:
                self._record_pause(*ended)
                self.refresh_now()  # the cue fades with the first keystroke
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if self.notes is not None and not self.notes.editing:
            self._draft_timer = self.set_timer(DRAFT_DELAY, self.save_draft_now)

    def save_draft_now(self) -> None:
        """Autosave the unsent text. While an edit is open that is the text
        put aside when the edit began, not the note being edited."""
        model, services, notes = self.model, self.services, self.notes
        if model is None or services is None or notes is None or self._discarding:
            return
        text = notes.stashed_text if notes.editing else self.query_one(NoteInput).note_text
        services.writer.save_draft(model.meeting.id, text, services.clock.now())

    def save_before_exit(self) -> None:
        """A signal or quit: keep an edit in progress and the unsent text."""
        if self.notes is not None and self.notes.editing:
            note_input = self.query_one(NoteInput)
            self.notes.finish_edit(note_input.note_text)
        self.save_draft_now()

    @on(NoteInput.TooLong)
    def _paste_too_long(self, event: NoteInput.TooLong) -> None:
        self.notify(
            f"That paste is {event.length:,} characters; a note can hold 20,000. "
            "Nothing was pasted.",
            severity="warning",
        )

    @on(Input.Submitted, "#note-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter: the input has already been cleared; give the text back if it
        can't be taken now."""
        note_input = self.query_one(NoteInput)
        model, services = self.model, self.services
        if model is None or services is None or self.notes is None:
            note_input.give_back(event.value)
            self.notify("One moment: the meeting is still opening. Your text is kept.")
            return
        if self._discarding:
            note_input.give_back(event.value)
            return
        text = NoteInput.from_value(event.value)
        if self.notes.editing:
            if not self.notes.finish_edit(text, typed_since=note_input.value):
                note_input.give_back(event.value)
            return
        today = services.clock.now().astimezone().date()
        try:
            parsed = parse_line(text, today)
        except EmptyLineError:
            return
        except NoteTooLongError as exc:
            note_input.give_back(event.value)
            self.notify(str(exc), severity="warning")
            return
        if parsed.due_error:
            self.notify(parsed.due_error, title="Due date", timeout=8)
        self._save_note(parsed, today)
        services.writer.save_draft(model.meeting.id, note_input.note_text, services.clock.now())

    def _save_note(self, parsed, today: date) -> None:
        model, services, notes = self.model, self.services, self.notes
        assert model is not None and services is not None and notes is not None
        now = services.clock.now()
        ref = model.last_asked()
        note = NewNote(
            uid=uuid.uuid4().hex,
            meeting_id=model.meeting.id,
            kind=parsed.kind,
            text=parsed.text,
            tags=parsed.tags,
            elapsed_seconds=round(model.elapsed(now), 3),
            segment_index=model.segment_index(now),
            created_at=now,
            action_owner=parsed.owner if parsed.kind is NoteKind.ACTION else None,
            action_due=parsed.due,
        )
        due = format_due(parsed.due, today) if parsed.due else ""
        notes.add_new(note, due, ref)

    # --- command palette ---------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        for title, help_text, action in PALETTE:
            yield SystemCommand(title, help_text, getattr(self, f"action_{action}"))
