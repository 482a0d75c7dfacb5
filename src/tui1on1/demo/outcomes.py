"""What a demo meeting leaves behind: its actions' dates and statuses, and its summary."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from tui1on1.demo import words
from tui1on1.demo.answers import Asked, Entry
from tui1on1.demo.career_story import Step
from tui1on1.demo.schedule import Slot

_DUE_DAYS = (1, 2, 3, 4, 7, 7, 7, 7, 10, 14, 14, 21, 28)
_NO_DUE = 0.15
_NEVER_CLOSED = 0.05
_DROPPED = 0.07
_CLOSED_BETWEEN = 0.08
_SUMMARY = 0.8


def action(
    rng: random.Random,
    slots: list[Slot],
    index: int,
    created: datetime,
    owner: str,
    step: Step | None,
) -> Entry:
    """An action typed at ``created`` in meeting ``index``: a plan step's due
    date and status are the story's; others are mostly closed one to four
    meetings later, a few dropped, a few left open."""
    slot = slots[index]
    later: int | None = None
    status = "open"
    if step is not None:
        due: str | None = (slot.start.date() + timedelta(days=step.due_days)).isoformat()
        later, status = step.closed_in, step.status
    else:
        due = None
        if rng.random() >= _NO_DUE:
            due = (slot.start.date() + timedelta(days=rng.choice(_DUE_DAYS))).isoformat()
        roll = rng.random()
        if roll >= _NEVER_CLOSED:
            after = index + rng.choices((1, 2, 3, 4), cum_weights=(55, 80, 92, 100))[0]
            if after < len(slots):
                later = after
                status = "dropped" if roll < _NEVER_CLOSED + _DROPPED else "done"
    closed_at, closed_in = None, None
    if later is not None:
        if step is None and status == "done" and rng.random() < _CLOSED_BETWEEN:
            gap = (slots[index + 1].start - created).total_seconds()
            closed_at = created + timedelta(seconds=gap * rng.uniform(0.2, 0.9))
        else:  # ticked off in the later meeting's first segment
            meeting = slots[later]
            first_end = meeting.windows[0][1]
            offset = rng.uniform(15, max(20.0, min(240.0, first_end - 5)))
            closed_at = meeting.wall(offset)
            closed_in = meeting.start.isoformat()
    return {
        "owner": owner,
        "due": due,
        "status": status,
        "created_at": created.isoformat(),
        "closed_at": closed_at.isoformat() if closed_at else None,
        "closed_in_meeting": closed_in,
    }


def summary(rng: random.Random, asked: Asked, step: str) -> str:
    """Most meetings' summary: what was covered, the next step, the mood."""
    if rng.random() >= _SUMMARY:
        return ""
    phrases: list[str] = []
    for _entry, _segment, category in asked:
        phrase = words.TOPIC_PHRASES[category]
        if phrase not in phrases:
            phrases.append(phrase)
    phrases = phrases[:3] or ["what was on their mind"]
    topics = ", ".join(phrases[:-1]) + " and " + phrases[-1] if phrases[1:] else phrases[0]
    parts = [
        rng.choice(words.SUMMARY_OPENERS).format(
            topics=topics, topics_cap=topics[0].upper() + topics[1:]
        )
    ]
    if step:
        parts.append(rng.choice(words.SUMMARY_NEXT).format(step=step))
    mood = rng.choice(words.SUMMARY_MOODS)
    if mood:
        parts.append(mood)
    return " ".join(parts)
