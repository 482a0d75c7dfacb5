"""Five weeks of 1:1s made through the Store on their own days, for the
mirror's screen and command tests. "Now" is Mon 7 Dec 2026, midday UTC; the
4-week window runs Tue 10 Nov to Mon 7 Dec.

- Ada Lovelace (weekly): 1:1s on Mon 2 Nov (before the window), 10 Nov
  (the actions typed 20 minutes in, in Career), 17 Nov (ended after 12
  minutes, before Career) and 1 Dec (Their topics ran 13 minutes, the 1:1
  33, and nothing was asked or noted in Career); none on 24 Nov.
- Grace Hopper (every 2 weeks): 29 Oct (before the window), 12 and 26 Nov,
  each with a note typed 16 minutes in, in Career.
- Linus Torvalds (a peer, no cadence): one 1:1 on 18 Nov (peer playbook).
- Hedy Lamarr (weekly), added from the app on Wed 25 Nov at 9:30 and never
  met: due then and on 2 Dec, both missed.
- Pauses held after asking, in the window: 4.5 and 2.0 (10 Nov), 6.0 (12 Nov),
  1.0 (17 Nov), 3.5 (26 Nov), 5.0 (1 Dec): median 4.0, 4 of 6 reach 3 s.
- Talking points: Ada's theirs on 16 and 30 Nov, mine on 28 Nov; Grace's
  theirs on 20 Nov; one of mine on 1 Nov (before the window).
- My promises from 10 Nov: kept (due 13 Nov, done 12 Nov), late (due 20 Nov,
  done 23 Nov), overdue (due 3 Dec, open); and one of theirs. From 2 Nov:
  one due 5 Nov, still open (overdue since before the window).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
WEEKLY = ("Their topics", "Follow-ups", "Career", "Feedback both ways", "Next steps")
PLAN = (10, 4, 8, 4, 4)
HEDY_ADDED = datetime(
    2026, 11, 25, 9, 30, 12, 345_678, tzinfo=UTC
)  # the weekly playbook's minutes, for a 30-minute 1:1


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def _one_on_one(
    store: Store,
    person_id: int,
    start: datetime,
    minutes: tuple[float, ...] = PLAN,
    *,
    playbook: str = "weekly",
    pauses: tuple[float, ...] = (),
    promises: tuple[tuple[Owner, str, date], ...] = (),
    noted: tuple[float, ...] = (),
) -> list[int]:
    """A 1:1 at ``start`` whose segments run these minutes back to back,
    with a question asked (and its pause held) at the start of each of the
    first segments, a note typed these minutes in, and these actions typed
    (20 minutes in): their ids."""
    meeting, _ = store.start_meeting(person_id, playbook=playbook, planned_minutes=30, now=start)
    titles = WEEKLY if playbook == "weekly" else tuple(f"Part {i}" for i in range(len(minutes)))
    if playbook == "peer":
        titles = ("On their mind", "Their team", "Working together", "Next step")
    moment = start
    for index, length in enumerate(minutes):
        store.log_segment(meeting.id, index, titles[index], moment)
        if index < len(pauses):
            uid = f"q-{meeting.id}-{index}"
            store.record_question(
                meeting.id, slug="wellbeing-on-your-mind", text="What's on your mind?",
                elapsed_seconds=(moment - start).total_seconds(), at=moment, uid=uid,
            )  # fmt: skip
            store.update_asked(uid, pause_seconds=pauses[index])
        moment += timedelta(minutes=length)
    for minute in noted:
        store.add_note(
            NewNote(uid=f"note-{meeting.id}-{minute}", meeting_id=meeting.id, kind=NoteKind.NOTE,
                    text="wants to lead the design review",
                    created_at=start + timedelta(minutes=minute))
        )  # fmt: skip
    ids = []
    for i, (owner, text, due) in enumerate(promises):
        _note, action = store.add_note(
            NewNote(uid=f"n-{meeting.id}-{i}", meeting_id=meeting.id, kind=NoteKind.ACTION,
                    text=text, created_at=start + timedelta(minutes=20),
                    action_owner=owner, action_due=due)
        )  # fmt: skip
        assert action is not None
        ids.append(action.id)
    store.end_meeting(meeting.id, moment)
    return ids


def make_mirror_history(db: Path | str) -> str:
    """Fill a new database at ``db`` (a path); its URL."""
    url = f"sqlite:///{db}"
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    store = Store.open(url)
    try:
        added = at("2026-06-01")
        ada = store.add_person("Ada Lovelace", cadence="FREQ=WEEKLY", now=added)
        grace = store.add_person("Grace Hopper", cadence="FREQ=WEEKLY;INTERVAL=2", now=added)
        linus = store.add_person("Linus Torvalds", relationship="peer", now=added)
        # as the app adds someone: the moment, to the microsecond
        store.add_person("Hedy Lamarr", cadence="FREQ=WEEKLY", now=HEDY_ADDED)
        _one_on_one(
            store, ada.id, at("2026-11-02"), pauses=(9.0,),
            promises=((Owner.ME, "share the budget", date(2026, 11, 5)),),
        )  # fmt: skip
        kept, late, _overdue, _theirs = _one_on_one(
            store,
            ada.id,
            at("2026-11-10"),
            pauses=(4.5, 2.0),
            promises=(
                (Owner.ME, "send the review", date(2026, 11, 13)),
                (Owner.ME, "book the offsite", date(2026, 11, 20)),
                (Owner.ME, "intro to Sam", date(2026, 12, 3)),
                (Owner.THEM, "draft the RFC", date(2026, 11, 20)),
            ),
        )
        _one_on_one(store, ada.id, at("2026-11-17"), (10, 2), pauses=(1.0,))
        _one_on_one(store, ada.id, at("2026-12-01"), (13, 4, 8, 4, 4), pauses=(5.0,))
        _one_on_one(store, grace.id, at("2026-10-29"), noted=(16,))
        _one_on_one(store, grace.id, at("2026-11-12"), pauses=(6.0,), noted=(16,))
        _one_on_one(store, grace.id, at("2026-11-26"), pauses=(3.5,), noted=(16,))
        _one_on_one(store, linus.id, at("2026-11-18"), (10, 8, 8, 4), playbook="peer")
        store.set_action_status(kept, ActionStatus.DONE, meeting_id=None, at=at("2026-11-12"))
        store.set_action_status(late, ActionStatus.DONE, meeting_id=None, at=at("2026-11-23"))
        for person, text, mine, day in (
            (ada, "their on-call worries", False, "2026-11-16"),
            (ada, "the conference budget", True, "2026-11-28"),
            (ada, "moving to the data team", False, "2026-11-30"),
            (grace, "her promotion case", False, "2026-11-20"),
            (grace, "an old point of mine", True, "2026-11-01"),
        ):
            store.add_talking_point(person.id, text, mine=mine, at=at(day))
    finally:
        store.close()
    return url
