"""Succession in an export (version 5): under each person, the roles they
could step into — ``for`` names whose role (null: the manager's own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tui1on1.domain.succession import MAX_NOTE_CHARS, Readiness
from tui1on1.storage.tables import BackfillRow, PersonRow
from tui1on1.storage.transfer.bulk import chunks, insert_rows
from tui1on1.storage.transfer.model import BackfillEntry, PersonEntry
from tui1on1.storage.transfer.reader import Reader
from tui1on1.storage.transfer.report import ImportReport


def export_backfills(
    rows: Sequence[BackfillRow], names: dict[int, str], iso: Any
) -> list[dict[str, Any]]:
    """A candidate's roles, oldest set first."""
    return [
        {
            "uid": row.uid,
            "for": names[row.holder_id] if row.holder_id is not None else None,
            "readiness": row.readiness,
            "note": row.note,
            "updated_at": iso(row.updated_at),
        }
        for row in sorted(rows, key=lambda r: (r.updated_at, r.id))
        if row.holder_id is None or row.holder_id in names
    ]


def read_backfill(r: Reader) -> BackfillEntry:
    holder = r.string("for", nullable=True, max_len=200)
    return BackfillEntry(
        uid=r.string("uid", max_len=36, non_empty=True),
        holder_key=holder.casefold() if holder is not None else None,
        readiness=r.choice("readiness", [x.value for x in Readiness], "readiness"),
        note=r.string("note", max_len=MAX_NOTE_CHARS * 2),
        updated_at=r.time("updated_at"),
    )


def merge_backfills(
    session: Session, people: list[PersonEntry], person_ids: dict[str, int], report: ImportReport
) -> None:
    """Backfills whose uid the database doesn't have, and whose role (person
    and candidate) isn't named already; a role whose holder is in neither
    the file nor the database is skipped."""
    uids = sorted({b.uid for person in people for b in person.backfills})
    taken: set[str] = set()
    for chunk in chunks(uids):
        taken.update(session.scalars(select(BackfillRow.uid).where(BackfillRow.uid.in_(chunk))))
    known = {key: pid for key, pid in session.execute(select(PersonRow.name_key, PersonRow.id))}
    pairs = {
        (key, candidate)
        for key, candidate in session.execute(
            select(BackfillRow.holder_key, BackfillRow.candidate_id)
        )
    }
    rows = []
    for person in people:
        candidate = person_ids[person.key]
        for entry in person.backfills:
            holder = None
            if entry.holder_key is not None:
                holder = person_ids.get(entry.holder_key, known.get(entry.holder_key))
                if holder is None:
                    report.backfills_skipped += 1
                    continue
            key = holder if holder is not None else 0
            if entry.uid in taken or (key, candidate) in pairs or holder == candidate:
                report.backfills_skipped += 1
                continue
            taken.add(entry.uid)
            pairs.add((key, candidate))
            rows.append(
                {
                    "uid": entry.uid,
                    "holder_id": holder,
                    "holder_key": key,
                    "candidate_id": candidate,
                    "readiness": entry.readiness,
                    "note": " ".join(entry.note.split()),
                    "updated_at": entry.updated_at,
                }
            )
    insert_rows(session, BackfillRow, rows)
    report.backfills_added += len(rows)
