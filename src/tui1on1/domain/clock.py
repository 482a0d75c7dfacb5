"""The meeting clock, worked out from timestamps rather than counted ticks.

Nothing here counts timer ticks. A :class:`MeetingClock` is an immutable value
built from the meeting's start time, its planned length and its explicit
pauses. Every reading (elapsed, remaining, state, the text on screen) is a
pure function of ``now``. A UI timer that fires late, or not at all, can never
make the clock drift. Time when the app was closed or the laptop was asleep
still counts, because the meeting goes on in the room. Only explicit pauses
stop the clock.

Inside, all arithmetic is done in whole microseconds, the resolution of
:class:`~datetime.datetime`, so the displayed text changes exactly when
:meth:`MeetingClock.next_tick_delay` says it will.

All datetimes are aware. Naive datetimes are refused with :class:`ValueError`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from tui1on1.domain.timesource import aware as _aware

if TYPE_CHECKING:
    from tui1on1.domain.records import Meeting

__all__ = [
    "SHORT_MEETING_SECONDS",
    "SHORT_MEETING_WRAP_UP_FRACTION",
    "WRAP_UP_SECONDS",
    "ClockState",
    "MeetingClock",
    "format_mmss",
]

#: Length of the wrap-up window at the end of a normal meeting (5 minutes).
WRAP_UP_SECONDS = 300.0
#: Meetings of this length or shorter use a proportional wrap-up window instead.
SHORT_MEETING_SECONDS = 600.0
#: The share of a short meeting that counts as wrap-up (the last 20%).
SHORT_MEETING_WRAP_UP_FRACTION = 0.2

_US = timedelta(microseconds=1)
_SECOND_US = 1_000_000

Span = tuple[datetime, datetime | None]


def _seconds_to_us(seconds: float, what: str) -> int:
    if not math.isfinite(seconds):
        raise ValueError(f"{what} must be a finite number of seconds, got {seconds!r}")
    return round(seconds * _SECOND_US)


def _hms(total_seconds: int) -> str:
    """Format whole seconds (>= 0) as ``mm:ss``, or ``h:mm:ss`` from an hour up."""
    hours, rest = divmod(total_seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


def format_mmss(seconds: float) -> str:
    """Format an elapsed time for a note stamp: ``"03:07"``, or ``"1:02:03"`` from an hour up.

    Whole seconds are taken with floor, as a stopwatch would, so 187.9 s shows
    ``"03:07"``. Negative values show ``"00:00"``.

    Raises:
        ValueError: if ``seconds`` is NaN or infinite.
    """
    if not math.isfinite(seconds):
        raise ValueError(f"cannot format {seconds!r} seconds")
    return _hms(max(0, math.floor(seconds)))


class ClockState(StrEnum):
    """Where the meeting stands against its planned length."""

    ON_TRACK = "on track"
    WRAP_UP = "wrap-up"
    OVERTIME = "overtime"


@dataclass(frozen=True, slots=True)
class MeetingClock:
    """The pacing clock of one meeting, an immutable value.

    Attributes:
        started_at: when the meeting started (aware; stored in UTC).
        planned_seconds: the planned length in seconds, greater than 0.
        pauses: ``(paused_at, resumed_at)`` pairs. ``resumed_at`` is ``None``
            while that pause is still going. The order does not matter, and
            overlapping pauses are merged. Any part of a pause before
            ``started_at`` is ignored.
        extended_seconds: extra time added with :meth:`extended`. It may be
            negative, but the total must stay above 0.

    All readings use :attr:`total_seconds`, which is planned plus extended.

    Rounding of the displayed text (:meth:`format_remaining`):

    * While time remains, the display shows the *ceiling* of the remaining
      seconds. It reads ``"30:00"`` for the whole first second of a
      30-minute meeting and reaches ``"00:00"`` exactly at the planned end.
    * In overtime it shows the *floor* of the overtime seconds, counting up:
      ``"00:00"`` for the first second past the end, then ``"+00:01"``,
      ``"+00:02"`` and so on.

    So every label is on screen for exactly one second of meeting time. It
    appears at the exact instant the remaining time crosses a whole second,
    which is a whole second of elapsed time when the plan is in whole
    seconds. The display is never stale.
    """

    started_at: datetime
    planned_seconds: float
    pauses: Sequence[Span] = ()
    extended_seconds: float = 0.0
    _spans: tuple[Span, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        started = _aware(self.started_at, "started_at")
        object.__setattr__(self, "started_at", started)
        planned_us = _seconds_to_us(self.planned_seconds, "planned_seconds")
        extended_us = _seconds_to_us(self.extended_seconds, "extended_seconds")
        if planned_us <= 0:
            raise ValueError(f"planned_seconds must be > 0, got {self.planned_seconds!r}")
        if planned_us + extended_us <= 0:
            raise ValueError(
                f"planned plus extended time must stay > 0, "
                f"got {self.planned_seconds!r} + {self.extended_seconds!r}"
            )
        pauses: list[Span] = []
        for paused_at, resumed_at in self.pauses:
            p = _aware(paused_at, "paused_at")
            r = None if resumed_at is None else _aware(resumed_at, "resumed_at")
            if r is not None and r < p:
                raise ValueError(f"pause resumed at {r} before it was paused at {p}")
            pauses.append((p, r))
        object.__setattr__(self, "pauses", tuple(pauses))
        object.__setattr__(self, "_spans", _merge_pauses(started, pauses))

    # -- construction -----------------------------------------------------------

    @classmethod
    def from_meeting(cls, meeting: Meeting) -> MeetingClock:
        """Build the clock of a stored meeting from its start, planned minutes and pauses."""
        return cls(
            started_at=meeting.started_at,
            planned_seconds=meeting.planned_minutes * 60.0,
            pauses=tuple((p.paused_at, p.resumed_at) for p in meeting.pauses),
        )

    def with_pause(self, at: datetime) -> MeetingClock:
        """Return a copy that is paused from ``at`` onwards.

        Raises:
            ValueError: if the clock is already paused, if ``at`` is before
                the meeting started, or if ``at`` is before the end of an
                earlier pause.
        """
        at = _aware(at, "at")
        if at < self.started_at:
            raise ValueError(
                f"cannot pause at {at}, before the meeting started at {self.started_at}"
            )
        if self._spans:
            last_resumed = self._spans[-1][1]
            if last_resumed is None:
                raise ValueError("the clock is already paused")
            if at < last_resumed:
                raise ValueError(f"cannot pause at {at}, before the previous pause ended")
        return replace(self, pauses=(*self.pauses, (at, None)))

    def with_resume(self, at: datetime) -> MeetingClock:
        """Return a copy whose open pause ends at ``at``.

        Raises:
            ValueError: if the clock is not paused, or if ``at`` is before
                the open pause began.
        """
        at = _aware(at, "at")
        if not self._spans or self._spans[-1][1] is not None:
            raise ValueError("the clock is not paused")
        pauses: list[Span] = []
        for paused_at, resumed_at in self.pauses:
            if resumed_at is None:
                if at < paused_at:
                    raise ValueError(
                        f"cannot resume at {at}, before the pause began at {paused_at}"
                    )
                resumed_at = at
            pauses.append((paused_at, resumed_at))
        return replace(self, pauses=tuple(pauses))

    def extended(self, seconds: float) -> MeetingClock:
        """Return a copy with ``seconds`` more planned time. Negative values shorten it.

        Raises:
            ValueError: if the total planned time would not stay above 0.
        """
        return replace(self, extended_seconds=self.extended_seconds + seconds)

    # -- static properties ------------------------------------------------------

    @property
    def total_seconds(self) -> float:
        """Planned plus extended seconds: the length every reading is measured against."""
        return self._total_us / _SECOND_US

    @property
    def wrap_up_seconds(self) -> float:
        """How many seconds before the end the wrap-up state begins.

        This is 5 minutes. For meetings of 10 minutes or less (by total
        length) it is the last 20% instead, so a 10-minute check-in wraps up
        at 2 minutes left, not halfway through.
        """
        total = self._total_us / _SECOND_US
        if total <= SHORT_MEETING_SECONDS:
            return total * SHORT_MEETING_WRAP_UP_FRACTION
        return WRAP_UP_SECONDS

    @property
    def _total_us(self) -> int:
        return round(self.planned_seconds * _SECOND_US) + round(self.extended_seconds * _SECOND_US)

    # -- readings (pure functions of now) ---------------------------------------

    def elapsed(self, now: datetime) -> float:
        """Meeting seconds since the start, not counting explicit pauses.

        A pause still open counts up to ``now``. Time when the app was down
        counts. Before ``started_at`` the result is 0, never negative.
        """
        return self._elapsed_us(_aware(now, "now")) / _SECOND_US

    def paused_seconds(self, now: datetime) -> float:
        """Seconds spent in explicit pauses between the start and ``now``."""
        now = _aware(now, "now")
        wall_us = max(0, (now - self.started_at) // _US)
        return (wall_us - self._elapsed_us(now)) / _SECOND_US

    def remaining(self, now: datetime) -> float:
        """Total seconds minus elapsed seconds. Negative in overtime."""
        return self._remaining_us(_aware(now, "now")) / _SECOND_US

    def is_paused(self, now: datetime) -> bool:
        """True if ``now`` falls inside an explicit pause (``paused_at <= now < resumed_at``)."""
        now = _aware(now, "now")
        return any(p <= now and (r is None or now < r) for p, r in self._spans)

    def state(self, now: datetime) -> ClockState:
        """The pacing state at ``now``.

        OVERTIME once ``remaining < 0``, WRAP_UP once
        ``remaining <= wrap_up_seconds``, otherwise ON_TRACK.
        """
        remaining_us = self._remaining_us(_aware(now, "now"))
        if remaining_us < 0:
            return ClockState.OVERTIME
        if remaining_us <= round(self.wrap_up_seconds * _SECOND_US):
            return ClockState.WRAP_UP
        return ClockState.ON_TRACK

    def ends_at(self, now: datetime) -> datetime:
        """The wall-clock time the meeting will end if it is not paused again.

        This is ``now + remaining``. It moves later while the clock is paused.
        In overtime it is in the past. Before the meeting has started it is
        ``started_at + total``.
        """
        now = _aware(now, "now")
        base = max(now, self.started_at)
        return base + timedelta(microseconds=self._remaining_us(now))

    def format_remaining(self, now: datetime) -> str:
        """The clock text: ``"29:59"`` counting down, then ``"+00:01"`` counting up in overtime.

        From an hour up, hours are shown (``"1:05:00"``, ``"+1:00:00"``).
        Rounding is described on the class: ceiling while time remains,
        floor of the overtime, and ``"00:00"`` for the first second past the
        end.
        """
        remaining_us = self._remaining_us(_aware(now, "now"))
        if remaining_us > -_SECOND_US:
            return _hms(-(-remaining_us // _SECOND_US))  # ceiling; 0 for (-1 s, 0]
        return "+" + _hms(-remaining_us // _SECOND_US)  # floor of the overtime

    def next_tick_delay(self, now: datetime) -> float:
        """Wall seconds from ``now`` until :meth:`format_remaining` next shows different text.

        The result is always greater than 0 and a whole number of
        microseconds. At ``now + delay`` the text has changed, and just
        before that it has not. Pauses recorded after ``now`` are taken into
        account. While paused with no recorded resume, the text never
        changes and the result is ``math.inf``, so a UI should use something
        like ``min(delay, 1.0)`` for its timer. Before the start, the delay
        runs to the first change after ``started_at``.
        """
        now = _aware(now, "now")
        step_us = self._remaining_us(now) % _SECOND_US or _SECOND_US
        when = self._wall_at_elapsed(self._elapsed_us(now) + step_us)
        if when is None:
            return math.inf
        return ((when - now) // _US) / _SECOND_US

    # -- internals --------------------------------------------------------------

    def _running(self) -> Iterator[Span]:
        """Yield the wall-clock intervals when the clock runs. The last may be open (``None``)."""
        cursor = self.started_at
        for paused_at, resumed_at in self._spans:
            if paused_at > cursor:
                yield cursor, paused_at
            if resumed_at is None:
                return
            cursor = resumed_at
        yield cursor, None

    def _elapsed_us(self, now: datetime) -> int:
        total = 0
        for start, end in self._running():
            if start >= now:
                break
            stop = now if end is None or end > now else end
            total += (stop - start) // _US
        return total

    def _remaining_us(self, now: datetime) -> int:
        return self._total_us - self._elapsed_us(now)

    def _wall_at_elapsed(self, target_us: int) -> datetime | None:
        """The first wall time at which elapsed reaches ``target_us``, or None if it never does."""
        done = 0
        for start, end in self._running():
            if end is None:
                return start + timedelta(microseconds=target_us - done)
            span = (end - start) // _US
            if done + span >= target_us:
                return start + timedelta(microseconds=target_us - done)
            done += span
        return None


def _merge_pauses(started_at: datetime, pauses: Sequence[Span]) -> tuple[Span, ...]:
    """Cut pauses to start no earlier than ``started_at``, sort them and merge overlaps."""
    merged: list[Span] = []
    for paused_at, resumed_at in sorted(pauses, key=lambda span: span[0]):
        start = max(paused_at, started_at)
        if resumed_at is not None and resumed_at <= start:
            continue  # empty, or entirely before the meeting started
        if merged:
            last_start, last_end = merged[-1]
            if last_end is None:
                continue  # an open pause swallows everything after it
            if start <= last_end:
                end = None if resumed_at is None else max(last_end, resumed_at)
                merged[-1] = (last_start, end)
                continue
        merged.append((start, resumed_at))
    return tuple(merged)
