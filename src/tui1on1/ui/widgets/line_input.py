"""A one-line input whose Enter submits, in key order, exactly what was
typed before it (as the notes input does): Textual's own Enter is a binding,
which runs after the keys already queued, so in a fast burst ("option a⏎
option b⏎") the second line would join the first."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class LineInput(Input):
    async def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            value = self.value
            self.value = ""
            self.post_message(self.Submitted(self, value))

    def give_back(self, submitted: str) -> None:
        """Put a refused line back in front of anything typed since."""
        typed_since = self.value
        self.value = f"{submitted} {typed_since}".rstrip() if typed_since else submitted
        self.cursor_position = len(self.value)
