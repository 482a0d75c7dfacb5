"""The keys line at the bottom of every screen: one widget drawn as one line.

Textual's Footer composes a widget per key, and composes them again each time
the screen's bindings change: once just after the first frame (its first
compose is empty), and again when the meeting loads. At start-up that rebuild
was tens of milliseconds of styling and layout between the first frame and the
data. This line reads the screen's active bindings when it is drawn, so a
change of bindings, a rebound key or a resize only draws it again.

It looks as Textual's compact footer does: each key then its description, the
palette's key at the right edge after a thin rule. When the line is narrow it
gives up whole keys, the least important first (``ranked``: the actions kept
longest, first of all; by default the palette's key, Help and Back), never
cutting one in half. A key pressed with the mouse is the key pressed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

PALETTE_ACTION = "command_palette"
# Kept longest on a screen that ranks nothing: the palette's key (every
# command is there), Help (F1 lists every key the line has no room for), Back.
KEPT_LONGEST = (PALETTE_ACTION, "help", "pop_screen")
EDGE = "▏"  # Textual's "vkey" border, as its footer draws before the palette's key


@dataclass(frozen=True)
class ShownKey:
    """A key as the line shows it."""

    key: str  # what pressing it sends
    key_display: str  # as shown: "^o", "f1", a rebound key
    description: str
    action: str  # without its namespace: "end_meeting", "command_palette"
    enabled: bool
    tooltip: str

    @property
    def palette(self) -> bool:
        return self.action == PALETTE_ACTION

    @property
    def columns(self) -> int:
        """Columns it takes, with the space after it (or, for the palette's
        key at the right edge, the rule before it)."""
        width = cell_len(self.key_display) + 1
        if self.description:
            width += 1 + cell_len(self.description)
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


class KeysLine(Widget, can_focus=False):
    """The screen's keys in one line (see the module's docstring)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keys-line--key",
        "keys-line--description",
        "keys-line--edge",
        "keys-line--hover",
    }
    DEFAULT_CSS = """
    KeysLine {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .keys-line--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-line--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-line--edge {
            color: $foreground 20%;
            background: $footer-item-background;
        }
        .keys-line--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, ranked: Sequence[str] = (), *, palette: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ranked = tuple(ranked) if ranked else KEPT_LONGEST
        self.show_palette = palette
        self._spans: list[tuple[int, int, ShownKey]] = []  # drawn: from, to, key
        self._hover: ShownKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[Any]) -> None:
        self.refresh()

    # --- what is shown ---------------------------------------------------------

    def keys(self) -> list[ShownKey]:
        """Every key the screen shows now, in binding order, the palette's last."""
        app = self.app
        seen: set[str] = set()
        shown: list[ShownKey] = []
        palette: ShownKey | None = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            one = ShownKey(
                key=key,
                key_display=app.get_key_display(binding),
                description=binding.description,
                action=binding.action.rpartition(".")[2],
                enabled=active.enabled,
                tooltip=active.tooltip or binding.tooltip or binding.description,
            )
            if key == app.COMMAND_PALETTE_BINDING and one.palette:
                if self.show_palette and app.ENABLE_COMMAND_PALETTE:
                    palette = one
                continue
            if not binding.show or binding.action in seen:
                continue  # Textual's footer shows an action once, by its first key
            seen.add(binding.action)
            shown.append(one)
        return [*shown, palette] if palette is not None else shown

    def shown(self) -> list[ShownKey]:
        """The keys that fit the line's width now, in the order drawn."""
        keys = self.keys()
        # The last key needs no space after it (nor before the palette's rule).
        width = self.size.width + 1
        fit = keys_that_fit([(k.action, k.columns) for k in keys], self.ranked, width)
        return [key for i, key in enumerate(keys) if i in fit]

    # --- drawing ---------------------------------------------------------------

    def render(self) -> Text:
        width = self.size.width
        keys = self.shown()
        key_style = self.get_component_rich_style("keys-line--key")
        description_style = self.get_component_rich_style("keys-line--description")
        hover_style = self.get_component_rich_style("keys-line--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, ShownKey]] = []
        left = [k for k in keys if not k.palette]
        for key in left:
            start = line.cell_len
            self._draw(line, key, key_style, description_style, hover_style)
            spans.append((start, line.cell_len, key))
            line.append(" ")
        palette = next((k for k in keys if k.palette), None)
        if palette is not None:
            room = width - line.cell_len - palette.columns
            if room < 0:  # an exact fit: the rule takes the last key's space
                line.right_crop(-room)
            line.append(" " * max(0, room))
            line.append(EDGE, self.get_component_rich_style("keys-line--edge"))
            start = line.cell_len
            self._draw(line, palette, key_style, description_style, hover_style)
            spans.append((start, line.cell_len, palette))
        self._spans = spans
        return line

    def _draw(
        self, line: Text, key: ShownKey, key_style: Style, description: Style, hover: Style
    ) -> None:
        dim = Style(dim=True) if not key.enabled else Style()
        over = hover if key == self._hover else Style()
        line.append(key.key_display, key_style + dim + over)
        if key.description:
            line.append(" " + key.description, description + dim + over)

    # --- the mouse ---------------------------------------------------------------

    def _key_at(self, x: int) -> ShownKey | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is not None and key.enabled:  # a disabled key does nothing (never a beep)
            self.app.simulate_key(key.key)
