"""The career thread: what a person has said about their career, over time.

Notes answering questions in the aspiration, why, moonshot, strengths and plan
categories form the person's career thread: the latest answer per category
with its date. The Store gathers the :class:`CareerEntry` records
(``HistoryStore.career_thread``); :func:`format_thread` turns them into the
short rows the career panel shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from tui1on1.domain.text import safe_terminal_text

__all__ = [
    "CAREER_CATEGORIES",
    "CAREER_TITLES",
    "MAX_ANSWER_CHARS",
    "CareerEntry",
    "first_line",
    "format_thread",
    "shorten",
]

#: The question categories whose answers make up the thread, in display order.
CAREER_CATEGORIES: tuple[str, ...] = ("aspiration", "why", "moonshot", "strengths", "plan")

#: Short row labels (the bank's titles are too long for a side panel).
CAREER_TITLES: dict[str, str] = {
    "aspiration": "Aspiration",
    "why": "Why",
    "moonshot": "Moonshot",
    "strengths": "Strengths",
    "plan": "Plan",
}

#: How long the answer part of a row may be, ellipsis included.
MAX_ANSWER_CHARS = 70

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class CareerEntry:
    """The latest answer in one career category."""

    category: str  # one of CAREER_CATEGORIES
    answer: str  # the answering note's full text, as typed
    answered_at: datetime  # when the note was taken (aware, UTC)
    question: str  # the question as it was asked
    meeting_id: int


def first_line(text: str) -> str:
    """The first line of ``text`` after leading and trailing blanks are dropped.

    Only real line breaks split (not the other characters ``str.splitlines``
    treats as breaks, which are control characters to be shown escaped).
    """
    return _LINE_BREAK.split(text.strip(), maxsplit=1)[0].rstrip()


def shorten(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" if it was cut.

    The cut falls on a word boundary when one is close to the limit.
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _day(when: datetime, today: date, tz: tzinfo | None) -> str:
    local = when.astimezone(tz)
    if local.year == today.year:
        return f"{local.day} {local:%b}"
    return f"{local.day} {local:%b %Y}"


def format_thread(
    entries: Iterable[CareerEntry], today: date, *, tz: tzinfo | None = None
) -> list[tuple[str, str]]:
    """Rows of (category title, "12 Oct: wants to lead a team") for the panel.

    The answer is its first line, control characters escaped, shortened to
    :data:`MAX_ANSWER_CHARS`. Dates are shown in ``tz`` (local time when
    None), with the year only when it is not ``today``'s year. Rows come in
    the order given (``career_thread`` already returns them in
    :data:`CAREER_CATEGORIES` order).
    """
    rows: list[tuple[str, str]] = []
    for entry in entries:
        title = CAREER_TITLES.get(entry.category, entry.category.replace("-", " ").capitalize())
        answer = shorten(safe_terminal_text(first_line(entry.answer)))
        rows.append((safe_terminal_text(title), f"{_day(entry.answered_at, today, tz)}: {answer}"))
    return rows
