"""The career thread's rows: dates, first lines, shortening and escaping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tui1on1.domain.career import (
    CAREER_CATEGORIES,
    MAX_ANSWER_CHARS,
    CareerEntry,
    first_line,
    format_thread,
    shorten,
)

TODAY = date(2026, 11, 20)


def entry(category: str, answer: str, when: datetime | None = None) -> CareerEntry:
    return CareerEntry(
        category=category,
        answer=answer,
        answered_at=when or datetime(2026, 10, 12, 9, 30, tzinfo=UTC),
        question="What's your career aspiration?",
        meeting_id=7,
    )


def test_rows_have_title_date_and_first_line():
    rows = format_thread(
        [
            entry("aspiration", "wants to lead a team\nmaybe within two years"),
            entry("why", "  \n  likes growing people  \n", datetime(2026, 3, 2, 8, tzinfo=UTC)),
            entry("plan", "shadow the lead", datetime(2025, 12, 30, 8, tzinfo=UTC)),
        ],
        TODAY,
        tz=UTC,
    )
    assert rows == [
        ("Aspiration", "12 Oct: wants to lead a team"),
        ("Why", "2 Mar: likes growing people"),
        ("Plan", "30 Dec 2025: shadow the lead"),  # another year: the year is shown
    ]


def test_every_career_category_has_a_short_title():
    rows = format_thread([entry(c, "x") for c in CAREER_CATEGORIES], TODAY, tz=UTC)
    assert [title for title, _ in rows] == ["Aspiration", "Why", "Moonshot", "Strengths", "Plan"]


def test_dates_are_shown_in_the_given_time_zone():
    late = datetime(2026, 10, 12, 23, 30, tzinfo=UTC)
    (row,) = format_thread([entry("moonshot", "a lab")], TODAY, tz=UTC)
    (east,) = format_thread(
        [entry("moonshot", "a lab", late)], TODAY, tz=timezone(timedelta(hours=2))
    )
    assert row[1] == "12 Oct: a lab"
    assert east[1] == "13 Oct: a lab"


def test_no_entries_no_rows():
    assert format_thread([], TODAY) == []


def test_long_answers_are_shortened_with_an_ellipsis():
    words = "wants to lead a platform team that owns the build system and the release train " * 2
    ((_, text),) = format_thread([entry("aspiration", words)], TODAY, tz=UTC)
    shown = text.removeprefix("12 Oct: ")
    assert shown.endswith("…")
    assert len(shown) <= MAX_ANSWER_CHARS
    assert words.startswith(shown[:-1])
    assert not shown[:-1].endswith(" ")  # cut on a word boundary, no dangling space


def test_shorten():
    assert shorten("x" * MAX_ANSWER_CHARS) == "x" * MAX_ANSWER_CHARS
    assert shorten("x" * (MAX_ANSWER_CHARS + 1)) == "x" * (MAX_ANSWER_CHARS - 1) + "…"
    assert shorten("abcdefgh ijklmnop", limit=12) == "abcdefgh…"  # a space near the end
    assert shorten("one two three four", limit=12) == "one two thr…"  # too far back
    assert shorten("abcdefghij klmnop", limit=12) == "abcdefghij…"


@pytest.mark.parametrize(
    "text, first",
    [
        ("one\ntwo", "one"),
        ("\r\n one \r\ntwo", "one"),
        ("tab\tinside", "tab\tinside"),
        ("a\x1eb\nc", "a\x1eb"),  # only real line breaks split
    ],
)
def test_first_line(text, first):
    assert first_line(text) == first


def test_control_characters_are_escaped():
    nasty = "wants \x1b[31mred\x1b[0m and \u202eevil\tthings\nsecond line \x07"
    ((_, text),) = format_thread([entry("strengths", nasty)], TODAY, tz=UTC)
    assert text == "12 Oct: wants \\x1b[31mred\\x1b[0m and \\u202eevil\\x09things"
    assert "\x1b" not in text and "\u202e" not in text


def test_escaping_counts_towards_the_length():
    ((_, text),) = format_thread([entry("plan", "\x1b" * 100)], TODAY, tz=UTC)
    shown = text.removeprefix("12 Oct: ")
    assert len(shown) <= MAX_ANSWER_CHARS and shown.endswith("…")
    assert "\x1b" not in shown
