"""A meeting as plain JSON-ready data: everything, private notes included,
each note and action with its ``private`` flag (the shape is in the README).
The actions are as the record holds them: as of the end of the meeting."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tui1on1.domain.recap import MeetingRecord
from tui1on1.domain.records import ActionItem

EXPORT_VERSION = 2
"""2: ``private`` on notes and actions, each action's ``origin_meeting_id``
and ``closed_meeting_id``, and ``earlier_actions``; later ``drop_reason``."""


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _action(record: MeetingRecord, action: ActionItem) -> dict[str, Any]:
    return {
        "id": action.id,
        "owner": action.owner.value,
        "text": action.text,
        "due": _iso(action.due),
        "status": action.status.value,
        "private": record.is_private(action),
        "note_id": action.note_id,
        "origin_meeting_id": action.origin_meeting_id,
        "closed_meeting_id": action.closed_meeting_id,
        "created_at": _iso(action.created_at),
        "closed_at": _iso(action.closed_at),
        "drop_reason": record.drop_reasons.get(action.id, ""),
    }


def to_json(record: MeetingRecord) -> dict[str, Any]:
    """The JSON export of one meeting."""
    meeting, person = record.meeting, record.person
    return {
        "version": EXPORT_VERSION,
        "person": {"name": person.name, "role": person.role, "relationship": person.relationship},
        "meeting": {
            "id": meeting.id,
            "playbook": meeting.playbook,
            "planned_minutes": meeting.planned_minutes,
            "started_at": _iso(meeting.started_at),
            "ended_at": _iso(meeting.ended_at),
            "status": meeting.status.value,
            "summary": meeting.summary,
            "pauses": [
                {"paused_at": _iso(p.paused_at), "resumed_at": _iso(p.resumed_at)}
                for p in meeting.pauses
            ],
        },
        "segments": [
            {
                "index": s.segment_index,
                "title": s.title,
                "started_at": _iso(s.started_at),
                "ended_at": _iso(s.ended_at),
            }
            for s in record.segments
        ],
        "asked_questions": [
            {
                "id": a.id,
                "slug": a.slug,
                "text": a.text,
                "elapsed_seconds": a.elapsed_seconds,
                "asked_at": _iso(a.asked_at),
                "pause_seconds": a.pause_seconds,
                "followups": a.followups,
            }
            for a in record.asked
        ],
        "notes": [
            {
                "id": n.id,
                "kind": n.kind.value,
                "text": n.text,
                "tags": list(n.tags),
                "private": n.private,
                "elapsed_seconds": n.elapsed_seconds,
                "segment_index": n.segment_index,
                "asked_question_id": n.asked_question_id,
                "created_at": _iso(n.created_at),
                "edited_at": _iso(n.edited_at),
            }
            for n in record.notes
        ],
        "actions": [_action(record, a) for a in record.actions],
        "earlier_actions": [_action(record, a) for a in record.earlier_actions],
    }
