"""The due date among the words that end an action: before or after its tags."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.grammar import EmptyLineError, parse_line
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.trailingdue import read_due

TODAY = date(2026, 12, 7)  # a Monday

# Readable @when forms and the day each gives on TODAY.
WHEN = {
    "@fri": date(2026, 12, 11),
    "@FRI": date(2026, 12, 11),
    "@+2w": date(2026, 12, 21),
    "@+3d": date(2026, 12, 10),
    "@+1m": date(2027, 1, 7),
    "@today": TODAY,
    "@tomorrow": date(2026, 12, 8),
    "@next-week": date(2026, 12, 14),
    "@dec-24": date(2026, 12, 24),
    "@5jan": date(2027, 1, 5),
    "@2027-03-01": date(2027, 3, 1),
    "@fri.": date(2026, 12, 11),  # punctuation after a date isn't part of it
}
MENTIONS = ("@sam", "@alex", "@jo")  # @words that are no date

_WORD_CHARS = st.characters(categories=["L", "N", "P", "S"])
# Not "@…", "#…" (the run's own words) nor "//…" (right after the prefix it means private).
TEXT_WORD = st.text(_WORD_CHARS, min_size=1, max_size=8).filter(
    lambda w: w[0] not in "@#" and not w.startswith("//")
)
TAG = st.text(st.characters(categories=["Ll", "Lu"]), min_size=1, max_size=6).map(lambda t: "#" + t)
GAP = st.sampled_from([" ", "  ", "\t", "\n"])


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("line", "text", "due"),
    [
        ("! draft a proposal @+2w #plan", "draft a proposal #plan", date(2026, 12, 21)),
        (
            "! send me your thesis abstract @fri #research",
            "send me your thesis abstract #research",
            date(2026, 12, 11),
        ),
        ("! draft it #plan @+2w", "draft it #plan", date(2026, 12, 21)),
        ("! draft it #a @fri #b #c", "draft it #a #b #c", date(2026, 12, 11)),
        ("! ask @sam about the review @fri", "ask @sam about the review", date(2026, 12, 11)),
        ("! ask @sam @fri", "ask @sam", date(2026, 12, 11)),
        ("! ask @fri @sam", "ask @sam", date(2026, 12, 11)),
        ("! ping @sam #x @fri", "ping @sam #x", date(2026, 12, 11)),
        ("!me book it @dec-24.", "book it", date(2026, 12, 24)),
        ("! #plan @fri", "#plan", date(2026, 12, 11)),  # the first word is the text
        ("! @sam @fri", "@sam", date(2026, 12, 11)),
        ("! @fri x @mon", "@fri x", date(2026, 12, 14)),
        # pasted: the run is at the end of the whole text
        (
            "! draft the plan\nwith owners @fri\n#budget",
            "draft the plan\nwith owners #budget",
            date(2026, 12, 11),
        ),
        ("! draft @fri\nthe plan", "draft @fri\nthe plan", None),
        # never a date: an email, an @word before the end, a lone @, a bad tag
        ("! mail bob@example.com #x", "mail bob@example.com #x", None),
        ("! ask @fri about it #x", "ask @fri about it #x", None),
        ("! ping @ #x", "ping @ #x", None),
        ("! fix it @fri #1", "fix it @fri #1", None),  # #1 is no tag: the run is empty
    ],
)
def test_the_date_among_the_last_words(line: str, text: str, due: date | None) -> None:
    parsed = parse_line(line, TODAY)
    assert parsed.kind is NoteKind.ACTION
    assert (parsed.text, parsed.due, parsed.due_error) == (text, due, None)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "! x @fri @mon",
            "'@fri' and '@mon' are both due dates, so none was used — keep the one you mean",
        ),
        (
            "! x @fri #a @+2w #b",
            "'@fri' and '@+2w' are both due dates, so none was used — keep the one you mean",
        ),
        (
            "! x @fri @mon @tue",
            "'@fri', '@mon' and '@tue' are all due dates, so none was used — keep the one you mean",
        ),
        (
            "! thank @alice",
            "couldn't read the due date '@alice' — try fri, +3d, next-week, dec-21 or 2026-12-21",
        ),
        (
            "! thank @alice @bob #x",
            "couldn't read the due date '@bob' — try fri, +3d, next-week, dec-21 or 2026-12-21",
        ),
        (
            "! renew @2026-12-01 #x",
            "'@2026-12-01' is in the past — a due date needs to be today or later",
        ),
    ],
)
def test_dates_at_the_end_that_are_not_used_say_why(line: str, message: str) -> None:
    parsed = parse_line(line, TODAY)
    assert parsed.text == line[2:]  # every word kept as typed
    assert parsed.due is None
    assert parsed.due_error == message


@pytest.mark.parametrize("line", ["! @fri", "! @fri #plan", "! @fri @mon", "!me @+3d #a #b"])
def test_a_date_with_no_text_is_not_an_action(line: str) -> None:
    with pytest.raises(EmptyLineError, match="an action needs some text before its due date"):
        parse_line(line, TODAY)


@settings(max_examples=300)
@given(
    words=st.lists(TEXT_WORD, min_size=1, max_size=5),
    before=st.lists(st.one_of(TAG, st.sampled_from(MENTIONS)), max_size=3),
    after=st.lists(st.one_of(TAG, st.sampled_from(MENTIONS)), max_size=3),
    when=st.sampled_from(sorted(WHEN)),
    gaps=st.lists(GAP, min_size=12, max_size=12),
    mine=st.booleans(),
)
def test_the_date_anywhere_in_the_trailing_run(
    words: list[str],
    before: list[str],
    after: list[str],
    when: str,
    gaps: list[str],
    mine: bool,
) -> None:
    parts = [*words, *before, when, *after]  # at most 12
    body = parts[0] + "".join(gap + part for gap, part in zip(gaps, parts[1:], strict=False))
    parsed = parse_line(f"{'!me' if mine else '!'} {body}", TODAY)
    assert parsed.kind is NoteKind.ACTION
    assert parsed.owner is (Owner.ME if mine else Owner.THEM)
    assert parsed.due == WHEN[when]
    assert parsed.due_error is None and parsed.due_warning is None
    assert _normal(parsed.text) == _normal(" ".join([*words, *before, *after]))
    expected_tags = dict.fromkeys(tag[1:].lower() for tag in [*before, *after] if tag[0] == "#")
    assert set(expected_tags) <= set(parsed.tags)


@settings(max_examples=200)
@given(
    head=st.lists(TEXT_WORD, min_size=1, max_size=4),
    tail=st.lists(TEXT_WORD, min_size=1, max_size=4),
    tags=st.lists(TAG, max_size=2),
    when=st.sampled_from(sorted(WHEN)),
)
def test_a_date_before_the_end_is_text_and_warned(
    head: list[str], tail: list[str], tags: list[str], when: str
) -> None:
    body = " ".join([*head, when, *tail, *tags])
    parsed = parse_line(f"! {body}", TODAY)
    assert parsed.due is None
    assert parsed.text == body
    assert parsed.due_warning is not None


@settings(max_examples=200)
@given(
    words=st.lists(TEXT_WORD, min_size=1, max_size=4),
    first=st.sampled_from(sorted(WHEN)),
    second=st.sampled_from(sorted(WHEN)),
    tags=st.lists(TAG, max_size=2),
)
def test_two_dates_at_the_end_are_never_guessed(
    words: list[str], first: str, second: str, tags: list[str]
) -> None:
    body = " ".join([*words, first, *tags, second])
    parsed = parse_line(f"! {body}", TODAY)
    assert (parsed.text, parsed.due) == (body, None)
    assert parsed.due_error is not None and "none was used" in parsed.due_error


# --- keep_due: an overdue action being edited keeps its date -------------------------


def test_keep_due_accepts_that_past_iso_date_only() -> None:
    overdue = TODAY - timedelta(days=14)
    line = f"! send the report @{overdue.isoformat()} #q4"
    assert parse_line(line, TODAY, keep_due=overdue).due == overdue
    assert parse_line(line, TODAY, keep_due=overdue).text == "send the report #q4"
    # without keep_due, or with another date, the past date is refused as usual
    for keep in (None, overdue - timedelta(days=1)):
        parsed = parse_line(line, TODAY, keep_due=keep)
        assert parsed.due is None
        assert parsed.due_error is not None and "in the past" in parsed.due_error
    # one-digit month and day name the same day
    assert parse_line("! x @2026-11-3", TODAY, keep_due=date(2026, 11, 3)).due == date(2026, 11, 3)


def test_keep_due_leaves_every_other_form_as_it_was() -> None:
    kept = TODAY - timedelta(days=3)
    assert parse_line("! x @fri", TODAY, keep_due=kept).due == date(2026, 12, 11)
    assert parse_line("! x @yesterday", TODAY, keep_due=kept).due is None
    assert parse_line("! x @2026-02-30", TODAY, keep_due=kept).due is None
    assert parse_line("! x", TODAY, keep_due=kept).due is None  # the date typed away: none


def test_read_due_on_its_own() -> None:
    read = read_due("draft it @fri #plan", TODAY)
    assert (read.text, read.due, read.error, read.several, read.no_text) == (
        "draft it #plan",
        date(2026, 12, 11),
        None,
        False,
        False,
    )
