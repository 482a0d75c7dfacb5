"""Writing the whole database as one document (see the package docstring)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Select, select
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

NOTE_BATCH = 500  # notes read per round trip while a person's entry is made
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
    return {**document_header(now), "people": list(people_from(session, meeting_id=meeting_id))}


def document_header(now: datetime | None = None) -> dict[str, Any]:
    """The document's fields before its people."""
    return {"format": FORMAT, "version": VERSION, "exported_at": _iso(now or utcnow())}


def people_from(session: Session, *, meeting_id: int | None = None) -> Iterator[dict[str, Any]]:
    """The document's people, one at a time, each read by its own indexed
    queries: only one person's history is in memory at once, however long the
    whole history is (``export --all`` streams them out as they come)."""
    people_q = select(PersonRow)
    if meeting_id is not None:
        owner = select(MeetingRow.person_id).where(MeetingRow.id == meeting_id)
        people_q = people_q.where(PersonRow.id.in_(owner.scalar_subquery()))
    people = session.scalars(people_q).all()
    names = {person.id: person.name for person in people}
    # Sorted here, not in SQL: collations differ between SQLite and PostgreSQL.
    for person in sorted(people, key=lambda p: (p.name_key, p.name, p.id)):
        yield _person_entry(session, person, names, meeting_id)


def _person_entry(
    session: Session, person: PersonRow, names: dict[int, str], meeting_id: int | None
) -> dict[str, Any]:
    meetings_q = select(MeetingRow).where(MeetingRow.person_id == person.id)
    if meeting_id is not None:
        meetings_q = meetings_q.where(MeetingRow.id == meeting_id)
    in_scope = meetings_q.with_only_columns(MeetingRow.id)
    notes_q = select(NoteRow).where(NoteRow.meeting_id.in_(in_scope))
    actions_q = select(ActionItemRow).where(
        ActionItemRow.note_id.in_(notes_q.with_only_columns(NoteRow.id))
    )
    whole = meeting_id is None  # a discarded meeting leaves these with the person
    own = sorted(session.scalars(meetings_q).all(), key=lambda m: (m.started_at, m.id))
    pauses_of = _grouped(
        session,
        select(MeetingPauseRow).where(MeetingPauseRow.meeting_id.in_(in_scope)),
        lambda r: r.meeting_id,
    )
    segments_of = _grouped(
        session,
        select(SegmentLogRow).where(SegmentLogRow.meeting_id.in_(in_scope)),
        lambda r: r.meeting_id,
    )
    asked_of = _grouped(
        session,
        select(AskedQuestionRow).where(AskedQuestionRow.meeting_id.in_(in_scope)),
        lambda r: r.meeting_id,
    )
    actions = session.scalars(actions_q).all()
    events_of = _grouped(
        session,
        select(ActionEventRow)
        .where(ActionEventRow.action_id.in_(actions_q.with_only_columns(ActionItemRow.id)))
        .order_by(ActionEventRow.at, ActionEventRow.id),
        lambda r: r.action_id,
    )
    drafts = session.scalars(select(DraftRow).where(DraftRow.meeting_id.in_(in_scope))).all()
    action_of_note = {a.note_id: a for a in actions}
    draft_of = {d.meeting_id: d for d in drafts}
    started = {m.id: _iso(m.started_at) for m in own}
    questions_of = {
        m.id: sorted(asked_of.get(m.id, []), key=lambda a: (a.asked_at, a.id)) for m in own
    }
    keys_of = {
        m_id: {a.id: f"q{i}" for i, a in enumerate(questions, start=1)}
        for m_id, questions in questions_of.items()
    }
    # Each note becomes its entry as it is read, in batches: a history's
    # notes are never all in memory as rows (in meeting order, then id, as
    # their index keeps them).
    notes_of: dict[int, list[dict[str, Any]]] = {}
    by_meeting = notes_q.order_by(NoteRow.meeting_id, NoteRow.id)
    for n in session.scalars(by_meeting, execution_options={"yield_per": NOTE_BATCH}):
        notes_of.setdefault(n.meeting_id, []).append(
            _export_note(n, keys_of[n.meeting_id], action_of_note.get(n.id), started, events_of)
        )
    out_meetings = []
    for meeting in own:
        questions = questions_of[meeting.id]
        keys = keys_of[meeting.id]
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
                "notes": notes_of.get(meeting.id, []),
                "draft": (
                    {"text": draft.text, "updated_at": _iso(draft.updated_at)}
                    if draft is not None
                    else None
                ),
            }
        )
    points = _owned(session, TalkingPointRow, TalkingPointRow.person_id == person.id, whole)
    exposures = _owned(session, ExposureRow, ExposureRow.person_id == person.id, whole)
    backfills = _owned(session, BackfillRow, BackfillRow.candidate_id == person.id, whole)
    plans = _owned(session, PlanEventRow, PlanEventRow.person_id == person.id, whole)
    return {
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
            for p in sorted(points, key=lambda p: (p.created_at, p.id))
        ],
        "exposures": export_exposures(exposures, _iso),
        "backfills": export_backfills(backfills, names, _iso),
        "plan_events": export_plan_events(plans, started, _iso),
    }


def _grouped(session: Session, query: Select[_R], key: Callable[[_R], _K]) -> dict[_K, list[_R]]:
    return _group(session.scalars(query).all(), key)


def _owned(session: Session, table: type[_R], owner: ColumnElement[bool], whole: bool) -> list[_R]:
    """A person's rows of ``table`` (none when only a discarded meeting is kept)."""
    if not whole:
        return []
    return list(session.scalars(select(table).where(owner)).all())


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
