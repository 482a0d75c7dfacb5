"""What the prompt card shows for ``now``: the segment's current question
with where it stands in the deck, when it was asked here and when before,
and the hint under it (the segment's, the wrap-up nudge, or the read-back of
what was agreed in the last segment)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tui1on1.domain.clock import ClockState, format_mmss
from tui1on1.domain.meeting.offer import FOLLOW_UP_CATEGORY
from tui1on1.domain.meeting.prompt_text import NO_QUESTIONS, NOTHING_CARRIED, WRAP_UP_HINT
from tui1on1.domain.meeting.views import PromptView
from tui1on1.domain.text import plural

if TYPE_CHECKING:
    from tui1on1.domain.meeting.model import MeetingModel

__all__ = ["prompt_view"]


def prompt_view(model: MeetingModel, now: datetime, read_back_shown: int) -> PromptView:
    """The prompt card as of ``now``; in the last segment, the read-back of
    the first ``read_back_shown`` actions."""
    index = model.segment_index(now)
    segment = model.agenda[index]
    deck = model.deck(now)
    question = deck.current
    hint = WRAP_UP_HINT if model.clock.state(now) is not ClockState.ON_TRACK else segment.hint
    if index == len(model.agenda) - 1:
        hint = model.read_back(read_back_shown) or hint
    if question is None:
        empty = NO_QUESTIONS
        if not model.carried and FOLLOW_UP_CATEGORY in segment.categories:
            empty = NOTHING_CARRIED  # and the segment's hint about them would jar
            hint = hint if hint != segment.hint else ""
        return PromptView(heading=segment.title, question=empty, probes=(), hint=hint)
    position, count = deck.position
    heading = f"{segment.title} · {question.category} · {position}/{count}"
    asked_now = [a for a in model.asked if a.slug == question.slug]
    asked = ""
    if asked_now:
        ref = asked_now[-1]
        asked = f"asked at {format_mmss(ref.elapsed)}"
        if ref.followups:
            asked += f" · {plural(ref.followups, 'why', 'whys')}"
    return PromptView(
        heading=heading,
        question=question.text,
        probes=tuple(question.probes),
        memory=""
        if asked and question.slug not in model.history
        else model.memory_line(question.slug),
        asked=asked,
        hint=hint,
        note=question.note,
    )
