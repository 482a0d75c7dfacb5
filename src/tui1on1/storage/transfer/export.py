"""Writing the whole database as one document (see the package docstring)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from tui1on1.storage import convert
from tui1on1.storage.session import utcnow
from tui1on1.storage.tables import (
    ActionEventRow,
    ActionItemRow,
    AskedQuestionRow,
    BackfillRow,
    DraftRow,
    ExposureRow,
    MeetingPauseRow,
    MeetingRow,
    NoteRow,
    PersonRow,
    PlanEventRow,
    SegmentLogRow,
    TalkingPointRow,
)
from tui1on1.storage.transfer.exposures import export_exposures
from tui1on1.storage.transfer.growth import export_plan_events
from tui1on1.storage.transfer.model import FORMAT, VERSION
from tui1on1.storage.transfer.succession import export_backfills

if TYPE_CHECKING:
    from tui1on1.storage.store import Store

_K = TypeVar("_K")
_R = TypeVar("_R")

# --- export ---------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def export_data(store: Store, *, now: datetime | None = None) -> dict[str, Any]:
    """Everything in the database as the export document (see the module doc).

    People are ordered by name, meetings by when they started, notes by id.
    An action item without a note (which the app never makes) has no place in
    the format and is left out.
    """
    return store.export_document(now=now)


def document_from(
    session: Session, *, now: datetime | None = None, meeting_id: int | None = None
) -> dict[str, Any]:
    """The export document read in the caller's transaction: the whole
    database, or only ``meeting_id`` and its person (what a discarded meeting
    is kept as: ``tui1on1 import`` of it brings the meeting back and finds the
    person by name)."""
    people_q = select(PersonRow)
    meetings_q = select(MeetingRow)
    pauses_q = select(MeetingPauseRow)
    segments_q = select(SegmentLogRow)
    asked_q = select(AskedQuestionRow)
    notes_q = select(NoteRow)
    actions_q = select(ActionItemRow).where(ActionItemRow.note_id.is_not(None))
    drafts_q = select(DraftRow)
    points_q = select(TalkingPointRow)
    exposures_q = select(ExposureRow)
    backfills_q = select(BackfillRow)
    plans_q = select(PlanEventRow)
    if meeting_id is not None:
        owner = select(MeetingRow.person_id).where(MeetingRow.id == meeting_id)
        people_q = people_q.where(PersonRow.id.in_(owner.scalar_subquery()))
        meetings_q = meetings_q.where(MeetingRow.id == meeting_id)
        pauses_q = pauses_q.where(MeetingPauseRow.meeting_id == meeting_id)
        segments_q = segments_q.where(SegmentLogRow.meeting_id == meeting_id)
        asked_q = asked_q.where(AskedQuestionRow.meeting_id == meeting_id)
        notes_q = notes_q.where(NoteRow.meeting_id == meeting_id)
        in_meeting = select(NoteRow.id).where(NoteRow.meeting_id == meeting_id)
        actions_q = actions_q.where(ActionItemRow.note_id.in_(in_meeting))
        drafts_q = drafts_q.where(DraftRow.meeting_id == meeting_id)
        points_q = points_q.where(false())  # a discarded meeting leaves them waiting
        exposures_q = exposures_q.where(false())  # logged between meetings: not the meeting's
        backfills_q = backfills_q.where(false())  # nor is the bench
        plans_q = plans_q.where(false())  # nor the plans: their changes stay
    people = session.scalars(people_q).all()
    meetings = session.scalars(meetings_q).all()
    pauses = session.scalars(pauses_q).all()
    segments = session.scalars(segments_q).all()
    asked = session.scalars(asked_q).all()
    notes = session.scalars(notes_q).all()
    actions = session.scalars(actions_q).all()
    events_of = _group(
        session.scalars(
            select(ActionEventRow)
            .where(ActionEventRow.action_id.in_(actions_q.with_only_columns(ActionItemRow.id)))
            .order_by(ActionEventRow.at, ActionEventRow.id)
        ).all(),
        lambda r: r.action_id,
    )
    drafts = session.scalars(drafts_q).all()
    points_of = _group(session.scalars(points_q).all(), lambda r: r.person_id)
    exposures_of = _group(session.scalars(exposures_q).all(), lambda r: r.person_id)
    backfills_of = _group(session.scalars(backfills_q).all(), lambda r: r.candidate_id)
    plans_of = _group(session.scalars(plans_q).all(), lambda r: r.person_id)
    names = {person.id: person.name for person in people}

    meetings_of = _group(meetings, lambda r: r.person_id)
    pauses_of = _group(pauses, lambda r: r.meeting_id)
    segments_of = _group(segments, lambda r: r.meeting_id)
    asked_of = _group(asked, lambda r: r.meeting_id)
    notes_of = _group(notes, lambda r: r.meeting_id)
    action_of_note = {a.note_id: a for a in actions}
    draft_of = {d.meeting_id: d for d in drafts}

    out_people = []
    # Sorted here, not in SQL: collations differ between SQLite and PostgreSQL.
    for person in sorted(people, key=lambda p: (p.name_key, p.name, p.id)):
        own = sorted(meetings_of.get(person.id, []), key=lambda m: (m.started_at, m.id))
        started = {m.id: _iso(m.started_at) for m in own}
        out_meetings = []
        for meeting in own:
            questions = sorted(asked_of.get(meeting.id, []), key=lambda a: (a.asked_at, a.id))
            keys = {a.id: f"q{i}" for i, a in enumerate(questions, start=1)}
            draft = draft_of.get(meeting.id)
            out_meetings.append(
                {
                    "playbook": meeting.playbook,
                    "planned_minutes": meeting.planned_minutes,
                    "started_at": _iso(meeting.started_at),
                    "ended_at": _iso(meeting.ended_at),
                    "status": meeting.status,
                    "summary": meeting.summary,
                    "pauses": [
                        {"paused_at": _iso(p.paused_at), "resumed_at": _iso(p.resumed_at)}
                        for p in sorted(
                            pauses_of.get(meeting.id, []), key=lambda p: (p.paused_at, p.id)
                        )
                    ],
                    "segments": [
                        {
                            "index": s.segment_index,
                            "title": s.title,
                            "started_at": _iso(s.started_at),
                            "ended_at": _iso(s.ended_at),
                        }
                        for s in sorted(
                            segments_of.get(meeting.id, []), key=lambda s: (s.started_at, s.id)
                        )
                    ],
                    "asked_questions": [
                        {
                            "key": keys[a.id],
                            "slug": a.slug,
                            "text": a.text,
                            "elapsed_seconds": float(a.elapsed_seconds),
                            "asked_at": _iso(a.asked_at),
                            "pause_seconds": _float_or_none(a.pause_seconds),
                            "followups": a.followups,
                        }
                        for a in questions
                    ],
                    "notes": [
                        _export_note(n, keys, action_of_note.get(n.id), started, events_of)
                        for n in sorted(notes_of.get(meeting.id, []), key=lambda n: n.id)
                    ],
                    "draft": (
                        {"text": draft.text, "updated_at": _iso(draft.updated_at)}
                        if draft is not None
                        else None
                    ),
                }
            )
        out_people.append(
            {
                "name": person.name,
                "role": person.role,
                "relationship": person.relationship,
                "cadence": person.cadence,
                "default_playbook": person.default_playbook,
                "archived": bool(person.archived),
                "created_at": _iso(person.created_at),
                "meetings": out_meetings,
                "talking_points": [
                    {
                        "uid": p.uid,
                        "text": p.text,
                        "mine": bool(p.mine),
                        "created_at": _iso(p.created_at),
                        "resolved_at": _iso(p.resolved_at),
                        "resolved_in_meeting": (
                            started.get(p.resolved_meeting_id) if p.resolved_meeting_id else None
                        ),
                    }
                    for p in sorted(
                        points_of.get(person.id, []), key=lambda p: (p.created_at, p.id)
                    )
                ],
                "exposures": export_exposures(exposures_of.get(person.id, []), _iso),
                "backfills": export_backfills(backfills_of.get(person.id, []), names, _iso),
                "plan_events": export_plan_events(plans_of.get(person.id, []), started, _iso),
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _iso(now or utcnow()),
        "people": out_people,
    }


def _export_note(
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
        "created_at": _iso(note.created_at),
        "edited_at": _iso(note.edited_at),
        "deleted_at": _iso(note.deleted_at),
        "resolved_at": _iso(note.resolved_at),
        "resolved_in_meeting": (
            started.get(note.resolved_meeting_id) if note.resolved_meeting_id else None
        ),
        "career": note.career,
        "answers_why": bool(note.answers_why),
        "private": bool(note.private),
        "action": (
            {
                "owner": action.owner,
                "due": action.due.isoformat() if action.due else None,
                "status": action.status,
                "created_at": _iso(action.created_at),
                "closed_at": _iso(action.closed_at),
                "closed_in_meeting": (
                    started.get(action.closed_meeting_id) if action.closed_meeting_id else None
                ),
                "history": [
                    {
                        "uid": e.uid,
                        "change": e.change,
                        "at": _iso(e.at),
                        "before": e.before,
                        "after": e.after,
                        "reason": e.reason or "",
                        "changed_in_meeting": started.get(e.meeting_id) if e.meeting_id else None,
                    }
                    for e in events_of.get(action.id, [])
                ],
            }
            if action is not None
            else None
        ),
    }


def _float_or_none(value: float | None) -> float | None:
    return float(value) if value is not None else None


def _group(rows: Iterable[_R], key: Callable[[_R], _K]) -> dict[_K, list[_R]]:
    grouped: dict[_K, list[_R]] = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row)
    return grouped
