"""The team view's reads (SQLite and PostgreSQL): reports only, their
thread's aspiration and open plan step, the last exposure of the year and my
overdue promise, sorted by who needs the manager first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from query_plans import query_plans

from tui1on1.domain.growth import read_plan_line
from tui1on1.domain.kinds import (
    ActionStatus,
    CareerElement,
    ExposureKind,
    NoteKind,
    Owner,
    Relationship,
)
from tui1on1.domain.records import NewNote

T0 = datetime(2026, 10, 14, 9, 0, tzinfo=UTC)
TODAY = date(2026, 12, 9)
ELEMENTS = {"aspiration-where-next": CareerElement.ASPIRATION}


def _note(store, meeting_id, uid, kind, text, **extra):
    store.add_note(NewNote(uid=uid, meeting_id=meeting_id, kind=kind, text=text,
                           created_at=T0 + timedelta(minutes=3), **extra))  # fmt: skip


def test_the_team_reads_each_report_and_puts_who_needs_me_first(store):
    ada = store.add_person("Ada Lovelace", now=T0)
    bo = store.add_person("Bo Chen", now=T0)
    store.add_person("Dee Peer", relationship=Relationship.PEER.value, now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    _note(store, meeting.id, "a", NoteKind.NOTE, "wants to lead a team", career="aspiration")
    _note(store, meeting.id, "p1", NoteKind.ACTION, "shadow on-call", career="plan",
          action_owner=Owner.THEM, action_due=date(2026, 11, 20))  # fmt: skip
    _note(store, meeting.id, "p2", NoteKind.ACTION, "write the RFC", career="plan",
          action_owner=Owner.THEM, action_due=date(2026, 12, 20))  # fmt: skip
    _note(store, meeting.id, "m", NoteKind.ACTION, "ask HR", action_owner=Owner.ME,
          action_due=date(2026, 12, 1))  # fmt: skip
    store.end_meeting(meeting.id, T0 + timedelta(minutes=30))
    later, _ = store.start_meeting(bo.id, playbook="weekly", planned_minutes=30, now=T0)
    store.end_meeting(later.id, T0 + timedelta(minutes=30))
    store.add_exposure(bo.id, ExposureKind.LUNCH, "lunch with Dana", on=date(2026, 12, 1), at=T0)
    rows = store.team(ELEMENTS, TODAY)
    assert [r.person.name for r in rows] == ["Ada Lovelace", "Bo Chen"]
    ada_row, bo_row = rows
    assert ada_row.aspiration == "wants to lead a team"
    assert ada_row.next_step is not None and ada_row.next_step.text == "shadow on-call"
    assert ada_row.open_mine == 1 and ada_row.promises.overdue == 1
    assert [a.words for a in ada_row.attention] == [
        "1 promise of mine overdue",
        "no career conversation in 8 weeks",
        "next step overdue 2 weeks",
        "no exposure logged yet",
        "no growth plan toward their aspiration",
    ]
    assert bo_row.last_exposure == date(2026, 12, 1)
    assert [a.words for a in bo_row.attention] == ["never asked about their career"]


def test_the_thread_is_read_a_year_back_but_an_old_open_step_still_counts(store):
    """The team view reads a year of career notes however long the history:
    an aspiration from two years ago isn't current any more, but a step agreed
    then and still open is still the next step (and overdue)."""
    from tui1on1.domain.team import aspiration_words

    old = T0 - timedelta(days=730)
    eve = store.add_person("Eve Old", now=old)
    meeting, _ = store.start_meeting(eve.id, playbook="weekly", planned_minutes=30, now=old)
    store.add_note(
        NewNote(
            uid="eve-a",
            meeting_id=meeting.id,
            kind=NoteKind.NOTE,
            text="wants to be a principal",
            created_at=old,
            career="aspiration",
        )
    )
    store.add_note(
        NewNote(
            uid="eve-p",
            meeting_id=meeting.id,
            kind=NoteKind.ACTION,
            text="write the tech vision",
            created_at=old,
            career="plan",
            action_owner=Owner.THEM,
            action_due=date(2024, 12, 1),
        )
    )
    store.add_note(
        NewNote(
            uid="eve-d",
            meeting_id=meeting.id,
            kind=NoteKind.ACTION,
            text="pair on the parser",
            created_at=old,
            career="plan",
            action_owner=Owner.THEM,
            action_due=date(2024, 11, 1),
        )
    )
    store.end_meeting(meeting.id, old + timedelta(minutes=30))
    done = store.list_actions(person_id=eve.id)
    store.set_action_status(next(a.id for a in done if a.text == "pair on the parser"),
                            ActionStatus.DONE, meeting_id=None, at=old)  # fmt: skip
    (row,) = store.team(ELEMENTS, TODAY)
    assert row.aspiration is None and aspiration_words(row, TODAY) == "none in the last year"
    assert row.next_step is not None and row.next_step.text == "write the tech vision"
    assert [a.words for a in row.attention][:2] == [
        "no career conversation in 112 weeks",
        "next step overdue 2 years",
    ]


def test_every_read_of_the_team_view_walks_an_index_on_sqlite(store):
    """However long the history: each read is bounded by an index (a date
    window, open status, one person's newest meetings), but for small
    tables (people, backfills) and the meeting count per person (a covering
    index). My promises walk the (owner, status), (owner, due) and (owner,
    closed_at) indexes; a growth plan its person's changes and its steps."""
    if store.dialect != "sqlite":
        pytest.skip("SQLite query plan")
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    _note(store, meeting.id, "p1", NoteKind.ACTION, "shadow on-call", career="plan",
          action_owner=Owner.THEM, action_due=date(2026, 11, 20))  # fmt: skip
    _note(store, meeting.id, "m", NoteKind.ACTION, "ask HR", action_owner=Owner.ME)
    store.end_meeting(meeting.id, T0 + timedelta(minutes=30))
    store.add_exposure(ada.id, ExposureKind.LUNCH, "lunch with Dana", on=date(2026, 12, 1), at=T0)
    store.change_plan(ada.id, read_plan_line("goal lead a small team"), at=T0)
    plans = query_plans(store, lambda: store.team_and_bench(ELEMENTS, TODAY))
    scans = {step for plan in plans for step in plan if step.startswith("SCAN")}
    small = {step for step in scans if step.split()[1] in ("person", "backfill")}
    assert scans - small == {
        "SCAN meeting USING COVERING INDEX ix_meeting_person_id_started_at",  # the count
    }, plans
    assert any("plan_event" in step for plan in plans for step in plan)  # the plan was read
