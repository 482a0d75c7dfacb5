"""A small database of action items for the `tui1on1 actions` tests, and the
faked clock they run on (midday UTC: the same day in every time zone)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.cli import actions_command
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

MADE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # a Friday
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)  # the Monday, 17 days later
TODAY = date(2026, 12, 7)

# (owner, text, due, private) as typed in one 1:1
Typed = tuple[Owner, str, date | None, bool]


def fake_clock(monkeypatch: pytest.MonkeyPatch, now: datetime = NOW) -> None:
    """`tui1on1 actions` runs at ``now`` (its changes are dated then)."""
    monkeypatch.setattr(actions_command, "now", lambda: now)
    monkeypatch.setattr(actions_command, "today", lambda: now.date())


def one_on_one(
    store: Store, person_id: int, actions: list[Typed], *, at: datetime = MADE
) -> list[int]:
    """A 1:1 at ``at`` with these actions typed in it: their ids, in order."""
    meeting, _ = store.start_meeting(person_id, playbook="weekly", planned_minutes=30, now=at)
    ids = []
    for i, (owner, text, due, private) in enumerate(actions):
        _note, action = store.add_note(
            NewNote(uid=f"{meeting.id}-{i}", meeting_id=meeting.id, kind=NoteKind.ACTION,
                    text=text, created_at=at + timedelta(minutes=i + 1),
                    action_owner=owner, action_due=due, private=private)
        )  # fmt: skip
        assert action is not None
        ids.append(action.id)
    store.end_meeting(meeting.id, at + timedelta(minutes=30), summary="")
    return ids


def ledger_db(folder: Path) -> str:
    """Ada: her RFC draft (theirs, due Fri 4 Dec: overdue), my intro to Sam (no
    date) and my private "ask about the raise" (due Fri 27 Nov); a person
    named Done with her own action (due Fri 18 Dec). Ids 1 to 4 in that
    order. The database's URL."""
    url = f"sqlite:///{folder / 'ledger.db'}"
    store = Store.open(url)
    try:
        ada = store.add_person("Ada Lovelace")
        done = store.add_person("Done")
        one_on_one(
            store,
            ada.id,
            [
                (Owner.THEM, "send the RFC draft", date(2026, 12, 4), False),
                (Owner.ME, "intro to Sam", None, False),
                (Owner.ME, "ask about the raise", date(2026, 11, 27), True),
            ],
        )
        one_on_one(store, done.id, [(Owner.THEM, "finish the course", date(2026, 12, 18), False)])
    finally:
        store.close()
    return url
