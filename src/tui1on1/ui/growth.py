"""The growth plan on the person screen: its rows, and the dialog (g or
Enter on a row) whose changes a worker keeps, as `tui1on1 plan` does."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from rich.text import Text

from tui1on1.domain.career import first_line
from tui1on1.domain.duedates import is_overdue
from tui1on1.domain.growth import (
    GrowthPlan,
    PlanCommand,
    PlanEvent,
    decide,
    steps_of,
)
from tui1on1.domain.growth_words import no_plan_words, option_words, status_words
from tui1on1.domain.kinds import ActionStatus, OptionState
from tui1on1.domain.ledger import action_ref, due_words
from tui1on1.domain.records import ActionItem
from tui1on1.domain.text import clip, safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.growth_plan import GrowthPlanScreen
from tui1on1.ui.lists import one_line
from tui1on1.ui.screens.base import ServiceScreen

LABEL = 10  # "Option 2  " — the column the words start in


def plan_title(plans: list[GrowthPlan], key: str) -> str:
    """ "Growth plan  (g changes it)"."""
    verb = "changes it" if plans and plans[0].is_open else "starts one"
    return f"Growth plan  ({key} {verb})"


def plan_rows(
    plans: list[GrowthPlan],
    actions: list[ActionItem],
    today: date,
    room: int,
    aspiration: str | None = None,
) -> list[tuple[str, Text]]:
    """The open plan, a row a thing: goal, what it is for, how it stands,
    each option, each step (overdue in bold). With none open, one row
    saying so (and how the last one ended)."""
    plan = plans[0] if plans and plans[0].is_open else None
    if plan is None:
        return [("plan-none", Text(no_plan_words(plans[0] if plans else None, today), "italic"))]

    def row(key: str, label: str, words: str, style: str = "") -> tuple[str, Text]:
        shown = clip(one_line(safe_terminal_text(words)), max(room - LABEL, 10))
        return key, Text(f"{label:<{LABEL}}") + Text(shown, style=style)

    rows = [row("plan-goal", "Goal", first_line(plan.goal))]
    if plan.aspiration:
        rows.append(row("plan-for", "For", plan.aspiration, "italic"))
    if aspiration and aspiration != plan.aspiration:  # the thread moved on since
        rows.append(row("plan-now", "Wants now", aspiration, "italic"))
    rows.append(row("plan-status", "Status", status_words(plan, today), "italic"))
    for option in plan.options:
        style = "strike" if option.state is OptionState.DROPPED else ""
        rows.append(row(f"plan-option{option.number}", f"Option {option.number}",
                        option_words(option), style))  # fmt: skip
    steps = steps_of(plan, actions, plans)
    for step in steps:
        late = (
            step.status is ActionStatus.OPEN and step.due is not None
            and is_overdue(step.due, today)
        )  # fmt: skip
        words = f"{action_ref(step.id)}  {first_line(step.text)} — {due_words(step, today)}"
        rows.append(row(f"plan-step{step.id}", "Step", words, "bold" if late else ""))
    if not plan.options and not steps:
        rows.append(row("plan-next", "Next", "the options they see (g, then option …)", "italic"))
    return rows


def ask_plan(
    screen: ServiceScreen[Any],
    person_id: int,
    name: str,
    events: list[PlanEvent],
    actions: list[ActionItem],
    aspiration: str | None,
    after: Callable[[], object],
) -> None:
    """The plan dialog from the person screen: each change kept by a worker."""
    clock = screen.app.clock

    def decided(command: PlanCommand, plan: GrowthPlan | None) -> PlanEvent:
        return decide(command, plan, person_id=person_id, at=clock.now(),
                      uid=uuid.uuid4().hex, aspiration=aspiration)  # fmt: skip

    def keep(event: PlanEvent) -> None:
        screen.run_worker(lambda: _keep(screen, event), thread=True,
                          exit_on_error=False, group="plan")  # fmt: skip

    def closed(kept: int | None) -> None:
        if kept:
            after()

    dialog = GrowthPlanScreen(
        name, events, actions, today=clock.now().astimezone().date(),
        aspiration=aspiration, decide=decided, keep=keep,
    )  # fmt: skip
    screen.app.push_screen(dialog, closed)


def _keep(screen: ServiceScreen[Any], event: PlanEvent) -> None:
    try:
        screen.open_services().store.add_plan_event(event)
    except StoreError as error:
        screen.app.call_from_thread(screen.show_store_error, error, "The plan change was not kept")
