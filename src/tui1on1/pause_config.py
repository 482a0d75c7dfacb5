"""The config file's ``[pause]`` table: how long the pause cues run.

``pause_seconds`` (at the top of the file) gives every question one length;
``[pause]`` gives some kinds of question (a category of the bank) their own,
and sets the second wait after the first answer and the breath before
answering (managing up). Plain Python, read before the first frame.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field

from tui1on1.domain.pausecue import BREATH_SECONDS, SECOND_WAIT_SECONDS, PauseLengths
from tui1on1.schema import is_number

# In [pause], besides a length for each kind of question (category).
PAUSE_OPTIONS = ("second_wait", "second_wait_seconds", "breath_seconds")


@dataclass
class PauseTable:
    by_category: dict[str, float] = field(default_factory=dict)
    second_wait: bool | None = None
    second_wait_seconds: float | None = None
    breath_seconds: float | None = None
    problems: list[str] = field(default_factory=list)


def read_pause_table(raw: Mapping[str, object], *, every: float | None = None) -> PauseTable:
    """``[pause]``: a length (1 to 60 seconds) for some kinds of question,
    and the second wait and the breath. Each problem is one sentence, in the
    file's order; what is wrong keeps its default (for a kind of question:
    ``every``, the valid ``pause_seconds``, if set)."""
    if not raw:
        return PauseTable()
    from tui1on1.questions.bank import CATEGORIES  # only when the table is there

    read = PauseTable()
    for key, value in raw.items():
        if key == "second_wait":
            if isinstance(value, bool):
                read.second_wait = value
            else:
                read.problems.append("[pause] second_wait must be true or false; keeping true")
        elif key in PAUSE_OPTIONS or key in CATEGORIES:
            seconds = _seconds(key, value, read.problems, every)
            if seconds is None:
                continue
            if key == "second_wait_seconds":
                read.second_wait_seconds = seconds
            elif key == "breath_seconds":
                read.breath_seconds = seconds
            else:
                read.by_category[key] = seconds
        else:
            read.problems.append(_unknown_pause_key(key, CATEGORIES))
    return read


def _seconds(key: str, value: object, problems: list[str], every: float | None) -> float | None:
    """A length in seconds from 1 to 60, or None (and why, in ``problems``)."""
    if is_number(value) and 1 <= value <= 60:
        return float(value)
    if key == "second_wait_seconds":
        default = SECOND_WAIT_SECONDS
    elif key == "breath_seconds":
        default = BREATH_SECONDS
    else:
        default = PauseLengths(every=every).for_category(key)
    problems.append(f"[pause] {key} must be a number of seconds from 1 to 60; using {default:g}")
    return None


def _unknown_pause_key(key: str, categories: tuple[str, ...]) -> str:
    known = [*categories, *PAUSE_OPTIONS]
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"kinds of question: {', '.join(categories)}"
    return f"[pause] no kind of question '{key}' ({hint}); ignored"
