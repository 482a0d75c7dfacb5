"""Playbooks and their segments, and the agenda of a live meeting.

A :class:`Playbook` is a named shape for a one-on-one: an ordered list of
:class:`Segment` entries with nominal lengths in minutes. :func:`scale` fits a
playbook to a meeting's planned length, which gives a
:class:`ScheduledSegment` window for each segment. :class:`Agenda` answers
"which segment are we in?" from the elapsed meeting time and the manager's
"Next segment" presses.

The types are plain frozen dataclasses so the question bank can load more
playbooks from TOML straight into them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

__all__ = [
    "DEFAULT_PLAYBOOK",
    "Agenda",
    "Playbook",
    "ScheduledSegment",
    "Segment",
    "scale",
    "validate_playbook",
]

#: How far apart the sum of segment minutes and the nominal minutes may be.
MINUTES_TOLERANCE = 0.01


@dataclass(frozen=True, slots=True)
class Segment:
    """One part of a playbook.

    Attributes:
        title: what the manager sees, e.g. ``"Career"``.
        minutes: nominal length within the playbook's nominal minutes.
        categories: question-bank categories to offer prompts from, e.g.
            ``("aspiration", "why")``. A list is accepted and kept as a tuple.
        hint: one calm line for the manager, e.g. ``"Agree one tangible next step"``.
        lead: slugs of the questions the segment opens with, in order of
            preference (see :mod:`tui1on1.domain.prompts`).
    """

    title: str
    minutes: float
    categories: tuple[str, ...] = ()
    hint: str = ""
    lead: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "categories", tuple(self.categories))
        object.__setattr__(self, "lead", tuple(self.lead))


@dataclass(frozen=True, slots=True)
class Playbook:
    """A named shape for a one-on-one.

    Attributes:
        slug: stable identifier stored on the meeting, e.g. ``"weekly"``.
        title: display name, e.g. ``"Weekly 1:1"``.
        description: one or two sentences about when to use it.
        minutes: nominal total length. The segment minutes should add up to it
            (see :func:`validate_playbook`).
        segments: the segments in order. A list is accepted and kept as a tuple.
        source: the file it came from (the user's own, or the shipped one).
    """

    slug: str
    title: str
    description: str
    minutes: float
    segments: tuple[Segment, ...]
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "segments", tuple(self.segments))


def validate_playbook(playbook: Playbook) -> list[str]:
    """Return readable problems with ``playbook``. An empty list means it is valid.

    Checks: slug and title are not blank, there is at least one segment,
    every minutes value is a positive finite number, every segment has a
    title, and the segment minutes add up to the nominal minutes within
    0.01.
    """
    errors: list[str] = []
    if not playbook.slug.strip():
        errors.append("playbook slug is empty")
    if not playbook.title.strip():
        errors.append(f"playbook {playbook.slug!r}: title is empty")
    if not _positive(playbook.minutes):
        errors.append(f"playbook {playbook.slug!r}: minutes must be > 0, got {playbook.minutes!r}")
    if not playbook.segments:
        errors.append(f"playbook {playbook.slug!r}: has no segments")
        return errors
    for i, segment in enumerate(playbook.segments):
        label = f"playbook {playbook.slug!r}: segment {i + 1}"
        if not segment.title.strip():
            errors.append(f"{label}: title is empty")
        if not _positive(segment.minutes):
            errors.append(
                f"{label} ({segment.title!r}): minutes must be > 0, got {segment.minutes!r}"
            )
    total = sum(segment.minutes for segment in playbook.segments)
    if (
        _positive(playbook.minutes)
        and math.isfinite(total)
        and abs(total - playbook.minutes) > MINUTES_TOLERANCE
    ):
        errors.append(
            f"playbook {playbook.slug!r}: segment minutes add up to {total:g}, "
            f"not the nominal {playbook.minutes:g}"
        )
    return errors


def _positive(value: float) -> bool:
    return math.isfinite(value) and value > 0


@dataclass(frozen=True, slots=True)
class ScheduledSegment:
    """A segment placed on a real meeting's timeline.

    ``start_s`` and ``end_s`` are seconds of elapsed meeting time, so pauses
    are already left out. The window is ``[start_s, end_s)``.
    """

    index: int
    title: str
    categories: tuple[str, ...]
    hint: str
    start_s: float
    end_s: float
    lead: tuple[str, ...] = ()

    @property
    def duration_s(self) -> float:
        """Length of the window in seconds."""
        return self.end_s - self.start_s

    def contains(self, elapsed: float) -> bool:
        """True if ``start_s <= elapsed < end_s``."""
        return self.start_s <= elapsed < self.end_s


def scale(playbook: Playbook, planned_minutes: float) -> tuple[ScheduledSegment, ...]:
    """Fit ``playbook`` to a meeting of ``planned_minutes``.

    Each segment gets a share of the meeting in proportion to its minutes.
    The boundaries between segments are rounded to whole seconds: each one
    is the rounded cumulative share, so rounding errors never add up. The
    last segment ends at exactly ``planned_minutes * 60``, so it takes up
    whatever rounding is left. A tiny segment in a short meeting may end up
    with an empty window.

    Raises:
        ValueError: if ``planned_minutes`` is not a positive number, or the
            playbook has no segments, or a segment's minutes are not positive.
    """
    if not _positive(planned_minutes):
        raise ValueError(f"planned_minutes must be > 0, got {planned_minutes!r}")
    if not playbook.segments:
        raise ValueError(f"playbook {playbook.slug!r} has no segments")
    if not all(_positive(s.minutes) for s in playbook.segments):
        raise ValueError(f"playbook {playbook.slug!r} has a segment without positive minutes")
    total_s = planned_minutes * 60.0
    nominal = sum(s.minutes for s in playbook.segments)
    last = len(playbook.segments) - 1
    scheduled: list[ScheduledSegment] = []
    cumulative = 0.0
    start = 0.0
    for i, segment in enumerate(playbook.segments):
        cumulative += segment.minutes
        if i == last:
            end = total_s
        else:
            # Round half up, and never past the meeting's end.
            end = min(float(math.floor(cumulative * total_s / nominal + 0.5)), total_s)
        end = max(end, start)
        scheduled.append(
            ScheduledSegment(
                index=i,
                title=segment.title,
                categories=segment.categories,
                hint=segment.hint,
                start_s=start,
                end_s=end,
                lead=segment.lead,
            )
        )
        start = end
    return tuple(scheduled)


class Agenda:
    """The scheduled segments of one meeting and the rule for which one is current.

    Args:
        segments: scheduled segments in order, usually from :func:`scale`.

    Raises:
        ValueError: if ``segments`` is empty.
    """

    __slots__ = ("_segments",)

    def __init__(self, segments: Sequence[ScheduledSegment]) -> None:
        if not segments:
            raise ValueError("an agenda needs at least one segment")
        self._segments = tuple(segments)

    @classmethod
    def for_playbook(cls, playbook: Playbook, planned_minutes: float) -> Agenda:
        """Return ``Agenda(scale(playbook, planned_minutes))``."""
        return cls(scale(playbook, planned_minutes))

    @property
    def segments(self) -> tuple[ScheduledSegment, ...]:
        """The scheduled segments, in order."""
        return self._segments

    @property
    def total_s(self) -> float:
        """The scheduled length of the whole meeting (the last segment's end)."""
        return self._segments[-1].end_s

    def __len__(self) -> int:
        return len(self._segments)

    def __getitem__(self, index: int) -> ScheduledSegment:
        return self._segments[index]

    def __iter__(self) -> Iterator[ScheduledSegment]:
        return iter(self._segments)

    def __repr__(self) -> str:
        return f"Agenda({list(self._segments)!r})"

    def rescheduled_from(self, index: int, at: float) -> Agenda:
        """The agenda once the manager moved on early to segment ``index`` at
        ``at`` seconds: that segment and the ones after it share the time left
        in proportion to their lengths, so the minutes saved go to what is
        still to come (the last segment still ends at the planned end). The
        same agenda when ``at`` is not before the segment's start, or the
        meeting is over."""
        segment = self._segments[index]
        total = self.total_s
        if at >= segment.start_s or at >= total:
            return self
        rest = self._segments[index:]
        whole = sum(s.duration_s for s in rest)
        if whole <= 0:
            return self
        moved: list[ScheduledSegment] = list(self._segments[:index])
        start, cumulative = at, 0.0
        for k, later in enumerate(rest):
            cumulative += later.duration_s
            last = k == len(rest) - 1
            end = total if last else at + float(math.floor(cumulative / whole * (total - at) + 0.5))
            moved.append(replace(later, start_s=start, end_s=max(end, start)))
            start = max(end, start)
        return Agenda(moved)

    def after_moves(self, starts: Sequence[tuple[int, float]]) -> Agenda:
        """This agenda with each segment change (index, seconds) applied in
        turn: an early one reschedules what is still to come."""
        agenda = self
        for index, at in starts:
            if index < len(agenda):
                agenda = agenda.rescheduled_from(index, at)
        return agenda

    def time_index(self, elapsed: float) -> int:
        """The segment whose window ``[start_s, end_s)`` contains ``elapsed``.

        Before the start this is the first segment. At or after the scheduled
        end (overtime) it is the last one. Empty windows are never current
        by time.
        """
        for segment in self._segments:
            if elapsed < segment.end_s:
                return segment.index
        return self._segments[-1].index

    def current_index(self, elapsed: float, manual_index: int | None = None) -> int:
        """The segment the meeting is in.

        The rule: time moves the agenda forward on its own. A "Next segment"
        press (``manual_index``, the furthest segment the manager moved to)
        can move it ahead early, but never back. The result is
        ``max(manual_index, time_index(elapsed))``. If the conversation runs
        past the segment the manager jumped to, time still moves it further.
        ``manual_index`` is clamped to the valid range.
        """
        index = self.time_index(elapsed)
        if manual_index is not None:
            index = max(index, min(max(manual_index, 0), len(self._segments) - 1))
        return index

    def segment_remaining(self, elapsed: float, index: int) -> float:
        """Seconds from ``elapsed`` to the scheduled end of segment ``index``.

        If the manager jumped ahead early, this counts to the scheduled end
        of the segment they jumped to, so it can be longer than that
        segment's own length. The result is negative once that scheduled end
        has passed (for example in overtime).

        Raises:
            IndexError: if ``index`` is not a segment of this agenda.
        """
        if not 0 <= index < len(self._segments):
            raise IndexError(f"segment index {index} out of range 0..{len(self._segments) - 1}")
        return self._segments[index].end_s - elapsed


DEFAULT_PLAYBOOK = Playbook(
    slug="weekly",
    title="Weekly 1:1",
    description=(
        "The everyday 30-minute one-on-one: close the loop on last time, "
        "hear what is on their mind, talk about growth, trade feedback and "
        "leave with one clear next step."
    ),
    minutes=30,
    segments=(
        Segment(
            title="Follow-ups",
            minutes=4,
            categories=("follow-up",),
            hint="Walk through last time's open actions, briefly.",
        ),
        Segment(
            title="Their topics",
            minutes=8,
            categories=("wellbeing", "getting-to-know"),
            hint="Their agenda first. Listen more than you speak.",
        ),
        Segment(
            title="Career",
            minutes=10,
            categories=("aspiration", "why", "moonshot", "strengths", "growth"),
            hint="Ask one question, then let it breathe.",
        ),
        Segment(
            title="Feedback both ways",
            minutes=4,
            categories=("feedback",),
            hint="Offer one specific observation, then ask for theirs.",
        ),
        Segment(
            title="Next steps",
            minutes=4,
            categories=("plan",),
            hint="Agree one tangible next step and who owns it.",
        ),
    ),
)
