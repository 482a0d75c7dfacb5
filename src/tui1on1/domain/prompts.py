"""Which question to offer next.

A segment opens on its lead: the questions the playbook names for it
(``lead``), never asked of this person first (in the playbook's order), then
the least recently asked; a lead is offered however recently it was asked
("what's on your mind?" opens every week). Then the rest of the segment's
categories, taken in turn (one of each category, then the next of each), so a
segment with several purposes doesn't spend months on the first; within a
category the never-asked come first, then the least recently asked, and one
asked in the last ``RECENT_MEETINGS`` meetings only when nothing else is left
(the manager can still pick it by hand).

A follow-up-only question (one that builds on an answer) is never offered
cold: it joins the segment's deck, right after the current prompt, once a
question was asked in that segment. A question already asked in this meeting
in an earlier segment is never offered again in a later one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Generic, Protocol, TypeVar

RECENT_MEETINGS = 3
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class QuestionLike(Protocol):
    @property
    def slug(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def follow_up(self) -> bool: ...


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


def segment_questions(
    questions: Iterable[Q],
    categories: Sequence[str],
    leads: Sequence[str],
    history: Mapping[str, AskedBefore],
    *,
    skip: Collection[str] = (),
) -> list[Q]:
    """The questions a segment opens with, in order: its leads, then its
    categories in turn. Follow-up-only questions and the slugs in ``skip``
    (asked earlier in this meeting) are left out."""
    offered = [q for q in questions if q.slug not in skip and not q.follow_up]
    by_slug = {q.slug: q for q in offered}
    lead_order = {slug: i for i, slug in enumerate(leads)}
    lead_qs = [by_slug[slug] for slug in leads if slug in by_slug]
    never = [q for q in lead_qs if q.slug not in history]
    again = sorted(
        (q for q in lead_qs if q.slug in history),
        key=lambda q: (history[q.slug].asked_at, lead_order[q.slug]),
    )
    rest = [q for q in offered if q.slug not in lead_order]
    return never + again + _in_turn(rest, categories, history)


def follow_ups(
    questions: Iterable[Q],
    categories: Sequence[str],
    history: Mapping[str, AskedBefore],
    *,
    skip: Collection[str] = (),
) -> list[Q]:
    """The follow-up-only questions of a segment's categories, offered once
    something was asked in it: never asked first, then least recently."""
    pool = [q for q in questions if q.follow_up and q.slug not in skip]
    return _in_turn(pool, categories, history, keep_recent=True)


def _in_turn(
    pool: Sequence[Q],
    categories: Sequence[str],
    history: Mapping[str, AskedBefore],
    *,
    keep_recent: bool = False,
) -> list[Q]:
    """Each category ranked on its own (see :func:`rank_questions`; with
    ``keep_recent`` the lately asked follow at the end), then taken in turn."""
    columns = [rank_questions(pool, [category], history) for category in categories]
    if keep_recent:
        columns = [
            ranked + _recent([q for q in pool if q.category == category], history, ranked)
            for ranked, category in zip(columns, categories, strict=True)
        ]
    dealt: list[Q] = []
    for row in range(max((len(c) for c in columns), default=0)):
        dealt.extend(column[row] for column in columns if row < len(column))
    return dealt


def _recent(pool: Sequence[Q], history: Mapping[str, AskedBefore], ranked: Sequence[Q]) -> list[Q]:
    taken = {q.slug for q in ranked}
    left = [q for q in pool if q.slug not in taken]
    return sorted(left, key=lambda q: history[q.slug].asked_at if q.slug in history else _EPOCH)


def fold_replaced(
    history: Mapping[str, AskedBefore], replaced: Mapping[str, str]
) -> dict[str, AskedBefore]:
    """``history`` with what was asked under a replaced slug counted for the
    question that replaced it (the latest asking wins)."""
    folded = dict(history)
    for old, new in replaced.items():
        before = history.get(old)
        if before is None:
            continue
        now = folded.get(new)
        if now is None or before.asked_at > now.asked_at:
            folded[new] = before
    return folded


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

    def add_next(self, questions: Iterable[Q]) -> None:
        """Offer ``questions`` right after the current prompt (those already
        in the deck stay where they are)."""
        have = {item.slug for item in self._items}
        new = [q for q in questions if q.slug not in have]
        at = self._index + 1 if self._items else 0
        self._items[at:at] = new

    def drop(self, slug: str) -> None:
        """Take an asked question out of the rotation for this meeting."""
        for i, item in enumerate(self._items):
            if item.slug == slug and len(self._items) > 1:
                del self._items[i]
                if self._index > i or self._index >= len(self._items):
                    self._index = max(0, self._index - 1) if self._index > i else 0
                return
