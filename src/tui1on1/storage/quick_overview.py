"""Home's rows in explicit SQL on a plain sqlite3 connection (see
``quick_read``): what ``Store.people_overview`` reads, in the same queries it
has SQLAlchemy build (each bounded by the people, not the history), turned
into the same records."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from tui1on1.domain.kinds import ActionStatus, MeetingStatus, Owner, Relationship
from tui1on1.domain.overview import TREND_MEETINGS, PersonOverview
from tui1on1.domain.records import Person
from tui1on1.storage.revision import HEAD_REVISION

# Literals, not parameters, where SQLite matches a partial index on them.
_PEOPLE = """
SELECT p.id, p.name, p.role, p.relationship, p.cadence, p.default_playbook,
       p.archived, p.created_at,
       (SELECT max(m.started_at) FROM meeting AS m WHERE m.person_id = p.id)
FROM person AS p {where}
ORDER BY p.name_key
"""
_OPEN_ACTIONS = f"""
SELECT person_id, owner, count(*) FROM action_item
WHERE status = '{ActionStatus.OPEN.value}'
GROUP BY person_id, owner
"""
_LIVE = f"SELECT person_id, id FROM meeting WHERE status = '{MeetingStatus.LIVE.value}'"
_TREND = f"""
SELECT m.person_id, m.started_at, m.ended_at
FROM person AS p
LEFT OUTER JOIN meeting AS m ON m.id IN (
    SELECT n.id FROM meeting AS n
    WHERE n.person_id = p.id AND n.status = '{MeetingStatus.ENDED.value}'
    ORDER BY n.started_at DESC LIMIT {TREND_MEETINGS}
) {{where}}
"""


def read_overview(connection: Any, *, include_archived: bool) -> list[PersonOverview] | None:
    """Home's people (archived ones too, if asked), by name; None for a
    database at another schema revision (the Store upgrades it first)."""
    if connection.execute("SELECT version_num FROM alembic_version").fetchone() != (HEAD_REVISION,):
        return None
    where = "" if include_archived else "WHERE p.archived = 0"
    people = connection.execute(_PEOPLE.format(where=where)).fetchall()
    counts = {(pid, owner): n for pid, owner, n in connection.execute(_OPEN_ACTIONS)}
    live = dict(connection.execute(_LIVE).fetchall())
    trend: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for person_id, started, ended in connection.execute(_TREND.format(where=where)):
        if person_id is not None and ended is not None:  # someone never met: none
            trend[person_id].append((_utc(started), _utc(ended)))
    overview = []
    for pid, name, role, relationship, cadence, playbook, archived, created, last in people:
        lengths = sorted(trend.get(pid, []))
        overview.append(
            PersonOverview(
                person=Person(
                    id=pid,
                    name=name,
                    role=role,
                    relationship=Relationship(relationship),
                    cadence=cadence,
                    default_playbook=playbook,
                    archived=bool(archived),
                    created_at=_utc_or_none(created),
                ),
                last_started_at=_utc_or_none(last),
                open_mine=counts.get((pid, Owner.ME.value), 0),
                open_theirs=counts.get((pid, Owner.THEM.value), 0),
                recent_minutes=tuple(
                    round((end - start).total_seconds() / 60, 1) for start, end in lengths
                ),
                live_meeting_id=live.get(pid),
            )
        )
    return overview


def _utc(text: str) -> datetime:
    """A time as the Store writes it in SQLite (naive UTC text), aware."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _utc_or_none(text: str | None) -> datetime | None:
    return None if text is None else _utc(text)
