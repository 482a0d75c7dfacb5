"""A 1:1 left running for hours, reached with `meet NAME` (or from the
person screen): ask first, as home's `l` does — end it at its planned end
(or last note) and start today's 1:1, or resume it with the clock at the
true time. Without the question a week-old meeting was resumed in silence,
its clock days over time and today's notes filed into it."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from tui1on1.domain.records import Meeting
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.old_live import OLD_LIVE, OldLiveScreen, forgotten_end
from tui1on1.ui.home_rows import live_age

if TYPE_CHECKING:
    from tui1on1.storage.store import Store
    from tui1on1.ui.screens.meeting import MeetingScreen
    from tui1on1.ui.screens.meeting_load import LoadedMeeting


def ask_if_forgotten(screen: MeetingScreen, loaded: LoadedMeeting) -> None:
    """Ask about a resumed meeting started more than OLD_LIVE ago."""
    now = screen.app.clock.now()
    meeting = loaded.meeting
    if screen.request.resume_chosen or not loaded.resumed or now - meeting.started_at < OLD_LIVE:
        return
    name = loaded.person.name

    def chosen(choice: str | None) -> None:
        if choice == "end":
            _end_and_start_anew(screen, loaded.person.id, name, meeting, now)
        # "resume" and Esc: carry on in it, as resumed

    screen.app.push_screen(OldLiveScreen(name, meeting, now), chosen)


def _end_and_start_anew(
    screen: MeetingScreen, person_id: int, name: str, meeting: Meeting, now: datetime
) -> None:
    services = screen.services
    if services is None:
        return
    app = screen.app

    def run(store: Store) -> Meeting:
        return store.end_meeting(meeting.id, *forgotten_end(store, meeting, now))

    def ended(done: Meeting) -> None:
        recorded = done.summary.split(" · ")[0] if done.summary else "ended"
        said = (
            f"Ended the 1:1 left running {live_age(done.started_at, now)} "
            f"(recorded as {recorded}); this is today's."
        )
        request = replace(screen.request, person_id=person_id, new=False)

        def start() -> None:
            switched = app.open_meeting(request)

            async def then() -> None:  # said on today's meeting, not the one it replaces
                await switched
                app.notify(said, timeout=6, markup=False)

            app.run_worker(then(), exit_on_error=False)

        with suppress(RuntimeError):  # the app has exited
            app.call_from_thread(start)

    def failed(error: Exception) -> None:
        said = f"The 1:1 with {safe_terminal_text(name)} was not ended: {error}"
        with suppress(RuntimeError):
            app.call_from_thread(screen.notify, said, severity="warning", markup=False)

    services.writer.submit(run, done=ended, failed=failed)
