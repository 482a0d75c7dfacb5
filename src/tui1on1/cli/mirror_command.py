"""`tui1on1 mirror [--weeks 4|12] [--json]`: how you run your 1:1s.

Six figures over the last 4 (or 12) weeks, worked out from what is on file
(the rules are :mod:`tui1on1.domain.mirror`'s): each with its value, a bar a
week (oldest first, ``·`` for a week with nothing to measure) and one
sentence. Nothing is stored, so nothing of it is ever exported.
``--json`` prints :func:`as_json`'s shape (documented in the README).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui1on1.cli import EXIT_OK
from tui1on1.cli.run import fail, open_or_say
from tui1on1.settings import Settings

if TYPE_CHECKING:
    from tui1on1.domain.mirror import Mirror

TITLE_WIDTH = 24


def now() -> datetime:
    """This moment, in UTC (tests replace this)."""
    return datetime.now(UTC)


def mirror(settings: Settings, args: argparse.Namespace) -> int:
    from tui1on1.cli.questions_command import all_playbooks
    from tui1on1.domain.mirror import Window, build_mirror
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import StoreError

    moment = now()
    window = Window(args.weeks, moment.astimezone().date())
    playbooks, problems = all_playbooks(settings)
    for problem in problems:
        print(f"tui1on1: warning: {safe_terminal_text(str(problem))}", file=sys.stderr)
    store, code = open_or_say(settings)
    if store is None:
        return code
    try:
        data = store.mirror_data(window.reads_from(), promises_since=window.start)
    except StoreError as exc:
        return fail(str(exc))
    finally:
        store.close()
    result = build_mirror(data, playbooks, moment, weeks=args.weeks)
    if args.json:
        print(json.dumps(as_json(result), indent=2, ensure_ascii=True))
    else:
        sys.stdout.write("".join(f"{line}\n" for line in as_text(result)))
    return EXIT_OK


def as_text(result: Mirror) -> list[str]:
    """The plain output: a heading, then each figure's title, its bars a
    week and its value, and its sentence under it."""
    from tui1on1.domain.duedates import format_day
    from tui1on1.domain.text import safe_terminal_text

    window = result.window
    first, last = format_day(window.start, window.today), format_day(window.today, window.today)
    lines = [f"Your 1:1s in {window.span()} ({first} – {last}), oldest week first"]
    for figure in result.figures:
        head = f"{figure.title.ljust(TITLE_WIDTH)}{figure.trend()}"
        lines += ["", f"{head}  {figure.shown}".rstrip()]
        lines.append(f"  {safe_terminal_text(figure.sentence)}")
    return lines


def as_json(result: Mirror) -> dict[str, Any]:
    """``{"weeks", "since", "until", "week_starts", "figures": [...]}``; each
    figure: ``figure``, ``title``, ``value`` (null with nothing to measure),
    ``shown``, ``weekly`` (null for a week with nothing to measure),
    ``sentence`` and ``detail`` (its counts)."""
    window = result.window
    return {
        "weeks": window.weeks,
        "since": window.start.isoformat(),
        "until": window.today.isoformat(),
        "week_starts": [day.isoformat() for day in window.week_starts()],
        "figures": [
            {
                "figure": figure.key,
                "title": figure.title,
                "value": figure.value,
                "shown": figure.shown,
                "weekly": list(figure.weekly),
                "sentence": figure.sentence,
                "detail": dict(figure.detail),
            }
            for figure in result.figures
        ],
    }
