"""The whole database as one JSON-ready document, and merging one back in.

The document (``"format": "tui1on1-export", "version": 1``) nests everything
under its person, so it carries no ids and imports into any database, SQLite
or PostgreSQL. ``export_data`` writes it; ``import_data`` checks all of it
first and then merges it in one write transaction: all of it lands, or none.

Import refuses to overwrite:

- a person matches by name, ignoring case; an existing person is not changed;
- a meeting matches by (person, started_at); an existing meeting is kept as it
  is (its pauses, segments, asked questions and draft too), but notes in it
  are still merged by uid;
- a note whose uid is anywhere in the database already is skipped, never
  updated; an action item comes and goes with its note;
- a person has at most one live meeting: a second one is imported as ended
  (at its last note, or when it started) and the report says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from tui1on1.domain import people as people_rules
from tui1on1.domain.cadence import CadenceError, parse_cadence
from tui1on1.domain.kinds import ActionStatus, MeetingStatus, NoteKind, Owner, Relationship
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage import convert
from tui1on1.storage.errors import InvalidInput
from tui1on1.storage.meetings import MAX_PLANNED_MINUTES
from tui1on1.storage.notes import MAX_NOTE_CHARS
from tui1on1.storage.session import utcnow
from tui1on1.storage.tables import (
    ActionItemRow,
    AskedQuestionRow,
    DraftRow,
    MeetingPauseRow,
    MeetingRow,
    NoteRow,
    PersonRow,
    SegmentLogRow,
)

__all__ = ["FORMAT", "VERSION", "ImportError_", "ImportReport", "export_data", "import_data"]

FORMAT = "tui1on1-export"
VERSION = 1

MAX_DRAFT_CHARS = MAX_NOTE_CHARS * 5  # what save_draft keeps
_CHUNK = 500  # values per IN (...) list
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class ImportError_(InvalidInput):  # the builtin ImportError is taken
    """The document can't be imported; nothing was written.

    ``str()`` names where the problem is, like
    ``people[2].meetings[0].notes[5].kind: unknown kind 'x'``.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


