"""The growth plan's rules (domain.growth) and its words (domain.growth_words),
with fixed data and fixed days."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.growth import (
    GrowthPlan,
    PlanCommand,
    PlanError,
    PlanEvent,
    build_plans,
    decide,
    next_step,
    open_plan,
    read_plan_line,
    steps_of,
)
from tui1on1.domain.growth_words import change_words, meeting_plan_lines, plan_lines, status_words
from tui1on1.domain.kinds import ActionStatus, OptionState, Owner, PlanOp, PlanStatus
from tui1on1.domain.records import ActionItem

T0 = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 30)


class Plan:
    """Changes made one line at a time, as the dialog and the CLI make them."""

    def __init__(self) -> None:
        self.events: list[PlanEvent] = []
        self.at = T0

    def type(self, line: str, *, days: int = 0, aspiration: str | None = None) -> PlanEvent:
        self.at += timedelta(days=days, minutes=1)
        event = decide(
            read_plan_line(line),
            open_plan(build_plans(self.events)),
            person_id=1,
            at=self.at,
            uid=f"u{len(self.events)}",
            aspiration=aspiration,
        )
        self.events.append(event)
        return event

    @property
    def plans(self) -> list[GrowthPlan]:
        return build_plans(self.events)


def action(
    id: int,
    text: str,
    agreed: datetime,
    *,
    due: date | None = None,
    closed: datetime | None = None,
    status: ActionStatus = ActionStatus.OPEN,
) -> ActionItem:
    return ActionItem(id=id, person_id=1, owner=Owner.THEM, text=text, due=due,
                      status=status, created_at=agreed, closed_at=closed)  # fmt: skip


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("goal Tech lead within a year", PlanCommand(PlanOp.GOAL, "Tech lead within a year")),
        ("Goal:  lead   payments ", PlanCommand(PlanOp.GOAL, "lead payments")),
        ("option run the Q1 migration", PlanCommand(PlanOp.OPTION, "run the Q1 migration")),
        ("pick 2", PlanCommand(PlanOp.PICK, number=2)),
        ("drop #3", PlanCommand(PlanOp.DROP, number=3)),
        ("on track", PlanCommand(PlanOp.STATUS, "", status=PlanStatus.ON_TRACK)),
        ("Slipping: on call all month",
         PlanCommand(PlanOp.STATUS, "on call all month", status=PlanStatus.SLIPPING)),
        ("set aside — moving to design",
         PlanCommand(PlanOp.STATUS, "moving to design", status=PlanStatus.SET_ASIDE)),
        ("achieved", PlanCommand(PlanOp.STATUS, "", status=PlanStatus.ACHIEVED)),
    ],
)  # fmt: skip
def test_a_typed_line_reads_as_one_change(line: str, command: PlanCommand) -> None:
    assert read_plan_line(line) == command


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("", "Type one of: goal TEXT"),
        ("goal", "Say the goal after 'goal'."),
        ("option   ", "Say the option after 'option'."),
        ("pick two", "Say which option by its number: pick 2."),
        ("promote her", "'promote' isn't something a plan takes."),
        ("stucks", "'stucks' isn't something a plan takes."),
        ("goal " + "x" * 201, "At most 200 characters; this is 201."),
    ],
)
def test_a_line_that_does_not_read_says_why(line: str, said: str) -> None:
    with pytest.raises(PlanError) as refused:
        read_plan_line(line)
    assert said in str(refused.value)


def test_a_plan_over_two_months_reads_as_the_manager_shaped_it() -> None:
    plan = Plan()
    plan.type("goal Tech lead for payments within a year", aspiration="lead a team")
    plan.type("option run the Q1 migration")
    plan.type("option mentor the new hire")
    plan.type("option write the on-call RFC")
    plan.type("pick 1", days=1)
    plan.type("drop 2")
    plan.type("slipping: on call all month", days=20)
    plan.type("goal Tech lead for payments by next autumn", days=5)
    plan.type("on track", days=14)

    [current] = plan.plans
    assert current.goal == "Tech lead for payments by next autumn"
    assert current.earlier_goals == ("Tech lead for payments within a year",)
    assert current.aspiration == "lead a team"
    assert [(o.number, o.text, o.state) for o in current.options] == [
        (1, "run the Q1 migration", OptionState.PICKED),
        (2, "mentor the new hire", OptionState.DROPPED),
        (3, "write the on-call RFC", OptionState.PROPOSED),
    ]
    assert [m.status for m in current.marks] == [
        PlanStatus.STARTED, PlanStatus.SLIPPING, PlanStatus.ON_TRACK,
    ]  # fmt: skip
    assert current.marks[1].note == "on call all month"
    assert current.is_open


def test_achieved_closes_the_plan_and_the_next_goal_opens_a_new_one() -> None:
    plan = Plan()
    plan.type("goal Run the Q1 migration")
    plan.type("achieved: shipped on 12 Nov", days=40)
    with pytest.raises(PlanError, match="No plan open: start one with goal"):
        plan.type("option lead the next one")
    plan.type("goal Tech lead for payments", days=1)
    newest, older = plan.plans
    assert (newest.goal, newest.is_open, newest.status) == (
        "Tech lead for payments", True, PlanStatus.STARTED,
    )  # fmt: skip
    assert (older.goal, older.is_open, older.status) == (
        "Run the Q1 migration", False, PlanStatus.ACHIEVED,
    )  # fmt: skip
    assert older.closed == older.marks[-1].at


def test_what_cannot_apply_to_the_plan_as_it_stands_is_refused_calmly() -> None:
    plan = Plan()
    with pytest.raises(PlanError, match="No plan open"):
        plan.type("pick 1")
    plan.type("goal Tech lead")
    with pytest.raises(PlanError, match=re.escape("That is the goal already.")):
        plan.type("goal Tech lead")
    with pytest.raises(PlanError, match="No options yet: add what they proposed"):
        plan.type("pick 1")
    plan.type("option run the migration")
    with pytest.raises(PlanError, match=re.escape("That is option 1 already.")):
        plan.type("option Run the Migration")
    with pytest.raises(PlanError, match=re.escape("There is no option 4; there is only option 1.")):
        plan.type("drop 4")
    plan.type("pick 1")
    with pytest.raises(PlanError, match=re.escape("Option 1 is agreed already.")):
        plan.type("pick 1")
    plan.type("drop 1")  # changed their mind: set aside after all
    assert plan.plans[0].options[0].state is OptionState.DROPPED


def test_the_same_changes_fold_the_same_way_whatever_order_they_are_read_in() -> None:
    plan = Plan()
    plan.type("goal Tech lead")
    plan.type("option a")
    plan.type("pick 1")
    assert build_plans(reversed(plan.events)) == plan.plans


def test_steps_are_the_plan_actions_agreed_while_it_was_open_and_those_still_open() -> None:
    plan = Plan()
    plan.type("goal Tech lead")  # 5 Oct
    opened = plan.plans[0].opened
    before = opened - timedelta(days=30)
    steps = [
        action(1, "old step still open", before, due=date(2026, 10, 1)),
        action(
            2,
            "old step done before",
            before,
            status=ActionStatus.DONE,
            closed=opened - timedelta(days=2),
        ),
        action(
            3,
            "old step done since",
            before,
            status=ActionStatus.DONE,
            closed=opened + timedelta(days=3),
        ),
        action(4, "draft the RFC", opened + timedelta(days=7), due=date(2026, 11, 20)),
        action(5, "no date yet", opened + timedelta(days=8)),
        action(6, "same day, before the goal", opened - timedelta(minutes=20), due=TODAY),
    ]
    mine = steps_of(plan.plans[0], steps)
    assert [s.id for s in mine] == [1, 4, 6, 5, 3]
    assert next_step(mine) == steps[0]


def test_a_closed_plan_keeps_only_the_steps_of_its_time() -> None:
    plan = Plan()
    plan.type("goal Run the migration")
    plan.type("achieved", days=10)
    closed = plan.plans[0]
    later = action(7, "after it closed", T0 + timedelta(days=20))
    during = action(8, "during", T0 + timedelta(days=2), status=ActionStatus.DONE,
                    closed=T0 + timedelta(days=9))  # fmt: skip
    assert [s.id for s in steps_of(closed, [later, during])] == [8]


def test_the_plan_in_words_as_the_cli_prints_it() -> None:
    plan = Plan()
    plan.type("goal Tech lead for payments within a year", aspiration="lead a team")
    plan.type("option run the Q1 migration")
    plan.type("option mentor the new hire")
    plan.type("pick 1", days=1)
    plan.type("drop 2")
    plan.type("slipping: on call all month", days=20)
    step = action(12, "draft the RFC", plan.plans[0].opened, due=date(2026, 11, 20))
    plans = plan.plans
    lines = plan_lines(plans, {plans[0].uid: [step]}, TODAY, UTC)
    assert lines == [
        "Goal: Tech lead for payments within a year",
        "  opened 5 Oct · slipping since 26 Oct: on call all month",
        "  for what they want: lead a team",
        "  options:",
        "    1. run the Q1 migration (agreed)",
        "    2. mentor the new hire (set aside)",
        "  steps:",
        "    12  draft the RFC — overdue 10 days",
        "  over time: 5 Oct started · 26 Oct slipping: on call all month",
    ]


def test_earlier_plans_get_a_line_each_and_none_open_says_how_the_last_ended() -> None:
    plan = Plan()
    plan.type("goal Run the migration")
    plan.type("achieved: shipped", days=10)
    assert plan_lines(plan.plans, {}, TODAY, UTC) == [
        "No plan open; the last (Run the migration) was achieved 15 Oct. "
        "A new goal starts the next one.",
        "Earlier plans:",
        "  5 Oct – 15 Oct  Run the migration — achieved: shipped",
    ]
    assert plan_lines([], {}, TODAY, UTC, hint="tui1on1 plan ada goal …") == [
        "No growth plan yet. Set a goal for what they want: tui1on1 plan ada goal …."
    ]


def test_each_change_is_said_in_one_line() -> None:
    plan = Plan()
    said = []
    for line in ("goal Tech lead", "option a", "option b", "pick 2", "drop 1",
                 "goal Tech lead soon", "stuck", "set aside: changed teams"):  # fmt: skip
        event = plan.type(line)
        said.append(change_words(event, plan.plans))
    assert said == [
        "Plan started with that goal.",
        "Option 1 added.",
        "Option 2 added.",
        "Option 2 agreed.",
        "Option 1 set aside.",
        "Goal reworded.",
        "Now stuck.",
        "Plan closed: set aside.",
    ]


def test_changes_made_at_the_same_moment_are_read_in_the_order_made() -> None:
    """A coarse clock (or a fake one) gives several changes one time: the
    goal still comes before its options, whatever their uids."""
    same = T0
    events = [
        PlanEvent("zz", 1, same, PlanOp.GOAL, "Tech lead"),
        PlanEvent("aa", 1, same, PlanOp.OPTION, "run the migration"),
        PlanEvent("mm", 1, same, PlanOp.PICK, target="aa"),
    ]
    [plan] = build_plans(events)
    assert [(o.text, o.state) for o in plan.options] == [("run the migration", OptionState.PICKED)]


def test_what_a_meeting_changed_is_said_a_line_a_change() -> None:
    plan = Plan()
    plan.type("goal Tech lead")  # between meetings
    plan.type("option run the migration")
    lines = ["option mentor the new hire", "pick 2", "drop 1", "slipping: on call",
             "goal Tech lead by May"]  # fmt: skip
    for minute, line in enumerate(lines):
        plan.events.append(
            decide(read_plan_line(line), open_plan(plan.plans), person_id=1,
                   at=T0 + timedelta(days=7, minutes=minute), uid=f"m{minute}", meeting_id=9)
        )  # fmt: skip
    assert meeting_plan_lines(plan.events, 9) == [
        "Option: mentor the new hire (option 2)",
        "Agreed: mentor the new hire (option 2)",
        "Set aside: run the migration (option 1)",
        "Slipping: on call",
        "Goal reworded: Tech lead by May",
    ]
    assert meeting_plan_lines(plan.events, 8) == []


def test_one_option_is_agreed_picking_another_puts_the_first_back() -> None:
    plan = Plan()
    plan.type("goal Tech lead")
    for line in ("option a", "option b", "option c", "pick 3", "drop 2"):
        plan.type(line)
    assert [o.state for o in plan.plans[0].options] == [
        OptionState.PROPOSED, OptionState.DROPPED, OptionState.PICKED,
    ]  # fmt: skip
    plan.type("pick 1")
    assert [o.state for o in plan.plans[0].options] == [
        OptionState.PICKED, OptionState.DROPPED, OptionState.PROPOSED,
    ]  # fmt: skip
    plan.type("pick 2")  # set aside, then agreed after all: still one agreed
    assert [o.state for o in plan.plans[0].options] == [
        OptionState.PROPOSED, OptionState.PICKED, OptionState.PROPOSED,
    ]  # fmt: skip


def test_saying_the_same_status_again_keeps_its_date_and_needs_a_note() -> None:
    plan = Plan()
    plan.type("goal Tech lead")
    plan.type("slipping: the release crunch ate the time", days=10)
    with pytest.raises(PlanError, match=re.escape("It is slipping already (since 15 Oct)")):
        plan.type("slipping", days=7)
    plan.type("slipping: still on call", days=7)
    [current] = plan.plans
    assert status_words(current, TODAY, UTC) == "slipping since 15 Oct: still on call"
    plan.type("on track", days=3)
    plan.type("on track: RFC merged", days=3)
    assert status_words(plan.plans[0], TODAY, UTC) == "on track since 1 Nov: RFC merged"


def test_a_change_is_never_dated_before_the_plan_it_changes() -> None:
    """A clock set back (another machine, a fake clock) would have filed an
    option before its goal, and lost it while saying it was added."""
    plan = Plan()
    plan.type("goal Tech lead")
    opened = plan.plans[0].opened
    early = decide(read_plan_line("option run the migration"), plan.plans[0], person_id=1,
                   at=opened - timedelta(hours=3), uid="early")  # fmt: skip
    assert early.at == opened
    plan.events.append(early)
    assert [o.text for o in plan.plans[0].options] == ["run the migration"]
    assert change_words(early, plan.plans) == "Option 1 added."


def test_steps_are_told_apart_by_the_minute_when_one_plan_follows_another() -> None:
    """Set aside at 10:00:41, a new goal at 10:00:50: the step done at 10:00:30
    was the old plan's, the one agreed at 10:01 the new one's."""
    plan = Plan()
    plan.type("goal PM for the design system")
    old_open = plan.plans[0].opened
    set_aside = old_open + timedelta(minutes=40, seconds=41)
    plan.events.append(decide(read_plan_line("set aside: not now"), plan.plans[0], person_id=1,
                              at=set_aside, uid="aside"))  # fmt: skip
    plan.events.append(decide(read_plan_line("goal Lead design research"), None, person_id=1,
                              at=set_aside + timedelta(seconds=9), uid="new"))  # fmt: skip
    done = action(12, "shadow Sofia", old_open + timedelta(minutes=5), status=ActionStatus.DONE,
                  closed=set_aside - timedelta(seconds=11))  # fmt: skip
    later = action(26, "run three interviews", set_aside + timedelta(seconds=20))
    new, old = plan.plans
    assert [s.id for s in steps_of(new, [done, later])] == [26]
    assert [s.id for s in steps_of(old, [done, later])] == [12]


def test_a_reworded_goal_serves_what_they_want_now() -> None:
    plan = Plan()
    plan.type("goal Get better at estimating", aspiration="wants to estimate better")
    plan.type("goal Lead the estimation guild", days=30, aspiration="wants to lead a guild")
    assert plan.plans[0].aspiration == "wants to lead a guild"
    plan.type("goal Lead the estimation guild by May", days=1)  # nothing said since: kept
    assert plan.plans[0].aspiration == "wants to lead a guild"


def test_an_achieved_plans_open_steps_stay_its_own_not_the_next_ones() -> None:
    plan = Plan()
    plan.type("goal Run the on-call reviews")
    first_open = plan.plans[0].opened
    rfc = action(1, "draft the on-call RFC", first_open + timedelta(days=1), due=date(2026, 11, 6))
    plan.type("achieved: she runs them now", days=40)
    plan.type("goal Staff engineer on the platform team", days=1)
    between = action(7, "shadow the architect", plan.plans[0].opened - timedelta(minutes=30))
    new, old = plan.plans
    assert [s.id for s in steps_of(new, [rfc, between], plan.plans)] == [7]
    assert [s.id for s in steps_of(old, [rfc, between], plan.plans)] == [1]


def test_a_step_agreed_before_the_first_plan_is_the_first_plans_only() -> None:
    """Fresh eyes agreed a step, then set the goal in the same 1:1; the plan
    was achieved with the step still open, and the next plan (a week later)
    showed that step as its own, overdue three weeks on a six-day-old plan."""
    plan = Plan()
    sketch = action(1, "draft a roadmap sketch", plan.at - timedelta(minutes=5),
                    due=date(2026, 12, 14))  # fmt: skip
    plan.type("goal Payments lead")
    plan.type("achieved: named payments lead", days=14)
    plan.type("goal Engineering manager for payments", days=7)
    new, old = plan.plans
    assert [s.id for s in steps_of(old, [sketch], plan.plans)] == [1]
    assert steps_of(new, [sketch], plan.plans) == []


def test_a_status_said_again_with_a_note_says_still_and_a_new_pick_says_instead() -> None:
    plan = Plan()
    plan.type("goal Tech lead")
    plan.type("option a")
    plan.type("option b")
    plan.type("slipping: on call")
    again = plan.type("slipping: reorg too", days=2)
    assert change_words(again, plan.plans) == "Still slipping; the note is kept."
    lines = ["pick 2", "pick 1"]
    for minute, line in enumerate(lines):
        plan.events.append(
            decide(read_plan_line(line), open_plan(plan.plans), person_id=1,
                   at=plan.at + timedelta(minutes=minute + 1), uid=f"p{minute}", meeting_id=4)
        )  # fmt: skip
    assert meeting_plan_lines(plan.events, 4) == [
        "Agreed: b (option 2)",
        "Agreed: a (option 1), instead of option 2",
    ]
