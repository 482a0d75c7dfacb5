"""Tests for tui1on1.domain.duedates: reading ``@when`` tokens into dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.duedates import (
    MAX_DAYS_AHEAD,
    DueDateError,
    format_due,
    is_overdue,
    resolve_due,
)

TODAY = date(2026, 11, 20)  # a Friday


def test_fixed_today_is_a_friday() -> None:
    assert TODAY.weekday() == 4


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("today", date(2026, 11, 20)),
        ("TODAY", date(2026, 11, 20)),
        ("tomorrow", date(2026, 11, 21)),
        (" Tomorrow ", date(2026, 11, 21)),
        # weekdays: the next one strictly after today
        ("sat", date(2026, 11, 21)),
        ("sun", date(2026, 11, 22)),
        ("mon", date(2026, 11, 23)),
        ("monday", date(2026, 11, 23)),
        ("tue", date(2026, 11, 24)),
        ("tues", date(2026, 11, 24)),
        ("tuesday", date(2026, 11, 24)),
        ("wed", date(2026, 11, 25)),
        ("weds", date(2026, 11, 25)),
        ("wednesday", date(2026, 11, 25)),
        ("thu", date(2026, 11, 26)),
        ("thur", date(2026, 11, 26)),
        ("thurs", date(2026, 11, 26)),
        ("Thursday", date(2026, 11, 26)),
        ("fri", date(2026, 11, 27)),  # on a Friday: a week later
        ("FRIDAY", date(2026, 11, 27)),
        ("saturday", date(2026, 11, 21)),
        ("sunday", date(2026, 11, 22)),
        # relative
        ("+0d", date(2026, 11, 20)),
        ("+1d", date(2026, 11, 21)),
        ("+3d", date(2026, 11, 23)),
        ("+03d", date(2026, 11, 23)),
        ("+3D", date(2026, 11, 23)),
        ("+2w", date(2026, 12, 4)),
        ("+0w", date(2026, 11, 20)),
        ("+1m", date(2026, 12, 20)),
        ("+3m", date(2027, 2, 20)),
        ("+3650d", date(2026, 11, 20) + timedelta(days=3650)),
        ("+521w", date(2026, 11, 20) + timedelta(weeks=521)),
        ("+120m", date(2036, 11, 20)),
        # next week: the next Monday
        ("next-week", date(2026, 11, 23)),
        ("Next-Week", date(2026, 11, 23)),
        ("nextweek", date(2026, 11, 23)),
        # ISO
        ("2026-12-05", date(2026, 12, 5)),
        ("2026-11-20", date(2026, 11, 20)),
        ("2026-12-5", date(2026, 12, 5)),
        ("2028-02-29", date(2028, 2, 29)),
        ("2030-01-01", date(2030, 1, 1)),
        # month and day, this year when still ahead
        ("dec-5", date(2026, 12, 5)),
        ("5dec", date(2026, 12, 5)),
        ("dec5", date(2026, 12, 5)),
        ("5-dec", date(2026, 12, 5)),
        ("december-5", date(2026, 12, 5)),
        ("DEC-05", date(2026, 12, 5)),
        ("5December", date(2026, 12, 5)),
        ("nov-20", date(2026, 11, 20)),  # today counts
        ("sept-1", date(2027, 9, 1)),
        ("may5", date(2027, 5, 5)),
        # ... and next year's when this year's has passed
        ("nov-19", date(2027, 11, 19)),
        ("jan-1", date(2027, 1, 1)),
        ("1jan", date(2027, 1, 1)),
        # leap day: the next year that has one
        ("feb-29", date(2028, 2, 29)),
        ("29feb", date(2028, 2, 29)),
    ],
)
def test_resolve_due_accepts(token: str, expected: date) -> None:
    assert resolve_due(token, TODAY) == expected


@pytest.mark.parametrize(
    ("token", "today", "expected"),
    [
        ("fri", date(2026, 11, 19), date(2026, 11, 20)),  # Thursday -> tomorrow
        ("mon", date(2026, 11, 23), date(2026, 11, 30)),  # Monday -> a week later
        ("next-week", date(2026, 11, 23), date(2026, 11, 30)),  # Monday -> next Monday
        ("next-week", date(2026, 11, 22), date(2026, 11, 23)),  # Sunday -> tomorrow
        ("fri", date(2026, 12, 31), date(2027, 1, 1)),
        ("+1m", date(2026, 1, 31), date(2026, 2, 28)),  # month end is clamped
        ("+1m", date(2028, 1, 31), date(2028, 2, 29)),
        ("feb-29", date(2028, 2, 29), date(2028, 2, 29)),
        ("feb-29", date(2028, 3, 1), date(2032, 2, 29)),
        ("feb-29", date(2097, 1, 1), date(2104, 2, 29)),  # 2100 is not a leap year
        ("dec-31", date(2026, 12, 31), date(2026, 12, 31)),
        ("jan-1", date(2026, 12, 31), date(2027, 1, 1)),
    ],
)
def test_resolve_due_relative_to_other_days(token: str, today: date, expected: date) -> None:
    assert resolve_due(token, today) == expected


@pytest.mark.parametrize(
    ("token", "fragment"),
    [
        ("2026-02-30", "doesn't exist — February 2026 has 28 days"),
        ("2027-02-29", "doesn't exist — February 2027 has 28 days"),
        ("2026-13-01", "doesn't exist — months run from 01 to 12"),
        ("2026-00-10", "doesn't exist"),
        ("2026-12-00", "doesn't exist — days start at 1"),
        ("0000-01-01", "doesn't exist"),
        ("2025-01-01", "'@2025-01-01' is in the past"),
        ("2026-11-19", "is in the past"),
        ("feb-30", "'@feb-30' doesn't exist — February never has more than 29 days"),
        ("apr-31", "April never has more than 30 days"),
        ("31apr", "April never has more than 30 days"),
        ("dec-0", "days start at 1"),
        ("13/02", "'@13/02' could be read more than one way"),
        ("02/13", "could be read more than one way"),
        ("5/12", "could be read more than one way"),
        ("5.12", "could be read more than one way"),
        ("5-12", "could be read more than one way"),
        ("2026/12/05", "could be read more than one way"),
        ("05/12/2026", "could be read more than one way"),
        ("yesterday", "'@yesterday' is in the past"),
        ("+3651d", "further ahead than a due date can be"),
        ("+522w", "up to 521 weeks"),
        ("+121m", "up to 120 months"),
        ("fri fri", "couldn't read the due date '@fri fri'"),
        ("", "couldn't read the due date"),
        ("soon", "couldn't read the due date '@soon'"),
        ("+3", "couldn't read"),
        ("3d", "couldn't read"),
        ("-3d", "couldn't read"),
        ("+٣d", "couldn't read"),  # Arabic-Indic digit: ASCII digits only
        ("fri.", "couldn't read"),
        ("last-fri", "couldn't read"),
        ("frida", "couldn't read"),
        ("mon-5", "couldn't read"),  # a weekday is not a month
        ("dec-5-2026", "couldn't read"),
        ("20261205", "couldn't read"),
        ("bob", "couldn't read the due date '@bob'"),
    ],
)
def test_resolve_due_refuses_calmly(token: str, fragment: str) -> None:
    with pytest.raises(DueDateError) as caught:
        resolve_due(token, TODAY)
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message
    assert not message.endswith(".")


def test_unreadable_message_suggests_forms_that_work_from_today() -> None:
    with pytest.raises(DueDateError) as caught:
        resolve_due("13/02", TODAY)
    message = str(caught.value)
    assert "2026-12-04" in message and "dec-4" in message
    with pytest.raises(DueDateError) as caught:
        resolve_due("someday", TODAY)
    message = str(caught.value)
    for example in ("fri", "+3d", "next-week", "dec-4", "2026-12-04"):
        assert example in message
        if example not in ("fri", "+3d", "next-week"):
            resolve_due(example, TODAY)  # the suggested dates are themselves readable


def test_long_bad_token_is_shortened_in_the_message() -> None:
    with pytest.raises(DueDateError) as caught:
        resolve_due("x" * 500, TODAY)
    assert len(str(caught.value)) < 150
    assert "…" in str(caught.value)


def test_due_error_is_a_value_error() -> None:
    assert issubclass(DueDateError, ValueError)


@pytest.mark.parametrize("token", ["tomorrow", "fri", "next-week", "+1d", "+1w", "+1m", "jan-1"])
def test_end_of_the_calendar_is_a_calm_error(token: str) -> None:
    with pytest.raises(DueDateError, match="beyond the last date"):
        resolve_due(token, date.max)


def test_last_day_of_the_calendar_still_works() -> None:
    assert resolve_due("dec-31", date.max) == date.max
    assert resolve_due("today", date.max) == date.max
    assert resolve_due("+0d", date.max) == date.max


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2026, 11, 27), "due Fri 27 Nov"),
        (date(2026, 11, 20), "due Fri 20 Nov"),
        (date(2026, 12, 5), "due Sat 5 Dec"),
        (date(2027, 1, 5), "due Tue 5 Jan 2027"),
        (date(2025, 3, 1), "due Sat 1 Mar 2025"),
    ],
)
def test_format_due(due: date, expected: str) -> None:
    assert format_due(due, TODAY) == expected


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2026, 11, 19), True),
        (date(2020, 1, 1), True),
        (date(2026, 11, 20), False),
        (date(2026, 11, 21), False),
    ],
)
def test_is_overdue(due: date, expected: bool) -> None:
    assert is_overdue(due, TODAY) is expected


# --- properties ----------------------------------------------------------------

WEEKDAY_TOKENS = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
MONTH_TOKENS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "january": 1,
    "february": 2,
    "september": 9,
    "december": 12,
}
ordinary_days = st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31))


@settings(max_examples=200)
@given(today=ordinary_days, n=st.integers(min_value=0, max_value=MAX_DAYS_AHEAD))
def test_plus_n_days_is_today_plus_n(today: date, n: int) -> None:
    assert resolve_due(f"+{n}d", today) == today + timedelta(days=n)


@settings(max_examples=200)
@given(today=ordinary_days, n=st.integers(min_value=0, max_value=MAX_DAYS_AHEAD // 7))
def test_plus_n_weeks_is_today_plus_7n(today: date, n: int) -> None:
    assert resolve_due(f"+{n}w", today) == today + timedelta(days=7 * n)


@settings(max_examples=200)
@given(today=ordinary_days, n=st.integers(min_value=0, max_value=120))
def test_plus_n_months_keeps_the_day_or_clamps_it(today: date, n: int) -> None:
    result = resolve_due(f"+{n}m", today)
    assert result == today + relativedelta(months=n)
    assert result.day <= today.day
    assert (result.year - today.year) * 12 + result.month - today.month == n


@settings(max_examples=200)
@given(
    today=ordinary_days,
    token=st.sampled_from(sorted(WEEKDAY_TOKENS)),
    upper=st.booleans(),
)
def test_weekday_is_one_to_seven_days_ahead(today: date, token: str, upper: bool) -> None:
    result = resolve_due(token.upper() if upper else token, today)
    assert 1 <= (result - today).days <= 7
    assert result.weekday() == WEEKDAY_TOKENS[token]


@settings(max_examples=200)
@given(today=ordinary_days)
def test_next_week_is_the_next_monday(today: date) -> None:
    result = resolve_due("next-week", today)
    assert result.weekday() == 0
    assert 1 <= (result - today).days <= 7


@settings(max_examples=200)
@given(
    today=ordinary_days,
    month=st.sampled_from(sorted(MONTH_TOKENS)),
    day=st.integers(min_value=1, max_value=31),
    shape=st.sampled_from(["{m}-{d}", "{m}{d}", "{d}{m}", "{d}-{m}"]),
)
def test_month_day_is_the_next_such_day(today: date, month: str, day: int, shape: str) -> None:
    token = shape.format(m=month, d=day)
    month_number = MONTH_TOKENS[month]
    try:
        date(2000, month_number, day)  # 2000 is a leap year
    except ValueError:
        with pytest.raises(DueDateError, match="doesn't exist"):
            resolve_due(token, today)
        return
    result = resolve_due(token, today)
    assert (result.month, result.day) == (month_number, day)
    assert result >= today
    if (month_number, day) == (2, 29):
        assert (result - today).days <= 8 * 366
    else:
        assert (result - today).days <= 366
        # and it is the first one: a year earlier would be in the past
        assert result.year == today.year or date(result.year - 1, month_number, day) < today


@settings(max_examples=200)
@given(today=ordinary_days, offset=st.integers(min_value=-4000, max_value=4000))
def test_iso_dates_round_trip_or_are_in_the_past(today: date, offset: int) -> None:
    day = today + timedelta(days=offset)
    if offset >= 0:
        assert resolve_due(day.isoformat(), today) == day
    else:
        with pytest.raises(DueDateError, match="in the past"):
            resolve_due(day.isoformat(), today)


@settings(max_examples=300)
@given(token=st.text(max_size=40), today=st.dates())
def test_resolve_due_only_ever_raises_due_date_error(token: str, today: date) -> None:
    try:
        result = resolve_due(token, today)
    except DueDateError as error:
        assert str(error)
    else:
        assert isinstance(result, date)
        assert result >= today


@settings(max_examples=300)
@given(
    token=st.from_regex(r"[+]?[0-9a-z/.\-]{1,12}", fullmatch=True),
    today=st.dates(),
)
def test_date_shaped_tokens_only_ever_raise_due_date_error(token: str, today: date) -> None:
    try:
        result = resolve_due(token, today)
    except DueDateError:
        pass
    else:
        assert result >= today
