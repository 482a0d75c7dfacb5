"""`tui1on1 team [--json]`: every report, who needs attention first — their
aspiration, the last career conversation, the next agreed step, the last
exposure, my promises to them, and what needs doing (``domain.team``).
``--json`` prints :func:`as_json`'s shape (documented in the README)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.cli import EXIT_OK
from tui1on1.cli.run import fail, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.domain.mirror import Mirror
    from tui1on1.domain.succession import BenchRole
    from tui1on1.domain.team import TeamRow


def now() -> datetime:
    """The current time (tests replace this)."""
    return datetime.now(UTC)


def team(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.cli.questions_command import all_playbooks, user_questions_file
    from tui1on1.domain.mirror import WINDOW_WEEKS
    from tui1on1.domain.team_header import (
        career_due_words,
        listening_words,
        promises_words,
        ready_words,
    )
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.questions import load_bank
    from tui1on1.storage.errors import StoreError

    today = now().astimezone().date()
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        bank = load_bank(user_questions_file(settings))
        for problem in bank.problems:
            print(f"tui1on1: warning: {safe_terminal_text(str(problem))}", file=sys.stderr)
        rows, roles = store.team_and_bench(bank.elements(), today, weeks=settings.career_weeks)
        bare = [role for role in roles if not role.covered] if rows else []
        playbooks, _problems = all_playbooks(settings)  # the mirror command says them
        mirror = store.mirror(playbooks, now(), WINDOW_WEEKS[0])
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    if args.json:
        # No reports, no bench to speak of (as the text says nothing of it).
        shape = as_json(rows, today) | overview_json(roles if rows else [], mirror)
        shape |= career_json(rows, today, settings.career_weeks) | promises_json(rows)
        print(json.dumps(shape, indent=2, ensure_ascii=True))
    else:
        lines = as_text(rows, today)
        if career := career_due_words(rows, today, settings.career_weeks):
            lines += ["", safe_terminal_text(career)]
        if bare:
            gaps = ", ".join(safe_terminal_text(role.title) for role in bare)
            lines.append(f"No one ready to back-fill: {gaps} (tui1on1 bench)")
        if rows:
            lines.append(safe_terminal_text(ready_words(roles)))
        if promised := promises_words(rows, today):
            lines.append(safe_terminal_text(promised))  # my promise's own words
        if rows:
            lines.append(f"{listening_words(mirror)} (tui1on1 mirror)")
        sys.stdout.write("".join(f"{line}\n" for line in _fit(lines)))
    return EXIT_OK


def _fit(lines: list[str]) -> list[str]:
    """On a terminal, the long lines wrapped at word breaks to its width
    (the report blocks' continuation indented under their labels); piped,
    as they are."""
    import shutil
    import textwrap

    if not sys.stdout.isatty():
        return lines
    width = max(shutil.get_terminal_size().columns, 40)
    fitted: list[str] = []
    for line in lines:
        indent = " " * 17 if line.startswith("  ") else "  "
        fitted += textwrap.wrap(line, width, subsequent_indent=indent) or [line]
    return fitted


def as_text(rows: list[TeamRow], today: date) -> list[str]:
    """Each report in a block, who needs attention first."""
    from tui1on1.domain.career import shorten
    from tui1on1.domain.team import (
        aspiration_words,
        exposure_words,
        promise_words,
        step_words,
        steps_into_words,
        weeks_ago,
    )
    from tui1on1.domain.text import safe_terminal_text

    if not rows:
        return [
            "No reports yet: the team view is for the people who report to you "
            "(tui1on1 people add NAME --relationship report)."
        ]
    lines = [
        f"Your team, who needs you first ({len(rows)} {'report' if len(rows) == 1 else 'reports'}):"
    ]
    for row in rows:
        name = safe_terminal_text(row.person.name)
        needs = "; ".join(a.words for a in row.attention) or "nothing pressing"
        aspiration = safe_terminal_text(shorten(aspiration_words(row, today), 70))
        lines += [
            "",
            f"{name} — {needs}",
            f"  aspiration     {aspiration}",
            f"  career talk    {weeks_ago(row.last_career_talk, today)}",
            f"  growth plan    {safe_terminal_text(_plan(row, today))}",
            f"  next step      {safe_terminal_text(step_words(row, today))}",
            f"  exposure       {exposure_words(row, today)}",
            f"  my promises    {promise_words(row)}",
        ]
        if row.steps_into:
            lines.append(f"  could step in  {safe_terminal_text(steps_into_words(row))}")
    return lines


def _plan(row: TeamRow, today: date) -> str:
    """The goal and the note cut, how it stands kept whole."""
    from tui1on1.domain.career import shorten
    from tui1on1.domain.team import plan_parts

    goal, status, note = plan_parts(row, today)
    if not goal:
        return "none open"
    return f"{shorten(goal, 60)} — {status}" + (f": {shorten(note, 60)}" if note else "")


def career_json(rows: list[TeamRow], today: date, weeks: int) -> dict[str, Any]:
    """``career_talk_due``: who hasn't had a career conversation in
    ``weeks`` weeks, as the header line orders them."""
    from tui1on1.domain.team_header import career_due

    return {
        "career_talk_due": {
            "weeks": weeks,
            "people": [
                {
                    "person": row.person.name,
                    "last_career_conversation": (
                        row.last_career_talk.isoformat() if row.last_career_talk else None
                    ),
                    "met": row.met,
                }
                for row, _words in career_due(rows, today, weeks)
            ],
        }
    }


def overview_json(roles: list[BenchRole], mirror: Mirror) -> dict[str, Any]:
    """``ready_now`` and ``ready_within_a_year`` (who could step into whose
    role, as the bench says) and ``listening`` (the mirror's pause and share
    of their talking points, its window)."""
    from tui1on1.domain.pausecue import WAIT_TIME_SECONDS
    from tui1on1.domain.succession import Readiness

    def ready(readiness: Readiness) -> list[dict[str, str]]:
        return [
            {"person": person.name, "role": role.title}
            for role in roles
            for person, backfill in role.candidates
            if backfill.readiness is readiness
        ]

    pause, agenda = mirror.figure("pause"), mirror.figure("agenda")
    return {
        "no_back_up": [role.title for role in roles if not role.covered],
        "ready_now": ready(Readiness.NOW),
        "ready_within_a_year": ready(Readiness.YEAR),
        "listening": {
            "weeks": mirror.window.weeks,
            "median_pause_seconds": pause.value,
            "questions_timed": pause.detail.get("timed", 0),
            "reached_mark": pause.detail.get("reached_mark", 0),
            "mark_seconds": WAIT_TIME_SECONDS,
            "their_talking_points_share": agenda.value,
        },
    }


def promises_json(rows: list[TeamRow]) -> dict[str, Any]:
    """``my_promises``: open and overdue across the team, and the one
    overdue longest (or null)."""
    from tui1on1.domain.team_header import longest_overdue

    longest = None
    if (found := longest_overdue(rows)) is not None:
        due, name, text = found
        longest = {"person": name, "text": text, "due": due.isoformat()}
    return {
        "my_promises": {
            "open": sum(row.open_mine for row in rows),
            "overdue": sum(row.promises.overdue for row in rows),
            "longest_overdue": longest,
        }
    }


def as_json(rows: list[TeamRow], today: date) -> dict[str, Any]:
    """``{"as_of", "team": [...]}``, who needs attention first; see the README."""
    return {"as_of": today.isoformat(), "team": [_row(row, today) for row in rows]}


def _row(row: TeamRow, today: date) -> dict[str, Any]:
    step = row.next_step
    return {
        "person": row.person.name,
        "role": row.person.role,
        "aspiration": row.aspiration,
        "aspiration_on": row.aspiration_on.isoformat() if row.aspiration_on else None,
        "last_career_conversation": (
            row.last_career_talk.isoformat() if row.last_career_talk else None
        ),
        "growth_plan": None
        if row.plan is None
        else {
            "goal": row.plan.goal,
            "status": row.plan.status.value,
            "opened_at": row.plan.opened.astimezone(UTC).isoformat(),
        },
        "steps_agreed": row.steps_agreed,
        "next_step": None
        if step is None
        else {
            "text": step.text,
            "due": step.due.isoformat() if step.due else None,
            "overdue": step.due is not None and step.due < today,
        },
        "last_exposure": row.last_exposure.isoformat() if row.last_exposure else None,
        "days_since_exposure": (today - row.last_exposure).days if row.last_exposure else None,
        "my_open_promises": row.open_mine,
        "kept_promise_percent": row.promises.percent,
        "my_overdue_promises": row.promises.overdue,
        "could_step_into": [{"role": title, "readiness": r.value} for title, r in row.steps_into],
        "role_backed_up": row.backed_up,
        "attention": [{"why": a.words, "weight": a.weight} for a in row.attention],
    }
