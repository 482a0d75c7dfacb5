"""What the meeting screen shows, as plain values the model derives from now.

The widgets only paint these; they are compared whole, so a widget repaints
only when what it shows changed. :func:`clock_view` works out the clock
panel's from the clock and the agenda.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from tui1on1.domain.agenda import Agenda
from tui1on1.domain.clock import ClockState, MeetingClock, format_mmss


@dataclass(frozen=True, slots=True)
class ClockView:
    remaining: str  # "24:13" or "+01:05"
    state: ClockState
    ends: str  # "ends 10:30"
    paused: bool
    segment_titles: tuple[str, ...]
    segment_index: int
    segment_left: str  # "07:12 left in Career"


@dataclass(frozen=True, slots=True)
class PromptView:
    heading: str  # "Career · aspiration · 2/14"
    question: str
    probes: tuple[str, ...]
    memory: str = ""  # "asked 3 meetings ago, 12 Oct: 'wants to lead a team'"
    asked: str = ""  # "asked at 07:12 · 1 why"
    hint: str = ""  # the segment's hint, the wrap-up nudge, or the read-back
    note: str = ""  # the question's coaching note, for the manager


@dataclass(frozen=True, slots=True)
class CueView:
    """The pause cue: ``message`` None while idle (the hint shows, no bar);
    ``closing``: it ran its length and says its closing line (no bar)."""

    message: str | None
    progress: float
    closing: bool = False


def clock_view(
    clock: MeetingClock, agenda: Agenda, manual_segment: int | None, now: datetime
) -> ClockView:
    """The clock panel for ``now``: the countdown, its state, the end time,
    and the segment with the time left in it."""
    elapsed = clock.elapsed(now)
    index = agenda.current_index(elapsed, manual_segment)
    segment = agenda[index]
    left = agenda.segment_remaining(elapsed, index)
    if left >= 0:
        # Rounded up, like the big clock, so the two never disagree.
        segment_left = f"{format_mmss(math.ceil(left))} left in {segment.title}"
    else:
        segment_left = f"{segment.title}: {format_mmss(-left)} over"
    ends = clock.ends_at(now).astimezone()
    return ClockView(
        remaining=clock.format_remaining(now),
        state=clock.state(now),
        ends=f"ends {ends:%H:%M}",
        paused=clock.is_paused(now),
        segment_titles=tuple(s.title for s in agenda.segments),
        segment_index=index,
        segment_left=segment_left,
    )
