"""The kept-promise rate: how well the manager keeps their word.

Only *my* promises count (actions whose owner is now ``me``; what they
promised is theirs to keep). Each is judged once, by :func:`promise_outcome`:

kept
    Done on or before the due date in force when it was done, and no due
    date ever passed while it was open. Renegotiating *before* the date (on
    the day itself included) keeps the promise.
late
    Done after the due date in force; or a due date passed while it was
    still open, even if it was moved (or removed) afterwards: moving the date
    after missing it doesn't erase the miss. An open action that missed an
    earlier date and now has a later one is late too. Only dates missed while
    it was mine count: one taken over from them starts clean, and a date
    that had already passed when I took it over is theirs, not mine (done on
    it, it counts as done with no due date; still open on it, it is overdue,
    as every list shows it, until I give it a date of my own).
overdue
    Still open and past its due date now.
dropped
    Given up before its date passed. Counted apart, never as kept nor as
    late. Dropped after missing its date, it is late: dropping a promise
    doesn't erase the miss, any more than moving its date does.
no due date
    Can't be on time or late: counted apart.
not yet due
    Open, its date still ahead, nothing missed: not counted yet.

The window (the last ``days`` days, today included) places each outcome by
one day: a kept or late action by the due date in force when it was done (a
promise kept early counts at once, though its date is still ahead), or the
date it missed if it had none then; an open late one by the date it missed;
a dropped one by the day it was dropped; one done with no due date by the day
it was done. Open overdue ones, and open ones with no due date, count
whatever their age: they are still outstanding.

``rate`` = kept / (kept + late + overdue), None when nothing came due.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from enum import StrEnum

from tui1on1.domain.duedates import format_day, is_overdue
from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.ledger import due_value, local_date
from tui1on1.domain.records import ActionEvent, ActionItem
from tui1on1.domain.text import plural

__all__ = [
    "DEFAULT_DAYS",
    "Outcome",
    "PromiseOutcome",
    "PromiseStats",
    "outcome_words",
    "promise_outcome",
    "promise_stats",
    "promise_stats_by_person",
]

DEFAULT_DAYS = 90
"""How far back the kept-promise rate looks, in days."""

_CLOSING = (ActionChange.DONE, ActionChange.DROPPED)


class Outcome(StrEnum):
    """How one promise stands (see the module docstring)."""

    KEPT = "kept"
    LATE = "late"
    OVERDUE = "overdue"
    DROPPED = "dropped"
    NO_DUE = "no due date"
    NOT_YET_DUE = "not yet due"


@dataclass(frozen=True, slots=True)
class PromiseOutcome:
    outcome: Outcome
    day: date | None  # the day that places it in the window; None: always counted
    missed: date | None = field(default=None, compare=False)  # a late one: the date missed


def promise_outcome(
    action: ActionItem,
    events: Iterable[ActionEvent],
    today: date,
    *,
    tz: tzinfo | None = None,
) -> PromiseOutcome | None:
    """How ``action`` stands as a promise on ``today``, as the promise of
    whoever owns it now (dates missed while the other owned it don't count).

    The history is replayed in time order: the due date in force starts as
    the first rescheduling's "before" (or the action's due date if it was
    never rescheduled), and at each change made while open, a due date whose
    day is over by then has been missed. The action's own status is the last
    word on how it ended (an action closed before its history was kept ends
    on its ``closed_at``). None when it can't be judged: closed with no day
    to say when.
    """
    history = sorted((e for e in events if e.action_id == action.id), key=lambda e: (e.at, e.id))
    dues = [e for e in history if e.change is ActionChange.DUE]
    due = due_value(dues[0].before) if dues else action.due
    keeper = action.owner.value  # judged as the promise of whoever owns it now
    owners = [e for e in history if e.change is ActionChange.OWNER]
    mine = (owners[0].before if owners else keeper) == keeper
    is_open = True
    missed: date | None = None  # the latest due date that passed while open and the keeper's
    closed: tuple[date, date | None] | None = None  # the day it was closed, the due date then
    inherited: date | None = None  # a date already past when it was taken over: not missed

    def passes(day: date) -> None:
        nonlocal missed
        if is_open and mine and due is not None and due != inherited and day > due:
            missed = due if missed is None else max(missed, due)

    for event in history:
        day = local_date(event.at, tz)
        passes(day)
        if event.change is ActionChange.DUE:
            due, inherited = due_value(event.after), None
        elif event.change is ActionChange.OWNER:
            mine = event.after == keeper
            if mine:  # taken over: a date already gone by was the other's to miss
                inherited = due if due is not None and due < day else None
        elif event.change in _CLOSING and is_open:
            is_open, closed = False, (day, due)
        elif event.change is ActionChange.REOPENED:
            is_open, closed = True, None

    if action.status is ActionStatus.OPEN:
        now_due = action.due
        if now_due is not None and is_overdue(now_due, today):
            return PromiseOutcome(Outcome.OVERDUE, now_due)
        if missed is not None:
            return PromiseOutcome(Outcome.LATE, missed, missed)
        if now_due is None:
            return PromiseOutcome(Outcome.NO_DUE, None)
        return PromiseOutcome(Outcome.NOT_YET_DUE, now_due)

    if closed is None:
        if action.closed_at is None:
            return None
        closing_day = local_date(action.closed_at, tz)
        passes(closing_day)
        closed = (closing_day, due)
    closing_day, due_then = closed
    if due_then is not None and due_then == inherited:
        due_then = None  # closed on a date that had passed before it was mine
    if action.status is ActionStatus.DROPPED:
        if missed is not None:  # missed, then given up: the miss stands
            return PromiseOutcome(Outcome.LATE, missed, missed)
        return PromiseOutcome(Outcome.DROPPED, closing_day)
    if missed is not None:
        return PromiseOutcome(Outcome.LATE, due_then or missed, missed)
    if due_then is None:
        return PromiseOutcome(Outcome.NO_DUE, closing_day)
    return PromiseOutcome(Outcome.KEPT, due_then)


def outcome_words(
    action: ActionItem,
    events: Iterable[ActionEvent],
    today: date,
    *,
    tz: tzinfo | None = None,
) -> str | None:
    """How one of my promises counts in the kept-promise rate, in words
    ("late: missed Fri 27 Nov"); None for theirs, or one not due yet."""
    if action.owner is not Owner.ME:
        return None
    judged = promise_outcome(action, events, today, tz=tz)
    if judged is None or judged.outcome is Outcome.NOT_YET_DUE:
        return None
    day = format_day(judged.day, today) if judged.day else ""
    missed = judged.missed or judged.day
    late = f"late: missed {format_day(missed, today)}" if missed else "late"
    if action.status is ActionStatus.DROPPED and missed:
        late = f"late: missed {format_day(missed, today)}, then dropped"
    return {
        Outcome.KEPT: f"kept: done by its date, {day}",
        Outcome.LATE: late,
        Outcome.OVERDUE: "overdue: not kept, for as long as it is open",
        Outcome.DROPPED: "dropped: counted apart, not as kept",
        Outcome.NO_DUE: "no due date: counted apart",
    }[judged.outcome]


@dataclass(frozen=True, slots=True)
class PromiseStats:
    """The counts behind the kept-promise rate, over the last ``days`` days."""

    kept: int = 0
    late: int = 0
    overdue: int = 0  # still open past the due date, whatever its age
    dropped: int = 0
    no_due: int = 0
    days: int = DEFAULT_DAYS

    @property
    def came_due(self) -> int:
        """The promises that could be kept or not: kept, late and overdue."""
        return self.kept + self.late + self.overdue

    @property
    def rate(self) -> float | None:
        """Kept / came due, from 0 to 1; None when nothing came due."""
        return self.kept / self.came_due if self.came_due else None

    @property
    def percent(self) -> int | None:
        """The rate as a whole percentage, rounded down: 100% means every one."""
        return self.kept * 100 // self.came_due if self.came_due else None

    def _extras(self) -> list[str]:
        """The parts after the head: every promise counted is accounted for
        (kept + late + overdue came due), and those set apart say why."""
        extras = [f"{self.late} late"] if self.late else []
        if self.overdue:
            extras.append(f"{self.overdue} overdue")
        if self.dropped:
            extras.append(f"{self.dropped} dropped")
        if self.no_due:
            extras.append(f"{self.no_due} without a date, not counted")
        return extras

    def sentence(self) -> str:
        """One line for a screen or ``actions --summary``:
        "Kept 8 of 10 promises on time in the last 90 days (80%) · 1 late ·
        1 overdue · 2 dropped · 1 without a date, not counted" (the parts after the first only when
        not zero), or, when nothing came due, "None of your promises came due
        in the last 90 days", with the same parts after it."""
        span = "the last day" if self.days == 1 else f"the last {self.days} days"
        if self.came_due:
            head = (
                f"Kept {self.kept} of {plural(self.came_due, 'promise')} on time "
                f"in {span} ({self.percent}%)"
            )
        else:
            head = f"None of your promises came due in {span}"
        return " · ".join([head, *self._extras()])

    def short(self) -> str:
        """A table cell: "80%", "80% · 1 overdue", or "nothing due"."""
        if self.percent is None:
            return "nothing due"
        return f"{self.percent}%" + (f" · {self.overdue} overdue" if self.overdue else "")


