"""The exposure log in an export (version 5): each person's ``exposures``
logged between meetings. (One typed in a meeting is a note of kind
``exposure`` and travels with its meeting.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from tui1on1.domain.exposure import MAX_TEXT_CHARS, ExposureError, clean_text
from tui1on1.domain.kinds import ExposureKind
from tui1on1.storage.tables import ExposureRow
from tui1on1.storage.transfer.bulk import insert_rows, known_uids
from tui1on1.storage.transfer.model import ExposureEntry, PersonEntry
from tui1on1.storage.transfer.reader import Reader
from tui1on1.storage.transfer.report import ImportReport


def export_exposures(rows: Sequence[ExposureRow], iso: Any) -> list[dict[str, Any]]:
    """A person's logged exposures, oldest first, as the document has them."""
    return [
        {
            "uid": row.uid,
            "kind": row.kind,
            "text": row.text,
            "on": row.happened_on.isoformat(),
            "created_at": iso(row.created_at),
        }
        for row in sorted(rows, key=lambda r: (r.happened_on, r.id))
    ]


def read_exposure(r: Reader) -> ExposureEntry:
    on = r.day("on")
    if on is None:
        raise r.fail("on", "an exposure needs the day it happened")
    try:
        text = clean_text(r.string("text", max_len=MAX_TEXT_CHARS * 2, non_empty=True))
    except ExposureError as exc:
        raise r.fail("text", str(exc)) from None
    return ExposureEntry(
        uid=r.string("uid", max_len=36, non_empty=True),
        kind=r.choice("kind", [k.value for k in ExposureKind], "kind of exposure"),
        text=text,
        on=on,
        created_at=r.time("created_at"),
    )


def merge_exposures(
    session: Session,
    people: list[PersonEntry],
    person_ids: dict[str, int],
    report: ImportReport,
) -> None:
    """Logged exposures whose uid the database doesn't have yet."""
    uids = (e.uid for person in people for e in person.exposures)
    taken = known_uids(session, ExposureRow.uid, uids)
    rows = []
    for person in people:
        for entry in person.exposures:
            if entry.uid in taken:
                report.exposures_skipped += 1
                continue
            taken.add(entry.uid)
            rows.append(
                {
                    "uid": entry.uid,
                    "person_id": person_ids[person.key],
                    "kind": entry.kind,
                    "text": entry.text,
                    "happened_on": entry.on,
                    "created_at": entry.created_at,
                }
            )
    insert_rows(session, ExposureRow, rows)
    report.exposures_added += len(rows)
