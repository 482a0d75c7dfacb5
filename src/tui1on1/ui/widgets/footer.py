"""A footer that gives up its least important keys first when it is narrow.

Textual's Footer shows the keys in binding order and cuts whatever doesn't
fit at the right, which is where End and Help are. This one drops keys by
rank until the rest fits, keeps the others in binding order, and shows ^p
(the command palette, where every command is) at the right when it fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

# Textual 8.2 does not export the footer's key widget (textual.widgets has
# only Footer); it is only recognised here, never subclassed or patched.
# Should it move, the footer shows every key as Textual's own does, cut at
# the right, instead of failing.
FOOTER_KEY: type[FooterKey] | None
try:
    from textual.widgets._footer import FooterKey

    FOOTER_KEY = FooterKey
except ImportError:  # pragma: no cover - a Textual that moved it
    FOOTER_KEY = None


def key_width(key_display: str, description: str, palette: bool = False) -> int:
    """Columns a compact footer key takes: 'key description' and its margin
    (the palette's key, docked at the right edge, has a left border instead)."""
    width = cell_len(key_display) + 1
    if description:
        width += 1 + cell_len(description)
    return width


def keys_that_fit(keys: Sequence[tuple[str, int]], ranked: Sequence[str], width: int) -> set[int]:
    """Indexes of the (action, columns) ``keys`` to show in ``width``: the
    lowest ranked go first (actions not in ``ranked`` before all of them,
    the later bound first) until the rest fits."""
    rank = {action: i for i, action in enumerate(ranked)}
    kept = set(range(len(keys)))
    used = sum(columns for _action, columns in keys)
    dropping = sorted(kept, key=lambda i: (rank.get(keys[i][0], len(ranked)), i), reverse=True)
    for index in dropping:
        if used <= width:
            break
        kept.discard(index)
        used -= keys[index][1]
    return kept


class RankedFooter(Footer):
    """A compact footer keeping the actions in ``ranked`` longest, the first
    longest of all (actions are named without their namespace: "help",
    "edit_note", "command_palette")."""

    def __init__(self, ranked: Sequence[str], **kwargs: Any) -> None:
        super().__init__(compact=True, **kwargs)
        self.ranked = tuple(ranked)
        self._width = 0

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        footer_key = FOOTER_KEY
        if footer_key is None:
            yield from widgets
            return
        keys = [w for w in widgets if isinstance(w, footer_key)]
        self._width = self.app.size.width
        measured = [
            (
                key.action.rpartition(".")[2],
                key_width(key.key_display, key.description, key.has_class("-command-palette")),
            )
            for key in keys
        ]
        kept = {id(keys[i]) for i in keys_that_fit(measured, self.ranked, self._width)}
        for widget in widgets:
            if not isinstance(widget, footer_key) or id(widget) in kept:
                yield widget

    def on_resize(self, _event: events.Resize) -> None:
        if self.app.size.width != self._width:
            self.call_after_refresh(self.recompose)
