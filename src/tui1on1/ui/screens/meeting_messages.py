"""What the ordered writer tells the meeting screen, as Textual messages.

The writer runs its callbacks on its own thread; each callback the screen
hands it only posts one of these to the screen (``post_message`` is
thread-safe), and the screen's handlers run on the UI loop, in order. Once
the screen is gone (the meeting ended, the app quit) a message is dropped:
what it reports is already committed or journaled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from tui1on1.domain.records import ActionItem, Note
from tui1on1.ui.writer_messages import post_from_writer

if TYPE_CHECKING:  # SQLAlchemy stays unloaded until the database is opened
    from tui1on1.storage.discard import DiscardResult


__all__ = [
    "MeetingDiscarded",
    "NoteEditDone",
    "NoteKept",
    "NoteNotSaved",
    "NoteSaved",
    "post_from_writer",
]


class NoteSaved(Message):
    """A new note (and its action item) is committed."""

    def __init__(self, uid: str, saved: tuple[Note, ActionItem | None]) -> None:
        super().__init__()
        self.uid = uid
        self.note, self.action = saved


class NoteKept(Message):
    """The journal has a row's change (``safe``), or nothing could be written."""

    def __init__(self, key: str, safe: bool) -> None:
        super().__init__()
        self.key = key
        self.safe = safe


class NoteNotSaved(Message):
    """A new note could not be saved: not yet (journaled, retried) or never."""

    def __init__(self, uid: str, error: Exception) -> None:
        super().__init__()
        self.uid = uid
        self.error = error


class NoteEditDone(Message):
    """An edited (or career-marked) note is committed (``saved``), is being
    retried, or was refused for good (``refused``: why, e.g. deleted in
    another window). ``mark_before``: for a mark, what to show again if
    refused (a one-item tuple: the mark may itself be None);
    ``private_before``: a private/shared change to take back if refused."""

    def __init__(
        self,
        key: str,
        saved: bool,
        refused: str = "",
        mark_before: tuple[str | None] | None = None,
        private_before: bool = False,
    ) -> None:
        super().__init__()
        self.key = key
        self.saved = saved
        self.refused = refused
        self.mark_before = mark_before
        self.private_before = private_before


class MeetingDiscarded(Message):
    def __init__(self, result: DiscardResult) -> None:
        super().__init__()
        self.result = result


class DiscardFailed(Message):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
