"""Reading the short due dates typed after an action item, like ``@fri``.

The notes grammar (see :mod:`tui1on1.domain.grammar`) takes the ``@word`` at
the end of an action and hands the rest of it to :func:`resolve_due`.
The reader is strict on purpose: a due date that is guessed wrong is worse than
one that is refused, because a refusal is visible and a wrong guess is not.

Accepted forms (case does not matter; the token comes *without* the ``@``):

``today``, ``tomorrow``
    Today, or the day after.
``mon`` .. ``sun``, ``monday`` .. ``sunday``, ``tue``/``tues``, ``wed``/``weds``,
``thu``/``thur``/``thurs``
    The next such weekday strictly after today, so ``fri`` typed on a Friday
    means the Friday a week later.
``+3d``, ``+2w``, ``+1m``
    That many days, weeks or calendar months from today (``+0d`` is today).
    At most about ten years ahead: ``+3650d``, ``+521w`` or ``+120m``.
``next-week`` (also ``nextweek``)
    The next Monday strictly after today.
``2026-12-05``
    An exact ISO date (month and day may have one digit). It has to exist and
    must not be in the past.
``dec-5``, ``dec5``, ``5-dec``, ``5dec``, ``december-5``
    The next time that month and day comes round, counting today. ``feb-29``
    means the next leap day.

Refused, with a calm message saying why and what to type instead:
numeric day/month forms like ``13/02`` or ``5.12`` (they read differently in
different countries, so no guess is made), ``yesterday`` and past ISO dates,
dates that do not exist (``2026-02-30``, ``feb-30``) and anything else.

``today`` is always passed in by the caller; nothing here reads the clock.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

__all__ = [
    "MAX_DAYS_AHEAD",
    "MONTH_NUMBERS",
    "WEEKDAY_NAMES",
    "DueDateError",
    "format_day",
    "format_due",
    "is_overdue",
    "month_day_token",
    "resolve_due",
]

MAX_DAYS_AHEAD = 3650
"""The furthest a relative due date (``+Nd``, ``+Nw``, ``+Nm``) may reach."""

_MAX_AMOUNT = {"d": MAX_DAYS_AHEAD, "w": MAX_DAYS_AHEAD // 7, "m": 120}
_UNIT_WORDS = {"d": "days", "w": "weeks", "m": "months"}

_WEEKDAYS = {
    "mon": MO,
    "monday": MO,
    "tue": TU,
    "tues": TU,
    "tuesday": TU,
    "wed": WE,
    "weds": WE,
    "wednesday": WE,
    "thu": TH,
    "thur": TH,
    "thurs": TH,
    "thursday": TH,
    "fri": FR,
    "friday": FR,
    "sat": SA,
    "saturday": SA,
    "sun": SU,
    "sunday": SU,
}

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

MONTH_NUMBERS: dict[str, int] = dict(_MONTHS)
"""Month names and abbreviations (lowercase) read in due dates, to their number."""

WEEKDAY_NAMES: frozenset[str] = frozenset(_WEEKDAYS)
"""Weekday names and abbreviations (lowercase) read in due dates."""

# Fixed English names, so the output never depends on the process locale.
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_FULL = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# ASCII digits only: ``\d`` would also accept digits from other scripts.
_RELATIVE_RE = re.compile(r"\+([0-9]{1,6})([dwm])")
_ISO_RE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_MONTH_FIRST_RE = re.compile(r"([a-z]+)-?([0-9]{1,2})")
_DAY_FIRST_RE = re.compile(r"([0-9]{1,2})-?([a-z]+)")
_NUMERIC_RE = re.compile(r"[0-9]{1,4}(?:[/.\-][0-9]{1,4}){1,2}")

_LONGEST_SHOWN = 30  # characters of a bad token quoted back in a message


class DueDateError(ValueError):
    """A due date could not be read. ``str(error)`` is a calm message for the user."""


def resolve_due(token: str, today: date) -> date:
    """Turn a due-date token such as ``fri`` or ``+3d`` into a date.

    ``token`` is what followed the ``@`` (surrounding whitespace is ignored,
    case does not matter). ``today`` is the user's local date. Raises
    :class:`DueDateError` with a message fit to show as-is when the token is
    not one of the forms listed in the module docstring, names a day that does
    not exist, or lies in the past.
    """
    word = token.strip().lower()
    shown = _shown(token)

    if word == "today":
        return today
    if word == "tomorrow":
        return _shift(today, relativedelta(days=1), shown)
    if word == "yesterday":
        raise DueDateError(f"{shown} is in the past — a due date needs to be today or later")
    if word in ("next-week", "nextweek"):
        return _shift(today, relativedelta(days=1, weekday=MO(+1)), shown)
    if word in _WEEKDAYS:
        return _shift(today, relativedelta(days=1, weekday=_WEEKDAYS[word](+1)), shown)

    if match := _RELATIVE_RE.fullmatch(word):
        return _relative(int(match[1]), match[2], today, shown)
    if match := _ISO_RE.fullmatch(word):
        return _iso(int(match[1]), int(match[2]), int(match[3]), today, shown)
    if (match := _MONTH_FIRST_RE.fullmatch(word)) and match[1] in _MONTHS:
        return _month_day(_MONTHS[match[1]], int(match[2]), today, shown)
    if (match := _DAY_FIRST_RE.fullmatch(word)) and match[2] in _MONTHS:
        return _month_day(_MONTHS[match[2]], int(match[1]), today, shown)

    if _NUMERIC_RE.fullmatch(word):
        raise DueDateError(
            f"{shown} could be read more than one way, so it wasn't guessed — "
            f"use a month name or the full date, like {_examples(today, iso_only=True)}"
        )
    raise DueDateError(f"couldn't read the due date {shown} — try {_examples(today)}")


def format_due(d: date, today: date) -> str:
    """Short text for a due date, like ``due Fri 27 Nov``.

    The year is added when it differs from today's: ``due Tue 5 Jan 2027``.
    Names are always English and never depend on the locale.
    """
    return f"due {format_day(d, today)}"


def format_day(d: date, today: date) -> str:
    """Short text for a day, like ``Fri 27 Nov`` (``Tue 5 Jan 2027`` in another year)."""
    text = f"{_DAY_ABBR[d.weekday()]} {d.day} {_MONTH_ABBR[d.month - 1]}"
    if d.year != today.year:
        text += f" {d.year}"
    return text


def month_day_token(d: date) -> str:
    """The month-and-day form of a due date, like ``dec-5`` (without the ``@``)."""
    return f"{_MONTH_ABBR[d.month - 1].lower()}-{d.day}"


def is_overdue(d: date, today: date) -> bool:
    """True when the due date ``d`` is before ``today`` (due today is not overdue)."""
    return d < today


# --- helpers -----------------------------------------------------------------


def _shown(token: str) -> str:
    """The token as the user typed it, with its ``@``, quoted and kept short."""
    text = " ".join(token.split())
    if len(text) > _LONGEST_SHOWN:
        text = text[: _LONGEST_SHOWN - 1] + "…"
    return f"'@{text}'"


def _examples(today: date, *, iso_only: bool = False) -> str:
    """Example tokens for a message, with dates that are valid from ``today``."""
    try:
        sample = today + timedelta(days=14)
    except OverflowError:
        sample = today
    month_day = f"{_MONTH_ABBR[sample.month - 1].lower()}-{sample.day}"
    if iso_only:
        return f"{month_day} or {sample.isoformat()}"
    return f"fri, +3d, next-week, {month_day} or {sample.isoformat()}"


def _shift(today: date, delta: relativedelta, shown: str) -> date:
    """``today + delta``, with running off the end of the calendar as a DueDateError."""
    try:
        return today + delta
    except (OverflowError, ValueError):
        raise DueDateError(f"{shown} falls beyond the last date the calendar can hold") from None


def _relative(amount: int, unit: str, today: date, shown: str) -> date:
    """``+Nd``, ``+Nw`` or ``+Nm`` from today, at most about ten years ahead."""
    limit = _MAX_AMOUNT[unit]
    if amount > limit:
        raise DueDateError(
            f"{shown} is further ahead than a due date can be — "
            f"up to {limit} {_UNIT_WORDS[unit]} (about ten years) is fine"
        )
    if unit == "d":
        delta = relativedelta(days=amount)
    elif unit == "w":
        delta = relativedelta(weeks=amount)
    else:
        delta = relativedelta(months=amount)
    return _shift(today, delta, shown)


def _iso(year: int, month: int, day: int, today: date, shown: str) -> date:
    """A full ``YYYY-MM-DD`` date that exists and is not in the past."""
    if year < 1:
        raise DueDateError(f"{shown} doesn't exist — the calendar starts at year 1")
    if not 1 <= month <= 12:
        raise DueDateError(f"{shown} doesn't exist — months run from 01 to 12")
    if day < 1:
        raise DueDateError(f"{shown} doesn't exist — days start at 1")
    days = calendar.monthrange(year, month)[1]
    if day > days:
        raise DueDateError(f"{shown} doesn't exist — {_MONTH_FULL[month]} {year} has {days} days")
    result = date(year, month, day)
    if result < today:
        raise DueDateError(f"{shown} is in the past — a due date needs to be today or later")
    return result


def _month_day(month: int, day: int, today: date, shown: str) -> date:
    """The next ``month``/``day`` on or after today; the next leap year for Feb 29."""
    most = calendar.monthrange(2000, month)[1]  # 2000 is a leap year: Feb has 29
    if day < 1:
        raise DueDateError(f"{shown} doesn't exist — days start at 1")
    if day > most:
        raise DueDateError(
            f"{shown} doesn't exist — {_MONTH_FULL[month]} never has more than {most} days"
        )
    # A leap day can be up to eight years away (2096, then 2104).
    for year in range(today.year, min(today.year + 8, date.max.year) + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # Feb 29 in a common year
            continue
        if candidate >= today:
            return candidate
    raise DueDateError(f"{shown} falls beyond the last date the calendar can hold")
