"""Words in an action that look like a due date but aren't one: a calm warning."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.datewords import due_warning
from tui1on1.domain.grammar import parse_line
from tui1on1.domain.kinds import NoteKind

TODAY = date(2026, 12, 7)  # a Monday
FRIDAY = date(2026, 12, 11)


def test_fixed_today_is_a_monday() -> None:
    assert TODAY.weekday() == 0


def _set(seen: str, form: str) -> str:
    return f'no due date: "{seen}" isn\'t read as one — write {form} in its place to set it'


def _either(seen: str, days: str, forms: str) -> str:
    return (
        f'no due date: "{seen}" could be {days}, so it isn\'t read as one'
        f" — write {forms} in its place, whichever you mean"
    )


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("draft a proposal in 2 weeks", _set("in 2 weeks", "@+2w (Mon 21 Dec)")),
        ("draft it In Two Weeks", _set("In Two Weeks", "@+2w (Mon 21 Dec)")),
        ("review in a week", _set("in a week", "@+1w (Mon 14 Dec)")),
        ("check in 3 days", _set("in 3 days", "@+3d (Thu 10 Dec)")),
        ("revisit within a month", _set("within a month", "@+1m (Thu 7 Jan 2027)")),
        ("decide in a fortnight", _set("in a fortnight", "@+2w (Mon 21 Dec)")),
        (
            "send it next friday",
            _either("next friday", "Fri 11 Dec or Fri 18 Dec", "@friday or @dec-18"),
        ),
        ("send it by fri", _set("by fri", "@fri (Fri 11 Dec)")),
        ("send it by Friday.", _set("by Friday", "@friday (Fri 11 Dec)")),
        ("call on monday", _set("on monday", "@monday (Mon 14 Dec)")),
        ("demo this thursday", _set("this thursday", "@thursday (Thu 10 Dec)")),
        ("demo this coming thu", _set("this coming thu", "@thu (Thu 10 Dec)")),
        ("share it until wed", _set("until wed", "@wed (Wed 9 Dec)")),
        ("send the deck friday", _set("friday", "@friday (Fri 11 Dec)")),
        ("send the deck Friday #plan", _set("Friday", "@friday (Fri 11 Dec)")),
        ("reply tomorrow", _set("tomorrow", "@tomorrow (Tue 8 Dec)")),
        ("reply the day after tomorrow", _set("the day after tomorrow", "@+2d (Wed 9 Dec)")),
        ("reply today", _set("today", "@today (Mon 7 Dec)")),
        ("reply tonight", _set("tonight", "@today (Mon 7 Dec)")),
        ("reply EOD", _set("EOD", "@today (Mon 7 Dec)")),
        ("reply by end of day", _set("end of day", "@today (Mon 7 Dec)")),
        ("reply cob", _set("cob", "@today (Mon 7 Dec)")),
        ("finish eow", _set("eow", "@fri (Fri 11 Dec)")),
        ("finish by the end of the week", _set("end of the week", "@fri (Fri 11 Dec)")),
        ("finish end of week", _set("end of week", "@fri (Fri 11 Dec)")),
        ("finish this week", _set("this week", "@fri (Fri 11 Dec)")),
        ("finish by end of next week", _set("end of next week", "@dec-18 (Fri 18 Dec)")),
        ("finish next week", _set("next week", "@next-week (Mon 14 Dec)")),
        ("close the books eom", _set("eom", "@dec-31 (Thu 31 Dec)")),
        ("close by the end of the month", _set("end of the month", "@dec-31 (Thu 31 Dec)")),
        ("close by end of month", _set("end of month", "@dec-31 (Thu 31 Dec)")),
        (
            "plan it next month",
            'no due date: "next month" isn\'t read as one — write a date in its place, '
            "like @+1m (Thu 7 Jan 2027)",
        ),
        (
            "fix it asap",
            'no due date: "asap" isn\'t a date — end the action with one, like @today or @tomorrow',
        ),
        ("renew 2026-12-20", _set("2026-12-20", "@2026-12-20 (Sun 20 Dec)")),
        ("renew 2027/01/05", _set("2027/01/05", "@2027-01-05 (Tue 5 Jan 2027)")),
        ("renew dec 20", _set("dec 20", "@dec-20 (Sun 20 Dec)")),
        ("renew December 20th", _set("December 20th", "@dec-20 (Sun 20 Dec)")),
        ("renew 20th december", _set("20th december", "@dec-20 (Sun 20 Dec)")),
        ("renew the 20th of Dec", _set("the 20th of Dec", "@dec-20 (Sun 20 Dec)")),
        ("renew 20 dec", _set("20 dec", "@dec-20 (Sun 20 Dec)")),
        ("renew 5th may", _set("5th may", "@may-5 (Wed 5 May 2027)")),
        ("renew may 5", _set("may 5", "@may-5 (Wed 5 May 2027)")),
        ("renew 5 dec", _set("5 dec", "@dec-5 (Sun 5 Dec 2027)")),  # gone by: next year
        (
            "renew 3/2",
            _either("3/2", "Wed 3 Feb 2027 or Tue 2 Mar 2027", "@feb-3 or @mar-2"),
        ),
        # 5 Dec went by two days ago: a reference, not next year's; 12 May is left
        ("renew 5/12", _set("5/12", "@may-12 (Wed 12 May 2027)")),
        ("renew 9/12", _set("9/12", "@dec-9 (Wed 9 Dec)")),  # 12 Sep went by in September
        (
            "renew 2.3.",
            _either("2.3.", "Tue 2 Mar 2027 or Wed 3 Feb 2027", "@mar-2 or @feb-3"),
        ),
        (
            "renew by 3.2",
            _either("3.2", "Wed 3 Feb 2027 or Tue 2 Mar 2027", "@feb-3 or @mar-2"),
        ),
        (
            "renew 20.12.2026",
            _set("20.12.2026", "@2026-12-20 (Sun 20 Dec)"),
        ),
        (
            "renew 3/4/2027",
            _either("3/4/2027", "Sat 3 Apr 2027 or Thu 4 Mar 2027", "@2027-04-03 or @2027-03-04"),
        ),
        ("renew 13/2", _set("13/2", "@feb-13 (Sat 13 Feb 2027)")),
        ("renew by 1/2", _either("1/2", "Mon 1 Feb 2027 or Sat 2 Jan 2027", "@feb-1 or @jan-2")),
        (
            "renew 7/7",
            _set("7/7", "@jul-7 (Wed 7 Jul 2027)"),
        ),
        # @words that are dates in spirit only
        (
            "learn rust @someday",
            'no due date: "@someday" isn\'t a date — end the action with one, like @fri or @+2w',
        ),
        (
            "learn rust @later #growth",
            'no due date: "@later" isn\'t a date — end the action with one, like @fri or @+2w',
        ),
        (
            "send it @next-friday",
            _either("@next-friday", "Fri 11 Dec or Fri 18 Dec", "@friday or @dec-18"),
        ),
        ("send it @in-2-weeks", _set("@in-2-weeks", "@+2w (Mon 21 Dec)")),
        ("send it @eow", _set("@eow", "@fri (Fri 11 Dec)")),
        (
            "send it @3/2",
            _either("@3/2", "Wed 3 Feb 2027 or Tue 2 Mar 2027", "@feb-3 or @mar-2"),
        ),
        (
            "send it @2.3.",
            _either("@2.3", "Tue 2 Mar 2027 or Wed 3 Feb 2027", "@mar-2 or @feb-3"),
        ),
        # a date where none is read
        (
            "ask @fri about the plan",
            'no due date: "@fri" is read as one only at the end — move it after the text',
        ),
        (
            "x @fri @+2w",
            "no due date: '@fri' and '@+2w' are both due dates, so none was used"
            " — keep the one you mean",
        ),
        # the first phrase is the one named
        ("in 2 weeks or by friday", _set("in 2 weeks", "@+2w (Mon 21 Dec)")),
    ],
)
def test_every_warning_phrase(text: str, warning: str) -> None:
    assert due_warning(text, TODAY) == warning
    parsed = parse_line(f"! {text}", TODAY)  # the same warning when typed
    assert parsed.due is None
    assert parsed.due_warning == warning


@pytest.mark.parametrize(
    "text",
    [
        "set up a weekly sync",
        "share Monday's standup notes",
        "read today's notes and tomorrow's plan",
        "upgrade to version 1.2",
        "upgrade to v1.2.3 and python 3.11",
        "release 1.2. for the beta",
        "rated it 3.5 stars",
        "half the team: 1/2 of them, 3/4 of the rest",
        "keep 24/7 support",
        "split it 50/50",
        "costs $5.12",
        "growth was 5.12%",
        "meet every friday",
        "since monday it's calmer",
        "look back at last friday",
        "the 2025-01-01 incident",  # gone by: a reference, not a due date
        "these 5 may slip",
        "march on with the plan",
        "we sat down on it",
        "in two minds about the move",
        "in 2 steps",
        "on call this sprint",
        "go to #today and #friday",
        "mail bob@example.com",
        "thank @alice",
        "see https://example.com/2026/12/05/notes",
        "renew 12/5/2025",  # gone by in either reading
        "read chapter 4.2",
        "ship 3.14",
    ],
)
def test_ordinary_text_does_not_warn(text: str) -> None:
    assert due_warning(text, TODAY) is None
    assert parse_line(f"! {text}", TODAY).due_warning is None


def test_an_action_with_a_due_date_is_not_warned() -> None:
    parsed = parse_line("! send it next friday @dec-18", TODAY)
    assert (parsed.due, parsed.due_warning) == (date(2026, 12, 18), None)


def test_other_kinds_are_not_warned() -> None:
    for line in ("> I'll send it by friday", "= ship in 2 weeks", "we met today"):
        assert parse_line(line, TODAY).due_warning is None
        assert parse_line(line, TODAY).kind is not NoteKind.ACTION


def test_a_stored_action_whose_date_was_not_read_then() -> None:
    """Saved before the date could follow a tag: the row says how to get it read."""
    assert due_warning("send me your thesis abstract @fri #research", TODAY) == (
        'no due date: "@fri" wasn\'t read when this was saved — edit it to set it'
    )


def test_the_suggestion_counts_from_today() -> None:
    friday = date(2026, 12, 11)
    assert due_warning("finish eow", friday) == _set("eow", "@today (Fri 11 Dec)")
    assert due_warning("finish by the end of the month", date(2026, 12, 31)) == _set(
        "end of the month", "@today (Thu 31 Dec)"
    )
    assert due_warning("finish by friday", friday) == _set("by friday", "@friday (Fri 18 Dec)")


@settings(max_examples=300)
@given(text=st.text(min_size=1))
def test_any_text_gives_a_warning_or_none(text: str) -> None:
    warning = due_warning(text, TODAY)
    assert warning is None or (warning.startswith("no due date: ") and "\n" not in warning)


@pytest.mark.parametrize(
    "text",
    ["a" * 20_000, "1/2 " * 5_000, "1.2 " * 5_000, "5." * 10_000, "every friday " * 1_500],
    ids=["letters", "fractions", "decimals", "dots", "weekdays"],
)
def test_a_long_paste_is_read_in_a_moment(text: str) -> None:
    """No phrase looks back over the whole text for each match (that took
    seconds to minutes on a 20,000-character note)."""
    started = time.monotonic()
    parse_line(f"! {text}"[:20_000], TODAY)
    assert time.monotonic() - started < 3


_SOME_PHRASES = ["next friday", "5/12", "12.5.", "by fri", "eow", "end of next week", "eom"]
_SOME_PHRASES += ["next month", "dec 5", "@5/12", "@next-friday", "in 2 weeks", "2026-12-05"]


@settings(max_examples=300)
@given(today=st.dates(), phrase=st.sampled_from(_SOME_PHRASES))
def test_any_day_even_the_calendar_s_ends(today: date, phrase: str) -> None:
    warning = due_warning(f"send it {phrase}", today)
    assert warning is None or warning.startswith("no due date: ")


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        (
            "send the abstract @fridya",
            "no due date: couldn't read the due date '@fridya' — try fri, +3d, next-week, "
            "dec-21 or 2026-12-21",
        ),
        (
            "book the room @tomorow #plan",
            "no due date: couldn't read the due date '@tomorow' — try fri, +3d, next-week, "
            "dec-21 or 2026-12-21",
        ),
        (
            "renew the licence @2026-02-30",
            "no due date: '@2026-02-30' doesn't exist — February 2026 has 28 days",
        ),
        (
            "plan the offsite @dec-32",
            "no due date: '@dec-32' doesn't exist — December never has more than 31 days",
        ),
        ("thank @alice", None),
        ("ask @sam about it", None),
    ],
)
def test_a_stored_action_with_a_mistyped_date_still_says_it_has_none(text, warning):
    """Carried to the next 1:1, `@fridya` still says what it said when typed."""
    assert due_warning(text, date(2026, 12, 14), said_on=TODAY) == warning
