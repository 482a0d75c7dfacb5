"""A growth plan in words: the person screen's rows, ``tui1on1 plan`` and
``tui1on1 career`` say it the same way (rules: ``domain.growth``)."""

from __future__ import annotations

from datetime import date, tzinfo

from tui1on1.domain.career import first_line, format_day
from tui1on1.domain.growth import (
    CLOSING,
    STATUS_NAMES,
    GrowthPlan,
    PlanEvent,
    PlanOption,
    build_plans,
)
from tui1on1.domain.kinds import ActionStatus, OptionState, PlanOp, PlanStatus
from tui1on1.domain.ledger import action_ref, due_words
from tui1on1.domain.records import ActionItem
from tui1on1.domain.text import safe_terminal_text

OPTION_WORDS: dict[OptionState, str] = {
    OptionState.PROPOSED: "",
    OptionState.PICKED: "agreed",
    OptionState.DROPPED: "set aside",
}


def status_words(plan: GrowthPlan, today: date, tz: tzinfo | None = None) -> str:
    """ "slipping since 9 Nov: no time this sprint", "started 12 Oct",
    "achieved 3 Nov"."""
    mark = plan.status_since
    name = STATUS_NAMES[mark.status]
    joint = " " if mark.status in (PlanStatus.STARTED, PlanStatus.ACHIEVED) else " since "
    if mark.status is PlanStatus.SET_ASIDE:
        joint = " "
    words = f"{name}{joint}{format_day(mark.at, today, tz)}"
    return f"{words}: {mark.note}" if mark.note else words


def history_words(plan: GrowthPlan, today: date, tz: tzinfo | None = None) -> str:
    """Every status it had, oldest first: "12 Oct started · 9 Nov slipping: no time"."""
    parts = []
    for mark in plan.marks:
        part = f"{format_day(mark.at, today, tz)} {STATUS_NAMES[mark.status]}"
        parts.append(f"{part}: {mark.note}" if mark.note else part)
    return " · ".join(parts)


def option_words(option: PlanOption) -> str:
    """ "lead the payments migration (agreed)"."""
    state = OPTION_WORDS[option.state]
    return f"{option.text} ({state})" if state else option.text


def step_words(step: ActionItem, today: date, tz: tzinfo | None = None) -> str:
    """ "12  draft the RFC outline — overdue 3 days"."""
    return f"{action_ref(step.id)}  {first_line(step.text)} — {due_words(step, today, tz=tz)}"


def no_plan_words(latest: GrowthPlan | None, today: date, tz: tzinfo | None = None) -> str:
    """What to say when no plan is open."""
    if latest is None:
        return "No growth plan yet"
    said = STATUS_NAMES[latest.status]
    return (
        f"No plan open; the last ({first_line(latest.goal)}) was {said} "
        f"{format_day(latest.marks[-1].at, today, tz)}"
    )


def change_words(event: PlanEvent, plans: list[GrowthPlan]) -> str:
    """What a change did, in one line: "Option 2 set aside." ``plans``: as
    they are with it."""
    if event.op is PlanOp.GOAL:
        return "Plan started with that goal." if plans[0].uid == event.uid else "Goal reworded."
    if event.op is PlanOp.STATUS and event.status is not None:
        said = STATUS_NAMES[event.status]
        if event.status in CLOSING:
            return f"Plan closed: {said}."
        since = plans[0].status_since if plans and plans[0].is_open else None
        if since is not None and since.status is event.status and since.at < event.at:
            return f"Still {said}; the note is kept."
        return f"Now {said}."
    number = next(
        (o.number for p in plans for o in p.options if event.uid == o.uid or event.target == o.uid),
        0,
    )
    done = {PlanOp.OPTION: "added", PlanOp.PICK: "agreed", PlanOp.DROP: "set aside"}[event.op]
    current = plans[0] if plans and plans[0].is_open else None
    agreed = current is not None and any(o.state is OptionState.PICKED for o in current.options)
    if event.op is PlanOp.DROP and current is not None and not agreed:
        return f"Option {number} {done}; no option is agreed now (pick N agrees one)."
    return f"Option {number} {done}."


def meeting_plan_lines(events: list[PlanEvent], meeting_id: int) -> list[str]:
    """What a meeting changed in the growth plan, a line a change, in order:
    "Goal set: Tech lead for payments", "Agreed: run the Q1 migration"."""
    lines: list[str] = []
    for index, event in enumerate(events):
        if event.meeting_id != meeting_id:
            continue
        plans = build_plans(events[: index + 1])
        earlier = build_plans(events[:index])
        before = earlier[0].options if earlier and earlier[0].is_open else ()
        lines.append(_change_line(event, plans, before))
    return lines


