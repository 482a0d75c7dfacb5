"""Full-text search over notes: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

What the user typed never reaches MATCH or to_tsquery as syntax: it is cut
into word tokens and quoted by :mod:`tui1on1.domain.searchtext`, and the
result is a bound parameter. A query with no words (``"(*``, emoji, blanks)
and no filter finds nothing without asking the database.

Hits with words come newest first (note id descending), never ranked: ranking
would mean scoring every note that holds a common word, while walking the
index backwards and stopping at ``limit`` costs the same for "the" as for a
rare word.

Filters alone (a person, kinds, a tag, days; no words) list every note that
passes them, newest first by the time the note was taken (``created_at``,
then id): "all of Priya's quotes", "every #growth note".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Any, TypedDict, Unpack

from sqlalchemy import (
    FromClause,
    Integer,
    Select,
    TextClause,
    UnaryExpression,
    bindparam,
    column,
    literal,
    select,
    table,
)
from sqlalchemy import text as sql_text

from tui1on1.domain import searchtext
from tui1on1.domain.kinds import NoteKind
from tui1on1.storage.convert import split_tags
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import MeetingRow, NoteRow, PersonRow

MAX_LIMIT = 10_000

# The FTS5 table made by the first migration (SQLite only).
_note_fts = table("note_fts", column("rowid", Integer))


@dataclass(frozen=True)
class SearchHit:
    note_id: int
    meeting_id: int
    person_id: int
    person_name: str
    kind: NoteKind
    text: str
    tags: tuple[str, ...]
    created_at: datetime
    meeting_started_at: datetime


def normalize_tag(tag: str) -> str:
    """``"#Career"`` → ``"career"``: how tags are stored (lowercase, no ``#``)."""
    cleaned = "".join(ch for ch in tag if ch.isprintable()).strip()
    return cleaned.lstrip("#").lower()


def local_day_start(day: date, tz: tzinfo | None = None) -> datetime:
    """The first instant of ``day`` in ``tz`` (local time when None), in UTC."""
    start = datetime.combine(day, time.min)
    try:
        aware = start.replace(tzinfo=tz) if tz is not None else start.astimezone()
        return aware.astimezone(UTC)
    except (OverflowError, ValueError):  # the first or last days of year 1 or 9999
        return start.replace(tzinfo=UTC)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_INT64_MAX = 2**63 - 1

# note id, meeting id, person id, person name, kind, text, tags, created, meeting started
_HitSelect = Select[int, int, int, str, str, str, str, datetime, datetime]


class _Filters(TypedDict):
    """The keyword arguments of :meth:`SearchStore._search_query`."""

    person_id: int | None
    kinds: Sequence[NoteKind] | None
    tag: str | None
    since: date | None
    until: date | None
    limit: int
    offset: int
    tz: tzinfo | None


class SearchStore(SessionBase):
    def search(
        self,
        query: str,
        *,
        person_id: int | None = None,
        kinds: Sequence[NoteKind] | None = None,
        tag: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 50,
        offset: int = 0,
        tz: tzinfo | None = None,
    ) -> list[SearchHit]:
        """Notes holding every word of ``query`` (each as a word start:
        ``mento`` finds "mentoring"), case- and accent-insensitive, newest
        first. Deleted notes never match. A query with no words lists the
        notes the filters let through, newest first by ``created_at``; with
        no words and no filter it finds nothing.

        ``since``/``until`` are days in ``tz`` (local time when None), both
        included; ``tag`` may be given with or without ``#``. A query or
        filter that can't match anything returns ``[]``; hostile input is
        searched literally and never raises (only DatabaseUnavailable can).
        """
        prepared = self._search_query(
            query,
            person_id=person_id,
            kinds=kinds,
            tag=tag,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
            tz=tz,
        )
        if prepared is None:
            return []
        with self._read_rows() as conn:
            rows = conn.execute(*prepared).all()
        return [
            SearchHit(
                note_id=note_id,
                meeting_id=meeting_id,
                person_id=person,
                person_name=name,
                kind=NoteKind(kind),
                text=text,
                tags=split_tags(tags),
                created_at=created_at,
                meeting_started_at=started_at,
            )
            for note_id, meeting_id, person, name, kind, text, tags, created_at, started_at in rows
        ]

    def _search_statement(self, query: str, **filters: Unpack[_Filters]) -> _HitSelect | None:
        """The SELECT for :meth:`search` with its values bound, or None when
        nothing can match (for tests that look at the plan)."""
        prepared = self._search_query(query, **filters)
        return None if prepared is None else prepared[0].params(prepared[1])

    def _search_query(
        self,
        query: str,
        *,
        person_id: int | None,
        kinds: Sequence[NoteKind] | None,
        tag: str | None,
        since: date | None,
        until: date | None,
        limit: int,
        offset: int,
        tz: tzinfo | None,
    ) -> tuple[_HitSelect, dict[str, object]] | None:
        """The (shared) SELECT for :meth:`search` and its parameters, or None
        when nothing can match."""
        tokens = searchtext.query_tokens(query)
        limit = min(int(limit), MAX_LIMIT)
        offset = int(offset)
        if limit <= 0 or not 0 <= offset <= _INT64_MAX - limit:
            return None
        filtered = (person_id, kinds, tag, since, until) != (None,) * 5
        if not tokens and not filtered:
            return None
        if person_id is not None and not 0 <= person_id <= _INT64_MAX:
            return None
        if kinds is not None and not kinds:
            return None
        wanted_tag = None
        if tag is not None:
            wanted_tag = normalize_tag(tag)
            if not wanted_tag or any(ch.isspace() for ch in wanted_tag):
                return None
        if since is not None and until is not None and since > until:
            return None

        params: dict[str, object] = {"limit": limit, "offset": offset}
        if tokens and self.dialect == "sqlite":
            params["fts_query"] = searchtext.fts5_match(tokens)
        elif tokens:
            params["ts_query"] = searchtext.tsquery(tokens)
        # (no words: the filters alone choose; see _statement)
        if person_id is not None:
            params["person_id"] = person_id
        if kinds is not None:
            params["kinds"] = sorted({NoteKind(kind).value for kind in kinds})
        if wanted_tag is not None:
            # Tags are stored space-separated: look for " tag " in " tags ".
            params["tag_pattern"] = "% " + _like_escape(wanted_tag) + " %"
        if since is not None and since > date.min:
            params["since"] = local_day_start(since, tz)
        if until is not None and until < date.max:
            params["until"] = local_day_start(until + timedelta(days=1), tz)
        return _statement(self.dialect, frozenset(params)), params


@lru_cache(maxsize=64)
def _statement(dialect: str, names: frozenset[str]) -> _HitSelect:
    """The SELECT for one dialect and set of filters, every value a bound
    parameter: built once and reused, so SQLAlchemy's compiled cache hits
    without comparing a new statement's columns on every search."""
    order: tuple[UnaryExpression[Any], ...]
    match: TextClause | None
    source: FromClause
    if "fts_query" in names:
        # The FTS table drives the query: walked backwards by rowid, it
        # stops as soon as LIMIT rows have passed the filters.
        match = sql_text("note_fts MATCH :fts_query")
        source = _note_fts.join(NoteRow, NoteRow.id == _note_fts.c.rowid)
        order = (_note_fts.c.rowid.desc(),)
    elif "ts_query" in names:
        match = sql_text("note.search_vector @@ to_tsquery('simple', :ts_query)")
        source = NoteRow.__table__
        order = (NoteRow.id.desc(),)
    else:  # filters alone: newest first by when the note was taken
        match = None
        source = NoteRow.__table__
        order = (NoteRow.created_at.desc(), NoteRow.id.desc())
    source = source.join(MeetingRow, MeetingRow.id == NoteRow.meeting_id).join(
        PersonRow, PersonRow.id == MeetingRow.person_id
    )
    statement = (
        select(
            NoteRow.id,
            NoteRow.meeting_id,
            MeetingRow.person_id,
            PersonRow.name,
            NoteRow.kind,
            NoteRow.text,
            NoteRow.tags,
            NoteRow.created_at,
            MeetingRow.started_at,
        )
        .select_from(source)
        .where(*([match] if match is not None else []), NoteRow.deleted_at.is_(None))
    )
    if "person_id" in names:
        statement = statement.where(MeetingRow.person_id == bindparam("person_id"))
    if "kinds" in names:
        statement = statement.where(NoteRow.kind.in_(bindparam("kinds", expanding=True)))
    if "tag_pattern" in names:
        padded = literal(" ").concat(NoteRow.tags).concat(" ")
        statement = statement.where(padded.like(bindparam("tag_pattern"), escape="\\"))
    if "since" in names:
        statement = statement.where(NoteRow.created_at >= bindparam("since"))
    if "until" in names:
        statement = statement.where(NoteRow.created_at < bindparam("until"))
    return (
        statement.order_by(*order)
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )
