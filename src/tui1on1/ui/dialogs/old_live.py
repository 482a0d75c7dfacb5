"""A live meeting left running for hours was probably forgotten: end it at
its planned end or last note (the default), resume it, or go back."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import Meeting
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal
from tui1on1.ui.home_rows import live_age, live_since

if TYPE_CHECKING:
    from tui1on1.storage.store import Store

OLD_LIVE = timedelta(hours=12)  # a live meeting this old was probably forgotten


def forgotten_end(store: Store, meeting: Meeting, now: datetime) -> tuple[datetime, str]:
    """(when, summary line) for ending a meeting left live: at its last note,
    question, pause or segment, or its planned end if that is later; never
    after ``now``."""
    # Start-up speed: home imports this module for its first frame, and the
    # summary pulls in the meeting's model (some 40 ms).
    from tui1on1.domain.meeting import AskedQuestionLine, Summary
    from tui1on1.ui.dialogs.summary import summary_line

    notes = store.list_notes(meeting.id)
    asked = store.list_asked(meeting.id)
    times = [meeting.started_at + timedelta(minutes=meeting.planned_minutes)]
    times += [t for note in notes for t in (note.created_at, note.edited_at) if t]
    times += [question.asked_at for question in asked]
    times += [t for pause in meeting.pauses for t in (pause.paused_at, pause.resumed_at) if t]
    times += [segment.started_at for segment in store.list_segments(meeting.id)]
    at = min(max(times), now)
    paused = sum(
        ((pause.resumed_at or at) - pause.paused_at).total_seconds() for pause in meeting.pauses
    )
    actions = [("", "") for note in notes if note.kind is NoteKind.ACTION]
    summary = Summary(
        planned_minutes=meeting.planned_minutes,
        actual_seconds=max(0.0, (at - meeting.started_at).total_seconds() - paused),
        segments=[],
        asked=[AskedQuestionLine(q.text, q.elapsed_seconds, followups=q.followups) for q in asked],
        notes=len(notes),
        actions_mine=actions,
        actions_theirs=[],
    )
    return at, summary_line(summary)


class OldLiveScreen(FitModal[str | None]):
    """A live meeting older than OLD_LIVE was probably forgotten: end it
    (the default), resume it, or go back."""

    AUTO_FOCUS = "#old-end"
    BINDINGS = [
        Binding("e", "choose('end')", "End it now", id="old_live_end"),
        Binding("r", "choose('resume')", "Resume", id="old_live_resume"),
        Binding("escape,c", "choose(None)", "Cancel", id="old_live_cancel"),
    ]

    def __init__(self, name: str, meeting: Meeting, now: datetime) -> None:
        super().__init__()
        self.question = (
            f"The 1:1 with {safe_terminal_text(name)} has been live "
            f"{live_since(meeting.started_at, now)}."
        )
        self.age = live_age(meeting.started_at, now)

    def compose(self) -> ComposeResult:
        with Vertical(id="old-live", classes="dialog"):
            yield Static(Text(self.question), classes="dialog-title")
            yield Static(
                f"Left running {self.age}? End it now: it is recorded as ending at its "
                "planned end (or at its last note, if that came later), and every note "
                "is kept. Or resume it, with the clock at the true time.",
                classes="dialog-body",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("End it now (e)", id="old-end", variant="primary", compact=True)
                yield Button("Resume (r)", id="old-resume", compact=True)
                yield Button("Cancel (esc)", id="old-cancel", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choices = {"old-end": "end", "old-resume": "resume"}
        self.dismiss(choices.get(event.button.id or ""))

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
