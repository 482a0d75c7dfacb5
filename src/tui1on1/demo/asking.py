"""Which questions the manager asks in one demo meeting, and when.

Two to five questions from the shipped bank that suit the person and the
segment, never one asked of them in the last three meetings. For a report,
a question about a part of their career is asked only when their story says
it is due (:meth:`~tui1on1.demo.career_story.CareerStory.due`), and then it
usually is; other weeks the career segment holds a growth question or none.
A side question of a career category (the bank keeps its answers out of the
thread, such as "when should we look at whether this step is working?") is
asked only in a meeting where that category's main talk is due.
"""

from __future__ import annotations

import random

from tui1on1.demo.answers import Asked, Entry
from tui1on1.demo.career_story import CareerStory
from tui1on1.demo.catalogue import Catalogue
from tui1on1.demo.schedule import Slot
from tui1on1.domain.agenda import ScheduledSegment
from tui1on1.domain.career import CAREER_CATEGORIES
from tui1on1.domain.kinds import CareerElement
from tui1on1.domain.prompts import RECENT_MEETINGS

_HAD = 0.8  # how often a due career talk gets its segment into the meeting
_CAREER_FIRST = 0.85  # how often a segment with a due career question asks it

Candidate = tuple[str, str, str]  # category, slug, text


def choose(
    rng: random.Random,
    catalogue: Catalogue,
    relationship: str,
    index: int,
    slot: Slot,
    segments: tuple[ScheduledSegment, ...],
    last: dict[str, int],
    story: CareerStory | None,
    eager: bool,
) -> Asked:
    """The questions of meeting ``index``: (the export entry, its segment
    index, its category); ``last`` (slug -> meeting last asked in) is updated."""
    elements = catalogue.elements
    by_segment = _candidates(catalogue, relationship, index, segments, last, story, eager)
    eligible = sorted(by_segment)
    if not eligible:
        return []
    wanted = rng.randint(2, 5)
    picks = rng.sample(eligible, min(wanted, len(eligible)))
    while len(picks) < wanted:
        picks.append(rng.choice(eligible))
    if story is not None:
        for i in eligible:
            if i not in picks and _career(by_segment[i], elements) and rng.random() < _HAD:
                picks[rng.randrange(len(picks))] = i
    picks.sort()
    taken: set[str] = set()
    talked: set[CareerElement] = set()
    asked: Asked = []
    for position, segment_index in enumerate(picks):
        candidates = [
            c
            for c in by_segment[segment_index]
            if c[1] not in taken and elements.get(c[1]) not in talked
        ]
        career = _career(candidates, elements) if story is not None else []
        if career and rng.random() < _CAREER_FIRST:
            candidates = career
        if not candidates:
            continue
        never = [c for c in candidates if c[1] not in last]
        if never:
            category, slug, text = rng.choice(never)
        else:
            candidates.sort(key=lambda c: last[c[1]])
            category, slug, text = rng.choice(candidates[:3])
        taken.add(slug)
        element = elements.get(slug)
        if element is not None:
            talked.add(element)
        begin, end = slot.windows[segment_index]
        share = picks.count(segment_index)
        nth = picks[:position].count(segment_index)
        span = (end - begin) / share
        elapsed = round(begin + nth * span + rng.uniform(3, max(4, min(60, span / 3))), 1)
        roll = rng.random()
        # Most pauses held in full, some cut short (a manager who speaks first), some untimed.
        pause = 8.0 if roll < 0.6 else round(rng.uniform(0.5, 6.0), 1) if roll < 0.9 else None
        weights = (3, 4, 2, 1) if category == "why" else (6, 3, 1, 0)
        followups = rng.choices((0, 1, 2, 3), weights)[0]
        if story is not None and element not in (None, CareerElement.WHY):
            followups = 0  # a Why? here is the story's (see content's notes)
        entry: Entry = {
            "key": f"q{len(asked) + 1}",
            "slug": slug,
            "text": text,
            "elapsed_seconds": elapsed,
            "asked_at": slot.wall(elapsed).isoformat(),
            "pause_seconds": pause,
            "followups": followups,
        }
        asked.append((entry, segment_index, category))
    for entry, _segment, _category in asked:
        last[entry["slug"]] = index
    return asked


def _candidates(
    catalogue: Catalogue,
    relationship: str,
    index: int,
    segments: tuple[ScheduledSegment, ...],
    last: dict[str, int],
    story: CareerStory | None,
    eager: bool,
) -> dict[int, list[Candidate]]:
    """Per segment index, the questions that could be asked there now."""
    due: dict[str, bool] = {}
    if story is not None:
        due = {e.value: story.due(e, index, eager) for e in CareerElement}
        for category in CAREER_CATEGORIES:  # its side questions go with its main talk
            due["side:" + category] = _category_due(category, due)
    found: dict[int, list[Candidate]] = {}
    for segment_index, groups in _suited(catalogue, relationship, segments):
        candidates = [
            question
            for gate, questions in groups
            if story is None or not gate or due[gate]  # a whole group at once
            for question in questions
            if index - last.get(question[1], -1_000) > RECENT_MEETINGS
        ]
        if candidates:
            found[segment_index] = candidates
    return found


# Per segment of a playbook: its index and its suited questions grouped by
# their gate, which says when they may be asked of a report ("" always; else
# an element's value or "side:<category>", see _candidates).
_Suited = tuple[tuple[int, tuple[tuple[str, tuple[Candidate, ...]], ...]], ...]
_SUITED: dict[tuple[int, str], _Suited] = {}  # (id of a playbook's segments, relationship)


def _suited(
    catalogue: Catalogue, relationship: str, segments: tuple[ScheduledSegment, ...]
) -> _Suited:
    key = (id(segments), relationship)
    found = _SUITED.get(key)
    if found is None:
        suited = []
        for segment in segments:
            groups: dict[str, list[Candidate]] = {}
            for category in segment.categories:
                for slug, text in catalogue.pool.get((category, relationship), ()):
                    gate = _gate(catalogue.elements.get(slug), category)
                    groups.setdefault(gate, []).append((category, slug, text))
            suited.append((segment.index, tuple((g, tuple(qs)) for g, qs in groups.items())))
        found = _SUITED[key] = tuple(suited)
    return found


def _gate(element: CareerElement | None, category: str) -> str:
    if element is not None:
        return element.value
    return "side:" + category if category in CAREER_CATEGORIES else ""


def _category_due(category: str, due: dict[str, bool]) -> bool:
    if category == "strengths":
        return due[CareerElement.STRENGTH_USED.value] or due[CareerElement.STRENGTH_UNUSED.value]
    return due[CAREER_CATEGORIES[category].value]


def _career(
    candidates: list[Candidate], elements: dict[str, CareerElement | None]
) -> list[Candidate]:
    return [c for c in candidates if elements.get(c[1]) is not None]
