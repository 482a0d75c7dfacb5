"""The ORM tables (SQLAlchemy 2 typed ``Mapped[]``).

These are storage rows, never handed to the UI: ``convert.py`` turns them into
the plain records in ``domain.records``. The schema itself is created and
changed by the Alembic migrations in ``migrations/``; a test checks that these
classes and the migrated schema agree.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    false,
    literal_column,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tui1on1.storage.types import UTCDateTime

# Stable constraint names: SQLite batch migrations need them to find constraints.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: A literal, not a bound parameter, so the planner can use the partial index.
EXPOSURE_NOTE = text("kind = 'exposure'")
# A parked topic or open question not yet dealt with (0012): the WHERE of
# their partial index, which ``open_topic`` writes the same way.
OPEN_TOPIC_NOTE = "kind IN ('parked', 'question') AND resolved_at IS NULL AND deleted_at IS NULL"
RESOLVED_IN_MEETING = "resolved_meeting_id IS NOT NULL"
CAREER_MARKED = "career IS NOT NULL"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every mapped class here is declared with a plain Table (SQLAlchemy types
    # the attribute as the wider FromClause); Core statements use it.
    __table__: ClassVar[Table]


class PersonRow(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    name_key: Mapped[str] = mapped_column(String(80), unique=True)  # casefolded name
    role: Mapped[str] = mapped_column(String(120), default="")
    relationship: Mapped[str] = mapped_column(String(16), default="report")
    cadence: Mapped[str | None] = mapped_column(String(200))
    default_playbook: Mapped[str | None] = mapped_column(String(64))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MeetingRow(Base):
    __tablename__ = "meeting"
    __table_args__ = (
        Index("ix_meeting_person_id_started_at", "person_id", "started_at"),
        # At most one live meeting per person: two instances racing to start
        # one both end up in the same meeting.
        Index(
            "uq_meeting_one_live_per_person",
            "person_id",
            unique=True,
            sqlite_where=text("status = 'live'"),
            # PostgreSQL has the same WHERE (migration 0001 makes both; this
            # metadata never creates tables). Naming postgresql_where here
            # would import the whole PostgreSQL dialect on every SQLite start.
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    playbook: Mapped[str] = mapped_column(String(64))
    planned_minutes: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(8), default="live")
    summary: Mapped[str] = mapped_column(Text, default="")


def live_meeting() -> ColumnElement[bool]:
    """A live meeting, written as the partial index's WHERE is: a
    literal, not a parameter (SQLite only uses a partial index for a term it
    can match), so finding the live meetings never reads every meeting."""
    return MeetingRow.status == literal_column("'live'")


def open_topic() -> ColumnElement[bool]:
    """A parked topic or open question not yet dealt with, written as its
    partial index's WHERE is (literals: see ``live_meeting``)."""
    kinds: list[ColumnElement[str]] = [literal_column("'parked'"), literal_column("'question'")]
    return and_(
        NoteRow.kind.in_(kinds), NoteRow.resolved_at.is_(None), NoteRow.deleted_at.is_(None)
    )


def open_action() -> ColumnElement[bool]:
    """An open action, written as its partial index's WHERE is (a literal:
    see ``live_meeting``), so counting open actions reads only open ones."""
    return ActionItemRow.status == literal_column("'open'")


