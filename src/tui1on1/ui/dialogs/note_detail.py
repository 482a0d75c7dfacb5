"""One note of a past meeting in full: Enter on the meeting history's list.

Shows the whole text (every line), its kind, when in the meeting it was
taken, its tags, the question it answered and, for an action, whose it is
and its status now. Esc or Enter closes it.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui1on1.domain.clock import format_mmss
from tui1on1.domain.duedates import format_due
from tui1on1.domain.recap import MeetingRecord
from tui1on1.domain.records import Note
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.lists import Pane


def note_detail(record: MeetingRecord, note: Note, today: date) -> Text:
    """The note and what is known about it, as plain text."""
    text = Text(f"{format_mmss(note.elapsed_seconds)} into the 1:1 · {note.kind.value}")
    if note.tags:
        text.append(" · " + " ".join(f"#{safe_terminal_text(tag)}" for tag in note.tags))
    text.append("\n\n")
    text.append(safe_terminal_text(note.text, keep_newlines=True))
    asked = next((a for a in record.asked if a.id == note.asked_question_id), None)
    if asked is not None:
        text.append("\n\nAnswer to Why? on: " if note.answers_why else "\n\nAnswer to: ",
                    style="bold")  # fmt: skip
        text.append(safe_terminal_text(asked.text))
    action = next((a for a in record.actions if a.note_id == note.id), None)
    if action is not None:
        who = "mine" if action.owner.value == "me" else "theirs"
        due = f", {format_due(action.due, today)}" if action.due else ""
        text.append("\n\nAction: ", style="bold")
        text.append(f"{who}, {action.status.value}{due}")
    return text


class NoteDetailScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", "Close", id="note_close")]

    def __init__(self, record: MeetingRecord, note: Note, today: date) -> None:
        super().__init__()
        self.record = record
        self.note = note
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="note-detail", classes="dialog"):
            yield Static("Note", classes="dialog-title")
            with Pane(id="note-detail-body", classes="pane"):
                yield Static(note_detail(self.record, self.note, self.today), id="note-text")
            yield Static("Esc to close · Up / Down to scroll", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Pane).focus()

    def action_close(self) -> None:
        self.dismiss(None)
