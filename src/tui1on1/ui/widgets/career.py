"""The career panel: the person's career thread, one short row per category."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui1on1.domain.career import CareerThread, format_current
from tui1on1.domain.text import safe_terminal_text

TITLE = "Career thread"
EMPTY = "Nothing yet: ask about their aspiration."
GAP = "  "


def current_rows(thread: CareerThread, today: date) -> list[tuple[str, str]]:
    """The panel's rows: each element's current value, and "changed"/"new"
    when the latest career conversation set it."""
    return [
        (title, f"{value}  ({change})" if change else value)
        for _element, title, value, change in format_current(thread, today)
    ]


def render_rows(rows: list[tuple[str, str]]) -> Text:
    """The rows as plain text, labels padded to one column:
    ``Aspiration  12 Oct: wants to lead a team``."""
    if not rows:
        return Text(EMPTY)
    labels = [safe_terminal_text(label) for label, _ in rows]
    width = max(cell_len(label) for label in labels)
    body = Text(no_wrap=False)
    for i, (label, (_, value)) in enumerate(zip(labels, rows, strict=True)):
        if i:
            body.append("\n")
        body.append(label + " " * (width - cell_len(label)) + GAP)
        body.append(safe_terminal_text(value))
    return body


class CareerPanel(Vertical):
    """A small titled list built from ``domain.career.format_thread`` rows.

    Styling is left to the stylesheet: ``#career-title``, ``#career-rows``,
    and the ``-empty`` class on the panel and its rows while nothing has
    been answered yet.
    """

    def compose(self) -> ComposeResult:
        self.add_class("-empty")
        yield Static(Text(TITLE), id="career-title")
        yield Static(Text(EMPTY), id="career-rows", classes="-empty")

    def show(self, rows: list[tuple[str, str]]) -> None:
        body = self.query_one("#career-rows", Static)
        body.update(render_rows(rows))
        body.set_class(not rows, "-empty")
        self.set_class(not rows, "-empty")
