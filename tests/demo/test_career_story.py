"""The demo's career threads, read back from a database: each person's answers
fit the questions they answer and tell a story that moves over the year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from tui1on1.demo import career_words, generate
from tui1on1.domain.career import CareerThread
from tui1on1.domain.kinds import CareerElement
from tui1on1.questions import load_bank

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@dataclass
class Person:
    name: str
    relationship: str
    doc: dict  # the person's entry in the generated document
    thread: CareerThread


def _read(tmp: Path, **args: object) -> list[Person]:
    from tui1on1.storage.store import Store
    from tui1on1.storage.transfer import import_data

    doc = generate(now=NOW, **args)  # type: ignore[arg-type]  # keyword arguments of generate
    store = Store.open(f"sqlite:///{tmp / 'demo.db'}")
    try:
        import_data(store, doc)
        by_name = {p["name"]: p for p in doc["people"]}
        elements = {slug: q.element for slug, q in load_bank().questions.items()}
        return [
            Person(p.name, p.relationship.value, by_name[p.name], thread)
            for p in store.list_people(include_archived=True)
            if (thread := store.career_thread(p.id, elements))
        ]
    finally:
        store.close()


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> list[Person]:
    return _read(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def more_people(tmp_path_factory: pytest.TempPathFactory) -> list[Person]:
    """A second, larger roster from another seed, for claims about "most people"."""
    return _read(tmp_path_factory.mktemp("demo-more"), people=9, seed=3)


def reports(people: list[Person]) -> list[Person]:
    return [p for p in people if p.relationship == "report"]


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{\w+\}", template)
    return re.compile(".+".join(re.escape(part) for part in parts), re.IGNORECASE)


TEMPLATES = {e: [_pattern(t) for t in ts] for e, ts in career_words.ANSWERS.items()}
FIRST_WHY = [_pattern(t) for t in career_words.WHY_LEVELS[0]]


def reads_as(element: CareerElement, text: str) -> bool:
    return any(p.fullmatch(text) for p in TEMPLATES[element])


def test_answer_templates_are_told_apart_by_their_words() -> None:
    for element, templates in career_words.ANSWERS.items():
        for template in templates:
            fixed = re.sub(r"\{\w+\}", "", template).strip(" ,.;:")
            assert len(fixed) >= 12, template  # not just a slot, which would match anything
            others = [e for e in CareerElement if e is not element and reads_as(e, template)]
            assert not others, (template, others)


def test_every_person_has_a_thread_of_answers_to_that_elements_questions(
    people: list[Person], more_people: list[Person]
) -> None:
    bank = load_bank().questions
    elements_by_text: dict[str, set[CareerElement | None]] = {}
    for question in bank.values():
        elements_by_text.setdefault(question.text, set()).add(question.element)
    for person in people + more_people:
        if not person.doc["meetings"]:
            continue
        assert not person.thread.empty, person.name
        for element, entries in person.thread.timelines.items():
            assert entries, (person.name, element)
            for entry in entries:
                assert not entry.marked  # the demo marks nothing: every entry is an answer
                assert element in elements_by_text[entry.question], (entry.question, element)
                if person.relationship == "report":  # the story's words for that element
                    assert all(reads_as(element, n) for n in entry.notes), (element, entry.notes)
    # everyone who met for most of the year has talked about every element
    for person in reports(people):
        if len(person.doc["meetings"]) >= 30:
            assert set(person.thread.timelines) == set(CareerElement), person.name


def test_no_aside_or_other_segments_note_gets_into_the_thread(
    people: list[Person], more_people: list[Person]
) -> None:
    for person in people + more_people:
        asides = {
            n["text"]
            for m in person.doc["meetings"]
            for n in m["notes"]
            if n["kind"] in ("parked", "concern", "question", "win")
            or (n["action"] and n["action"]["owner"] == "me")
            or n["asked_question"] is None
        }
        for entries in person.thread.timelines.values():
            for entry in entries:
                assert not asides & set(entry.notes), (person.name, asides & set(entry.notes))


def test_the_aspiration_shifts_and_the_why_deepens_for_most_people(
    people: list[Person], more_people: list[Person]
) -> None:
    regulars = [p for p in reports(people + more_people) if len(p.doc["meetings"]) >= 20]
    assert len(regulars) >= 6
    shifted = deepened = 0
    for person in regulars:
        aspiration = person.thread.timeline(CareerElement.ASPIRATION)
        headlines = {e.headline.casefold() for e in aspiration}
        shift = [_pattern(t) for t in career_words.ASPIRATION_SHIFT]
        if len(headlines) > 1 and any(p.fullmatch(e.headline) for e in aspiration for p in shift):
            shifted += 1
        why = person.thread.timeline(CareerElement.WHY)
        if len(why) >= 3:
            first, latest = why[-1].headline, why[0].headline
            assert any(p.fullmatch(first) for p in FIRST_WHY), first  # starts at the surface
            deepened += not any(p.fullmatch(latest) for p in FIRST_WHY)
    assert shifted > len(regulars) / 2
    assert deepened > len(regulars) / 2


def test_current_values_differ_between_people(
    people: list[Person], more_people: list[Person]
) -> None:
    for roster in (people, more_people):
        currents = [
            tuple(
                (e.headline if (e := p.thread.current(element)) else "")
                for element in CareerElement
            )
            for p in reports(roster)
            if p.doc["meetings"]
        ]
        assert len(set(currents)) == len(currents)
        aspirations = [c[0] for c in currents if c[0]]
        assert len(set(aspirations)) > len(aspirations) / 2


def test_plan_steps_are_their_actions_done_before_the_next_is_agreed(
    people: list[Person], more_people: list[Person]
) -> None:
    with_done_and_next = 0
    for person in reports(people + more_people):
        steps = []
        texts = {e.answer for e in person.thread.timeline(CareerElement.PLAN)}
        for meeting in person.doc["meetings"]:
            for note in meeting["notes"]:
                if note["kind"] == "action" and note["asked_question"] and note["text"] in texts:
                    steps.append((meeting, note["action"]))
        for meeting, action in steps:
            assert action["owner"] == "them" and action["due"] > meeting["started_at"][:10]
        for (_m, before), (_n, after) in pairwise(steps):
            # the next step is agreed once the one before is done (or dropped)
            assert before["status"] in ("done", "dropped")
            assert before["closed_at"] < after["created_at"]
        statuses = [a["status"] for _m, a in steps]
        if "done" in statuses[:-1]:
            with_done_and_next += 1
    assert with_done_and_next > len(reports(people + more_people)) / 2
