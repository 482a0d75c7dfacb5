"""A believable promise ledger for the screens' tests: two people, a month
of meetings, my promises kept, late, dropped and overdue, and theirs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store


@dataclass(frozen=True)
class LedgerIds:
    """The ids of the actions made, by what they are."""

    overdue: int  # mine, Ada, due 10 Nov: 10 days overdue on 20 Nov
    open_mine: int  # mine, Bob, due 1 Dec
    kept: int  # mine, Ada, done before its due date
    late: int  # mine, Ada, done after it
    dropped: int  # mine, Ada, dropped
    theirs: int  # Ada's, due 25 Nov
    ada: int
    bob: int


def make_ledger(db_path, now: datetime) -> LedgerIds:
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.add_person("Ada Lovelace", role="Staff engineer")
    bob = store.add_person("Bob Ross", role="Designer")
    made: dict[str, int] = {}
    meeting_at = {ada.id: now - timedelta(days=21), bob.id: now - timedelta(days=14)}
    plan = [
        ("overdue", ada.id, Owner.ME, "send Ada the promotion packet", date(2026, 11, 10)),
        ("kept", ada.id, Owner.ME, "book the design review room", date(2026, 11, 6)),
        ("late", ada.id, Owner.ME, "intro to Sam from platform", date(2026, 11, 4)),
        ("dropped", ada.id, Owner.ME, "find a conference budget", date(2026, 11, 12)),
        ("theirs", ada.id, Owner.THEM, "draft the RFC for the importer", date(2026, 11, 25)),
        ("open_mine", bob.id, Owner.ME, "share the hiring plan", date(2026, 12, 1)),
    ]
    meetings = {}
    for person_id, start in meeting_at.items():
        meeting, _ = store.start_meeting(
            person_id, playbook="weekly", planned_minutes=30, now=start
        )
        meetings[person_id] = (meeting, start)
    for n, (name, person_id, owner, text, due) in enumerate(plan):
        meeting, start = meetings[person_id]
        _note, action = store.add_note(
            NewNote(
                uid=f"ledger-{n}",
                meeting_id=meeting.id,
                kind=NoteKind.ACTION,
                text=text,
                created_at=start + timedelta(minutes=5 + n),
                action_owner=owner,
                action_due=due,
            )
        )
        assert action is not None
        made[name] = action.id
    for meeting, start in meetings.values():
        store.end_meeting(meeting.id, start + timedelta(minutes=30), summary="good")
    closes = [
        ("kept", ActionStatus.DONE, 5, ""),
        ("late", ActionStatus.DONE, 9, ""),
        ("dropped", ActionStatus.DROPPED, 11, "the budget moved to next year"),
    ]
    for name, status, day, reason in closes:
        at = datetime(2026, 11, day, 15, 0, tzinfo=now.tzinfo)
        store.set_action_status(made[name], status, meeting_id=None, at=at, reason=reason)
    store.close()
    return LedgerIds(ada=ada.id, bob=bob.id, **made)
