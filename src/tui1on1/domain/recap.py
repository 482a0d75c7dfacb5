"""A meeting as a readable Markdown recap, or as plain JSON-ready data.

Pure functions of records: the CLI gathers them from the Store. Text written
by the user is kept as typed, except that control characters are escaped so
a recap pasted into a terminal or chat can't carry escape sequences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tui1on1.domain.clock import format_mmss
from tui1on1.domain.grammar import KIND_LABELS
from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import ActionItem, AskedQuestion, Meeting, Note, Person, SegmentLog
from tui1on1.domain.text import plural, safe_terminal_text

EXPORT_VERSION = 1


@dataclass(frozen=True)
class MeetingRecord:
    person: Person
    meeting: Meeting
    notes: Sequence[Note]
    asked: Sequence[AskedQuestion]
    actions: Sequence[ActionItem]  # those that came from this meeting
    segments: Sequence[SegmentLog]


def _clean(text: str) -> str:
    return safe_terminal_text(text, keep_newlines=True)


def _day(value: datetime) -> str:
    local = value.astimezone()
    return f"{local:%a} {local.day} {local:%b %Y}, {local:%H:%M}"


def _due(value: date | None) -> str:
    return f" (by {value:%a} {value.day} {value:%b})" if value else ""


def markdown(record: MeetingRecord) -> str:
    meeting, person = record.meeting, record.person
    lines = [f"# 1:1 with {_clean(person.name)} — {_day(meeting.started_at)}", ""]
    if meeting.ended_at:
        minutes = round((meeting.ended_at - meeting.started_at).total_seconds() / 60)
        length = plural(minutes, "minute") if minutes else "Under a minute"
        lines.append(f"{length} (planned {meeting.planned_minutes}).")
    else:
        lines.append(f"Still live (planned {meeting.planned_minutes} minutes).")
    lines.append("")
    by_kind: dict[NoteKind, list[Note]] = {}
    for note in record.notes:
        by_kind.setdefault(note.kind, []).append(note)
    discussed = [n for n in record.notes if n.kind is not NoteKind.ACTION]
    if discussed:
        lines += ["## What we discussed", ""]
        for note in discussed:
            label = "" if note.kind is NoteKind.NOTE else f"*{KIND_LABELS[note.kind]}:* "
            body = _clean(note.text).replace("\n", "\n  ")
            if note.kind is NoteKind.QUOTE:
                body = f"“{body}”"
            lines.append(f"- {label}{body}")
        lines.append("")
    for owner, heading in ((Owner.ME, "What I'll do"), (Owner.THEM, "What you'll do")):
        items = [a for a in record.actions if a.owner is owner]
        if items:
            lines += [f"## {heading}", ""]
            for action in items:
                box = "x" if action.status is ActionStatus.DONE else " "
                lines.append(f"- [{box}] {_clean(action.text)}{_due(action.due)}")
            lines.append("")
    if record.asked:
        lines += ["## Questions asked", ""]
        for asked in record.asked:
            lines.append(f"- {format_mmss(asked.elapsed_seconds)} {_clean(asked.text)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def to_json(record: MeetingRecord) -> dict[str, Any]:
    """The JSON export of one meeting (its shape is documented in the README)."""
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
                "elapsed_seconds": n.elapsed_seconds,
                "segment_index": n.segment_index,
                "asked_question_id": n.asked_question_id,
                "created_at": _iso(n.created_at),
                "edited_at": _iso(n.edited_at),
            }
            for n in record.notes
        ],
        "actions": [
            {
                "id": a.id,
                "owner": a.owner.value,
                "text": a.text,
                "due": _iso(a.due),
                "status": a.status.value,
                "note_id": a.note_id,
                "created_at": _iso(a.created_at),
                "closed_at": _iso(a.closed_at),
            }
            for a in record.actions
        ],
    }
