"""The meeting screen's commands in the palette (and on the help screen)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from tui1on1.ui.screens.meeting import MeetingScreen

# Command palette entries: (title, help, action). The titles are part of the
# user-facing contract (README, help screen); keep them stable.
PALETTE = (
    ("Ask prompt", "Mark the current question asked and start the pause cue", "ask"),
    ("Why? follow-up", "Follow up with why; the pause cue runs again", "why"),
    (
        "Breath before I answer",
        "A short cue for you to take a breath before you answer (managing up)",
        "breath",
    ),
    ("Next prompt", "Show the next question for this segment", "next_prompt"),
    ("Previous prompt", "Go back to the previous question", "previous_prompt"),
    ("Next segment", "Move on to the next agenda segment", "next_segment"),
    ("Pause/resume timer", "Stop or restart the meeting clock", "toggle_pause"),
    ("Extend 5 minutes", "Add five minutes to the planned length", "extend"),
    ("End meeting", "End the 1:1 (it asks first) and see the summary", "end_meeting"),
    (
        "Discard this 1:1",
        "Started by mistake? Remove it; it is kept in a file tui1on1 import brings back",
        "discard_meeting",
    ),
    ("Pick question", "Search the whole question bank and ask any question", "pick_question"),
    ("Switch playbook", "Choose another agenda (before the first question)", "switch_playbook"),
    (
        "Career thread",
        "Their aspiration, why, moonshot, strengths and plan step, every entry over time",
        "toggle_career",
    ),
    (
        "Growth plan",
        "Their goal, the options they see, the one agreed, steps, how it stands",
        "growth_plan",
    ),
)


def meeting_commands(screen: MeetingScreen) -> Iterator[SystemCommand]:
    """The palette's commands for the actions the screen offers now."""
    for title, help_text, action in PALETTE:
        if not screen.check_action(action, ()):
            continue
        yield SystemCommand(title, help_text, partial(screen.run_action, action))
