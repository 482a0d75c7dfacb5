"""Bulk inserts for the import: many rows per statement, ids known in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tui1on1.storage.tables import (
    ActionItemRow,
    AskedQuestionRow,
    Base,
    MeetingRow,
    NoteRow,
    PersonRow,
)

CHUNK = 500  # values per IN (...) list

_T = TypeVar("_T")


# The tables whose new ids the import needs (to point other rows at them).
IdTable = (
    type[PersonRow]
    | type[MeetingRow]
    | type[AskedQuestionRow]
    | type[NoteRow]
    | type[ActionItemRow]
)


def chunks(values: list[_T]) -> Iterator[list[_T]]:
    """``values`` in lists short enough for one ``IN (...)``."""
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


def known_uids(
    session: Session, column: InstrumentedAttribute[str], uids: Iterable[str]
) -> set[str]:
    """Those of ``uids`` the database has in ``column`` already (a uid column)."""
    taken: set[str] = set()
    for chunk in chunks(sorted(set(uids))):
        taken.update(session.scalars(select(column).where(column.in_(chunk))))
    return taken


# render_nulls: send None as NULL instead of leaving the column out, so rows
# with None in different columns still go in one batched statement (without
# it, each pattern of None values is a batch of its own: ten times slower).
_BULK = {"render_nulls": True}


def insert_ids(session: Session, table: IdTable, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in bulk and return their new ids, in the order of ``rows``.

    PostgreSQL batches INSERT ... RETURNING and can say which id went with
    which row. SQLite can't (the order of RETURNING rows is unspecified there,
    so SQLAlchemy would fall back to one statement per row), so there the ids
    are given: this transaction holds SQLite's only write lock (BEGIN
    IMMEDIATE) and the ids are the ones SQLite would pick itself, the highest
    so far plus one.
    """
    if not rows:
        return []
    if session.get_bind().dialect.name == "sqlite":
        first = (session.scalar(select(func.max(table.id))) or 0) + 1
        ids = list(range(first, first + len(rows)))
        given = [{**row, "id": new_id} for row, new_id in zip(rows, ids, strict=True)]
        session.execute(insert(table), given, execution_options=_BULK)
        return ids
    stmt = insert(table).returning(table.id, sort_by_parameter_order=True)
    return list(session.scalars(stmt, rows, execution_options=_BULK))


def insert_rows(session: Session, table: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` in bulk (one batched statement)."""
    if rows:
        session.execute(insert(table), rows, execution_options=_BULK)
