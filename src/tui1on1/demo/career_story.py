"""One person's career over the demo's year, told through their answers.

A :class:`CareerStory` is made once per report, knowing the dates of their
meetings and their :class:`~tui1on1.demo.career_cast.Cast`. It fixes the turns
of the year up front (:mod:`tui1on1.demo.career_turns`): two or three
directions (:class:`~tui1on1.demo.career_words.Track`) with the meeting each
one starts at, a moonshot that may change once (the cast's), the strengths they
use and one they don't (fitting their role), what drains them, and the value
under their *why*. A done plan step that exercises the unused strength puts it to
use: from then on it is told as used, and another idle strength takes its place.

Meeting by meeting, :meth:`CareerStory.due` says which elements the manager
would come back to (see :mod:`tui1on1.demo.career_calendar`), and
:meth:`CareerStory.answer` gives the answer to one career question: the
headline note first, then maybe a detail, or after an aspiration or moonshot
answer the answer to a *Why?* follow-up. Each answer moves the story on: the
why goes one level deeper, a new direction is told as a change, a plan step
is agreed (an action for them; done a few meetings later, dropped if the
direction changes first, or still open at the end) and checked on. A thing
said again is said in other words (:mod:`tui1on1.demo.career_lines`), never
the same headline twice in a row. :meth:`CareerStory.passing` now and then
gives a remark made in passing that the manager marks for the thread.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tui1on1.demo import career_lines as cl
from tui1on1.demo import career_words as cw
from tui1on1.demo.career_calendar import CareerCalendar
from tui1on1.demo.career_cast import Cast
from tui1on1.demo.career_phrasing import Phrasing, Pool
from tui1on1.demo.career_turns import Step, fix_turns
from tui1on1.domain.kinds import CareerElement as E

__all__ = ["CareerStory", "Part"]

_DETAIL = 0.4  # how often an answer comes with a detail the manager may type next
_WHY_WAITS = 45  # days a why due for a Why? follow-up waits before it is asked outright
_PASSING_DAYS = (40, 100)  # between two remarks in passing that the manager marks
_ASPIRATION_WAITS = 21  # days an aspiration due waits before it comes up in passing
_MONTH_AGO = 25  # days before "same as in <month>" makes sense


@dataclass(frozen=True)
class Part:
    """One note of an answer: its kind and text, for an action its step,
    whether it answers a Why? follow-up, and the element a remark made in
    passing is marked with."""

    kind: str
    text: str
    step: Step | None = None
    why: bool = False
    mark: E | None = None


class CareerStory:
    """The turns of one person's year, and their answers as they come."""

    def __init__(
        self, rng: random.Random, dates: list[datetime], values: dict[str, str], cast: Cast
    ) -> None:
        self.rng = rng
        self.dates = dates
        self.turns = fix_turns(rng, dates, values, cast)
        self.calendar = CareerCalendar(rng, dates)
        self.steps: list[Step] = []
        self.used_steps: dict[int, int] = {}  # track -> how many of its steps were agreed
        self.unused_in_use_from: int | None = None  # the meeting its step was done by
        self.unused_step = ""  # the step that put it to use
        self.told_unused_in_use = False
        self.track_said: int | None = None  # the direction last told the manager
        self.moonshot_said: int | None = None
        self.why_count = 0
        self.why_track: int | None = None  # the direction the last why was about
        self.why_by_question = True  # the next why comes from a why question (else a Why?)
        self.since: dict[str, datetime] = {}  # what -> when it was first said
        self.words = Phrasing(rng, cast.voice)
        self.meeting: set[E] = set()  # elements talked about in the current meeting
        self.next_passing = datetime.max.replace(tzinfo=UTC)  # when a remark in passing is due
        if dates:
            self.next_passing = dates[0] + timedelta(days=rng.uniform(*_PASSING_DAYS))

    # --- the year's turns -------------------------------------------------------

    def announced(self) -> int:
        """The direction they last told the manager (the first before any)."""
        return self.track_said or 0

    def role(self) -> str:
        """The role word other notes use for their aspiration."""
        return self.turns.tracks[self.announced()].role

    def moonshot(self) -> str:
        """The moonshot they last told the manager (the first before any)."""
        return self.turns.moonshots[self.moonshot_said or 0]

    def _open_step(self, index: int) -> Step | None:
        step = self.steps[-1] if self.steps else None
        if step is not None and (step.closed_in is None or step.closed_in > index):
            return step
        return None

    # --- when -------------------------------------------------------------------

    def begin(self, elements: set[E]) -> None:
        """A meeting starts in which questions of ``elements`` will be asked."""
        self.meeting = set(elements)

    def due(self, element: E, index: int, eager: bool = False) -> bool:
        """Whether the manager would ask about ``element`` in meeting ``index``
        (``eager``: a meeting given over to the career)."""
        calendar = self.calendar
        if element is E.ASPIRATION and self.track_said not in (None, self.turns.track_at(index)):
            return True  # they have changed their mind: it comes up
        if element is E.PLAN and self.steps and self._open_step(index) is None:
            return True  # the step is done (or dropped): agree the next one
        if not calendar.due(element, index, eager):
            return False
        if element is E.WHY and not self.why_by_question:
            return calendar.overdue(element, index, _WHY_WAITS)  # else a Why? follow-up asks it
        return True

    # --- answers ------------------------------------------------------------------

    def answer(self, element: E, slug: str, index: int, room: int) -> list[Part]:
        """The notes answering a question of ``element`` asked in meeting
        ``index``: the headline first, then a detail or (``room`` permitting:
        notes still to come in its segment) the answer to a Why? follow-up."""
        self.calendar.talked(element, index)
        self.meeting.add(element)
        if element is E.PLAN:
            return self._plan(index)
        fill = self._fill(self.announced())
        fill["unused"] = self.turns.unused[self._unused_in_use(index)]
        details: tuple[str, ...]
        shifted = False
        if element is E.ASPIRATION:
            head, shifted = self._aspiration(index, fill)
            details = cl.ASPIRATION_MORE
        elif element is E.WHY:
            self.why_by_question = False
            head = self._why(index, fill)
            details = cl.WHY_MORE
        elif element is E.MOONSHOT:
            head = self._moonshot(index, fill)
            details = cl.MOONSHOT_MORE
        elif element is E.STRENGTH_USED:
            head = self._strength_used(index, fill, slug)
            details = cl.STRENGTH_USED_MORE
        elif slug == "strengths-draining-work":  # what drains them, not an idle strength
            pool: Pool = (("note", cl.STRENGTH_DRAINING), ("quote", cl.STRENGTH_DRAINING_QUOTES))
            head = self._say(element, pool, fill)
            details = cl.STRENGTH_DRAINING_MORE
        else:  # an idle strength, in the words of its question (barely used, team gap...)
            notes, quotes = cl.STRENGTH_UNUSED.get(slug, cl.STRENGTH_UNUSED[""])
            head = self._say(element, (("note", notes), ("quote", quotes)), fill)
            details = cl.STRENGTH_UNUSED_MORE
        if room and element in (E.ASPIRATION, E.MOONSHOT) and self._why_follows(index, shifted):
            return [head, *self._why_followup(index)]
        if self.rng.random() < _DETAIL:
            return [head, Part("note", self._line(element.value, details).format_map(fill))]
        return [head]

    def passing(self, index: int) -> Part | None:
        """A remark made in passing (no question asked) that the manager marks
        for the thread, now and then; else None."""
        options: list[tuple[E, tuple[str, ...]]] = []
        if self.track_said is not None and self.track_said == self.turns.track_at(index):
            options.append((E.ASPIRATION, cl.ASPIRATION_PASSING))
            if self.calendar.overdue(E.ASPIRATION, index, _ASPIRATION_WAITS):
                options = options * 4  # their usual meetings don't ask it, so it comes up anyway
        if len(options) < 4 and self.dates[index] < self.next_passing:
            return None
        options += [
            (E.STRENGTH_UNUSED, cl.STRENGTH_DRAINING_PASSING),
            (E.STRENGTH_USED, cl.STRENGTH_USED_PASSING),
        ]
        if self.moonshot_said is not None:
            options.append((E.MOONSHOT, cl.MOONSHOT_PASSING))
        options = [(e, lines) for e, lines in options if e not in self.meeting]
        if not options:
            return None
        element, lines = self.rng.choice(options)
        fill = self._fill(self.announced())
        fill["moonshot"] = self.moonshot()
        fill["strength"] = self.rng.choice(self.turns.strengths)
        part = self._say(element, (("note", lines),), fill)
        self.calendar.talked(element, index)
        self.meeting.add(element)
        self.next_passing = self.dates[index] + timedelta(days=self.rng.uniform(*_PASSING_DAYS))
        return Part(part.kind, part.text, mark=element)

    # --- each element -----------------------------------------------------------------

    def _aspiration(self, index: int, fill: dict[str, str]) -> tuple[Part, bool]:
        track = self.turns.track_at(index)
        fill.update(self._fill(track))
        before = self.track_said
        pool: Pool
        if before is None:
            pool = (("note", cl.ASPIRATION_FIRST), ("quote", cl.ASPIRATION_QUOTES))
        elif before != track:
            fill["old"] = self.turns.tracks[before].goal
            self._month(fill, "aspiration", index)
            pool = (("note", cl.ASPIRATION_SHIFT), ("quote", cl.ASPIRATION_SHIFT_QUOTES))
            self.calendar.soon(E.WHY, index)  # why the change? comes up now or soon
        else:
            self._month(fill, "aspiration", index)
            pool = (("note", cl.ASPIRATION_AGAIN), ("quote", cl.ASPIRATION_QUOTES))
        if before != track:
            self.since["aspiration"] = self.dates[index]
        self.track_said = track
        return self._say(E.ASPIRATION, pool, fill), before not in (None, track)

    def _why_follows(self, index: int, shifted: bool) -> bool:
        """Whether the manager asks Why? after this answer (and it's answered)."""
        if E.WHY in self.meeting:
            return False
        return shifted or (not self.why_by_question and self.calendar.due(E.WHY, index))

    def _why_followup(self, index: int) -> list[Part]:
        self.calendar.talked(E.WHY, index)
        self.meeting.add(E.WHY)
        self.why_by_question = True
        fill = self._fill(self.announced())
        head = self._why(index, fill)
        parts = [Part(head.kind, head.text, why=True)]
        if self.rng.random() < _DETAIL:
            parts.append(Part("note", self._line("why", cl.WHY_MORE).format_map(fill), why=True))
        return parts

    def _why(self, index: int, fill: dict[str, str]) -> Part:
        track = self.announced()
        pool: Pool
        if self.why_count and self.why_track is not None and track != self.why_track:
            fill["old"] = self.turns.tracks[self.why_track].goal
            pool = (("note", cl.WHY_AFTER_SHIFT),)
        elif self.why_count < len(cl.WHY_LEVELS):
            level = self.why_count
            pool = (("note", cl.WHY_LEVELS[level]), ("quote", cl.WHY_QUOTES[level]))
            if level == len(cl.WHY_LEVELS) - 1:
                self.since["why"] = self.dates[index]
        else:
            self._month(fill, "why", index)
            pool = (("note", cl.WHY_AGAIN), ("quote", cl.WHY_QUOTES[-1]))
        self.why_track = track
        self.why_count += 1
        return self._say(E.WHY, pool, fill)

    def _moonshot(self, index: int, fill: dict[str, str]) -> Part:
        shot = self.turns.moonshot_at(index)
        fill["moonshot"] = self.turns.moonshots[shot]
        before = self.moonshot_said
        pool: Pool
        if before is None:
            pool = (("note", cl.MOONSHOT_FIRST), ("quote", cl.MOONSHOT_QUOTES))
        elif before != shot:
            fill["old"] = self.turns.moonshots[before]
            pool = (("note", cl.MOONSHOT_SHIFT),)
        else:
            self._month(fill, "moonshot", index)
            pool = (("note", cl.MOONSHOT_AGAIN), ("quote", cl.MOONSHOT_QUOTES))
        if before != shot:
            self.since["moonshot"] = self.dates[index]
        self.moonshot_said = shot
        return self._say(E.MOONSHOT, pool, fill)

    def _unused_in_use(self, index: int) -> bool:
        return self.unused_in_use_from is not None and index >= self.unused_in_use_from

    def _strength_used(self, index: int, fill: dict[str, str], slug: str) -> Part:
        if self._unused_in_use(index) and not self.told_unused_in_use:
            self.told_unused_in_use = True
            fill["prev"], fill["unused"] = self.unused_step, self.turns.unused[0]
            return self._say(E.STRENGTH_USED, (("note", cl.STRENGTH_NOW_USED),), fill)
        strengths = list(self.turns.strengths)
        if self._unused_in_use(index):
            strengths.append(self.turns.unused[0])
        fill["strength"] = strengths[0] if self.rng.random() < 0.5 else self.rng.choice(strengths)
        notes, quotes = cl.STRENGTH_USED.get(slug, cl.STRENGTH_USED[""])
        return self._say(E.STRENGTH_USED, (("note", notes), ("quote", quotes)), fill)

    def _plan(self, index: int) -> list[Part]:
        rng = self.rng
        track = self.announced()
        fill = self._fill(track)
        current = self._open_step(index)
        if current is not None:  # checking on the step under way
            fill["step"] = current.text
            fill["progress"] = self._line("progress", cl.PLAN_PROGRESS).format_map(fill)
            return [self._say(E.PLAN, (("note", cl.PLAN_ONGOING),), fill)]
        previous = self.steps[-1] if self.steps else None
        taken = self.used_steps.get(track, 0)
        steps = self.turns.tracks[track].steps
        nexts = cw.PLAN_NEXT
        text = steps[taken] if taken < len(steps) else nexts[(taken - len(steps)) % len(nexts)]
        text = text.format_map(fill)
        self.used_steps[track] = taken + 1
        step = self.turns.step(rng, text, track, index)
        exercises = self.turns.step_skill.get(text) == self.turns.unused[0]
        puts_to_use = exercises and self.unused_in_use_from is None
        if step.status == "done" and puts_to_use:
            self.unused_in_use_from, self.unused_step = step.closed_in, text
        self.steps.append(step)
        self.words.heads[E.PLAN] = text.casefold()
        parts = [Part("action", text, step)]
        if previous is not None:
            fill["prev"] = previous.text
            lines = cl.PLAN_DONE if previous.status == "done" else cl.PLAN_DROPPED
            parts.append(Part("note", self._line("plan-before", lines).format_map(fill)))
        elif rng.random() < _DETAIL:
            fill["unused"] = self.turns.unused[0]
            lines = cl.PLAN_USES if puts_to_use else cl.PLAN_WHY
            parts.append(Part("note", rng.choice(lines).format_map(fill)))
        return parts

    # --- words ----------------------------------------------------------------------

    def _fill(self, track: int) -> dict[str, str]:
        return {
            **self.turns.values,
            "goal": self.rng.choice(self.turns.tracks[track].goals),
            "timeframe": self.rng.choice(cw.TIMEFRAMES),
        }

    def _month(self, fill: dict[str, str], what: str, index: int) -> None:
        """Name the month ``what`` was first said in, if that's a while back."""
        first = self.since.get(what)
        if first is not None and (self.dates[index] - first).days >= _MONTH_AGO:
            fill["since"] = f"{first:%B}"

    def _line(self, name: str, templates: tuple[str, ...]) -> str:
        return self.words.line(name, templates)

    def _say(self, element: E, pool: Pool, fill: dict[str, str]) -> Part:
        kind, text = self.words.say(element, pool, fill, self.turns.tracks[self.announced()].goals)
        return Part(kind, text)
