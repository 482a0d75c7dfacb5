"""`tui1on1 career NAME [--json]`: a person's career thread from the shell.

Plain output names the person, then each element that has entries: its title
with the current value (first line), its date and "(changed)" or "(new)" when
the latest career conversation set it; below, the timeline, newest first,
each entry dated, with its further notes, the question it answered and what
it replaced::

    Aspiration — 30 Nov: staff engineer on the data platform (changed)
      30 Nov  staff engineer on the data platform
              asked: What's your career aspiration …?
              was: wants to lead a team within 2 years (9 Nov)

Below the thread, the growth plan as `tui1on1 plan NAME` shows it (the open
plan in full, the earlier ones a line each).

Days are local. ``--json`` prints :func:`as_json`'s shape (documented in the
README), with ``growth_plans`` as ``plan --json`` gives them: raw text,
times in UTC.

Which question's answers go where comes from the question bank, the user's
``questions.toml`` included (a question may say ``career = "..."``).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.cli import EXIT_OK
from tui1on1.cli.run import fail, find_person, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.domain.career import CareerEntry, CareerThread


def today() -> date:
    """The user's local date (tests replace this)."""
    return datetime.now().astimezone().date()


def career(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.cli.plan_command import plans_json
    from tui1on1.cli.questions_command import user_questions_file
    from tui1on1.domain.growth import plan_notes, steps_of
    from tui1on1.domain.growth_words import plan_lines
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.questions import load_bank
    from tui1on1.storage.errors import StoreError

    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        person = find_person(store, args.name)
        bank = load_bank(user_questions_file(settings))
        for problem in bank.problems:
            print(f"tui1on1: warning: {safe_terminal_text(str(problem))}", file=sys.stderr)
        elements = bank.elements()
        thread = store.career_thread(person.id, elements)
        plans = store.growth_plans(person.id)
        actions = store.actions_of_notes(plan_notes(thread)) if plans else []
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    steps = {plan.uid: steps_of(plan, actions, plans) for plan in plans}
    if args.json:
        shape = as_json(person.name, thread)
        shape["growth_plans"] = plans_json(plans, steps)
        print(json.dumps(shape, indent=2, ensure_ascii=True))
    else:
        lines = as_text(person.name, thread, today())
        hint = f'tui1on1 plan {safe_terminal_text(shlex.quote(args.name))} goal "…"'
        lines += ["", "Growth plan:", *plan_lines(plans, steps, today(), hint=hint)]
        sys.stdout.write("".join(f"{line}\n" for line in lines))
    return EXIT_OK


def as_text(name: str, thread: CareerThread, day: date) -> list[str]:
    """The plain output's lines (control characters escaped, days local)."""
    from tui1on1.domain.career import ELEMENT_TITLES, ELEMENTS, first_line, format_day
    from tui1on1.domain.text import safe_terminal_text

    def clean(text: str) -> str:
        return safe_terminal_text(first_line(text))

    shown = safe_terminal_text(name)
    if thread.empty:
        return [
            f"No career thread yet for {shown}: ask about their aspiration "
            "(the aspiration playbook: `--playbook aspiration`)."
        ]
    days = {
        entry: format_day(entry.answered_at, day)
        for entries in thread.timelines.values()
        for entry in entries
    }
    width = max(len(d) for d in days.values())
    pad = " " * (2 + width + 2)
    lines = [f"{shown}: career thread"]
    for element in ELEMENTS:
        entries = thread.timeline(element)
        if not entries:
            continue
        current = entries[0]
        change = thread.change(element)
        marker = f" ({change})" if change else ""
        title = ELEMENT_TITLES[element]
        lines += ["", f"{title} — {days[current]}: {clean(current.answer)}{marker}"]
        for entry in entries:
            marked = "  (marked)" if entry.marked else ""
            if entry.action_status in ("done", "dropped"):
                marked += f"  ({entry.action_status})"
            lines.append(f"  {days[entry].ljust(width)}  {clean(entry.answer)}{marked}")
            lines += [f"{pad}+ {clean(more)}" for more in entry.notes[1:]]
            if entry.question:
                asked = "after Why? on" if entry.after_why else "asked"
                lines.append(f"{pad}{asked}: {safe_terminal_text(entry.question)}")
            before = thread.was(entry)
            if before is not None:
                lines.append(f"{pad}was: {clean(before.answer)} ({days[before]})")
    return lines


def as_json(name: str, thread: CareerThread) -> dict[str, Any]:
    """``{"person", "elements": [...]}``: the six elements in order, each with
    ``element``, ``title``, ``change`` ("new", "changed" or null), ``current``
    (the newest entry, or null) and ``timeline`` (newest first)."""
    from tui1on1.domain.career import ELEMENT_TITLES, ELEMENTS

    out = []
    for element in ELEMENTS:
        timeline = [_entry(entry, thread) for entry in thread.timeline(element)]
        out.append(
            {
                "element": element.value,
                "title": ELEMENT_TITLES[element],
                "change": thread.change(element) or None,
                "current": timeline[0] if timeline else None,
                "timeline": timeline,
            }
        )
    return {"person": name, "elements": out}


def _entry(entry: CareerEntry, thread: CareerThread) -> dict[str, Any]:
    before = thread.was(entry)
    return {
        "date": entry.answered_at.astimezone().date().isoformat(),
        "answered_at": _utc(entry.answered_at),
        "meeting_started": _utc(entry.meeting_started),
        "answer": entry.answer,
        "headline": entry.headline,
        "notes": list(entry.notes),
        "question": entry.question or None,
        "marked": entry.marked,
        "after_why": entry.after_why,
        "action_status": entry.action_status,
        "was": before.headline if before is not None else None,
    }


def _utc(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()
