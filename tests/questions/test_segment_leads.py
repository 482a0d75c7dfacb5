"""Every shipped playbook, for every relationship, walked segment by segment
the way a manager meets it: the first prompt in each segment is the question
that serves it (its lead), never a follow-up that needs an answer first, and
never one already asked earlier in the meeting.

Walked twice: a first meeting with someone (nothing asked before) and a
later one where every question was asked at the last meeting.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.domain.meeting import MeetingModel
from tui1on1.domain.meeting.prompt_text import NOTHING_CARRIED
from tui1on1.domain.prompts import AskedBefore
from tui1on1.domain.records import Meeting, Person
from tui1on1.questions import RELATIONSHIPS, Question, load_bank, load_playbooks

T0 = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
BANK = load_bank().questions
PLAYBOOKS, PLAYBOOK_PROBLEMS = load_playbooks(questions=BANK)


def test_the_shipped_playbooks_load_without_problems() -> None:
    assert PLAYBOOK_PROBLEMS == []


def test_every_segment_names_its_lead() -> None:
    missing = [
        f"{playbook.slug}: {segment.title}"
        for playbook in PLAYBOOKS.values()
        for segment in playbook.segments
        if not segment.lead
    ]
    assert missing == []


# The relationships each shipped playbook is meant for (its "For:" line).
MEANT_FOR = {
    "first": ("report",),
    "weekly": ("report", "skip-report"),
    "aspiration": ("report",),
    "moonshot": ("report",),
    "strengths": ("report",),
    "growth-plan": ("report",),
    "quarterly": ("report",),
    "onboarding": ("report",),
    "stay": ("report", "skip-report"),
    "managing-up": ("manager", "skip-level"),
    "skip-level-down": ("skip-report",),
    "peer": ("peer",),
}


def test_every_segment_has_a_lead_for_each_relationship_it_is_meant_for() -> None:
    assert set(MEANT_FOR) == set(PLAYBOOKS)
    missing = [
        f"{slug} / {relationship}: {segment.title}"
        for slug, relationships in MEANT_FOR.items()
        for relationship in relationships
        for segment in PLAYBOOKS[slug].segments
        if not any(BANK[lead].suits(relationship) for lead in segment.lead)
    ]
    assert missing == []


def _model(
    playbook_slug: str, relationship: str, history: dict[str, AskedBefore], carried: int = 1
) -> MeetingModel:
    """A meeting with something carried over from earlier ones (an open
    action, a topic), unless ``carried=0``."""
    playbook = PLAYBOOKS[playbook_slug]
    return MeetingModel(
        person=Person(id=1, name="Ada Lovelace"),
        meeting=Meeting(
            id=7,
            person_id=1,
            playbook=playbook.slug,
            planned_minutes=int(playbook.minutes),
            started_at=T0,
        ),
        playbook=playbook,
        questions=[q for q in BANK.values() if q.suits(relationship)],
        history=history,
        elements={slug: q.element for slug, q in BANK.items()},
        carried=carried,
    )


def _everything_asked_last_time() -> dict[str, AskedBefore]:
    last = T0 - timedelta(days=7)
    return {slug: AskedBefore(asked_at=last, meetings_ago=1) for slug in BANK}


@pytest.mark.parametrize("history", ["first meeting", "everything asked last time"])
@pytest.mark.parametrize("relationship", RELATIONSHIPS)
@pytest.mark.parametrize("playbook_slug", sorted(PLAYBOOKS))
def test_each_segment_opens_on_its_lead(
    playbook_slug: str, relationship: str, history: str
) -> None:
    before = {} if history == "first meeting" else _everything_asked_last_time()
    model = _model(playbook_slug, relationship, before)
    now = T0 + timedelta(seconds=5)
    asked: list[str] = []
    for index, segment in enumerate(model.agenda.segments):
        if index:
            moved = model.next_segment(now)
            assert moved is not None
        question = model.current_question(now)
        where = f"{playbook_slug} / {relationship} / {segment.title}"
        suited_leads = [
            slug for slug in segment.lead if slug in BANK and BANK[slug].suits(relationship)
        ]
        if suited_leads:
            assert question is not None, where
            assert question.slug in suited_leads, f"{where}: opened on {question.slug}"
            if not before:
                assert question.slug == suited_leads[0], where
        if question is None:
            continue
        assert isinstance(question, Question)
        assert not question.follow_up, f"{where}: opened on a follow-up, {question.slug}"
        assert question.slug not in asked, f"{where}: {question.slug} was asked earlier"
        # The manager asks it, and looks through the rest of the segment's deck.
        assert model.ask(now) is not None
        asked.append(question.slug)
        seen = {question.slug}
        for _ in range(model.deck(now).position[1]):
            shown = model.deck(now).next()
            if shown is None or shown.slug in seen:
                break
            seen.add(shown.slug)
            assert shown.slug not in asked[:-1], f"{where}: {shown.slug} offered again"
        now += timedelta(seconds=30)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
@pytest.mark.parametrize("playbook_slug", sorted(PLAYBOOKS))
def test_follow_ups_come_only_after_an_ask(playbook_slug: str, relationship: str) -> None:
    model = _model(playbook_slug, relationship, {})
    now = T0 + timedelta(seconds=5)
    for index in range(len(model.agenda)):
        if index:
            model.next_segment(now)
        deck = model.deck(now)
        count = deck.position[1]
        offered = [deck.current] + [deck.next() for _ in range(max(count - 1, 0))]
        assert not [q.slug for q in offered if q is not None and q.follow_up]
        deck.next()  # back to the first
        if model.ask(now) is not None:
            follow = model.deck(now).next()
            categories = model.agenda[index].categories
            has_follow_ups = any(
                q.follow_up and q.category in categories and q.suits(relationship)
                for q in BANK.values()
            )
            if has_follow_ups:
                assert follow is not None and follow.follow_up, (
                    f"{playbook_slug} / {model.agenda[index].title}: after an ask, "
                    f"Next offers {follow.slug if follow else None}"
                )
        now += timedelta(seconds=30)


@pytest.mark.parametrize("playbook_slug", sorted(PLAYBOOKS))
def test_with_nothing_carried_over_follow_ups_rest_and_the_rest_open_as_usual(
    playbook_slug: str,
) -> None:
    quiet = _model(playbook_slug, "report", {}, carried=0)
    busy = _model(playbook_slug, "report", {}, carried=1)
    now = T0 + timedelta(seconds=5)
    for index, segment in enumerate(quiet.agenda.segments):
        if index:
            quiet.next_segment(now)
            busy.next_segment(now)
        shown = quiet.prompt_view(now)
        question = quiet.current_question(now)
        assert question is None or question.category != "follow-up", segment.title
        if set(segment.categories) == {"follow-up"}:
            assert shown.question == NOTHING_CARRIED
        elif (
            busy.current_question(now) is not None
            and busy.current_question(now).category != "follow-up"
        ):
            assert question is not None and question.slug == busy.current_question(now).slug
