"""Discarding a 1:1 started by mistake: the dialog first (naming the person,
the notes and the file they are kept in), then the discard handed to the
ordered writer behind the unsent text, so that goes in the file too. What
comes back: home, with the command that brings the 1:1 back; or the meeting
again, with why it was not discarded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.discard import DiscardScreen, import_command
from tui1on1.ui.screens.meeting_messages import DiscardFailed, MeetingDiscarded, post_from_writer

if TYPE_CHECKING:
    from tui1on1.ui.screens.meeting_flows import MeetingFlows


def discard(flows: MeetingFlows) -> None:
    """Ask (naming the person, the notes and the file), then discard."""
    if flows.ending:
        return
    # SQLAlchemy: never before the meeting's first frame.
    from tui1on1.storage.discard import DISCARDED_DIR, discard_file_name

    model = flows.model
    counts = model.notes.discard_counts()
    folder = flows.services.settings.data_dir / DISCARDED_DIR
    where = folder / discard_file_name(model.person.name, model.meeting.started_at)

    def confirmed(discard: bool | None) -> None:
        if discard:
            discard_now(flows)

    flows.screen.app.push_screen(DiscardScreen(model.person.name, counts, where), confirmed)


def discard_now(flows: MeetingFlows) -> None:
    if flows.ending:
        return
    from tui1on1.storage.discard import DISCARDED_DIR  # SQLAlchemy: see above

    screen = flows.screen
    flows.notes.cancel_edit()
    # The text in the input goes into the discard file with the notes:
    # saved now, it is ordered before the discard like every note is.
    screen.save_draft_now()
    screen.stop_draft_timer()
    flows.ending = flows.discarding = True
    # Handled on the screen's message loop, where Textual's context is set
    # (composing HomeScreen needs it).
    flows.services.writer.discard_meeting(
        flows.model.meeting.id,
        flows.services.settings.data_dir / DISCARDED_DIR,
        flows.now(),
        done=lambda result: post_from_writer(screen, MeetingDiscarded(result)),
        failed=lambda exc: post_from_writer(screen, DiscardFailed(exc)),
    )
    screen.notify("Discarding…", timeout=2)


def discarded(flows: MeetingFlows, message: MeetingDiscarded) -> None:

    result, app = message.result, flows.screen.app
    while app.screen is not flows.screen and len(app.screen_stack) > 1:
        app.pop_screen()
    app.open_home(select_person_id=flows.model.person.id)
    # The command on a line of its own, to copy; the file name never split.
    app.notify(
        f"To bring it back:\n{import_command(result.path)}",
        title=f"Discarded the 1:1 with {safe_terminal_text(result.person_name)}",
        timeout=15,
        markup=False,
    )


def discard_failed(flows: MeetingFlows, message: DiscardFailed) -> None:
    flows.ending = flows.discarding = False
    flows.screen.notify(
        f"The 1:1 was not discarded: {message.error}",
        severity="warning",
        timeout=8,
        markup=False,
    )
