"""The notes pane: paints the model's notes and hands their writes to the
writer (saving, delete and undo, ticking actions done; editing and privacy
are in ``meeting_edits``). The rules and the rows themselves live in
``domain.meeting.notes``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding

from tui1on1.domain.career import auto_element
from tui1on1.domain.exposure import kind_hint
from tui1on1.domain.grammar import EmptyLineError, NoteTooLongError, parse_line
from tui1on1.domain.kinds import CareerElement, NoteKind
from tui1on1.domain.meeting import MeetingModel, NoteRow, Refused, new_uid
from tui1on1.domain.noteedit import private_when_new
from tui1on1.domain.records import NewNote
from tui1on1.domain.waiting import waiting_items
from tui1on1.storage import journal_entries as entries
from tui1on1.storage.errors import DatabaseUnavailable
from tui1on1.ui.screens import meeting_actions, meeting_edits, meeting_marks
from tui1on1.ui.screens.meeting_edits import refusal_reason
from tui1on1.ui.screens.meeting_messages import (
    NoteEditDone,
    NoteKept,
    NoteNotSaved,
    NoteSaved,
    post_from_writer,
)
from tui1on1.ui.widgets.notes import NoteInput, NotesList

if TYPE_CHECKING:
    from tui1on1.ui.screens.meeting import MeetingScreen
    from tui1on1.ui.screens.meeting_load import LoadedMeeting
    from tui1on1.ui.services import Services


__all__ = ["MeetingNotesList", "NotesPane", "refusal_reason"]


class MeetingNotesList(NotesList):
    BINDINGS = [
        Binding("e", "edit_note", "Edit", id="edit_note"),
        Binding("d", "delete_note", "Delete", id="delete_note"),
        Binding("u", "undo_delete", "Undo", id="undo_delete"),
        Binding("x", "toggle_done", "Done", id="toggle_done"),
        Binding("p", "toggle_private", "Private", id="toggle_private"),
        Binding("a", "change_action", "Action…", id="change_action"),
        Binding("c", "career_mark", "Career", id="career_mark"),
        Binding("escape", "screen.focus_input", "Back to typing", id="back_to_input"),
    ]

    def _to_pane(self, step: Callable[[NotesPane], object]) -> None:
        """A key on a row: the meeting's notes pane acts (once it is loaded)."""
        pane = getattr(self.screen, "notes", None)
        if isinstance(pane, NotesPane):
            step(pane)

    def action_edit_note(self) -> None:
        self._to_pane(meeting_edits.start_edit)

    def action_delete_note(self) -> None:
        self._to_pane(NotesPane.delete)

    def action_undo_delete(self) -> None:
        self._to_pane(NotesPane.undo)

    def action_toggle_done(self) -> None:
        self._to_pane(NotesPane.toggle_done)

    def action_toggle_private(self) -> None:
        self._to_pane(meeting_edits.toggle_private)

    def action_change_action(self) -> None:
        self._to_pane(meeting_actions.change_action)

    def action_career_mark(self) -> None:
        self._to_pane(meeting_marks.choose_mark)

    async def on_key(self, event: events.Key) -> None:
        """The list's own keys (e, d, u, x, Esc as bound) act here, at once, so
        keys typed right after them in one burst see where focus went; any
        other printable key goes back to typing: a sentence started while the
        list had focus lands in the input, whole."""
        active = self.screen.active_bindings.get(event.key)
        if active is not None and active.node is self and self.has_focus:
            event.stop()
            event.prevent_default()
            if active.enabled:
                await self.run_action(active.binding.action)
            return
        if not event.is_printable or not event.character:
            return
        if active is not None and active.node is not self:
            return  # the screen's or the app's key
        event.stop()
        event.prevent_default()
        note_input = self.screen.query_one(NoteInput)
        self.highlighted = None
        # Now, not after the keys already queued (Widget.focus waits): the
        # rest of a word typed in one burst must reach the input too.
        self.screen.set_focus(note_input)
        note_input.insert_text_at_cursor(event.character)


