"""The demo's talking points: what each report asked to talk about between
1:1s (theirs), and what the manager jotted to raise (mine), each dealt with
in the next 1:1 (theirs early, in their topics; mine later on), now and then
carried to the one after, and a few still waiting for the next 1:1.

Drawn from a generator of its own, seeded by the person's name, so adding
them leaves every other draw of the year (and the career story) unchanged.
Some reports bring their own agenda, some bring little and hear mostly the
manager's, so the mirror's "their talking points" has something to say.
The words name the report's teammates and role, never someone not in the demo.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

Entry = dict[str, Any]

# Per report: (chance they bring a point to a 1:1, chance I bring one).
_HABITS = ((0.6, 0.2), (0.45, 0.3), (0.3, 0.3), (0.12, 0.4))
_SECOND = 0.25  # a 1:1 with one point of theirs gets a second
_CARRIED = 0.1  # not dealt with in the next 1:1: in the one after
_WAITING = 0.6  # a point jotted since the last 1:1, still waiting (each side)
_GAP = timedelta(hours=1)  # points are jotted at least this long after one 1:1, before the next

_THEIRS: tuple[str, ...] = (
    "the on-call rotation: three pages last week",
    "want to pair with {mate} on the API review",
    "is my promotion case on for this cycle?",
    "feedback on my design doc before it goes out",
    "can I go to a conference in the spring?",
    "too many meetings on Wednesdays, can we move some?",
    "who owns the flaky deploy pipeline now?",
    "{mate} and I disagree on the migration plan",
    "what the next level up from {role} looks like",
    "taking a week off next month",
    "the new joiner needs more pairing than I can give",
    "my goals for next quarter",
    "the interview loop is taking a lot of my time",
    "want more say in what the team picks up next",
    "learning budget for a course on distributed systems",
    "how did my demo at the review land?",
    "thinking of moving to working from home on Fridays",
    "the release checklist keeps getting skipped",
)
_MINE: tuple[str, ...] = (
    "the reorg: tell them before the all-hands",
    "their talk proposal for the internal conference",
    "ask if they want to lead the next incident review",
    "thank them for the write-up after the outage",
    "the training budget for this year",
    "a new role on the team: would they interview?",
    "feedback from {mate} on the code review",
    "the performance review timeline",
    "how the mentoring with {mate} is going",
    "how the workload feels since the launch",
    "the roadmap change from the planning review",
    "what is still missing from their promotion case",
)


def talking_points_for(
    person: Entry, now: datetime, reports: list[str], seed: int = 7
) -> list[Entry]:
    """A report's talking points over their year (the export's shape):
    ``reports`` are the report names, for their teammates' first names."""
    rng = random.Random(f"tui1on1-demo-topics:{seed}:{person['name']}")
    theirs_chance, mine_chance = rng.choice(_HABITS)
    mates = [name.split()[0] for name in reports if name != person["name"]]
    role = person["role"][:1].lower() + person["role"][1:]
    words = _Words(rng, mates, role)
    meetings = [m for m in person["meetings"] if m["status"] == "ended"]
    points: list[Entry] = []
    waiting: list[tuple[bool, str, datetime]] = []  # carried from the meeting before
    since: datetime | None = None  # the last 1:1's end
    for meeting in meetings:
        start = datetime.fromisoformat(meeting["started_at"])
        jotted = [*waiting]
        waiting = []
        first = since or start - timedelta(days=5)
        for mine, chance in ((False, theirs_chance), (True, mine_chance)):
            count = (rng.random() < chance) + (not mine and rng.random() < chance * _SECOND)
            for _ in range(count):
                if (at := _between(rng, first, start)) is not None:
                    jotted.append((mine, words.next(mine), at))
        for mine, text, at in jotted:
            if rng.random() < _CARRIED and meeting is not meetings[-1]:
                waiting.append((mine, text, at))
            else:
                points.append(_point(rng, mine, text, at, meeting))
        since = datetime.fromisoformat(meeting["ended_at"])
    if since is not None and not person["archived"]:
        for mine in (False, True):
            if rng.random() < _WAITING and (at := _between(rng, since, now)) is not None:
                points.append(_point(rng, mine, words.next(mine), at, None))
    return sorted(points, key=lambda p: p["created_at"])


class _Words:
    """Each side's lines in a shuffled order, a line again only once all were said."""

    def __init__(self, rng: random.Random, mates: list[str], role: str) -> None:
        self.rng, self.mates, self.role = rng, mates, role
        self.decks: dict[bool, list[str]] = {False: [], True: []}

    def next(self, mine: bool) -> str:
        deck = self.decks[mine]
        if not deck:
            lines = [t for t in (_MINE if mine else _THEIRS) if self.mates or "{mate}" not in t]
            deck.extend(self.rng.sample(lines, len(lines)))
        text = deck.pop()
        mate = self.rng.choice(self.mates) if self.mates else ""
        return text.format(mate=mate, role=self.role)


def _between(rng: random.Random, after: datetime, before: datetime) -> datetime | None:
    """A moment between two 1:1s, at least :data:`_GAP` from each, in working
    hours when the day allows; None if they are too close."""
    low, high = after + _GAP, before - _GAP
    if high <= low:
        return None
    moment = (low + (high - low) * rng.random()).replace(microsecond=0)
    working = moment.replace(hour=rng.randint(9, 17), minute=rng.randrange(60))
    return working if low <= working <= high else moment


def _point(rng: random.Random, mine: bool, text: str, at: datetime, meeting: Entry | None) -> Entry:
    """The export's talking point, dealt with in ``meeting`` (None: still waiting):
    theirs in the first segment, mine later on."""
    resolved: datetime | None = None
    if meeting is not None:
        segments = meeting["segments"]
        start = datetime.fromisoformat(segments[0]["started_at"])
        end = datetime.fromisoformat(meeting["ended_at"])
        if mine:
            start = datetime.fromisoformat(segments[len(segments) // 2]["started_at"])
        else:
            end = min(end, datetime.fromisoformat(segments[0]["ended_at"]))
        resolved = (start + (end - start) * rng.uniform(0.1, 0.9)).replace(microsecond=0)
    return {
        "uid": uuid.UUID(int=rng.getrandbits(128)).hex,
        "text": text,
        "mine": mine,
        "created_at": at.isoformat(),
        "resolved_at": resolved.isoformat() if resolved else None,
        "resolved_in_meeting": meeting["started_at"] if meeting is not None else None,
    }
