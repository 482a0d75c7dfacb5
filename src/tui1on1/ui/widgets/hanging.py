"""Text whose long lines wrap under themselves: a line's continuation starts
where its words did (past its leading spaces, and past a "• " bullet), not
at the left edge, so a list stays a list at any width."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text
from textual import events
from textual.widgets import Static

__all__ = ["HangingText", "hang"]

_BULLETS = ("• ", "- ")


def _indent(plain: str) -> int:
    lead = len(plain) - len(plain.lstrip(" "))
    return lead + (2 if plain[lead:].startswith(_BULLETS) else 0)


def hang(text: Text, width: int, console: Console) -> Text:
    """``text`` wrapped to ``width`` cells, each line's continuation indented
    as the line's words are (unchanged when ``width`` is too small to tell)."""
    out = Text(end="", no_wrap=True, overflow="fold")
    for number, line in enumerate(text.split("\n", allow_blank=True)):
        if number:
            out.append("\n")
        indent = _indent(line.plain)
        room = width - indent
        if room < 12 or line.cell_len <= width:
            out.append_text(line)
            continue
        out.append_text(line[:indent])
        for part, piece in enumerate(line[indent:].wrap(console, room, overflow="fold")):
            if part:
                out.append("\n" + " " * indent)
            piece.rstrip()
            out.append_text(piece)
    return out


class HangingText(Static):
    """A Static showing a Text with hanging indents, wrapped again when its
    width changes. ``set_text`` replaces the text."""

    def __init__(self, text: Text | str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._text = Text(text) if isinstance(text, str) else text
        self._wrapped_at = -1

    def on_mount(self) -> None:
        self._wrap()

    def set_text(self, text: Text | str) -> None:
        self._text = Text(text) if isinstance(text, str) else text
        self._wrapped_at = -1
        self._wrap()

    def on_resize(self, _event: events.Resize) -> None:
        self._wrap()

    def _wrap(self) -> None:
        width = self.content_region.width
        if width == self._wrapped_at:
            return
        self._wrapped_at = width
        self.update(hang(self._text, width, self.app.console) if width > 0 else self._text)
