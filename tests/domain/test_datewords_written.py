"""A stored action's warning, shown on a later day: its date phrase means
what it meant the day it was written, and what to type gives that day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.datewords import due_warning

WRITTEN = date(2026, 12, 7)  # Mon 7 Dec 2026, when the action was typed
WEDNESDAY = date(2026, 12, 9)
NEXT_MONDAY = date(2026, 12, 14)


def _set(seen: str, form: str, written: bool = False) -> str:
    quoted = f'"{seen}" (written Mon 7 Dec)' if written else f'"{seen}"'
    return f"no due date: {quoted} isn't read as one — write {form} in its place to set it"


def _gone(seen: str, days: str, like: str = "@fri or @dec-28") -> str:
    now = "both now gone by" if " or " in days else "now gone by"
    return (
        f'no due date: "{seen}" meant {days} (written Mon 7 Dec), {now}'
        f" — write a new date in its place, like {like}"
    )


def _either(seen: str, days: str, forms: str) -> str:
    return (
        f'no due date: "{seen}" could be {days}, so it isn\'t read as one'
        f" — write {forms} in its place, whichever you mean"
    )


NEXT_FRIDAY = _either("next friday", "Fri 11 Dec or Fri 18 Dec", "@friday or @dec-18")
FIVE_TWELVE = _set("5/12", "@may-12 (Wed 12 May 2027)")  # 5 Dec had just gone by


@pytest.mark.parametrize(
    ("text", "shown_on", "warning"),
    [
        # "by fri" meant Fri 11 Dec: @fri still gives it on Wednesday; gone by a week on
        ("send me your thesis by fri", WRITTEN, _set("by fri", "@fri (Fri 11 Dec)")),
        ("send me your thesis by fri", WEDNESDAY, _set("by fri", "@fri (Fri 11 Dec)")),
        ("send me your thesis by fri", NEXT_MONDAY, _gone("by fri", "Fri 11 Dec")),
        # "in 2 weeks" meant Mon 21 Dec: @+2w typed later would be later
        ("draft it in 2 weeks", WRITTEN, _set("in 2 weeks", "@+2w (Mon 21 Dec)")),
        ("draft it in 2 weeks", WEDNESDAY, _set("in 2 weeks", "@dec-21 (Mon 21 Dec)", True)),
        ("draft it in 2 weeks", NEXT_MONDAY, _set("in 2 weeks", "@dec-21 (Mon 21 Dec)", True)),
        # "next friday" could be Fri 11 or Fri 18 Dec: the 11th goes by first
        ("call Sam next friday", WRITTEN, NEXT_FRIDAY),
        ("call Sam next friday", WEDNESDAY, NEXT_FRIDAY),
        (
            "call Sam next friday",
            NEXT_MONDAY,
            'no due date: "next friday" (written Mon 7 Dec) could be Fri 11 Dec (now gone by)'
            " or Fri 18 Dec — write @dec-18 in its place if you mean Fri 18 Dec",
        ),
        (
            "call Sam next friday",
            date(2026, 12, 21),
            _gone("next friday", "Fri 11 Dec or Fri 18 Dec", like="@fri or @jan-4"),
        ),
        # "5/12": 12 May 2027 (5 Dec had gone by), the same day typed today
        ("review 5/12", WRITTEN, FIVE_TWELVE),
        ("review 5/12", WEDNESDAY, FIVE_TWELVE),
        ("review 5/12", NEXT_MONDAY, FIVE_TWELVE),
        # "end of month" meant Thu 31 Dec: @dec-31 gives it all month
        ("close the books by end of month", WRITTEN, _set("end of month", "@dec-31 (Thu 31 Dec)")),
        (
            "close the books by end of month",
            NEXT_MONDAY,
            _set("end of month", "@dec-31 (Thu 31 Dec)"),
        ),
        (
            "close the books by end of month",
            date(2027, 1, 4),
            'no due date: "end of month" meant Thu 31 Dec 2026 (written Mon 7 Dec 2026),'
            " now gone by — write a new date in its place, like @fri or @jan-18",
        ),
        # "tomorrow" meant Tue 8 Dec
        ("reply tomorrow", WRITTEN, _set("tomorrow", "@tomorrow (Tue 8 Dec)")),
        ("reply tomorrow", WEDNESDAY, _gone("tomorrow", "Tue 8 Dec", like="@fri or @dec-23")),
        ("reply tomorrow", NEXT_MONDAY, _gone("tomorrow", "Tue 8 Dec")),
        # "dec 20" meant Sun 20 Dec
        ("renew dec 20", WRITTEN, _set("dec 20", "@dec-20 (Sun 20 Dec)")),
        ("renew dec 20", WEDNESDAY, _set("dec 20", "@dec-20 (Sun 20 Dec)")),
        ("renew dec 20", NEXT_MONDAY, _set("dec 20", "@dec-20 (Sun 20 Dec)")),
        ("renew dec 20", date(2026, 12, 21), _gone("dec 20", "Sun 20 Dec", like="@fri or @jan-4")),
        # "next week" meant Mon 14 Dec: on that Monday @next-week would be the 21st
        ("finish next week", WEDNESDAY, _set("next week", "@next-week (Mon 14 Dec)")),
        ("finish next week", NEXT_MONDAY, _set("next week", "@dec-14 (Mon 14 Dec)", True)),
        # "next month": a date like the one it gave
        (
            "plan it next month",
            NEXT_MONDAY,
            'no due date: "next month" (written Mon 7 Dec) isn\'t read as one'
            " — write a date in its place, like @jan-7 (Thu 7 Jan 2027)",
        ),
        # a full date, gone by since
        ("renew 2026-12-10", WEDNESDAY, _set("2026-12-10", "@2026-12-10 (Thu 10 Dec)")),
        ("renew 2026-12-10", NEXT_MONDAY, _gone("2026-12-10", "Thu 10 Dec")),
        # an @word where none is read
        (
            "ask @fri about the plan",
            WEDNESDAY,
            'no due date: "@fri" is read as one only at the end — move it after the text',
        ),
        ("ask @fri about the plan", NEXT_MONDAY, _gone("@fri", "Fri 11 Dec")),
        (
            "ask @+2w about the plan",
            WEDNESDAY,
            'no due date: "@+2w" (written Mon 7 Dec) is read as one only at the end'
            " — write @dec-21 (Mon 21 Dec) after the text instead",
        ),
        (
            "send the abstract @+2w #research",
            WEDNESDAY,
            'no due date: "@+2w" (written Mon 7 Dec) wasn\'t read when this was saved'
            " — write @dec-21 (Mon 21 Dec) in its place to set it",
        ),
        # no day in it: the same on any day
        (
            "fix it asap",
            NEXT_MONDAY,
            'no due date: "asap" isn\'t a date — end the action with one, like @today or @tomorrow',
        ),
    ],
)
def test_a_phrase_is_read_as_of_the_day_it_was_written(
    text: str, shown_on: date, warning: str
) -> None:
    assert due_warning(text, shown_on, said_on=WRITTEN) == warning


def test_written_today_is_the_warning_as_typed() -> None:
    for text in ("send it by fri", "draft it in 2 weeks", "call Sam next friday", "review 5/12"):
        assert due_warning(text, NEXT_MONDAY, said_on=NEXT_MONDAY) == due_warning(text, NEXT_MONDAY)


def test_the_month_day_form_or_else_the_full_date() -> None:
    """The form suggested gives the day it meant when typed today: the
    month and day, or the full date when those would name another year."""
    assert due_warning("revisit in 12 months", NEXT_MONDAY, said_on=WRITTEN) == _set(
        "in 12 months", "@dec-7 (Tue 7 Dec 2027)", True
    )
    written = date(2026, 2, 28)
    assert due_warning("do it in 13 months", date(2026, 3, 1), said_on=written) == (
        'no due date: "in 13 months" (written Sat 28 Feb) isn\'t read as one'
        " — write @2027-03-28 (Sun 28 Mar 2027) in its place to set it"
    )


def test_a_day_written_after_today_counts_as_today() -> None:
    """The clock was set back: the phrase is read as of today."""
    assert due_warning("send it by fri", WEDNESDAY, said_on=NEXT_MONDAY) == due_warning(
        "send it by fri", WEDNESDAY
    )


_PHRASES = ["next friday", "5/12", "by fri", "eow", "end of next week", "eom", "tomorrow"]
_PHRASES += ["next month", "dec 5", "@5/12", "@next-friday", "in 2 weeks", "2026-12-05", "@fri x"]


@settings(max_examples=300)
@given(
    written=st.dates(),
    later=st.integers(min_value=0, max_value=400),
    phrase=st.sampled_from(_PHRASES),
)
def test_any_two_days_even_the_calendar_s_ends(written: date, later: int, phrase: str) -> None:
    try:
        today = written + timedelta(days=later)
    except OverflowError:
        today = date.max
    warning = due_warning(f"send it {phrase}", today, said_on=written)
    assert warning is None or (warning.startswith("no due date: ") and "\n" not in warning)
