"""The import document, checked field by field before anything is written.

Every problem names its place, like ``people[2].meetings[0].notes[5].kind``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui1on1.domain import people as people_rules
from tui1on1.domain.cadence import CadenceError, parse_cadence
from tui1on1.domain.career import CAREER_MARKS
from tui1on1.domain.kinds import (
    ActionChange,
    ActionStatus,
    MeetingStatus,
    NoteKind,
    Owner,
    Relationship,
)
from tui1on1.domain.waiting import MAX_POINT_CHARS
from tui1on1.storage.errors import InvalidInput
from tui1on1.storage.meetings import MAX_PLANNED_MINUTES
from tui1on1.storage.notes import MAX_NOTE_CHARS
from tui1on1.storage.talking_points import clean_point_text
from tui1on1.storage.transfer.exposures import read_exposure
from tui1on1.storage.transfer.growth import read_plan_event
from tui1on1.storage.transfer.model import (
    FORMAT,
    VERSIONS_READ,
    ActionEntry,
    ActionEventEntry,
    AskedEntry,
    ImportError_,
    MeetingEntry,
    NoteEntry,
    PersonEntry,
    TalkingPointEntry,
)
from tui1on1.storage.transfer.reader import Reader, quoted, type_name
from tui1on1.storage.transfer.succession import read_backfill

MAX_DRAFT_CHARS = MAX_NOTE_CHARS * 5  # what save_draft keeps
# A note's career mark: an element, or "none" (taken out of the thread).
_SINCE_2 = 2  # the version whose notes added resolved_at, career and answers_why
_SINCE_4 = 4  # the version whose notes added private, and actions their history
_PRIVATE_BEFORE_4 = (NoteKind.CONCERN.value, NoteKind.PARKED.value)
_SINCE_3 = 3  # talking points, and the meeting a topic was dealt with in
_SINCE_5 = 5  # each person's logged exposures
_SINCE_6 = 6  # each person's growth-plan changes


def read_document(data: Any) -> list[PersonEntry]:
    """Check the whole document and return it typed; raise ImportError_ on the
    first problem."""
    version = read_header(data)
    return [read_person(item, index, version) for index, item in enumerate(data["people"])]


def read_header(data: Any) -> int:
    """Check the document's fields around its people (format, version, when
    exported, and that "people" is a list) and return the version its people
    are read as. A file read a person at a time passes its header with an
    empty "people" list; its people are read one by one with read_person."""
    doc = Reader(data, "")
    fmt = doc.raw("format")
    if fmt != FORMAT:
        shown = quoted(fmt) if isinstance(fmt, str) else type_name(fmt)
        raise doc.fail("format", f"expected '{FORMAT}', got {shown}: not a tui1on1 export")
    version = doc.raw("version")
    if isinstance(version, bool) or version not in VERSIONS_READ:
        shown = str(version) if isinstance(version, int | float) else type_name(version)
        *first, last = map(str, VERSIONS_READ)
        readable = f"{', '.join(first)} and {last}"
        raise doc.fail(
            "version", f"this tui1on1 reads versions {readable}, the file is version {shown}"
        )
    doc.time("exported_at")
    for _ in doc.items("people"):  # a list, or the reader says what it is
        break
    return int(version)


def read_person(item: Any, index: int, version: int) -> PersonEntry:
    """The document's ``index``-th person, checked (problems name ``people[index]…``)."""
    return _read_person(Reader(item, f"people[{index}]"), version)


