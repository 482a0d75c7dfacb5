"""The read-back says a promise's words as they should be heard: a date
typed in them that didn't read is left out once it has a date."""

from __future__ import annotations

from datetime import date

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.meeting.prompt_text import read_back
from tui1on1.domain.meeting.rows import NoteRow


def _row(key: str, text: str, due: date | None, *, mine: bool = True) -> NoteRow:
    return NoteRow(
        key=key,
        kind=NoteKind.ACTION,
        text=text,
        stamp="7 Dec",
        action_id=1,
        due="due Fri 11 Dec" if due else "no due date",
        due_date=due,
        mine=mine,
        carried=True,
        changed_here=True,
    )


def test_a_failed_date_is_not_read_out_once_the_promise_has_one() -> None:
    rows = [
        _row("a", "intro to Sam from platform @fridya #network", date(2026, 12, 11)),
        _row("b", "share the charter @fri @mon", None, mine=False),
        _row("c", "thank @alice for the review", date(2026, 12, 11)),
    ]
    assert read_back(rows) == (
        "Read back what you agreed:\n"
        "  me: intro to Sam from platform · due Fri 11 Dec\n"
        "  me: thank @alice for the review · due Fri 11 Dec\n"
        "  them: share the charter @fri @mon · no due date"
    )
    assert rows[0].summary_text == "intro to Sam from platform #network"
