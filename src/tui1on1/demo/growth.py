"""The demo's growth plans: for each report who has been meeting the manager
a while, a plan for what they said they want, kept as the export's
``plan_events`` (see ``domain.growth``).

The plan follows their career thread as the generated meetings tell it: a
few months ago, in a 1:1 after they last named their direction, a goal was
set for it (with what they wanted then as its aspiration) and they brought
two or three options; a week or two later one was agreed and one set aside;
since then it was on track, slipped for a realistic reason and got back on
track, each in the 1:1 it was said in. One report (the last on the roster,
who could step into the manager's role on the bench) achieved a first,
smaller plan before this one. Someone who joined in the last few months has
no plan yet, so the team view has someone to ask about.

Drawn from a generator of its own, seeded by the person's name, so adding
plans leaves every other draw of the year (and the career story) unchanged.
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tui1on1.demo import growth_words as gw
from tui1on1.demo.career_words import TRACKS
from tui1on1.demo.catalogue import catalogue
from tui1on1.domain.career import CareerNote, build_thread
from tui1on1.domain.kinds import CareerElement, NoteKind, Owner

Entry = dict[str, Any]

_NEW_DAYS = 120  # someone meeting the manager for less than this has no plan yet
_GOAL_DAYS = (95, 130)  # how long ago the current goal was set
_SETTLE_DAYS = 35  # a direction named more recently than this has no plan yet
_EARLIER_DAYS = (270, 300)  # and the earlier one
_SLOT = re.compile(r"\\\{(\w+)\\\}")  # a {slot} in an escaped template

# Status marks: days after the one before (at least, at most), status, notes.
_Marks = list[tuple[int, int, str, tuple[str, ...]]]
_MARKS: _Marks = [
    (21, 35, "on_track", gw.ON_TRACK),
    (28, 42, "slipping", gw.SLIPPING),
    (14, 28, "on_track", gw.BACK_ON_TRACK),
]
_ON_THE_WAY = (25, 35, "on_track", gw.ON_TRACK)  # a first plan's, before it is achieved


@dataclass(frozen=True)
class _Said:
    """An aspiration as the career thread has it: its meeting, its first
    line, and the direction it names (an index into TRACKS)."""

    meeting: int
    headline: str
    track: int


def plan_events_for(person: Entry, reports: list[str], now: datetime, seed: int = 7) -> list[Entry]:
    """The changes to ``person``'s growth plans (the export's shape), oldest
    first; none for someone too new or who never said what they want. The
    last of ``reports`` (roster order; the bench has them for the manager's
    role) achieved a first plan before this one."""
    rng = random.Random(f"tui1on1-demo-growth:{seed}:{person['name']}")
    meetings = [m for m in person["meetings"] if m["status"] == "ended"]
    if not meetings or _start(meetings[0]) > now - timedelta(days=_NEW_DAYS):
        return []
    said = _aspirations(meetings)
    if not said:
        return []
    plans = _Plans(rng, meetings, _values(meetings))
    since = said[-1].meeting
    for before in reversed(said[:-1]):  # the first time they named this direction
        if before.track != said[-1].track:
            break
        since = before.meeting
    goal = plans.meeting_from(now - timedelta(days=rng.uniform(*_GOAL_DAYS)), since)
    if goal is None or _start(meetings[goal]) > now - timedelta(days=_SETTLE_DAYS):
        return []
    if reports and person["name"] == reports[-1]:
        first = plans.meeting_from(
            now - timedelta(days=rng.uniform(*_EARLIER_DAYS)), said[0].meeting
        )
        if first is not None and first < goal:
            plans.plan(first, _at(said, first), then=(goal, _at(said, goal)))
    plans.plan(goal, _at(said, goal))
    return plans.events


class _Plans:
    """Plans made in ``meetings``, as events in the order they were made."""

    def __init__(self, rng: random.Random, meetings: list[Entry], values: dict[str, str]) -> None:
        self.rng = rng
        self.meetings = meetings
        self.values = {**gw.DEFAULTS, **values}
        self.events: list[Entry] = []

    def meeting_from(self, when: datetime, first: int = 0) -> int | None:
        """The first meeting from ``first`` on that started at ``when`` or later."""
        return next(
            (i for i in range(first, len(self.meetings)) if _start(self.meetings[i]) >= when), None
        )

    def plan(self, goal: int, said: _Said, *, then: tuple[int, _Said] | None = None) -> None:
        """A plan for ``said``'s direction, its goal set in meeting ``goal``.
        With ``then`` (the next plan's meeting, and what they want by then),
        the first, smaller goal, achieved in a meeting before that one (or no
        plan at all, so the next goal opens a plan of its own)."""
        rng, kept = self.rng, len(self.events)
        words = gw.PLANS[TRACKS[said.track].role]
        first = then is not None
        until = then[0] if then is not None else None
        texts = words.first_options if first else words.options[: rng.choice((2, 3))]
        times = self._times(goal, 1 + len(texts))
        aim = words.first if first else words.goal
        self._add(goal, next(times), "goal", aim, aspiration=said.headline)
        options = [self._add(goal, next(times), "option", text) for text in texts]
        agreed = self.meeting_from(_start(self.meetings[goal]) + timedelta(days=7), goal + 1)
        if agreed is not None and (until is None or agreed < until):
            picked, dropped = rng.sample(options, 2)
            times = self._times(agreed, 2)
            self._add(agreed, next(times), "pick", target=picked)
            self._add(agreed, next(times), "drop", target=dropped)
            marks = _MARKS
            if then is not None:  # what it showed them, if they want something else now
                moved = then[1].track != said.track
                marks = [_ON_THE_WAY, (35, 55, "achieved", gw.MOVED_ON if moved else gw.ACHIEVED)]
            if self._marks(agreed, marks, until) == len(marks):
                return
        if first:  # never closed in time: it would hold the next goal as a rewording
            del self.events[kept:]

    def _marks(self, after: int, marks: _Marks, until: int | None = None) -> int:
        """Status marks, each in the first meeting a few weeks after the one
        before (and before ``until``); how many there was time for."""
        for done, (low, high, status, notes) in enumerate(marks):
            when = _start(self.meetings[after]) + timedelta(days=self.rng.randint(low, high))
            found = self.meeting_from(when, after + 1)
            if found is None or (until is not None and found >= until):
                return done
            after = found
            note = self.rng.choice(notes)
            self._add(found, next(self._times(found, 1)), "status", note, status=status)
        return len(marks)

    def _times(self, index: int, count: int) -> Iterator[datetime]:
        """``count`` moments in a row late in meeting ``index``, a minute or so apart."""
        meeting = self.meetings[index]
        start, end = _start(meeting), datetime.fromisoformat(meeting["ended_at"])
        gap = min(timedelta(seconds=75), (end - start) / (4 * (count + 1)))
        at = start + (end - start) * self.rng.uniform(0.55, 0.7)
        for _ in range(count):
            yield at.replace(microsecond=0)
            at += gap

    def _add(
        self,
        index: int,
        at: datetime,
        op: str,
        text: str = "",
        *,
        target: str | None = None,
        status: str | None = None,
        aspiration: str | None = None,
    ) -> str:
        """Keep one change made in meeting ``index``; its uid."""
        uid = uuid.UUID(int=self.rng.getrandbits(128)).hex
        self.events.append(
            {
                "uid": uid,
                "at": at.isoformat(),
                "op": op,
                "text": text.format_map(self.values),
                "target": target,
                "status": status,
                "aspiration": aspiration,
                "changed_in_meeting": self.meetings[index]["started_at"],
            }
        )
        return uid


def _start(meeting: Entry) -> datetime:
    return datetime.fromisoformat(meeting["started_at"])


def _at(said: list[_Said], meeting: int) -> _Said:
    """What they had last said they want by ``meeting``."""
    return [s for s in said if s.meeting <= meeting][-1]


def _aspirations(meetings: list[Entry]) -> list[_Said]:
    """Each aspiration in the career thread, oldest first, with its direction
    (read as the app reads the thread, with the shipped questions)."""
    elements = catalogue().elements
    notes: list[CareerNote] = []
    for index, meeting in enumerate(meetings):
        asked = {q["key"]: (len(notes) + n, q) for n, q in enumerate(meeting["asked_questions"])}
        for note in meeting["notes"]:
            if note.get("deleted_at"):
                continue
            asking, question = asked.get(note.get("asked_question") or "", (None, None))
            action = note.get("action")
            notes.append(
                CareerNote(
                    note_id=len(notes), meeting_id=index, meeting_started=_start(meeting),
                    created_at=datetime.fromisoformat(note["created_at"]), text=note["text"],
                    kind=NoteKind(note["kind"]), owner=Owner(action["owner"]) if action else None,
                    mark=note.get("career"), question=question["text"] if question else "",
                    question_id=asking, answers_why=bool(note.get("answers_why")),
                    question_element=elements.get(question["slug"]) if question else None,
                )
            )  # fmt: skip
    said: list[_Said] = []
    for entry in reversed(build_thread(notes).timeline(CareerElement.ASPIRATION)):
        named = [i for i, goals in enumerate(_GOALS) if any(g.search(entry.answer) for g in goals)]
        if not named:
            continue
        before = said[-1].track if said else None
        changed = [i for i in named if i != before]  # "not X any more: Y" names both
        said.append(_Said(entry.meeting_id, entry.headline, changed[0] if changed else named[0]))
    return said


def _pattern(template: str, whole: bool) -> re.Pattern[str]:
    """``template`` with each ``{slot}`` matching some words (a group of its name)."""
    body = _SLOT.sub(lambda m: f"(?P<{m.group(1)}>.+?)", re.escape(template))
    return re.compile(f"^{body}$" if whole else body, re.IGNORECASE)


_GOALS = [[_pattern(goal, False) for goal in track.goals] for track in TRACKS]
_STEPS = [_pattern(step, True) for track in TRACKS for step in track.steps]


def _values(meetings: list[Entry]) -> dict[str, str]:
    """Their ``{area}`` and ``{project}``, from the plan steps they agreed
    (a step says them as the career story filled them in)."""
    values: dict[str, str] = {}
    for meeting in meetings:
        for note in meeting["notes"]:
            if note["kind"] != "action":
                continue
            for step in _STEPS:
                found = step.match(note["text"])
                if found:
                    values.update({k: v for k, v in found.groupdict().items() if k in gw.DEFAULTS})
    return values
