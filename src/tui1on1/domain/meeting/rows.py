"""One line of the live meeting's notes list, and where its change is.

A row is a note of this meeting, an open action carried over from an
earlier one, or something that waited for this 1:1. What an action's row
says about its date is worked out here, once, from the stored facts (its
due date and text), so a resumed meeting shows the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum

from tui1on1.domain.career import career_label, effective_element
from tui1on1.domain.datewords import due_warning, tried_dates_out
from tui1on1.domain.duedates import is_overdue
from tui1on1.domain.grammar import PRIVATE_MARK
from tui1on1.domain.kinds import ActionStatus, CareerElement, NoteKind, Owner
from tui1on1.domain.ledger import due_words
from tui1on1.domain.records import ActionItem
from tui1on1.domain.waiting import WaitingItem


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
class DueView:
    """What an action's row says about its date: the phrase ("due Fri 4
    Dec", "overdue 3 days", "no due date"), whether it is overdue, and the
    warning when its text looks dated but no date was read."""

    phrase: str = ""
    overdue: bool = False
    warning: str = ""


def due_view(due: date | None, text: str, today: date, written: date | None = None) -> DueView:
    """The date words of an open action with ``due`` and ``text``, its text
    ``written`` that day (today when None): a phrase like "by fri" in it
    means the Friday after that day."""
    item = ActionItem(id=0, person_id=0, owner=Owner.ME, text=text, due=due)
    overdue = due is not None and is_overdue(due, today)
    warning = "" if due is not None else due_warning(text, today, written) or ""
    return DueView(due_words(item, today), overdue, warning)


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
    due: str = ""  # the date phrase: "due Fri 27 Nov", "overdue 3 days", "no due date"
    mine: bool = False
    carried: bool = False
    auto: CareerElement | None = None  # where the question it answers puts it
    mark: str | None = None  # the manager's career mark, if any
    # What waited for this 1:1 (a talking point, an earlier topic): carried too.
    waiting: WaitingItem | None = None
    dealt_with: bool = False  # ticked in this meeting
    due_date: date | None = None
    overdue: bool = False
    warning: str = ""  # an action with no date whose text looks dated: what to type
    private: bool = False  # kept out of the recap sent to the report
    changed_here: bool = False  # a carried action reworded, rescheduled or reassigned here
    written: date | None = None  # the day its text was written (None: today)

    @property
    def said_text(self) -> str:
        """Its words to say aloud or sum up: an action's date typed in them
        that didn't read (``@fridya``) is left out once it has a date."""
        if self.is_action and self.due_date is not None:
            return tried_dates_out(self.text, self.due_date)
        return self.text

    @property
    def summary_text(self) -> str:
        """Its text for the end summary, a private one marked (never read out)."""
        text = self.said_text
        return f"{PRIVATE_MARK} private: {text}" if self.private else text

    @property
    def is_action(self) -> bool:
        return self.kind is NoteKind.ACTION

    @property
    def is_open_action(self) -> bool:
        return self.is_action and self.action_status in (None, ActionStatus.OPEN)

    @property
    def career(self) -> CareerElement | None:
        """Where it goes in the career thread (None: not in it)."""
        return effective_element(self.mark, self.auto)

    @property
    def career_label(self) -> str:
        """ "career: why" (its question put it there), "marked: why" (the
        manager did), or "" when it is not in the thread."""
        return career_label(self.career, self.auto, self.mark)


def with_due(row: NoteRow, due: date | None, today: date, error: str = "") -> NoteRow:
    """``row`` with the date words of its action due on ``due`` (none for a
    row that is no action); ``error``: why a typed ``@word`` wasn't read,
    shown when the text itself gives no warning. A date phrase in its text
    is read as of the day the text was written (``row.written``)."""
    if not row.is_action:
        return replace(row, due="", due_date=None, overdue=False, warning="")
    view = due_view(due, row.text, today, row.written)
    warning = view.warning or ("" if due is not None else error)
    return replace(row, due=view.phrase, due_date=due, overdue=view.overdue, warning=warning)


def local_day(dt: datetime) -> str:
    local = dt.astimezone()
    return f"{local.day} {local:%b}"
