"""Which of a meeting's notes answer which asked question, as the app links them.

A note answers the question asked last before it *in its own agenda segment*
(the app's rule, see ``tui1on1.domain.career``). The demo links only notes
that read as an answer: a note or a quote, and for a plan question also a
decision or an action for them (the step). What else the manager types then
(a parked topic, a concern, an open question, a win, a reminder to self)
stays unlinked, and so does every note in another segment.
"""

from __future__ import annotations

import random
from typing import Any

from tui1on1.demo.schedule import Slot

# One entry of the export document (a person, a meeting, a note...), as JSON.
Entry = dict[str, Any]
# An asked question: its export entry, the segment it was asked in, its category.
Asked = list[tuple[Entry, int, str]]

NEAR_QUESTION = 0.85  # how often a note is moved to just after a question (its answer)
MORE_ANSWER = 0.7  # how often the next note in the segment goes on with the answer
# What the manager types during a career answer that isn't part of it (never linked).
ASIDES: tuple[tuple[str, ...], tuple[int, ...]] = (
    ("parked", "question", "concern", "win", "action"),
    (3, 2, 2, 1, 2),
)


def after_questions(
    rng: random.Random,
    times: list[float],
    slot: Slot,
    asked: Asked,
    pairs: frozenset[int] = frozenset(),
) -> list[float]:
    """``times`` (meeting-clock seconds of the notes), with most questions
    given a note typed soon after them in their segment (the positions in
    ``pairs`` two, room for the answer to a follow-up); sorted."""
    free = list(range(len(times)))
    rng.shuffle(free)
    for position, (entry, segment_index, _category) in enumerate(asked):
        if not free or rng.random() >= NEAR_QUESTION:
            continue
        asked_at = entry["elapsed_seconds"]
        limit = slot.windows[segment_index][1] - 2
        later = [e["elapsed_seconds"] for e, s, _c in asked[position + 1 :] if s == segment_index]
        if later:
            limit = min(limit, later[0] - 1)
        if limit > asked_at + 4:
            times[free.pop()] = round(rng.uniform(asked_at + 3, min(asked_at + 90, limit)), 1)
            if position in pairs and free and limit > asked_at + 12:
                times[free.pop()] = round(rng.uniform(asked_at + 10, min(asked_at + 150, limit)), 1)
    return sorted(times)


def open_question(asked: Asked, segment_index: int, elapsed: float) -> int | None:
    """The position of the question a note typed at ``elapsed`` in segment
    ``segment_index`` answers: the last one asked before it there, if any."""
    for position in range(len(asked) - 1, -1, -1):
        entry, asked_segment, _category = asked[position]
        if asked_segment == segment_index and entry["elapsed_seconds"] < elapsed:
            return position
    return None


def still_to_come(
    asked: Asked, q: int, times: list[float], segments: list[int], position: int
) -> int:
    """How many of the notes after the one at ``position`` (``times`` and
    their ``segments``) are still typed while question ``q`` is open."""
    segment = segments[position]
    return sum(
        1
        for later, s in zip(times[position + 1 :], segments[position + 1 :], strict=True)
        if s == segment and open_question(asked, s, later) == q
    )


def answers(kind: str, owner: str | None, category: str) -> bool:
    """Whether a note of ``kind`` typed during an answer to a ``category``
    question is part of the answer."""
    if kind in ("note", "quote"):
        return True
    return category == "plan" and (kind == "decision" or (kind == "action" and owner == "them"))
