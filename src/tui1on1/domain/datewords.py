"""Words in an action that look like a due date but aren't read as one.

The grammar reads a due date only from an ``@word`` after the action's text
(see :mod:`tui1on1.domain.trailingdue`) and never guesses. So that a typed
date is never lost silently, :func:`due_warning` looks at an action that has
no due date and says, calmly, what it saw and what to type instead:

* an ``@word`` that reads as a date but stands where none is read (before the
  end, or as the first word), or two dates at the end;
* an ``@word`` that is a date in spirit only: ``@someday``, ``@later``,
  ``@5/12``, ``@next-friday``;
* a mistyped date where the date goes (``@fridya``, ``@tomorow``,
  ``@2026-02-30``, ``@dec-32``): the words the line got when it was typed,
  so a carried action still says it has no date (a mention, ``@alice``,
  is left alone);
* phrases, as whole words in any case: ``today``, ``tonight``, ``tomorrow``,
  ``eod``, ``eow``, ``eom``, ``cob``, ``asap``, ``end of (the) day/week/month``,
  ``this week``, ``next week``, ``next month``, ``in 2 weeks``, ``in a
  month``, ``next friday``, ``by fri``, ``on monday``, ``this thursday``, a
  weekday as the last word, ``dec 5``, ``5th december``, ``2026-12-05``
  without ``@``, and numeric dates like ``5/12``, ``12.5.`` or ``5/12/2026``.

It suggests the ``@`` form when one meaning is clear, with the day it gives;
``5/12`` (5 December or 12 May) gets both readings and no pick. A stored
action's phrase is read as of the day it was written, and what to type
instead as of today (see :mod:`tui1on1.domain.datehints`). Ordinary
text stays quiet: ``a weekly sync``, ``Monday's standup notes``, ``every
friday``, ``version 1.2``, ``1/2 of the team``, ``24/7`` and past dates are
not due dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from tui1on1.domain.datehints import (
    Reading,
    Written,
    at_the_end,
    either,
    like,
    reading,
    set_to,
)
from tui1on1.domain.duedates import (
    MONTH_NUMBERS,
    WEEKDAY_NAMES,
    DueDateError,
    month_day_token,
    resolve_due,
)
from tui1on1.domain.trailingdue import at_words, read_due

__all__ = ["due_warning", "tried_dates_out"]

_VAGUE = {"someday", "sometime", "later", "soon", "eventually", "whenever", "tbd", "tba", "asap"}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNITS = {"day": "d", "week": "w", "month": "m", "fortnight": "w"}
RECENTLY_GONE = 365 - 92  # a year-less day further ahead than this went by just now
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _words(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, longest first."""
    return "|".join(sorted(names, key=len, reverse=True))


_DAY = f"(?P<day>{_words(WEEKDAY_NAMES)})"
_MONTH = f"(?P<month>{_words(MONTH_NUMBERS)})"
_START = r"(?<![\w'’@#/.-])"
_END = r"(?![\w'’-])"
_ORDINAL = r"(?:st|nd|rd|th)"
_NUMBER_END = r"(?![\w/%'’]|[.,:]\d)"
_CUE = re.compile(r"(?<![\w'’])(?:by|on|before|until|till|due)\s+$", re.IGNORECASE)
_VERSION = re.compile(r"(?<![\w'’])(?:version|ver|release|build|rev|revision|v)\s*$", re.IGNORECASE)
_NOT_DUE = re.compile(r"(?<![\w'’])(?:every|each|last|past|since|from)\s+$", re.IGNORECASE)
_AT_NUMERIC = re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})(?:[/.]([0-9]{2}|[0-9]{4}))?\.?")
_MASK = re.compile(r"(?<!\S)(?:[@#]\S+|\S*://\S*)")

Advice = Callable[[re.Match[str], str, Written, str], str | None]


def due_warning(text: str, today: date, said_on: date | None = None) -> str | None:
    """The warning for an action with no due date whose ``text`` looks dated.

    ``text`` is the action's text as saved (or as just typed) and
    ``said_on`` the day it was written (today when None): a phrase is read
    as of then, what to type instead as of ``today`` (see
    :mod:`tui1on1.domain.datehints`). Returns a calm message for the row or a
    notification, or None when nothing in the text looks like a date. Meant
    for actions *without* a due date only.
    """
    when = Written.of(today, said_on)
    found = at_words(text, when.on)
    if sum(1 for word in found if word.in_run and word.due is not None) > 1:
        return f"no due date: {read_due(text, when.on).error}"  # two dates: it says which
    for word in found:
        seen = f"@{word.token}"
        if word.due is not None:
            return at_the_end(seen, Reading(word.due, word.token), when, in_run=word.in_run)
        if said := _at_warning(word.token, when):
            return said
    for word in found:  # a date mistyped where the date goes: say so, for good
        if word.in_run and word.error and _date_like(word.token):
            return f"no due date: {word.error}"
    masked = _MASK.sub(lambda match: " " * len(match[0]), text)
    phrases: list[tuple[int, int, str]] = []
    for pattern, advice in _PHRASES:
        for match in pattern.finditer(masked):
            seen = " ".join(match[0].split())
            if said := _advise(advice, match, seen, when, masked):
                phrases.append((match.start(), -len(match[0]), said))
                break
    return min(phrases)[2] if phrases else None


