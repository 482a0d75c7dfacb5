"""Plain records the Store returns and the UI shows.

They are frozen dataclasses: a screen never mutates one, it asks the Store for
a change and gets a new record back. All datetimes are aware and in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tui1on1.domain.kinds import (
    ActionChange,
    ActionStatus,
    MeetingStatus,
    NoteKind,
    Owner,
    Relationship,
)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    role: str = ""
    relationship: Relationship = Relationship.REPORT
    cadence: str | None = None  # an RFC 5545 RRULE, see domain.cadence
    default_playbook: str | None = None
    archived: bool = False
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Pause:
    id: int
    meeting_id: int
    paused_at: datetime
    resumed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    person_id: int
    playbook: str
    planned_minutes: int
    started_at: datetime
    ended_at: datetime | None = None
    status: MeetingStatus = MeetingStatus.LIVE
    summary: str = ""
    pauses: tuple[Pause, ...] = ()


@dataclass(frozen=True, slots=True)
class SegmentLog:
    id: int
    meeting_id: int
    segment_index: int
    title: str
    started_at: datetime
    ended_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    uid: str  # client-made unique id: a replayed save never lands twice
    meeting_id: int
    kind: NoteKind
    text: str
    tags: tuple[str, ...] = ()
    elapsed_seconds: float = 0.0
    segment_index: int | None = None
    asked_question_id: int | None = None
    created_at: datetime | None = None
    edited_at: datetime | None = None
    deleted_at: datetime | None = None
    resolved_at: datetime | None = None
    # The career thread (0004): the manager's mark (an element, "none", or
    # None for automatic), and whether it answers a Why? follow-up.
    career: str | None = None
    answers_why: bool = False
    resolved_meeting_id: int | None = None  # the meeting it was dealt with in (0005)
    # Kept out of the recap sent to the report (0006).
    private: bool = False


@dataclass(frozen=True, slots=True)
class TalkingPoint:
    """Something to raise at the next 1:1 with a person, jotted between
    meetings: theirs (they asked to talk about it) or ``mine``."""

    id: int
    uid: str
    person_id: int
    text: str
    mine: bool = False
    created_at: datetime | None = None
    resolved_at: datetime | None = None
    resolved_meeting_id: int | None = None

    @property
    def waiting(self) -> bool:
        return self.resolved_at is None


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    person_id: int
    owner: Owner
    text: str
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    origin_meeting_id: int | None = None
    closed_meeting_id: int | None = None
    note_id: int | None = None
    created_at: datetime | None = None
    closed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ActionEvent:
    """One change to an action item after it was made (0006): done, reopened,
    dropped (with the reason given), rescheduled, reassigned or reworded.
    ``before``/``after``: ISO dates ("" for none) for DUE, "me"/"them" for
    OWNER, the texts for TEXT, the statuses (open, done, dropped) for the
    status changes (None in rows written before statuses were kept)."""

    id: int
    action_id: int
    change: ActionChange
    at: datetime
    before: str | None = None
    after: str | None = None
    reason: str = ""
    meeting_id: int | None = None  # the meeting it was changed in, if any
    uid: str | None = None  # client-made: a replayed change lands once


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    id: int
    meeting_id: int
    slug: str
    text: str
    elapsed_seconds: float
    asked_at: datetime
    pause_seconds: float | None = None
    followups: int = 0
    uid: str | None = None  # client-made id (0003); the writes after asking use it


@dataclass(frozen=True, slots=True)
class Draft:
    meeting_id: int
    text: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class NewNote:
    """A note as typed, before the database has given it an id."""

    uid: str
    meeting_id: int
    kind: NoteKind
    text: str
    tags: tuple[str, ...] = ()
    elapsed_seconds: float = 0.0
    segment_index: int | None = None
    asked_question_id: int | None = None
    created_at: datetime | None = None
    action_owner: Owner | None = None
    # The question it answers, by its client uid: the Store finds its id.
    asked_question_uid: str | None = None
    action_due: date | None = None
    career: str | None = None  # the manager's career mark, typed as &a…&p
    answers_why: bool = False  # typed after a Why? follow-up
    private: bool = False  # kept out of the recap sent to the report


@dataclass(frozen=True, slots=True)
class LineReading:
    """What an edited line now says beyond its text and tags: its kind, the
    owner and due date when it is an action, and whether it is private.
    Editing a note with one re-reads the whole line."""

    kind: NoteKind
    owner: Owner | None = None
    due: date | None = None
    private: bool = False


@dataclass(frozen=True, slots=True)
class NewAskedQuestion:
    """A question as just asked, known by its client ``uid``."""

    uid: str
    meeting_id: int
    slug: str
    text: str
    elapsed_seconds: float
    asked_at: datetime
