"""A stored action's row in the live meeting warns about a date phrase in
its text as of the day that text was written: carried into a later 1:1, or
in a meeting resumed another day."""

from __future__ import annotations

from datetime import date, datetime

from tui1on1.domain.kinds import ActionChange, NoteKind, Owner
from tui1on1.domain.meeting.notes import MeetingNotes
from tui1on1.domain.records import ActionItem, NewNote, Note

WRITTEN = date(2026, 12, 7)  # Mon 7 Dec 2026
WEDNESDAY = date(2026, 12, 9)
NEXT_MONDAY = date(2026, 12, 14)
PRIVATE_KINDS = frozenset({NoteKind.CONCERN})
AS_OF_TODAY = (  # "in 2 weeks" typed on Mon 14 Dec
    'no due date: "in 2 weeks" isn\'t read as one — write @+2w (Mon 28 Dec) in its place to set it'
)


def _at(day: date, hour: int = 10) -> datetime:
    """That day, in this machine's zone, as a stored time."""
    return datetime(day.year, day.month, day.day, hour).astimezone()


def _carried(text: str, made: date = WRITTEN) -> ActionItem:
    return ActionItem(id=5, person_id=1, owner=Owner.THEM, text=text, origin_meeting_id=6,
                      note_id=50, created_at=_at(made))  # fmt: skip


def _warning(notes: MeetingNotes, key: str = "action-5") -> str:
    row = notes.get(key)
    assert row is not None
    return row.warning


def test_a_carried_promise_for_friday_is_that_friday_on_any_later_day() -> None:
    on_wednesday = MeetingNotes()
    on_wednesday.load([], {}, [_carried("send me your thesis by fri")], WEDNESDAY)
    assert _warning(on_wednesday) == (
        'no due date: "by fri" isn\'t read as one — write @fri (Fri 11 Dec) in its place to set it'
    )
    a_week_on = MeetingNotes()
    a_week_on.load([], {}, [_carried("send me your thesis by fri")], NEXT_MONDAY)
    assert _warning(a_week_on) == (
        'no due date: "by fri" meant Fri 11 Dec (written Mon 7 Dec), now gone by'
        " — write a new date in its place, like @fri or @dec-28"
    )


def test_a_carried_action_reworded_later_is_read_as_of_the_rewording() -> None:
    notes = MeetingNotes()
    reworded = {5: _at(WEDNESDAY)}
    notes.load([], {}, [_carried("draft it in 2 weeks")], NEXT_MONDAY, written=reworded)
    assert _warning(notes) == (
        'no due date: "in 2 weeks" (written Wed 9 Dec) isn\'t read as one'
        " — write @dec-23 (Wed 23 Dec) in its place to set it"
    )


def test_a_note_of_a_meeting_resumed_another_day() -> None:
    note = Note(id=50, uid="n1", meeting_id=7, kind=NoteKind.ACTION, text="draft it in 2 weeks",
                created_at=_at(WRITTEN))  # fmt: skip
    action = ActionItem(id=9, person_id=1, owner=Owner.THEM, text=note.text, note_id=50)
    notes = MeetingNotes()
    notes.load([note], {50: action}, [], WEDNESDAY)
    assert _warning(notes, "n1") == (
        'no due date: "in 2 weeks" (written Mon 7 Dec) isn\'t read as one'
        " — write @dec-21 (Mon 21 Dec) in its place to set it"
    )


def test_a_line_typed_or_reworded_today_is_read_as_of_today() -> None:
    notes = MeetingNotes()
    notes.load([], {}, [_carried("draft it in 2 weeks")], NEXT_MONDAY)
    typed = NewNote(uid="n2", meeting_id=7, kind=NoteKind.ACTION, text="review it in 2 weeks",
                    action_owner=Owner.ME)  # fmt: skip
    assert notes.add(typed, NEXT_MONDAY).warning == AS_OF_TODAY
    notes.start_edit("action-5", "", PRIVATE_KINDS)
    edit = notes.finish_edit("! finish the draft in 2 weeks", NEXT_MONDAY, PRIVATE_KINDS)
    assert edit is not None and edit.row.warning == AS_OF_TODAY


def test_a_carried_action_changed_but_not_reworded_keeps_the_day_it_was_written() -> None:
    notes = MeetingNotes()
    notes.load([], {}, [_carried("draft it in 2 weeks")], NEXT_MONDAY)
    written_then = (
        'no due date: "in 2 weeks" (written Mon 7 Dec) isn\'t read as one'
        " — write @dec-21 (Mon 21 Dec) in its place to set it"
    )
    row = notes.change_action("action-5", ActionChange.OWNER, owner=Owner.ME, today=NEXT_MONDAY)
    assert row.warning == written_then
    row = notes.change_action("action-5", ActionChange.DUE, due=None, today=NEXT_MONDAY)
    assert row.warning == written_then
    row = notes.change_action(
        "action-5", ActionChange.TEXT, text="draft it all in 2 weeks", today=NEXT_MONDAY
    )
    assert row.warning == AS_OF_TODAY
