"""The notes of a live meeting and their save states.

This meeting's notes (each shown "saving…" until its commit comes back) and
the open actions carried over from earlier meetings, in the order shown; the
notes deleted here (for undo); and the note being edited. The screen paints
these rows and hands the writes to the writer; the rules live here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, replace
from datetime import date, datetime

from tui1on1.domain.career import auto_element, shorten
from tui1on1.domain.clock import format_mmss
from tui1on1.domain.kinds import ActionChange, ActionStatus, CareerElement, NoteKind, Owner
from tui1on1.domain.meeting.edits import (
    ActionEdit,
    NoteEdit,
    Refused,
    action_changed,
    edit_line,
    read_edit,
)
from tui1on1.domain.meeting.loaded_rows import loaded_rows
from tui1on1.domain.meeting.rows import NoteRow, SaveState, local_day, with_due
from tui1on1.domain.records import ActionItem, NewNote, Note
from tui1on1.domain.text import plural
from tui1on1.domain.waiting import WaitingItem

__all__ = [
    "ActionEdit",
    "DiscardCounts",
    "MeetingNotes",
    "NoteEdit",
    "NoteRow",
    "Refused",
    "SaveState",
    "local_day",
]

PICK_FIRST = "Pick a note first (Up from the input, then arrows)."
STILL_SAVING = "That note is still being saved; try again in a moment."
CARRIED_PRIVATE = (
    "That action is from an earlier meeting: its note was kept private or shared then."
)
CARRIED_ONLY_DONE = (
    "That action is from an earlier meeting: x marks it done, e changes it,"
    " a drops, reschedules or reassigns it."
)
WAITING_ONLY_DEALT = "That was waiting for this 1:1: x marks it dealt with."
ACTION_STILL_SAVING = "That action is still being saved; try again in a moment."
ONLY_ACTIONS = "Only action items can be marked done."
ONLY_ACTIONS_CHANGE = "That is a note: a opens an action item (e edits a note)."
NOTHING_TO_UNDO = "Nothing to undo."


@dataclass(frozen=True, slots=True)
class DiscardCounts:
    """What a discard takes away (this meeting's notes and actions) and puts
    back as it was (earlier promises closed here open again; others
    rescheduled, reassigned or reworded here as they were)."""

    notes: int
    actions: int
    reopened: int
    restored: int


class MeetingNotes:
    """The notes pane's state; every change returns the rows to repaint."""

    def __init__(self) -> None:
        self._rows: dict[str, NoteRow] = {}
        self._deleted: list[NoteRow] = []
        self.editing: str | None = None  # the key of the note being edited
        self.stash = ""  # the unsent input put aside while editing

    # --- reading ---------------------------------------------------------------

    def rows(self) -> list[NoteRow]:
        return list(self._rows.values())

    def get(self, key: str | None) -> NoteRow | None:
        return self._rows.get(key or "")

    def own(self) -> list[NoteRow]:
        """This meeting's notes (not the actions carried over)."""
        return [row for row in self._rows.values() if not row.carried]

    def discard_counts(self) -> DiscardCounts:
        """What discarding this meeting takes away and puts back, counted as
        the end summary counts: notes apart from actions."""
        own = self.own()
        closed = (ActionStatus.DONE, ActionStatus.DROPPED)
        carried = [r for r in self._rows.values() if r.carried and r.action_id is not None]
        reopened = sum(1 for r in carried if r.action_status in closed)
        changed = sum(1 for r in carried if r.changed_here and r.action_status not in closed)
        actions = sum(1 for r in own if r.is_action)
        return DiscardCounts(len(own) - actions, actions, reopened, changed)

    def _put(self, row: NoteRow) -> NoteRow:
        self._rows[row.key] = row
        return row

    # --- loading -----------------------------------------------------------------

    def load(
        self,
        notes: Iterable[Note],
        actions: Mapping[int, ActionItem],
        carried: Iterable[ActionItem],
        today: date,
        elements: Mapping[int, CareerElement | None] | None = None,
        waiting: Iterable[WaitingItem] = (),
        changed: Set[int] = frozenset(),
        private: Set[int] = frozenset(),
        written: Mapping[int, datetime] | None = None,
    ) -> list[NoteRow]:
        """The rows the meeting opens with, in their order: see :func:`loaded_rows`."""
        rows = loaded_rows(
            notes, actions, carried, today, elements, waiting, changed, private, written
        )
        for row in rows:
            self._put(row)
        return self.rows()

    # --- a new note and its save ------------------------------------------------------

    def add(
        self, note: NewNote, today: date, question: CareerElement | None = None, error: str = ""
    ) -> NoteRow:
        """A note just typed: shown "saving…" until ``saved``; ``question``:
        the career element of the question it answers; ``error``: why its
        ``@word`` wasn't read as a date."""
        row = NoteRow(
            key=note.uid,
            kind=note.kind,
            text=note.text,
            stamp=format_mmss(note.elapsed_seconds),
            state=SaveState.SAVING,
            mine=note.action_owner is Owner.ME,
            action_status=ActionStatus.OPEN if note.kind is NoteKind.ACTION else None,
            auto=auto_element(question, note.kind, note.action_owner, note.answers_why),
            mark=note.career,
            private=note.private,
            written=today,
        )
        return self._put(with_due(row, note.action_due, today, error))

    def saved(self, uid: str, note_id: int, action_id: int | None) -> NoteRow | None:
        row = self._rows.get(uid)
        if row is None:
            return None
        return self._put(replace(row, state=SaveState.SAVED, note_id=note_id, action_id=action_id))

    def mark(self, key: str, state: SaveState) -> NoteRow | None:
        row = self._rows.get(key)
        return None if row is None else self._put(replace(row, state=state))

    def kept(self, key: str, safe: bool, *, refused: bool = False) -> NoteRow | None:
        """The journal has the row's change (``safe``), or can't take it;
        ``refused``: the database isn't taking writes right now."""
        row = self._rows.get(key)
        if row is None or row.state is SaveState.SAVED:
            return None
        if not safe:
            return self._put(replace(row, state=SaveState.AT_RISK))
        waiting = refused or row.state is SaveState.AT_RISK
        after = SaveState.UNSAVED if waiting else SaveState.KEPT
        return self._put(replace(row, state=after))

    def not_taken(self, key: str) -> NoteRow | None:
        """The database refused the change for now; it is retried."""
        row = self._rows.get(key)
        if row is None or row.state is not SaveState.KEPT:
            return None
        return self._put(replace(row, state=SaveState.UNSAVED))

    def database_lost(self) -> list[NoteRow]:
        """The database file went away: this meeting's notes it had are now
        only in the journal (kept safe, waiting), like the ones it never had."""
        lost = [r for r in self._rows.values() if not r.carried and r.state is SaveState.SAVED]
        return [self._put(replace(row, state=SaveState.UNSAVED)) for row in lost]

    def waiting(self) -> list[NoteRow]:
        """Rows the database doesn't have yet, oldest first."""
        return [row for row in self._rows.values() if row.state is not SaveState.SAVED]

    def save_report(self) -> str:
        """One honest sentence on where this meeting's notes are, for leaving."""
        waiting = self.waiting()
        lost = [row for row in waiting if not row.state.safe]
        if lost:
            texts = "; ".join(f"“{shorten(row.text, 40)}”" for row in lost[:3])
            more = f" and {len(lost) - 3} more" if len(lost) > 3 else ""
            return (
                f"{plural(len(lost), 'note')} ({texts}{more}) could not be written anywhere "
                "yet: leaving now loses them. Stay and keep tui1on1 open until the banner clears."
            )
        if waiting:
            return (
                f"{plural(len(waiting), 'note')} {'waits' if len(waiting) == 1 else 'wait'} in "
                "the recovery journal on this machine, to be saved when the database can (at "
                "the latest when tui1on1 next starts)."
            )
        return "Every note is saved."

    def refused(self, uid: str) -> NoteRow | None:
        """The database refused the note for good: it leaves the list (its
        text goes back to the input)."""
        return self._rows.pop(uid, None)

    # --- the selected row --------------------------------------------------------------

    def saved_note(self, key: str | None) -> NoteRow:
        """The selected row, if it is a note of this meeting that is saved
        (raises Refused saying why not)."""
        row = self.get(key)
        if row is None:
            raise Refused(PICK_FIRST)
        if row.carried:
            raise Refused(WAITING_ONLY_DEALT if row.waiting else CARRIED_ONLY_DONE)
        if row.note_id is None:
            raise Refused(STILL_SAVING)
        return row

    def start_edit(self, key: str | None, stash: str, private_kinds: Set[NoteKind]) -> str:
        """Edit a saved note, or a carried action; ``stash`` is the unsent
        input, put aside. Returns the line to edit (see ``edit_line``)."""
        row = self.get(key)
        if row is None or not (row.carried and row.action_id is not None):
            row = self.saved_note(key)
        self.editing = row.key
        self.stash = stash
        return edit_line(row, private_kinds)

    def end_edit(self) -> str:
        """Close the edit; returns the text put aside when it began."""
        stash, self.editing, self.stash = self.stash, None, ""
        return stash

    def finish_edit(
        self, line: str, today: date, private_kinds: Set[NoteKind]
    ) -> NoteEdit | ActionEdit | None:
        """The edited line is to be saved: the edit to write, or None when
        the note is gone or nothing changed (nothing to write). Raises Refused
        (the edit stays open) for a line that can't be saved."""
        row = self.get(self.editing)
        if row is None or (row.note_id is None and not row.carried):
            return None
        edit = read_edit(row, line, today, private_kinds)
        if edit is not None:
            self._put(edit.row)
        return edit

    def action_made(self, key: str, action_id: int) -> NoteRow | None:
        """A note edited into an action: the action the database made for it."""
        row = self._rows.get(key)
        if row is None or not row.is_action or row.action_id is not None:
            return None
        return self._put(replace(row, action_id=action_id))

    def toggle_private(self, key: str | None) -> NoteRow:
        """Keep a saved note of this meeting out of the recap, or share it."""
        row = self.get(key)
        if row is not None and row.carried and row.waiting is None:
            raise Refused(CARRIED_PRIVATE)
        row = self.saved_note(key)
        return self._put(replace(row, private=not row.private, state=SaveState.SAVING))

    def toggle_back_private(self, key: str) -> NoteRow | None:
        """A private/shared change the database refused: the row shows it as it was."""
        row = self._rows.get(key)
        return None if row is None else self._put(replace(row, private=not row.private))

    def set_mark(self, key: str | None, mark: str | None) -> NoteRow:
        """The manager put a saved note in the career thread (or took it out)."""
        row = self.saved_note(key)
        return self._put(replace(row, mark=mark, state=SaveState.SAVING))

    def restore_mark(self, key: str, mark: str | None) -> NoteRow | None:
        """A mark the database refused: the row shows the one it has."""
        row = self._rows.get(key)
        return None if row is None else self._put(replace(row, mark=mark))

    def marks_changed(self, marks: Mapping[int, str | None]) -> list[NoteRow]:
        """Marks written elsewhere (the career screen, over the meeting), by
        note id: saved rows take them; a row with its own change on the way
        keeps that."""
        changed = []
        for row in list(self._rows.values()):
            if row.note_id is not None and row.note_id in marks and row.state is SaveState.SAVED:
                mark = marks[row.note_id]
                if mark != row.mark:
                    changed.append(self._put(replace(row, mark=mark)))
        return changed

    def delete(self, key: str | None) -> NoteRow:
        """Take a saved note off the list (u brings it back)."""
        row = self.saved_note(key)
        del self._rows[row.key]
        self._deleted.append(row)
        return row

    def undo(self) -> NoteRow:
        """Bring back the last deleted note, in its place by id."""
        if not self._deleted:
            raise Refused(NOTHING_TO_UNDO)
        row = self._deleted.pop()
        self._rows[row.key] = row
        ordered = sorted(self._rows.values(), key=lambda r: (not r.carried, r.note_id or 0))
        self._rows = {r.key: r for r in ordered}
        return row

    def action_row(self, key: str | None) -> NoteRow:
        """The selected row, if it is an action the ledger has (raises Refused)."""
        row = self.get(key)
        if row is None:
            raise Refused(PICK_FIRST)
        if row.waiting is not None:
            raise Refused(WAITING_ONLY_DEALT)
        if row.action_id is None:
            raise Refused(ACTION_STILL_SAVING if row.is_action else ONLY_ACTIONS_CHANGE)
        return row

    def change_action(
        self,
        key: str,
        change: ActionChange,
        *,
        due: date | None = None,
        owner: Owner | None = None,
        text: str = "",
        today: date,
    ) -> NoteRow:
        """The action dialog changed the row's action: the row as now shown."""
        row = self.action_row(key)
        return self._put(action_changed(row, change, today, due=due, owner=owner, text=text))

    def toggle_done(self, key: str | None) -> NoteRow:
        """Mark an action done, or open again; a waiting row dealt with, or
        waiting again; returns the row as now shown."""
        row = self.get(key)
        if row is None:
            raise Refused(PICK_FIRST)
        if row.waiting is not None:
            return self._put(replace(row, dealt_with=not row.dealt_with))
        if row.action_id is None:
            raise Refused(ACTION_STILL_SAVING if row.is_action else ONLY_ACTIONS)
        done = row.action_status is ActionStatus.DONE
        status = ActionStatus.OPEN if done else ActionStatus.DONE
        return self._put(replace(row, action_status=status))
