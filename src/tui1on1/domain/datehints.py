"""How a due-date warning says what to type: as of the day its words were written.

:mod:`tui1on1.domain.datewords` finds a phrase like ``by fri`` in an action
that has no due date and works out the day (or the two days) it meant. A
phrase means what it meant on the day it was written: ``by fri`` written on
Mon 7 Dec is Fri 11 Dec, even when the row is shown a week later. The token
suggested, though, is typed *today*. So, for each day the phrase meant:

* when the token of the phrase still gives that day today, it is suggested
  as it is (the message is the same as on the day it was written);
* when that day is still ahead (or today), a token that gives it today is
  suggested instead: ``@dec-11``, or the full ``@2026-12-11`` when the
  month-day form would give another year; the message says when the words
  were written;
* when it has gone by, the message says so calmly and asks for a new date.

Nothing here reads the clock: the days come in a :class:`Written`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tui1on1.domain.duedates import DueDateError, format_day, month_day_token, resolve_due

__all__ = [
    "Reading",
    "Written",
    "at_the_end",
    "either",
    "gone",
    "like",
    "reading",
    "set_to",
    "to_type_today",
    "unread",
]


@dataclass(frozen=True, slots=True)
class Written:
    """The day a text was written (its words are read as of then) and
    ``today`` (the day a suggested token is typed). A text can't be
    written after today: a later ``on`` (a clock set back) counts as today."""

    on: date
    today: date

    @classmethod
    def of(cls, today: date, said_on: date | None = None) -> Written:
        return cls(today if said_on is None or said_on > today else said_on, today)

    def day(self, day: date) -> str:
        """``Fri 11 Dec`` (with the year outside today's)."""
        return format_day(day, self.today)


@dataclass(frozen=True, slots=True)
class Reading:
    """A day a phrase meant, and the token (without ``@``) that says it."""

    day: date
    token: str

    @property
    def shown(self) -> str:
        return f"@{self.token}"


def reading(token: str, when: Written) -> Reading:
    """What ``token`` meant on the day it was written (raises DueDateError)."""
    return Reading(resolve_due(token, when.on), token)


def to_type_today(meant: Reading, when: Written) -> Reading | None:
    """The reading to suggest today: ``meant`` itself while its token still
    gives its day, else a token that does; None once its day has gone by."""
    if meant.day < when.today:
        return None
    if _gives(meant.token, when.today) == meant.day:
        return meant
    token = month_day_token(meant.day)
    return Reading(
        meant.day, token if _gives(token, when.today) == meant.day else meant.day.isoformat()
    )


def _gives(token: str, today: date) -> date | None:
    try:
        return resolve_due(token, today)
    except (DueDateError, OverflowError):
        return None


def _quoted(seen: str, when: Written, *, dated: bool) -> str:
    """``"by fri"``, with the day it was written when that changes what to type."""
    return f'"{seen}" (written {when.day(when.on)})' if dated else f'"{seen}"'


# --- the messages -----------------------------------------------------------------------


def set_to(seen: str, token: str, when: Written) -> str:
    """The phrase ``seen`` said one day, the one ``token`` gave when it was written."""
    try:
        meant = reading(token, when)
    except DueDateError:
        return like(seen, when)
    return unread(seen, meant, when, "isn't read as one", "in its place to set it")


def unread(seen: str, meant: Reading, when: Written, why: str, where: str) -> str:
    """``seen`` (meaning ``meant``) isn't read as a date, for ``why``: what to
    write, and ``where``; or, its day gone by, that it has."""
    suggested = to_type_today(meant, when)
    if suggested is None:
        return gone(seen, [meant], when)
    quoted = _quoted(seen, when, dated=suggested != meant)
    shown = f"{suggested.shown} ({when.day(suggested.day)})"
    return f"no due date: {quoted} {why} — write {shown} {where}"


def at_the_end(seen: str, meant: Reading, when: Written, *, in_run: bool) -> str:
    """An ``@word`` that reads as a date but stands where none is read
    (``in_run``: at the end, saved before the grammar read it there)."""
    if to_type_today(meant, when) == meant:  # typing it again gives its day: say so as before
        if in_run:
            return f'no due date: "{seen}" wasn\'t read when this was saved — edit it to set it'
        return f'no due date: "{seen}" is read as one only at the end — move it after the text'
    if in_run:
        return unread(
            seen, meant, when, "wasn't read when this was saved", "in its place to set it"
        )
    return unread(seen, meant, when, "is read as one only at the end", "after the text instead")


def like(seen: str, when: Written, example: Reading | None = None) -> str:
    """``seen`` is no date to read: a date to write instead, like ``example``."""
    suggested = to_type_today(example, when) if example else None
    if example and suggested is None:
        return gone(seen, [example], when)
    quoted = _quoted(seen, when, dated=suggested != example)
    shown = f"{suggested.shown} ({when.day(suggested.day)})" if suggested else _fresh(when)
    return f"no due date: {quoted} isn't read as one — write a date in its place, like {shown}"


def either(seen: str, readings: Sequence[Reading], when: Written) -> str:
    """``seen`` could mean two days, so none is picked; a day gone by is
    left out of what to write."""
    suggested = [to_type_today(meant, when) for meant in readings]
    left = [r for r in suggested if r is not None]
    if not left:
        return gone(seen, readings, when)
    quoted = _quoted(seen, when, dated=suggested != list(readings))
    if len(left) == 1:
        days = " or ".join(
            when.day(meant.day) + ("" if meant.day >= when.today else " (now gone by)")
            for meant in readings
        )
        return (
            f"no due date: {quoted} could be {days} — write {left[0].shown} in its place"
            f" if you mean {when.day(left[0].day)}"
        )
    days = " or ".join(when.day(r.day) for r in left)
    tokens = " or ".join(r.shown for r in left)
    return (
        f"no due date: {quoted} could be {days}, so it isn't read as one"
        f" — write {tokens} in its place, whichever you mean"
    )


def gone(seen: str, readings: Sequence[Reading], when: Written) -> str:
    """Every day ``seen`` meant when written has gone by: a fresh date to write."""
    days = " or ".join(when.day(r.day) for r in readings)
    now_gone = "now gone by" if len(readings) == 1 else "both now gone by"
    return (
        f'no due date: "{seen}" meant {days} (written {when.day(when.on)}), {now_gone}'
        f" — write a new date in its place, like {_fresh(when)}"
    )


def _fresh(when: Written) -> str:
    """Two tokens to write a date with, as examples from today."""
    try:
        later = when.today + timedelta(days=14)
    except OverflowError:
        later = when.today
    return f"@fri or @{month_day_token(later)}"
