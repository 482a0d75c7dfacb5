"""`tui1on1 plan NAME [WORDS…] [--json]`: someone's growth plan from the shell.

Without WORDS: the open plan in full (goal, what they want it for, options,
steps with their due dates, how it stood over time), then the earlier plans.
With WORDS, one change, read as the plan dialog reads a line (``goal …``,
``option …``, ``pick 2``, ``drop 3``, ``on track``/``slipping``/``stuck``/
``achieved``/``set aside`` and a note), then the plan as it is now.

A line that doesn't read is a bad argument (exit 2); one that reads but
can't apply to the plan as it stands (no plan open, no option 4) is refused
at run time (exit 1). ``--json`` prints :func:`as_json`'s shape (README).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.cli import EXIT_OK, UsageError
from tui1on1.cli.run import fail, find_person, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.domain.growth import GrowthPlan
    from tui1on1.domain.records import ActionItem
    from tui1on1.storage.store import Store


def now() -> datetime:
    """The current time (tests replace this)."""
    return datetime.now(UTC)


def plan(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.domain.growth import PlanError, read_plan_line
    from tui1on1.domain.growth_words import change_words, plan_lines
    from tui1on1.storage.errors import StoreError

    line = " ".join(args.words)
    try:  # before the database: a line that doesn't read is the same mistake anywhere
        command = read_plan_line(line) if args.words else None
    except PlanError as exc:
        raise UsageError(str(exc)) from None
    store, code = open_or_say(settings)
    if store is None:
        return code
    when = now()
    said = ""
    try:
        person = find_person(store, args.name)
        if command is not None:
            try:
                event, plans = store.change_plan(
                    person.id, command, at=when, aspiration=_aspiration(settings, store, person.id)
                )
                said = " " + change_words(event, plans)
            except PlanError as exc:
                return fail(f"{person.name}: {exc}")
        else:
            plans = store.growth_plans(person.id)
        steps = plan_steps(settings, store, person.id, plans)
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    today = when.astimezone().date()
    if args.json:
        print(json.dumps(as_json(person.name, plans, steps), indent=2, ensure_ascii=True))
        return EXIT_OK
    from tui1on1.domain.text import safe_terminal_text

    hint = f'tui1on1 plan {safe_terminal_text(shlex.quote(args.name))} goal "…"'
    lines = [
        f"{safe_terminal_text(person.name)}:{said}",
        *plan_lines(plans, steps, today, hint=hint),
    ]
    sys.stdout.write("".join(f"{text}\n" for text in lines))
    return EXIT_OK


def _elements(settings: Settings) -> Any:
    from tui1on1.cli.questions_command import user_questions_file
    from tui1on1.questions import load_bank

    return load_bank(user_questions_file(settings)).elements()


def _aspiration(settings: Settings, store: Store, person_id: int) -> str | None:
    from tui1on1.domain.growth import current_aspiration

    return current_aspiration(store.career_thread(person_id, _elements(settings)))


def plan_steps(
    settings: Settings, store: Store, person_id: int, plans: list[GrowthPlan]
) -> dict[str, list[ActionItem]]:
    """Each plan's steps, by its uid: the career-plan actions it holds."""
    from tui1on1.domain.growth import plan_notes, steps_of

    if not plans:
        return {}
    thread = store.career_thread(person_id, _elements(settings))
    actions = store.actions_of_notes(plan_notes(thread))
    return {p.uid: steps_of(p, actions, plans) for p in plans}


def as_json(
    name: str, plans: list[GrowthPlan], steps: dict[str, list[ActionItem]]
) -> dict[str, Any]:
    """``{"person", "plans": [...]}``, newest plan first; times in UTC."""
    return {"person": name, "plans": plans_json(plans, steps)}


def plans_json(plans: list[GrowthPlan], steps: dict[str, list[ActionItem]]) -> list[dict[str, Any]]:
    """Each plan (as ``plan --json`` and ``career --json`` give them)."""
    return [_plan_json(p, steps.get(p.uid, [])) for p in plans]


def _plan_json(plan: GrowthPlan, steps: list[ActionItem]) -> dict[str, Any]:
    return {
        "goal": plan.goal,
        "aspiration": plan.aspiration,
        "status": plan.status.value,
        "open": plan.is_open,
        "opened_at": _utc(plan.opened),
        "closed_at": _utc(plan.closed) if plan.closed else None,
        "earlier_goals": list(plan.earlier_goals),
        "options": [
            {
                "number": o.number,
                "text": o.text,
                "state": o.state.value,
                "added_at": _utc(o.added),
                "decided_at": _utc(o.decided) if o.decided else None,
            }
            for o in plan.options
        ],
        "steps": [
            {
                "id": s.id,
                "text": s.text,
                "owner": s.owner.value,
                "status": s.status.value,
                "due": _day(s.due),
                "agreed_at": _utc(s.created_at) if s.created_at else None,
                "closed_at": _utc(s.closed_at) if s.closed_at else None,
            }
            for s in steps
        ],
        "history": [
            {"at": _utc(m.at), "status": m.status.value, "note": m.note} for m in plan.marks
        ],
    }


def _utc(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None
