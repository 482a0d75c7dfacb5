"""Home's live meetings: the banner naming them, resuming one (asking which
when several are live), and ending one left running too long.

A meeting live longer than ``OLD_LIVE`` asks first: resume it, or end it at
its planned end (or its last note, if later), not now. The writer ends it and
posts ``ForgottenEnded`` (or ``ForgottenNotEnded``) back to home.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message

from tui1on1.domain.overview import PersonOverview
from tui1on1.domain.records import Meeting
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.old_live import OLD_LIVE, OldLiveScreen, forgotten_end
from tui1on1.ui.home_rows import live_age, live_since
from tui1on1.ui.screens.base import MeetRequest
from tui1on1.ui.writer_messages import post_from_writer

if TYPE_CHECKING:
    from tui1on1.storage.store import Store
    from tui1on1.ui.screens.home import HomeScreen

LivePair = tuple[PersonOverview, Meeting]


class ForgottenEnded(Message):
    """The writer ended a meeting left running (posted from its thread)."""

    def __init__(self, person_id: int, name: str, meeting: Meeting, now: datetime) -> None:
        super().__init__()
        self.person_id, self.name, self.meeting, self.now = person_id, name, meeting, now


class ForgottenNotEnded(Message):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


def live_rows(rows: list[PersonOverview], live: dict[int, Meeting]) -> list[LivePair]:
    """(person, live meeting), oldest meeting first."""
    pairs = [
        (row, live[row.live_meeting_id])
        for row in rows
        if row.live_meeting_id is not None and row.live_meeting_id in live
    ]
    return sorted(pairs, key=lambda pair: pair[1].started_at)


def banner(pairs: list[LivePair], now: datetime, resume_key: str) -> Text:
    """'Live now: Ada Lovelace (since 10:02 today). Press l to resume.'"""
    names = ", ".join(
        f"{safe_terminal_text(row.person.name)} ({live_since(meeting.started_at, now)})"
        for row, meeting in pairs
    )
    return Text(f"Live now: {names}. Press {resume_key} to resume.")


def resume_live(screen: HomeScreen) -> None:
    """The highlighted person's live meeting; else the only one; with
    several, ask which. Never a guess."""
    live = live_rows(screen.rows, screen.live)
    if not live:
        screen.notify("No meeting is live.")
        return
    current = screen.selected()
    theirs = [pair for pair in live if current and pair[0].person.id == current.person.id]
    if theirs or len(live) == 1:
        resume(screen, *(theirs or live)[0])
        return
    now = screen.app.clock.now()
    commands = [
        (
            safe_terminal_text(row.person.name),
            lambda row=row, meeting=meeting: resume(screen, row, meeting),
            f"Live {live_since(meeting.started_at, now)}",
        )
        for row, meeting in live
    ]
    screen.app.search_commands(commands, placeholder="Resume which live 1:1?")


def resume(screen: HomeScreen, row: PersonOverview, meeting: Meeting) -> None:
    """Open it; one live longer than OLD_LIVE asks first (end it, or resume)."""
    now = screen.app.clock.now()
    if now - meeting.started_at < OLD_LIVE:
        open_meeting(screen, row)
        return

    def chosen(choice: str | None) -> None:
        if choice == "resume":
            screen.app.open_meeting(
                MeetRequest(row.person.name, person_id=row.person.id, resume_chosen=True)
            )
        elif choice == "end":
            end_forgotten(screen, row.person.id, row.person.name, meeting)

    screen.app.push_screen(OldLiveScreen(row.person.name, meeting, now), chosen)


def open_meeting(screen: HomeScreen, row: PersonOverview) -> None:
    screen.app.open_meeting(MeetRequest(row.person.name, person_id=row.person.id))


def end_forgotten(screen: HomeScreen, person_id: int, name: str, meeting: Meeting) -> None:
    """End a forgotten meeting at its planned end (or its last note, if
    later), not now: a week left running is not a week-long 1:1."""
    services = screen.app.services
    if services is None:
        return
    now = screen.app.clock.now()

    def run(store: Store) -> Meeting:
        return store.end_meeting(meeting.id, *forgotten_end(store, meeting, now))

    services.writer.submit(
        run,
        done=lambda ended: post_from_writer(screen, ForgottenEnded(person_id, name, ended, now)),
        failed=lambda error: post_from_writer(screen, ForgottenNotEnded(error)),
    )


def ended_notice(event: ForgottenEnded) -> str:
    """What home says once a meeting left running was ended, and what it recorded."""
    ended = event.meeting
    recorded = ended.summary.split(" · ")[0] if ended.summary else "ended"
    return (
        f"Ended the 1:1 with {safe_terminal_text(event.name)} "
        f"(left running {live_age(ended.started_at, event.now)}): recorded as {recorded}."
    )
