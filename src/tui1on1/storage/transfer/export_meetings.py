"""A person's meetings in the export document, read a few meetings at a time.

Everything that hangs off a meeting (its notes with their actions and the
actions' histories, pauses, segments, asked questions, draft) is read for
``MEETINGS_PER_READ`` meetings at once and turned into their entries, so a
person with ten years of 1:1s is never in memory whole: ``export --all``
encodes each meeting as it comes (see ``json_text``). The meetings come in
the order given (by when they started), whatever order their ids are in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tui1on1.storage import convert
from tui1on1.storage.tables import (
    ActionEventRow,
    ActionItemRow,
    AskedQuestionRow,
    DraftRow,
    MeetingPauseRow,
    MeetingRow,
    NoteRow,
    SegmentLogRow,
)

# Meetings read per round of queries: a few hundred notes at a time, and
# few enough rounds (a weekly 1:1 for ten years is ten rounds).
MEETINGS_PER_READ = 50
_K = TypeVar("_K")
_R = TypeVar("_R")


def iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def meeting_entries(
    session: Session, meetings: Sequence[MeetingRow], started: dict[int, str | None]
) -> Iterator[dict[str, Any]]:
    """Each of ``meetings``' entries, in their order. ``started`` gives when
    each of the person's meetings started (how the document names a meeting
    a topic was resolved or an action closed in)."""
    for first in range(0, len(meetings), MEETINGS_PER_READ):
        chunk = meetings[first : first + MEETINGS_PER_READ]
        yield from _entries(session, chunk, started)


def _entries(
    session: Session, chunk: Sequence[MeetingRow], started: dict[int, str | None]
) -> Iterator[dict[str, Any]]:
    ids = [m.id for m in chunk]
    notes_q = select(NoteRow).where(NoteRow.meeting_id.in_(ids))
    actions_q = select(ActionItemRow).where(
        ActionItemRow.note_id.in_(notes_q.with_only_columns(NoteRow.id))
    )
    notes_of = _grouped(session, notes_q.order_by(NoteRow.id), lambda n: n.meeting_id)
    action_of_note = {a.note_id: a for a in session.scalars(actions_q)}
    events_of = _grouped(
        session,
        select(ActionEventRow)
        .where(ActionEventRow.action_id.in_(actions_q.with_only_columns(ActionItemRow.id)))
        .order_by(ActionEventRow.at, ActionEventRow.id),
        lambda e: e.action_id,
    )
    pauses_of = _grouped(
        session, select(MeetingPauseRow).where(MeetingPauseRow.meeting_id.in_(ids)),
        lambda p: p.meeting_id,
    )  # fmt: skip
    segments_of = _grouped(
        session, select(SegmentLogRow).where(SegmentLogRow.meeting_id.in_(ids)),
        lambda s: s.meeting_id,
    )  # fmt: skip
    asked_of = _grouped(
        session, select(AskedQuestionRow).where(AskedQuestionRow.meeting_id.in_(ids)),
        lambda a: a.meeting_id,
    )  # fmt: skip
    drafts = session.scalars(select(DraftRow).where(DraftRow.meeting_id.in_(ids)))
    draft_of = {d.meeting_id: d for d in drafts}
    for meeting in chunk:
        questions = sorted(asked_of.get(meeting.id, []), key=lambda a: (a.asked_at, a.id))
        keys = {a.id: f"q{i}" for i, a in enumerate(questions, start=1)}
        draft = draft_of.get(meeting.id)
        pauses = sorted(pauses_of.get(meeting.id, []), key=lambda p: (p.paused_at, p.id))
        segments = sorted(segments_of.get(meeting.id, []), key=lambda s: (s.started_at, s.id))
        yield {
            "playbook": meeting.playbook,
            "planned_minutes": meeting.planned_minutes,
            "started_at": iso(meeting.started_at),
            "ended_at": iso(meeting.ended_at),
            "status": meeting.status,
            "summary": meeting.summary,
            "pauses": [
                {"paused_at": iso(p.paused_at), "resumed_at": iso(p.resumed_at)} for p in pauses
            ],
            "segments": [
                {
                    "index": s.segment_index,
                    "title": s.title,
                    "started_at": iso(s.started_at),
                    "ended_at": iso(s.ended_at),
                }
                for s in segments
            ],
            "asked_questions": [
                {
                    "key": keys[a.id],
                    "slug": a.slug,
                    "text": a.text,
                    "elapsed_seconds": float(a.elapsed_seconds),
                    "asked_at": iso(a.asked_at),
                    "pause_seconds": _float_or_none(a.pause_seconds),
                    "followups": a.followups,
                }
                for a in questions
            ],
            "notes": [
                _note_entry(n, keys, action_of_note.get(n.id), started, events_of)
                for n in notes_of.get(meeting.id, [])
            ],
            "draft": (
                {"text": draft.text, "updated_at": iso(draft.updated_at)}
                if draft is not None
                else None
            ),
        }


def _note_entry(
    note: NoteRow,
    keys: dict[int, str],
    action: ActionItemRow | None,
    started: dict[int, str | None],
    events_of: dict[int, list[ActionEventRow]],
) -> dict[str, Any]:
    return {
        "uid": note.uid,
        "kind": note.kind,
        "text": note.text,
        "tags": list(convert.split_tags(note.tags)),
        "elapsed_seconds": float(note.elapsed_seconds),
        "segment_index": note.segment_index,
        "asked_question": keys.get(note.asked_question_id) if note.asked_question_id else None,
        "created_at": iso(note.created_at),
        "edited_at": iso(note.edited_at),
        "deleted_at": iso(note.deleted_at),
        "resolved_at": iso(note.resolved_at),
        "resolved_in_meeting": (
            started.get(note.resolved_meeting_id) if note.resolved_meeting_id else None
        ),
        "career": note.career,
        "answers_why": bool(note.answers_why),
        "private": bool(note.private),
        "action": _action_entry(action, started, events_of) if action is not None else None,
    }


def _action_entry(
    action: ActionItemRow,
    started: dict[int, str | None],
    events_of: dict[int, list[ActionEventRow]],
) -> dict[str, Any]:
    return {
        "owner": action.owner,
        "due": action.due.isoformat() if action.due else None,
        "status": action.status,
        "created_at": iso(action.created_at),
        "closed_at": iso(action.closed_at),
        "closed_in_meeting": (
            started.get(action.closed_meeting_id) if action.closed_meeting_id else None
        ),
        "history": [
            {
                "uid": e.uid,
                "change": e.change,
                "at": iso(e.at),
                "before": e.before,
                "after": e.after,
                "reason": e.reason or "",
                "changed_in_meeting": started.get(e.meeting_id) if e.meeting_id else None,
            }
            for e in events_of.get(action.id, [])
        ],
    }


def _float_or_none(value: float | None) -> float | None:
    return float(value) if value is not None else None


def _grouped(session: Session, query: Select[_R], key: Callable[[_R], _K]) -> dict[_K, list[_R]]:
    return _group(session.scalars(query), key)


def _group(rows: Iterable[_R], key: Callable[[_R], _K]) -> dict[_K, list[_R]]:
    grouped: dict[_K, list[_R]] = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row)
    return grouped