class NotesPane:
    """Between the model's notes, the list and input on screen, and the writer."""

    def __init__(self, screen: MeetingScreen, services: Services, model: MeetingModel) -> None:
        self.screen = screen
        self.services = services
        self.model = model
        self.notes = model.notes
        self.marks_changed = 0  # marks made here, so a slower read can't undo one

    @property
    def view(self) -> NotesList:
        return self.screen.query_one(NotesList)

    @property
    def input(self) -> NoteInput:
        return self.screen.query_one(NoteInput)

    def rows(self) -> list[NoteRow]:
        """The rows shown, in order (the model's)."""
        return self.notes.rows()

    @property
    def editing(self) -> bool:
        return self.notes.editing is not None

    def say_refused(self, refusal: Refused) -> None:
        self.screen.notify(str(refusal))

    @property
    def private_kinds(self) -> frozenset[NoteKind]:
        """The kinds of note saved private unless the line says otherwise."""
        return self.services.settings.private_kinds

    def today(self) -> date:
        return self.services.clock.now().astimezone().date()

    # --- loading ------------------------------------------------------------------

    def show_loaded(self, loaded: LoadedMeeting) -> None:
        model = self.model
        elements = {asked.id: model.element_of(asked.slug) for asked in loaded.asked}
        waiting = waiting_items(loaded.points, loaded.topics)
        rows = self.notes.load(
            loaded.notes,
            loaded.actions,
            loaded.carried,
            self.today(),
            elements,
            waiting,
            changed=loaded.changed_here,
            private=loaded.private_carried,
            written=loaded.carried_written,
        )
        view = self.view
        # A meeting with nothing typed yet opens at the top: what waits for
        # it, their topics first (the newest rows would be earlier actions).
        view.follow_end = bool(loaded.notes)
        for row in rows:
            view.put(row)
        view.keep_in_view()
        note_input = self.input
        if loaded.draft and loaded.draft.text:  # before anything typed while it loaded
            typed = note_input.value
            note_input.value = NoteInput.to_value(loaded.draft.text) + (
                f" {typed}" if typed else ""
            )
            note_input.cursor_position = len(note_input.value)

    # --- a new note -----------------------------------------------------------------

    def keep_unsent(self) -> None:
        """The meeting is ending: a line still in the input becomes a note
        (as if Enter had been pressed), so nothing typed is left behind."""
        note_input = self.input
        if self.editing or not note_input.value.strip():
            return
        value = note_input.value
        note_input.value = ""
        self.submit(value)  # a line that can't be a note goes back to the draft

    def submit(self, value: str) -> None:
        """Enter in the input (already cleared): save the edit in progress,
        or the typed line as a new note; the text goes back when it can't be
        taken."""
        note_input, model, services = self.input, self.model, self.services
        text = NoteInput.from_value(value)
        if self.editing:
            if not self.finish_edit(text, typed_since=note_input.value):
                note_input.give_back(value)
            return
        now = services.clock.now()
        today = now.astimezone().date()
        try:
            parsed = parse_line(text, today)
        except EmptyLineError as exc:
            if text.strip():  # a prefix or mark with nothing after it: keep what was typed
                note_input.give_back(value)
                self.screen.notify(
                    f"Not saved yet: {exc}. It's back in the line to finish (Ctrl+U clears it).",
                    markup=False,
                )
            return
        except NoteTooLongError as exc:
            note_input.give_back(value)
            self.screen.notify(str(exc), severity="warning")
            return
        said = parsed.due_error or parsed.due_warning  # also on the row, for good
        if said:
            self.screen.notify(said, title="Due date", timeout=8)
        if parsed.mark_error:
            self.screen.notify(parsed.mark_error, title="Career mark", timeout=8, markup=False)
        if parsed.prefix_hint:
            self.screen.notify(parsed.prefix_hint, title="Plain note", timeout=8, markup=False)
        if parsed.kind is NoteKind.EXPOSURE and (hint := kind_hint(parsed.text)):
            self.screen.notify(hint, title="Exposure", timeout=8, markup=False)
        ref = model.answering(now, parsed.kind)
        question = model.element_of(ref.slug) if ref else None
        if ref and parsed.career:  # marked as typed: an answer only where its question goes
            auto = auto_element(question, parsed.kind, parsed.owner, ref.why)
            if auto is not parsed.career:
                ref, question = None, None
        note = NewNote(
            uid=new_uid(),
            meeting_id=model.meeting.id,
            kind=parsed.kind,
            text=parsed.text,
            tags=parsed.tags,
            elapsed_seconds=round(model.elapsed(now), 3),
            segment_index=model.segment_index(now),
            created_at=now,
            action_owner=parsed.owner if parsed.kind is NoteKind.ACTION else None,
            action_due=parsed.due,
            # The question it answers (domain.career says which notes do).
            asked_question_uid=ref.uid if ref else None,
            answers_why=bool(ref and ref.why),
            career=parsed.career.value if parsed.career else None,
            private=private_when_new(parsed.kind, parsed.private, self.private_kinds),
        )
        self.add_new(note, today, question, parsed.due_error or "")
        if ref is not None:
            self.screen.answered(ref)  # the pause cue's second wait
        services.writer.save_draft(model.meeting.id, note_input.note_text, services.clock.now())

    def add_new(
        self, note: NewNote, today: date, question: CareerElement | None = None, error: str = ""
    ) -> None:
        view = self.view
        view.follow_end = True
        view.put(self.notes.add(note, today, question, error))
        view.highlighted = None
        view.scroll_end(animate=False)
        screen, uid = self.screen, note.uid
        self.services.writer.save_note(
            note,
            done=lambda saved: post_from_writer(screen, NoteSaved(uid, saved)),
            failed=lambda exc: post_from_writer(screen, NoteNotSaved(uid, exc)),
            kept=lambda safe: post_from_writer(screen, NoteKept(uid, safe)),
        )

    def saved(self, message: NoteSaved) -> None:
        action_id = message.action.id if message.action else None
        row = self.notes.saved(message.uid, message.note.id, action_id)
        if row is not None:
            self.view.put(row)

    def not_saved(self, message: NoteNotSaved) -> None:
        if isinstance(message.error, DatabaseUnavailable):
            self.show(self.notes.not_taken(message.uid))
            return
        # The database refused this note for good: give the text back.
        gone = self.notes.refused(message.uid)
        if gone is None:
            return
        self.view.drop(gone.key)
        note_input = self.input
        if not note_input.value:
            note_input.value = NoteInput.to_value(gone.text)
        self.screen.notify(f"That note wasn't saved: {message.error}", severity="warning")

    # --- the selected row -------------------------------------------------------------

    def selected_key(self) -> str | None:
        view = self.view
        if view.highlighted is None:
            return None
        return view.get_option_at_index(view.highlighted).id

    @property
    def stashed_text(self) -> str:
        """The unsent text put aside while a note is being edited."""
        return NoteInput.from_value(self.notes.stash)

    def cancel_edit(self) -> bool:
        if not self.editing:
            return False
        meeting_edits.end_edit(self)
        return True

    def finish_edit(self, text: str, typed_since: str = "") -> bool:
        """Save the edited line; False (and the edit stays open) if it can't be."""
        return meeting_edits.finish_edit(self, text, typed_since)

    def edit_done(self, message: NoteEditDone) -> None:
        meeting_edits.edit_done(self, message)

    def kept(self, message: NoteKept) -> None:
        writer = self.services.writer
        refused = writer.problem is not None and not writer.unsafe
        self.show(self.notes.kept(message.key, message.safe, refused=refused))

    def database_problem(self) -> None:
        """The database stopped taking writes: rows waiting for it say so."""
        for row in self.notes.waiting():
            self.show(self.notes.not_taken(row.key))
        if self.services.writer.database_gone:
            for row in self.notes.database_lost():
                self.show(row)
        view = self.view
        if view.highlighted is None:  # repainted rows must not pull the list off its end
            view.call_after_refresh(view.keep_in_view)

    def show(self, row: NoteRow | None) -> None:
        if row is not None:
            self.view.put(row)

    def delete(self) -> None:
        try:
            row = self.notes.delete(self.selected_key())
        except Refused as refusal:
            self.say_refused(refusal)
            return
        note_id, at = row.note_id, self.services.clock.now()
        assert note_id is not None  # only saved notes can be deleted
        self.services.writer.record(
            entries.delete_entry(self.model.meeting.id, (note_id, row.key), at)
        )
        self.view.drop(row.key)
        self.screen.notify("Deleted. Press u to undo.", timeout=3)

    def undo(self) -> None:
        try:
            row = self.notes.undo()
        except Refused as refusal:
            self.say_refused(refusal)
            return
        note_id, at = row.note_id, self.services.clock.now()
        assert note_id is not None  # only saved notes were deleted
        self.services.writer.record(
            entries.restore_entry(self.model.meeting.id, (note_id, row.key), at)
        )
        view = self.view
        view.clear_options()
        for item in self.notes.rows():
            view.put(item)

    def toggle_done(self) -> None:
        try:
            row = self.notes.toggle_done(self.selected_key())
        except Refused as refusal:
            self.say_refused(refusal)
            return
        if row.waiting is not None:
            self.view.put(row)
            self.services.writer.record(self._dealt_with_entry(row))
            return
        action_id, status = row.action_id, row.action_status
        assert action_id is not None and status is not None
        meeting_id, at = self.model.meeting.id, self.services.clock.now()
        self.view.put(row)
        note_uid = None if row.carried else row.key
        self.services.writer.record(
            entries.action_status_entry(meeting_id, action_id, status, at, note_uid, uid=new_uid())
        )

    def _dealt_with_entry(self, row: NoteRow) -> entries.Entry:
        """The journal entry for a waiting row dealt with (or waiting again)."""
        point, meeting_id, at = row.waiting, self.model.meeting.id, self.services.clock.now()
        assert point is not None
        if point.point_uid is not None:
            return entries.talking_point_entry(meeting_id, point.point_uid, row.dealt_with, at)
        assert point.note is not None
        return entries.topic_resolved_entry(meeting_id, point.note, row.dealt_with, at)
