"""Queries behind the home, person and history screens.

Each is a small, fixed number of indexed queries however long the history:
grouped counts, and a window function for "the last N meetings per person"
(SQLite 3.25+ and PostgreSQL both have ROW_NUMBER).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, aliased

from tui1on1.domain.kinds import ActionStatus, MeetingStatus, NoteKind, Owner
from tui1on1.domain.overview import TREND_MEETINGS, MeetingListing, PersonOverview
from tui1on1.domain.recap import MeetingRecord
from tui1on1.domain.records import ActionItem, Note
from tui1on1.storage import convert
from tui1on1.storage.errors import NotFound
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import (
    ActionItemRow,
    AskedQuestionRow,
    MeetingPauseRow,
    MeetingRow,
    NoteRow,
    PersonRow,
    SegmentLogRow,
    live_meeting,
    open_action,
    open_topic,
)

_SelectT = TypeVar("_SelectT", bound=Select[Any])


@cache
def _overview_queries(
    include_archived: bool,
) -> tuple[Select[PersonRow, datetime], Select[int, datetime, datetime | None]]:
    """Home's people with the start of their last meeting, and the newest
    ``TREND_MEETINGS`` ended meetings of each: per person an index lookup and
    an index walk, however long the history (built once: building them with
    their aliases cost more than running them)."""
    latest = aliased(MeetingRow)
    last_started = (
        select(func.max(latest.started_at))
        .where(latest.person_id == PersonRow.id)
        .correlate(PersonRow)
        .scalar_subquery()
    )
    people = select(PersonRow, last_started).order_by(PersonRow.name_key)
    newest = aliased(MeetingRow)
    recent = (
        select(newest.id)
        .where(newest.person_id == PersonRow.id, newest.status == MeetingStatus.ENDED.value)
        .order_by(newest.started_at.desc())
        .limit(TREND_MEETINGS)
        .correlate(PersonRow)
    )
    trend = (
        select(MeetingRow.person_id, MeetingRow.started_at, MeetingRow.ended_at)
        .select_from(PersonRow)
        # A LEFT JOIN: SQLite keeps its left side as the outer loop, so it
        # walks the people and each one's index, never every meeting (with an
        # inner join it may choose to scan the meetings). No row for someone
        # never met: None, skipped.
        .outerjoin(MeetingRow, MeetingRow.id.in_(recent))
    )
    if not include_archived:
        people = people.where(PersonRow.archived.is_(False))
        trend = trend.where(PersonRow.archived.is_(False))
    return people, trend


class OverviewStore(SessionBase):
    def people_overview(self, *, include_archived: bool = False) -> list[PersonOverview]:
        """Everyone on home, with what its rows show. Each read is bounded by
        the people, not the history: per person an index lookup for the last
        meeting and an index walk of their newest ended meetings."""
        people_query, trend_query = _overview_queries(include_archived)
        with self._read() as session:
            found = session.execute(people_query).all()
            people = [row for row, _last in found]
            last = {row.id: started for row, started in found}
            counts: dict[tuple[int, str], int] = {
                (person_id, owner): n
                for person_id, owner, n in session.execute(
                    select(ActionItemRow.person_id, ActionItemRow.owner, func.count())
                    .where(open_action())
                    .group_by(ActionItemRow.person_id, ActionItemRow.owner)
                )
            }
            live = dict(
                session.execute(
                    select(MeetingRow.person_id, MeetingRow.id).where(live_meeting())
                ).all()
            )
            trend: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
            for person_id, started, ended in session.execute(trend_query):
                if person_id is not None and ended is not None:  # someone never met: none
                    trend[person_id].append((started, ended))
        overview = []
        for row in people:
            lengths = sorted(trend.get(row.id, []))
            overview.append(
                PersonOverview(
                    person=convert.person(row),
                    last_started_at=last.get(row.id),
                    open_mine=counts.get((row.id, Owner.ME.value), 0),
                    open_theirs=counts.get((row.id, Owner.THEM.value), 0),
                    recent_minutes=tuple(
                        round((end - start).total_seconds() / 60, 1) for start, end in lengths
                    ),
                    live_meeting_id=live.get(row.id),
                )
            )
        return overview

    def meeting_listings(self, person_id: int, limit: int | None = None) -> list[MeetingListing]:
        """A person's meetings, newest first (the newest ``limit`` of them, or
        all), with note/action/question counts."""
        with self._read() as session:
            rows = list(
                session.scalars(
                    select(MeetingRow)
                    .where(MeetingRow.person_id == person_id)
                    .order_by(MeetingRow.started_at.desc(), MeetingRow.id.desc())
                    .limit(limit)
                )
            )
            ids = [row.id for row in rows]

            def grouped(
                column: InstrumentedAttribute[int] | InstrumentedAttribute[int | None],
                *where: ColumnElement[bool],
            ) -> dict[int | None, int]:
                if not ids:
                    return {}
                query = select(column, func.count()).where(column.in_(ids), *where)
                return dict(session.execute(query.group_by(column)).all())

            # Notes apart from actions, as the end summary counts them.
            notes = grouped(
                NoteRow.meeting_id,
                NoteRow.deleted_at.is_(None),
                NoteRow.kind != NoteKind.ACTION.value,
            )
            actions = grouped(ActionItemRow.origin_meeting_id)
            questions = grouped(AskedQuestionRow.meeting_id)
            pauses: dict[int, list[MeetingPauseRow]] = defaultdict(list)
            if ids:
                for pause in session.scalars(
                    select(MeetingPauseRow).where(MeetingPauseRow.meeting_id.in_(ids))
                ):
                    pauses[pause.meeting_id].append(pause)
            return [
                MeetingListing(
                    meeting=convert.meeting(row, pauses[row.id]),
                    notes=notes.get(row.id, 0),
                    actions=actions.get(row.id, 0),
                    questions=questions.get(row.id, 0),
                )
                for row in rows
            ]

    def meeting_record(self, meeting_id: int) -> MeetingRecord:
        """One meeting in full: person, segments, questions, notes, its actions."""
        with self._read() as session:
            row = session.get(MeetingRow, meeting_id)
            if row is None:
                raise NotFound(f"no meeting with id {meeting_id}")
            pauses = session.scalars(
                select(MeetingPauseRow).where(MeetingPauseRow.meeting_id == meeting_id)
            ).all()
            return MeetingRecord(
                person=convert.person(session.get_one(PersonRow, row.person_id)),
                meeting=convert.meeting(row, list(pauses)),
                notes=[
                    convert.note(n)
                    for n in session.scalars(
                        select(NoteRow)
                        .where(NoteRow.meeting_id == meeting_id, NoteRow.deleted_at.is_(None))
                        .order_by(NoteRow.id)
                    )
                ],
                asked=[
                    convert.asked_question(q)
                    for q in session.scalars(
                        select(AskedQuestionRow)
                        .where(AskedQuestionRow.meeting_id == meeting_id)
                        .order_by(AskedQuestionRow.asked_at, AskedQuestionRow.id)
                    )
                ],
                actions=[
                    convert.action_item(a)
                    for a in session.scalars(
                        select(ActionItemRow)
                        .where(ActionItemRow.origin_meeting_id == meeting_id)
                        .order_by(ActionItemRow.id)
                    )
                ],
                segments=[
                    convert.segment_log(s)
                    for s in session.scalars(
                        select(SegmentLogRow)
                        .where(SegmentLogRow.meeting_id == meeting_id)
                        .order_by(SegmentLogRow.started_at, SegmentLogRow.id)
                    )
                ],
            )

    def open_topics(self, person_id: int, limit: int | None = None) -> list[Note]:
        """Parked topics and open questions with this person not yet resolved,
        newest first (the newest ``limit`` of them, or all). Their ids come from
        the index of open topics alone; only the rows returned are read."""
        newest = _open_topics(select(NoteRow.id), person_id)
        newest = newest.order_by(NoteRow.id.desc()).limit(limit)
        query = select(NoteRow).where(NoteRow.id.in_(newest)).order_by(NoteRow.id.desc())
        with self._read() as session:
            return [convert.note(row) for row in session.scalars(query)]

    def waiting_topics(
        self, person_id: int, meeting_id: int, newest: int | None = None
    ) -> list[Note]:
        """What a live meeting lists of earlier parked topics and open
        questions: those still open (the ``newest`` of them, or all), and
        those dealt with in it; the oldest first. Each read walks its own
        partial index, however many notes the years hold."""
        still_open = _open_topics(select(NoteRow.id), person_id).where(
            NoteRow.meeting_id != meeting_id
        )
        still_open = still_open.order_by(NoteRow.id.desc()).limit(newest)
        dealt = (
            select(NoteRow.id)
            .join(MeetingRow, MeetingRow.id == NoteRow.meeting_id)
            .where(
                NoteRow.resolved_meeting_id == meeting_id,
                MeetingRow.person_id == person_id,
                NoteRow.meeting_id != meeting_id,
                NoteRow.kind.in_([NoteKind.PARKED.value, NoteKind.QUESTION.value]),
                NoteRow.deleted_at.is_(None),
            )
        )
        with self._read() as session:
            ids = {*session.scalars(still_open), *session.scalars(dealt)}
            if not ids:
                return []
            query = select(NoteRow).where(NoteRow.id.in_(sorted(ids))).order_by(NoteRow.id)
            return [convert.note(row) for row in session.scalars(query)]

    def count_meetings(self, person_id: int) -> int:
        with self._read() as session:
            query = select(func.count()).where(MeetingRow.person_id == person_id)
            return int(session.execute(query).scalar_one())

    def count_open_topics(self, person_id: int) -> int:
        query = _open_topics(select(func.count()).select_from(NoteRow), person_id)
        with self._read() as session:
            return session.execute(query).scalar_one()

    def meeting_actions(self, person_id: int, meeting_id: int) -> list[ActionItem]:
        """What a live meeting shows of a person's actions: those made in it,
        and the others still open or closed in it. Closed actions from other
        meetings (most of years of history) never leave the database."""
        query = (
            select(ActionItemRow)
            .where(
                ActionItemRow.person_id == person_id,
                (ActionItemRow.origin_meeting_id == meeting_id)
                | (ActionItemRow.status == ActionStatus.OPEN.value)
                | (ActionItemRow.closed_meeting_id == meeting_id),
            )
            .order_by(ActionItemRow.due.is_(None), ActionItemRow.due, ActionItemRow.id)
        )
        with self._read() as session:
            return [convert.action_item(row) for row in session.scalars(query)]

    def set_note_resolved(
        self, note_id: int, at: datetime | None, *, meeting_id: int | None = None
    ) -> Note:
        """Mark a parked topic or open question dealt with (in ``meeting_id``,
        when in a meeting); ``at=None`` reopens it."""
        with self._write() as session:
            row = session.get(NoteRow, note_id)
            if row is None:
                raise NotFound(f"no note with id {note_id}")
            row.resolved_at = at
            row.resolved_meeting_id = meeting_id if at is not None else None
            session.flush()
            return convert.note(row)


def _open_topics(query: _SelectT, person_id: int) -> _SelectT:
    """``query`` narrowed to a person's unresolved parked topics and open
    questions (as their partial index's WHERE is written: see ``open_topic``)."""
    return query.join(MeetingRow, MeetingRow.id == NoteRow.meeting_id).where(
        MeetingRow.person_id == person_id, open_topic()
    )
