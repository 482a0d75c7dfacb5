"""The manager's mirror: how I run my 1:1s, from what is already on file.

Six figures over the last 4 or 12 weeks (:data:`WINDOW_WEEKS`), each with its
value for the window, a trend (one value a week, oldest first) and one plain
sentence (the rules for each are in :mod:`tui1on1.domain.mirror_figures`,
:mod:`~tui1on1.domain.mirror_cadence` and :mod:`~tui1on1.domain.mirror_promises`):

pause
    The median pause held after asking (``asked_question.pause_seconds``),
    and how many reached the 3-second mark (:data:`~tui1on1.domain.pausecue.WAIT_TIME_SECONDS`).
career
    Of the ended 1:1s whose agenda had a segment titled "Career", the share
    that got to it: a question asked or a note typed while it was on (the
    clock moves the agenda on by itself, so time in it alone says nothing).
agenda
    Of the talking points added in the window, the share that were theirs.
overrun
    Of the segments run in ended 1:1s, the share that ran a minute or more
    past their planned time (the playbook fitted to the meeting's length).
cadence
    The 1:1s held with the people who have a cadence, and the steps of their
    cadences that went by without one (counted as home counts "due"; someone
    never met from when they were added).
promises
    My promises that came due in the window, the share kept on time (judged
    as :mod:`tui1on1.domain.promises` judges them; the headline counts what
    the weekly bars count, and one still overdue from before is said apart).

The window is ``weeks`` whole weeks of local days ending today (today
included); week 0 is the oldest. Each event counts on the local day it
happened. Nothing here is stored: it is worked out when asked, from
:class:`MirrorData` the Store reads for the window.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from tui1on1.domain.agenda import Playbook
from tui1on1.domain.records import (
    ActionEvent,
    ActionItem,
    AskedQuestion,
    Meeting,
    Person,
    SegmentLog,
    TalkingPoint,
)

__all__ = [
    "WINDOW_WEEKS",
    "Figure",
    "Mirror",
    "MirrorData",
    "Window",
    "build_mirror",
    "spark",
]

#: The windows the mirror offers, in weeks (the first is the default).
WINDOW_WEEKS = (4, 12)

_BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Window:
    """``weeks`` whole weeks of local days, ending on ``today`` (included)."""

    weeks: int
    today: date

    def __post_init__(self) -> None:
        if self.weeks < 1:
            raise ValueError("the window needs at least one week")

    @property
    def days(self) -> int:
        return self.weeks * 7

    @property
    def start(self) -> date:
        """The first day counted."""
        return self.today - timedelta(days=self.days - 1)

    def week(self, day: date) -> int | None:
        """Which week ``day`` falls in (0: the oldest), None outside the window."""
        if not self.start <= day <= self.today:
            return None
        return (day - self.start).days // 7

    def reads_from(self) -> datetime:
        """Where the Store's reading starts: UTC midnight a day before the
        first day, so the first local day is whole in every time zone."""
        return datetime.combine(self.start - timedelta(days=1), time.min, tzinfo=UTC)

    def week_starts(self) -> list[date]:
        return [self.start + timedelta(days=7 * k) for k in range(self.weeks)]

    def span(self) -> str:
        """``the last 4 weeks``."""
        return "the last week" if self.weeks == 1 else f"the last {self.weeks} weeks"


@dataclass(frozen=True, slots=True)
class MirrorData:
    """What the mirror reads for a window (the Store's ``mirror_data``).

    It may hold a little more than the window (a day either side, for time
    zones): the rules trim it to the window's local days.
    """

    people: tuple[Person, ...] = ()  # everyone not archived
    meetings: tuple[Meeting, ...] = ()  # started in the window, live ones too, with pauses
    #: person id → when their last meeting before the window started
    before: Mapping[int, datetime] = field(default_factory=dict)
    segments: tuple[SegmentLog, ...] = ()  # of ``meetings``
    questions: tuple[AskedQuestion, ...] = ()  # asked in the window
    #: (meeting id, when typed) for each note, not deleted, of ``meetings``
    noted: tuple[tuple[int, datetime], ...] = ()
    talking_points: tuple[TalkingPoint, ...] = ()  # added in the window
    promises: tuple[ActionItem, ...] = ()  # my actions that bear on the window's rate
    events: tuple[ActionEvent, ...] = ()  # their history


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of the mirror.

    ``value``: the headline number for the window (seconds for ``pause``, a
    share from 0 to 1 for the others), None when there is nothing to measure.
    ``shown``: that value in words for a screen ("6 of 8 (75%)"), "" when
    None. ``detail``: the counts behind it (for JSON). ``weekly``: one value a
    week, oldest first, None for a week with nothing to measure.
    ``sentence``: what it means for the manager, or that there is no data yet.
    """

    key: str
    title: str
    value: float | None
    shown: str
    sentence: str
    weekly: tuple[float | None, ...]
    detail: Mapping[str, object] = field(default_factory=dict)

    @property
    def trend_top(self) -> float | None:
        """The top of the trend's scale: 1 for a share, else its largest week."""
        return 1.0 if self.key in SHARES else None

    def trend(self) -> str:
        """The weekly trend as one line of bars (see :func:`spark`)."""
        return spark(self.weekly, self.trend_top)


#: The figures whose value is a share from 0 to 1.
SHARES = frozenset({"career", "agenda", "overrun", "promises"})


@dataclass(frozen=True, slots=True)
class Mirror:
    window: Window
    figures: tuple[Figure, ...]

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


def build_mirror(
    data: MirrorData,
    playbooks: Mapping[str, Playbook],
    now: datetime,
    *,
    weeks: int = WINDOW_WEEKS[0],
    tz: tzinfo | None = None,
) -> Mirror:
    """The six figures for the ``weeks`` weeks ending today (local days in
    ``tz``; the local time zone when None)."""
    from tui1on1.domain import mirror_figures as figures
    from tui1on1.domain.mirror_cadence import cadence
    from tui1on1.domain.mirror_promises import promises

    window = Window(weeks, local_day(now, tz))
    return Mirror(
        window=window,
        figures=(
            figures.pause(data, window, tz),
            figures.career(data, playbooks, window, tz),
            figures.agenda(data, window, tz),
            figures.overrun(data, playbooks, window, tz),
            cadence(data, window, now, tz),
            promises(data, window, tz),
        ),
    )


# --- shared helpers (used by the figures' modules) -------------------------------------------


def local_day(when: datetime, tz: tzinfo | None) -> date:
    return when.astimezone(tz).date()


def weekly_median(window: Window, values: Iterable[tuple[date, float]]) -> tuple[float | None, ...]:
    """The median of each week's values (None for a week with none)."""
    weeks: list[list[float]] = [[] for _ in range(window.weeks)]
    for day, value in values:
        if (week := window.week(day)) is not None:
            weeks[week].append(value)
    return tuple(statistics.median(w) if w else None for w in weeks)


def weekly_share(window: Window, hits: Iterable[tuple[date, bool]]) -> tuple[float | None, ...]:
    """Each week's share of true among its items (None for a week with none)."""
    yes = [0] * window.weeks
    total = [0] * window.weeks
    for day, hit in hits:
        if (week := window.week(day)) is not None:
            total[week] += 1
            yes[week] += hit
    return tuple(y / t if t else None for y, t in zip(yes, total, strict=True))


def weekly_count(window: Window, days: Iterable[date]) -> tuple[float | None, ...]:
    """How many fell in each week (0 for none: a count is never missing)."""
    counts = [0.0] * window.weeks
    for day in days:
        if (week := window.week(day)) is not None:
            counts[week] += 1
    return tuple(counts)


def percent(part: int, whole: int) -> int:
    """A share as a whole percentage, rounded down (100% means every one)."""
    return part * 100 // whole if whole else 0


def spark(values: Sequence[float | None], top: float | None = None) -> str:
    """A one-line trend for a terminal: a bar a value from ▁ (0) to █
    (``top``, or the largest value), ``·`` for a week with nothing to measure."""
    known = [v for v in values if v is not None]
    ceiling = top if top is not None else max(known, default=0.0)
    out = []
    for value in values:
        if value is None:
            out.append("·")
        elif ceiling <= 0:
            out.append(_BARS[0])
        else:
            share = min(max(value / ceiling, 0.0), 1.0)
            out.append(_BARS[round(share * (len(_BARS) - 1))])
    return "".join(out)
