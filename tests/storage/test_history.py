"""What was asked of a person before, and their career thread (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from query_plans import query_plans

from tui1on1.domain.kinds import CareerElement, NoteKind, Owner
from tui1on1.domain.records import Meeting, NewNote
from tui1on1.storage.errors import InvalidInput

T0 = datetime(2026, 1, 9, 9, 0, tzinfo=UTC)  # a Friday morning
WEEK = timedelta(days=7)

BANK = {
    "asp-lead": CareerElement.ASPIRATION,
    "asp-next": CareerElement.ASPIRATION,
    "why-matters": CareerElement.WHY,
    "moon-big": CareerElement.MOONSHOT,
    "str-energy": CareerElement.STRENGTH_USED,
    "plan-step": CareerElement.PLAN,
    "wb-week": None,
    "growth-room": None,
}

_uids = itertools.count()


def meetings(store, person_id: int, count: int, *, keep_last_live: bool = True) -> list[Meeting]:
    """``count`` weekly meetings, all ended except (by default) the last."""
    made = []
    for i in range(count):
        start = T0 + i * WEEK
        meeting, _ = store.start_meeting(
            person_id, playbook="weekly", planned_minutes=30, now=start
        )
        if i < count - 1 or not keep_last_live:
            store.end_meeting(meeting.id, start + timedelta(minutes=30))
        made.append(meeting)
    return made


def ask(store, meeting: Meeting, slug: str, minute: int = 10, text: str | None = None):
    return store.record_question(
        meeting.id,
        slug=slug,
        text=text or f"Question {slug}?",
        elapsed_seconds=minute * 60.0,
        at=meeting.started_at + timedelta(minutes=minute),
    )


def answer(
    store,
    meeting: Meeting,
    asked_id: int | None,
    text: str,
    minute: int = 11,
    kind: NoteKind = NoteKind.NOTE,
    **more,
):
    note, _ = store.add_note(
        NewNote(
            uid=f"note-{next(_uids)}",
            meeting_id=meeting.id,
            kind=kind,
            **more,
            text=text,
            asked_question_id=asked_id,
            created_at=meeting.started_at + timedelta(minutes=minute),
        )
    )
    return note


# --- question_history ----------------------------------------------------------


def test_the_memory_quotes_what_they_said_never_my_promise_or_a_why(store):
    person = store.add_person("Ada Lovelace", now=T0)
    (meeting,) = meetings(store, person.id, 1, keep_last_live=False)
    asked = ask(store, meeting, "asp-lead")
    answer(store, meeting, asked.id, "check promo timeline with HR", minute=11,
           kind=NoteKind.ACTION, action_owner=Owner.ME)  # fmt: skip
    answer(store, meeting, asked.id, "likes growing people", minute=12, answers_why=True)
    assert store.question_history(person.id, None)["asp-lead"].answer == ""
    aside = answer(store, meeting, asked.id, "remind me: book the room", minute=13)
    store.set_career_mark(aside.id, "none")  # taken out of the thread: not quoted either
    answer(store, meeting, asked.id, "wants to lead a team", minute=14, kind=NoteKind.QUOTE)
    assert store.question_history(person.id, None)["asp-lead"].answer == "wants to lead a team"


def test_question_history_across_meetings(store):
    person = store.add_person("Ada Lovelace", now=T0)
    m = meetings(store, person.id, 5)  # m[4] is the current, live meeting

    first = ask(store, m[0], "asp-lead")
    answer(store, m[0], first.id, "wants to run a team one day")
    third = ask(store, m[2], "asp-lead", minute=12)
    typo = answer(store, m[2], third.id, "wants to lead a taem", minute=13)
    store.delete_note(typo.id, m[2].started_at + timedelta(minutes=14))
    answer(store, m[2], third.id, "  wants to lead a team\nand mentor juniors", minute=15)
    answer(store, m[2], third.id, "a later note on the same question", minute=16)
    answer(store, m[2], None, "an unrelated note")

    previous = ask(store, m[3], "why-matters")
    now_asked = ask(store, m[4], "moon-big")
    unanswered_after_answered = ask(store, m[1], "str-energy")
    answer(store, m[1], unanswered_after_answered.id, "energised by debugging")
    ask(store, m[3], "str-energy")  # asked again, no answer this time

    history = store.question_history(person.id, m[4].id)

    assert set(history) == {"asp-lead", "why-matters", "moon-big", "str-energy"}
    assert "plan-step" not in history  # never asked: absent
    latest = history["asp-lead"]
    assert latest.asked_at == third.asked_at  # meeting 3, not meeting 1
    assert latest.meetings_ago == 2  # m[3] is 1 ago, m[2] is 2 ago
    assert latest.answer == "wants to lead a team"  # deleted typo skipped, first line only
    assert history["why-matters"].meetings_ago == 1
    assert history["why-matters"].asked_at == previous.asked_at
    assert history["why-matters"].answer == ""
    assert history["moon-big"].meetings_ago == 0
    assert history["moon-big"].asked_at == now_asked.asked_at
    # The answer belongs to the latest asking, which went unanswered.
    assert history["str-energy"].meetings_ago == 1
    assert history["str-energy"].answer == ""


def test_question_history_between_meetings_counts_from_the_last_one(store):
    person = store.add_person("Grace Hopper", now=T0)
    m = meetings(store, person.id, 3, keep_last_live=False)
    ask(store, m[2], "asp-lead")
    ask(store, m[0], "why-matters")

    history = store.question_history(person.id, None)

    assert history["asp-lead"].meetings_ago == 1
    assert history["why-matters"].meetings_ago == 3


def test_question_history_is_per_person(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    bob = store.add_person("Bob Kahn", now=T0)
    (ada_meeting,) = meetings(store, ada.id, 1)
    (bob_meeting,) = meetings(store, bob.id, 1)
    asked = ask(store, bob_meeting, "asp-lead")
    answer(store, bob_meeting, asked.id, "Bob's answer")

    assert store.question_history(ada.id, ada_meeting.id) == {}
    assert store.question_history(bob.id, bob_meeting.id)["asp-lead"].answer == "Bob's answer"


# --- career_thread -------------------------------------------------------------


def test_career_thread_keeps_every_entry_newest_first(store):
    person = store.add_person("Ada Lovelace", now=T0)
    other = store.add_person("Bob Kahn", now=T0)
    m = meetings(store, person.id, 4)
    (bob_meeting,) = meetings(store, other.id, 1)

    # Meeting 1: the first aspiration, a why, and a non-career answer.
    a1 = ask(store, m[0], "asp-lead", text="What's your career aspiration?")
    answer(store, m[0], a1.id, "wants to run a team one day")
    w1 = ask(store, m[0], "why-matters", minute=14, text="Why does that matter to you?")
    answer(store, m[0], w1.id, "likes growing people\nsaw a great lead once", minute=15)
    wb = ask(store, m[0], "wb-week", minute=2)
    answer(store, m[0], wb.id, "tired this week", minute=3)

    # Meeting 2: a newer aspiration; a plan asked but never answered;
    # a moonshot answer that was deleted.
    a2 = ask(store, m[1], "asp-next", text="Where do you want to be in two years?")
    answer(store, m[1], a2.id, "wants to lead a team")
    ask(store, m[1], "plan-step", minute=25)
    moon = ask(store, m[1], "moon-big", minute=18)
    gone = answer(store, m[1], moon.id, "run the whole company", minute=19)
    store.delete_note(gone.id, m[1].started_at + timedelta(minutes=20))

    # Meeting 3: why asked again, but its only answer was deleted; strengths
    # answered twice (one entry, read as its first note); an unknown slug and
    # a note that answers nothing.
    w2 = ask(store, m[2], "why-matters", minute=5)
    deleted_why = answer(store, m[2], w2.id, "not sure anymore", minute=6)
    store.delete_note(deleted_why.id, m[2].started_at + timedelta(minutes=7))
    s = ask(store, m[2], "str-energy", minute=8, text="When did you last lose track of time?")
    answer(store, m[2], s.id, "debugging production", minute=9)
    answer(store, m[2], s.id, "pairing with new joiners", minute=10)
    gone_slug = ask(store, m[2], "removed-from-bank", minute=11)
    answer(store, m[2], gone_slug.id, "an answer to a retired question", minute=12)
    answer(store, m[2], None, "a loose note", minute=13)

    # Someone else's answers never leak in.
    b = ask(store, bob_meeting, "moon-big")
    answer(store, bob_meeting, b.id, "Bob's moonshot")

    thread = store.career_thread(person.id, BANK)
    assert list(thread.timelines) == [
        CareerElement.ASPIRATION,
        CareerElement.WHY,
        CareerElement.STRENGTH_USED,
    ]
    aspiration = thread.timeline(CareerElement.ASPIRATION)
    assert [(e.answer, e.meeting_id) for e in aspiration] == [
        ("wants to lead a team", m[1].id),
        ("wants to run a team one day", m[0].id),
    ]
    now = aspiration[0]
    assert now.question == "Where do you want to be in two years?"
    assert now.answered_at == m[1].started_at + timedelta(minutes=11)
    assert now.answered_at.tzinfo is not None
    assert thread.before(now) is aspiration[1]
    (why,) = thread.timeline(CareerElement.WHY)
    assert why.answer == "likes growing people\nsaw a great lead once"  # full text
    assert why.headline == "likes growing people"
    assert why.question == "Why does that matter to you?"
    (strengths,) = thread.timeline(CareerElement.STRENGTH_USED)
    assert strengths.notes == ("debugging production", "pairing with new joiners")
    assert strengths.meeting_id == m[2].id
    assert thread.conversations == (m[2].id, m[1].id, m[0].id)
    # The latest career conversation set strengths for the first time.
    assert thread.change(CareerElement.STRENGTH_USED) == "new"
    assert thread.change(CareerElement.ASPIRATION) == ""


def test_marks_win_over_the_question_and_stay_in_the_thread(store):
    person = store.add_person("Ada Lovelace", now=T0)
    m = meetings(store, person.id, 2)
    a = ask(store, m[0], "asp-lead")
    first = answer(store, m[0], a.id, "wants to lead a team")
    aside = answer(store, m[0], a.id, "my reminder: book the room", minute=12)
    loose = answer(store, m[1], None, "would love to run the platform group", minute=3)
    store.set_career_mark(aside.id, "none")
    store.set_career_mark(loose.id, "aspiration")
    thread = store.career_thread(person.id, BANK)
    now, before = thread.timeline(CareerElement.ASPIRATION)
    assert (now.answer, now.marked, now.question) == (
        "would love to run the platform group",
        True,
        "",
    )
    assert before.notes == ("wants to lead a team",)
    assert thread.change(CareerElement.ASPIRATION) == "changed"
    store.set_career_mark(first.id, "moonshot")
    thread = store.career_thread(person.id, BANK)
    assert [e.answer for e in thread.timeline(CareerElement.MOONSHOT)] == ["wants to lead a team"]
    assert len(thread.timeline(CareerElement.ASPIRATION)) == 1
    store.set_career_mark(first.id, None)  # back to what the question says
    thread = store.career_thread(person.id, BANK)
    assert len(thread.timeline(CareerElement.ASPIRATION)) == 2
    with pytest.raises(InvalidInput):
        store.set_career_mark(first.id, "ambition")


def test_career_thread_empty_cases(store):
    person = store.add_person("Ada Lovelace", now=T0)
    assert store.career_thread(person.id, BANK).empty  # no meetings at all

    (meeting,) = meetings(store, person.id, 1)
    for i, slug in enumerate(("asp-lead", "why-matters", "plan-step")):
        ask(store, meeting, slug, minute=i + 1)  # asked, never answered
    wb = ask(store, meeting, "wb-week", minute=5)
    answer(store, meeting, wb.id, "fine")
    assert store.career_thread(person.id, BANK).empty

    a = ask(store, meeting, "asp-lead", minute=6)
    answer(store, meeting, a.id, "wants to lead a team", minute=7)
    assert store.career_thread(person.id, {}).empty  # no bank: nothing to map
    assert store.career_thread(person.id, {"wb-week": None}).empty
    assert list(store.career_thread(person.id, BANK).timelines) == [CareerElement.ASPIRATION]


def test_career_thread_reads_the_career_notes_alone_however_many_meetings(store):
    """Two reads whatever the history's length: the marked notes from their
    own index, the answers from the askings of career questions; never every
    note with the person (on SQLite, the query plans say so)."""
    person = store.add_person("Ada Lovelace", now=T0)
    m = meetings(store, person.id, 12)
    for i, meeting in enumerate(m):
        for j, slug in enumerate(("asp-lead", "why-matters", "str-energy", "growth-room")):
            asked = ask(store, meeting, slug, minute=2 + 3 * j)
            answer(store, meeting, asked.id, f"{slug} answer {i}", minute=3 + 3 * j)
        answer(store, meeting, None, f"small talk {i}", minute=20)
    used = CareerElement.STRENGTH_USED.value
    answer(store, m[3], None, "wants to mentor", minute=25, career=used)

    threads = []
    plans = query_plans(store, lambda: threads.append(store.career_thread(person.id, BANK)))
    [thread] = threads

    assert len(plans) == 2
    if store.dialect == "sqlite":
        steps = [step for plan in plans for step in plan]
        assert not [s for s in steps if "note" in s and "ix_note_meeting_id_id" in s], plans
        assert "SEARCH note USING INDEX ix_note_career_meeting_id (meeting_id=?)" in steps
        assert "SEARCH note USING INDEX ix_note_asked_question_id (asked_question_id=?)" in steps
    assert [
        (e, thread.timeline(e)[0].answer, len(thread.timeline(e))) for e in thread.timelines
    ] == [
        (CareerElement.ASPIRATION, "asp-lead answer 11", 12),
        (CareerElement.WHY, "why-matters answer 11", 12),
        (CareerElement.STRENGTH_USED, "str-energy answer 11", 13),
    ]
    marked = [e for e in thread.timeline(CareerElement.STRENGTH_USED) if e.marked]
    assert [(e.answer, e.meeting_id) for e in marked] == [("wants to mentor", m[3].id)]
