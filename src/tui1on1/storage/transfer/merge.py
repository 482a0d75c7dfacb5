"""Merging a checked document into the database in one write transaction."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from tui1on1.domain.kinds import MeetingStatus
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage import convert
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
from tui1on1.storage.transfer.document import (
    _CHUNK,
    ImportError_,
    _Asked,
    _Meeting,
    _Note,
    _Person,
    _read_document,
)

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
