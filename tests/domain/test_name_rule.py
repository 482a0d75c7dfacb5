"""The one rule for finding a person by a typed name (domain.people.match_name)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui1on1.domain.people import (
    NameMatchKind,
    fold_name,
    match_name,
    rule_matches,
    taken_problem,
    unresolved_message,
)
from tui1on1.domain.records import Person

PEOPLE = [
    Person(1, "Priya Raman", role="Staff engineer"),
    Person(2, "Zoë Müller"),
    Person(3, "Ada Lovelace"),
    Person(4, "Alan Kay", archived=True),
    Person(5, "Jean-Luc Picard"),
    Person(6, "Ada"),
    Person(7, "Grace Hopper"),
]


@pytest.mark.parametrize(
    ("typed", "kind", "found"),
    [
        ("Priya Raman", NameMatchKind.EXACT, "Priya Raman"),
        ("  priya   RAMAN ", NameMatchKind.EXACT, "Priya Raman"),
        ("zoe muller", NameMatchKind.EXACT, "Zoë Müller"),  # accents ignored
        ("ZOË MÜLLER", NameMatchKind.EXACT, "Zoë Müller"),
        ("ada", NameMatchKind.EXACT, "Ada"),  # the exact name beats "Ada Lovelace"
        ("priya", NameMatchKind.START, "Priya Raman"),
        ("pri", NameMatchKind.START, "Priya Raman"),
        ("PRI", NameMatchKind.START, "Priya Raman"),
        ("raman", NameMatchKind.START, "Priya Raman"),  # the start of a later word
        ("priya r", NameMatchKind.START, "Priya Raman"),  # the start of the whole name
        ("zoe", NameMatchKind.START, "Zoë Müller"),
        ("mull", NameMatchKind.START, "Zoë Müller"),
        ("MÜL", NameMatchKind.START, "Zoë Müller"),
        ("luc", NameMatchKind.START, "Jean-Luc Picard"),  # words split at punctuation
        ("kay", NameMatchKind.START, "Alan Kay"),  # archived people match too
        ("lovelace", NameMatchKind.START, "Ada Lovelace"),
    ],
)
def test_a_name_finds_one_person(typed, kind, found):
    match = match_name(PEOPLE, typed)
    assert match.kind is kind
    assert match.person is not None and match.person.name == found
    assert match.found and match.candidates == ()


def test_several_people_starting_that_way_are_ambiguous_and_sorted():
    match = match_name(PEOPLE, "a")
    assert match.kind is NameMatchKind.AMBIGUOUS and match.person is None
    assert [p.name for p in match.candidates] == ["Ada", "Ada Lovelace", "Alan Kay"]
    assert unresolved_message(match) == (
        "'a' could be several people: Ada, Ada Lovelace, Alan Kay (archived); give more of the name"
    )


def test_a_name_nobody_has_is_unknown():
    for typed in ("Nobody", "aman", "iya", "", "   ", "-"):
        match = match_name(PEOPLE, typed)
        assert match.kind is NameMatchKind.UNKNOWN and match.person is None, typed
        assert match.candidates == ()
    assert unresolved_message(match_name(PEOPLE, "Nobody")) == "there is no one called Nobody"
    assert unresolved_message(match_name(PEOPLE, "Nobody"), add_hint="run X") == (
        "there is no one called Nobody; run X"
    )


def test_two_names_that_differ_only_by_accents():
    people = [Person(1, "Zoe Adams"), Person(2, "Zoë Adams")]
    assert match_name(people, "zoë adams").person == people[1]
    assert match_name(people, "ZOE ADAMS").person == people[0]
    match = match_name(people, "Zoe")
    assert match.kind is NameMatchKind.AMBIGUOUS
    assert [p.id for p in match.candidates] == [1, 2]


def test_the_message_is_safe_for_a_terminal_and_short():
    many = [Person(i, f"Sam {chr(65 + i)}") for i in range(9)]
    message = unresolved_message(match_name(many, "sam"))
    assert message == (
        "'sam' could be several people: Sam A, Sam B, Sam C, Sam D, Sam E, Sam F, "
        "and 3 more; give more of the name"
    )
    hostile = unresolved_message(match_name(PEOPLE, "x\x1b[2Jy"))
    assert "\x1b" not in hostile and "\\x1b" in hostile


def test_the_picker_order_puts_exact_names_then_word_starts():
    assert [p.name for p in rule_matches(PEOPLE, "ada")] == ["Ada", "Ada Lovelace"]
    assert [p.name for p in rule_matches(PEOPLE, "a")] == ["Ada", "Ada Lovelace", "Alan Kay"]
    assert [p.name for p in rule_matches(PEOPLE, "zoe")] == ["Zoë Müller"]
    assert rule_matches(PEOPLE, "") == [] and rule_matches(PEOPLE, "qq") == []


def test_fold_name():
    assert fold_name("  Zoë   Müller ") == "zoe muller"
    assert fold_name("Søren Łukasz") == "soren lukasz"
    assert fold_name("STRASSE") == fold_name("Straße")


@given(st.lists(st.text(min_size=1, max_size=12), max_size=6), st.text(max_size=12))
def test_any_names_and_any_typing_give_one_of_the_four_answers(names, typed):
    people = [Person(i, name) for i, name in enumerate(names)]
    match = match_name(people, typed)
    if match.kind in (NameMatchKind.EXACT, NameMatchKind.START):
        assert match.person in people and not match.candidates
    elif match.kind is NameMatchKind.AMBIGUOUS:
        assert match.person is None and len(match.candidates) >= 2
    else:
        assert match.person is None and not match.candidates
    # A person found is found again by their own full name.
    if match.person is not None:
        again = match_name(people, match.person.name)
        assert again.person == match.person or again.kind is NameMatchKind.AMBIGUOUS


@dataclass(frozen=True)
class _On:
    name: str
    archived: bool = False


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("Priya Shah", None),
        ("Grace", None),
        ("priya raman", "there is already someone called Priya Raman"),
        ("Zoe Muller", "there is already someone called Zoë Müller"),
        ("Priya", "'Priya' already finds Priya Raman; give the new person's full name"),
        ("ram", "'ram' already finds Priya Raman; give the new person's full name"),
        ("p", "'p' already finds Pritam Das, Priya Raman; give the new person's full name"),
    ],
)
def test_a_name_the_rule_finds_someone_by_is_taken(typed, problem):
    on_file = [_On("Priya Raman"), _On("Pritam Das"), _On("Zoë Müller", archived=True)]
    assert taken_problem(match_name(on_file, typed)) == problem
