"""A meeting's record as its recap reads it: the meeting's own actions and
the earlier ones seen from it (closed in it or since the last meeting, or
still open) as they stood at its end (now, while it is live), read back
from their history, so a recap reads the same whenever it is made; which
earlier ones came from a private note, and the reasons given for dropping
them."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from tui1on1.domain.as_of import action_as_of, drop_reason, note_as_of
from tui1on1.domain.kinds import ActionStatus
from tui1on1.domain.recap import MeetingRecord
from tui1on1.domain.records import ActionItem
from tui1on1.storage.ledger import LedgerStore
from tui1on1.storage.meetings import MeetingStore
from tui1on1.storage.overview import OverviewStore

__all__ = ["RecapStore"]


class RecapStore(MeetingStore, LedgerStore, OverviewStore):
    def recap_record(self, meeting_id: int, now: datetime) -> MeetingRecord:
        """The meeting's record as of its end (``now`` while it is live);
        actions of deleted notes left out (typed by mistake), as the notes are.
        Raises NotFound for a meeting that isn't there."""
        record = self.meeting_record(meeting_id)
        meeting, person = record.meeting, record.person
        when = meeting.ended_at or now
        last = self.meeting_before(person.id, meeting.started_at)
        since = meeting.started_at if last is None else last.ended_at or last.started_at
        earlier_now, history = self.actions_seen_from(
            person.id, meeting.id, made_before=when, closed_after=since
        )
        kept_notes = {n.id for n in record.notes}
        own_now = [a for a in record.actions if a.note_id is None or a.note_id in kept_notes]
        history |= self.action_history(a.id for a in own_now)

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
            a.id: drop_reason(history[a.id], when)
            for a in earlier
            if a.status is ActionStatus.DROPPED
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
            private_earlier=self.private_actions(earlier),
            drop_reasons={i: r for i, r in reasons.items() if r},
        )
