"""Succession (``domain.succession``): who could back-fill whose role."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from tui1on1.domain.succession import MAX_NOTE_CHARS, Backfill, Readiness
from tui1on1.storage import convert
from tui1on1.storage.errors import InvalidInput, NotFound
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import BackfillRow, PersonRow

MINE = 0  # holder_key of the manager's own role


class SuccessionStore(SessionBase):
    def set_backfill(
        self,
        holder_id: int | None,
        candidate_id: int,
        readiness: Readiness,
        *,
        at: datetime,
        note: str = "",
        uid: str | None = None,
    ) -> Backfill:
        """Name ``candidate_id`` as able to step into the role of
        ``holder_id`` (None: mine), or change how ready they are."""
        cleaned = " ".join(note.split())
        if len(cleaned) > MAX_NOTE_CHARS:
            raise InvalidInput(f"a note here is at most {MAX_NOTE_CHARS} characters")
        if holder_id == candidate_id:
            raise InvalidInput("someone can't back-fill their own role")
        with self._write() as session:
            for person_id in (holder_id, candidate_id):
                if person_id is not None and session.get(PersonRow, person_id) is None:
                    raise NotFound(f"no person with id {person_id}")
            key = holder_id if holder_id is not None else MINE
            row = session.scalar(
                select(BackfillRow).where(
                    BackfillRow.holder_key == key, BackfillRow.candidate_id == candidate_id
                )
            )
            if row is None:
                row = BackfillRow(
                    uid=uid or uuid.uuid4().hex,
                    holder_id=holder_id,
                    holder_key=key,
                    candidate_id=candidate_id,
                )
                session.add(row)
            row.readiness = readiness.value
            row.note = cleaned
            row.updated_at = at
            session.flush()
            return convert.backfill(row)

    def remove_backfill(self, holder_id: int | None, candidate_id: int) -> Backfill:
        key = holder_id if holder_id is not None else MINE
        with self._write() as session:
            row = session.scalar(
                select(BackfillRow).where(
                    BackfillRow.holder_key == key, BackfillRow.candidate_id == candidate_id
                )
            )
            if row is None:
                raise NotFound("they weren't named for that role")
            gone = convert.backfill(row)
            session.delete(row)
            return gone

    def backfills(self) -> list[Backfill]:
        """Every role's candidates (a small table: a few per role)."""
        with self._read() as session:
            return [convert.backfill(row) for row in session.scalars(select(BackfillRow))]
