"""An action as it stood at a moment, read back from its history: each kind
of change after the moment undone, those before it kept."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.as_of import action_as_of, drop_reason, note_as_of
from tui1on1.domain.kinds import ActionChange, ActionStatus, NoteKind, Owner
from tui1on1.domain.records import ActionEvent, ActionItem, Note

MADE = datetime(2026, 11, 30, 12, 5, tzinfo=UTC)
WHEN = datetime(2026, 12, 7, 12, 30, tzinfo=UTC)  # the end of a meeting
BEFORE = WHEN - timedelta(days=2)
AFTER = WHEN + timedelta(days=3)
OPEN, DONE, DROPPED = ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED
NOW_ = ActionItem(id=1, person_id=1, owner=Owner.ME, text="book the offsite", origin_meeting_id=5,
                  created_at=MADE)  # fmt: skip


def _event(change: ActionChange, at: datetime, before: str | None, after: str | None,
           meeting: int | None = None, reason: str = "") -> ActionEvent:  # fmt: skip
    return ActionEvent(id=0, action_id=1, change=change, at=at, before=before, after=after,
                       reason=reason, meeting_id=meeting)  # fmt: skip


def _now(**fields: object) -> ActionItem:
    return dataclasses.replace(NOW_, **fields)


D = ActionChange
CASES = [
    # (how it stands now, its history, how it stood at WHEN)
    ("no changes", _now(), [], _now()),
    ("reworded after", _now(text="book a venue"),
     [_event(D.TEXT, AFTER, "book the offsite", "book a venue")], _now()),
    ("reworded before", _now(text="book a venue"),
     [_event(D.TEXT, BEFORE, "book the offsite", "book a venue")], _now(text="book a venue")),
    ("reworded at the moment itself", _now(text="book a venue"),
     [_event(D.TEXT, WHEN, "book the offsite", "book a venue")], _now(text="book a venue")),
    ("rescheduled twice after", _now(due=date(2026, 12, 20)),
     [_event(D.DUE, AFTER, "", "2026-12-11"),
      _event(D.DUE, AFTER + timedelta(hours=1), "2026-12-11", "2026-12-20")], _now()),
    ("rescheduled before, then after", _now(due=date(2026, 12, 20)),
     [_event(D.DUE, BEFORE, "", "2026-12-11"), _event(D.DUE, AFTER, "2026-12-11", "2026-12-20")],
     _now(due=date(2026, 12, 11))),
    ("reassigned after", _now(owner=Owner.THEM), [_event(D.OWNER, AFTER, "me", "them")], _now()),
    ("done after", _now(status=DONE, closed_at=AFTER),
     [_event(D.DONE, AFTER, "open", "done")], _now()),
    ("done in the meeting", _now(status=DONE, closed_at=WHEN, closed_meeting_id=7),
     [_event(D.DONE, WHEN, "open", "done", meeting=7)],
     _now(status=DONE, closed_at=WHEN, closed_meeting_id=7)),
    ("done before, reopened after", _now(),
     [_event(D.DONE, BEFORE, "open", "done", meeting=6), _event(D.REOPENED, AFTER, "done", "open")],
     _now(status=DONE, closed_at=BEFORE, closed_meeting_id=6)),
    ("dropped before, done after", _now(status=DONE, closed_at=AFTER),
     [_event(D.DROPPED, BEFORE, "open", "dropped"), _event(D.REOPENED, AFTER, "dropped", "open"),
      _event(D.DONE, AFTER, "open", "done")], _now(status=DROPPED, closed_at=BEFORE)),
    ("dropped after, statuses not kept", _now(status=DROPPED, closed_at=AFTER),
     [_event(D.DROPPED, AFTER, None, None)], _now()),
    ("closed after, before histories were kept", _now(status=DONE, closed_at=AFTER), [], _now()),
    ("closed before, before histories were kept",
     _now(status=DONE, closed_at=BEFORE, closed_meeting_id=6), [],
     _now(status=DONE, closed_at=BEFORE, closed_meeting_id=6)),
    ("everything after", _now(text="x", due=date(2027, 1, 4), owner=Owner.THEM, status=DONE,
                              closed_at=AFTER, closed_meeting_id=9),
     [_event(D.TEXT, AFTER, "book the offsite", "x"), _event(D.DUE, AFTER, "", "2027-01-04"),
      _event(D.OWNER, AFTER, "me", "them"), _event(D.DONE, AFTER, "open", "done", meeting=9)],
     _now()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("now", "history", "then"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_an_action_reads_as_it_stood_then(now, history, then):
    assert action_as_of(now, history, WHEN) == then


def test_an_action_made_after_the_moment_was_not_there():
    assert action_as_of(_now(created_at=AFTER), [], WHEN) is None
    assert action_as_of(_now(created_at=WHEN), [], WHEN) == _now(created_at=WHEN)


def test_the_reason_is_the_last_drop_up_to_the_moment():
    history = [
        _event(D.DROPPED, BEFORE, "open", "dropped", reason="the team went remote"),
        _event(D.REOPENED, BEFORE, "dropped", "open"),
        _event(D.DROPPED, AFTER, "open", "dropped", reason="later thoughts"),
    ]
    assert drop_reason(history, WHEN) == "the team went remote"
    assert drop_reason([], WHEN) == ""


def test_an_actions_note_reads_as_the_action_did():
    note = Note(id=3, uid="n3", meeting_id=5, kind=NoteKind.ACTION, text="book it in March #q1",
                created_at=MADE, tags=("q1",), edited_at=AFTER)  # fmt: skip
    history = [
        _event(D.TEXT, BEFORE, "book the offsite", "book the offsite #team"),
        _event(D.TEXT, AFTER, "book the offsite #team", "book it in March #q1"),
    ]
    then = _now(text="book the offsite #team")
    assert note_as_of(note, then, history, WHEN) == dataclasses.replace(
        note, text="book the offsite #team", tags=("team",), edited_at=BEFORE
    )
    assert note_as_of(note, _now(text=note.text), history, AFTER) == note  # not edited since
