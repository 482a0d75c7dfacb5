"""The meeting clock: big remaining time, its state in words, whose 1:1 it
is, the end time, and the agenda segments with the current one marked.

The widget holds no time of its own: ``show`` is given what the domain clock
derived, and only repaints what changed.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from tui1on1.domain.clock import ClockState
from tui1on1.domain.meeting.views import ClockView
from tui1on1.domain.text import clip, safe_terminal_text

STATE_WORDS = {
    ClockState.ON_TRACK: "ON TRACK",
    ClockState.WRAP_UP: "WRAP-UP",
    ClockState.OVERTIME: "OVERTIME",
}


def _fit(text: str, width: int) -> str:
    """``text`` clipped (ending in "…") to ``width`` terminal cells."""
    limit = width
    while limit > 0 and cell_len(clipped := clip(text, limit)) > width:
        limit -= 1
    return clipped if limit > 0 else ""


def who_text(name: str, role: str, width: int) -> str:
    """'Priya Raman · Staff engineer' in ``width`` cells: the role is
    shortened first, then left out, and only then is the name shortened."""
    if not role or cell_len(f"{name} · {role}") <= width:
        return _fit(f"{name} · {role}" if role else name, width)
    room = width - cell_len(name) - 3
    if room >= 4:
        return f"{name} · {_fit(role, room)}"
    return _fit(name, width)


class WhoLabel(Static):
    """Whose 1:1 it is, fitted to the label's width whenever that changes."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self._who = ("", "")

    def show_person(self, name: str, role: str) -> None:
        self._who = (safe_terminal_text(name), safe_terminal_text(role))
        self._refit()

    def on_resize(self, _event: events.Resize) -> None:
        self._refit()

    def _refit(self) -> None:
        width = self.content_region.width or self.app.size.width
        self.update(Text(who_text(*self._who, width)))


class SegmentBar(Static):
    COMPONENT_CLASSES = {"segment-bar--current", "segment-bar--done"}

    def show(self, titles: tuple[str, ...], current: int) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        current_style = self.get_component_rich_style("segment-bar--current")
        done_style = self.get_component_rich_style("segment-bar--done")
        for i, title in enumerate(titles):
            if i:
                text.append(" › ", style=done_style)
            if i == current:
                text.append(f" {title} ", style=current_style)
            else:
                text.append(title, style=done_style if i < current else "")
        self.update(text)


class ClockPanel(Vertical):
    """Shows a ClockView; state classes (-on-track, -wrap-up, -overtime) style it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._last: ClockView | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="clock-row"):
            yield Digits("--:--", id="remaining")
            with Vertical(id="clock-side"):
                with Horizontal(id="clock-top"):
                    yield Static("", id="clock-state")
                    yield WhoLabel(id="clock-who")
                yield Static("", id="clock-ends")
                # Below 50x15 there is no room beside the state: the person
                # takes the end time's line instead.
                yield WhoLabel(id="clock-who-line")
                yield Static("", id="segment-left")
        yield SegmentBar(id="segment-bar")

    def show_person(self, name: str, role: str) -> None:
        for label in self.query(WhoLabel):
            label.show_person(name, role)

    def show(self, view: ClockView) -> None:
        last = self._last
        self._last = view
        if last is None or last.remaining != view.remaining:
            self.query_one("#remaining", Digits).update(view.remaining)
        if last is None or last.state != view.state or last.paused != view.paused:
            for state in ClockState:
                self.set_class(state == view.state, f"-{state.name.lower().replace('_', '-')}")
            self.set_class(view.paused, "-paused")
            label = STATE_WORDS[view.state] + ("  ·  PAUSED" if view.paused else "")
            self.query_one("#clock-state", Static).update(label)
        if last is None or last.ends != view.ends:
            self.query_one("#clock-ends", Static).update(view.ends)
        if last is None or last.segment_left != view.segment_left:
            self.query_one("#segment-left", Static).update(Text(view.segment_left))
        if (
            last is None
            or last.segment_index != view.segment_index
            or last.segment_titles != view.segment_titles
        ):
            self.query_one(SegmentBar).show(view.segment_titles, view.segment_index)
