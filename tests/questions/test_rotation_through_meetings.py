"""Done when: a person taken through six meetings of any shipped playbook is
offered fresh questions, and the app remembers what they answered.

Each meeting runs every segment of the playbook: the history comes from the
real Store, the real bank is ranked by ``rank_questions``, the first-ranked
question is asked and answered. The test keeps its own account of what was
asked when, so it checks the Store's memory as well as the ranking.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.domain.agenda import Agenda, Playbook
from tui1on1.domain.kinds import NoteKind, Relationship
from tui1on1.domain.prompts import RECENT_MEETINGS, rank_questions
from tui1on1.domain.records import NewNote
from tui1on1.questions import Question, load_bank, load_playbooks
from tui1on1.storage.store import Store

MEETINGS = 6
PLANNED_MINUTES = 30
T0 = datetime(2026, 1, 9, 9, 0, tzinfo=UTC)

BANK = load_bank()
PLAYBOOKS, PLAYBOOK_PROBLEMS = load_playbooks(questions=BANK.questions)


def relationship_for(playbook: Playbook) -> Relationship:
    """Managing-up playbooks are for your own manager, the skip-level one for
    someone two levels down; the rest for a report."""
    categories = {c for segment in playbook.segments for c in segment.categories}
    if "managing-up" in categories:
        return Relationship.MANAGER
    return Relationship.SKIP_REPORT if playbook.slug == "skip-level-down" else Relationship.REPORT


@dataclass
class Asked:
    meeting: int  # 0-based meeting number
    segment: int
    slug: str
    answer: str


@dataclass
class Run:
    asked: list[Asked] = field(default_factory=list)

    def last_meeting_of(self, slug: str) -> int | None:
        meetings = [a.meeting for a in self.asked if a.slug == slug]
        return max(meetings) if meetings else None


def test_shipped_playbooks_load_cleanly():
    assert BANK.problems == []
    assert PLAYBOOK_PROBLEMS == []
    assert PLAYBOOKS


@pytest.fixture
def sqlite_store(sqlite_url):
    store = Store.open(sqlite_url)
    yield store
    store.close()


@pytest.mark.parametrize("slug", sorted(PLAYBOOKS))
def test_rotation_through_six_meetings(sqlite_store: Store, slug: str):
    store = sqlite_store
    playbook = PLAYBOOKS[slug]
    relationship = relationship_for(playbook)
    suited = [q for q in BANK.questions.values() if q.suits(relationship.value)]
    agenda = Agenda.for_playbook(playbook, PLANNED_MINUTES)
    person = store.add_person(f"Pat {slug}", relationship=relationship, now=T0)
    run = Run()

    for n in range(MEETINGS):
        start = T0 + timedelta(days=7 * n)
        meeting, resumed = store.start_meeting(
            person.id, playbook=playbook.slug, planned_minutes=PLANNED_MINUTES, now=start
        )
        assert not resumed
        for segment in agenda:
            history = store.question_history(person.id, meeting.id)
            # The Store remembers exactly what this run asked, and when.
            expected = {a.slug: a for a in run.asked}  # later askings overwrite
            assert set(history) == set(expected)
            for asked_slug, before in history.items():
                assert before.meetings_ago == n - expected[asked_slug].meeting
                assert before.answer == expected[asked_slug].answer.splitlines()[0]

            ranked = rank_questions(suited, segment.categories, history)
            pool = [q for q in suited if q.category in segment.categories]
            assert {q.slug for q in ranked} <= {q.slug for q in pool}
            if not pool:
                continue
            assert ranked, f"{slug}/{segment.title}: nothing offered from a non-empty pool"
            first: Question = ranked[0]  # type: ignore[assignment]
            check_not_recent(run, n, first, pool, f"{slug} meeting {n + 1} {segment.title}")

            at = start + timedelta(seconds=segment.start_s + 30)
            asked = store.record_question(
                meeting.id,
                slug=first.slug,
                text=first.text,
                elapsed_seconds=segment.start_s + 30,
                at=at,
            )
            answer = f"{first.slug} in meeting {n + 1}\nsaid more after a pause"
            store.add_note(
                NewNote(
                    uid=f"{slug}-{n}-{segment.index}",
                    meeting_id=meeting.id,
                    kind=NoteKind.NOTE,
                    text=answer,
                    segment_index=segment.index,
                    asked_question_id=asked.id,
                    created_at=at + timedelta(seconds=40),
                )
            )
            run.asked.append(Asked(n, segment.index, first.slug, answer))
        store.end_meeting(meeting.id, start + timedelta(minutes=PLANNED_MINUTES))

    # Within a segment, six meetings bring six different questions whenever
    # its categories hold at least six, and the segments sharing those
    # questions don't need more than there are between them. (The managing-up
    # playbook draws 3 questions a meeting from 14: after ~4 meetings every
    # one has been asked, and the least recently asked comes round again.)
    # Even then, a segment never repeats a question within the recent window.
    for segment in agenda:
        pool = [q for q in suited if q.category in segment.categories]
        asked_here = [a for a in run.asked if a.segment == segment.index]
        slugs = [a.slug for a in asked_here]
        assert len(slugs) == (MEETINGS if pool else 0)
        sharing, supply = sharing_segments(agenda, suited, segment.index)
        if len(pool) >= MEETINGS and supply >= MEETINGS * len(sharing):
            assert len(set(slugs)) == len(slugs), f"{slug}/{segment.title} repeated: {slugs}"
        if len(pool) > RECENT_MEETINGS:
            for a, b in itertools.combinations(asked_here, 2):
                if a.slug == b.slug:
                    assert b.meeting - a.meeting > RECENT_MEETINGS, (
                        f"{slug}/{segment.title}: {a.slug} in meetings {a.meeting + 1} "
                        f"and {b.meeting + 1}"
                    )

    # Memory: after the last meeting, each question shows the answer given
    # the last time it was asked, counted from the last meeting.
    history = store.question_history(person.id, None)
    for asked in run.asked:
        if run.last_meeting_of(asked.slug) == asked.meeting:
            before = history[asked.slug]
            assert before.answer == f"{asked.slug} in meeting {asked.meeting + 1}"
            assert before.meetings_ago == MEETINGS - asked.meeting


def sharing_segments(agenda: Agenda, suited: list[Question], index: int) -> tuple[set[int], int]:
    """The segments that draw on the same questions as segment ``index``
    (directly or through another segment), and how many questions they have
    between them."""
    pools = {s.index: {q.slug for q in suited if q.category in s.categories} for s in agenda}
    group, questions = {index}, set(pools[index])
    grew = True
    while grew:
        grew = False
        for other, pool in pools.items():
            if other not in group and pool & questions:
                group.add(other)
                questions |= pool
                grew = True
    return group, len(questions)


def check_not_recent(run: Run, n: int, first: Question, pool: list[Question], where: str) -> None:
    """The question offered first was not asked in this meeting or the last
    ``RECENT_MEETINGS`` while others in the segment's categories weren't."""
    window = range(n - RECENT_MEETINGS, n + 1)
    recent = {a.slug for a in run.asked if a.meeting in window}
    if first.slug in recent:
        fresh = [q.slug for q in pool if q.slug not in recent]
        assert not fresh, f"{where}: offered {first.slug}, asked recently, while {fresh} weren't"
