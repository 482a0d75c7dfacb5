"""Changing a saved row of the live meeting: e edits the line (read again
as a whole: kind, owner, tags, due date, privacy), p keeps a note private
or shares it. A carried action's edit is a change in its history each
(reworded, rescheduled, reassigned). Every change goes through the recovery
journal, like every write the meeting makes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui1on1.domain.grammar import PLACEHOLDER
from tui1on1.domain.meeting import ActionEdit, NoteEdit, Refused, SaveState, new_uid
from tui1on1.storage import journal_entries as entries
from tui1on1.storage.errors import DatabaseUnavailable, StoreError
from tui1on1.ui.screens.meeting_messages import NoteEditDone, NoteKept, post_from_writer
from tui1on1.ui.widgets.notes import NoteInput

if TYPE_CHECKING:
    from tui1on1.ui.screens.meeting_notes import NotesPane

EDITING_BORDER = "Editing a saved note · Enter saves · Esc cancels"


def start_edit(pane: NotesPane) -> None:
    """e on a row: its line goes in the input, to be read again on Enter."""
    note_input = pane.input
    try:
        line = pane.notes.start_edit(pane.selected_key(), note_input.value, pane.private_kinds)
    except Refused as refusal:
        pane.say_refused(refusal)
        return
    pane.screen.save_draft_now()  # the put-aside text is safe from now on
    note_input.value = NoteInput.to_value(line)
    note_input.show_hint("Editing: Enter saves, Esc cancels")
    # The hint above shows only while the input is empty: say it on the
    # border too, so an edit in progress is never mistaken for a new note.
    note_input.border_title = EDITING_BORDER
    pane.screen.set_focus(note_input)  # at once: the next keys edit the note
    note_input.cursor_position = len(note_input.value)


def end_edit(pane: NotesPane, typed_since: str = "") -> None:
    stash = pane.notes.end_edit()
    note_input = pane.input
    note_input.value = f"{stash} {typed_since}".strip()
    note_input.show_hint(PLACEHOLDER)
    note_input.border_title = None


def finish_edit(pane: NotesPane, line: str, typed_since: str = "") -> bool:
    """Save the edited line; False (and the edit stays open) if it can't be."""
    try:
        edit = pane.notes.finish_edit(line, pane.today(), pane.private_kinds)
    except Refused as refusal:
        pane.say_refused(refusal)
        return False
    if isinstance(edit, NoteEdit):
        _write_note_edit(pane, edit)
    elif isinstance(edit, ActionEdit):
        _write_action_edit(pane, edit)
    end_edit(pane, typed_since)
    return True


def record(pane: NotesPane, entry: entries.Entry, key: str, *, private: bool = False) -> None:
    """Journal and apply ``entry``; the row ``key`` shows where it is. A
    refusal for good says so (``private``: and the mark goes back)."""
    screen = pane.screen
    pane.services.writer.record(
        entry,
        done=lambda _result: post_from_writer(screen, NoteEditDone(key, saved=True)),
        failed=lambda exc: post_from_writer(
            screen,
            NoteEditDone(key, saved=False, refused=refusal_reason(exc), private_before=private),
        ),
        kept=lambda safe: post_from_writer(screen, NoteKept(key, safe)),
    )


def _write_note_edit(pane: NotesPane, edit: NoteEdit) -> None:
    pane.view.put(edit.row)
    key, at = edit.row.key, pane.services.clock.now()
    entry = entries.edit_entry(
        pane.model.meeting.id, (edit.note_id, key), edit.text, edit.tags, at, edit.reading
    )
    record(pane, entry, key)


def _write_action_edit(pane: NotesPane, edit: ActionEdit) -> None:
    """Each change its own entry (its own uid, so a replay lands it once);
    the row says saved when the last is in the database."""
    pane.view.put(edit.row)
    key, at = edit.row.key, pane.services.clock.now()
    meeting_id, writer = pane.model.meeting.id, pane.services.writer
    made = [
        entries.action_change_entry(meeting_id, edit.action_id, change, value, at, uid=new_uid())
        for change, value in edit.changes
    ]
    for entry in made[:-1]:
        writer.record(entry)
    record(pane, made[-1], key)


def toggle_private(pane: NotesPane) -> None:
    """p on a note of this meeting: kept out of the recap sent, or shared."""
    try:
        row = pane.notes.toggle_private(pane.selected_key())
    except Refused as refusal:
        pane.say_refused(refusal)
        return
    note_id = row.note_id
    assert note_id is not None  # only saved notes are marked
    pane.view.put(row)
    at = pane.services.clock.now()
    entry = entries.private_entry(pane.model.meeting.id, (note_id, row.key), row.private, at)
    record(pane, entry, row.key, private=True)
    said = "private: kept out of the recap" if row.private else "shared: in the recap"
    pane.screen.notify(f"Now {said}. p again changes it.", timeout=3)


def edit_done(pane: NotesPane, message: NoteEditDone) -> None:
    notes = pane.notes
    if message.saved:
        pane.show(notes.mark(message.key, SaveState.SAVED))
        row = notes.get(message.key)
        if row is not None and row.is_action and row.action_id is None and not row.carried:
            find_action(pane, message.key)
    elif message.refused:  # never retried: say so, and don't show it waiting
        if message.mark_before is not None:  # a mark: show the one the database has
            pane.show(notes.restore_mark(message.key, message.mark_before[0]))
        if message.private_before:
            pane.show(notes.toggle_back_private(message.key))
        pane.show(notes.mark(message.key, SaveState.SAVED))
        pane.screen.notify(
            f"That edit wasn't saved: {message.refused}", severity="warning", markup=False
        )
    else:
        pane.show(notes.not_taken(message.key))


def find_action(pane: NotesPane, key: str) -> None:
    """A note edited into an action: read the action the database made for
    it, so x can tick it (in a worker; a database that doesn't answer now
    leaves x saying it is still being saved)."""
    store, person_id, meeting_id = pane.services.store, pane.model.person.id, pane.model.meeting.id
    row = pane.notes.get(key)
    note_id = row.note_id if row is not None else None
    screen = pane.screen

    def read() -> None:
        try:
            actions = store.meeting_actions(person_id, meeting_id)
        except StoreError:
            return
        for action in actions:
            if action.note_id == note_id and note_id is not None:
                screen.app.call_from_thread(_take_action, pane, key, action.id)

    screen.run_worker(read, thread=True, exit_on_error=False, group="edited-action")


def _take_action(pane: NotesPane, key: str, action_id: int) -> None:
    if pane.screen.is_attached:
        pane.show(pane.notes.action_made(key, action_id))


def refusal_reason(error: Exception) -> str:
    """Why a change was refused for good; "" when it is only waiting."""
    return "" if isinstance(error, DatabaseUnavailable) else str(error) or type(error).__name__
