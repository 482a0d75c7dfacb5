"""How the ordered writer reaches the UI: Textual messages, posted from its thread.

The writer runs its callbacks on its own thread and must never wait for the
UI (at exit the UI thread waits for the writer). Each callback the UI hands it
only posts a message (``post_message`` is thread-safe); the handlers run on
the UI loop, in order. Once the app has exited a message is dropped: what it
reports is already committed or journaled.
"""

from __future__ import annotations

from contextlib import suppress

from textual.message import Message
from textual.message_pump import MessagePump


def post_from_writer(target: MessagePump, message: Message) -> None:
    """Post ``message`` to ``target`` from the writer thread."""
    with suppress(RuntimeError):  # the loop has closed: the app has exited
        target.post_message(message)


class WriterStatus(Message):
    """The database stopped (``problem``) or started again (None) taking writes."""

    def __init__(self, problem: str | None) -> None:
        super().__init__()
        self.problem = problem
