"""When a demo report's manager comes back to each part of their career.

Nobody is asked about their aspiration every week. A :class:`CareerCalendar`
keeps, per element, when it was last talked about and when it is next due:
the aspiration about monthly, the why a handful of times a year, the moonshot
two or three times, each kind of strength about quarterly, the plan step
every few weeks (the story adds the real events: a change of direction, a
step done). A career-focused meeting (the first one, a quarterly review, a
moonshot or strengths session) makes an element due sooner.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from tui1on1.domain.kinds import CareerElement as E

# days until the element is due again, drawn after each time it is talked about
_EVERY: dict[E, tuple[int, int]] = {
    E.ASPIRATION: (26, 42),
    E.WHY: (60, 95),
    E.MOONSHOT: (110, 160),
    E.STRENGTH_USED: (75, 105),
    E.STRENGTH_UNUSED: (75, 105),
    E.PLAN: (25, 40),
}
# in a career-focused meeting: due once this many days have passed
_EAGER: dict[E, int] = {
    E.ASPIRATION: 14,
    E.WHY: 28,
    E.MOONSHOT: 60,
    E.STRENGTH_USED: 35,
    E.STRENGTH_UNUSED: 35,
    E.PLAN: 14,
}
# days from the first meeting until each is first due
_FIRST: dict[E, tuple[int, int]] = {
    E.ASPIRATION: (0, 0),
    E.WHY: (0, 0),
    E.MOONSHOT: (20, 70),
    E.STRENGTH_USED: (10, 45),
    E.STRENGTH_UNUSED: (30, 80),
    E.PLAN: (0, 0),
}


class CareerCalendar:
    """Per element: the meeting it was last talked about in, and when it's next due."""

    def __init__(self, rng: random.Random, dates: list[datetime]) -> None:
        self.rng = rng
        self.dates = dates
        self.last: dict[E, int] = {}  # element -> meeting index it was last talked about in
        start = dates[0] if dates else datetime.min.replace(tzinfo=UTC)
        self.next: dict[E, datetime] = {
            e: start + timedelta(days=rng.uniform(*days)) for e, days in _FIRST.items()
        }

    def due(self, element: E, index: int, eager: bool = False) -> bool:
        """Whether ``element`` is due in meeting ``index`` (``eager``: a career-focused one)."""
        when = self.dates[index]
        if when >= self.next[element]:
            return True
        last = self.last.get(element)
        return eager and (last is None or (when - self.dates[last]).days >= _EAGER[element])

    def overdue(self, element: E, index: int, days: int) -> bool:
        """Whether ``element`` has been due for ``days`` days or more."""
        return self.dates[index] >= self.next[element] + timedelta(days=days)

    def talked(self, element: E, index: int) -> None:
        """``element`` was talked about in meeting ``index``: due again in a while."""
        self.last[element] = index
        self.next[element] = self.dates[index] + timedelta(days=self.rng.uniform(*_EVERY[element]))

    def soon(self, element: E, index: int) -> None:
        """Something happened that makes ``element`` due from meeting ``index`` on."""
        self.next[element] = min(self.next[element], self.dates[index])
