"""The live meeting screen: clock, prompt, pause cue, notes.

Typing never waits for the disk: every write goes to the ordered writer and
the row shows "saving…" until its commit comes back. Timer callbacks only
repaint from the derived clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, Static

from tui1on1.domain.grammar import PLACEHOLDER
from tui1on1.domain.meeting import MeetingModel
from tui1on1.domain.meeting.prompt_text import READ_BACK_SHOWN
from tui1on1.domain.pausecue import END_TYPING
from tui1on1.domain.text import plural, safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.problem import ProblemScreen
from tui1on1.ui.screens import meeting_discard, meeting_keys, meeting_marks
from tui1on1.ui.screens.base import MeetRequest, ServiceScreen
from tui1on1.ui.screens.meeting_flows import MeetingFlows, quit_app
from tui1on1.ui.screens.meeting_forgotten import ask_if_forgotten
from tui1on1.ui.screens.meeting_keys import MeetingKeys, idle_hints
from tui1on1.ui.screens.meeting_load import (
    LoadedMeeting,
    NotOnePerson,
    keep_out_of_full_collections,
    load_meeting,
    meeting_model,
)
from tui1on1.ui.screens.meeting_messages import (
    DiscardFailed,
    MeetingDiscarded,
    NoteEditDone,
    NoteKept,
    NoteNotSaved,
    NoteSaved,
)
from tui1on1.ui.screens.meeting_notes import MeetingNotesList, NotesPane
from tui1on1.ui.screens.meeting_palette import meeting_commands
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.clock import ClockPanel
from tui1on1.ui.widgets.keys_line import KeysLine
from tui1on1.ui.widgets.notes import NoteInput, NotesList
from tui1on1.ui.widgets.pausecue import IDLE_HINT, PauseCueBar
from tui1on1.ui.widgets.prompt import PromptCard

DRAFT_DELAY = 0.5  # seconds after the last keystroke; well inside the 1 s promise
CARD_LINES = 12  # the prompt card's height at most (app.tcss) …
TALL = 34  # … until the terminal is taller than this: then a line more per line,
READ_BACK_EXTRA = 8  # up to this many more actions read back


class MeetingScreen(MeetingKeys, ServiceScreen[None]):
    SHOWS_DATA_NOTICES = True  # once loaded (the app leaves them to it)
    """Renders the meeting's model and forwards keys (``MeetingKeys``): to
    the model and the writer through ``MeetingFlows`` (ask, move on, end…)
    and ``NotesPane`` (the notes). Both exist once the meeting is loaded."""

    BINDINGS = meeting_keys.BINDINGS
    FOOTER_RANK = meeting_keys.FOOTER_RANK  # see KeysLine

    def __init__(self, request: MeetRequest) -> None:
        super().__init__()
        self.request = request
        # Before and after asking, and with nothing to ask; keys known on mount.
        self._idle_hints = (IDLE_HINT, IDLE_HINT, IDLE_HINT)
        self.services: Services | None = None
        self.model: MeetingModel | None = None
        self.notes: NotesPane | None = None
        self.flows: MeetingFlows | None = None
        self._draft_timer: Timer | None = None
        self._career_opened = False  # F2: marks are read again on coming back
        self.read_back_shown = READ_BACK_SHOWN  # on_resize gives a tall terminal more

    # --- layout -----------------------------------------------------------------

    def live_person_id(self) -> int | None:
        return self.model.person.id if self.model is not None else None

    def compose(self) -> ComposeResult:
        with Vertical(id="meeting"):
            yield Static("", id="storage-banner")
            yield ClockPanel(id="clock")
            yield PromptCard(waiting="Opening the meeting…", id="prompt")
            yield PauseCueBar(id="cue")
            yield MeetingNotesList(id="notes")
            yield NoteInput(placeholder=PLACEHOLDER, id="note-input", select_on_focus=False)
        yield KeysLine(self.FOOTER_RANK)

    def on_mount(self) -> None:
        self.title = safe_terminal_text(self.request.name)
        self.query_one(NoteInput).focus()
        self._idle_hints = idle_hints(self)
        self.query_one(PauseCueBar).idle_hint = self._idle_hints[0]
        self.query_one("#storage-banner").display = False
        self.set_interval(0.1, self.guarded(self.refresh_now))
        self.on_resize()

    def on_resize(self, _event: events.Resize | None = None) -> None:
        size = self.app.size
        self.set_class(size.height < 22 or size.width < 70, "-compact")
        self.set_class(size.height < 15 or size.width < 50, "-minimal")
        # A tall terminal reads back more of what was agreed before the
        # "… and N more"; the card grows by as many lines, the notes keep the rest.
        extra = min(READ_BACK_EXTRA, max(0, size.height - TALL))
        self.read_back_shown = READ_BACK_SHOWN + extra
        # Inline only when taller: it would override the compact layout's height.
        self.query_one(PromptCard).styles.max_height = CARD_LINES + extra if extra else None

    # --- loading ----------------------------------------------------------------

    def services_ready(self, services: Services) -> None:
        self.services = services
        self._load(services)

    @work(thread=True, exit_on_error=False, group="load")
    def _load(self, services: Services) -> None:

        request = self.request
        try:
            now = services.clock.now()
            loaded = load_meeting(
                services.store, request, now, lambda slug: services.playbook(slug).minutes
            )
        except NotOnePerson as problem:  # `meet NAME`: no one, or several people
            self.app.call_from_thread(self._not_one_person, problem)
            return
        except StoreError as exc:
            self.app.call_from_thread(self._load_failed, str(exc))
            return
        self.app.call_from_thread(self._loaded, loaded)

    def _not_one_person(self, problem: NotOnePerson) -> None:
        self.app.open_who(problem)
        self._data_notices()

    def _load_failed(self, message: str) -> None:
        self.app.instead_of_all(ProblemScreen("Can't start the meeting", message, home=True))
        self._data_notices()

    def _data_notices(self) -> None:
        if self.services is not None:
            self.app.notify_data(self.services)

    def _loaded(self, loaded: LoadedMeeting) -> None:
        services = self.services
        assert services is not None
        model = self.model = meeting_model(loaded, services)
        services.writer.meeting_opened(  # names it in the journal; sets space aside
            model.meeting.id,
            person=loaded.person.name,
            started_at=model.meeting.started_at,
            playbook=model.meeting.playbook,
            planned=model.meeting.planned_minutes,
        )
        self.notes = NotesPane(self, services, model)
        self.flows = MeetingFlows(self, services, model, self.notes)
        self.notes.show_loaded(loaded)
        self.title = safe_terminal_text(loaded.person.name)
        self.query_one(ClockPanel).show_person(loaded.person.name, loaded.person.role)
        if not loaded.segments:  # the first segment began with the meeting, not on resuming it
            began = model.meeting.started_at if loaded.resumed else services.clock.now()
            self.flows.log_segment(0, model.agenda[0].title, began)
            model.note_segment(0, began)
        if loaded.resumed:
            self.notify(
                f"Resumed the 1:1 with {safe_terminal_text(loaded.person.name)}: "
                f"{plural(len(loaded.notes), 'note')} kept.",
                timeout=4,
            )
        self._data_notices()  # after "Resumed…": the newest is what shows
        ask_if_forgotten(self, loaded)  # left running for hours: end it, or resume
        self.refresh_bindings()  # the breath key, if this is managing up
        if services.writer.problem:
            self.show_storage_problem(services.writer.problem)
        self.refresh_now()
        keep_out_of_full_collections()

    # --- repainting ---------------------------------------------------------------

    def refresh_now(self) -> None:
        """Repaint from the derived clock. Called by the timer; never counts."""
        model, flows = self.model, self.flows
        if model is None or flows is None:
            return
        now = flows.now()
        view = model.clock_view(now)
        elapsed = model.elapsed(now)
        for index, start in model.note_segments(view.segment_index, now):
            at = now - timedelta(seconds=elapsed - start)  # a segment passed while away
            flows.log_segment(index, view.segment_titles[index], at)
        finished = model.finish_cue_if_due(now)
        if finished:
            flows.record_pause(*finished)
        self.query_one(ClockPanel).show(view)
        prompt = model.prompt_view(now, self.read_back_shown)
        self.query_one(PromptCard).show(prompt)
        cue = self.query_one(PauseCueBar)
        nothing = model.current_question(now) is None
        cue.idle_hint = self._idle_hints[2 if nothing else int(bool(prompt.asked))]
        cue.show(model.cue_view(now))

    def show_storage_problem(self, message: str | None) -> None:
        banner = self.query_one("#storage-banner", Static)
        banner.display = message is not None
        services, notes = self.services, self.notes
        if message and services is not None and services.writer.unsafe:
            banner.update(f"NOT SAVED — keep tui1on1 open until this clears: {message}")
        elif message:
            banner.update(f"Notes are kept safe on this machine and saved when it can: {message}")
        if message and notes is not None:
            notes.database_problem()

    # --- typing -------------------------------------------------------------------

    @on(Input.Changed, "#note-input")
    def _typed(self, event: Input.Changed) -> None:
        model, flows = self.model, self.flows
        if model is not None and flows is not None and event.value:
            ended = model.end_cue(flows.now(), END_TYPING)
            if ended:
                flows.record_pause(*ended)
                self.refresh_now()  # the cue fades with the first keystroke
        self.stop_draft_timer()
        if self.notes is not None and not self.notes.editing:
            self._draft_timer = self.set_timer(DRAFT_DELAY, self.guarded(self.save_draft_now))

    def stop_draft_timer(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()

    def save_draft_now(self) -> None:
        """Autosave the unsent text. While an edit is open that is the text
        put aside when the edit began, not the note being edited."""
        model, services, notes, flows = self.model, self.services, self.notes, self.flows
        if model is None or services is None or notes is None or flows is None:
            return
        if flows.discarding:
            return
        text = notes.stashed_text if notes.editing else self.query_one(NoteInput).note_text
        services.writer.save_draft(model.meeting.id, text, services.clock.now())

    def save_before_exit(self) -> None:
        """A signal or quit: keep an edit in progress and the unsent text."""
        if self.notes is not None and self.notes.editing:
            note_input = self.query_one(NoteInput)
            self.notes.finish_edit(note_input.note_text)
        self.save_draft_now()

    @on(NoteInput.ScreenKey)
    async def _screen_key(self, message: NoteInput.ScreenKey) -> None:
        """A key of this screen pressed while typing, in typing order. A
        message's handler runs outside ``on_event``: a bug in the action is
        handled here as a crash (saved, logged privately), as from a key.
        Keys of a fast burst that arrive after one opened a dialog or a
        screen (End, F2…) are dropped, as the dialog would have taken them."""
        if self.app.screen is not self:
            return
        try:
            await self.run_action(message.action)
        except Exception as error:
            self.app.crash_and_exit(error)

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
        can't be taken now. (A message's handler runs outside ``on_event``: a
        bug here is handled as a crash, the text saved as the draft first.)"""
        try:
            self._take_line(event.value)
        except Exception as error:
            self.query_one(NoteInput).give_back(event.value)
            self.app.crash_and_exit(error)

    def _take_line(self, value: str) -> None:
        if self.notes is None or self.flows is None:
            self.query_one(NoteInput).give_back(value)
            self.notify("One moment: the meeting is still opening. Your text is kept.")
        elif self.flows.discarding:
            self.query_one(NoteInput).give_back(value)
        else:
            self.notes.submit(value)

    # --- what the writer tells ------------------------------------------------------

    @on(NoteSaved)
    def _note_saved(self, message: NoteSaved) -> None:
        if self.notes is not None:
            self.notes.saved(message)

    @on(NoteKept)
    def _note_kept(self, message: NoteKept) -> None:
        if self.notes is not None:
            self.notes.kept(message)

    @on(NoteNotSaved)
    def _note_not_saved(self, message: NoteNotSaved) -> None:
        if self.notes is not None:
            self.notes.not_saved(message)

    @on(NoteEditDone)
    def _note_edit_done(self, message: NoteEditDone) -> None:
        if self.notes is not None:
            self.notes.edit_done(message)

    @on(MeetingDiscarded)
    def _discarded(self, message: MeetingDiscarded) -> None:
        if self.flows is not None:
            meeting_discard.discarded(self.flows, message)

    @on(DiscardFailed)
    def _discard_failed(self, message: DiscardFailed) -> None:
        if self.flows is not None:
            meeting_discard.discard_failed(self.flows, message)

    # --- keys that leave the meeting or move the focus (the rest: MeetingKeys) ------

    def on_screen_resume(self) -> None:
        """Back from the career screen (F2), where c may have moved a note
        (not after every dialog: only when the career screen was opened)."""
        if self._career_opened:
            self._career_opened = False
            self._to_notes(meeting_marks.read_marks_again)

    def action_toggle_career(self) -> None:
        """F2: the career thread in full (F2 or Esc comes back); the meeting
        goes on underneath, its clock derived from time."""
        if self.model is not None:
            self._career_opened = True
            self.app.open_career(self.model.person.id)

    def request_quit(self) -> None:
        """ctrl+q while live: end it, leave it running, stay, or discard it."""
        if live := self._live():
            live.request_quit()
        else:
            quit_app(self.app)

    def action_focus_notes(self) -> None:
        notes = self.query_one(NotesList)
        if notes.option_count:
            notes.focus()
            notes.highlighted = notes.option_count - 1  # start from the newest

    def action_focus_input(self) -> None:
        notes = self.query_one(NotesList)
        notes.highlighted = None
        notes.keep_in_view()  # back to typing: the newest lines, as before Up
        # At once (Widget.focus waits for the keys already queued): text typed
        # right after Esc goes to the input, never to the list's commands.
        self.set_focus(self.query_one(NoteInput))

    # --- command palette ---------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        return meeting_commands(self)
