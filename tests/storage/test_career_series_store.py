"""The career series' reads (``Store.career_histories``), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from tui1on1.domain.series import CareerHistory

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
# The questions that feed the career thread (the app passes the bank's).
CAREER_SLUGS = {"aspiration-where-next", "moonshot-wild", "plan-one-step"}


def meet(store, person, week, playbook, asked=(), live=False):
    start = T0 + timedelta(weeks=week)
    meeting, _ = store.start_meeting(person.id, playbook=playbook, planned_minutes=30, now=start)
    for slug in asked:
        store.record_question(meeting.id, slug=slug, text="?", elapsed_seconds=60, at=start)
    if not live:
        store.end_meeting(meeting.id, start + timedelta(minutes=30))
    return start


def test_each_persons_last_career_conversation_and_last_career_playbook(store):
    ada = store.add_person("Ada Lovelace")
    bob = store.add_person("Bob Ross")
    cy = store.add_person("Cy Young")
    store.add_person("Never Met")
    meet(store, ada, 0, "first")
    strengths = meet(store, ada, 3, "strengths")
    meet(store, ada, 4, "weekly", asked=["wellbeing-energy"])  # not a career question
    asked_career = meet(
        store, ada, 5, "weekly", asked=["wellbeing-energy", "aspiration-where-next"]
    )
    meet(store, ada, 6, "weekly")
    meet(store, bob, 0, "weekly")
    meet(store, bob, 1, "weekly", live=True)
    only_questions = meet(store, cy, 2, "weekly", asked=["aspiration-where-next"])

    histories = store.career_histories(CAREER_SLUGS)

    assert histories == {
        ada.id: CareerHistory(5, asked_career, "weekly", "strengths"),
        bob.id: CareerHistory(2, None, None, None),
        cy.id: CareerHistory(1, only_questions, "weekly", None),
    }
    assert histories[ada.id].last_at.tzinfo is not None
    assert store.career_histories(CAREER_SLUGS, ada.id) == {ada.id: histories[ada.id]}
    # without the career questions only the playbooks count
    assert store.career_histories(set(), ada.id)[ada.id] == CareerHistory(
        5, strengths, "strengths", "strengths"
    )


def test_a_first_1on1_is_a_career_conversation_only_with_a_career_question_asked(store):
    """Getting to know someone isn't a career conversation by itself: the
    first 1:1 starts the series (next comes aspiration) but counts as the
    last career conversation only when a career question was asked in it."""
    ada = store.add_person("Ada Lovelace")
    bo = store.add_person("Bo Chen")
    meet(store, ada, 0, "first", asked=["getting-to-know-story-so-far"])
    asked = meet(store, bo, 0, "first", asked=["aspiration-where-next"])

    histories = store.career_histories(CAREER_SLUGS | {"never-asked"})

    assert histories == {
        ada.id: CareerHistory(1, None, None, "first"),
        bo.id: CareerHistory(1, asked, "first", "first"),
    }


def test_home_reads_everyone_in_a_fixed_number_of_queries(store):
    people = [store.add_person(f"Person {n}") for n in range(30)]
    for n, person in enumerate(people):
        for week in range(n % 4):
            meet(store, person, week, ("weekly", "moonshot")[week % 2], asked=["moonshot-wild"])
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        histories = store.career_histories(CAREER_SLUGS)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(histories) == 22  # everyone met at least once
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3
