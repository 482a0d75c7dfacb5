"""The pause cue: calm words and a slowly filling bar after a question.

It never takes focus, never sounds, never blinks. Its height is reserved, so
appearing and fading never moves the rest of the screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from tui1on1.domain.meeting.views import CueView

IDLE_HINT = "Ask it aloud, then press Ask: the cue helps you hold the silence."


class PauseCueBar(Horizontal):
    can_focus = False

    idle_hint = IDLE_HINT

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._last: tuple[str | None, str, int] | None = None  # message, hint, progress

    def compose(self) -> ComposeResult:
        yield Static(self.idle_hint, id="cue-message")
        yield ProgressBar(total=1000, show_eta=False, show_percentage=False, id="cue-bar")

    def show(self, view: CueView) -> None:
        """A message None = idle (the hint, no bar); a closing line shows
        without the bar. Called ten times a second: only a change is
        repainted (each update costs a layout pass)."""
        message = view.message
        shown = (message, self.idle_hint, int(view.progress * 1000))
        if shown == self._last:
            return
        self._last = shown
        self.set_class(message is not None and not view.closing, "-active")
        self.set_class(message is not None and view.closing, "-closing")
        shown_text = self.idle_hint if message is None else message
        self.query_one("#cue-message", Static).update(shown_text)
        self.query_one("#cue-bar", ProgressBar).update(progress=shown[2])
