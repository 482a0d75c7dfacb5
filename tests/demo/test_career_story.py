"""The demo's career threads, read back from a database: each person's answers
fit the questions they answer and tell a story that moves over the year, at the
pace a manager would come back to it, in words that vary like real notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations, pairwise
from pathlib import Path

import pytest

from tui1on1.demo import career_lines, career_words, generate, slot_words
from tui1on1.demo.career_lines import STRENGTH_DRAINING_QUOTES
from tui1on1.domain.career import CareerEntry, CareerThread
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


TEMPLATES = {e: [_pattern(t) for t in ts] for e, ts in career_lines.ANSWERS.items()}
FIRST_WHY = [_pattern(t) for t in (*career_lines.WHY_LEVELS[0], *career_lines.WHY_QUOTES[0])]
SHIFT = [
    _pattern(t) for t in (*career_lines.ASPIRATION_SHIFT, *career_lines.ASPIRATION_SHIFT_QUOTES)
]


def reads_as(element: CareerElement, text: str) -> bool:
    return any(p.fullmatch(text) for p in TEMPLATES[element])


def test_answer_templates_are_told_apart_by_their_words() -> None:
    for element, templates in career_lines.ANSWERS.items():
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
                if entry.marked:  # said in passing, marked by the manager: no question
                    assert entry.question == "" and not entry.after_why
                elif entry.after_why:  # typed after a Why? on an aspiration or moonshot answer
                    asked = elements_by_text[entry.question]
                    assert asked & {CareerElement.ASPIRATION, CareerElement.MOONSHOT}, asked
                else:
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
        asides = {  # (meeting start, text): the same words may answer in another meeting
            (datetime.fromisoformat(m["started_at"]), n["text"])
            for m in person.doc["meetings"]
            for n in m["notes"]
            if n["kind"] in ("parked", "concern", "question", "win")
            or (n["action"] and n["action"]["owner"] == "me")
            or (n["asked_question"] is None and not n.get("career"))
        }
        for entries in person.thread.timelines.values():
            for entry in entries:
                said = {(entry.meeting_started, text) for text in entry.notes}
                assert not asides & said, (person.name, asides & said)


def test_the_aspiration_shifts_and_the_why_deepens_for_most_people(
    people: list[Person], more_people: list[Person]
) -> None:
    regulars = [p for p in reports(people + more_people) if len(p.doc["meetings"]) >= 20]
    assert len(regulars) >= 6
    shifted = deepened = 0
    for person in regulars:
        aspiration = person.thread.timeline(CareerElement.ASPIRATION)
        headlines = {e.headline.casefold() for e in aspiration}
        if len(headlines) > 1 and any(p.fullmatch(e.headline) for e in aspiration for p in SHIFT):
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


def regulars(people: list[Person]) -> list[Person]:
    """Reports met over most of the year."""
    return [p for p in reports(people) if len(p.doc["meetings"]) >= 20]


def test_no_element_says_the_same_thing_twice_in_a_row(
    people: list[Person], more_people: list[Person]
) -> None:
    """Said again, a thing is said in other words (a real note restates, it
    doesn't copy): no two entries in a row have the same headline."""
    for person in people + more_people:
        for element, entries in person.thread.timelines.items():
            for newer, older in pairwise(entries):
                assert newer.headline.casefold() != older.headline.casefold(), (
                    person.name, element, newer.headline
                )  # fmt: skip


def test_the_career_comes_up_at_a_managers_pace_not_every_week(
    people: list[Person], more_people: list[Person]
) -> None:
    for person in regulars(people + more_people):
        meetings = len(person.doc["meetings"])
        count = {e: len(person.thread.timeline(e)) for e in CareerElement}
        assert 4 <= count[CareerElement.ASPIRATION] <= 16, (person.name, count)
        assert 2 <= count[CareerElement.WHY] <= 9, (person.name, count)  # a handful a year
        assert 1 <= count[CareerElement.MOONSHOT] <= 8, (person.name, count)
        for element in (CareerElement.STRENGTH_USED, CareerElement.STRENGTH_UNUSED):
            assert 1 <= count[element] <= 8, (person.name, element, count)
        # the plan step when one is agreed or checked on, not every week
        assert count[CareerElement.PLAN] <= max(18, meetings / 2), (person.name, count)
        assert len(person.thread.conversations) < meetings, person.name


def test_a_why_comes_from_why_questions_and_from_why_follow_ups(
    people: list[Person], more_people: list[Person]
) -> None:
    elements = {slug: q.element for slug, q in load_bank().questions.items()}
    for person in regulars(people + more_people):
        why = person.thread.timeline(CareerElement.WHY)
        assert any(e.after_why for e in why), person.name
        assert any(not e.after_why and not e.marked for e in why), person.name
    for person in people + more_people:
        for meeting in person.doc["meetings"]:
            asked = {q["key"]: q for q in meeting["asked_questions"]}
            for note in meeting["notes"]:
                if note.get("answers_why"):  # typed after ctrl+y on the question it links to
                    question = asked[note["asked_question"]]
                    assert question["followups"] >= 1
                    assert elements[question["slug"]] in (
                        CareerElement.ASPIRATION, CareerElement.MOONSHOT
                    )  # fmt: skip
                    assert note["kind"] in ("note", "quote")


FIRST_PERSON = re.compile(r"\b(I|I'm|I'd|I've|me|my)\b")


def test_some_answers_are_in_their_own_words(
    people: list[Person], more_people: list[Person]
) -> None:
    quoted = 0
    for person in regulars(people + more_people):
        quotes = {
            n["text"] for m in person.doc["meetings"] for n in m["notes"] if n["kind"] == "quote"
        }
        said = [
            e.answer
            for el in CareerElement
            for e in person.thread.timeline(el)
            if e.answer in quotes
        ]
        assert all(FIRST_PERSON.search(text) for text in said), said
        quoted += bool(said)
    assert quoted == len(regulars(people + more_people))


def test_the_manager_marks_a_remark_made_in_passing_now_and_then(
    people: list[Person], more_people: list[Person]
) -> None:
    marked_people = 0
    for person in reports(people + more_people):
        notes = {n["text"]: n for m in person.doc["meetings"] for n in m["notes"]}
        marked = [e for el in CareerElement for e in person.thread.timeline(el) if e.marked]
        for entry in marked:
            note = notes[entry.answer]
            assert note["career"] == entry.element.value and note["asked_question"] is None
        assert len(marked) <= len(person.doc["meetings"]) / 4, person.name  # now and then
        marked_people += bool(marked)
    assert marked_people > len(reports(people + more_people)) / 2


# --- what a manager reading the threads would catch, over several seeds ------------


@pytest.fixture(scope="module")
def rosters(tmp_path_factory: pytest.TempPathFactory) -> list[list[Person]]:
    """The default roster of five under several seeds: each a team a manager reads."""
    return [
        reports(_read(tmp_path_factory.mktemp(f"demo-seed{seed}"), seed=seed))
        for seed in (7, 3, 11, 20)
    ]


def _entries(person: Person, *elements: CareerElement) -> list[CareerEntry]:
    return [e for el in elements for e in person.thread.timeline(el)]


def test_no_two_people_share_a_moonshot(rosters: list[list[Person]]) -> None:
    for team in rosters:
        dreams = [
            {
                shot
                for e in _entries(person, CareerElement.MOONSHOT)
                for text in e.notes
                for shot in career_words.MOONSHOTS
                if shot.casefold() in text.casefold()
            }
            for person in team
        ]
        assert all(dreams), [p.name for p in team]
        for (a, mine), (b, theirs) in combinations(zip(team, dreams, strict=True), 2):
            assert not mine & theirs, (a.name, b.name, mine & theirs)


def test_a_line_that_sounds_like_one_person_is_heard_from_two_at_most(
    rosters: list[list[Person]],
) -> None:
    voiced = {t for group in career_lines.VOICED for t in group}
    for stock in (  # what the reader caught recurring: now dealt out, not everyone's
        "take away {value} and I'd be looking elsewhere, honestly",
        "if you asked me today I'd say {goal}",
        "wants to try a slice of it first",
        "why {goal}: same root as before, {value}",
    ):
        assert stock in voiced
    patterns = {t: _pattern(t) for t in voiced}
    for team in rosters:
        heard: dict[str, set[str]] = {}
        for person in team:
            for entry in _entries(person, *CareerElement):
                for text in entry.notes:
                    for template, pattern in patterns.items():
                        if pattern.fullmatch(text):
                            heard.setdefault(template, set()).add(person.name)
        assert heard  # people do speak in their own voice
        assert all(len(names) <= 2 for names in heard.values()), heard


def test_a_strength_answer_fits_its_question(rosters: list[list[Person]]) -> None:
    slugs = {q.text: slug for slug, q in load_bank().questions.items()}
    drains = [_pattern(t) for t in (*career_lines.STRENGTH_DRAINING, *STRENGTH_DRAINING_QUOTES)]
    for team in rosters:
        for person in team:
            for entry in _entries(
                person, CareerElement.STRENGTH_USED, CareerElement.STRENGTH_UNUSED
            ):
                if entry.marked or entry.after_why:
                    continue
                slug = slugs[entry.question]
                if slug == "strengths-draining-work":  # the work that drains them
                    fits = drains
                elif entry.element is CareerElement.STRENGTH_UNUSED:  # an idle strength
                    fits = [_pattern(t) for t in _lines(career_lines.STRENGTH_UNUSED, slug)]
                else:
                    fits = [_pattern(t) for t in _lines(career_lines.STRENGTH_USED, slug)]
                    fits += [_pattern(t) for t in career_lines.STRENGTH_NOW_USED]
                assert any(p.fullmatch(entry.answer) for p in fits), (entry.question, entry.answer)


def _lines(by_slug: dict[str, tuple[tuple[str, ...], tuple[str, ...]]], slug: str) -> list[str]:
    notes, quotes = by_slug.get(slug, by_slug[""])
    return [*notes, *quotes]


def test_strengths_fit_the_role_and_one_put_to_use_is_not_called_idle(
    rosters: list[list[Person]],
) -> None:
    skills = slot_words.SLOTS["skill"]
    drains = [_pattern(t) for t in (*career_lines.STRENGTH_DRAINING, *STRENGTH_DRAINING_QUOTES)]
    steps = {_pattern(t): skill for t, skill in career_words.STEP_SKILLS.items()}
    for team in rosters:
        for person in team:
            fitting = career_words.skills_for(person.doc["role"])
            done = {  # the strength each done step put to work -> when it was done
                skill: datetime.fromisoformat(n["action"]["closed_in_meeting"])
                for m in person.doc["meetings"]
                for n in m["notes"]
                if n["action"] and n["action"]["status"] == "done"
                for pattern, skill in steps.items()
                if pattern.fullmatch(n["text"])
            }
            for entry in _entries(
                person, CareerElement.STRENGTH_USED, CareerElement.STRENGTH_UNUSED
            ):
                if any(p.fullmatch(entry.answer) for p in drains) or entry.marked:
                    continue
                text = entry.answer.casefold()
                for name in (
                    *slot_words.SLOTS["project"],
                    *slot_words.SLOTS["area"],
                ):  # not a strength
                    text = text.replace(name.casefold(), "")
                named = [s for s in skills if s.casefold() in text]
                assert set(named) <= set(fitting), (person.doc["role"], entry.answer)
                if entry.element is CareerElement.STRENGTH_UNUSED:
                    for skill in named:
                        since = done.get(skill)
                        assert since is None or entry.meeting_started < since, (
                            person.name, entry.answer, since,
                        )  # fmt: skip


STRAY = re.compile(
    r"[{}]|\b(done|dropped|open) (ask|write|run|mentor|shadow|lead|take|read|cover|own|"
    r"present|draft|join|map|review|cut|submit|record|pick|pair|do|sit|spend|agree)\b",
    re.IGNORECASE,
)


def test_no_note_reads_as_a_template_left_over(rosters: list[list[Person]]) -> None:
    for team in rosters:
        for person in team:
            for entry in _entries(person, *CareerElement):
                stray = [text for text in entry.notes if STRAY.search(text)]
                assert not stray, (person.name, stray)
