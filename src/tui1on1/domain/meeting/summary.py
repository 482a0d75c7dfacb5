"""The end summary of a live meeting: time per segment, the questions asked,
notes counted apart from actions, what was promised, and the earlier
promises closed since the last 1:1 (here, or on a day between meetings)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tui1on1.domain.grammar import PRIVATE_MARK
from tui1on1.domain.growth_words import meeting_plan_lines
from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.meeting.asked import AskedQuestionLine, Summary, time_per_segment

if TYPE_CHECKING:
    from tui1on1.domain.meeting.model import MeetingModel
    from tui1on1.domain.records import ActionItem

__all__ = ["summarize"]

_CLOSED = (ActionStatus.DONE, ActionStatus.DROPPED)


def summarize(model: MeetingModel, now: datetime) -> Summary:
    """How the meeting went, as of ``now``."""
    actual = model.elapsed(now)
    spent = time_per_segment(model.segment_starts, actual)
    segments = [(model.agenda[i].title, spent[i]) for i in sorted(spent) if i < len(model.agenda)]
    own = model.notes.own()
    actions = [row for row in own if row.is_action]
    carried = [row for row in model.notes.rows() if row.carried and row.is_action]
    still_open = [row for row in carried if row.action_status not in _CLOSED]
    between = [
        (_marked(a, model.private_between), a.owner is Owner.ME, str(a.status), _day(a.closed_at))
        for a in model.closed_between
    ]
    here = [
        (row.summary_text, row.mine, str(row.action_status), "here")
        for row in carried
        if row.action_status in _CLOSED
    ]
    return Summary(
        planned_minutes=model.meeting.planned_minutes,
        actual_seconds=actual,
        segments=segments,
        asked=[
            AskedQuestionLine(ref.text, ref.elapsed, ref.pause_total, ref.followups)
            for ref in model.asked
        ],
        notes=len(own) - len(actions),
        actions_mine=[(row.summary_text, row.due) for row in actions if row.mine],
        actions_theirs=[(row.summary_text, row.due) for row in actions if not row.mine],
        closed_since=[*between, *here],
        still_open_mine=sum(1 for row in still_open if row.mine),
        still_open_theirs=sum(1 for row in still_open if not row.mine),
        exposures=[row.summary_text for row in own if row.kind is NoteKind.EXPOSURE],
        plan=meeting_plan_lines(model.plan_events, model.meeting.id),
    )


def _marked(action: ActionItem, private: frozenset[int]) -> str:
    """Its text, a private one marked as the meeting's rows mark theirs."""
    return f"{PRIVATE_MARK} private: {action.text}" if action.id in private else action.text


def _day(at: datetime | None) -> str:
    """The local day it happened: 'Tue 8 Dec'."""
    if at is None:
        return "since"
    local = at.astimezone()
    return f"on {local:%a} {local.day} {local:%b}"
