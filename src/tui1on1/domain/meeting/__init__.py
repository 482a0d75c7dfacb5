"""The live meeting as plain Python: no Textual, no SQLAlchemy, no storage.

``MeetingModel`` owns the meeting's state (clock, agenda position, prompts,
pause cue, notes and their save states, the summary); the meeting screen
renders its views and forwards keys to it.
"""

from tui1on1.domain.meeting.asked import (
    AskedQuestionLine,
    AskedRef,
    MeetingQuestion,
    Summary,
    new_uid,
)
from tui1on1.domain.meeting.model import MeetingModel
from tui1on1.domain.meeting.notes import (
    ActionEdit,
    DiscardCounts,
    MeetingNotes,
    NoteEdit,
    NoteRow,
    Refused,
    SaveState,
    local_day,
)
from tui1on1.domain.meeting.prompt_text import WRAP_UP_HINT
from tui1on1.domain.meeting.views import ClockView, CueView, PromptView

__all__ = [
    "WRAP_UP_HINT",
    "ActionEdit",
    "AskedQuestionLine",
    "AskedRef",
    "ClockView",
    "CueView",
    "DiscardCounts",
    "MeetingModel",
    "MeetingNotes",
    "MeetingQuestion",
    "NoteEdit",
    "NoteRow",
    "PromptView",
    "Refused",
    "SaveState",
    "Summary",
    "local_day",
    "new_uid",
]