# --- export ---------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def export_data(store, *, now: datetime | None = None) -> dict[str, Any]:
    """Everything in the database as the export document (see the module doc).

    People are ordered by name, meetings by when they started, notes by id.
    An action item without a note (which the app never makes) has no place in
    the format and is left out.
    """
    with store._read() as session:
        people = session.scalars(select(PersonRow)).all()
        meetings = session.scalars(select(MeetingRow)).all()
        pauses = session.scalars(select(MeetingPauseRow)).all()
        segments = session.scalars(select(SegmentLogRow)).all()
        asked = session.scalars(select(AskedQuestionRow)).all()
        notes = session.scalars(select(NoteRow)).all()
        actions = session.scalars(
            select(ActionItemRow).where(ActionItemRow.note_id.is_not(None))
        ).all()
        drafts = session.scalars(select(DraftRow)).all()

    meetings_of = _group(meetings, lambda r: r.person_id)
    pauses_of = _group(pauses, lambda r: r.meeting_id)
    segments_of = _group(segments, lambda r: r.meeting_id)
    asked_of = _group(asked, lambda r: r.meeting_id)
    notes_of = _group(notes, lambda r: r.meeting_id)
    action_of_note = {a.note_id: a for a in actions}
    draft_of = {d.meeting_id: d for d in drafts}

    out_people = []
    # Sorted here, not in SQL: collations differ between SQLite and PostgreSQL.
    for person in sorted(people, key=lambda p: (p.name_key, p.name, p.id)):
        own = sorted(meetings_of.get(person.id, []), key=lambda m: (m.started_at, m.id))
        started = {m.id: _iso(m.started_at) for m in own}
        out_meetings = []
        for meeting in own:
            questions = sorted(asked_of.get(meeting.id, []), key=lambda a: (a.asked_at, a.id))
            keys = {a.id: f"q{i}" for i, a in enumerate(questions, start=1)}
            draft = draft_of.get(meeting.id)
            out_meetings.append(
                {
                    "playbook": meeting.playbook,
                    "planned_minutes": meeting.planned_minutes,
                    "started_at": _iso(meeting.started_at),
                    "ended_at": _iso(meeting.ended_at),
                    "status": meeting.status,
                    "summary": meeting.summary,
                    "pauses": [
                        {"paused_at": _iso(p.paused_at), "resumed_at": _iso(p.resumed_at)}
                        for p in sorted(
                            pauses_of.get(meeting.id, []), key=lambda p: (p.paused_at, p.id)
                        )
                    ],
                    "segments": [
                        {
                            "index": s.segment_index,
                            "title": s.title,
                            "started_at": _iso(s.started_at),
                            "ended_at": _iso(s.ended_at),
                        }
                        for s in sorted(
                            segments_of.get(meeting.id, []), key=lambda s: (s.started_at, s.id)
                        )
                    ],
                    "asked_questions": [
                        {
                            "key": keys[a.id],
                            "slug": a.slug,
                            "text": a.text,
                            "elapsed_seconds": float(a.elapsed_seconds),
                            "asked_at": _iso(a.asked_at),
                            "pause_seconds": _float_or_none(a.pause_seconds),
                            "followups": a.followups,
                        }
                        for a in questions
                    ],
                    "notes": [
                        _export_note(n, keys, action_of_note.get(n.id), started)
                        for n in sorted(notes_of.get(meeting.id, []), key=lambda n: n.id)
                    ],
                    "draft": (
                        {"text": draft.text, "updated_at": _iso(draft.updated_at)}
                        if draft is not None
                        else None
                    ),
                }
            )
        out_people.append(
            {
                "name": person.name,
                "role": person.role,
                "relationship": person.relationship,
                "cadence": person.cadence,
                "default_playbook": person.default_playbook,
                "archived": bool(person.archived),
                "created_at": _iso(person.created_at),
                "meetings": out_meetings,
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _iso(now or utcnow()),
        "people": out_people,
    }


def _export_note(
    note: NoteRow,
    keys: dict[int, str],
    action: ActionItemRow | None,
    started: dict[int, str | None],
) -> dict[str, Any]:
    return {
        "uid": note.uid,
        "kind": note.kind,
        "text": note.text,
        "tags": list(convert.split_tags(note.tags)),
        "elapsed_seconds": float(note.elapsed_seconds),
        "segment_index": note.segment_index,
        "asked_question": keys.get(note.asked_question_id) if note.asked_question_id else None,
        "created_at": _iso(note.created_at),
        "edited_at": _iso(note.edited_at),
        "deleted_at": _iso(note.deleted_at),
        "action": (
            {
                "owner": action.owner,
                "due": action.due.isoformat() if action.due else None,
                "status": action.status,
                "created_at": _iso(action.created_at),
                "closed_at": _iso(action.closed_at),
                "closed_in_meeting": (
                    started.get(action.closed_meeting_id) if action.closed_meeting_id else None
                ),
            }
            if action is not None
            else None
        ),
    }


def _float_or_none(value: float | None) -> float | None:
    return float(value) if value is not None else None


def _group(rows: Iterable[Any], key) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row)
    return grouped


# --- the document, checked ---------------------------------------------------------


@dataclass
class _Action:
    owner: str
    due: date | None
    status: str
    created_at: datetime
    closed_at: datetime | None
    closed_in: datetime | None


@dataclass
class _Note:
    uid: str
    kind: str
    text: str
    tags: list[str]
    elapsed_seconds: float
    segment_index: int | None
    asked_key: str | None
    created_at: datetime
    edited_at: datetime | None
    deleted_at: datetime | None
    action: _Action | None


@dataclass
class _Asked:
    key: str
    slug: str
    text: str
    elapsed_seconds: float
    asked_at: datetime
    pause_seconds: float | None
    followups: int


@dataclass
class _Meeting:
    playbook: str
    planned_minutes: int
    started_at: datetime
    ended_at: datetime | None
    status: str
    summary: str
    pauses: list[tuple[datetime, datetime | None]]
    segments: list[tuple[int, str, datetime, datetime | None]]
    asked: list[_Asked]
    notes: list[_Note]
    draft: tuple[str, datetime] | None


