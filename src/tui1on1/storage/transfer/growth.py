"""Growth plans in an export (version 6): under each person, ``plan_events``,
every change to their plans oldest first, each imported once by its uid.
A change made in a 1:1 names that meeting by when it started
(``changed_in_meeting``, as an action's history does), so the import links
it to the meeting again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from tui1on1.domain.growth import MAX_TEXT_CHARS, PlanError, clean_text
from tui1on1.domain.kinds import PlanOp, PlanStatus
from tui1on1.storage.notes import MAX_NOTE_CHARS
from tui1on1.storage.tables import PlanEventRow
from tui1on1.storage.transfer.bulk import insert_rows, known_uids
from tui1on1.storage.transfer.model import PersonEntry, PlanEventEntry
from tui1on1.storage.transfer.reader import Reader
from tui1on1.storage.transfer.report import ImportReport

_NEEDS_TEXT = (PlanOp.GOAL.value, PlanOp.OPTION.value)
_NEEDS_TARGET = (PlanOp.PICK.value, PlanOp.DROP.value)


def export_plan_events(
    rows: Sequence[PlanEventRow], started: dict[int, str | None], iso: Any
) -> list[dict[str, Any]]:
    """A person's plan changes, oldest first; ``started``: when each of
    their meetings started, by id."""
    return [
        {
            "uid": row.uid,
            "at": iso(row.at),
            "op": row.op,
            "text": row.text or "",
            "target": row.target,
            "status": row.status,
            "aspiration": row.aspiration,
            "changed_in_meeting": started.get(row.meeting_id) if row.meeting_id else None,
        }
        for row in sorted(rows, key=lambda r: (r.at, r.id))
    ]


def read_plan_event(r: Reader, closings: list[tuple[str, datetime]]) -> PlanEventEntry:
    """One change, checked; the meeting it names must be in the file too
    (``closings`` collects it for the person's check)."""
    op = r.choice("op", [x.value for x in PlanOp], "plan change")
    try:
        text = clean_text(r.string("text", max_len=MAX_TEXT_CHARS * 2))
    except PlanError as exc:
        raise r.fail("text", str(exc)) from None
    if op in _NEEDS_TEXT and not text:
        raise r.fail("text", f"a {op} needs its words")
    target = r.string("target", nullable=True, max_len=36)
    if op in _NEEDS_TARGET and not target:
        raise r.fail("target", f"a {op} names the option's uid")
    status = r.choice_or_null("status", [x.value for x in PlanStatus], "plan status")
    if op == PlanOp.STATUS and status is None:
        raise r.fail("status", "a status change needs its status")
    changed_in = r.time("changed_in_meeting", nullable=True)
    if changed_in is not None:
        closings.append((r.at("changed_in_meeting"), changed_in))
    return PlanEventEntry(
        uid=r.string("uid", max_len=36, non_empty=True),
        at=r.time("at"),
        op=op,
        text=text,
        target=target if op in _NEEDS_TARGET else None,
        status=status if op == PlanOp.STATUS else None,
        aspiration=r.string("aspiration", nullable=True, max_len=MAX_NOTE_CHARS),
        changed_in=changed_in,
    )


def merge_plan_events(
    session: Session,
    people: list[PersonEntry],
    person_ids: dict[str, int],
    report: ImportReport,
    meeting_of: Callable[[int, datetime | None], int | None],
) -> None:
    """Plan changes whose uid the database doesn't have yet;
    ``meeting_of(person_id, started)`` finds the meeting one was made in."""
    uids = (e.uid for person in people for e in person.plan_events)
    taken = known_uids(session, PlanEventRow.uid, uids)
    rows = []
    for person in people:
        person_id = person_ids[person.key]
        for entry in person.plan_events:
            if entry.uid in taken:
                report.plan_events_skipped += 1
                continue
            taken.add(entry.uid)
            rows.append(
                {
                    "uid": entry.uid,
                    "person_id": person_id,
                    "meeting_id": meeting_of(person_id, entry.changed_in),
                    "at": entry.at,
                    "op": entry.op,
                    "text": entry.text,
                    "target": entry.target,
                    "status": entry.status,
                    "aspiration": entry.aspiration,
                }
            )
    insert_rows(session, PlanEventRow, rows)
    report.plan_events_added += len(rows)
