"""The focusable parts of the between-meetings screens.

- :class:`OpenList` and :class:`OpenTable`: lists whose Enter opens the
  highlighted row, with "Open" in the footer while they have the focus.
- :class:`Pane`: a block of text that can overflow; Tab reaches it and the
  arrow and page keys scroll it.

Their focus is drawn by app.tcss (a bar in the theme's accent colour and the
cursor row in full colour), never by a change of shade alone.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, OptionList


def one_line(text: str) -> str:
    """The first line of ``text``; "…" marks that more lines were left out."""
    lines = text.strip().splitlines() or [""]
    return lines[0].rstrip() + ("…" if len(lines) > 1 else "")


class OpenList(OptionList):
    """An option list whose Enter opens the highlighted row."""

    BINDINGS = [Binding("enter", "select", "Open", tooltip="Open the highlighted row")]

    def highlight_first(self) -> None:
        """Highlight the first row that can be opened, if nothing is."""
        if self.highlighted is not None:
            return
        for index, option in enumerate(self.options):
            if not option.disabled:
                self.highlighted = index
                return


class OpenTable(DataTable[str]):
    """A row-cursor table whose Enter opens the highlighted row."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", tooltip="Open the highlighted row")]


class Pane(VerticalScroll, can_focus=True):
    """A block of text that may be taller than its room: Tab reaches it,
    Up/Down/PgUp/PgDn/Home/End scroll it."""
