"""A cue that helps the manager stay quiet after asking a question.

After asking something that matters, the manager starts a :class:`PauseCue`.
For a few seconds the UI shows a slowly filling bar and a calm line that
says to let the silence do its work. Like the meeting clock, the cue never
counts ticks. Progress, state and wording are all worked out from ``now``,
so a late or missed repaint changes nothing.

All datetimes are aware. Naive datetimes are refused with :class:`ValueError`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

__all__ = [
    "DEFAULT_PAUSE_SECONDS",
    "END_ELAPSED",
    "END_NEXT",
    "END_TYPING",
    "PauseCue",
]

#: How long a pause cue runs unless told otherwise.
DEFAULT_PAUSE_SECONDS = 8.0

#: The cue ran its full length.
END_ELAPSED = "elapsed"
#: The manager started typing (they are answering, so take notes).
END_TYPING = "typing"
#: The manager moved on to the next prompt.
END_NEXT = "next"

_EARLY = "Hold the silence — let them think."
_MIDDLE = "Still thinking is good. Wait a little longer."
_LATE = "Stay with the quiet a moment more."
_DONE = "Go ahead."


def _aware(dt: datetime, what: str) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {dt!r}")
    return dt.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class PauseCue:
    """One run of the pause cue, an immutable value.

    Attributes:
        started_at: when the cue started (aware; stored in UTC).
        length: how long it runs, in seconds, greater than 0.
        ended_at: when it stopped early, or when its time was recorded as
            run out. ``None`` while nobody has ended it.
        end_reason: why it ended: ``"elapsed"``, ``"typing"``, ``"next"`` or
            another short word. ``None`` while ``ended_at`` is ``None``.
    """

    started_at: datetime
    length: float = DEFAULT_PAUSE_SECONDS
    ended_at: datetime | None = None
    end_reason: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "started_at", _aware(self.started_at, "started_at"))
        if not (math.isfinite(self.length) and self.length > 0):
            raise ValueError(f"length must be a positive number of seconds, got {self.length!r}")
        if self.ended_at is not None:
            ended = _aware(self.ended_at, "ended_at")
            if ended < self.started_at:
                raise ValueError(f"cue ended at {ended} before it started at {self.started_at}")
            object.__setattr__(self, "ended_at", ended)

    @classmethod
    def start(cls, at: datetime, length: float = DEFAULT_PAUSE_SECONDS) -> PauseCue:
        """Start a cue at ``at`` that runs for ``length`` seconds."""
        return cls(started_at=at, length=length)

    @property
    def due_at(self) -> datetime:
        """When the cue runs out if nobody ends it early."""
        return self.started_at + timedelta(seconds=self.length)

    @property
    def stops_at(self) -> datetime:
        """When the cue stops: ``ended_at`` if it was ended, otherwise :attr:`due_at`."""
        due = self.due_at
        return due if self.ended_at is None else min(self.ended_at, due)

    def end(self, at: datetime, reason: str) -> PauseCue:
        """Return a copy ended at ``at`` for ``reason``.

        If the cue was already ended, it is returned unchanged. If ``at`` is
        at or after :attr:`due_at`, the cue had already run out by itself,
        so the copy records ``ended_at = due_at`` with reason ``"elapsed"``.
        An ``at`` before the start is treated as the start.
        """
        if self.ended_at is not None:
            return self
        at = _aware(at, "at")
        due = self.due_at
        if at >= due:
            return replace(self, ended_at=due, end_reason=END_ELAPSED)
        return replace(self, ended_at=max(at, self.started_at), end_reason=reason)

    def held_seconds(self, now: datetime) -> float:
        """How long the silence has actually been held, from 0 up to :attr:`length`.

        The cue counts until ``ended_at``, or until ``min(now, due_at)`` if it
        was not ended. Before the start this is 0.
        """
        now = _aware(now, "now")
        stop = min(now, self.stops_at)
        return max(0.0, min((stop - self.started_at).total_seconds(), self.length))

    def progress(self, now: datetime) -> float:
        """Held seconds as a share of the length, in ``[0, 1]``.

        It stops moving when the cue is ended early.
        """
        return min(1.0, self.held_seconds(now) / self.length)

    def is_active(self, now: datetime) -> bool:
        """True while the cue is running: ``started_at <= now < stops_at``."""
        now = _aware(now, "now")
        return self.started_at <= now < self.stops_at

    def ran_out(self, now: datetime) -> bool:
        """True once the cue has run its full length without being ended early."""
        now = _aware(now, "now")
        return now >= self.due_at and self.stops_at == self.due_at

    def message(self, now: datetime) -> str:
        """A calm line for the manager, which changes gently as the cue goes on.

        * first third: ``"Hold the silence — let them think."``
        * second third: ``"Still thinking is good. Wait a little longer."``
        * last third: ``"Stay with the quiet a moment more."``
        * ran its full length: ``"Go ahead."``
        * before the start, or ended early (they spoke, or the manager moved
          on): ``""``
        """
        if self.ran_out(now):
            return _DONE
        if not self.is_active(now):
            return ""
        progress = self.progress(now)
        if progress < 1 / 3:
            return _EARLY
        if progress < 2 / 3:
            return _MIDDLE
        return _LATE
