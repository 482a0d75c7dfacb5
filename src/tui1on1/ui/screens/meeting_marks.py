"""The career marks of a live meeting's notes: c then one key on a note
(written through the journal like every change the meeting makes), and the
marks read again after the career screen (F2) changed some."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui1on1.domain.meeting import Refused
from tui1on1.storage import journal_entries as entries
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.career_mark import CareerMarkScreen, stored_mark
from tui1on1.ui.screens.meeting_edits import refusal_reason
from tui1on1.ui.screens.meeting_messages import NoteEditDone, NoteKept, post_from_writer

if TYPE_CHECKING:
    from tui1on1.ui.screens.meeting_notes import NotesPane


def choose_mark(pane: NotesPane) -> None:
    """c on a note: where it goes in the career thread (a key chooses)."""
    try:
        row = pane.notes.saved_note(pane.selected_key())
    except Refused as refusal:
        pane.say_refused(refusal)
        return

    def chosen(mark: str | None) -> None:
        if mark is not None:
            set_mark(pane, row.key, stored_mark(mark))

    pane.screen.app.push_screen(CareerMarkScreen(row.text, row.career, row.auto), chosen)


def set_mark(pane: NotesPane, key: str, mark: str | None) -> None:
    before = pane.notes.get(key)
    try:
        row = pane.notes.set_mark(key, mark)
    except Refused as refusal:  # deleted or gone while the choice was open
        pane.say_refused(refusal)
        return
    note_id = row.note_id
    assert note_id is not None and before is not None  # only saved notes can be marked
    pane.marks_changed += 1  # a read of marks begun before this is stale
    pane.view.put(row)
    screen, at, was = pane.screen, pane.services.clock.now(), (before.mark,)
    pane.services.writer.record(
        entries.career_entry(pane.model.meeting.id, (note_id, key), mark, at),
        done=lambda _note: post_from_writer(screen, NoteEditDone(key, saved=True)),
        failed=lambda exc: post_from_writer(
            screen, NoteEditDone(key, saved=False, refused=refusal_reason(exc), mark_before=was)
        ),
        kept=lambda safe: post_from_writer(screen, NoteKept(key, safe)),
    )


def read_marks_again(pane: NotesPane) -> None:
    """Back from the career screen: marks changed there show here too.
    A database that doesn't answer now changes nothing (the banner says
    so); a read begun before a mark made here is dropped."""
    store, meeting_id = pane.services.store, pane.model.meeting.id
    screen, started = pane.screen, pane.marks_changed

    def read() -> None:
        try:
            notes = store.list_notes(meeting_id)
        except StoreError:
            return
        marks = {note.id: note.career for note in notes}
        screen.app.call_from_thread(_take_marks, pane, marks, started)

    screen.run_worker(read, thread=True, exclusive=True, exit_on_error=False, group="marks")


def _take_marks(pane: NotesPane, marks: dict[int, str | None], started: int) -> None:
    if started != pane.marks_changed or not pane.screen.is_attached:
        return
    for row in pane.notes.marks_changed(marks):
        pane.view.put(row)
