"""The notes of a live meeting and their save states.

This meeting's notes (each shown "saving…" until its commit comes back) and
the open actions carried over from earlier meetings, in the order shown; the
notes deleted here (for undo); and the note being edited. The screen paints
these rows and hands the writes to the writer; the rules live here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum

from tui1on1.domain.career import auto_element, career_label, effective_element, shorten
from tui1on1.domain.clock import format_mmss
from tui1on1.domain.duedates import format_due
from tui1on1.domain.grammar import MAX_NOTE_CHARS, extract_tags
from tui1on1.domain.kinds import ActionStatus, CareerElement, NoteKind, Owner
from tui1on1.domain.records import ActionItem, NewNote, Note
from tui1on1.domain.text import plural
from tui1on1.domain.waiting import WaitingItem, WaitingKind

PICK_FIRST = "Pick a note first (Up from the input, then arrows)."
STILL_SAVING = "That note is still being saved; try again in a moment."
CARRIED_ONLY_DONE = "That action is from an earlier meeting: x marks it done."
WAITING_ONLY_DEALT = "That was waiting for this 1:1: x marks it dealt with."
ACTION_STILL_SAVING = "That action is still being saved; try again in a moment."
ONLY_ACTIONS = "Only action items can be marked done."
NOTHING_TO_UNDO = "Nothing to undo."
EMPTY_EDIT = "A note can't be empty: use d to delete it instead."
LONG_EDIT = f"A note can hold at most {MAX_NOTE_CHARS:,} characters."


class Refused(Exception):
    """What the manager asked for can't be done now; the message says why."""


class SaveState(Enum):
    """Where a row's latest change is: the label it shows says only what is true."""

    SAVING = "saving"  # on its way: not yet in the journal or the database
    KEPT = "kept"  # in the fsynced journal; the database is taking it
    UNSAVED = "unsaved"  # in the journal; the database refused it for now
    AT_RISK = "at-risk"  # in neither: nothing can be written at all
    SAVED = "saved"  # in the database

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def safe(self) -> bool:
        """Whether the change survives the app being closed now."""
        return self in (SaveState.KEPT, SaveState.UNSAVED, SaveState.SAVED)


_LABELS = {
    SaveState.SAVING: "saving…",
    SaveState.KEPT: "saving…",
    SaveState.UNSAVED: "not saved yet — kept safe, retrying",
    SaveState.AT_RISK: "NOT SAVED — nothing can be written; keep tui1on1 open",
    SaveState.SAVED: "",
}


@dataclass(frozen=True, slots=True)
class NoteRow:
    """One line of the list: a note of this meeting or an earlier open action."""

    key: str  # the note uid, or "action-<id>" for a carried-over action
    kind: NoteKind
    text: str
    stamp: str  # "03:07", or "12 Nov" for carried actions
    state: SaveState = SaveState.SAVED
    note_id: int | None = None
    action_id: int | None = None
    action_status: ActionStatus | None = None
    due: str = ""  # "due Fri 27 Nov"
    mine: bool = False
    carried: bool = False
    auto: CareerElement | None = None  # where the question it answers puts it
    mark: str | None = None  # the manager's career mark, if any
    # What waited for this 1:1 (a talking point, an earlier topic): carried too.
    waiting: WaitingItem | None = None
    dealt_with: bool = False  # ticked in this meeting

    @property
    def is_action(self) -> bool:
        return self.kind is NoteKind.ACTION

    @property
    def career(self) -> CareerElement | None:
        """Where it goes in the career thread (None: not in it)."""
        return effective_element(self.mark, self.auto)

    @property
    def career_label(self) -> str:
        """ "career: why" (its question put it there), "marked: why" (the
        manager did), or "" when it is not in the thread."""
        return career_label(self.career, self.auto, self.mark)


@dataclass(frozen=True, slots=True)
class NoteEdit:
    """An edit to write: the row as now shown (saving) and what to store."""

    row: NoteRow
    note_id: int
    text: str
    tags: tuple[str, ...]


