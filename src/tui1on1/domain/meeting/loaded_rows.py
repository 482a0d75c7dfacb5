"""The rows a live meeting's notes list opens with (a meeting started or
resumed): what waited for this 1:1 first, then the open actions carried over
from earlier meetings, then this meeting's saved notes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from datetime import date, datetime

from tui1on1.domain.career import auto_element
from tui1on1.domain.clock import format_mmss
from tui1on1.domain.kinds import CareerElement, NoteKind, Owner
from tui1on1.domain.ledger import carried_order, local_date
from tui1on1.domain.meeting.rows import NoteRow, local_day, with_due
from tui1on1.domain.records import ActionItem, Note
from tui1on1.domain.waiting import WaitingItem, WaitingKind

__all__ = ["loaded_rows"]


def _day(when: datetime | None) -> date | None:
    """The local day of a stored time (None when it isn't known: then today)."""
    return local_date(when) if when is not None else None


_WAITING_KINDS = {WaitingKind.PARKED: NoteKind.PARKED, WaitingKind.QUESTION: NoteKind.QUESTION}


def loaded_rows(
    notes: Iterable[Note],
    actions: Mapping[int, ActionItem],
    carried: Iterable[ActionItem],
    today: date,
    elements: Mapping[int, CareerElement | None] | None = None,
    waiting: Iterable[WaitingItem] = (),
    changed: Set[int] = frozenset(),
    private: Set[int] = frozenset(),
    written: Mapping[int, datetime] | None = None,
) -> Iterator[NoteRow]:
    """What waited for this 1:1 first (``waiting``: their talking points,
    mine, earlier parked topics and open questions), then the carried
    actions (mine first, each side overdue first), then this meeting's
    saved notes; ``elements``: the career element of each asked question,
    by id; ``changed``: the carried actions changed in this meeting;
    ``private``: the carried actions whose note is private; ``written``:
    when each carried action's text was written, by id (else when it was
    made): a phrase like "by fri" in it is read as of that day."""
    elements = elements or {}
    written = written or {}
    for point in waiting:
        yield NoteRow(
            key=point.key,
            kind=_WAITING_KINDS.get(point.kind, NoteKind.NOTE),
            text=point.text,
            stamp=local_day(point.added_at) if point.added_at else "",
            mine=point.kind is WaitingKind.MY_TOPIC,
            carried=True,
            waiting=point,
            dealt_with=point.dealt_with,
            private=point.private,  # still kept out of recaps: it says so
        )
    for item in carried_order(carried, today):  # mine first, each overdue first
        row = NoteRow(
            key=f"action-{item.id}",
            kind=NoteKind.ACTION,
            text=item.text,
            stamp=local_day(item.created_at) if item.created_at else "",
            action_id=item.id,
            action_status=item.status,
            mine=item.owner is Owner.ME,
            carried=True,
            changed_here=item.id in changed,
            private=item.id in private,
            written=_day(written.get(item.id) or item.created_at),
        )
        yield with_due(row, item.due, today)
    for note in notes:
        action = actions.get(note.id)
        owner = action.owner if action else None
        question = elements.get(note.asked_question_id or 0)
        row = NoteRow(
            key=note.uid,
            kind=note.kind,
            text=note.text,
            stamp=format_mmss(note.elapsed_seconds),
            note_id=note.id,
            action_id=action.id if action else None,
            action_status=action.status if action else None,
            mine=bool(action and action.owner is Owner.ME),
            auto=auto_element(question, note.kind, owner, note.answers_why),
            mark=note.career,
            private=note.private,
            written=_day(note.edited_at or note.created_at),
        )
        yield with_due(row, action.due if action else None, today)
