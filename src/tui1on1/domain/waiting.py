"""What waits for the next 1:1 with someone, in the order it is raised.

Their talking points first (their agenda goes first), then mine, then the
parked topics and open questions left from earlier meetings, each oldest
first. The meeting's first segment lists these above the carried actions;
``tui1on1 topic NAME`` prints them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import Note, TalkingPoint

#: A talking point is a line to raise, not a document.
MAX_POINT_CHARS = 500


class WaitingKind(Enum):
    """A waiting row's kind; the value is its plain label."""

    THEIR_TOPIC = "their topic"
    MY_TOPIC = "my topic"
    PARKED = "parked"
    QUESTION = "open question"

    @property
    def slug(self) -> str:
        """The JSON name: ``theirs``, ``mine``, ``parked`` or ``question``."""
        return _SLUGS[self]


_SLUGS = {
    WaitingKind.THEIR_TOPIC: "theirs",
    WaitingKind.MY_TOPIC: "mine",
    WaitingKind.PARKED: "parked",
    WaitingKind.QUESTION: "question",
}
_ORDER = list(WaitingKind)


@dataclass(frozen=True, slots=True)
class WaitingItem:
    """One thing waiting: a talking point (``point_uid``) or an earlier
    meeting's parked topic or open question (``note``: its id and uid)."""

    kind: WaitingKind
    text: str
    added_at: datetime | None
    dealt_with: bool = False
    point_uid: str | None = None
    note: tuple[int, str] | None = None
    private: bool = False  # a parked topic or question kept out of recaps

    @property
    def key(self) -> str:
        """Unique among the rows of a meeting's notes pane."""
        if self.point_uid is not None:
            return f"point-{self.point_uid}"
        assert self.note is not None
        return f"topic-{self.note[0]}"


def waiting_items(points: Iterable[TalkingPoint], topics: Iterable[Note]) -> list[WaitingItem]:
    """Talking points and earlier topics (each oldest first) as waiting
    rows, in the order raised."""
    items = [
        WaitingItem(
            kind=WaitingKind.MY_TOPIC if point.mine else WaitingKind.THEIR_TOPIC,
            text=point.text,
            added_at=point.created_at,
            dealt_with=point.resolved_at is not None,
            point_uid=point.uid,
        )
        for point in points
    ]
    items += [
        WaitingItem(
            kind=WaitingKind.PARKED if note.kind is NoteKind.PARKED else WaitingKind.QUESTION,
            text=note.text,
            added_at=note.created_at,
            dealt_with=note.resolved_at is not None,
            note=(note.id, note.uid),
            private=note.private,
        )
        for note in topics
        if note.kind in (NoteKind.PARKED, NoteKind.QUESTION)
    ]
    # Stable: within a kind, the order given (the Store's: oldest first).
    return sorted(items, key=lambda item: _ORDER.index(item.kind))


#: How many of the earlier parked topics and open questions a meeting lists
#: (the newest; the person screen lists them all): years of them would push
#: the carried actions out of sight.
TOPICS_IN_MEETING = 8


def topics_for_meeting(topics: Iterable[Note], meeting_id: int) -> list[Note]:
    """The parked topics and open questions a live meeting lists, oldest
    first: those dealt with in it, and the newest ``TOPICS_IN_MEETING`` of
    those still open."""
    found = list(topics)
    dealt = {n.id for n in found if n.resolved_meeting_id == meeting_id}
    still_open = [n for n in found if n.id not in dealt]
    newest = {n.id for n in sorted(still_open, key=lambda n: n.id)[-TOPICS_IN_MEETING:]}
    return [n for n in found if n.id in dealt or n.id in newest]
