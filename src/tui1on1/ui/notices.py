"""Wording for notifications: several start-up problems in one, and lines
wrapped between words so a path or a command is never split."""

from __future__ import annotations

import re
import textwrap

from tui1on1.domain.text import clip, plural

#: A refused rebinding, as ui.keys says it: '"ask" can't use ctrl+a: the
#: notes input uses it to …; keeping ctrl+g'.
_REFUSED = re.compile(r'^(?P<what>"[^"]+") can\'t use (?P<key>[^:]+): .*; keeping (?P<kept>.+)$')
SHORT_PROBLEM = 90


def short_problem(problem: str) -> str:
    """One of several problems in one notification, short enough to keep
    the notification small: '"ask" keeps ctrl+g (ctrl+a is taken)'."""
    refused = _REFUSED.match(problem)
    if refused:
        return f"{refused['what']} keeps {refused['kept']} ({refused['key']} is taken)"
    return clip(problem, SHORT_PROBLEM)


TOAST_LINE = 100


def toast_lines(message: str, width: int = TOAST_LINE) -> str:
    """``message`` with each line longer than ``width`` wrapped between words."""
    return "\n".join(
        "\n".join(
            textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""]
        )
        for line in message.splitlines()
    )


def bullets(lines: list[str]) -> str:
    """One line each, bulleted, for a notification holding several."""
    return "\n".join(f"• {line}" for line in lines)


def several_problems(title: str, problems: list[str]) -> tuple[str, str]:
    """Warnings found together, as one notification's title and message
    (one at a time are shown, so several would hide each other): one line each."""
    if len(problems) == 1:
        return title, problems[0]
    return (
        f"{title}: {plural(len(problems), 'problem')}",
        bullets([short_problem(problem) for problem in problems]),
    )