def _change_line(
    event: PlanEvent, plans: list[GrowthPlan], before: tuple[PlanOption, ...] = ()
) -> str:
    if event.op is PlanOp.GOAL:
        verb = "Goal set" if plans[0].uid == event.uid else "Goal reworded"
        return f"{verb}: {first_line(event.text)}"
    if event.op is PlanOp.STATUS and event.status is not None:
        said = STATUS_NAMES[event.status]
        said = said[0].upper() + said[1:]
        return f"{said}: {first_line(event.text)}" if event.text else said
    option = next(
        (o for p in plans for o in p.options if event.uid == o.uid or event.target == o.uid), None
    )
    words = f"{first_line(option.text)} (option {option.number})" if option else "an option"
    verb = {PlanOp.OPTION: "Option", PlanOp.PICK: "Agreed", PlanOp.DROP: "Set aside"}[event.op]
    if event.op is PlanOp.PICK and before:
        instead = [
            o.number for o in before if o.state is OptionState.PICKED and o.uid != event.target
        ]
        if instead:
            words += f", instead of option {instead[0]}"
    return f"{verb}: {words}"


def plan_lines(
    plans: list[GrowthPlan],
    steps: dict[str, list[ActionItem]],
    today: date,
    tz: tzinfo | None = None,
    *,
    earlier: bool = True,
    hint: str = 'tui1on1 plan NAME goal "…"',
) -> list[str]:
    """The plain text of ``tui1on1 plan NAME`` (and the plan part of
    ``career NAME``): the open plan in full, then (``earlier``) the earlier
    ones, one line each. ``steps``: each plan's, by its uid. ``hint``: how
    to start one. Control characters escaped."""
    if not plans:
        return [f"No growth plan yet. Set a goal for what they want: {hint}."]
    current = plans[0] if plans[0].is_open else None
    lines: list[str] = []
    if current is None:
        lines.append(no_plan_words(plans[0], today, tz) + ". A new goal starts the next one.")
        lines += _still_open(steps.get(plans[0].uid, []), today, tz)
    else:
        lines += _open_lines(current, steps.get(current.uid, []), today, tz)
    before = plans[1:] if current is not None else plans
    if before and earlier:
        lines.append("Earlier plans:")
        for plan in before:
            closed = plan.closed or plan.marks[-1].at
            lines.append(
                f"  {format_day(plan.opened, today, tz)} – {format_day(closed, today, tz)}  "
                f"{_clean(plan.goal)} — {STATUS_NAMES[plan.status]}"
                + (f": {_clean(plan.marks[-1].note)}" if plan.marks[-1].note else "")
            )
    return lines


def _open_lines(
    plan: GrowthPlan, steps: list[ActionItem], today: date, tz: tzinfo | None
) -> list[str]:
    lines = [f"Goal: {_clean(plan.goal)}"]
    opened = f"opened {format_day(plan.opened, today, tz)}"
    if plan.status is not PlanStatus.STARTED:
        opened += f" · {status_words(plan, today, tz)}"
    lines.append(f"  {opened}")
    if plan.aspiration:
        lines.append(f"  for what they want: {_clean(plan.aspiration)}")
    if plan.earlier_goals:
        lines.append(f"  first worded: {_clean(plan.earlier_goals[0])}")
    lines.append("  options:" if plan.options else "  options: none yet (option TEXT adds one)")
    lines += [f"    {o.number}. {_clean(option_words(o))}" for o in plan.options]
    lines.append("  steps:" if steps else "  steps: none yet (an &p action in a 1:1 is one)")
    lines += [f"    {safe_terminal_text(step_words(s, today, tz))}" for s in steps]
    if len(plan.marks) > 1:
        lines.append(f"  over time: {_clean(history_words(plan, today, tz))}")
    return lines


def _still_open(steps: list[ActionItem], today: date, tz: tzinfo | None) -> list[str]:
    """A closed plan's steps still open: closing a plan closes no action, so
    an overdue one is said, not dropped from sight."""
    open_steps = [s for s in steps if s.status is ActionStatus.OPEN]
    if not open_steps:
        return []
    lines = [f"  its {'step' if len(open_steps) == 1 else 'steps'} still open (actions done N, "
             "actions drop N):"]  # fmt: skip
    return lines + [f"    {safe_terminal_text(step_words(s, today, tz))}" for s in open_steps]


def _clean(text: str) -> str:
    return safe_terminal_text(first_line(text))