@dataclass
class _Person:
    name: str
    key: str
    role: str
    relationship: str
    cadence: str | None
    default_playbook: str | None
    archived: bool
    created_at: datetime
    meetings: list[_Meeting]


_MISSING = object()


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: str, limit: int = 40) -> str:
    text = safe_terminal_text(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


class _Reader:
    """Typed access to one JSON object, with the path for error messages."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise ImportError_(path or "the file", f"expected an object, got {_type_name(value)}")
        self.obj = value
        self.path = path

    def at(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def fail(self, name: str, problem: str) -> ImportError_:
        return ImportError_(self.at(name), problem)

    def raw(self, name: str) -> Any:
        value = self.obj.get(name, _MISSING)
        if value is _MISSING:
            raise self.fail(name, "missing")
        return value

    def string(
        self, name: str, *, max_len: int | None = None, nullable: bool = False, non_empty=False
    ) -> Any:
        value = self.raw(name)
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            wanted = "a string or null" if nullable else "a string"
            raise self.fail(name, f"expected {wanted}, got {_type_name(value)}")
        return self._check_text(name, value, max_len=max_len, non_empty=non_empty)

    def _check_text(self, name: str, value: str, *, max_len: int | None, non_empty: bool) -> str:
        if "\x00" in value:
            raise self.fail(name, "contains a NUL character")
        if max_len is not None and len(value) > max_len:
            raise self.fail(name, f"at most {max_len:,} characters (this has {len(value):,})")
        if non_empty and not value.strip():
            raise self.fail(name, "can't be empty")
        return value

    def choice(self, name: str, choices: Iterable[str], what: str) -> str:
        value = self.raw(name)
        allowed = list(choices)
        if not isinstance(value, str) or value not in allowed:
            shown = _shown(value) if isinstance(value, str) else _type_name(value)
            raise self.fail(name, f"unknown {what} {shown} (expected one of: {', '.join(allowed)})")
        return value

    def integer(
        self, name: str, *, low: int = 0, high: int | None = None, nullable: bool = False
    ) -> Any:
        value = self.raw(name)
        if value is None and nullable:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            wanted = "a whole number or null" if nullable else "a whole number"
            raise self.fail(name, f"expected {wanted}, got {_type_name(value)}")
        if value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise self.fail(name, f"{value} is out of range ({bounds})")
        return value

    def number(self, name: str, *, nullable: bool = False) -> Any:
        value = self.raw(name)
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            wanted = "a number or null" if nullable else "a number"
            raise self.fail(name, f"expected {wanted}, got {_type_name(value)}")
        value = float(value)
        if not math.isfinite(value) or value < 0:
            raise self.fail(name, f"{value} isn't a sensible number of seconds")
        return value

    def boolean(self, name: str) -> bool:
        value = self.raw(name)
        if not isinstance(value, bool):
            raise self.fail(name, f"expected true or false, got {_type_name(value)}")
        return value

    def time(self, name: str, *, nullable: bool = False) -> Any:
        value = self.raw(name)
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            wanted = "an ISO 8601 time or null" if nullable else "an ISO 8601 time"
            raise self.fail(name, f"expected {wanted}, got {_type_name(value)}")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(
                name, f"{_shown(value)} isn't an ISO 8601 time like 2026-11-20T09:00:00+00:00"
            ) from None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            raise self.fail(
                name, f"{_shown(value)} has no time zone; write it in UTC, like ...+00:00"
            )
        try:
            return parsed.astimezone(UTC)
        except (OverflowError, ValueError):
            raise self.fail(name, f"{_shown(value)} is outside the calendar") from None

    def day(self, name: str) -> date | None:
        value = self.raw(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(name, f"expected a date (YYYY-MM-DD) or null, got {_type_name(value)}")
        try:
            if not _DATE_RE.fullmatch(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(name, f"{_shown(value)} isn't a date like 2026-11-27") from None

    def items(self, name: str, *, nullable: bool = False) -> Iterator[tuple[str, Any]]:
        """(path, value) for each element of a list."""
        value = self.raw(name)
        if value is None and nullable:
            return
        if not isinstance(value, list):
            raise self.fail(name, f"expected a list, got {_type_name(value)}")
        for i, item in enumerate(value):
            yield f"{self.at(name)}[{i}]", item

    def child(self, name: str, *, nullable: bool = False) -> _Reader | None:
        value = self.raw(name)
        if value is None and nullable:
            return None
        return _Reader(value, self.at(name))


def _read_document(data: Any) -> list[_Person]:
    """Check the whole document and return it typed; raise ImportError_ on the
    first problem."""
    doc = _Reader(data, "")
    fmt = doc.raw("format")
    if fmt != FORMAT:
        shown = _shown(fmt) if isinstance(fmt, str) else _type_name(fmt)
        raise doc.fail("format", f"expected '{FORMAT}', got {shown}: not a tui1on1 export")
    version = doc.raw("version")
    if isinstance(version, bool) or version != VERSION:
        shown = str(version) if isinstance(version, int | float) else _type_name(version)
        raise doc.fail(
            "version", f"this tui1on1 reads version {VERSION}, the file is version {shown}"
        )
    doc.time("exported_at")
    return [_read_person(_Reader(item, path)) for path, item in doc.items("people")]


def _read_person(r: _Reader) -> _Person:
    try:
        name = people_rules.clean_name(r.string("name"))
    except ValueError as exc:
        raise r.fail("name", str(exc)) from None
    try:
        role = people_rules.clean_role(r.string("role"))
    except ValueError as exc:
        raise r.fail("role", str(exc)) from None
    cadence = r.string("cadence", nullable=True, max_len=200)
    if cadence is not None:
        try:
            cadence = parse_cadence(cadence)
        except CadenceError as exc:
            raise r.fail("cadence", str(exc)) from None
    person = _Person(
        name=name,
        key=name.casefold(),
        role=role,
        relationship=r.choice("relationship", [x.value for x in Relationship], "relationship"),
        cadence=cadence,
        default_playbook=r.string("default_playbook", nullable=True, max_len=64),
        archived=r.boolean("archived"),
        created_at=r.time("created_at"),
        meetings=[],
    )
    closings: list[tuple[str, datetime]] = []
    for path, item in r.items("meetings"):
        person.meetings.append(_read_meeting(_Reader(item, path), closings))
    starts = {m.started_at for m in person.meetings}
    for path, when in closings:
        if when not in starts:
            raise ImportError_(path, f"no meeting with {person.name} started at {when.isoformat()}")
    return person


def _read_meeting(r: _Reader, closings: list[tuple[str, datetime]]) -> _Meeting:
    started_at = r.time("started_at")
    ended_at = r.time("ended_at", nullable=True)
    status = r.choice("status", [x.value for x in MeetingStatus], "status")
    if status == MeetingStatus.ENDED and ended_at is None:
        raise r.fail("ended_at", "an ended meeting needs the time it ended")
    if status == MeetingStatus.LIVE and ended_at is not None:
        raise r.fail("ended_at", "a live meeting hasn't ended, so this must be null")
    if ended_at is not None and ended_at < started_at:
        raise r.fail("ended_at", "the meeting ends before it starts")
    meeting = _Meeting(
        playbook=r.string("playbook", max_len=64, non_empty=True),
        planned_minutes=r.integer("planned_minutes", low=1, high=MAX_PLANNED_MINUTES),
        started_at=started_at,
        ended_at=ended_at,
        status=status,
        summary=r.string("summary", max_len=MAX_DRAFT_CHARS),
        pauses=[],
        segments=[],
        asked=[],
        notes=[],
        draft=None,
    )
    for path, item in r.items("pauses"):
        p = _Reader(item, path)
        meeting.pauses.append((p.time("paused_at"), p.time("resumed_at", nullable=True)))
    for path, item in r.items("segments"):
        s = _Reader(item, path)
        meeting.segments.append(
            (
                s.integer("index", high=10_000),
                s.string("title", max_len=120),
                s.time("started_at"),
                s.time("ended_at", nullable=True),
            )
        )
    keys: set[str] = set()
    for path, item in r.items("asked_questions"):
        q = _Reader(item, path)
        key = q.string("key", max_len=100, non_empty=True)
        if key in keys:
            raise q.fail("key", f"{_shown(key)} is used twice in this meeting")
        keys.add(key)
        meeting.asked.append(
            _Asked(
                key=key,
                slug=q.string("slug", max_len=100, non_empty=True),
                text=q.string("text", max_len=MAX_NOTE_CHARS),
                elapsed_seconds=q.number("elapsed_seconds"),
                asked_at=q.time("asked_at"),
                pause_seconds=q.number("pause_seconds", nullable=True),
                followups=q.integer("followups", high=1_000_000),
            )
        )
    for path, item in r.items("notes"):
        meeting.notes.append(_read_note(_Reader(item, path), keys, closings))
    draft = r.child("draft", nullable=True)
    if draft is not None:
        meeting.draft = (draft.string("text", max_len=MAX_DRAFT_CHARS), draft.time("updated_at"))
    return meeting


def _read_note(r: _Reader, keys: set[str], closings: list[tuple[str, datetime]]) -> _Note:
    kind = r.choice("kind", [x.value for x in NoteKind], "kind")
    tags = []
    for path, tag in r.items("tags"):
        if not isinstance(tag, str) or not tag or len(tag.split()) != 1 or "\x00" in tag:
            raise ImportError_(path, "a tag is one word")
        tags.append(tag)
    asked_key = r.string("asked_question", nullable=True)
    if asked_key is not None and asked_key not in keys:
        raise r.fail(
            "asked_question", f"{_shown(asked_key)} isn't a key in this meeting's asked_questions"
        )
    note = _Note(
        uid=r.string("uid", max_len=36, non_empty=True),
        kind=kind,
        text=r.string("text", max_len=MAX_NOTE_CHARS, non_empty=True),
        tags=tags,
        elapsed_seconds=r.number("elapsed_seconds"),
        segment_index=r.integer("segment_index", high=10_000, nullable=True),
        asked_key=asked_key,
        created_at=r.time("created_at"),
        edited_at=r.time("edited_at", nullable=True),
        deleted_at=r.time("deleted_at", nullable=True),
        action=None,
    )
    action = r.child("action", nullable=True)
    if kind == NoteKind.ACTION and action is None:
        raise r.fail("action", "an action note needs its action (owner, due, status...)")
    if kind != NoteKind.ACTION and action is not None:
        raise r.fail("action", f"only an action note has an action, and this is a {kind}")
    if action is not None:
        closed_in = action.time("closed_in_meeting", nullable=True)
        if closed_in is not None:
            closings.append((action.at("closed_in_meeting"), closed_in))
        note.action = _Action(
            owner=action.choice("owner", [x.value for x in Owner], "owner"),
            due=action.day("due"),
            status=action.choice("status", [x.value for x in ActionStatus], "status"),
            created_at=action.time("created_at"),
            closed_at=action.time("closed_at", nullable=True),
            closed_in=closed_in,
        )
    return note


# --- import ------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import added and what it skipped because it was there already."""

    people_added: int = 0
    people_skipped: int = 0
    meetings_added: int = 0
    meetings_skipped: int = 0
    notes_added: int = 0
    notes_skipped: int = 0
    actions_added: int = 0
    actions_skipped: int = 0
    questions_added: int = 0
    questions_skipped: int = 0
    # (person's name, started_at) of live meetings imported as ended, because
    # that person had a live meeting already.
    ended_live: list[tuple[str, datetime]] = field(default_factory=list)

    @property
    def added_anything(self) -> bool:
        return bool(self.people_added or self.meetings_added or self.notes_added)

    def lines(self) -> list[str]:
        """Human sentences, e.g. 'added 3 people, 52 meetings, 811 notes (12
        already there, skipped)'."""
        trio = (
            (self.people_added, self.people_skipped, "person", "people"),
            (self.meetings_added, self.meetings_skipped, "meeting", "meetings"),
            (self.notes_added, self.notes_skipped, "note", "notes"),
        )
        if not self.added_anything:
            skipped = [_count(s, one, many) for _a, s, one, many in trio if s]
            if not skipped:
                return ["the file holds no one, so there was nothing to import"]
            return [f"nothing new: {_and(skipped)} already there (skipped)"]
        parts = []
        for added, skipped, one, many in trio:
            part = _count(added, one, many)
            if skipped:
                part += f" ({skipped} already there, skipped)"
            parts.append(part)
        lines = ["added " + ", ".join(parts)]
        extras = []
        if self.actions_added:
            extras.append(_count(self.actions_added, "action item", "action items"))
        if self.questions_added:
            extras.append(_count(self.questions_added, "asked question", "asked questions"))
        if extras:
            lines.append(f"with {_and(extras)}")
        for name, started in self.ended_live:
            local = started.astimezone()
            when = f"{local:%a} {local.day} {local:%b %Y}, {local:%H:%M}"
            lines.append(
                f"{safe_terminal_text(name)} already had a live meeting, so the one "
                f"from {when} was imported as ended"
            )
        return lines


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def import_data(store, data: dict[str, Any]) -> ImportReport:
    """Merge an export document into the database, in one write transaction.

    The document is checked in full first: a problem raises ImportError_ (an
    InvalidInput) naming its path, and nothing is written. See the module
    docstring for what is added and what is skipped.
    """
    people = _read_document(data)
    report = ImportReport()
    try:
        with store._write() as session:
            _Merge(session, report).run(people)
    except (IntegrityError, DataError):
        # Only a concurrent writer adding the same person, meeting or note
        # between our reads and our inserts can get here (or a limit this
        # check doesn't know of); the transaction was rolled back.
        raise ImportError_(
            "", "the database refused part of the file, so nothing was imported; try again"
        ) from None
    return report


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


# render_nulls: send None as NULL instead of leaving the column out, so rows
# with None in different columns still go in one batched statement (without
# it, each pattern of None values is a batch of its own: ten times slower).
_BULK = {"render_nulls": True}


def _insert_ids(session: Session, table: type, rows: list[dict[str, Any]]) -> list[int]:
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
        first = (session.scalar(select(func.max(table.id))) or 0) + 1  # type: ignore[attr-defined]
        ids = list(range(first, first + len(rows)))
        given = [{**row, "id": new_id} for row, new_id in zip(rows, ids, strict=True)]
        session.execute(insert(table), given, execution_options=_BULK)
        return ids
    stmt = insert(table).returning(table.id, sort_by_parameter_order=True)  # type: ignore[attr-defined]
    return list(session.scalars(stmt, rows, execution_options=_BULK))


def _insert(session: Session, table: type, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(table), rows, execution_options=_BULK)


@dataclass
class _Target:
    """A meeting in the database that notes go into: one there already, or
    one this import adds (its id is known once it is inserted)."""

    person_id: int
    new: bool
    id: int = 0
    source: _Meeting | None = None  # the document's meeting, when new
    asked_ids: dict[str, int] = field(default_factory=dict)  # key -> id, when new
    # (slug, asked_at) -> id, for notes merged into a meeting from another entry
    asked_by_content: dict[tuple[str, datetime], int] = field(default_factory=dict)
    asked_loaded: bool = False


class _Merge:
    def __init__(self, session: Session, report: ImportReport) -> None:
        self.session = session
        self.report = report

    def run(self, people: list[_Person]) -> None:
        person_ids = self._people(people)
        targets, placements = self._meetings(people, person_ids)
        self._meeting_parts(targets)
        self._notes(placements, targets)

    # people -----------------------------------------------------------------

    def _people(self, people: list[_Person]) -> dict[str, int]:
        ids: dict[str, int] = {
            key: person_id
            for key, person_id in self.session.execute(select(PersonRow.name_key, PersonRow.id))
        }
        new: list[_Person] = []
        seen = set(ids)
        for person in people:
            if person.key in seen:
                self.report.people_skipped += 1
            else:
                seen.add(person.key)
                new.append(person)
        rows = [
            {
                "name": p.name,
                "name_key": p.key,
                "role": p.role,
                "relationship": p.relationship,
                "cadence": p.cadence,
                "default_playbook": p.default_playbook,
                "archived": p.archived,
                "created_at": p.created_at,
            }
            for p in new
        ]
        for person, new_id in zip(new, _insert_ids(self.session, PersonRow, rows), strict=True):
            ids[person.key] = new_id
        self.report.people_added += len(new)
        return ids

    # meetings ---------------------------------------------------------------

    def _meetings(
        self, people: list[_Person], person_ids: dict[str, int]
    ) -> tuple[dict[tuple[int, datetime], _Target], list[tuple[_Person, _Meeting, _Target]]]:
        wanted = sorted({person_ids[p.key] for p in people})
        targets: dict[tuple[int, datetime], _Target] = {}
        live: dict[int, _Target] = {}
        for chunk in _chunks(wanted):
            for meeting_id, person_id, started_at, status in self.session.execute(
                select(
                    MeetingRow.id, MeetingRow.person_id, MeetingRow.started_at, MeetingRow.status
                ).where(MeetingRow.person_id.in_(chunk))
            ):
                target = _Target(person_id=person_id, new=False, id=meeting_id)
                targets.setdefault((person_id, started_at), target)
                if status == MeetingStatus.LIVE:
                    live[person_id] = target

        placements: list[tuple[_Person, _Meeting, _Target]] = []
        new_targets: list[_Target] = []
        for person in people:
            person_id = person_ids[person.key]
            for meeting in sorted(person.meetings, key=lambda m: m.started_at):
                key = (person_id, meeting.started_at)
                target = targets.get(key)
                if target is not None:
                    self.report.meetings_skipped += 1
                    self.report.questions_skipped += len(meeting.asked)
                else:
                    target = _Target(person_id=person_id, new=True, source=meeting)
                    targets[key] = target
                    new_targets.append(target)
                    if meeting.status == MeetingStatus.LIVE:
                        if person_id in live:
                            _end_on_import(meeting)
                            self.report.ended_live.append((person.name, meeting.started_at))
                        else:
                            live[person_id] = target
                placements.append((person, meeting, target))

        rows = [
            {
                "person_id": t.person_id,
                "playbook": t.source.playbook,
                "planned_minutes": t.source.planned_minutes,
                "started_at": t.source.started_at,
                "ended_at": t.source.ended_at,
                "status": t.source.status,
                "summary": t.source.summary,
            }
            for t in new_targets
            if t.source is not None
        ]
        for target, new_id in zip(
            new_targets, _insert_ids(self.session, MeetingRow, rows), strict=True
        ):
            target.id = new_id
        self.report.meetings_added += len(new_targets)
        return targets, placements

    def _meeting_parts(self, targets: dict[tuple[int, datetime], _Target]) -> None:
        """Pauses, segments, asked questions and drafts of the new meetings."""
        pauses, segments, drafts, asked_rows = [], [], [], []
        asked_of: list[tuple[_Target, _Asked]] = []
        for target in targets.values():
            meeting = target.source
            if not target.new or meeting is None:
                continue
            pauses += [
                {"meeting_id": target.id, "paused_at": paused, "resumed_at": resumed}
                for paused, resumed in meeting.pauses
            ]
            segments += [
                {
                    "meeting_id": target.id,
                    "segment_index": index,
                    "title": title,
                    "started_at": started,
                    "ended_at": ended,
                }
                for index, title, started, ended in meeting.segments
            ]
            if meeting.draft is not None:
                text, updated_at = meeting.draft
                drafts.append({"meeting_id": target.id, "text": text, "updated_at": updated_at})
            for asked in meeting.asked:
                asked_of.append((target, asked))
                asked_rows.append(
                    {
                        "meeting_id": target.id,
                        "slug": asked.slug,
                        "text": asked.text,
                        "elapsed_seconds": asked.elapsed_seconds,
                        "asked_at": asked.asked_at,
                        "pause_seconds": asked.pause_seconds,
                        "followups": asked.followups,
                    }
                )
        _insert(self.session, MeetingPauseRow, pauses)
        _insert(self.session, SegmentLogRow, segments)
        _insert(self.session, DraftRow, drafts)
        ids = _insert_ids(self.session, AskedQuestionRow, asked_rows)
        for (target, asked), new_id in zip(asked_of, ids, strict=True):
            target.asked_ids[asked.key] = new_id
            target.asked_by_content.setdefault((asked.slug, asked.asked_at), new_id)
        self.report.questions_added += len(ids)

    # notes and their action items ---------------------------------------------

    def _notes(
        self,
        placements: list[tuple[_Person, _Meeting, _Target]],
        targets: dict[tuple[int, datetime], _Target],
    ) -> None:
        uids = [note.uid for _p, meeting, _t in placements for note in meeting.notes]
        taken: set[str] = set()
        for chunk in _chunks(sorted(set(uids))):
            taken.update(self.session.scalars(select(NoteRow.uid).where(NoteRow.uid.in_(chunk))))

        new: list[tuple[_Note, _Target, int | None]] = []
        for _person, meeting, target in placements:
            asked = {a.key: a for a in meeting.asked}
            for note in meeting.notes:
                if note.uid in taken:
                    self.report.notes_skipped += 1
                    self.report.actions_skipped += int(note.action is not None)
                    continue
                taken.add(note.uid)
                asked_id = None
                if note.asked_key is not None:
                    asked_id = self._asked_id(target, meeting, asked[note.asked_key])
                new.append((note, target, asked_id))

        rows = [
            {
                "uid": note.uid,
                "meeting_id": target.id,
                "kind": note.kind,
                "text": note.text,
                "tags": convert.join_tags(note.tags),
                "elapsed_seconds": note.elapsed_seconds,
                "segment_index": note.segment_index,
                "asked_question_id": asked_id,
                "created_at": note.created_at,
                "edited_at": note.edited_at,
                "deleted_at": note.deleted_at,
            }
            for note, target, asked_id in new
        ]
        note_ids = _insert_ids(self.session, NoteRow, rows)
        self.report.notes_added += len(note_ids)

        actions = []
        for (note, target, _asked), note_id in zip(new, note_ids, strict=True):
            action = note.action
            if action is None:
                continue
            closed = None
            if action.closed_in is not None:
                closed_target = targets.get((target.person_id, action.closed_in))
                closed = closed_target.id if closed_target is not None else None
            actions.append(
                {
                    "person_id": target.person_id,
                    "owner": action.owner,
                    "text": note.text,
                    "due": action.due,
                    "status": action.status,
                    "origin_meeting_id": target.id,
                    "closed_meeting_id": closed,
                    "note_id": note_id,
                    "created_at": action.created_at,
                    "closed_at": action.closed_at,
                }
            )
        _insert(self.session, ActionItemRow, actions)
        self.report.actions_added += len(actions)

    def _asked_id(self, target: _Target, meeting: _Meeting, asked: _Asked) -> int | None:
        """The asked question a new note answers. In a meeting this import
        added, it is the one with the note's key; in a meeting that was there
        already (whose asked questions were kept), the one with the same slug
        asked at the same time, if any."""
        if target.new and target.source is meeting:
            return target.asked_ids.get(asked.key)
        if not target.new and not target.asked_loaded:
            target.asked_loaded = True
            rows = self.session.execute(
                select(AskedQuestionRow.slug, AskedQuestionRow.asked_at, AskedQuestionRow.id)
                .where(AskedQuestionRow.meeting_id == target.id)
                .order_by(AskedQuestionRow.id)
            )
            for slug, asked_at, asked_id in rows:
                target.asked_by_content.setdefault((slug, asked_at), asked_id)
        return target.asked_by_content.get((asked.slug, asked.asked_at))


def _end_on_import(meeting: _Meeting) -> None:
    """A live meeting imported for someone who has one live already: end it at
    its last note (or when it started), closing an open pause or segment."""
    last = max((n.created_at for n in meeting.notes), default=meeting.started_at)
    end = max(last, meeting.started_at)
    meeting.status = MeetingStatus.ENDED.value
    meeting.ended_at = end
    meeting.pauses = [
        (paused, resumed if resumed is not None else max(end, paused))
        for paused, resumed in meeting.pauses
    ]
    meeting.segments = [
        (index, title, started, ended if ended is not None else max(end, started))
        for index, title, started, ended in meeting.segments
    ]
