"""What the career series needs of people's meetings (``domain.series``).

Three queries however many people and meetings there are, so home reads
everyone at once: how many meetings each person has had (a count over the
meeting index); for each person, their latest meeting on a career playbook
and their latest one where a career question was asked (their ids); and
those meetings. The latest career conversation is the later of the two
(the career playbook's only when holding it counts, ``held_as_talk``: a
first 1:1 counts through a career question asked in it).

Each latest one walks that person's meetings back from the newest on the
(person, start) index and stops at the first that matches: a few steps for
someone in the series, whatever the history's length (someone never in a
career conversation walks all their meetings, one index step each). Two
walks, not one with an OR: PostgreSQL answers an OR with a subquery by
hashing every career question ever asked.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from functools import cache

from sqlalchemy import (
    ColumnElement,
    Integer,
    ScalarSelect,
    Select,
    bindparam,
    exists,
    func,
    null,
    select,
    type_coerce,
)
from sqlalchemy.orm import aliased

from tui1on1.domain.series import CAREER_SERIES, CareerHistory, held_as_talk
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import AskedQuestionRow, MeetingRow, PersonRow

#: A meeting found by a walk: (started_at, id) orders them, then its playbook.
_Found = tuple[datetime, int, str]


class SeriesStore(SessionBase):
    def career_histories(
        self, career_slugs: Collection[str], person_id: int | None = None
    ) -> dict[int, CareerHistory]:
        """Each person's :class:`CareerHistory` by id (only ``person_id``'s
        when given); someone never met is left out. ``career_slugs``: the
        questions that feed the career thread (the bank's, yours included)."""
        mine = [] if person_id is None else [MeetingRow.person_id == person_id]
        slugs = sorted(career_slugs)
        values = {"slugs": slugs, "person_id": person_id}
        with self._read_rows() as conn:
            counts = dict(
                conn.execute(
                    select(MeetingRow.person_id, func.count())
                    .where(*mine)
                    .group_by(MeetingRow.person_id)
                ).all()
            )
            newest = conn.execute(_newest(asked=bool(slugs), one=person_id is not None), values)
            found = {person: (series, asked) for person, series, asked in newest}
            wanted = sorted({m for pair in found.values() for m in pair if m is not None})
            meetings: dict[int, _Found] = {}
            if wanted:  # by their keys: as many as there are people, at most twice
                for meeting_id, started, playbook in conn.execute(
                    select(MeetingRow.id, MeetingRow.started_at, MeetingRow.playbook).where(
                        MeetingRow.id.in_(wanted)
                    )
                ):
                    meetings[meeting_id] = (started, meeting_id, playbook)
        last_series: dict[int, _Found] = {}
        last_talk: dict[int, _Found] = {}
        for person, pair in found.items():
            series, asked = (meetings.get(m) if m is not None else None for m in pair)
            if series is not None:
                last_series[person] = series
            held = series if series is not None and held_as_talk(series[2]) else None
            talks = [m for m in (held, asked) if m is not None]
            if talks:
                last_talk[person] = max(talks)
        return {
            person: CareerHistory(
                meetings=int(count),
                last_at=last_talk[person][0] if person in last_talk else None,
                last_playbook=last_talk[person][2] if person in last_talk else None,
                last_series=last_series[person][2] if person in last_series else None,
            )
            for person, count in counts.items()
        }


@cache
def _newest(*, asked: bool, one: bool) -> Select[int, int | None, int | None]:
    """(person, latest meeting on a career playbook, latest meeting where
    one of ``:slugs`` was asked — None when not ``asked``) by id, for
    everyone or only ``:person_id`` (``one``). Made once: building it costs
    more than running it."""
    walked = aliased(MeetingRow, name="walked")

    def latest(matches: ColumnElement[bool]) -> ScalarSelect[int]:
        return (
            select(walked.id)
            .where(walked.person_id == PersonRow.id, matches)
            .order_by(walked.started_at.desc(), walked.id.desc())
            .limit(1)
            .correlate(PersonRow)
            .scalar_subquery()
        )

    career_question = exists().where(
        AskedQuestionRow.meeting_id == walked.id,
        AskedQuestionRow.slug.in_(bindparam("slugs", expanding=True)),
    )
    query = select(
        PersonRow.id,
        latest(walked.playbook.in_(CAREER_SERIES)),
        latest(career_question) if asked else type_coerce(null(), Integer),
    )
    return query.where(PersonRow.id == bindparam("person_id")) if one else query
