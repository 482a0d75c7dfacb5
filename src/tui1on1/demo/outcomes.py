"""What a demo meeting leaves behind: its actions' dates and statuses, and its summary."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from tui1on1.demo import summary_words
from tui1on1.demo.answers import Asked, Entry
from tui1on1.demo.career_turns import Step
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
    entry: Entry = {
        "owner": owner,
        "due": due,
        "status": status,
        "created_at": created.isoformat(),
        "closed_at": closed_at.isoformat() if closed_at else None,
        "closed_in_meeting": closed_in,
    }
    entry["history"] = _history(entry, slots, index, reschedule=step is None)
    return entry


_RESCHEDULED = 0.12  # of the actions still open at the next meeting
_DATED_TO_KEEP = 0.8  # of the actions done late, dated to be kept instead
_TIDIED = 0.8  # of the actions never closed, dropped four meetings on
_DROP_REASONS = (
    "",
    "forgotten, and no longer needed",
    "no longer needed",
    "the project was paused",
    "someone else picked it up",
    "folded into the roadmap work",
    "",
)


def _history(action: Entry, slots: list[Slot], index: int, *, reschedule: bool) -> list[Entry]:
    """How the action was kept: sometimes rescheduled at the next meeting
    (before or after it fell due), then done or dropped (a reason now and
    then). Drawn from its own generator, so the rest of the year stays the
    same whatever this adds."""
    rng = random.Random(f"{action['created_at']}|{action['owner']}|{action['due']}")
    events: list[Entry] = []
    closed_at = action["closed_at"]
    if reschedule and closed_at and action["due"] and rng.random() < _DATED_TO_KEEP:
        # Most promises were given a date they were kept by.
        closed_day = datetime.fromisoformat(closed_at).date()
        if closed_day.isoformat() > action["due"]:
            action["due"] = (closed_day + timedelta(days=rng.choice((0, 0, 1, 2)))).isoformat()
    forgotten = reschedule and action["status"] == "open" and index + 4 < len(slots)
    if forgotten and rng.random() < _TIDIED:  # dropped when someone noticed
        meeting = slots[index + 4]
        closed_at = meeting.wall(rng.uniform(15.0, 120.0)).isoformat()
        action.update(status="dropped", closed_at=closed_at)
        action["closed_in_meeting"] = meeting.start.isoformat()
    due = action["due"]
    if reschedule and due is not None and index + 1 < len(slots) and rng.random() < _RESCHEDULED:
        meeting = slots[index + 1]
        at = meeting.wall(rng.uniform(20.0, 200.0))
        if closed_at is None or at.isoformat() < closed_at:
            new_due = (at.date() + timedelta(days=rng.choice((7, 14)))).isoformat()
            events.append(_event(rng, "due", at, before=due, after=new_due, meeting=meeting.start))
            action["due"] = new_due
    if closed_at is not None and action["status"] in ("done", "dropped"):
        reason = rng.choice(_DROP_REASONS) if action["status"] == "dropped" else ""
        closed_in = action["closed_in_meeting"]
        when = datetime.fromisoformat(closed_at)
        status = action["status"]
        events.append(
            _event(rng, status, when, before="open", after=status, reason=reason, meeting=closed_in)
        )
    return events


def _event(
    rng: random.Random,
    change: str,
    at: datetime,
    *,
    before: str | None = None,
    after: str | None = None,
    reason: str = "",
    meeting: datetime | str | None = None,
) -> Entry:
    started = meeting.isoformat() if isinstance(meeting, datetime) else meeting
    return {
        "uid": f"{rng.getrandbits(128):032x}",
        "change": change,
        "at": at.isoformat(),
        "before": before,
        "after": after,
        "reason": reason,
        "changed_in_meeting": started,
    }


def summary(rng: random.Random, asked: Asked, step: str) -> str:
    """Most meetings' summary: what was covered, the next step, the mood."""
    if rng.random() >= _SUMMARY:
        return ""
    phrases: list[str] = []
    for _entry, _segment, category in asked:
        phrase = summary_words.TOPIC_PHRASES[category]
        if phrase not in phrases:
            phrases.append(phrase)
    phrases = phrases[:3] or ["what was on their mind"]
    topics = ", ".join(phrases[:-1]) + " and " + phrases[-1] if phrases[1:] else phrases[0]
    parts = [
        rng.choice(summary_words.SUMMARY_OPENERS).format(
            topics=topics, topics_cap=topics[0].upper() + topics[1:]
        )
    ]
    if step:
        parts.append(rng.choice(summary_words.SUMMARY_NEXT).format(step=step))
    mood = rng.choice(summary_words.SUMMARY_MOODS)
    if mood:
        parts.append(mood)
    return " ".join(parts)
