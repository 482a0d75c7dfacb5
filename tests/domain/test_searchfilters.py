from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.searchfilters import parse_search_input


def test_filters_and_words_are_told_apart():
    parsed = parse_search_input("lead team person:ada kind:quote #Growth since:2026-01-01")
    assert parsed.text == "lead team"
    assert parsed.person == "ada" and parsed.kind is NoteKind.QUOTE and parsed.tag == "growth"
    assert parsed.since == date(2026, 1, 1) and parsed.until is None and not parsed.problems


@pytest.mark.parametrize("raw", ["kind:nonsense mentoring", "since:yesterday mentoring"])
def test_an_unreadable_filter_stays_in_the_text_and_is_reported(raw):
    parsed = parse_search_input(raw)
    assert parsed.text == raw and len(parsed.problems) == 1


def test_person_names_with_spaces_use_underscores_and_plain_colons_are_text():
    assert parse_search_input("person:ada_lovelace").person == "ada lovelace"
    assert parse_search_input("ratio 3:2").text == "ratio 3:2"


@given(st.text())
def test_any_text_parses_without_raising(raw):
    parse_search_input(raw)
