"""Writing the whole database as one document (see the package docstring)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from tui1on1.storage.session import utcnow
from tui1on1.storage.tables import (
    BackfillRow,
    ExposureRow,
    MeetingRow,
    PersonRow,
    PlanEventRow,
    TalkingPointRow,
)
from tui1on1.storage.transfer.export_meetings import iso as _iso
from tui1on1.storage.transfer.export_meetings import meeting_entries
from tui1on1.storage.transfer.exposures import export_exposures
from tui1on1.storage.transfer.growth import export_plan_events
from tui1on1.storage.transfer.model import FORMAT, VERSION
from tui1on1.storage.transfer.succession import export_backfills

if TYPE_CHECKING:
    from tui1on1.storage.store import Store

_R = TypeVar("_R")

# --- export ---------------------------------------------------------------------


def export_data(store: Store, *, now: datetime | None = None) -> dict[str, Any]:
    """Everything in the database as the export document (see the module doc).

    People are ordered by name, meetings by when they started, notes by id.
    An action item without a note (which the app never makes) has no place in
    the format and is left out.
    """
    return store.export_document(now=now)


def document_from(
    session: Session, *, now: datetime | None = None, meeting_id: int | None = None
) -> dict[str, Any]:
    """The export document read in the caller's transaction: the whole
    database, or only ``meeting_id`` and its person (what a discarded meeting
    is kept as: ``tui1on1 import`` of it brings the meeting back and finds the
    person by name)."""
    return {**document_header(now), "people": list(people_from(session, meeting_id=meeting_id))}


def document_header(now: datetime | None = None) -> dict[str, Any]:
    """The document's fields before its people."""
    return {"format": FORMAT, "version": VERSION, "exported_at": _iso(now or utcnow())}


def people_from(
    session: Session, *, meeting_id: int | None = None, lazy: bool = False
) -> Iterator[dict[str, Any]]:
    """The document's people, one at a time, each read by its own indexed
    queries: only one person's history is in memory at once, however long the
    whole history is (``export --all`` streams them out as they come, and
    with ``lazy`` each person's meetings too: see ``_person_entry``)."""
    people_q = select(PersonRow)
    if meeting_id is not None:
        owner = select(MeetingRow.person_id).where(MeetingRow.id == meeting_id)
        people_q = people_q.where(PersonRow.id.in_(owner.scalar_subquery()))
    people = session.scalars(people_q).all()
    names = {person.id: person.name for person in people}
    # Sorted here, not in SQL: collations differ between SQLite and PostgreSQL.
    for person in sorted(people, key=lambda p: (p.name_key, p.name, p.id)):
        yield _person_entry(session, person, names, meeting_id, lazy=lazy)


def _person_entry(
    session: Session,
    person: PersonRow,
    names: dict[int, str],
    meeting_id: int | None,
    *,
    lazy: bool = False,
) -> dict[str, Any]:
    """One person's entry. With ``lazy``, its "meetings" is an iterator that
    reads them a few at a time as it is taken (see ``export_meetings``): for
    ``export --all``, whose writer encodes each meeting as it comes."""
    meetings_q = select(MeetingRow).where(MeetingRow.person_id == person.id)
    if meeting_id is not None:
        meetings_q = meetings_q.where(MeetingRow.id == meeting_id)
    whole = meeting_id is None  # a discarded meeting leaves these with the person
    own = sorted(session.scalars(meetings_q).all(), key=lambda m: (m.started_at, m.id))
    started = {m.id: _iso(m.started_at) for m in own}
    entries = meeting_entries(session, own, started)
    out_meetings: Iterator[dict[str, Any]] | list[dict[str, Any]] = (
        entries if lazy else list(entries)
    )
    points = _owned(session, TalkingPointRow, TalkingPointRow.person_id == person.id, whole)
    exposures = _owned(session, ExposureRow, ExposureRow.person_id == person.id, whole)
    backfills = _owned(session, BackfillRow, BackfillRow.candidate_id == person.id, whole)
    plans = _owned(session, PlanEventRow, PlanEventRow.person_id == person.id, whole)
    return {
        "name": person.name,
        "role": person.role,
        "relationship": person.relationship,
        "cadence": person.cadence,
        "default_playbook": person.default_playbook,
        "archived": bool(person.archived),
        "created_at": _iso(person.created_at),
        "meetings": out_meetings,
        "talking_points": [
            {
                "uid": p.uid,
                "text": p.text,
                "mine": bool(p.mine),
                "created_at": _iso(p.created_at),
                "resolved_at": _iso(p.resolved_at),
                "resolved_in_meeting": (
                    started.get(p.resolved_meeting_id) if p.resolved_meeting_id else None
                ),
            }
            for p in sorted(points, key=lambda p: (p.created_at, p.id))
        ],
        "exposures": export_exposures(exposures, _iso),
        "backfills": export_backfills(backfills, names, _iso),
        "plan_events": export_plan_events(plans, started, _iso),
    }


def _owned(session: Session, table: type[_R], owner: ColumnElement[bool], whole: bool) -> list[_R]:
    """A person's rows of ``table`` (none when only a discarded meeting is kept)."""
    if not whole:
        return []
    return list(session.scalars(select(table).where(owner)).all())
