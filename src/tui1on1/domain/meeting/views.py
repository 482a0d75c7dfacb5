"""What the meeting screen shows, as plain values the model derives from now.

The widgets only paint these; they are compared whole, so a widget repaints
only when what it shows changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui1on1.domain.clock import ClockState


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
