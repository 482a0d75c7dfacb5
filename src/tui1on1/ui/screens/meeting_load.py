"""Loading (or resuming) a live meeting: runs in a worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui1on1.domain.kinds import ActionStatus
from tui1on1.domain.prompts import AskedBefore
from tui1on1.domain.records import (
    ActionItem,
    AskedQuestion,
    Draft,
    Meeting,
    Note,
    Person,
    SegmentLog,
)
from tui1on1.storage.errors import DuplicateName

DEFAULT_MINUTES = 30


@dataclass(frozen=True)
class LoadedMeeting:
    person: Person
    meeting: Meeting
    resumed: bool
    notes: list[Note]
    actions: dict[int, ActionItem]  # by note id, this meeting's
    carried: list[ActionItem]  # open actions from earlier meetings
    draft: Draft | None
    segments: list[SegmentLog]
    asked: list[AskedQuestion]
    history: dict[str, AskedBefore]


def load_meeting(
    store, name: str, minutes: int | None, playbook: str | None, now: datetime
) -> LoadedMeeting:
    """Find or add the person, start or resume their live meeting, read it all."""
    person = store.find_person(name)
    if person is None:
        try:
            person = store.add_person(name, now=now)
        except DuplicateName:  # another instance added them a moment ago
            person = store.find_person(name)
    chosen = playbook or person.default_playbook or "weekly"
    meeting, resumed = store.start_meeting(
        person.id, playbook=chosen, planned_minutes=minutes or DEFAULT_MINUTES, now=now
    )
    return read_meeting(store, person, meeting, resumed)


def read_meeting(store, person: Person, meeting: Meeting, resumed: bool) -> LoadedMeeting:
    actions = store.meeting_actions(person.id, meeting.id)
    return LoadedMeeting(
        person=person,
        meeting=meeting,
        resumed=resumed,
        notes=store.list_notes(meeting.id),
        actions={a.note_id: a for a in actions if a.origin_meeting_id == meeting.id and a.note_id},
        carried=[
            a
            for a in actions
            if a.origin_meeting_id != meeting.id
            and (a.status is ActionStatus.OPEN or a.closed_meeting_id == meeting.id)
        ],
        draft=store.get_draft(meeting.id),
        segments=store.list_segments(meeting.id),
        asked=store.list_asked(meeting.id),
        history=store.question_history(person.id, meeting.id),
    )