def tried_dates_out(text: str, on: date) -> str:
    """``text`` without the ``@words`` where its date goes that tried to be
    one (``@fridya``, a second ``@fri``): for an action whose date has since
    been set or that is closed, they say nothing any more to the reader of
    the recap. A mention (``@alice``) stays."""
    spans = [
        (word.start, word.end)
        for word in at_words(text, on)
        if word.in_run and (word.due is not None or _date_like(word.token))
    ]
    for start, end in reversed(spans):
        text = text[:start].rstrip(" \t") + text[end:]
    return text.strip()


def _advise(
    advice: Advice, match: re.Match[str], seen: str, when: Written, text: str
) -> str | None:
    """The advice, or None when the day it names is beyond the calendar's end."""
    try:
        return advice(match, seen, when, text)
    except (DueDateError, OverflowError):
        return None


_DATE_STARTS = tuple({name[:3] for name in (*WEEKDAY_NAMES, *MONTH_NUMBERS)})
_DATE_STARTS += ("tod", "tom", "next", "+")


def _date_like(token: str) -> bool:
    """A mistyped date rather than a mention: ``@fridya``, ``@tomorow``,
    ``@dec-32``, ``@2026-02-30`` are; ``@alice`` and ``@sam`` are not."""
    word = token.lower()
    return word[:1].isdigit() or word.startswith(_DATE_STARTS)


def _at_warning(token: str, when: Written) -> str | None:
    """The warning for an unreadable ``@token`` that is a date in spirit."""
    seen, word = f"@{token}", token.lower()
    if word in _VAGUE:
        return f'no due date: "{seen}" isn\'t a date — end the action with one, like @fri or @+2w'
    spaced = re.sub(r"[-_]+", " ", word)
    if match := _AT_NUMERIC.fullmatch(word):
        return _advise(_numeric_at, match, seen, when, word)
    for pattern, advice in _PHRASES:
        match = pattern.fullmatch(spaced)
        if match and (said := _advise(advice, match, seen, when, spaced)):
            return said
    return None


# --- the phrases ----------------------------------------------------------------------


def _before(text: str, match: re.Match[str]) -> str:
    """The few characters before a match, where a word like "by" would be."""
    return text[max(0, match.start() - 20) : match.start()]


def _end_of_week(on: date) -> str:
    return "today" if on.weekday() == 4 else "fri"


