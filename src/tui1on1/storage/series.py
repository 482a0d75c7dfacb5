"""What the career series needs of people's meetings (``domain.series``).

Three grouped queries however many people and meetings there are, so home
reads everyone at once: how many meetings each person has had, their latest
career conversation (a meeting on a career playbook, or one where a career
question was asked) and their latest meeting on a career playbook.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from tui1on1.domain.series import CAREER_SERIES, CareerHistory
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import AskedQuestionRow, MeetingRow


class SeriesStore(SessionBase):
    def career_histories(
        self, career_slugs: Collection[str], person_id: int | None = None
    ) -> dict[int, CareerHistory]:
        """Each person's :class:`CareerHistory` by id (only ``person_id``'s
        when given); someone never met is left out. ``career_slugs``: the
        questions that feed the career thread (the bank's, yours included)."""
        mine = [] if person_id is None else [MeetingRow.person_id == person_id]
        series = MeetingRow.playbook.in_(CAREER_SERIES)
        asked_career = MeetingRow.id.in_(
            select(AskedQuestionRow.meeting_id).where(AskedQuestionRow.slug.in_(career_slugs))
        )
        with self._read() as session:
            counts = dict(
                session.execute(
                    select(MeetingRow.person_id, func.count())
                    .where(*mine)
                    .group_by(MeetingRow.person_id)
                ).all()
            )
            last_talk = self._latest(session, or_(series, asked_career), *mine)
            last_series = self._latest(session, series, *mine)
        return {
            person: CareerHistory(
                meetings=int(count),
                last_at=last_talk[person][0] if person in last_talk else None,
                last_playbook=last_talk[person][1] if person in last_talk else None,
                last_series=last_series[person][1] if person in last_series else None,
            )
            for person, count in counts.items()
        }

    @staticmethod
    def _latest(session: Session, *where: ColumnElement[bool]) -> dict[int, tuple[datetime, str]]:
        """person → (started_at, playbook) of their latest meeting matching ``where``."""
        ranked = (
            select(
                MeetingRow.person_id,
                MeetingRow.started_at,
                MeetingRow.playbook,
                func.row_number()
                .over(
                    partition_by=MeetingRow.person_id,
                    order_by=(MeetingRow.started_at.desc(), MeetingRow.id.desc()),
                )
                .label("n"),
            )
            .where(*where)
            .subquery()
        )
        rows = session.execute(
            select(ranked.c.person_id, ranked.c.started_at, ranked.c.playbook).where(
                ranked.c.n == 1
            )
        )
        return {person: (started, playbook) for person, started, playbook in rows}
