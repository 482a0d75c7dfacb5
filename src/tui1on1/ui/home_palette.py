"""Home's commands in the palette (and on the help screen), each naming its key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tui1on1.ui.career_series import palette_help, start_career
from tui1on1.ui.keys import bound_key

if TYPE_CHECKING:
    from tui1on1.ui.screens.home import HomeScreen


def home_commands(screen: HomeScreen) -> Iterator[SystemCommand]:
    def key(binding_id: str) -> str:
        return f" ({bound_key(screen.app, type(screen), binding_id)})"

    yield SystemCommand(
        "Start 1:1", "With the highlighted person" + key("home_meet"), screen.action_meet
    )
    row = screen.selected()
    if (found := screen.career_suggestion(row)) is not None and row is not None:
        yield SystemCommand(
            "Start career conversation",
            palette_help(screen.app.services, found, ""),
            lambda: start_career(screen, row.person, found),
        )
    yield SystemCommand(
        "Resume live meeting", "Pick up a 1:1 left running" + key("home_resume"),
        screen.action_resume_live,
    )  # fmt: skip
    yield SystemCommand(
        "Talking point for the next 1:1",
        "Something to raise with the highlighted person, theirs or mine" + key("home_topic"),
        screen.action_talking_point,
    )
    yield SystemCommand(
        "Archive or bring back",
        "Hide the highlighted person (never deleted), or bring them back" + key("home_archive"),
        screen.action_archive,
    )
    label = "Hide archived people" if screen.show_archived else "Show archived people"
    yield SystemCommand(
        label, "Archived people are hidden, never deleted", screen.action_toggle_archived
    )
    yield SystemCommand(
        "Add person", "Name, role, relationship, cadence" + key("home_add"),
        screen.action_add_person,
    )  # fmt: skip
    yield SystemCommand(
        "Edit person", "Change the highlighted person" + key("home_edit"),
        screen.action_edit_person,
    )  # fmt: skip
