"""How many earlier parked topics and open questions a live meeting lists:
years of them must not push the carried actions (my promises) out of sight."""

from __future__ import annotations

from datetime import UTC, datetime

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import Note
from tui1on1.domain.waiting import TOPICS_IN_MEETING, topics_for_meeting

T0 = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
THIS_MEETING = 99


def topic(n: int, *, dealt_here: bool = False) -> Note:
    return Note(
        id=n, uid=f"u{n}", meeting_id=n, kind=NoteKind.PARKED, text=f"topic {n}",
        resolved_at=T0 if dealt_here else None,
        resolved_meeting_id=THIS_MEETING if dealt_here else None,
    )  # fmt: skip


def test_a_few_all_wait() -> None:
    topics = [topic(1), topic(2), topic(3)]
    assert topics_for_meeting(topics, THIS_MEETING) == topics


def test_many_the_newest_wait_and_those_dealt_with_here_stay() -> None:
    topics = [topic(1, dealt_here=True)] + [topic(n) for n in range(2, 30)]
    shown = topics_for_meeting(topics, THIS_MEETING)
    assert [n.id for n in shown] == [1, *range(30 - TOPICS_IN_MEETING, 30)]
    assert TOPICS_IN_MEETING == 8
