"""The meetings part of the Store: start/resume, pauses, segments, ending."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tui1on1.domain.kinds import MeetingStatus
from tui1on1.domain.records import Meeting, SegmentLog
from tui1on1.storage import convert
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import (
    MeetingPauseRow,
    MeetingRow,
    PersonRow,
    SegmentLogRow,
    live_meeting,
)

MAX_PLANNED_MINUTES = 240


def _load(session: Session, meeting_id: int) -> Meeting:
    row = session.get(MeetingRow, meeting_id)
    if row is None:
        raise NotFound(f"no meeting with id {meeting_id}")
    pauses = session.scalars(
        select(MeetingPauseRow).where(MeetingPauseRow.meeting_id == meeting_id)
    ).all()
    return convert.meeting(row, list(pauses))


def _live_row(session: Session, meeting_id: int) -> MeetingRow:
    row = session.get(MeetingRow, meeting_id)
    if row is None:
        raise NotFound(f"no meeting with id {meeting_id}")
    if row.status != MeetingStatus.LIVE:
        raise InvalidInput("that meeting has already ended")
    return row


class MeetingStore(SessionBase):
    def start_meeting(
        self, person_id: int, *, playbook: str, planned_minutes: int, now: datetime
    ) -> tuple[Meeting, bool]:
        """Start a live meeting, or return the live one. Returns (meeting, resumed)."""
        if not 1 <= planned_minutes <= MAX_PLANNED_MINUTES:
            raise InvalidInput(f"a meeting can be 1 to {MAX_PLANNED_MINUTES} minutes long")
        for _attempt in range(2):
            try:
                with self._write() as session:
                    if session.get(PersonRow, person_id) is None:
                        raise NotFound(f"no person with id {person_id}")
                    live = session.scalar(
                        select(MeetingRow.id).where(
                            MeetingRow.person_id == person_id,
                            MeetingRow.status == MeetingStatus.LIVE,
                        )
                    )
                    if live is not None:
                        return _load(session, live), True
                    row = MeetingRow(
                        person_id=person_id,
                        playbook=playbook,
                        planned_minutes=planned_minutes,
                        started_at=now,
                        status=MeetingStatus.LIVE,
                        summary="",
                    )
                    session.add(row)
                    session.flush()
                    return _load(session, row.id), False
            except IntegrityError:
                continue  # another instance started it a moment ago: resume theirs
        raise InvalidInput("couldn't start the meeting; try again")

    def get_meeting(self, meeting_id: int) -> Meeting:
        with self._read() as session:
            return _load(session, meeting_id)

    def live_meetings(self) -> list[Meeting]:
        with self._read() as session:
            ids = session.scalars(
                select(MeetingRow.id).where(live_meeting()).order_by(MeetingRow.started_at)
            ).all()
            return [_load(session, meeting_id) for meeting_id in ids]

    def meetings_for(self, person_id: int, *, limit: int | None = None) -> list[Meeting]:
        """A person's meetings, newest first."""
        query = (
            select(MeetingRow.id)
            .where(MeetingRow.person_id == person_id)
            .order_by(MeetingRow.started_at.desc())
            .limit(limit)
        )
        with self._read() as session:
            return [_load(session, mid) for mid in session.scalars(query).all()]

    def meeting_before(self, person_id: int, started_at: datetime) -> Meeting | None:
        """The person's last meeting that started before ``started_at``."""
        query = (
            select(MeetingRow.id)
            .where(MeetingRow.person_id == person_id, MeetingRow.started_at < started_at)
            .order_by(MeetingRow.started_at.desc())
            .limit(1)
        )
        with self._read() as session:
            found = session.scalar(query)
            return None if found is None else _load(session, found)

    def put_back_meeting(
        self, person_id: int, *, started_at: datetime, playbook: str, planned_minutes: int
    ) -> tuple[Meeting, bool]:
        """The person's meeting that started at ``started_at``, made again if
        this database lacks it (a recovery journal replayed into a restored
        backup, or a new file): live, unless the person has a live meeting
        already, then ended where it began, so its notes are kept either way.
        Returns (meeting, whether it was made)."""
        with self._write() as session:
            found = session.scalar(
                select(MeetingRow.id).where(
                    MeetingRow.person_id == person_id, MeetingRow.started_at == started_at
                )
            )
            if found is not None:
                return _load(session, found), False
            live = session.scalar(
                select(MeetingRow.id).where(
                    MeetingRow.person_id == person_id, MeetingRow.status == MeetingStatus.LIVE
                )
            )
            row = MeetingRow(
                person_id=person_id,
                playbook=playbook,
                planned_minutes=min(max(planned_minutes, 1), MAX_PLANNED_MINUTES),
                started_at=started_at,
                status=MeetingStatus.LIVE if live is None else MeetingStatus.ENDED,
                ended_at=None if live is None else started_at,
                summary="",
            )
            session.add(row)
            session.flush()
            return _load(session, row.id), True

    def pause_meeting(self, meeting_id: int, at: datetime) -> Meeting:
        with self._write() as session:
            _live_row(session, meeting_id)
            open_pause = session.scalar(
                select(MeetingPauseRow.id).where(
                    MeetingPauseRow.meeting_id == meeting_id, MeetingPauseRow.resumed_at.is_(None)
                )
            )
            same = session.scalar(  # a replayed pause lands once
                select(MeetingPauseRow.id).where(
                    MeetingPauseRow.meeting_id == meeting_id, MeetingPauseRow.paused_at == at
                )
            )
            if open_pause is None and same is None:
                session.add(MeetingPauseRow(meeting_id=meeting_id, paused_at=at))
                session.flush()
            return _load(session, meeting_id)

    def resume_meeting(self, meeting_id: int, at: datetime) -> Meeting:
        with self._write() as session:
            _live_row(session, meeting_id)
            session.execute(
                update(MeetingPauseRow)
                .where(
                    MeetingPauseRow.meeting_id == meeting_id, MeetingPauseRow.resumed_at.is_(None)
                )
                .values(resumed_at=at)
            )
            return _load(session, meeting_id)

    def extend_meeting(self, meeting_id: int, minutes: int) -> Meeting:
        with self._write() as session:
            row = _live_row(session, meeting_id)
            total = row.planned_minutes + minutes
            if not 1 <= total <= MAX_PLANNED_MINUTES:
                raise InvalidInput(f"a meeting can be 1 to {MAX_PLANNED_MINUTES} minutes long")
            row.planned_minutes = total
            session.flush()
            return _load(session, meeting_id)

    def set_meeting_playbook(self, meeting_id: int, playbook: str) -> Meeting:
        with self._write() as session:
            row = _live_row(session, meeting_id)
            row.playbook = playbook
            session.flush()
            return _load(session, meeting_id)

    def end_meeting(self, meeting_id: int, at: datetime, summary: str = "") -> Meeting:
        """End a live meeting: close an open pause and segment, keep the summary.

        A meeting never ends before it began: with the computer's clock set back
        during it, it ends at its start ("under a minute"), not minutes before.
        """
        with self._write() as session:
            row = _live_row(session, meeting_id)
            at = max(at, row.started_at)
            session.execute(
                update(MeetingPauseRow)
                .where(
                    MeetingPauseRow.meeting_id == meeting_id, MeetingPauseRow.resumed_at.is_(None)
                )
                .values(resumed_at=at)
            )
            session.execute(
                update(SegmentLogRow)
                .where(SegmentLogRow.meeting_id == meeting_id, SegmentLogRow.ended_at.is_(None))
                .values(ended_at=at)
            )
            row.status = MeetingStatus.ENDED
            row.ended_at = at
            row.summary = summary
            session.flush()
            return _load(session, meeting_id)

    def log_segment(self, meeting_id: int, index: int, title: str, at: datetime) -> SegmentLog:
        """Record that segment ``index`` began at ``at`` (closing the previous one)."""
        with self._write() as session:
            _live_row(session, meeting_id)
            session.execute(
                update(SegmentLogRow)
                .where(SegmentLogRow.meeting_id == meeting_id, SegmentLogRow.ended_at.is_(None))
                .values(ended_at=at)
            )
            row = SegmentLogRow(
                meeting_id=meeting_id, segment_index=index, title=title, started_at=at
            )
            session.add(row)
            session.flush()
            return convert.segment_log(row)

    def list_segments(self, meeting_id: int) -> list[SegmentLog]:
        with self._read() as session:
            rows = session.scalars(
                select(SegmentLogRow)
                .where(SegmentLogRow.meeting_id == meeting_id)
                .order_by(SegmentLogRow.started_at, SegmentLogRow.id)
            )
            return [convert.segment_log(row) for row in rows]
