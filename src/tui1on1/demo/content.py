"""What was said in the demo's 1:1s: questions asked, notes, actions and summaries.

:class:`PersonHistory` fills each meeting of a person's calendar (from
:mod:`tui1on1.demo.schedule`) with questions from the shipped bank and notes
written from the templates in :mod:`tui1on1.demo.words`; the entries are those
of the export document (see ``tui1on1.storage.transfer``). A report's answers
to career questions are their :class:`~tui1on1.demo.career_story.CareerStory`'s;
which notes link to a question is :mod:`tui1on1.demo.answers`' rule.
"""

from __future__ import annotations

import bisect
import random
import uuid
from datetime import datetime, timedelta
from itertools import accumulate

from tui1on1.demo import answers, career_words, outcomes, words
from tui1on1.demo.answers import Asked, Entry
from tui1on1.demo.career_story import CareerStory, Part, Step
from tui1on1.demo.catalogue import Catalogue
from tui1on1.demo.schedule import PLANNED_MINUTES, UP, Slot, Who, schedule
from tui1on1.domain.agenda import ScheduledSegment
from tui1on1.domain.grammar import extract_tags
from tui1on1.domain.kinds import CareerElement
from tui1on1.domain.prompts import RECENT_MEETINGS

__all__ = ["Entry", "PersonHistory"]

# Chances and shapes of what is said, in one place.
_PIN = 0.55  # how often a note uses the person's own slot value
_REROLL = {"project": 0.1, "priority": 0.1, "skill": 0.04}  # role_aspired: the story's
_EDITED = 0.03
_DELETED = 0.01
_TAGGED = 0.3
_TAILED = 0.12
_CAPITALISED = 0.35
_REPEAT_COOLDOWN = 26  # meetings before a person's note text is written again (if avoidable)
_SMALL_TALK_FADES = 4  # after this many meetings "getting to know you" is mostly wellbeing

_KIND_WEIGHTS: dict[str, dict[str, int]] = {
    "aspiration": {"note": 6, "quote": 2, "question": 1, "parked": 1},
    "why": {"note": 6, "quote": 3},
    "moonshot": {"note": 5, "quote": 2, "parked": 2},
    "strengths": {"note": 5, "win": 2, "quote": 1, "concern": 1},
    "growth": {"note": 4, "action": 2, "question": 1, "parked": 1, "decision": 1},
    "plan": {"action": 6, "decision": 3, "note": 1},
    "feedback": {"note": 4, "quote": 1, "concern": 1, "decision": 1, "action": 1},
    "wellbeing": {"note": 4, "concern": 2, "win": 1, "quote": 1, "parked": 1},
    "getting-to-know": {"note": 5, "quote": 1},
    "follow-up": {"note": 3, "win": 3, "concern": 1, "action": 1, "decision": 1},
    "managing-up": {
        "note": 5, "quote": 2, "question": 1, "action": 2, "decision": 1, "parked": 1,
    },
}  # fmt: skip
# topic -> (kinds, cumulative weights) for random.choices
_KIND_TABLE = {
    topic: (tuple(weights), tuple(accumulate(weights.values())))
    for topic, weights in _KIND_WEIGHTS.items()
}
_BY_KIND = {
    "win": words.WINS,
    "concern": words.CONCERNS,
    "decision": words.DECISIONS,
    "question": words.OPEN_QUESTIONS,
    "parked": words.PARKED,
}


class _Fill(dict[str, str]):
    """Slot values for one template: pinned to the person's profile now and then, else random.

    ``{skill2}`` is another skill than ``{skill}``; values may hold slots themselves.
    """

    __slots__ = ("always", "profile", "rng")

    def __init__(self, rng: random.Random, profile: dict[str, str]) -> None:
        super().__init__()
        self.rng = rng
        self.profile = profile
        self.always: frozenset[str] = frozenset()  # slots that always take the profile's value

    def __missing__(self, key: str) -> str:
        rng = self.rng
        base = key[:-1] if key.endswith("2") else key
        options = words.SLOTS[base]
        pinned = self.profile.get(key)
        if pinned is not None and (key in self.always or rng.random() < _PIN):
            value = pinned
        else:
            value = rng.choice(options)
            avoid = (self.get(base), self.get("them"))
            while value in avoid:
                value = rng.choice(options)
        if "{" in value:
            value = value.format_map(self)
        self[key] = value
        return value