def _read_person(r: Reader, version: int) -> PersonEntry:
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
    person = PersonEntry(
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
        person.meetings.append(_read_meeting(Reader(item, path), closings, version))
    if version >= _SINCE_3 or "talking_points" in r.obj:
        for path, item in r.items("talking_points"):
            person.talking_points.append(_read_point(Reader(item, path), closings))
    if version >= _SINCE_5 or "exposures" in r.obj:
        for path, item in r.items("exposures"):
            person.exposures.append(read_exposure(Reader(item, path)))
    if version >= _SINCE_5 or "backfills" in r.obj:
        for path, item in r.items("backfills"):
            person.backfills.append(read_backfill(Reader(item, path)))
    if version >= _SINCE_6 or "plan_events" in r.obj:
        for path, item in r.items("plan_events"):
            person.plan_events.append(read_plan_event(Reader(item, path), closings))
    starts = {m.started_at for m in person.meetings}
    for path, when in closings:
        if when not in starts:
            raise ImportError_(path, f"no meeting with {person.name} started at {when.isoformat()}")
    return person


def _read_point(r: Reader, closings: list[tuple[str, datetime]]) -> TalkingPointEntry:
    resolved_at = r.time("resolved_at", nullable=True)
    resolved_in = r.time("resolved_in_meeting", nullable=True)
    if resolved_in is not None:
        if resolved_at is None:
            raise r.fail("resolved_in_meeting", "a point still waiting wasn't dealt with")
        closings.append((r.at("resolved_in_meeting"), resolved_in))
    try:
        text = clean_point_text(r.string("text", max_len=MAX_POINT_CHARS * 2, non_empty=True))
    except InvalidInput as exc:
        raise r.fail("text", str(exc)) from None
    return TalkingPointEntry(
        uid=r.string("uid", max_len=36, non_empty=True),
        text=text,
        mine=r.boolean("mine"),
        created_at=r.time("created_at"),
        resolved_at=resolved_at,
        resolved_in=resolved_in,
    )


def _read_meeting(r: Reader, closings: list[tuple[str, datetime]], version: int) -> MeetingEntry:
    started_at = r.time("started_at")
    ended_at = r.time("ended_at", nullable=True)
    status = r.choice("status", [x.value for x in MeetingStatus], "status")
    if status == MeetingStatus.ENDED and ended_at is None:
        raise r.fail("ended_at", "an ended meeting needs the time it ended")
    if status == MeetingStatus.LIVE and ended_at is not None:
        raise r.fail("ended_at", "a live meeting hasn't ended, so this must be null")
    if ended_at is not None and ended_at < started_at:
        raise r.fail("ended_at", "the meeting ends before it starts")
    meeting = MeetingEntry(
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
        p = Reader(item, path)
        meeting.pauses.append((p.time("paused_at"), p.time("resumed_at", nullable=True)))
    for path, item in r.items("segments"):
        s = Reader(item, path)
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
        q = Reader(item, path)
        key = q.string("key", max_len=100, non_empty=True)
        if key in keys:
            raise q.fail("key", f"{quoted(key)} is used twice in this meeting")
        keys.add(key)
        meeting.asked.append(
            AskedEntry(
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
        meeting.notes.append(_read_note(Reader(item, path), keys, closings, version))
    draft = r.child("draft", nullable=True)
    if draft is not None:
        meeting.draft = (draft.string("text", max_len=MAX_DRAFT_CHARS), draft.time("updated_at"))
    return meeting


def _read_note(
    r: Reader, keys: set[str], closings: list[tuple[str, datetime]], version: int
) -> NoteEntry:
    kind = r.choice("kind", [x.value for x in NoteKind], "kind")
    tags = []
    for path, tag in r.items("tags"):
        if not isinstance(tag, str) or not tag or len(tag.split()) != 1 or "\x00" in tag:
            raise ImportError_(path, "a tag is one word")
        tags.append(tag)
    asked_key = r.string("asked_question", nullable=True)
    if asked_key is not None and asked_key not in keys:
        raise r.fail(
            "asked_question", f"{quoted(asked_key)} isn't a key in this meeting's asked_questions"
        )
    note = NoteEntry(
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
        resolved_at=None,
        career=None,
        answers_why=False,
    )
    _read_added_in_2(r, note, version)
    if version >= _SINCE_4 or "private" in r.obj:
        note.private = r.boolean("private")
    else:  # as the upgrade to 0006 made them
        note.private = kind in _PRIVATE_BEFORE_4
    if version >= _SINCE_3 or "resolved_in_meeting" in r.obj:
        note.resolved_in = r.time("resolved_in_meeting", nullable=True)
        if note.resolved_in is not None:
            if note.resolved_at is None:
                raise r.fail("resolved_in_meeting", "a topic still open wasn't dealt with")
            closings.append((r.at("resolved_in_meeting"), note.resolved_in))
    action = r.child("action", nullable=True)
    if kind == NoteKind.ACTION and action is None:
        raise r.fail("action", "an action note needs its action (owner, due, status...)")
    if kind != NoteKind.ACTION and action is not None:
        raise r.fail("action", f"only an action note has an action, and this is a {kind}")
    if action is not None:
        closed_in = action.time("closed_in_meeting", nullable=True)
        if closed_in is not None:
            closings.append((action.at("closed_in_meeting"), closed_in))
        note.action = ActionEntry(
            owner=action.choice("owner", [x.value for x in Owner], "owner"),
            due=action.day("due"),
            status=action.choice("status", [x.value for x in ActionStatus], "status"),
            created_at=action.time("created_at"),
            closed_at=action.time("closed_at", nullable=True),
            closed_in=closed_in,
        )
        if version >= _SINCE_4 or "history" in action.obj:
            for path, item in action.items("history"):
                note.action.history.append(_read_event(Reader(item, path), closings))
    return note


def _read_event(r: Reader, closings: list[tuple[str, datetime]]) -> ActionEventEntry:
    changed_in = r.time("changed_in_meeting", nullable=True)
    if changed_in is not None:
        closings.append((r.at("changed_in_meeting"), changed_in))
    return ActionEventEntry(
        uid=r.string("uid", max_len=36, non_empty=True),
        change=r.choice("change", [x.value for x in ActionChange], "change"),
        at=r.time("at"),
        before=r.string("before", nullable=True, max_len=MAX_NOTE_CHARS),
        after=r.string("after", nullable=True, max_len=MAX_NOTE_CHARS),
        reason=r.string("reason", max_len=MAX_NOTE_CHARS),
        changed_in=changed_in,
    )


def _read_added_in_2(r: Reader, note: NoteEntry, version: int) -> None:
    """When a parked topic or open question was dealt with, the career mark
    and the Why? flag: required from version 2 on; a version 1 note has none
    of them (still open, no mark, not a Why? answer)."""
    old = version < _SINCE_2
    if not old or "resolved_at" in r.obj:
        note.resolved_at = r.time("resolved_at", nullable=True)
    if not old or "career" in r.obj:
        note.career = r.choice_or_null("career", CAREER_MARKS, "career mark")
    if not old or "answers_why" in r.obj:
        note.answers_why = r.boolean("answers_why")
    if note.answers_why and note.asked_key is None:
        raise r.fail(
            "answers_why", "a Why? answer follows an asked question, but asked_question is null"
        )
