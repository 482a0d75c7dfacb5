"""What the manager's mirror reads: the window's meetings and what happened in
them, the talking points added, and my promises (see ``domain.mirror``).

Every query is bounded by the window's dates, so a database holding ten years
reads a few weeks: meetings by person and start (the meeting index), their
segments, pauses, questions and when their notes were typed by meeting id,
and each person's last meeting before the window by one index seek.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tui1on1.domain.agenda import Playbook
from tui1on1.domain.mirror import WINDOW_WEEKS, Mirror, MirrorData, Window, build_mirror
from tui1on1.domain.records import Meeting
from tui1on1.storage import convert
from tui1on1.storage.ledger import LedgerStore
from tui1on1.storage.tables import (
    AskedQuestionRow,
    MeetingPauseRow,
    MeetingRow,
    NoteRow,
    PersonRow,
    SegmentLogRow,
    TalkingPointRow,
)

_CHUNK = 500  # bound parameters stay few


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


class MirrorStore(LedgerStore):
    def mirror(
        self, playbooks: Mapping[str, Playbook], now: datetime, weeks: int = WINDOW_WEEKS[0]
    ) -> Mirror:
        """The mirror of the last ``weeks`` weeks up to ``now`` (read, then
        worked out by ``domain.mirror``; never stored)."""
        window = Window(weeks, now.astimezone().date())
        data = self.mirror_data(window.reads_from(), promises_since=window.start)
        return build_mirror(data, playbooks, now, weeks=weeks)

    def mirror_data(self, since: datetime, *, promises_since: date) -> MirrorData:
        """What the mirror needs from ``since`` on (a UTC moment: give a day
        more than the window, the rules trim it to local days); my promises
        as ``my_promises(since=promises_since)`` reads them."""
        with self._read() as session:
            people = [convert.person(row) for row in session.scalars(select(PersonRow))]
            everyone = sorted(p.id for p in people)
            meetings = self._meetings_since(session, everyone, since)
            meeting_ids = sorted(m.id for m in meetings)
            segments = [
                convert.segment_log(row)
                for chunk in _chunks(meeting_ids)
                for row in session.scalars(
                    select(SegmentLogRow)
                    .where(SegmentLogRow.meeting_id.in_(chunk))
                    .order_by(SegmentLogRow.started_at, SegmentLogRow.id)
                )
            ]
            questions = [
                convert.asked_question(row)
                for chunk in _chunks(meeting_ids)
                for row in session.scalars(
                    select(AskedQuestionRow).where(
                        AskedQuestionRow.meeting_id.in_(chunk), AskedQuestionRow.asked_at >= since
                    )
                )
            ]
            noted = [
                (meeting_id, typed)
                for chunk in _chunks(meeting_ids)
                for meeting_id, typed in session.execute(
                    select(NoteRow.meeting_id, NoteRow.created_at).where(
                        NoteRow.meeting_id.in_(chunk), NoteRow.deleted_at.is_(None)
                    )
                )
            ]
            points = [
                convert.talking_point(row)
                for row in session.scalars(
                    select(TalkingPointRow).where(TalkingPointRow.created_at >= since)
                )
            ]
            before: dict[int, datetime] = {}
            for person in people:
                if person.cadence and not person.archived:
                    last = session.scalar(
                        select(func.max(MeetingRow.started_at)).where(
                            MeetingRow.person_id == person.id, MeetingRow.started_at < since
                        )
                    )
                    if last is not None:
                        before[person.id] = last
        promises, history = self.my_promises(since=promises_since)
        return MirrorData(
            people=tuple(p for p in people if not p.archived),
            meetings=tuple(meetings),
            before=before,
            segments=tuple(segments),
            questions=tuple(questions),
            noted=tuple(noted),
            talking_points=tuple(points),
            promises=tuple(promises),
            events=tuple(e for changes in history.values() for e in changes),
        )

    @staticmethod
    def _meetings_since(session: Session, people: Sequence[int], since: datetime) -> list[Meeting]:
        """Everyone's meetings started from ``since`` on, with their pauses."""
        rows: list[MeetingRow] = []
        for chunk in _chunks(people):
            rows += session.scalars(
                select(MeetingRow).where(
                    MeetingRow.person_id.in_(chunk), MeetingRow.started_at >= since
                )
            )
        pauses: dict[int, list[MeetingPauseRow]] = {row.id: [] for row in rows}
        for chunk in _chunks(sorted(pauses)):
            for pause in session.scalars(
                select(MeetingPauseRow).where(MeetingPauseRow.meeting_id.in_(chunk))
            ):
                pauses[pause.meeting_id].append(pause)
        ordered = sorted(rows, key=lambda row: (row.started_at, row.id))
        return [convert.meeting(row, pauses[row.id]) for row in ordered]
