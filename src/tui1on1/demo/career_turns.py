"""The turns of one person's career year, fixed before their first meeting.

:func:`fix_turns` draws them once per report: two or three directions
(:class:`~tui1on1.demo.career_words.Track`, their goals and steps filled in)
with the meeting each one starts at, a moonshot that may change once (the
cast's), the strengths they use and the idle ones (fitting their role), the
value under their *why* and the names their notes mention. A plan step agreed
along the way (:class:`Step`) is done a few meetings later, dropped if the
direction changes first, or still open at the end (:meth:`Turns.step`).
:class:`~tui1on1.demo.career_story.CareerStory` tells them meeting by meeting.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui1on1.demo import career_words as cw
from tui1on1.demo import people_words, slot_words
from tui1on1.demo.career_cast import Cast, pick_skills

__all__ = ["Step", "Turns", "fix_turns"]

_DUE_DAYS = (10, 14, 14, 21, 28, 42)
_STEP_DAYS = (21, 28, 35, 42, 49, 63)  # how long a plan step takes


@dataclass(frozen=True)
class Step:
    """A plan step agreed in meeting ``agreed``: closed (done or dropped) in
    meeting ``closed_in``, or still open (None)."""

    text: str
    track: int
    agreed: int
    closed_in: int | None
    status: str  # "done", "dropped" or "open"
    due_days: int


@dataclass(frozen=True)
class Turns:
    """What one person's year holds, drawn up front."""

    dates: list[datetime]  # of their meetings
    shifts: list[int]  # the meeting each direction after the first starts at
    tracks: list[cw.Track]  # their directions, slots filled in
    strengths: tuple[str, str]  # in use
    unused: tuple[str, str]  # idle: the second for once the first is put to use
    values: dict[str, str]  # slot values their career notes are filled with
    step_skill: dict[str, str]  # a step's text -> the strength it puts to work
    moonshots: list[str]  # the first, and maybe the one they move to

    @property
    def meetings(self) -> int:
        return len(self.dates)

    def track_at(self, index: int) -> int:
        """The direction they hold at meeting ``index`` (said or not)."""
        return sum(index >= shift for shift in self.shifts)

    def moonshot_at(self, index: int) -> int:
        return 1 if len(self.moonshots) > 1 and index >= self.shifts[0] else 0

    def step(self, rng: random.Random, text: str, track: int, index: int) -> Step:
        """The plan step ``text`` agreed in meeting ``index``: done by the
        meeting after it takes, dropped if a new direction starts first, or
        still open if the year ends first."""
        target = self.dates[index] + timedelta(days=rng.choice(_STEP_DAYS))
        later = bisect.bisect_left(self.dates, target)  # the meeting it's done by
        following = [s for s in self.shifts if s > index]
        closed_in: int | None
        if following and later >= following[0]:
            closed_in, status = following[0], "dropped"
        elif later >= self.meetings:
            closed_in, status = None, "open"
        else:
            closed_in, status = later, "done"
        return Step(text, track, index, closed_in, status, rng.choice(_DUE_DAYS))


def fix_turns(
    rng: random.Random, dates: list[datetime], values: dict[str, str], cast: Cast
) -> Turns:
    """Draw the turns of a year of meetings on ``dates`` (``values``: the
    person's other slot values)."""
    meetings = len(dates)
    count = 1 if meetings < 6 else 2 if meetings < 12 else rng.choice((2, 2, 3))
    bounds = ((0.35, 0.6),) if count == 2 else ((0.25, 0.45), (0.6, 0.8))
    shifts = [max(1, round(meetings * rng.uniform(*b))) for b in bounds[: count - 1]]
    tracks = rng.sample(cw.TRACKS, count)
    strengths, unused = pick_skills(rng, cast.role, tracks)
    filled = {
        **values,
        "value": rng.choice(cw.VALUES),
        "strength": strengths[0],
        "skill": strengths[0],
        "unused": unused[0],
        "colleague": rng.choice(people_words.FIRST_NAMES),
        "team": rng.choice(slot_words.SLOTS["team"]),
        "event": rng.choice(slot_words.SLOTS["event"]),
        "conference": rng.choice(slot_words.SLOTS["conference"]),
    }
    filled["origin"] = rng.choice(cw.ORIGINS).format_map(filled)
    step_skill = {
        t.format_map(filled): cw.STEP_SKILLS[t]
        for track in tracks
        for t in track.steps
        if t in cw.STEP_SKILLS
    }
    told = [
        cw.Track(
            goals=tuple(g.format_map(filled) for g in t.goals),
            role=t.role,
            steps=tuple(s.format_map(filled) for s in t.steps),
        )
        for t in tracks
    ]
    moonshots = list(cast.moonshots)
    moonshots = moonshots if shifts and rng.random() < 0.4 else moonshots[:1]
    return Turns(dates, shifts, told, strengths, unused, filled, step_skill, moonshots)
