"""The live meeting's state and rules: clock, agenda position, the current
prompt, the pause cue, the notes and the summary.

The screen asks this model what to show for a given ``now`` and tells it what
the manager did; the model answers with plain values (``views``) and says
what must be written. Everything time-related is derived from ``now``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from tui1on1.domain.agenda import Agenda, Playbook
from tui1on1.domain.career import answers_question
from tui1on1.domain.clock import MeetingClock
from tui1on1.domain.growth import PlanEvent
from tui1on1.domain.kinds import CareerElement, NoteKind, Relationship
from tui1on1.domain.meeting.asked import (
    AskedRef,
    MeetingQuestion,
    Summary,
    new_uid,
)
from tui1on1.domain.meeting.notes import MeetingNotes
from tui1on1.domain.meeting.offer import SegmentOffer
from tui1on1.domain.meeting.prompt_card import prompt_view
from tui1on1.domain.meeting.prompt_text import (
    READ_BACK_SHOWN,
    memory_line,
    read_back,
)
from tui1on1.domain.meeting.summary import summarize
from tui1on1.domain.meeting.views import ClockView, CueView, PromptView, clock_view
from tui1on1.domain.pausecue import BREATH, END_ELAPSED, SECOND_WAIT, PauseCue, PauseLengths
from tui1on1.domain.prompts import (
    AskedBefore,
    PromptDeck,
)
from tui1on1.domain.records import ActionItem, AskedQuestion, Meeting, Person, SegmentLog

# How long a cue's closing line stays once it ran its length, at most.
CLOSING_SECONDS = 30.0


@dataclass
class MeetingModel:
    person: Person
    meeting: Meeting
    playbook: Playbook
    questions: Sequence[MeetingQuestion]  # suited to this person
    history: Mapping[str, AskedBefore]
    pauses: PauseLengths = field(default_factory=PauseLengths)
    # The career element of every question in the bank (the whole bank: F3
    # asks any question), by slug.
    elements: Mapping[str, CareerElement | None] = field(default_factory=dict)
    # Open actions and waiting topics carried over from earlier meetings,
    # counted when the meeting opened: none, and follow-up questions rest.
    carried: int = 0
    # Earlier actions done or dropped between the last 1:1 and this one.
    closed_between: Sequence[ActionItem] = ()
    # The ids of those (and of others) whose note is private: marked in the summary.
    private_between: frozenset[int] = frozenset()
    manual_segment: int | None = None
    segment_starts: list[tuple[int, float]] = field(default_factory=list)
    asked: list[AskedRef] = field(default_factory=list)
    cue: PauseCue | None = None
    notes: MeetingNotes = field(default_factory=MeetingNotes)
    # Every change to their growth plans, this meeting's (F6) included.
    plan_events: list[PlanEvent] = field(default_factory=list)
    clock: MeetingClock = field(init=False)
    agenda: Agenda = field(init=False)
    _decks: dict[int, PromptDeck[MeetingQuestion]] = field(default_factory=dict, init=False)
    # The asked question (uid) whose first answer starts the second wait.
    _awaiting_answer: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.clock = MeetingClock.from_meeting(self.meeting)
        self.agenda = Agenda.for_playbook(self.playbook, self.meeting.planned_minutes)

    def _reschedule(self) -> None:
        """The agenda from the playbook, with every early move on applied in
        turn: the minutes saved go to the segments still to come."""
        self.agenda = Agenda.for_playbook(self.playbook, self.meeting.planned_minutes).after_moves(
            self.segment_starts
        )

    # --- resuming -------------------------------------------------------------

    def restore(self, segments: Sequence[SegmentLog], asked: Sequence[AskedQuestion]) -> None:
        """Pick up a meeting that was running before a quit or a crash."""
        for log in segments:
            at = self.clock.elapsed(log.started_at)
            self.segment_starts.append((log.segment_index, at))
        if segments:
            self.manual_segment = max(log.segment_index for log in segments)
        self._reschedule()
        for question in asked:
            at = question.elapsed_seconds
            moved = [index for index, start in self.segment_starts if start <= at]
            self.asked.append(
                AskedRef(
                    uid=question.uid or new_uid(),
                    slug=question.slug,
                    text=question.text,
                    elapsed=question.elapsed_seconds,
                    followups=question.followups,
                    pause_total=question.pause_seconds or 0.0,
                    segment=self.agenda.current_index(at, max(moved, default=None)),
                    why=question.followups > 0,
                )
            )

    # --- time -----------------------------------------------------------------

    def elapsed(self, now: datetime) -> float:
        return self.clock.elapsed(now)

    def segment_index(self, now: datetime) -> int:
        return self.agenda.current_index(self.elapsed(now), self.manual_segment)

    def clock_view(self, now: datetime) -> ClockView:
        return clock_view(self.clock, self.agenda, self.manual_segment, now)

    # --- prompts --------------------------------------------------------------

    def deck(self, now: datetime) -> PromptDeck[MeetingQuestion]:
        index = self.segment_index(now)
        if index not in self._decks:
            self._decks[index] = self._open_deck(index)
        return self._decks[index]

    def _open_deck(self, index: int) -> PromptDeck[MeetingQuestion]:
        offered = SegmentOffer(self.questions, self.history, self.carried)
        return offered.open(self.agenda[index], self.asked)

    def _open_follow_ups(self, deck: PromptDeck[MeetingQuestion], index: int) -> None:
        offered = SegmentOffer(self.questions, self.history, self.carried)
        offered.add_follow_ups(deck, self.agenda[index], self.asked)

    def current_question(self, now: datetime) -> MeetingQuestion | None:
        return self.deck(now).current

    def last_asked(self) -> AskedRef | None:
        return self.asked[-1] if self.asked else None

    def prompt_view(self, now: datetime, read_back_shown: int = READ_BACK_SHOWN) -> PromptView:
        """What the prompt card shows (see :func:`prompt_view`); in the last
        segment, the read-back of the first ``read_back_shown`` actions (the
        screen gives more room when it is tall)."""
        return prompt_view(self, now, read_back_shown)

    def read_back(self, shown: int | None = READ_BACK_SHOWN) -> str:
        """This meeting's actions, to say aloud before ending (see :func:`read_back`)."""
        return read_back(self.notes.rows(), shown)

    def memory_line(self, slug: str) -> str:
        return memory_line(self.history.get(slug))

    def move_prompt(self, now: datetime, step: int) -> None:
        deck = self.deck(now)
        if step > 0:
            deck.next()
        else:
            deck.previous()

    def pick(self, now: datetime, question: MeetingQuestion) -> None:
        self.deck(now).pick(question)

    # --- asking and the pause cue ---------------------------------------------

    def ask(self, now: datetime) -> AskedRef | None:
        """The manager asked the current question aloud. None if there is no
        question, or it is the one they just asked (see :meth:`asked_again`):
        asking it twice is recorded once."""
        question = self.current_question(now)
        if question is None or self.asked_again(now) is not None:
            return None
        ref = AskedRef(
            uid=new_uid(),
            slug=question.slug,
            text=question.text,
            elapsed=self.elapsed(now),
            segment=self.segment_index(now),
        )
        self.asked.append(ref)
        self._open_follow_ups(self.deck(now), ref.segment)
        self.cue = self._question_cue(now, ref, question.category)
        return ref

    def asked_again(self, now: datetime) -> AskedRef | None:
        """The last question asked, when it is the current prompt again in
        the segment it was asked in."""
        ref = self.last_asked()
        question = self.current_question(now)
        if ref is None or question is None or question.slug != ref.slug:
            return None
        return ref if ref.segment == self.segment_index(now) else None

    def why(self, now: datetime) -> AskedRef | None:
        """A "Why?" follow-up on the last asked question: the cue runs again."""
        ref = self.last_asked()
        if ref is None:
            return None
        ref.followups += 1
        ref.why = True
        self.cue = self._question_cue(now, ref, "why")
        return ref

    def _question_cue(self, now: datetime, ref: AskedRef, category: str) -> PauseCue:
        """The cue after a question: its length by its category; its first
        answer will start the second wait."""
        self._awaiting_answer = ref.uid
        return PauseCue.start(now, self.pauses.for_category(category))

    def second_wait(self, now: datetime, ref: AskedRef) -> bool:
        """A note answering ``ref`` was saved: if it is the first answer since
        it was asked (or followed up with Why?), a short second wait starts
        (unless it is configured off). True if it started."""
        cue = self.cue
        if ref.uid != self._awaiting_answer or (cue is not None and cue.is_active(now)):
            return False  # not the first answer; or typed before the ask, the cue still on
        self._awaiting_answer = None
        if self.pauses.second_wait is None:
            return False
        self.cue = PauseCue.start(now, self.pauses.second_wait, SECOND_WAIT)
        return True

    def breath_offered(self) -> bool:
        """Managing up (their manager or skip-level, or the managing-up
        playbook): the manager may take a breath before answering."""
        up = (Relationship.MANAGER, Relationship.SKIP_LEVEL)
        return self.person.relationship in up or self.playbook.slug == "managing-up"

    def breath(self, now: datetime) -> bool:
        """Start the manager's own cue before they answer (end the running
        one first: ``end_cue``). False when it isn't offered here."""
        if not self.breath_offered():
            return False
        self._awaiting_answer = None  # what is typed next is the manager's answer
        self.cue = PauseCue.start(now, self.pauses.breath, BREATH)
        return True

    def element_of(self, slug: str) -> CareerElement | None:
        """The career element a question's answers go to (None: not career)."""
        return self.elements.get(slug)

    def answering(self, now: datetime, kind: NoteKind) -> AskedRef | None:
        """The question a note of ``kind`` typed now answers, if any: the last
        one asked, while the agenda is still in the segment it was asked in
        (``ref.why``: the answer is to its Why? follow-up)."""
        ref = self.last_asked()
        if ref is None or not answers_question(kind) or self.segment_index(now) != ref.segment:
            return None
        return ref

    def end_cue(self, now: datetime, reason: str) -> tuple[AskedRef, float] | None:
        """Stop the cue; returns (question, seconds it ran) to record, once.
        A cue that ran out leaves the screen now (its closing line goes). The
        breath is the manager's: nothing to record for a question."""
        cue = self.cue
        if cue is None:
            return None
        if cue.ended_at is not None:
            self.cue = None
            return None
        ended = cue.end(now, reason)
        # Ran out by itself: its closing line shows. Ended by the manager: gone.
        self.cue = ended if reason == END_ELAPSED else None
        ref = self.last_asked()
        if ref is None or not cue.words.for_question:
            return None
        held = ended.held_seconds(now)
        ref.pause_total += held
        return ref, held

    def cue_view(self, now: datetime) -> CueView:
        """The message (None when idle) and progress. A cue that ran its full
        length shows its closing line for a while (``CLOSING_SECONDS``), or
        until the manager types or starts another."""
        cue = self.cue
        if cue is None:
            return CueView(None, 0.0)
        if cue.is_active(now):
            return CueView(cue.message(now), cue.progress(now))
        if cue.ran_out(now) and (now - cue.due_at).total_seconds() < CLOSING_SECONDS:
            return CueView(cue.message(now), 1.0, closing=True)
        return CueView(None, 0.0)

    def cue_ran_out(self, now: datetime) -> bool:
        cue = self.cue
        return cue is not None and cue.ended_at is None and not cue.is_active(now)

    def finish_cue_if_due(self, now: datetime) -> tuple[AskedRef, float] | None:
        if self.cue_ran_out(now):
            return self.end_cue(now, END_ELAPSED)
        return None

    # --- agenda and clock changes -----------------------------------------------

    def next_segment(self, now: datetime) -> tuple[int, str] | None:
        current = self.segment_index(now)
        if current + 1 >= len(self.agenda):
            return None
        self.manual_segment = current + 1
        self.segment_starts.append((current + 1, self.elapsed(now)))
        self._reschedule()
        return current + 1, self.agenda[current + 1].title

    def note_segment(self, index: int, now: datetime) -> bool:
        """Remember a segment change by time; True if it is new (to be logged)."""
        return bool(self.note_segments(index, now))

    def note_segments(self, index: int, now: datetime) -> list[tuple[int, float]]:
        """Remember a segment change; the new starts, (index, elapsed seconds),
        oldest first, to be logged ([] when ``index`` is the segment already).

        When the clock moved on by itself (not a key), every segment it went
        into since the last one noted starts at its planned start: resumed
        after the app was closed a while ("leave it running"), the segments
        that ran meanwhile get their time instead of the one before them.
        """
        if self.segment_starts and self.segment_starts[-1][0] == index:
            return []
        elapsed = self.elapsed(now)
        new: list[tuple[int, float]] = []
        if self.segment_starts:
            last, since = self.segment_starts[-1]
            by_time = index > last and (self.manual_segment is None or index > self.manual_segment)
            for passed in range(last + 1, index + 1) if by_time else ():
                start = min(elapsed, max(since, self.agenda[passed].start_s))
                if passed == index or since < start < elapsed:
                    new.append((passed, start))
                    since = start
        if not new:
            new.append((index, elapsed))
        self.segment_starts.extend(new)
        return new

    def toggle_pause(self, now: datetime) -> bool:
        """Pause or resume; returns True if now paused."""
        if self.clock.is_paused(now):
            self.clock = self.clock.with_resume(now)
            return False
        self.clock = self.clock.with_pause(now)
        return True

    def extend(self, minutes: int, now: datetime) -> None:
        """Add minutes; the agenda stretches, but never moves back a segment."""
        current = self.segment_index(now)
        self.meeting = replace(self.meeting, planned_minutes=self.meeting.planned_minutes + minutes)
        self.clock = self.clock.extended(minutes * 60)
        self._reschedule()
        self.manual_segment = max(self.manual_segment or 0, current)

    def switch_playbook(self, playbook: Playbook) -> bool:
        """Only before the first question is asked; returns whether it switched."""
        if self.asked:
            return False
        self.playbook = playbook
        self.agenda = Agenda.for_playbook(playbook, self.meeting.planned_minutes)
        self._decks.clear()
        self.manual_segment = None
        return True

    # --- the end ------------------------------------------------------------------

    def summary(self, now: datetime) -> Summary:
        """How it went: time per segment, questions asked, notes, promises."""
        return summarize(self, now)
