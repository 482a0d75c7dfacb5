"""The pause cue by kind of question, the second wait after the first answer
and the manager's breath, under a fake clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from tui1on1.domain.agenda import Playbook, Segment
from tui1on1.domain.kinds import Relationship
from tui1on1.domain.meeting import MeetingModel
from tui1on1.domain.pausecue import END_TYPING, PauseLengths
from tui1on1.domain.records import Meeting, Person
from tui1on1.domain.timesource import FakeClock

T0 = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class OneOfAKind:
    """One question of each category, named by it."""

    category: str
    probes: tuple[str, ...] = ()
    note: str = ""
    follow_up: bool = False

    @property
    def slug(self) -> str:
        return self.category

    @property
    def text(self) -> str:
        return f"A {self.category} question?"


CATEGORIES = (
    "follow-up", "wellbeing", "getting-to-know", "plan", "managing-up", "feedback",
    "strengths", "growth", "aspiration", "why", "moonshot", "someone-elses",
)  # fmt: skip
QUESTIONS = [OneOfAKind(c) for c in CATEGORIES]
EVERYTHING = Playbook(
    slug="everything",
    title="Everything",
    description="",
    minutes=30,
    segments=(Segment("All of it", 30, CATEGORIES),),
)
UP = Playbook(slug="managing-up", title="Managing up", description="", minutes=30,
              segments=(Segment("All of it", 30, CATEGORIES),))  # fmt: skip


def model(
    pauses: PauseLengths | None = None,
    relationship: Relationship = Relationship.REPORT,
    playbook: Playbook = EVERYTHING,
) -> MeetingModel:
    return MeetingModel(
        person=Person(id=1, name="Priya Raman", relationship=relationship),
        meeting=Meeting(id=7, person_id=1, playbook=playbook.slug, planned_minutes=30,
                        started_at=T0),
        playbook=playbook,
        questions=QUESTIONS,
        history={},
        pauses=pauses or PauseLengths(),
    )  # fmt: skip


def cue_length(meeting: MeetingModel, clock: FakeClock, category: str) -> float:
    """Ask the question of ``category`` and let the silence run: how long it held."""
    meeting.pick(clock.now(), QUESTIONS[CATEGORIES.index(category)])
    meeting.ask(clock.now())
    clock.advance(60)
    finished = meeting.finish_cue_if_due(clock.now())
    assert finished is not None
    return finished[1]


@pytest.mark.parametrize(
    ("category", "seconds"),
    [
        ("follow-up", 4), ("wellbeing", 4), ("getting-to-know", 4),
        ("plan", 6), ("managing-up", 6), ("feedback", 7), ("strengths", 7), ("growth", 7),
        ("aspiration", 8), ("why", 10), ("moonshot", 12),
        ("someone-elses", 7),  # a category the defaults don't list: the middle
    ],
)  # fmt: skip
def test_each_kind_of_question_holds_its_own_length(category: str, seconds: float) -> None:
    clock = FakeClock(T0)
    assert cue_length(model(), clock, category) == seconds


def test_pause_seconds_alone_sets_every_length_and_the_table_wins_over_it() -> None:
    clock = FakeClock(T0)
    alone = model(PauseLengths(every=9))
    assert [cue_length(alone, clock, c) for c in ("wellbeing", "moonshot")] == [9, 9]
    both = model(PauseLengths(every=9, by_category={"moonshot": 15}))
    assert [cue_length(both, clock, c) for c in ("wellbeing", "moonshot")] == [9, 15]


def test_a_why_follow_up_waits_the_why_length_and_says_so_by_thirds() -> None:
    clock = FakeClock(T0)
    meeting = model()
    meeting.pick(clock.now(), QUESTIONS[0])  # a check-in: 4 s
    meeting.ask(clock.now())
    clock.advance(2)
    meeting.end_cue(clock.now(), END_TYPING)  # they answered
    meeting.why(clock.now())
    said = []
    for _ in range(12):
        clock.advance(1)
        meeting.finish_cue_if_due(clock.now())
        said.append(meeting.cue_view(clock.now()).message)
    assert said[0] == "Hold the silence — let them think."  # 1 s
    assert said[4] == "Still thinking is good. Wait a little longer."  # 5 s
    assert said[7] == "Stay with the quiet a moment more."  # 8 s
    assert said[9:] == ["The quiet is theirs — no need to fill it."] * 3  # 10 s and on
    assert meeting.asked[-1].pause_total == 2 + 10


def test_the_first_answer_starts_a_second_wait_that_is_not_the_questions_pause() -> None:
    """The pause is the silence held after asking; the second wait runs by
    itself, and counting it would give 3 s to someone who spoke at once."""
    clock = FakeClock(T0)
    meeting = model()
    meeting.pick(clock.now(), QUESTIONS[CATEGORIES.index("aspiration")])
    ref = meeting.ask(clock.now())
    assert ref is not None
    clock.advance(5)
    meeting.end_cue(clock.now(), END_TYPING)  # they spoke; the manager types the answer
    clock.advance(4)
    assert meeting.second_wait(clock.now(), ref)  # the answer saved: a second wait
    view = meeting.cue_view(clock.now())
    assert view.message == "Wait a moment — there may be more." and not view.closing
    clock.advance(1.5)
    assert meeting.cue_view(clock.now()).message == "Leave room for them to add to it."
    clock.advance(1.5)
    meeting.finish_cue_if_due(clock.now())
    assert meeting.cue_view(clock.now()).message == "Anything more is theirs to add."
    assert ref.pause_total == 5
    clock.advance(10)
    assert not meeting.second_wait(clock.now(), ref)  # a second note: no more waits
    assert meeting.cue_view(clock.now()).message == "Anything more is theirs to add."


def test_typing_ends_the_second_wait_and_only_what_was_held_counts() -> None:
    clock = FakeClock(T0)
    meeting = model()
    ref = meeting.ask(clock.now())
    assert ref is not None
    meeting.end_cue(clock.now(), END_TYPING)
    assert meeting.second_wait(clock.now(), ref)
    clock.advance(1.25)
    assert meeting.end_cue(clock.now(), END_TYPING) is None  # nothing for the question
    assert ref.pause_total == 0
    assert meeting.cue_view(clock.now()).message is None


def test_the_second_wait_can_be_off_or_longer() -> None:
    clock = FakeClock(T0)
    off = model(PauseLengths(second_wait=None))
    ref = off.ask(clock.now())
    assert ref is not None
    off.end_cue(clock.now(), END_TYPING)
    assert not off.second_wait(clock.now(), ref)
    assert off.cue_view(clock.now()).message is None
    longer = model(PauseLengths(second_wait=6))
    ref = longer.ask(clock.now())
    assert ref is not None
    longer.end_cue(clock.now(), END_TYPING)
    longer.second_wait(clock.now(), ref)
    clock.advance(5.9)
    assert longer.cue_view(clock.now()).message == "Leave room for them to add to it."
    clock.advance(0.2)
    assert longer.finish_cue_if_due(clock.now()) is None  # ran its 6 s; the pause isn't it
    assert longer.cue_view(clock.now()).message == "Anything more is theirs to add."


def test_a_note_saved_while_the_first_cue_still_runs_is_no_answer_yet() -> None:
    clock = FakeClock(T0)
    meeting = model()
    ref = meeting.ask(clock.now())  # a line typed before asking, saved during the silence
    assert ref is not None
    clock.advance(1)
    assert not meeting.second_wait(clock.now(), ref)
    assert meeting.cue_view(clock.now()).message == "Hold the silence — let them think."
    clock.advance(2)
    meeting.end_cue(clock.now(), END_TYPING)
    assert meeting.second_wait(clock.now(), ref)  # the real answer


@pytest.mark.parametrize(
    ("relationship", "playbook", "offered"),
    [
        (Relationship.MANAGER, EVERYTHING, True),
        (Relationship.SKIP_LEVEL, EVERYTHING, True),
        (Relationship.REPORT, UP, True),
        (Relationship.REPORT, EVERYTHING, False),
        (Relationship.PEER, EVERYTHING, False),
    ],
)
def test_the_breath_is_offered_when_managing_up(
    relationship: Relationship, playbook: Playbook, offered: bool
) -> None:
    clock = FakeClock(T0)
    meeting = model(relationship=relationship, playbook=playbook)
    assert meeting.breath_offered() is offered
    assert meeting.breath(clock.now()) is offered


def test_the_breath_is_the_managers_and_never_counts_for_a_question() -> None:
    clock = FakeClock(T0)
    meeting = model(PauseLengths(breath=4), relationship=Relationship.MANAGER)
    ref = meeting.ask(clock.now())
    assert ref is not None
    clock.advance(2)
    meeting.end_cue(clock.now(), "next")
    assert meeting.breath(clock.now())
    assert meeting.cue_view(clock.now()).message == "Take a breath before you answer."
    clock.advance(2)
    assert meeting.cue_view(clock.now()).message == "Breathe. What is the one thing to say?"
    clock.advance(1.5)
    assert meeting.cue_view(clock.now()).message == "Then answer, in your own time."
    clock.advance(10)
    assert meeting.finish_cue_if_due(clock.now()) is None  # nothing to record
    assert meeting.cue_view(clock.now()).message == "Answer when you're ready."
    assert ref.pause_total == 2
