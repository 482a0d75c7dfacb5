"""The person screen's career rows: each element's current value, its date,
and whether the latest career conversation changed it."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text

from tui1on1.domain.career import MAX_ANSWER_CHARS, CareerThread, format_current, shorten
from tui1on1.domain.kinds import CareerElement
from tui1on1.domain.text import safe_terminal_text

EMPTY = "Nothing yet: ask about their aspiration."
GAP = "  "
ROW_PREFIX = "career-"


def row_element(key: str) -> CareerElement | None:
    """The element a row's id names (None for any other row)."""
    if not key.startswith(ROW_PREFIX):
        return None
    try:
        return CareerElement(key.removeprefix(ROW_PREFIX))
    except ValueError:
        return None


def current_rows(thread: CareerThread, today: date, width: int = 80) -> list[tuple[str, Text]]:
    """(row id, text) per element with an entry, labels padded to one column,
    each row on one line of ``width`` cells (the answer shortened with "…"):
    ``Aspiration      30 Nov: staff engineer  changed``."""
    rows = format_current(thread, today, limit=MAX_ANSWER_CHARS)
    if not rows:
        return []
    labels = max(cell_len(title) for _e, title, _v, _c in rows)
    out: list[tuple[str, Text]] = []
    for element, title, value, change in rows:
        room = width - labels - len(GAP) - (len(change) + 2 if change else 0)
        text = Text(title + " " * (labels - cell_len(title)) + GAP)
        text.append(shorten(safe_terminal_text(value), max(room, 20)))
        if change:
            text.append(f"  {change}", style="bold")
        out.append((ROW_PREFIX + element.value, text))
    return out
