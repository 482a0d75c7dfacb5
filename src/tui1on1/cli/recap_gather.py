"""What a meeting's recap needs, gathered from the Store: the meeting's
record, and the earlier actions seen from it (closed in it, or still open)
with which of them came from a private note."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import TYPE_CHECKING

from tui1on1.cli.run import find_person

if TYPE_CHECKING:
    from tui1on1.domain.recap import MeetingRecord
    from tui1on1.domain.records import ActionItem
    from tui1on1.storage.store import Store


def today() -> date:
    """The user's local date (tests replace this)."""
    return datetime.now().astimezone().date()


def gather(store: Store, *, person: str | None, meeting_id: int | None) -> MeetingRecord | str:
    """The meeting's record, or a sentence saying why there is none (a name
    that finds no one, or several, raises UsageError: exit 2)."""
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import NotFound

    if meeting_id is None:
        who = find_person(store, person or "")
        latest = store.meetings_for(who.id, limit=1)
        if not latest:
            return f"there are no meetings with {safe_terminal_text(who.name)} yet"
        meeting_id = latest[0].id
    try:
        record = store.meeting_record(meeting_id)
    except NotFound:
        return f"there is no meeting {meeting_id}"
    earlier = _earlier_actions(store, record)
    return dataclasses.replace(
        record, earlier_actions=earlier, private_earlier=_private_ids(store, earlier)
    )


def _earlier_actions(store: Store, record: MeetingRecord) -> list[ActionItem]:
    """Actions made before this meeting that were closed in it or are still
    open (not those made in later meetings)."""
    from tui1on1.domain.kinds import ActionStatus

    meeting = record.meeting
    return [
        a
        for a in store.meeting_actions(record.person.id, meeting.id)
        if a.origin_meeting_id != meeting.id
        and (
            a.closed_meeting_id == meeting.id
            or (
                a.status is ActionStatus.OPEN
                and (a.created_at is None or a.created_at < meeting.started_at)
            )
        )
    ]


def _private_ids(store: Store, actions: list[ActionItem]) -> frozenset[int]:
    """The ids of the actions whose note is private."""
    meetings = {a.origin_meeting_id for a in actions if a.note_id is not None}
    private_notes = {
        note.id
        for meeting_id in meetings
        if meeting_id is not None
        for note in store.list_notes(meeting_id, include_deleted=True)
        if note.private
    }
    return frozenset(a.id for a in actions if a.note_id in private_notes)
