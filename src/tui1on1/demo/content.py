"""What was said in the demo's 1:1s: questions asked, notes, actions and summaries.

:class:`PersonHistory` fills each meeting of a person's calendar (from
:mod:`tui1on1.demo.schedule`) with questions from the shipped bank (chosen by
:mod:`tui1on1.demo.asking`) and notes written from the templates in
:mod:`tui1on1.demo.topic_words` and :mod:`tui1on1.demo.kind_words` (slots
from :mod:`tui1on1.demo.slot_words`); the entries are those of the export
document (see ``tui1on1.storage.transfer``). A report's answers to career
questions are their :class:`~tui1on1.demo.career_story.CareerStory`'s: after an
aspiration or moonshot answer, the answer to a *Why?* follow-up
(``answers_why``, the question's ``followups`` counting the ctrl+y), and
between questions, now and then, a remark the manager marks for the thread
(``career``). Which notes link to a question is :mod:`tui1on1.demo.answers`'
rule.
"""

from __future__ import annotations

import bisect
import random
import uuid
from datetime import datetime, timedelta
from itertools import accumulate

from tui1on1.demo import answers, asking, career_words, kind_words, outcomes, topic_words
from tui1on1.demo.answers import Asked, Entry
from tui1on1.demo.career_cast import Cast
from tui1on1.demo.career_story import CareerStory, Part
from tui1on1.demo.career_turns import Step
from tui1on1.demo.catalogue import Catalogue
from tui1on1.demo.fill import Fill
from tui1on1.demo.schedule import PLANNED_MINUTES, UP, Slot, Who, schedule
from tui1on1.demo.slot_words import PROFILE_SLOTS, SLOTS
from tui1on1.domain.agenda import ScheduledSegment
from tui1on1.domain.grammar import extract_tags
from tui1on1.domain.kinds import CareerElement

__all__ = ["Entry", "PersonHistory"]

