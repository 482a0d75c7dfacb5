"""The prompt card: the question to ask now, its probes, the coaching note
that makes it land, and its history."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui1on1.domain.meeting.views import PromptView


class PromptCard(Vertical):
    """Shows a PromptView; only a changed view is repainted.

    ``show`` is called ten times a second by the meeting's timer, and every
    ``Static.update`` asks for a full layout pass: repainting an unchanged
    card kept the screen re-laying out at 10 Hz, in front of every keystroke.
    """

    def __init__(self, waiting: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._last: PromptView | None = None
        self._waiting = waiting  # shown until the first prompt, in the very first frame

    def compose(self) -> ComposeResult:
        yield Static("", id="prompt-heading")
        yield Static(self._waiting, id="prompt-question")
        yield Static("", id="prompt-probes")
        yield Static("", id="prompt-note")
        yield Static("", id="prompt-memory")
        yield Static("", id="prompt-hint")

    def show(self, view: PromptView) -> None:
        if view == self._last:
            return
        self._last = view
        heading = Text(view.heading)
        if view.asked:
            heading.append(f"   {view.asked}", style="italic")
        self.query_one("#prompt-heading", Static).update(heading)
        self.query_one("#prompt-question", Static).update(Text(view.question))
        probes = "   ".join(f"· {p}" for p in view.probes)
        self.query_one("#prompt-probes", Static).update(Text(probes))
        for widget_id, value in (
            ("#prompt-note", view.note),
            ("#prompt-memory", view.memory),
            ("#prompt-hint", view.hint),
        ):
            widget = self.query_one(widget_id, Static)
            widget.update(Text(value))
            widget.set_class(not value, "-empty")  # a class, so layout CSS still rules
        self.set_class(bool(view.asked), "-asked")
