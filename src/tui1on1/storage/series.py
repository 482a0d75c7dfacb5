"""What the career series needs of people's meetings (``domain.series``).

Three queries however many people and meetings there are, so home reads
everyone at once: how many meetings each person has had (a count over the
meeting index), their latest career conversation (a meeting on a career
playbook, or one where a career question was asked) and their latest
meeting on a career playbook. Each latest one walks that person's meetings
back from the newest on the (person, start) index and stops at the first
that matches: a few steps for someone in the series, whatever the history's
length.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from functools import cache

from sqlalchemy import ColumnElement, Row, Select, bindparam, exists, func, select
from sqlalchemy.orm import aliased

from tui1on1.domain.series import CAREER_SERIES, CareerHistory
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import AskedQuestionRow, MeetingRow, PersonRow


class SeriesStore(SessionBase):
    def career_histories(
        self, career_slugs: Collection[str], person_id: int | None = None
    ) -> dict[int, CareerHistory]:
        """Each person's :class:`CareerHistory` by id (only ``person_id``'s
        when given); someone never met is left out. ``career_slugs``: the
        questions that feed the career thread (the bank's, yours included)."""
        mine = [] if person_id is None else [MeetingRow.person_id == person_id]
        one = person_id is not None
        values = {"slugs": sorted(career_slugs), "person_id": person_id}
        with self._read() as session:
            counts = dict(
                session.execute(
                    select(MeetingRow.person_id, func.count())
                    .where(*mine)
                    .group_by(MeetingRow.person_id)
                ).all()
            )
            last_talk = _by_person(session.execute(_latest(career_talk=True, one=one), values))
            last_series = _by_person(session.execute(_latest(career_talk=False, one=one), values))
        return {
            person: CareerHistory(
                meetings=int(count),
                last_at=last_talk[person][0] if person in last_talk else None,
                last_playbook=last_talk[person][1] if person in last_talk else None,
                last_series=last_series[person][1] if person in last_series else None,
            )
            for person, count in counts.items()
        }


def _by_person(rows: Iterable[Row[int, datetime, str]]) -> dict[int, tuple[datetime, str]]:
    return {person: (started, playbook) for person, started, playbook in rows}


@cache
def _latest(*, career_talk: bool, one: bool) -> Select[int, datetime, str]:
    """(person, started_at, playbook) of each person's latest meeting on a
    career playbook, or (``career_talk``) also with a question of
    ``:slugs`` asked; only ``:person_id``'s when ``one``. For each person,
    their meetings newest first on the index, the first that matches.
    Made once: building it costs more than running it."""
    walked = aliased(MeetingRow, name="walked")
    matches: ColumnElement[bool] = walked.playbook.in_(CAREER_SERIES)
    if career_talk:
        matches |= exists().where(
            AskedQuestionRow.meeting_id == walked.id,
            AskedQuestionRow.slug.in_(bindparam("slugs", expanding=True)),
        )
    newest = (
        select(walked.id)
        .where(walked.person_id == PersonRow.id, matches)
        .order_by(walked.started_at.desc(), walked.id.desc())
        .limit(1)
        .correlate(PersonRow)
        .scalar_subquery()
    )
    people = select(newest).select_from(PersonRow)
    if one:
        people = people.where(PersonRow.id == bindparam("person_id"))
    return select(MeetingRow.person_id, MeetingRow.started_at, MeetingRow.playbook).where(
        MeetingRow.id.in_(people)
    )