# Chances and shapes of what is said, in one place.
_REROLL = {"project": 0.1, "priority": 0.1, "skill": 0.04}  # role_aspired: the story's
_EDITED = 0.03
_DELETED = 0.01
_TAGGED = 0.3
_TAILED = 0.12
_CAPITALISED = 0.35
_REPEAT_COOLDOWN = 26  # meetings before a person's note text is written again (if avoidable)
_SMALL_TALK_FADES = 4  # after this many meetings "getting to know you" is mostly wellbeing
_PASSING = 0.4  # how often a note answering no question is a career remark, when one is due
_TWICE = 0.3  # how often a Why? answered was asked twice
# meetings given over to the career (when not the person's usual playbook)
_CAREER_PLAYBOOKS = ("first", "quarterly", "aspiration", "moonshot", "strengths", "growth-plan")
_WHY_AFTER = (CareerElement.ASPIRATION, CareerElement.MOONSHOT)

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
    "win": kind_words.WINS,
    "concern": kind_words.CONCERNS,
    "decision": kind_words.DECISIONS,
    "question": kind_words.OPEN_QUESTIONS,
    "parked": kind_words.PARKED,
}


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
        cast: Cast | None = None,
    ) -> None:
        self.who = who
        self.rng = rng
        self.catalogue = catalogue
        self.now = now
        self.notes_per_meeting = notes_per_meeting
        self.up = who.relationship in UP
        self.audience = "up" if self.up else "report"
        self.profile = {slot: rng.choice(SLOTS[slot]) for slot in PROFILE_SLOTS}
        self.skills = career_words.skills_for(who.role)  # the strengths their role brings
        if self.profile["skill"] not in self.skills:  # no draw: the calendar's stays as it was
            at = SLOTS["skill"].index(self.profile["skill"])
            self.profile["skill"] = self.skills[at % len(self.skills)]
        self.cast = cast or Cast(who.role, ("teach computer science", ""), frozenset())
        self.fill = Fill(rng, self.profile)
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
            self.story = CareerStory(rng, [s.start for s in self.slots], mine, self.cast)
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
                pool = self.skills if slot_name == "skill" else SLOTS[slot_name]
                self.profile[slot_name] = rng.choice(pool)
        if self.story is not None:  # what other notes say they aspire to follows the story
            self.profile["role_aspired"] = self.story.role()
            self.profile["moonshot"] = self.story.moonshot()
        segments = self.catalogue.schedules[slot.playbook]
        eager = slot.playbook in _CAREER_PLAYBOOKS and slot.playbook != self.who.default_playbook
        asked = asking.choose(
            rng, self.catalogue, self.who.relationship, index, slot, segments,
            self.last_asked, self.story, eager,
        )  # fmt: skip
        if self.story is not None:
            elements = self.catalogue.elements
            self.story.begin({e for q, _s, _c in asked if (e := elements.get(q["slug"]))})
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
        story, elements = self.story, self.catalogue.elements
        pairs = frozenset(
            position
            for position, (entry, _s, _c) in enumerate(asked)
            if story is not None and elements.get(entry["slug"]) in _WHY_AFTER
        )  # room for a Why? after the answer
        times = answers.after_questions(rng, times, slot, asked, pairs)
        for i in range(1, len(times)):  # two notes are never typed at the same second
            if times[i] <= times[i - 1]:
                times[i] = round(times[i - 1] + 0.5, 1)
        starts = [begin for begin, _end in slot.windows]
        segment_of = [
            min(bisect.bisect_right(starts, elapsed) - 1, len(segments) - 1) for elapsed in times
        ]
        left_to_say: dict[int, list[Part]] = {}  # question position -> the rest of its answer
        notes: list[Entry] = []
        first_step = ""
        for position, (elapsed, segment_index) in enumerate(zip(times, segment_of, strict=True)):
            q = answers.open_question(asked, segment_index, elapsed)
            part: Part | None = None
            if q is None:
                categories = segments[segment_index].categories
                topic = rng.choice(categories) if categories else "follow-up"
                if story is not None and rng.random() < _PASSING:
                    part = story.passing(index)
                if part is None:
                    note, step = self._note(index, slot, elapsed, segment_index, None, topic, None)
                else:  # a remark in passing the manager marks for the career thread
                    note, step = self._note(
                        index, slot, elapsed, segment_index, None, topic, part.kind, text=part.text
                    )
                    note["career"] = part.mark.value if part.mark else None
            else:
                entry, _segment, category = asked[q]
                left = left_to_say.get(q)
                if left is None:  # the first note after the ask is its answer
                    room = 0  # notes still to come here: room for a Why? answer
                    if pairs and q in pairs:
                        room = answers.still_to_come(asked, q, times, segment_of, position)
                    left = left_to_say[q] = self._answer(index, entry["slug"], category, room)
                    part = left.pop(0)
                elif left and (left[0].why or rng.random() < answers.MORE_ANSWER):
                    part = left.pop(0)
                if part is not None:
                    note, step = self._note(
                        index, slot, elapsed, segment_index, entry["key"], category, part.kind,
                        text=part.text, owner="them", plan=part.step,
                    )  # fmt: skip
                    if part.why:  # typed after a Why? on the question (ctrl+y)
                        note["answers_why"] = True
                        if not entry["followups"]:
                            entry["followups"] = 2 if rng.random() < _TWICE else 1
                else:
                    note, step = self._aside(index, slot, elapsed, segment_index, entry, category)
            if step and not first_step:
                first_step = step
            notes.append(note)
        return notes, first_step

    def _answer(self, index: int, slug: str, category: str, room: int) -> list[Part]:
        """What answers question ``slug`` here: the story's answer for a career
        question (``room``: how many notes are still to come in its segment);
        else a note or quote on its topic (the text chosen later)."""
        rng, fill = self.rng, self.fill
        element = self.catalogue.elements.get(slug)
        if element is not None and self.story is not None:
            return self.story.answer(element, slug, index, room)
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
            templates = topic_words.NOTES["managing-up" if self.up and topic == "plan" else topic]
        elif kind == "quote":
            if self.up:
                templates = topic_words.QUOTES["up"]
            else:
                own = topic_words.QUOTES.get(topic)
                templates = own if own and rng.random() < 0.7 else topic_words.QUOTES["general"]
        elif kind == "action":
            table = kind_words.ACTIONS_ME if owner == "me" else kind_words.ACTIONS_THEM
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
            text += rng.choice(topic_words.TAILS)
        if rng.random() < _CAPITALISED:
            text = text[0].upper() + text[1:]
        if "#" not in text and not given and rng.random() < _TAGGED:
            text += " #" + rng.choice(topic_words.TOPIC_TAGS.get(topic, ("followup",)))
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
        elif not given and rng.random() < _DELETED:  # the story's answers stay
            deleted = min(created + timedelta(seconds=rng.uniform(2, 40)), slot.ended)
            note["deleted_at"] = deleted.isoformat()
        return note, step.split(" #")[0]
