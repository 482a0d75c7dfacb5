"""Where "now" comes from: the real clock, or a fake one tests move by hand.

Everything that shows or stores time takes a :class:`Clock`, so a test can
drive a whole 30-minute meeting in milliseconds.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable

__all__ = ["Clock", "FakeClock", "SystemClock", "aware"]


def aware(dt: datetime, what: str) -> datetime:
    """Return ``dt`` converted to UTC, or raise ValueError if it is naive."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {dt!r}")
    return dt.astimezone(UTC)


@runtime_checkable
class Clock(Protocol):
    """Anything that can tell the current time as an aware UTC datetime."""

    def now(self) -> datetime:
        """Return the current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        """Return ``datetime.now(UTC)``."""
        return datetime.now(UTC)


class FakeClock:
    """A clock for tests that only moves when told to.

    Args:
        start: the initial time. It must be aware and is kept in UTC.
    """

    def __init__(self, start: datetime) -> None:
        self._now = aware(start, "start")

    def now(self) -> datetime:
        """Return the current fake time."""
        return self._now

    def advance(self, seconds: float) -> datetime:
        """Move the clock by ``seconds``, which may be negative, and return the new time."""
        self._now = self._now + timedelta(seconds=seconds)
        return self._now

    def set(self, dt: datetime) -> datetime:
        """Jump to ``dt``, which must be aware, and return it in UTC."""
        self._now = aware(dt, "dt")
        return self._now

    def __repr__(self) -> str:
        return f"FakeClock({self._now.isoformat()})"
