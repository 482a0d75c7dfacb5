"""Merging a checked document into the database in one write transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tui1on1.domain.kinds import MeetingStatus
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
from tui1on1.storage.transfer.bulk import chunks, insert_ids, insert_rows
from tui1on1.storage.transfer.exposures import merge_exposures
from tui1on1.storage.transfer.growth import merge_plan_events
from tui1on1.storage.transfer.histories import merge_histories
from tui1on1.storage.transfer.model import (
    ActionEntry,
    AskedEntry,
    MeetingEntry,
    NoteEntry,
    PersonEntry,
)
from tui1on1.storage.transfer.points import merge_talking_points
from tui1on1.storage.transfer.report import ImportReport
from tui1on1.storage.transfer.succession import merge_backfills

if TYPE_CHECKING:
    from tui1on1.storage.store import Store


def import_data(store: Store, data: dict[str, Any]) -> ImportReport:
    """Merge an export document into the database, in one write transaction.

    The document is checked in full first: a problem raises ImportError_ (an
    InvalidInput) naming its path, and nothing is written. See the package
    docstring for what is added and what is skipped.
    """
    return store.import_document(data)


def merge_people(session: Session, people: Iterable[PersonEntry]) -> ImportReport:
    """Add ``people`` (each one checked) in the caller's write transaction;
    what was there already is skipped. Returns what was added and skipped.

    One person at a time, so a file read a person at a time is merged as it
    comes, and a person merged is one the next finds in the database. Only the
    backfills wait for the end: a role's holder may come later in the file.
    """
    report = ImportReport()
    merge = _Merge(session, report)
    waiting: list[PersonEntry] = []
    for person in people:
        merge.run(person)
        if person.backfills:
            waiting.append(replace(person, meetings=[], talking_points=[], exposures=[],
                                   plan_events=[]))  # fmt: skip
    merge_backfills(session, waiting, merge.person_ids or {}, report)
    return report


@dataclass
class _Target:
    """A meeting in the database that notes go into: one there already, or
    one this import adds (its id is known once it is inserted)."""

    person_id: int
    new: bool
    id: int = 0
    source: MeetingEntry | None = None  # the document's meeting, when new
    asked_ids: dict[str, int] = field(default_factory=dict)  # key -> id, when new
    # (slug, asked_at) -> id, for notes merged into a meeting from another entry
    asked_by_content: dict[tuple[str, datetime], int] = field(default_factory=dict)
    asked_loaded: bool = False


class _Merge:
    def __init__(self, session: Session, report: ImportReport) -> None:
        self.session = session
        self.report = report
        # Everyone in the database by name key: read once, then each person
        # this import adds (the transaction is ours: no one else adds any).
        self.person_ids: dict[str, int] | None = None

    def run(self, person: PersonEntry) -> None:
        """Merge one person (all but their backfills)."""
        people = [person]
        person_ids = self._people(people)
        targets, placements = self._meetings(people, person_ids)
        self._meeting_parts(targets)
        self._notes(placements, targets)
        found = partial(_meeting_id, targets)
        merge_talking_points(self.session, people, person_ids, self.report, found)
        merge_exposures(self.session, people, person_ids, self.report)
        merge_plan_events(self.session, people, person_ids, self.report, found)

    # people -----------------------------------------------------------------

    def _people(self, people: list[PersonEntry]) -> dict[str, int]:
        if self.person_ids is None:
            known = self.session.execute(select(PersonRow.name_key, PersonRow.id))
            self.person_ids = {key: person_id for key, person_id in known}
        ids = self.person_ids
        new: list[PersonEntry] = []
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
        for person, new_id in zip(new, insert_ids(self.session, PersonRow, rows), strict=True):
            ids[person.key] = new_id
        self.report.people_added += len(new)
        return ids

    # meetings ---------------------------------------------------------------

    def _meetings(
        self, people: list[PersonEntry], person_ids: dict[str, int]
    ) -> tuple[
        dict[tuple[int, datetime], _Target], list[tuple[PersonEntry, MeetingEntry, _Target]]
    ]:
        wanted = sorted({person_ids[p.key] for p in people})
        targets: dict[tuple[int, datetime], _Target] = {}
        live: dict[int, _Target] = {}
        for chunk in chunks(wanted):
            for meeting_id, person_id, started_at, status in self.session.execute(
                select(
                    MeetingRow.id, MeetingRow.person_id, MeetingRow.started_at, MeetingRow.status
                ).where(MeetingRow.person_id.in_(chunk))
            ):
                there = _Target(person_id=person_id, new=False, id=meeting_id)
                targets.setdefault((person_id, started_at), there)
                if status == MeetingStatus.LIVE:
                    live[person_id] = there

        placements: list[tuple[PersonEntry, MeetingEntry, _Target]] = []
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
            new_targets, insert_ids(self.session, MeetingRow, rows), strict=True
        ):
            target.id = new_id
        self.report.meetings_added += len(new_targets)
        return targets, placements

    def _meeting_parts(self, targets: dict[tuple[int, datetime], _Target]) -> None:
        """Pauses, segments, asked questions and drafts of the new meetings."""
        pauses, segments, drafts, asked_rows = [], [], [], []
        asked_of: list[tuple[_Target, AskedEntry]] = []
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
        insert_rows(self.session, MeetingPauseRow, pauses)
        insert_rows(self.session, SegmentLogRow, segments)
        insert_rows(self.session, DraftRow, drafts)
        ids = insert_ids(self.session, AskedQuestionRow, asked_rows)
        for (target, asked), new_id in zip(asked_of, ids, strict=True):
            target.asked_ids[asked.key] = new_id
            target.asked_by_content.setdefault((asked.slug, asked.asked_at), new_id)
        self.report.questions_added += len(ids)

    # notes and their action items ---------------------------------------------

    def _notes(
        self,
        placements: list[tuple[PersonEntry, MeetingEntry, _Target]],
        targets: dict[tuple[int, datetime], _Target],
    ) -> None:
        uids = [note.uid for _p, meeting, _t in placements for note in meeting.notes]
        taken: set[str] = set()
        for chunk in chunks(sorted(set(uids))):
            taken.update(self.session.scalars(select(NoteRow.uid).where(NoteRow.uid.in_(chunk))))

        new: list[tuple[NoteEntry, _Target, int | None]] = []
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
                "resolved_at": note.resolved_at,
                "resolved_meeting_id": _meeting_id(targets, target.person_id, note.resolved_in),
                "career": note.career,
                # As the Store keeps it: a Why? answer only with its question
                # (one in a kept meeting may not be found).
                "answers_why": note.answers_why and asked_id is not None,
                "private": note.private,
            }
            for note, target, asked_id in new
        ]
        note_ids = insert_ids(self.session, NoteRow, rows)
        self.report.notes_added += len(note_ids)

        actions = []
        made: list[tuple[ActionEntry, _Target]] = []
        for (note, target, _asked), note_id in zip(new, note_ids, strict=True):
            action = note.action
            if action is None:
                continue
            made.append((action, target))
            closed = _meeting_id(targets, target.person_id, action.closed_in)
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
        action_ids = insert_ids(self.session, ActionItemRow, actions)
        person_of = {i: t.person_id for (_a, t), i in zip(made, action_ids, strict=True)}
        self.report.actions_added += len(actions)
        merge_histories(
            self.session,
            [(action, i) for (action, _t), i in zip(made, action_ids, strict=True)],
            lambda action_id, started: _meeting_id(targets, person_of[action_id], started),
        )

    def _asked_id(self, target: _Target, meeting: MeetingEntry, asked: AskedEntry) -> int | None:
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


def _meeting_id(
    targets: dict[tuple[int, datetime], _Target], person_id: int, started: datetime | None
) -> int | None:
    """The id of the person's meeting that started at ``started``, if any."""
    if started is None:
        return None
    target = targets.get((person_id, started))
    return target.id if target is not None else None


def _end_on_import(meeting: MeetingEntry) -> None:
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
