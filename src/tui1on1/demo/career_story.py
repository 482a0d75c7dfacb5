"""One person's career over the demo's year, told through their answers.

A :class:`CareerStory` is made once per report, knowing how many meetings they
will have. It fixes the turns of the year up front: two or three directions
(:class:`~tui1on1.demo.career_words.Track`) with the meeting each one starts
at, a moonshot that may change once, the strengths they use, one they don't
and what drains them, and the *why* from its surface to what lies under it.

:meth:`CareerStory.answer` is then asked, meeting by meeting, for the answer
to one career question (by its element, from the bank): the headline note
first, then details the manager may type after it. Each answer moves the
story on: the why goes one level deeper, a new direction is announced as a
change, a plan step is agreed (an action for them with a due date; it is done
a few meetings later, dropped if the direction changes first, or still open
at the end of the history) and the next answer reports it done.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from tui1on1.demo import career_words as cw
from tui1on1.demo import words
from tui1on1.domain.kinds import CareerElement

__all__ = ["CareerStory", "Part", "Step"]

_PINNED = 0.75  # how often an answer keeps the phrasing used last time
_DUE_DAYS = (10, 14, 14, 21, 28, 42)
_DETAIL = 0.6  # how often an answer comes with a detail the manager may type next


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
class Part:
    """One note of an answer: its kind, its text, and for an action its step."""

    kind: str
    text: str
    step: Step | None = None


class CareerStory:
    """The turns of one person's year, and their answers as they come."""

    def __init__(self, rng: random.Random, meetings: int, values: dict[str, str]) -> None:
        self.rng = rng
        count = 1 if meetings < 6 else 2 if meetings < 12 else rng.choice((2, 2, 3))
        bounds = ((0.35, 0.6),) if count == 2 else ((0.25, 0.45), (0.6, 0.8))
        self.shifts = [max(1, round(meetings * rng.uniform(*b))) for b in bounds[: count - 1]]
        self.meetings = meetings
        skills = rng.sample(words.SLOTS["skill"], 3)
        self.values = {
            **values,
            "value": rng.choice(cw.VALUES),
            "strength": skills[0],
            "skill": skills[0],
            "unused": skills[2],
            "colleague": rng.choice(words.FIRST_NAMES),
            "team": rng.choice(words.SLOTS["team"]),
            "event": rng.choice(words.SLOTS["event"]),
            "conference": rng.choice(words.SLOTS["conference"]),
            "timeframe": rng.choice(cw.TIMEFRAMES),
        }
        self.values["origin"] = rng.choice(cw.ORIGINS).format_map(self.values)
        self.strengths = skills[:2]
        self.tracks = [
            cw.Track(
                goal=t.goal.format_map(self.values),
                role=t.role,
                steps=tuple(s.format_map(self.values) for s in t.steps),
            )
            for t in rng.sample(cw.TRACKS, count)
        ]
        moonshots = rng.sample(cw.MOONSHOTS, 2)
        self.moonshots = moonshots if self.shifts and rng.random() < 0.4 else moonshots[:1]
        self.why_lines = [rng.choice(level) for level in cw.WHY_LEVELS]
        self.gains_unused = rng.random() < 0.6  # a done step puts the unused strength to use
        self.steps: list[Step] = []
        self.used_steps: dict[int, int] = {}  # track -> how many of its steps were agreed
        self.said: dict[str, object] = {}  # what was said last, per element value
        self.phrasing: dict[str, str] = {}  # the template used last, per element value
        self.why_count = 0
        self.answered: dict[str, int] = {}  # element value -> meeting it was last answered in
        self.unused_in_use_from: int | None = None

    # --- the year's turns -------------------------------------------------------

    def track_at(self, index: int) -> int:
        """The direction they hold at meeting ``index`` (said or not)."""
        return sum(index >= shift for shift in self.shifts)

    def announced(self) -> int:
        """The direction they last told the manager (the first before any)."""
        said = self.said.get(CareerElement.ASPIRATION.value)
        return said if isinstance(said, int) else 0

    def role(self) -> str:
        """The role word other notes use for their aspiration."""
        return self.tracks[self.announced()].role

    def moonshot(self) -> str:
        """The moonshot they last told the manager (the first before any)."""
        said = self.said.get(CareerElement.MOONSHOT.value)
        return self.moonshots[said if isinstance(said, int) else 0]

    def _moonshot_at(self, index: int) -> int:
        return 1 if len(self.moonshots) > 1 and index >= self.shifts[0] else 0

    # --- answers ------------------------------------------------------------------

    def answer(self, element: CareerElement, slug: str, index: int) -> list[Part]:
        """The notes answering a question of ``element`` asked in meeting
        ``index``: the headline answer first, then details (maybe none)."""
        again = self.answered.get(element.value) == index  # twice in one meeting: other words
        self.answered[element.value] = index
        track = self.track_at(index) if element is CareerElement.ASPIRATION else self.announced()
        fill = {**self.values, "goal": self.tracks[track].goal}
        details: tuple[str, ...] = ()
        if element is CareerElement.ASPIRATION:
            said = self.said.get(element.value)
            if isinstance(said, int) and said != track:
                fill["old"] = self.tracks[said].goal
                head = self._pick(element.value, cw.ASPIRATION_SHIFT, fresh=True)
                self.phrasing.pop(element.value, None)  # the next one is said plainly
            else:
                head = self._pick(element.value, cw.ASPIRATION, fresh=again)
            self.said[element.value] = track
            details = cw.ASPIRATION_MORE
        elif element is CareerElement.WHY:
            head = self._why(track)
            details = cw.WHY_MORE
        elif element is CareerElement.MOONSHOT:
            shot = self._moonshot_at(index)
            fill["moonshot"] = self.moonshots[shot]
            said = self.said.get(element.value)
            if isinstance(said, int) and said != shot:
                fill["old"] = self.moonshots[said]
                head = self._pick(element.value, cw.MOONSHOT_SHIFT, fresh=True)
                self.phrasing.pop(element.value, None)
            else:
                head = self._pick(element.value, cw.MOONSHOT, fresh=again)
            self.said[element.value] = shot
            details = cw.MOONSHOT_MORE
        elif element is CareerElement.STRENGTH_USED:
            head, details = self._strength_used(index, fill, again)
        elif element is CareerElement.STRENGTH_UNUSED:
            draining = slug == "strengths-draining-work" or self._unused_in_use(index)
            pool = cw.STRENGTH_DRAINING if draining else cw.STRENGTH_UNUSED
            head = self._pick(element.value + str(draining), pool, fresh=again)
            details = cw.STRENGTH_UNUSED_MORE
        else:
            return self._plan(index, track, fill)
        parts = [Part("note", head.format_map(fill))]
        if self.rng.random() < _DETAIL:
            parts.append(Part("note", self.rng.choice(details).format_map(fill)))
        return parts

    def _pick(self, key: str, pool: tuple[str, ...], *, fresh: bool = False) -> str:
        """A template from ``pool``: most often the one used last time for ``key``."""
        last = self.phrasing.get(key)
        if fresh or last not in pool or self.rng.random() >= _PINNED:
            last = self.rng.choice(pool)
        self.phrasing[key] = last
        return last

    def _why(self, track: int) -> str:
        last_track = self.said.get("why-track", 0)
        self.said["why-track"] = track
        if self.why_count and track != last_track:
            line = self.rng.choice(cw.WHY_AFTER_SHIFT)
        else:
            line = self.why_lines[min(self.why_count, len(self.why_lines) - 1)]
        self.why_count += 1
        return line

    def _unused_in_use(self, index: int) -> bool:
        return self.unused_in_use_from is not None and index >= self.unused_in_use_from

    def _strength_used(
        self, index: int, fill: dict[str, str], again: bool
    ) -> tuple[str, tuple[str, ...]]:
        key = CareerElement.STRENGTH_USED.value
        if self._unused_in_use(index) and not self.said.get(key):
            self.said[key] = True
            done = [s for s in self.steps if s.status == "done"]
            fill["prev"] = done[0].text if done else self.tracks[0].steps[0]
            return self.rng.choice(cw.STRENGTH_NOW_USED), cw.STRENGTH_USED_MORE
        strengths = [*self.strengths, fill["unused"]] if self.said.get(key) else self.strengths
        fill["strength"] = strengths[0] if self.rng.random() < 0.6 else self.rng.choice(strengths)
        return self._pick(key, cw.STRENGTH_USED, fresh=again), cw.STRENGTH_USED_MORE

    def _plan(self, index: int, track: int, fill: dict[str, str]) -> list[Part]:
        rng = self.rng
        current = self.steps[-1] if self.steps else None
        if current is not None and (current.closed_in is None or current.closed_in > index):
            fill["step"] = current.text
            fill["progress"] = rng.choice(cw.PLAN_PROGRESS).format_map(fill)
            return [Part("note", self._pick("plan", cw.PLAN_ONGOING).format_map(fill))]
        taken = self.used_steps.get(track, 0)
        steps = self.tracks[track].steps
        nexts = cw.PLAN_NEXT
        text = steps[taken] if taken < len(steps) else nexts[(taken - len(steps)) % len(nexts)]
        text = text.format_map(fill)
        self.used_steps[track] = taken + 1
        later = index + rng.choice((3, 4, 4, 5, 6, 8))
        following = [s for s in self.shifts if s > index]
        if following and later >= following[0]:
            closed_in, status = following[0], "dropped"
        elif later >= self.meetings:
            closed_in, status = None, "open"
        else:
            closed_in, status = later, "done"
        if status == "done" and self.gains_unused and self.unused_in_use_from is None:
            self.unused_in_use_from = later
        step = Step(text, track, index, closed_in, status, rng.choice(_DUE_DAYS))
        self.steps.append(step)
        parts = [Part("action", text, step)]
        if current is not None:
            fill["prev"] = current.text
            more = cw.PLAN_MORE[0] if current.status == "done" else cw.PLAN_MORE[1]
            parts.append(Part("note", more.format_map(fill)))
        elif rng.random() < _DETAIL:
            parts.append(Part("note", rng.choice(cw.PLAN_WHY).format_map(fill)))
        return parts