_WAITING_KINDS = {WaitingKind.PARKED: NoteKind.PARKED, WaitingKind.QUESTION: NoteKind.QUESTION}


def local_day(dt: datetime) -> str:
    local = dt.astimezone()
    return f"{local.day} {local:%b}"


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

    def reopened_by_discard(self) -> int:
        """Carried actions closed in this meeting: a discard opens them again."""
        closed = (ActionStatus.DONE, ActionStatus.DROPPED)
        return sum(1 for r in self._rows.values() if r.carried and r.action_status in closed)

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
    ) -> list[NoteRow]:
        """What waited for this 1:1 first (``waiting``: their talking points,
        mine, earlier parked topics and open questions), then the carried
        actions (my promises first), then this meeting's saved notes;
        ``elements``: the career element of each asked question, by id."""
        elements = elements or {}
        for point in waiting:
            self._put(
                NoteRow(
                    key=point.key,
                    kind=_WAITING_KINDS.get(point.kind, NoteKind.NOTE),
                    text=point.text,
                    stamp=local_day(point.added_at) if point.added_at else "",
                    mine=point.kind is WaitingKind.MY_TOPIC,
                    carried=True,
                    waiting=point,
                    dealt_with=point.dealt_with,
                )
            )
        # Stable: within each owner, the order given (due date first).
        for item in sorted(carried, key=lambda a: a.owner is not Owner.ME):
            self._put(
                NoteRow(
                    key=f"action-{item.id}",
                    kind=NoteKind.ACTION,
                    text=item.text,
                    stamp=local_day(item.created_at) if item.created_at else "",
                    action_id=item.id,
                    action_status=item.status,
                    due=format_due(item.due, today) if item.due else "",
                    mine=item.owner is Owner.ME,
                    carried=True,
                )
            )
        for note in notes:
            action = actions.get(note.id)
            owner = action.owner if action else None
            question = elements.get(note.asked_question_id or 0)
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
                    auto=auto_element(question, note.kind, owner, note.answers_why),
                    mark=note.career,
                )
            )
        return self.rows()

    # --- a new note and its save ------------------------------------------------------

    def add(self, note: NewNote, due: str, question: CareerElement | None = None) -> NoteRow:
        """A note just typed: shown "saving…" until ``saved``; ``question``:
        the career element of the question it answers."""
        return self._put(
            NoteRow(
                key=note.uid,
                kind=note.kind,
                text=note.text,
                stamp=format_mmss(note.elapsed_seconds),
                state=SaveState.SAVING,
                due=due,
                mine=note.action_owner is Owner.ME,
                action_status=ActionStatus.OPEN if note.kind is NoteKind.ACTION else None,
                auto=auto_element(question, note.kind, note.action_owner, note.answers_why),
                mark=note.career,
            )
        )

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

    def start_edit(self, key: str | None, stash: str) -> NoteRow:
        """Edit a saved note; ``stash`` is the unsent input, put aside."""
        row = self.saved_note(key)
        self.editing = row.key
        self.stash = stash
        return row

    def end_edit(self) -> str:
        """Close the edit; returns the text put aside when it began."""
        stash, self.editing, self.stash = self.stash, None, ""
        return stash

    def finish_edit(self, text: str) -> NoteEdit | None:
        """The edited text is to be saved: the edit to write, or None when
        the note is gone (nothing to write). Raises Refused (the edit stays
        open) for a text that can't be a note."""
        row = self.get(self.editing)
        if row is None or row.note_id is None:
            return None
        stripped = text.strip()
        if not stripped:
            raise Refused(EMPTY_EDIT)
        if len(stripped) > MAX_NOTE_CHARS:
            raise Refused(LONG_EDIT)
        shown = self._put(replace(row, text=stripped, state=SaveState.SAVING))
        return NoteEdit(shown, row.note_id, stripped, extract_tags(stripped))

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
