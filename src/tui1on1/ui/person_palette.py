"""The person screen's commands in the palette, each with its key as bound now."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tui1on1.ui.career_series import palette_help
from tui1on1.ui.keys import bound_key

if TYPE_CHECKING:
    from tui1on1.ui.screens.person import PersonScreen


def person_commands(screen: PersonScreen) -> Iterator[SystemCommand]:
    def key(binding_id: str) -> str:
        return f" ({bound_key(screen.app, type(screen), binding_id)})"

    yield SystemCommand("Start 1:1", "With this person" + key("person_meet"), screen.action_meet)
    if screen.prep is not None and screen.prep.series is not None:
        yield SystemCommand(
            "Start career conversation",
            palette_help(screen.app.services, screen.prep.series, key("person_series")),
            screen.action_career_series,
        )
    yield SystemCommand(
        "Past meetings",
        "Jump to their meetings, newest first" + key("person_meetings"),
        screen.action_past_meetings,
    )
    yield SystemCommand(
        "Career thread",
        "Every answer about their career, over time" + key("person_career"),
        screen.action_career,
    )
    yield SystemCommand(
        "Re-mark a career entry",
        "Where the highlighted career row's note goes" + key("person_career_mark"),
        screen.action_career_mark,
    )
    yield SystemCommand(
        "Talking point for the next 1:1",
        "Something to raise with them, theirs or mine" + key("person_topic"),
        screen.action_talking_point,
    )
    yield SystemCommand(
        "Growth plan",
        "Their goal, the options they see, the one agreed, steps, how it stands"
        + key("person_plan"),
        screen.action_growth_plan,
    )
    yield SystemCommand(
        "Log an exposure",
        "An opportunity given: a customer meeting, a talk, an intro" + key("person_exposure"),
        screen.action_log_exposure,
    )
    yield SystemCommand(
        "Mark done or resolved",
        "The highlighted action, talking point, parked topic or open question"
        + key("person_close"),
        screen.action_close_item,
    )
    yield SystemCommand(
        "Edit person", "Name, role, relationship, cadence" + key("person_edit"),
        screen.action_edit,
    )  # fmt: skip
