"""The exposure log (``domain.exposure``): opportunities logged between
meetings (the ``exposure`` table) and those typed in a meeting (notes of kind
``exposure``), read together."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from tui1on1.domain.exposure import Exposure, clean_text, from_note, newest_first
from tui1on1.domain.kinds import ExposureKind
from tui1on1.storage import convert
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import EXPOSURE_NOTE, ExposureRow, MeetingRow, NoteRow, PersonRow


class ExposureStore(SessionBase):
    def add_exposure(
        self,
        person_id: int,
        kind: ExposureKind,
        text: str,
        *,
        on: date,
        at: datetime,
        uid: str | None = None,
    ) -> Exposure:
        """Log an opportunity given to ``person_id`` on the day ``on``.
        Adding the same ``uid`` twice returns the first."""
        try:
            cleaned = clean_text(text)
        except ValueError as exc:
            raise InvalidInput(str(exc)) from None
        with self._write() as session:
            if uid is not None:
                there = session.scalar(select(ExposureRow).where(ExposureRow.uid == uid))
                if there is not None:
                    return convert.exposure(there)
            if session.get(PersonRow, person_id) is None:
                raise NotFound(f"no person with id {person_id}")
            row = ExposureRow(
                uid=uid or uuid.uuid4().hex,
                person_id=person_id,
                kind=kind.value,
                text=cleaned,
                happened_on=on,
                created_at=at,
            )
            session.add(row)
            session.flush()
            return convert.exposure(row)

    def delete_exposure(self, exposure_id: int) -> Exposure:
        """Take a logged exposure out (one typed in a meeting is deleted as a note)."""
        with self._write() as session:
            row = session.get(ExposureRow, exposure_id)
            if row is None:
                raise NotFound(f"no logged exposure x{exposure_id}")
            gone = convert.exposure(row)
            session.delete(row)
            return gone

    def exposures(self, person_id: int, *, limit: int | None = None) -> list[Exposure]:
        """Every exposure of ``person_id`` (the newest ``limit``), newest first."""
        logged = (
            select(ExposureRow)
            .where(ExposureRow.person_id == person_id)
            .order_by(ExposureRow.happened_on.desc(), ExposureRow.id.desc())
            .limit(limit)
        )
        # All of their exposure notes, newest kept below: by their meetings and
        # the index of exposure notes by meeting (0012). Ordered and limited
        # here, SQLite walked every exposure of everyone, newest first.
        noted = (
            select(
                NoteRow.id, NoteRow.meeting_id, NoteRow.text, NoteRow.created_at, NoteRow.private
            )
            .join(MeetingRow, MeetingRow.id == NoteRow.meeting_id)
            .where(
                MeetingRow.person_id == person_id,
                EXPOSURE_NOTE,  # the partial index's own condition
                NoteRow.deleted_at.is_(None),
            )
        )
        with self._read() as session:
            found = [convert.exposure(row) for row in session.scalars(logged)]
            for note_id, meeting_id, text, created, private in session.execute(noted):
                local = created.astimezone().date()
                found.append(
                    from_note(person_id, note_id, meeting_id, text, local, created, bool(private))
                )
        found = newest_first(found)
        return found if limit is None else found[:limit]

    def latest_exposures(self, person_ids: Collection[int], *, since: date) -> dict[int, date]:
        """Each person's latest exposure on or after ``since`` (people with
        none in that window are left out). Two grouped reads bounded by the
        window: logged ones by (person, day), notes by (kind, created_at)."""
        if not person_ids:
            return {}
        ids = list(person_ids)
        start = datetime.combine(since - timedelta(days=1), datetime.min.time()).astimezone()
        latest: dict[int, date] = {}
        with self._read() as session:
            for person_id, day in session.execute(
                select(ExposureRow.person_id, func.max(ExposureRow.happened_on))
                .where(ExposureRow.person_id.in_(ids), ExposureRow.happened_on >= since)
                .group_by(ExposureRow.person_id)
            ):
                latest[person_id] = day
            # The year's exposure notes alone first (the partial index),
            # then whose meetings they were in: joined in one statement, the
            # planner would walk every note of each person's meetings.
            noted = session.execute(
                select(NoteRow.meeting_id, NoteRow.created_at).where(
                    EXPOSURE_NOTE,  # the partial index's own condition
                    NoteRow.created_at >= start,
                    NoteRow.deleted_at.is_(None),
                )
            ).all()
            meeting_ids = sorted({meeting_id for meeting_id, _ in noted})
            owner: dict[int, int] = {}
            for chunk_start in range(0, len(meeting_ids), 500):
                for meeting_id, person_id in session.execute(
                    select(MeetingRow.id, MeetingRow.person_id).where(
                        MeetingRow.id.in_(meeting_ids[chunk_start : chunk_start + 500]),
                        MeetingRow.person_id.in_(ids),
                    )
                ):
                    owner[meeting_id] = person_id
            for meeting_id, created in noted:
                whose = owner.get(meeting_id)
                if whose is None:
                    continue
                day = created.astimezone().date()
                if day >= since and day > latest.get(whose, date.min):
                    latest[whose] = day
        return latest
