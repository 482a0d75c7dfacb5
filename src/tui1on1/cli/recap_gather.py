"""What a meeting's recap needs, gathered from the Store: the meeting's
record, and the earlier actions seen from it (closed in it or since the last
meeting, or still open) with which of them came from a private note; every
action as it stood at the end of the meeting (now, while it is live), read
back from its history, so a recap reads the same whenever it is made."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from tui1on1.cli.run import find_person

if TYPE_CHECKING:
    from tui1on1.domain.recap import MeetingRecord
    from tui1on1.domain.records import ActionItem
    from tui1on1.storage.store import Store


def today() -> date:
    """The user's local date (tests replace this)."""
    return datetime.now().astimezone().date()


def now() -> datetime:
    """The moment a live meeting's recap is seen from (tests replace this)."""
    return datetime.now(UTC)


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
    return _as_of_end(store, record)


def _as_of_end(store: Store, record: MeetingRecord) -> MeetingRecord:
    """``record`` with its actions, and the earlier ones seen from it, as
    they stood at the end of the meeting; those of deleted notes left out
    (typed by mistake), as the notes are."""
    from tui1on1.domain.as_of import action_as_of, drop_reason, note_as_of
    from tui1on1.domain.kinds import ActionStatus

    meeting, person = record.meeting, record.person
    when = meeting.ended_at or now()
    last = store.meeting_before(person.id, meeting.started_at)
    since = meeting.started_at if last is None else last.ended_at or last.started_at
    earlier_now, history = store.actions_seen_from(
        person.id, meeting.id, made_before=when, closed_after=since
    )
    kept_notes = {n.id for n in record.notes}
    own_now = [a for a in record.actions if a.note_id is None or a.note_id in kept_notes]
    history |= store.action_history(a.id for a in own_now)

    def as_of(actions: list[ActionItem]) -> list[ActionItem]:
        then = (action_as_of(a, history[a.id], when) for a in actions)
        return [a for a in then if a is not None]

    earlier = [
        a
        for a in as_of(earlier_now)
        if a.status is ActionStatus.OPEN
        or a.closed_meeting_id == meeting.id
        or (a.closed_at is not None and a.closed_at > since)
    ]
    reasons = {
        a.id: drop_reason(history[a.id], when) for a in earlier if a.status is ActionStatus.DROPPED
    }
    own = as_of(own_now)
    by_note = {a.note_id: a for a in own if a.note_id is not None}
    notes = [
        note_as_of(n, by_note[n.id], history[by_note[n.id].id], when) if n.id in by_note else n
        for n in record.notes
    ]
    return dataclasses.replace(
        record,
        notes=notes,
        actions=own,
        earlier_actions=earlier,
        private_earlier=store.private_actions(earlier),
        drop_reasons={i: r for i, r in reasons.items() if r},
    )
