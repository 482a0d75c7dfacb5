"""A cue that helps the manager stay quiet after asking a question.

After asking something that matters, the manager starts a :class:`PauseCue`.
For a few seconds the UI shows a slowly filling bar and a calm line that
says to let the silence do its work. Like the meeting clock, the cue never
counts ticks. Progress, state and wording are all worked out from ``now``,
so a late or missed repaint changes nothing.

Three cues share the mechanics and differ in their words (:class:`CueWords`)
and length (:class:`PauseLengths`): the question's (its length by the kind of
question), the second wait after the first answer, and the breath the manager
takes before answering a question themselves (managing up).

All datetimes are aware. Naive datetimes are refused with :class:`ValueError`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

__all__ = [
    "BREATH",
    "BREATH_SECONDS",
    "CATEGORY_SECONDS",
    "DEFAULT_PAUSE_SECONDS",
    "END_ELAPSED",
    "END_NEXT",
    "END_TYPING",
    "MIDDLE_SECONDS",
    "QUESTION",
    "SECOND_WAIT",
    "SECOND_WAIT_SECONDS",
    "WAIT_TIME_SECONDS",
    "CueWords",
    "PauseCue",
    "PauseLengths",
]

#: After a question, a calm line stays up at least this long: a check-in's
#: short cue doesn't flicker through three lines.
MIN_LINE_SECONDS = 3.0

#: How long a pause cue runs unless told otherwise.
DEFAULT_PAUSE_SECONDS = 8.0

#: The cue ran its full length.
END_ELAPSED = "elapsed"
#: The manager started typing (they are answering, so take notes).
END_TYPING = "typing"
#: The manager moved on to the next prompt.
END_NEXT = "next"


@dataclass(frozen=True, slots=True)
class CueWords:
    """What a cue says: a line for each third of its length, and a closing
    line once it has run its full length."""

    early: str
    middle: str
    late: str
    closing: str
    # Its silence is the asked question's (counted in its held pause). The
    # second wait is not: it runs by itself once their answer is noted, so
    # counting it would let a manager who spoke straight after asking reach
    # the 3-second mark. The breath is the manager's own.
    for_question: bool = True


#: After a question (or a Why?). The closing line leaves the silence with
#: them: nothing in it invites the manager to speak first.
QUESTION = CueWords(
    early="Hold the silence — let them think.",
    middle="Still thinking is good. Wait a little longer.",
    late="Stay with the quiet a moment more.",
    closing="The quiet is theirs — no need to fill it.",
)
#: After their first answer is noted: a first answer is rarely the whole one.
SECOND_WAIT = CueWords(
    early="Wait a moment — there may be more.",
    middle="Leave room for them to add to it.",
    late="Leave room for them to add to it.",
    closing="Anything more is theirs to add.",
    for_question=False,
)
#: Managing up: a question came to the manager; a breath before answering.
BREATH = CueWords(
    early="Take a breath before you answer.",
    middle="Breathe. What is the one thing to say?",
    late="Then answer, in your own time.",
    closing="Answer when you're ready.",
    for_question=False,
)

#: The wait-time mark: three seconds or more of silence after a question gets
#: fuller answers. No shipped cue is shorter, and the manager's mirror
#: (``domain.mirror``) counts the pauses that reached it.
WAIT_TIME_SECONDS = 3.0

#: How long a question's cue runs, by its category, in seconds: at least
#: :data:`WAIT_TIME_SECONDS`; how much more depends on how far the person has
#: to look for the answer.
CATEGORY_SECONDS: Mapping[str, float] = {
    # Check-ins: the answer is close at hand; a long silence would feel odd.
    "follow-up": 4.0,
    "wellbeing": 4.0,
    "getting-to-know": 4.0,
    # The middle: something to weigh before saying it.
    "plan": 6.0,
    "managing-up": 6.0,
    "feedback": 7.0,
    "strengths": 7.0,
    "growth": 7.0,
    "aspiration": 8.0,
    # Why asks them to look under an answer they have just given, at reasons
    # they may never have put into words: 10 s.
    "why": 10.0,
    # A moonshot asks them to imagine years ahead with no obvious answer:
    # the longest, 12 s.
    "moonshot": 12.0,
}
#: A category not listed above.
MIDDLE_SECONDS = 7.0
#: The second wait after the first answer is noted.
SECOND_WAIT_SECONDS = WAIT_TIME_SECONDS
#: The manager's breath before answering (managing up).
BREATH_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class PauseLengths:
    """How long each cue runs, as configured.

    A question's length is its category's in ``by_category``, else
    ``every`` (``pause_seconds``: one length for every question), else the
    default for its category (:data:`CATEGORY_SECONDS`). ``second_wait``
    None: no second wait after the first answer.
    """

    every: float | None = None
    by_category: Mapping[str, float] = field(default_factory=dict)
    second_wait: float | None = SECOND_WAIT_SECONDS
    breath: float = BREATH_SECONDS

    def for_category(self, category: str) -> float:
        """The cue's length after a question of ``category`` ("why" for a Why?)."""
        if category in self.by_category:
            return self.by_category[category]
        if self.every is not None:
            return self.every
        return CATEGORY_SECONDS.get(category, MIDDLE_SECONDS)


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
        words: what it says (:data:`QUESTION`, :data:`SECOND_WAIT`, :data:`BREATH`).
    """

    started_at: datetime
    length: float = DEFAULT_PAUSE_SECONDS
    ended_at: datetime | None = None
    end_reason: str | None = None
    words: CueWords = QUESTION

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
    def start(
        cls, at: datetime, length: float = DEFAULT_PAUSE_SECONDS, words: CueWords = QUESTION
    ) -> PauseCue:
        """Start a cue at ``at`` that runs for ``length`` seconds, saying ``words``."""
        return cls(started_at=at, length=length, words=words)

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

        * first, second and last third: the words' ``early``, ``middle``
          and ``late`` lines (for a question: ``"Hold the silence — let them
          think."``, ``"Still thinking is good. Wait a little longer."``,
          ``"Stay with the quiet a moment more."``); after a question a line
          stays at least ``MIN_LINE_SECONDS``, so a shorter cue has fewer of
          them (under 6 s the early line only; under 9 s the early one, then
          the late one). The second wait and the breath are short on
          purpose, and walk through their three lines.
        * ran its full length: the ``closing`` line (for a question: ``"The
          quiet is theirs — no need to fill it."``)
        * before the start, or ended early (they spoke, or the manager moved
          on): ``""``
        """
        words = self.words
        if self.ran_out(now):
            return words.closing
        if not self.is_active(now):
            return ""
        lines: tuple[str, ...] = (words.early, words.middle, words.late)
        if words is QUESTION:
            stages = int(self.length // MIN_LINE_SECONDS)
            lines = lines if stages >= 3 else (words.early, words.late)[: max(stages, 1)]
        return lines[min(len(lines) - 1, int(self.progress(now) * len(lines)))]
