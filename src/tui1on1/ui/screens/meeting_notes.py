"""The notes pane's behaviour: saving states, editing, delete and undo, and
ticking actions done (this meeting's and those carried over from before)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding

from tui1on1.domain.clock import format_mmss
from tui1on1.domain.duedates import format_due
from tui1on1.domain.grammar import MAX_NOTE_CHARS, extract_tags
from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import ActionItem, NewNote
from tui1on1.storage.errors import DatabaseUnavailable
from tui1on1.ui.hop import UiHop
from tui1on1.ui.meeting_model import AskedRef, MeetingModel, local_day
from tui1on1.ui.widgets.notes import NoteInput, NoteRow, NotesList, SaveState

if TYPE_CHECKING:
    from tui1on1.ui.screens.meeting import MeetingScreen
    from tui1on1.ui.screens.meeting_load import LoadedMeeting
    from tui1on1.ui.services import Services


class MeetingNotesList(NotesList):
    BINDINGS = [
        Binding("e", "screen.edit_note", "Edit", id="edit_note"),
        Binding("d", "screen.delete_note", "Delete", id="delete_note"),
        Binding("u", "screen.undo_delete", "Undo", id="undo_delete"),
        Binding("x", "screen.toggle_done", "Done", id="toggle_done"),
        Binding("escape", "screen.focus_input", "Back to typing", id="back_to_input"),
    ]

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


class NotesController:
    def __init__(self, screen: MeetingScreen, services: Services, model: MeetingModel) -> None:
        self.screen = screen
        self.services = services
        self.model = model
        self._hop = UiHop()
        self._rows: dict[str, NoteRow] = {}
        self._deleted: list[NoteRow] = []
        self.editing: str | None = None
        self._stash = ""

    def hop(self, callback: Callable[..., Any]) -> Callable[..., None]:
        """A writer callback, run on the UI loop while the notes list is shown.

        Quitting while the database refuses writes, the writer tells its last
        jobs' failures after the screen is torn down: they are journaled, and
        there is nothing left to repaint (it used to print a traceback).
        """

        def if_shown(*args: Any) -> None:
            if self.screen.query(NotesList):
                callback(*args)

        return self._hop(if_shown)

    @property
    def view(self) -> NotesList:
        return self.screen.query_one(NotesList)

    def rows(self) -> list[NoteRow]:
        return list(self._rows.values())

    def _put(self, row: NoteRow) -> None:
        self._rows[row.key] = row
        self.view.put(row)

    # --- loading ------------------------------------------------------------------

    def show_loaded(self, loaded: LoadedMeeting) -> None:
        today = self.services.clock.now().astimezone().date()
        for action in loaded.carried:
            self._put(self._carried_row(action, today))
        for note in loaded.notes:
            action = loaded.actions.get(note.id)
            self._put(
                NoteRow(
                    key=note.uid,
                    kind=note.kind,
                    text=note.text,
                    stamp=format_mmss(note.elapsed_seconds),
                    note_id=note.id,
                    action_id=action.id if action else None,
                    action_status=action.status if action else None,
                    due=format_due(action.due, today) if action and action.due else "",
                    mine=bool(action and action.owner is Owner.ME),
                )
            )
        self.view.scroll_end(animate=False)

    def _carried_row(self, action: ActionItem, today) -> NoteRow:
        return NoteRow(
            key=f"action-{action.id}",
            kind=NoteKind.ACTION,
            text=action.text,
            stamp=local_day(action.created_at) if action.created_at else "",
            action_id=action.id,
            action_status=action.status,
            due=format_due(action.due, today) if action.due else "",
            mine=action.owner is Owner.ME,
            carried=True,
        )

    # --- a new note -----------------------------------------------------------------

    def add_new(self, note: NewNote, due: str, ref: AskedRef | None) -> None:
        row = NoteRow(
            key=note.uid,
            kind=note.kind,
            text=note.text,
            stamp=format_mmss(note.elapsed_seconds),
            state=SaveState.SAVING,
            due=due,
            mine=note.action_owner is Owner.ME,
            action_status=ActionStatus.OPEN if note.kind is NoteKind.ACTION else None,
        )
        self._put(row)
        self.view.highlighted = None
        self.view.scroll_end(animate=False)

        def prepare(pending: NewNote) -> NewNote:
            # The answer belongs to the question asked before it, whose id
            # exists by now: the writer committed that question first.
            return replace(pending, asked_question_id=ref.id) if ref and ref.id else pending

        self.services.writer.save_note(
            note,
            prepare=prepare,
            done=self.hop(self._saved),
            failed=self.hop(lambda exc: self._save_failed(note.uid, exc)),
        )

    def _saved(self, result) -> None:
        note, action = result
        row = self._rows.get(note.uid)
        if row is None:
            return
        self._put(
            row.with_(
                state=SaveState.SAVED,
                note_id=note.id,
                action_id=action.id if action else None,
            )
        )

    def _save_failed(self, uid: str, exc: Exception) -> None:
        row = self._rows.get(uid)
        if row is None:
            return
        if isinstance(exc, DatabaseUnavailable):
            self._put(row.with_(state=SaveState.UNSAVED))
            return
        # The database refused this note for good: give the text back.
        self._rows.pop(uid, None)
        self.view.drop(uid)
        note_input = self.screen.query_one(NoteInput)
        if not note_input.value:
            note_input.value = NoteInput.to_value(row.text)
        self.screen.notify(f"That note wasn't saved: {exc}", severity="warning")

    # --- the selected row -------------------------------------------------------------

    def selected(self) -> NoteRow | None:
        view = self.view
        if view.highlighted is None:
            return None
        option = view.get_option_at_index(view.highlighted)
        return self._rows.get(option.id or "")

    def _saved_row(self, need_note: bool = True) -> NoteRow | None:
        row = self.selected()
        if row is None:
            self.screen.notify("Pick a note first (Up from the input, then arrows).")
            return None
        if need_note and (row.carried or row.note_id is None):
            message = (
                "That action is from an earlier meeting: x marks it done."
                if row.carried
                else "That note is still being saved; try again in a moment."
            )
            self.screen.notify(message)
            return None
        return row

    @property
    def stashed_text(self) -> str:
        """The unsent text put aside while a note is being edited."""
        return NoteInput.from_value(self._stash)

    def start_edit(self) -> None:
        row = self._saved_row()
        if row is None:
            return
        note_input = self.screen.query_one(NoteInput)
        self._stash = note_input.value
        self.editing = row.key
        self.screen.save_draft_now()  # the put-aside text is safe from now on
        note_input.value = NoteInput.to_value(row.text)
        note_input.show_hint("Editing: Enter saves, Esc cancels")
        # The hint above shows only while the input is empty: say it on the
        # border too, so an edit in progress is never mistaken for a new note.
        note_input.border_title = "Editing a saved note · Enter saves · Esc cancels"
        self.screen.set_focus(note_input)  # at once: the next keys edit the note
        note_input.cursor_position = len(note_input.value)

    def cancel_edit(self) -> bool:
        if self.editing is None:
            return False
        self._end_edit()
        return True

    def _end_edit(self, typed_since: str = "") -> None:
        from tui1on1.domain.grammar import PLACEHOLDER

        note_input = self.screen.query_one(NoteInput)
        self.editing = None
        note_input.value = f"{self._stash} {typed_since}".strip()
        note_input.show_hint(PLACEHOLDER)
        note_input.border_title = None
        self._stash = ""

    def finish_edit(self, text: str, typed_since: str = "") -> bool:
        """Save the edited text; False (and the edit stays open) if it can't be."""
        row = self._rows.get(self.editing or "")
        if row is None or row.note_id is None:
            self._end_edit(typed_since)
            return True
        stripped = text.strip()
        if not stripped:
            self.screen.notify("A note can't be empty: use d to delete it instead.")
            return False
        if len(stripped) > MAX_NOTE_CHARS:
            self.screen.notify(f"A note can hold at most {MAX_NOTE_CHARS:,} characters.")
            return False
        note_id, at = row.note_id, self.services.clock.now()
        tags = extract_tags(stripped)
        self._put(row.with_(text=stripped, state=SaveState.SAVING))
        self.services.writer.submit(
            lambda store: store.edit_note(note_id, text=stripped, tags=tags, at=at),
            done=self.hop(lambda _note: self._mark(row.key, SaveState.SAVED)),
            failed=self.hop(lambda _exc: self._mark(row.key, SaveState.UNSAVED)),
        )
        self._end_edit(typed_since)
        return True

    def _mark(self, key: str, state: SaveState) -> None:
        row = self._rows.get(key)
        if row is not None:
            self._put(row.with_(state=state))

    def delete(self) -> None:
        row = self._saved_row()
        if row is None:
            return
        note_id, at = row.note_id, self.services.clock.now()
        self.services.writer.submit(lambda store: store.delete_note(note_id, at))
        self._rows.pop(row.key, None)
        self.view.drop(row.key)
        self._deleted.append(row)
        self.screen.notify("Deleted. Press u to undo.", timeout=3)

    def undo(self) -> None:
        if not self._deleted:
            self.screen.notify("Nothing to undo.")
            return
        row = self._deleted.pop()
        note_id = row.note_id
        self.services.writer.submit(lambda store: store.restore_note(note_id))
        self._rows[row.key] = row
        ordered = sorted(self._rows.values(), key=lambda r: (not r.carried, r.note_id or 0))
        self._rows = {r.key: r for r in ordered}
        view = self.view
        view.clear_options()
        for item in ordered:
            view.put(item)

    def toggle_done(self) -> None:
        row = self._saved_row(need_note=False)
        if row is None:
            return
        if row.action_id is None:
            message = (
                "That action is still being saved; try again in a moment."
                if row.kind is NoteKind.ACTION
                else "Only action items can be marked done."
            )
            self.screen.notify(message)
            return
        status = ActionStatus.OPEN if row.action_status is ActionStatus.DONE else ActionStatus.DONE
        action_id, meeting_id = row.action_id, self.model.meeting.id
        at = self.services.clock.now()
        self._put(row.with_(action_status=status))
        self.services.writer.submit(
            lambda store: store.set_action_status(action_id, status, meeting_id=meeting_id, at=at)
        )