def _next_weekday(match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    first = reading(match["day"].lower(), when)
    second = first.day + timedelta(days=7)
    return either(seen, (first, Reading(second, month_day_token(second))), when)


def _weekday(match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    return set_to(seen, match["day"].lower(), when)


def _bare_weekday(match: re.Match[str], seen: str, when: Written, text: str) -> str | None:
    if _NOT_DUE.search(_before(text, match)):
        return None
    return set_to(seen, match["day"].lower(), when)


def _in_units(match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    count = match["count"].lower()
    amount = _NUMBERS[count] if count in _NUMBERS else int(count)
    unit = match["unit"].lower().rstrip("s")
    if unit == "fortnight":
        amount *= 2
    return set_to(seen, f"+{amount}{_UNITS[unit]}", when)


def _end_of_month(_match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    on = when.on
    last = on.replace(day=calendar.monthrange(on.year, on.month)[1])
    return set_to(seen, "today" if last == on else month_day_token(last), when)


def _end_of_next_week(_match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    friday = resolve_due("next-week", when.on) + timedelta(days=4)
    return set_to(seen, month_day_token(friday), when)


def _next_month(_match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    return like(seen, when, reading("+1m", when))


def _month_day(match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    month = MONTH_NUMBERS[match["month"].lower()]
    groups = match.groupdict()
    if match["month"].lower() == "may" and groups.get("daynum") and not groups.get("suffix"):
        return None  # "5 may slip": only "5th may" or "5 of may" is a date
    day = int(groups.get("num") or groups["daynum"])
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    return set_to(seen, month_day_token(date(2000, month, day)), when)


def _iso(match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return None if day < when.on else set_to(seen, day.isoformat(), when)


def _slash(match: re.Match[str], seen: str, when: Written, text: str) -> str | None:
    first, second, year = int(match[1]), int(match[2]), match[3]
    fraction = first < second <= 4 or (first, second) == (24, 7)
    if fraction and not year and not _CUE.search(_before(text, match)):
        return None  # 1/2, 3/4 and 24/7 are not dates, unless "by 1/2"
    return _numeric(seen, match[1], match[2], year, when)


def _dotted(match: re.Match[str], seen: str, when: Written, text: str) -> str | None:
    before = _before(text, match)
    if _VERSION.search(before):
        return None
    if not match[3] and not match["dot"] and not _CUE.search(before):
        return None  # 1.2 is a number or a version; "by 1.2" or "1.2." is a date
    return _numeric(seen, match[1], match[2], match[3], when)


def _numeric_at(match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
    return _numeric(seen, match[1], match[2], match[3], when)


def _numeric(seen: str, first: str, second: str, year: str | None, when: Written) -> str | None:
    """Day and month in either order: both readings that exist and lay
    ahead when it was written — without a year, a day that had gone by in
    the last few months is not offered as next year's."""
    readings: list[Reading] = []
    for day, month in ((int(first), int(second)), (int(second), int(first))):
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
            continue
        if year:
            try:
                meant = date(int(year) + (2000 if len(year) == 2 else 0), month, day)
            except ValueError:  # Feb 29 in a common year
                continue
            if meant < when.on:
                continue  # a date gone by when written is a reference, not a due date
            found = Reading(meant, meant.isoformat())
        else:
            found = reading(month_day_token(date(2000, month, day)), when)
            if found.day - when.on > timedelta(days=RECENTLY_GONE):
                continue  # gone by just before it was written: a reference, not next year's
        if found not in readings:
            readings.append(found)
    if len(readings) == 1:
        return set_to(seen, readings[0].token, when)
    if len(readings) == 2:
        return either(seen, readings, when)
    return None


def _fixed(token: str | Callable[[date], str]) -> Advice:
    def advice(_match: re.Match[str], seen: str, when: Written, _: str) -> str | None:
        return set_to(seen, token if isinstance(token, str) else token(when.on), when)

    return advice


def _vague(_match: re.Match[str], seen: str, _when: Written, _: str) -> str | None:
    return (
        f'no due date: "{seen}" isn\'t a date — end the action with one, like @today or @tomorrow'
    )


def _phrase(pattern: str) -> re.Pattern[str]:
    return re.compile(_START + pattern + _END, re.IGNORECASE)


_COUNT = f"(?P<count>[0-9]{{1,4}}|{_words(_NUMBERS)})"
_PHRASES: tuple[tuple[re.Pattern[str], Advice], ...] = (
    (_phrase(r"(?:the\s+)?day\s+after\s+tomorrow"), _fixed("+2d")),
    (_phrase(r"end\s+of\s+(?:the\s+)?day|eod|cob|tonight|today"), _fixed("today")),
    (_phrase(r"tomorrow"), _fixed("tomorrow")),
    (_phrase(r"end\s+of\s+next\s+week"), _end_of_next_week),
    (_phrase(r"end\s+of\s+(?:the\s+|this\s+)?week|eow|this\s+week"), _fixed(_end_of_week)),
    (_phrase(r"next\s+week"), _fixed("next-week")),
    (_phrase(r"end\s+of\s+(?:the\s+|this\s+)?month|eom"), _end_of_month),
    (_phrase(r"next\s+month"), _next_month),
    (_phrase(rf"(?:in|within)\s+{_COUNT}\s+(?P<unit>days?|weeks?|months?|fortnights?)"), _in_units),
    (_phrase(rf"next\s+{_DAY}"), _next_weekday),
    (_phrase(rf"(?:this\s+coming|coming|this|by|on|before|until|till|due)\s+{_DAY}"), _weekday),
    (
        re.compile(rf"{_START}(?P<day>{'|'.join(_FULL_DAYS)})[.!]?\s*$", re.IGNORECASE),
        _bare_weekday,
    ),
    (_phrase(r"asap"), _vague),
    (_phrase(rf"{_MONTH}\.?\s+(?P<num>[0-9]{{1,2}}){_ORDINAL}?"), _month_day),
    (
        _phrase(
            rf"(?:the\s+)?(?P<daynum>[0-9]{{1,2}})(?P<suffix>{_ORDINAL}?\s+of|{_ORDINAL})?\s+{_MONTH}"
        ),
        _month_day,
    ),
    (
        re.compile(r"(?<![\w./:-])([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})(?![\w/-]|\.[0-9])"),
        _iso,
    ),
    (
        re.compile(
            rf"(?<![\w./:,$€£-])([0-9]{{1,2}})/([0-9]{{1,2}})(?:/([0-9]{{4}}|[0-9]{{2}}))?{_NUMBER_END}"
        ),
        _slash,
    ),
    (
        re.compile(
            r"(?<![\w./:,$€£-])([0-9]{1,2})\.([0-9]{1,2})(?:\.([0-9]{4})|(?P<dot>\.))?(?![\w/%'’]|[.,][0-9])"
        ),
        _dotted,
    ),
)
