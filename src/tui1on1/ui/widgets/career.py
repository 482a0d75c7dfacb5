"""The person screen's career rows: each element's current value, its date,
and whether the latest career conversation changed it."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text

from tui1on1.domain.career import CareerThread, format_current
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


def current_rows(thread: CareerThread, today: date) -> list[tuple[str, Text]]:
    """(row id, text) per element with an entry, labels padded to one column:
    ``Aspiration      30 Nov: staff engineer  changed``."""
    rows = format_current(thread, today)
    if not rows:
        return []
    width = max(cell_len(title) for _e, title, _v, _c in rows)
    out: list[tuple[str, Text]] = []
    for element, title, value, change in rows:
        text = Text(title + " " * (width - cell_len(title)) + GAP)
        text.append(safe_terminal_text(value))
        if change:
            text.append(f"  {change}", style="bold")
        out.append((ROW_PREFIX + element.value, text))
    return out
