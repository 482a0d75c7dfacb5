"""Which question to offer next.

Within the current segment's categories, questions never asked of this person
come first, then the least recently asked. A question asked in one of the last
``RECENT_MEETINGS`` meetings with them is not offered again while others remain
(the manager can still pick it by hand). The order within a rank is the bank's
order, so the deck is stable and testable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

RECENT_MEETINGS = 3


class QuestionLike(Protocol):
    @property
    def slug(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def text(self) -> str: ...


Q = TypeVar("Q", bound=QuestionLike)


@dataclass(frozen=True, slots=True)
class AskedBefore:
    """When a question was last asked of this person."""

    asked_at: datetime
    meetings_ago: int  # 1 = the previous meeting; 0 = this meeting
    answer: str = ""  # first line of the note that answered it, if any


def rank_questions(
    questions: Iterable[Q],
    categories: Sequence[str],
    history: Mapping[str, AskedBefore],
) -> list[Q]:
    """The questions for ``categories`` in the order they should be offered."""
    wanted = set(categories)
    pool = [q for q in questions if q.category in wanted]
    # Category order matters: the segment lists its main category first.
    order = {category: i for i, category in enumerate(categories)}
    never = [q for q in pool if q.slug not in history]
    fresh_enough = [
        q for q in pool if q.slug in history and history[q.slug].meetings_ago > RECENT_MEETINGS
    ]
    recent = [
        q for q in pool if q.slug in history and history[q.slug].meetings_ago <= RECENT_MEETINGS
    ]
    never.sort(key=lambda q: order[q.category])
    fresh_enough.sort(key=lambda q: history[q.slug].asked_at)
    ranked = never + fresh_enough
    if ranked:
        return ranked
    recent.sort(key=lambda q: history[q.slug].asked_at)
    return recent


class PromptDeck(Generic[Q]):
    """The prompts offered in one segment, with next/previous and picking.

    Moving past the end wraps around; a picked question becomes current and is
    remembered so "previous" returns to where the manager was.
    """

    def __init__(self, ranked: Sequence[Q]) -> None:
        self._items: list[Q] = list(ranked)
        self._index = 0

    @property
    def current(self) -> Q | None:
        return self._items[self._index] if self._items else None

    @property
    def position(self) -> tuple[int, int]:
        """(1-based index, count) for a "2/14" label."""
        return (self._index + 1 if self._items else 0, len(self._items))

    def next(self) -> Q | None:
        if self._items:
            self._index = (self._index + 1) % len(self._items)
        return self.current

    def previous(self) -> Q | None:
        if self._items:
            self._index = (self._index - 1) % len(self._items)
        return self.current

    def pick(self, question: Q) -> Q:
        """Make ``question`` current (inserting it after the current one if new)."""
        for i, item in enumerate(self._items):
            if item.slug == question.slug:
                self._index = i
                return question
        insert_at = self._index + 1 if self._items else 0
        self._items.insert(insert_at, question)
        self._index = insert_at
        return question

    def drop(self, slug: str) -> None:
        """Take an asked question out of the rotation for this meeting."""
        for i, item in enumerate(self._items):
            if item.slug == slug and len(self._items) > 1:
                del self._items[i]
                if self._index > i or self._index >= len(self._items):
                    self._index = max(0, self._index - 1) if self._index > i else 0
                return
