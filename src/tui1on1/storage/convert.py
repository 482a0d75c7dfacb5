"""Converters from ORM rows to the plain records in ``domain.records``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from tui1on1.domain.exposure import Exposure
from tui1on1.domain.growth import PlanEvent
from tui1on1.domain.kinds import (
    ActionChange,
    ActionStatus,
    ExposureKind,
    MeetingStatus,
    NoteKind,
    Owner,
    PlanOp,
    PlanStatus,
    Relationship,
)
from tui1on1.domain.records import (
    ActionEvent,
    ActionItem,
    AskedQuestion,
    Draft,
    Meeting,
    Note,
    Pause,
    Person,
    SegmentLog,
    TalkingPoint,
)
from tui1on1.domain.succession import Backfill, Readiness
from tui1on1.storage.tables import (
    AskedQuestionRow,
    BackfillRow,
    DraftRow,
    ExposureRow,
    MeetingPauseRow,
    MeetingRow,
    PersonRow,
    PlanEventRow,
    SegmentLogRow,
    TalkingPointRow,
)


class NoteFields(Protocol):
    """A note's columns: a ``NoteRow``, or a Core ``Row`` of the note table
    (the hot path of ``add_note`` reads those without an ORM session)."""

    @property
    def id(self) -> int: ...
    @property
    def uid(self) -> str: ...
    @property
    def meeting_id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def tags(self) -> str: ...
    @property
    def elapsed_seconds(self) -> float: ...
    @property
    def segment_index(self) -> int | None: ...
    @property
    def asked_question_id(self) -> int | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def edited_at(self) -> datetime | None: ...
    @property
    def deleted_at(self) -> datetime | None: ...
    @property
    def resolved_at(self) -> datetime | None: ...
    @property
    def career(self) -> str | None: ...
    @property
    def answers_why(self) -> bool | None: ...
    @property
    def resolved_meeting_id(self) -> int | None: ...
    @property
    def private(self) -> bool | None: ...


class ActionFields(Protocol):
    """An action item's columns: an ``ActionItemRow`` or a Core ``Row`` of its table."""

    @property
    def id(self) -> int: ...
    @property
    def person_id(self) -> int: ...
    @property
    def owner(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def due(self) -> date | None: ...
    @property
    def status(self) -> str: ...
    @property
    def origin_meeting_id(self) -> int | None: ...
    @property
    def closed_meeting_id(self) -> int | None: ...
    @property
    def note_id(self) -> int | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def closed_at(self) -> datetime | None: ...


class ActionEventFields(Protocol):
    """An action's change: an ``ActionEventRow`` or a Core ``Row`` of its table."""

    @property
    def id(self) -> int: ...
    @property
    def action_id(self) -> int: ...
    @property
    def change(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def before(self) -> str | None: ...
    @property
    def after(self) -> str | None: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def meeting_id(self) -> int | None: ...
    @property
    def uid(self) -> str | None: ...


def person(row: PersonRow) -> Person:
    return Person(
        id=row.id,
        name=row.name,
        role=row.role,
        relationship=Relationship(row.relationship),
        cadence=row.cadence,
        default_playbook=row.default_playbook,
        archived=row.archived,
        created_at=row.created_at,
    )


def pause(row: MeetingPauseRow) -> Pause:
    return Pause(
        id=row.id, meeting_id=row.meeting_id, paused_at=row.paused_at, resumed_at=row.resumed_at
    )


def meeting(row: MeetingRow, pauses: list[MeetingPauseRow]) -> Meeting:
    return Meeting(
        id=row.id,
        person_id=row.person_id,
        playbook=row.playbook,
        planned_minutes=row.planned_minutes,
        started_at=row.started_at,
        ended_at=row.ended_at,
        status=MeetingStatus(row.status),
        summary=row.summary,
        pauses=tuple(pause(p) for p in sorted(pauses, key=lambda p: p.paused_at)),
    )


def segment_log(row: SegmentLogRow) -> SegmentLog:
    return SegmentLog(
        id=row.id,
        meeting_id=row.meeting_id,
        segment_index=row.segment_index,
        title=row.title,
        started_at=row.started_at,
        ended_at=row.ended_at,
    )


def split_tags(tags: str) -> tuple[str, ...]:
    return tuple(tags.split())


def join_tags(tags: tuple[str, ...] | list[str]) -> str:
    return " ".join(tags)


def note(row: NoteFields) -> Note:
    return Note(
        id=row.id,
        uid=row.uid,
        meeting_id=row.meeting_id,
        kind=NoteKind(row.kind),
        text=row.text,
        tags=split_tags(row.tags),
        elapsed_seconds=row.elapsed_seconds,
        segment_index=row.segment_index,
        asked_question_id=row.asked_question_id,
        created_at=row.created_at,
        edited_at=row.edited_at,
        deleted_at=row.deleted_at,
        resolved_at=row.resolved_at,
        career=row.career,
        answers_why=bool(row.answers_why),
        private=bool(row.private),
        resolved_meeting_id=row.resolved_meeting_id,
    )


def action_item(row: ActionFields) -> ActionItem:
    return ActionItem(
        id=row.id,
        person_id=row.person_id,
        owner=Owner(row.owner),
        text=row.text,
        due=row.due,
        status=ActionStatus(row.status),
        origin_meeting_id=row.origin_meeting_id,
        closed_meeting_id=row.closed_meeting_id,
        note_id=row.note_id,
        created_at=row.created_at,
        closed_at=row.closed_at,
    )


def action_event(row: ActionEventFields) -> ActionEvent:
    return ActionEvent(
        id=row.id,
        action_id=row.action_id,
        change=ActionChange(row.change),
        at=row.at,
        before=row.before,
        after=row.after,
        reason=row.reason or "",
        meeting_id=row.meeting_id,
        uid=row.uid,
    )


def asked_question(row: AskedQuestionRow) -> AskedQuestion:
    return AskedQuestion(
        id=row.id,
        meeting_id=row.meeting_id,
        slug=row.slug,
        text=row.text,
        elapsed_seconds=row.elapsed_seconds,
        asked_at=row.asked_at,
        pause_seconds=row.pause_seconds,
        followups=row.followups,
        uid=row.uid,
    )


def draft(row: DraftRow) -> Draft:
    return Draft(meeting_id=row.meeting_id, text=row.text, updated_at=row.updated_at)


def talking_point(row: TalkingPointRow) -> TalkingPoint:
    return TalkingPoint(
        id=row.id,
        uid=row.uid,
        person_id=row.person_id,
        text=row.text,
        mine=bool(row.mine),
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        resolved_meeting_id=row.resolved_meeting_id,
    )


def exposure(row: ExposureRow) -> Exposure:
    """An exposure logged between meetings (one typed in a meeting is a note)."""
    return Exposure(
        person_id=row.person_id,
        kind=ExposureKind(row.kind),
        text=row.text,
        on=row.happened_on,
        id=row.id,
        uid=row.uid,
        created_at=row.created_at,
    )


def backfill(row: BackfillRow) -> Backfill:
    """Who could step into whose role (``domain.succession``)."""
    return Backfill(
        id=row.id,
        holder_id=row.holder_id,
        candidate_id=row.candidate_id,
        readiness=Readiness(row.readiness),
        note=row.note,
        updated_at=row.updated_at,
    )


def plan_event(row: PlanEventRow) -> PlanEvent:
    """One change to a growth plan (``domain.growth``)."""
    return PlanEvent(
        uid=row.uid,
        person_id=row.person_id,
        at=row.at,
        op=PlanOp(row.op),
        text=row.text,
        target=row.target,
        status=PlanStatus(row.status) if row.status else None,
        aspiration=row.aspiration,
        meeting_id=row.meeting_id,
        id=row.id,
    )
