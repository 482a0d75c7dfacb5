"""Talking points: what to raise at the next 1:1 with someone, jotted between
meetings, and when (and in which meeting) each was dealt with."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select

from tui1on1.domain.records import TalkingPoint
from tui1on1.domain.waiting import MAX_POINT_CHARS
from tui1on1.storage import convert
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import PersonRow, TalkingPointRow


def clean_point_text(text: str) -> str:
    """The text as kept: one line, trimmed; InvalidInput when empty or too long."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput("a talking point needs some text")
    if len(cleaned) > MAX_POINT_CHARS:
        raise InvalidInput(
            f"a talking point can be at most {MAX_POINT_CHARS} characters "
            f"(this one has {len(cleaned):,})"
        )
    return cleaned


class TalkingPointStore(SessionBase):
    def add_talking_point(
        self, person_id: int, text: str, *, mine: bool, at: datetime, uid: str | None = None
    ) -> TalkingPoint:
        """Keep a talking point for the next 1:1 with ``person_id``. Adding
        the same ``uid`` twice returns the first."""
        cleaned = clean_point_text(text)
        with self._write() as session:
            if uid is not None:
                there = session.scalar(select(TalkingPointRow).where(TalkingPointRow.uid == uid))
                if there is not None:
                    return convert.talking_point(there)
            if session.get(PersonRow, person_id) is None:
                raise NotFound(f"no person with id {person_id}")
            row = TalkingPointRow(
                uid=uid or uuid.uuid4().hex,
                person_id=person_id,
                mine=mine,
                text=cleaned,
                created_at=at,
            )
            session.add(row)
            session.flush()
            return convert.talking_point(row)

    def talking_points(
        self, person_id: int, *, meeting_id: int | None = None
    ) -> list[TalkingPoint]:
        """What waits for the next 1:1 with ``person_id``: theirs first, then
        mine, each oldest first; with ``meeting_id``, those dealt with in that
        meeting too (a resumed meeting shows them ticked)."""
        waiting: ColumnElement[bool] = TalkingPointRow.resolved_at.is_(None)
        if meeting_id is not None:
            waiting = or_(waiting, TalkingPointRow.resolved_meeting_id == meeting_id)
        query = (
            select(TalkingPointRow)
            .where(TalkingPointRow.person_id == person_id, waiting)
            .order_by(TalkingPointRow.mine, TalkingPointRow.created_at, TalkingPointRow.id)
        )
        with self._read() as session:
            return [convert.talking_point(row) for row in session.scalars(query)]

    def set_talking_point_resolved(
        self, uid: str, at: datetime | None, *, meeting_id: int | None = None
    ) -> TalkingPoint:
        """Mark the talking point ``uid`` dealt with at ``at`` (in
        ``meeting_id``, if in a meeting); ``at=None`` makes it wait again."""
        with self._write() as session:
            row = session.scalar(select(TalkingPointRow).where(TalkingPointRow.uid == uid))
            if row is None:
                raise NotFound("no talking point with that uid")
            row.resolved_at = at
            row.resolved_meeting_id = meeting_id if at is not None else None
            session.flush()
            return convert.talking_point(row)