class MeetingPauseRow(Base):
    __tablename__ = "meeting_pause"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    paused_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SegmentLogRow(Base):
    __tablename__ = "segment_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    segment_index: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AskedQuestionRow(Base):
    __tablename__ = "asked_question"
    __table_args__ = (
        Index("ix_asked_question_slug_asked_at", "slug", "asked_at"),
        Index("ix_asked_question_uid", "uid", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Client-made (0003): a retried or replayed record lands once, and the
    # writes after asking (pause, follow-ups, answers) find it by this. Rows
    # written by other paths (import, demo) get one here.
    uid: Mapped[str | None] = mapped_column(String(36), default=lambda: uuid.uuid4().hex)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    slug: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    elapsed_seconds: Mapped[float] = mapped_column(Float)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pause_seconds: Mapped[float | None] = mapped_column(Float)
    followups: Mapped[int] = mapped_column(Integer, default=0)


class NoteRow(Base):
    __tablename__ = "note"
    __table_args__ = (
        Index("ix_note_meeting_id_id", "meeting_id", "id"),
        # Exposures of the last year, whatever the history's length (0007;
        # PostgreSQL has the same WHERE, made by the migration).
        Index("ix_note_exposure_created_at", "created_at", sqlite_where=EXPOSURE_NOTE),
        # A person's exposures, by their meetings (0012).
        Index("ix_note_exposure_meeting_id", "meeting_id", sqlite_where=EXPOSURE_NOTE),
        # Each person's open topics, newest first, and those dealt with in a
        # meeting (0012): read from the open ones alone, however many notes
        # the years hold.
        Index(
            "ix_note_open_topic_meeting_id_id",
            "meeting_id",
            "id",
            sqlite_where=text(OPEN_TOPIC_NOTE),
        ),
        Index(
            "ix_note_resolved_meeting_id",
            "resolved_meeting_id",
            sqlite_where=text(RESOLVED_IN_MEETING),
        ),
        # The notes marked for the career thread (0012), by meeting.
        Index("ix_note_career_meeting_id", "meeting_id", sqlite_where=text(CAREER_MARKED)),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text, default="")  # space-separated, lowercase
    elapsed_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    segment_index: Mapped[int | None] = mapped_column(Integer)
    asked_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("asked_question.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Parked topics and open questions: when they were dealt with (0002).
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The career thread (0004): the manager's mark (a CareerElement value, or
    # "none" to take it out; NULL: decided by the question it answers), and
    # whether it answers the Why? follow-up of that question.
    career: Mapped[str | None] = mapped_column(String(16))
    answers_why: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The meeting a parked topic or open question was dealt with in (0005);
    # a plain id (see the migration): discarding that meeting clears it.
    resolved_meeting_id: Mapped[int | None] = mapped_column(Integer)
    # Kept out of the recap sent to the report (0006).
    private: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ActionItemRow(Base):
    __tablename__ = "action_item"
    __table_args__ = (
        Index("ix_action_item_person_id_status", "person_id", "status"),
        # My promises by their window (0010): open, due since, closed since.
        Index("ix_action_item_owner_status", "owner", "status"),
        Index("ix_action_item_owner_due", "owner", "due"),
        Index("ix_action_item_owner_closed_at", "owner", "closed_at"),
        # Each person's open actions counted (0011): only the open ones, so
        # the count never reads a closed one. PostgreSQL has the same WHERE
        # (the migration makes both; see the live meeting's index).
        Index(
            "ix_action_item_open_person_owner",
            "person_id",
            "owner",
            sqlite_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    owner: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="open")
    origin_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    closed_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )
    note_id: Mapped[int | None] = mapped_column(
        ForeignKey("note.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ActionEventRow(Base):
    """One change to an action item after it was made (0006); see
    ``domain.records.ActionEvent``."""

    __tablename__ = "action_event"
    __table_args__ = (Index("ix_action_event_action_id_at", "action_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: uuid.uuid4().hex)
    action_id: Mapped[int] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"))
    change: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))


class TalkingPointRow(Base):
    """Something to raise at the next 1:1 with a person (0005): theirs, or
    mine; once dealt with, when and in which meeting."""

    __tablename__ = "talking_point"
    __table_args__ = (Index("ix_talking_point_person_id_resolved_at", "person_id", "resolved_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # an import lands it once
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    mine: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )


class ExposureRow(Base):
    """An opportunity given between meetings (0007); one typed in a meeting
    is a note of kind ``exposure``. See ``domain.exposure``."""

    __tablename__ = "exposure"
    __table_args__ = (Index("ix_exposure_person_id_happened_on", "person_id", "happened_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # an import lands it once
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    happened_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BackfillRow(Base):
    """Who could step into whose role (0008); see ``domain.succession``.
    ``holder_key`` is ``holder_id``, or 0 for the manager's own role, so the
    unique pair holds for mine too (NULLs are never equal)."""

    __tablename__ = "backfill"
    __table_args__ = (UniqueConstraint("holder_key", "candidate_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # an import lands it once
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    holder_key: Mapped[int] = mapped_column(Integer)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    readiness: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PlanEventRow(Base):
    """One change to someone's growth plan (0009): a goal set or reworded,
    an option proposed, picked or dropped, a status; the plan is these read
    in order (``domain.growth``). ``target``: the option's uid."""

    __tablename__ = "plan_event"
    __table_args__ = (Index("ix_plan_event_person_id_at", "person_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # a replay or import lands it once
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    op: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text, default="", server_default="")
    target: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str | None] = mapped_column(String(12))
    aspiration: Mapped[str | None] = mapped_column(Text)


class DraftRow(Base):
    __tablename__ = "draft"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
