"""Growth plans in the Store: a change is kept once by its uid (a journal
replay, an import), decided against the plan as it is in one transaction,
and a change made in a 1:1 that never reached the database comes back
from the recovery journal — into the meeting's person, even in a new file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.domain.growth import PlanError, PlanEvent, read_plan_line
from tui1on1.domain.kinds import OptionState, PlanOp, PlanStatus
from tui1on1.storage.errors import NotFound
from tui1on1.storage.journal import Journal
from tui1on1.storage.journal_entries import plan_entry
from tui1on1.storage.recovery import replay_journal
from tui1on1.storage.store import Store

T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
ADA = {"person": "Ada Lovelace", "started_at": T0.isoformat(), "playbook": "weekly",
       "planned_minutes": 30}  # fmt: skip


def test_a_change_is_kept_once_and_the_plan_reads_from_the_changes(store):
    ada = store.add_person("Ada Lovelace")
    goal = PlanEvent("g1", ada.id, T0, PlanOp.GOAL, "Tech lead", aspiration="lead a team")
    assert store.add_plan_event(goal).id > 0
    again = store.add_plan_event(goal)  # a replay: landed already
    assert again.uid == "g1"
    assert len(store.plan_events(ada.id)) == 1
    [plan] = store.growth_plans(ada.id)
    assert (plan.goal, plan.aspiration, plan.status) == ("Tech lead", "lead a team",
                                                         PlanStatus.STARTED)  # fmt: skip


def test_change_plan_decides_against_the_plan_as_stored(store):
    ada = store.add_person("Ada Lovelace")
    with pytest.raises(PlanError, match="No plan open"):
        store.change_plan(ada.id, read_plan_line("option run it"), at=T0)
    assert store.plan_events(ada.id) == []  # nothing kept
    store.change_plan(ada.id, read_plan_line("goal Tech lead"), at=T0, aspiration="lead")
    store.change_plan(ada.id, read_plan_line("option run the migration"), at=T0)
    event, plans = store.change_plan(ada.id, read_plan_line("pick 1"), at=T0 + timedelta(1))
    assert event.op is PlanOp.PICK and event.target == plans[0].options[0].uid
    assert plans[0].options[0].state is OptionState.PICKED
    assert store.growth_plans(ada.id) == plans
    with pytest.raises(NotFound):
        store.change_plan(999, read_plan_line("goal x"), at=T0)


def test_a_change_made_in_a_meeting_comes_back_from_the_journal_into_a_new_file(tmp_path):
    journal = Journal(tmp_path / "tui1on1.db.journal")
    goal = PlanEvent("g1", 42, T0 + timedelta(minutes=5), PlanOp.GOAL, "Tech lead",
                     aspiration="lead a team", meeting_id=7)  # fmt: skip
    option = PlanEvent("o1", 42, T0 + timedelta(minutes=6), PlanOp.OPTION, "run the migration",
                       meeting_id=7)  # fmt: skip
    for jid, event in (("j1", goal), ("j2", option)):
        journal.append({**plan_entry(event), "jid": jid, "meeting": ADA})
    store = Store.open(f"sqlite:///{tmp_path / 'tui1on1.db'}")  # a new, empty file

    fresh, _ = replay_journal(store, journal)

    ada = store.find_person("Ada Lovelace")
    assert ada is not None and fresh == 2
    [meeting] = store.meetings_for(ada.id)
    [plan] = store.growth_plans(ada.id)  # under the meeting's person, not id 42
    assert (plan.goal, [o.text for o in plan.options]) == ("Tech lead", ["run the migration"])
    assert {e.meeting_id for e in store.plan_events(ada.id)} == {meeting.id}
    again, _ = replay_journal(store, journal)
    assert again == 0 and len(store.plan_events(ada.id)) == 2