class PersonHistory:
    """One person's history: their meetings (scheduled by
    :func:`~tui1on1.demo.schedule.schedule`) with questions, notes and actions."""

    def __init__(
        self,
        who: Who,
        rng: random.Random,
        catalogue: Catalogue,
        now: datetime,
        notes_per_meeting: tuple[int, int],
    ) -> None:
        self.who = who
        self.rng = rng
        self.catalogue = catalogue
        self.now = now
        self.notes_per_meeting = notes_per_meeting
        self.up = who.relationship in UP
        self.audience = "up" if self.up else "report"
        self.profile = {slot: rng.choice(words.SLOTS[slot]) for slot in words.PROFILE_SLOTS}
        self.fill = _Fill(rng, self.profile)
        self.last_asked: dict[str, int] = {}  # slug -> meeting index
        self.written: dict[str, int] = {}  # note text -> meeting index it was last written in

    def build(self) -> Entry:
        who, rng = self.who, self.rng
        self.slots = schedule(who, rng, self.now, self.catalogue.schedules)
        self.story: CareerStory | None = None
        if not self.up:
            mine = {
                slot: self.profile[slot] for slot in ("area", "project", "energizer", "drainer")
            }
            self.story = CareerStory(rng, len(self.slots), mine)
            self.fill.always = frozenset(("role_aspired", "moonshot"))  # the story's, as said
        meetings = [self._meeting(i, slot) for i, slot in enumerate(self.slots)]
        if self.slots:
            created = self.slots[0].start - timedelta(days=rng.uniform(1, 20))
        else:
            created = self.now - timedelta(days=who.start_days)
        return {
            "name": who.name,
            "role": who.role,
            "relationship": who.relationship,
            "cadence": who.cadence,
            "default_playbook": who.default_playbook,
            "archived": who.archived,
            "created_at": created.replace(microsecond=0).isoformat(),
            "meetings": meetings,
        }

    # --- what -------------------------------------------------------------------------

    def _meeting(self, index: int, slot: Slot) -> Entry:
        rng = self.rng
        for slot_name, chance in _REROLL.items():
            if rng.random() < chance:
                self.profile[slot_name] = rng.choice(words.SLOTS[slot_name])
        if self.story is not None:  # what other notes say they aspire to follows the story
            self.profile["role_aspired"] = self.story.role()
            self.profile["moonshot"] = self.story.moonshot()
        segments = self.catalogue.schedules[slot.playbook]
        asked = self._questions(index, slot, segments)
        notes, first_step = self._notes(index, slot, segments, asked)
        pauses = []
        if slot.pause_at is not None:
            paused = slot.start + timedelta(seconds=slot.pause_at)
            pauses.append(
                {
                    "paused_at": paused.isoformat(),
                    "resumed_at": (paused + timedelta(seconds=slot.pause_len)).isoformat(),
                }
            )
        return {
            "playbook": slot.playbook,
            "planned_minutes": PLANNED_MINUTES,
            "started_at": slot.start.isoformat(),
            "ended_at": slot.ended.isoformat(),
            "status": "ended",
            "summary": outcomes.summary(rng, asked, first_step),
            "pauses": pauses,
            "segments": [
                {
                    "index": segment.index,
                    "title": segment.title,
                    "started_at": slot.wall(begin).isoformat(),
                    "ended_at": (
                        slot.ended if segment.index == len(segments) - 1 else slot.wall(end)
                    ).isoformat(),
                }
                for segment, (begin, end) in zip(segments, slot.windows, strict=True)
            ],
            "asked_questions": [entry for entry, _segment, _category in asked],
            "notes": notes,
            "draft": None,
        }

    def _questions(self, index: int, slot: Slot, segments: tuple[ScheduledSegment, ...]) -> Asked:
        """2–5 questions: (the export entry, its segment index, its category)."""
        rng, pool, relationship = self.rng, self.catalogue.pool, self.who.relationship
        eligible = [
            s.index for s in segments if any((c, relationship) in pool for c in s.categories)
        ]
        if not eligible:
            return []
        wanted = rng.randint(2, 5)
        picks = rng.sample(eligible, min(wanted, len(eligible)))
        while len(picks) < wanted:
            picks.append(rng.choice(eligible))
        picks.sort()
        last = self.last_asked
        taken: set[str] = set()
        asked: Asked = []
        for position, segment_index in enumerate(picks):
            segment = segments[segment_index]
            candidates = [
                (category, slug, text)
                for category in segment.categories
                for slug, text in pool.get((category, relationship), ())
                if slug not in taken and index - last.get(slug, -1_000) > RECENT_MEETINGS
            ]
            if not candidates:
                continue
            never = [c for c in candidates if c[1] not in last]
            if never:
                category, slug, text = rng.choice(never)
            else:
                candidates.sort(key=lambda c: last[c[1]])
                category, slug, text = rng.choice(candidates[:3])
            taken.add(slug)
            begin, end = slot.windows[segment_index]
            share = picks.count(segment_index)
            nth = picks[:position].count(segment_index)
            span = (end - begin) / share
            elapsed = round(begin + nth * span + rng.uniform(3, max(4, min(60, span / 3))), 1)
            roll = rng.random()
            pause = 8.0 if roll < 0.6 else round(rng.uniform(2.5, 7.9), 1) if roll < 0.9 else None
            weights = (3, 4, 2, 1) if category == "why" else (6, 3, 1, 0)
            followups = rng.choices((0, 1, 2, 3), weights)
            entry: Entry = {
                "key": f"q{len(asked) + 1}",
                "slug": slug,
                "text": text,
                "elapsed_seconds": elapsed,
                "asked_at": slot.wall(elapsed).isoformat(),
                "pause_seconds": pause,
                "followups": followups[0],
            }
            asked.append((entry, segment_index, category))
        for entry, _segment, _category in asked:
            last[entry["slug"]] = index
        return asked

    def _notes(
        self,
        index: int,
        slot: Slot,
        segments: tuple[ScheduledSegment, ...],
        asked: Asked,
    ) -> tuple[list[Entry], str]:
        """The meeting's notes. The first note typed after a question in its
        segment answers it (linked by ``asked_question``), the next ones may
        go on with the answer; anything else typed then (a parked topic, a
        concern, my own reminder...) and every note in other segments stays
        unlinked."""
        rng = self.rng
        low, high = self.notes_per_meeting
        count = rng.randint(low, high)
        times = sorted(round(rng.uniform(15, slot.elapsed - 10), 1) for _ in range(count))
        if times and rng.random() < 0.75:  # most meetings end on a next step
            begin, end = slot.windows[-1]
            times[-1] = max(times[-1], round(rng.uniform(begin + 5, end - 5), 1))
        times = answers.after_questions(rng, times, slot, asked)
        starts = [begin for begin, _end in slot.windows]
        left_to_say: dict[int, list[Part]] = {}  # question position -> the rest of its answer
        notes: list[Entry] = []
        first_step = ""
        previous = -1.0
        for elapsed in times:
            if elapsed <= previous:
                elapsed = round(previous + 0.5, 1)
            previous = elapsed
            segment_index = min(bisect.bisect_right(starts, elapsed) - 1, len(segments) - 1)
            q = answers.open_question(asked, segment_index, elapsed)
            if q is None:
                categories = segments[segment_index].categories
                topic = rng.choice(categories) if categories else "follow-up"
                note, step = self._note(index, slot, elapsed, segment_index, None, topic, None)
            else:
                entry, _segment, category = asked[q]
                left = left_to_say.get(q)
                part = None
                if left is None:  # the first note after the ask is its answer
                    left = left_to_say[q] = self._answer(index, entry["slug"], category)
                    part = left.pop(0)
                elif left and rng.random() < answers.MORE_ANSWER:
                    part = left.pop(0)
                if part is not None:
                    note, step = self._note(
                        index, slot, elapsed, segment_index, entry["key"], category, part.kind,
                        text=part.text, owner="them", plan=part.step,
                    )  # fmt: skip
                else:
                    note, step = self._aside(index, slot, elapsed, segment_index, entry, category)
            if step and not first_step:
                first_step = step
            notes.append(note)
        return notes, first_step

    def _answer(self, index: int, slug: str, category: str) -> list[Part]:
        """What answers question ``slug`` here: the story's answer for a career
        question; else a note or quote on its topic (the text chosen later)."""
        rng, fill = self.rng, self.fill
        element = self.catalogue.elements.get(slug)
        if element is not None and self.story is not None:
            return self.story.answer(element, slug, index)
        templates = career_words.OFF_THREAD.get(slug)
        if element is CareerElement.PLAN:  # someone above you: what we both agreed
            templates = career_words.UP_AGREED
        if templates:
            fill.clear()
            fill["them"] = self.who.first
            return [Part("note", rng.choice(templates).format_map(fill))]
        return [Part("note" if rng.random() < 0.8 else "quote", "")]

    def _aside(
        self,
        index: int,
        slot: Slot,
        elapsed: float,
        segment_index: int,
        entry: Entry,
        category: str,
    ) -> tuple[Entry, str]:
        """A later note in a question's segment: more of the answer when its
        kind answers, else the manager's own (parked, concern...), unlinked."""
        rng = self.rng
        story_question = self.story is not None and bool(self.catalogue.elements.get(entry["slug"]))
        if story_question:
            kind = rng.choices(*answers.ASIDES)[0]
        else:
            kinds, cumulative = _KIND_TABLE.get(category, _KIND_TABLE["follow-up"])
            kind = rng.choices(kinds, cum_weights=cumulative)[0]
        owner = None
        if kind == "action":
            owner = "me" if story_question or rng.random() < (0.6 if self.up else 0.4) else "them"
        key = entry["key"] if answers.answers(kind, owner, category) else None
        return self._note(index, slot, elapsed, segment_index, key, category, kind, owner=owner)

    def _note(
        self,
        index: int,
        slot: Slot,
        elapsed: float,
        segment_index: int,
        key: str | None,
        topic: str,
        kind: str | None,
        *,
        text: str = "",
        owner: str | None = None,
        plan: Step | None = None,
    ) -> tuple[Entry, str]:
        """One note; ``text`` (else a template for ``topic`` and ``kind``) as typed."""
        rng, fill, audience = self.rng, self.fill, self.audience
        if self.up and topic not in ("feedback", "follow-up", "plan"):
            topic = "managing-up"
        elif topic == "getting-to-know" and kind is None and index > _SMALL_TALK_FADES:
            topic = "wellbeing" if rng.random() < 0.7 else topic
        if kind is None:
            kinds, cumulative = _KIND_TABLE.get(topic, _KIND_TABLE["follow-up"])
            kind = rng.choices(kinds, cum_weights=cumulative)[0]
        if kind == "action" and owner is None:
            owner = "me" if rng.random() < (0.6 if self.up else 0.4) else "them"
        if kind == "note":
            templates = words.NOTES["managing-up" if self.up and topic == "plan" else topic]
        elif kind == "quote":
            if self.up:
                templates = words.QUOTES["up"]
            else:
                own = words.QUOTES.get(topic)
                templates = own if own and rng.random() < 0.7 else words.QUOTES["general"]
        elif kind == "action":
            table = words.ACTIONS_ME if owner == "me" else words.ACTIONS_THEM
            templates = table[audience]
        else:
            templates = _BY_KIND[kind][audience]
        given = bool(text)  # the story's answers: as said, no tail or tag that alters them
        for _try in range(0 if given else 4):  # a line comes back now and then, not every week
            fill.clear()
            fill["them"] = self.who.first
            text = rng.choice(templates).format_map(fill)
            if index - self.written.get(text, -1_000) > _REPEAT_COOLDOWN:
                break
        self.written[text] = index
        step = text if kind in ("action", "decision") else ""
        if kind in ("note", "concern", "win") and not given and rng.random() < _TAILED:
            text += rng.choice(words.TAILS)
        if rng.random() < _CAPITALISED:
            text = text[0].upper() + text[1:]
        if "#" not in text and not given and rng.random() < _TAGGED:
            text += " #" + rng.choice(words.TOPIC_TAGS.get(topic, ("followup",)))
        created = slot.wall(elapsed)
        note = {
            "uid": uuid.UUID(int=rng.getrandbits(128), version=4).hex,
            "kind": kind,
            "text": text,
            "tags": list(extract_tags(text)),
            "elapsed_seconds": elapsed,
            "segment_index": segment_index,
            "asked_question": key,
            "created_at": created.isoformat(),
            "edited_at": None,
            "deleted_at": None,
            "action": None,
        }
        if rng.random() < _EDITED:
            edited = min(created + timedelta(seconds=rng.uniform(4, 120)), slot.ended)
            note["edited_at"] = edited.isoformat()
        if kind == "action":
            note["action"] = outcomes.action(rng, self.slots, index, created, owner or "them", plan)
        elif rng.random() < _DELETED:
            deleted = min(created + timedelta(seconds=rng.uniform(2, 40)), slot.ended)
            note["deleted_at"] = deleted.isoformat()
        return note, step.split(" #")[0]
