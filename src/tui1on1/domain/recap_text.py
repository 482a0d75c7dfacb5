"""The small text rules of the recap to send: tags taken out, dates that
can't be misread, control characters shown escaped, Markdown list items.

Pure functions; :mod:`tui1on1.domain.recap` puts them together.
"""

from __future__ import annotations

from datetime import date

# The one tag rule (see the grammar's docstring): what it calls a tag is what
# is taken out here, so ``C#``, ``#1`` and ``a.com/#x`` stay.
from tui1on1.domain.tags import TAG_RE
from tui1on1.domain.text import safe_terminal_text

_CLOSING = ".,;:!?)]}»”’"
_SEPARATORS = ",;:"


def strip_tags(text: str) -> str:
    """``text`` without its ``#tags``, and without the spaces they leave.

    ``shipped it #win.`` reads ``shipped it.``; ``#growth wants to lead``
    reads ``wants to lead``; ``pair on C# #plan`` reads ``pair on C#``.
    """
    pieces: list[str] = []
    start = 0
    for match in TAG_RE.finditer(text):
        tag = match[1].rstrip("/-")
        if not any(char.isalpha() for char in tag):
            continue
        pieces.append(text[start : match.start()])
        start = match.start() + 1 + len(tag)
    if not pieces:
        return text
    pieces.append(text[start:])
    result = pieces[0]
    for piece in pieces[1:]:
        result = _join(result, piece)
    return "\n".join(line.rstrip() for line in result.strip().split("\n"))


def _join(left: str, right: str) -> str:
    """``left`` and ``right``, where a tag stood between them."""
    trimmed = left.rstrip(" \t")
    if not trimmed or trimmed.endswith("\n"):
        return trimmed + right.lstrip(" \t")
    if not right or right[0] in " \t\n" or right[0] in _CLOSING:
        if trimmed[-1] in _SEPARATORS and right[:1] in (",", ";"):
            right = right[1:]
        return trimmed + right
    return left + right


def day(value: date) -> str:
    """``2026-12-04 (Fri)``: the ISO date, which no reader takes for another
    day, and the weekday to place it in the week."""
    return f"{value.isoformat()} ({value:%a})"


def clean(text: str) -> str:
    """User text for the recap: tags out, control characters escaped."""
    return safe_terminal_text(strip_tags(text), keep_newlines=True).replace("\t", " ")


def bullet(text: str) -> str:
    """A Markdown list item; the lines after the first are indented so they
    stay in the item (their own leading spaces are dropped). No line ends in
    spaces (they paste as line breaks) and blank lines inside are left out
    (they would loosen the whole list)."""
    first, *rest = text.split("\n")
    lines = [f"- {first}".rstrip()]
    lines += [f"  {line.strip()}" for line in rest if line.strip()]
    return "\n".join(lines)
