"""The growth plan on screen: on the person screen (g starts and changes it,
a line at a time, a mistake said in the dialog and kept to fix) and in a
1:1 (F6; what was said in the plan segment comes back with ↑; each change
reaches the database through the recovery journal, tied to the meeting)."""

from __future__ import annotations

from pilot_helpers import meeting_ready, settle, wait_for
from screen_text import screen_text
from textual.widgets import Input

from tui1on1.domain.kinds import OptionState
from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.growth_plan import GrowthPlanScreen
from tui1on1.ui.dialogs.summary import SummaryScreen
from tui1on1.ui.screens.person import PersonScreen


def _flat(app) -> str:
    return " ".join(screen_text(app).replace("▌", " ").split())


def _add_ada(db_path) -> int:
    store = Store.open(f"sqlite:///{db_path}")
    try:
        return store.add_person("Ada Lovelace", role="Engineer").id
    finally:
        store.close()


async def _type(pilot, line: str) -> None:
    await pilot.press(*line, "enter")
    await pilot.pause(0.05)


async def test_g_on_the_person_screen_shapes_a_plan_a_line_at_a_time(make_app, db_path):
    ada = _add_ada(db_path)
    app = make_app(meet=None)
    async with app.run_test(size=(80, 40)) as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        app.open_person(ada)
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        await wait_for(pilot, lambda: "Growth plan (g starts one) No growth plan yet" in _flat(app))

        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(app.screen, GrowthPlanScreen))
        assert "No growth plan yet. Set a goal for what they want" in _flat(app)
        await _type(pilot, "goal Tech lead for payments")
        await _type(pilot, "option run the Q1 migration")
        await _type(pilot, "option mentor the new hire")
        await _type(pilot, "pick 1")
        assert "Option 1 agreed." in _flat(app)
        await _type(pilot, "pick 5")
        assert "There is no option 5; they are 1 to 2." in _flat(app)
        assert app.screen.query_one("#plan-line", Input).value == "pick 5"  # to fix
        app.screen.query_one("#plan-line", Input).value = ""
        await _type(pilot, "slipping: on call all month")
        said = _flat(app)
        assert "Goal: Tech lead for payments" in said
        assert "1. run the Q1 migration (agreed) │" in said
        assert "2. mentor the new hire │" in said

        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen))
        await wait_for(pilot, lambda: "Option 1 run the Q1 migration (agreed)" in _flat(app))
        said = _flat(app)
        assert "Growth plan (g changes it) Goal Tech lead for payments" in said
        assert "Status slipping since 20 Nov: on call all month" in said
    store = Store.open(f"sqlite:///{db_path}")
    try:
        [plan] = store.growth_plans(ada)
        assert [o.state for o in plan.options] == [OptionState.PICKED, OptionState.PROPOSED]
        assert all(e.meeting_id is None for e in store.plan_events(ada))
    finally:
        store.close()


async def test_f6_in_a_meeting_keeps_the_plan_and_brings_back_what_was_said(make_app, db_path):
    ada = _add_ada(db_path)
    app = make_app(meet="Ada Lovelace")
    async with app.run_test(size=(100, 34)) as pilot:
        screen = await meeting_ready(pilot)
        await _type(pilot, "&p run the Q1 migration")
        await _type(pilot, "&p or write the on-call RFC")
        await _type(pilot, "a plain note, not about the plan")
        await settle(pilot)
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, GrowthPlanScreen))
        assert "↑↓ what was said in the plan segment" in _flat(app)
        await _type(pilot, "goal Tech lead for payments")
        await pilot.press("up")
        line = app.screen.query_one("#plan-line", Input)
        assert line.value == "option or write the on-call RFC"
        await pilot.press("up")
        assert line.value == "option run the Q1 migration"
        await pilot.press("enter")
        await pilot.pause(0.05)
        assert "1. run the Q1 migration" in _flat(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        await settle(pilot)
        meeting_id = screen.model.meeting.id
        # The end summary names what the 1:1 changed in the plan.
        await pilot.press("ctrl+o")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.pause(0.1)
        assert (
            "Growth plan • Goal set: Tech lead for payments "
            "• Option: run the Q1 migration (option 1)"
        ) in " ".join(_flat(app).replace("│", " ").split())
    store = Store.open(f"sqlite:///{db_path}")
    try:
        [plan] = store.growth_plans(ada)
        assert (plan.goal, [o.text for o in plan.options]) == (
            "Tech lead for payments",
            ["run the Q1 migration"],
        )
        assert {e.meeting_id for e in store.plan_events(ada)} == {meeting_id}
    finally:
        store.close()


async def test_enter_on_a_step_opens_its_action_and_on_the_plan_the_dialog(
    make_app, db_path, clock
):
    from test_growth_snapshots import make_plan

    from tui1on1.ui.dialogs.action_change import ActionChangeScreen

    priya = make_plan(db_path, clock.now())
    app = make_app(meet=None)
    async with app.run_test(size=(80, 40)) as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        app.open_person(priya)
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        view = app.screen.query_one("#person-plan")
        view.focus()
        keys = [view.get_option_at_index(i).id for i in range(view.option_count)]
        view.highlighted = keys.index("plan-step1")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionChangeScreen))
        assert "draft the migration RFC" in _flat(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen))
        view.highlighted = keys.index("plan-goal")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, GrowthPlanScreen))


async def test_the_plan_says_when_their_aspiration_moved_on_since_it_was_set(
    make_app, db_path, clock
):
    from datetime import timedelta

    from test_growth_snapshots import make_plan

    from tui1on1.domain.kinds import NoteKind
    from tui1on1.domain.records import NewNote

    priya = make_plan(db_path, clock.now())
    store = Store.open(f"sqlite:///{db_path}")
    try:
        start = clock.now() - timedelta(days=2)
        meeting, _ = store.start_meeting(priya, playbook="weekly", planned_minutes=30, now=start)
        store.add_note(NewNote(uid="since", meeting_id=meeting.id, kind=NoteKind.NOTE,
                               text="staff engineer on the platform team", career="aspiration",
                               created_at=start + timedelta(minutes=3)))  # fmt: skip
        store.end_meeting(meeting.id, start + timedelta(minutes=30))
    finally:
        store.close()
    app = make_app(meet=None)
    async with app.run_test(size=(80, 40)) as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        app.open_person(priya)
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        await wait_for(pilot, lambda: "Wants now staff engineer on the platform team" in _flat(app))
        assert "For wants to lead the payments team" in _flat(app)
        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(app.screen, GrowthPlanScreen))
        said = " ".join(_flat(app).replace("│", " ").split())
        assert "they have said since: staff engineer on the platform team" in said
