"""Merging each person's talking points from an export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from tui1on1.storage.tables import TalkingPointRow
from tui1on1.storage.transfer.bulk import insert_rows, known_uids
from tui1on1.storage.transfer.model import PersonEntry
from tui1on1.storage.transfer.report import ImportReport


def merge_talking_points(
    session: Session,
    people: list[PersonEntry],
    person_ids: dict[str, int],
    report: ImportReport,
    found: Callable[[int, datetime | None], int | None],
) -> None:
    """Talking points whose uid the database doesn't have yet; ``found``
    gives the id of the person's meeting that started at a time (the one a
    point was dealt with in)."""
    uids = (p.uid for person in people for p in person.talking_points)
    taken = known_uids(session, TalkingPointRow.uid, uids)
    rows = []
    for person in people:
        person_id = person_ids[person.key]
        for point in person.talking_points:
            if point.uid in taken:
                report.points_skipped += 1
                continue
            taken.add(point.uid)
            rows.append(
                {
                    "uid": point.uid,
                    "person_id": person_id,
                    "mine": point.mine,
                    "text": point.text,
                    "created_at": point.created_at,
                    "resolved_at": point.resolved_at,
                    "resolved_meeting_id": found(person_id, point.resolved_in),
                }
            )
    insert_rows(session, TalkingPointRow, rows)
    report.points_added += len(rows)