def promise_stats(
    actions: Iterable[ActionItem],
    events: Iterable[ActionEvent],
    today: date,
    *,
    days: int = DEFAULT_DAYS,
    tz: tzinfo | None = None,
) -> PromiseStats:
    """The kept-promise counts over the last ``days`` days (today included).

    ``actions`` may hold anyone's: only those owned by ``me`` now are counted
    (one reassigned to them is theirs to keep). ``events`` may hold every
    action's history: each action uses its own. See the module docstring for
    what counts and when.
    """
    return _count(actions, _by_action(events), today, days, tz)


def promise_stats_by_person(
    actions: Iterable[ActionItem],
    events: Iterable[ActionEvent],
    today: date,
    *,
    days: int = DEFAULT_DAYS,
    tz: tzinfo | None = None,
) -> dict[int, PromiseStats]:
    """:func:`promise_stats` for each person with at least one action of mine
    among ``actions``, by person id. Someone absent has no promise of mine:
    ``PromiseStats(days=days)`` reads right for them ("nothing due")."""
    history = _by_action(events)
    people: dict[int, list[ActionItem]] = defaultdict(list)
    for action in actions:
        if action.owner is Owner.ME:
            people[action.person_id].append(action)
    return {
        person_id: _count(theirs, history, today, days, tz) for person_id, theirs in people.items()
    }


def _by_action(events: Iterable[ActionEvent]) -> dict[int, list[ActionEvent]]:
    grouped: dict[int, list[ActionEvent]] = defaultdict(list)
    for event in events:
        grouped[event.action_id].append(event)
    return grouped


def _count(
    actions: Iterable[ActionItem],
    history: dict[int, list[ActionEvent]],
    today: date,
    days: int,
    tz: tzinfo | None,
) -> PromiseStats:
    if days < 1:
        raise ValueError("the window needs at least one day")
    start = today - timedelta(days=days - 1)
    counts = dict.fromkeys(Outcome, 0)
    for action in actions:
        if action.owner is not Owner.ME:
            continue
        judged = promise_outcome(action, history.get(action.id, ()), today, tz=tz)
        if judged is None or judged.outcome is Outcome.NOT_YET_DUE:
            continue
        if judged.day is None or judged.outcome is Outcome.OVERDUE or judged.day >= start:
            counts[judged.outcome] += 1
    return PromiseStats(
        kept=counts[Outcome.KEPT],
        late=counts[Outcome.LATE],
        overdue=counts[Outcome.OVERDUE],
        dropped=counts[Outcome.DROPPED],
        no_due=counts[Outcome.NO_DUE],
        days=days,
    )
