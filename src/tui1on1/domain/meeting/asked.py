"""What a live meeting records as it goes: the questions asked (by their
client uid) and the summary it ends with."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from tui1on1.domain.prompts import QuestionLike


class MeetingQuestion(QuestionLike, Protocol):
    """A question from the bank, as the meeting uses it: what the deck ranks,
    and the probes and the coaching note shown with it."""

    @property
    def probes(self) -> Sequence[str]: ...
    @property
    def note(self) -> str: ...


def new_uid() -> str:
    """A client-made id: a retried or replayed write lands once."""
    return uuid.uuid4().hex


@dataclass
class AskedRef:
    """A question asked in this meeting, known by its client ``uid`` from the
    moment it is asked (the writes that follow address it by that)."""

    uid: str
    slug: str
    text: str
    elapsed: float
    followups: int = 0
    pause_total: float = 0.0
    segment: int = 0  # the agenda segment it was asked in
    why: bool = False  # a Why? followed: what is typed now answers that


@dataclass(frozen=True)
class AskedQuestionLine:
    """One question asked, as the summary lists it."""

    text: str
    elapsed: float
    pause_total: float = 0.0
    followups: int = 0


@dataclass(frozen=True)
class Summary:
    planned_minutes: int
    actual_seconds: float
    segments: list[tuple[str, float]]  # title, seconds spent
    asked: list[AskedQuestionLine]
    notes: int  # this meeting's notes that aren't actions
    actions_mine: list[tuple[str, str]]  # text, due text
    actions_theirs: list[tuple[str, str]]
    # Actions from earlier meetings closed since the last 1:1 (text, mine,
    # "done"/"dropped", "here" or the day it happened between meetings),
    # and how many of mine and theirs are still open.
    closed_since: list[tuple[str, bool, str, str]] = field(default_factory=list)
    still_open_mine: int = 0
    still_open_theirs: int = 0
    exposures: list[str] = field(default_factory=list)  # opportunities given, as typed
    plan: list[str] = field(default_factory=list)  # changes to their growth plan, in order


def time_per_segment(starts: Sequence[tuple[int, float]], actual: float) -> dict[int, float]:
    """Seconds spent in each segment (by index), from the segment changes
    (index, elapsed at the change) up to ``actual`` seconds."""
    starts = list(starts) or [(0, 0.0)]
    ends = [start for _index, start in starts[1:]] + [actual]
    spent: dict[int, float] = {}
    for (index, start), end in zip(starts, ends, strict=True):
        spent[index] = spent.get(index, 0.0) + max(0.0, end - start)
    return spent
