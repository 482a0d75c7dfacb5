"""What a row and the banner say is where the note really is.

"saving…" until the journal or the database has it; "kept safe" once the
journal has it and the database refused; an alarm when even the journal
can't be written (nothing can be written at all), and leaving then says
which notes would be lost.
"""

from __future__ import annotations

import errno

import pytest
from textual.widgets import Static

import tui1on1.storage.journal_stage as journal_stage
import tui1on1.storage.writer as writer_module
from pilot_wait import wait_for
from tui1on1.storage.journal import Journal
from tui1on1.ui.dialogs.leave import LeaveScreen
from tui1on1.ui.widgets.notes import NotesList
from ui.pilot_helpers import meeting_ready, type_line

WAIT = 10.0
FAST = (0.05,)


@pytest.fixture
def journal_full(monkeypatch):
    """While ``on``, the recovery journal can't be written (ENOSPC)."""

    class Switch:
        on = False

    real = Journal.append_many

    def append_many(self, entries, *, sync=True):
        if Switch.on:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, entries, sync=sync)

    monkeypatch.setattr(Journal, "append_many", append_many)
    monkeypatch.setattr(journal_stage, "JOURNAL_RETRY_SECONDS", 0.1)
    monkeypatch.setattr(writer_module, "RETRY_DELAYS", FAST)
    return Switch


@pytest.fixture
def fast_retries(monkeypatch):
    """A refused write is tried again within 50 ms (not 0.25 s growing to 4 s)."""
    monkeypatch.setattr(writer_module, "RETRY_DELAYS", FAST)


BUSY = "the database is busy (another tui1on1 may be writing)"


def refuse(monkeypatch, store, method: str) -> None:
    """Make ``store.method`` refuse as a busy database does."""
    from tui1on1.storage.errors import DatabaseUnavailable

    def refused(*_args, **_kwargs):
        raise DatabaseUnavailable(BUSY)

    monkeypatch.setattr(store, method, refused)


async def leave_dialog_text(pilot) -> str:
    """ctrl+q in the meeting, and what the leave dialog says."""
    app = pilot.app
    await pilot.press("ctrl+q")
    await wait_for(pilot, lambda: isinstance(app.screen, LeaveScreen))
    return " ".join(str(s.render()) for s in app.screen.query(Static))


def rendered(screen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one(NotesList).options]


async def test_a_note_nothing_can_keep_raises_the_alarm_and_leaving_names_it(
    make_app, journal_full, monkeypatch
):
    """The disk refuses the journal and the database at once: the row and
    the banner say the note is NOT saved, the leave dialog names it instead
    of "Every note is saved", and once the journal takes it all is calm."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await meeting_ready(pilot)
        writer = app.services.writer
        assert writer.flush(WAIT)
        store = app.services.store
        real_add = store.add_note
        from tui1on1.storage.errors import DatabaseUnavailable

        def refuse(note):
            if journal_full.on:
                raise DatabaseUnavailable("the disk is full, so nothing can be saved right now")
            return real_add(note)

        monkeypatch.setattr(store, "add_note", refuse)
        journal_full.on = True
        await type_line(pilot, "she is thinking of leaving the team")
        banner = screen.query_one("#storage-banner", Static)
        await wait_for(pilot, lambda: banner.display and "NOT SAVED" in str(banner.render()))
        await wait_for(pilot, lambda: any("NOT SAVED" in line for line in rendered(screen)))
        assert "keep tui1on1 open" in str(banner.render())

        body = await leave_dialog_text(pilot)
        assert "Every note is saved" not in body
        assert "1 note" in body and "she is thinking of leaving" in body
        assert "loses them" in body
        await pilot.press("escape")  # stay

        journal_full.on = False  # space again: the journal takes it, then the database
        await wait_for(pilot, lambda: not banner.display)
        await wait_for(pilot, lambda: not any("NOT SAVED" in line for line in rendered(screen)))
        assert writer.flush(WAIT)
        await wait_for(pilot, lambda: not any("saving" in line for line in rendered(screen)))
        notes = store.list_notes(screen.model.meeting.id)
        assert [n.text for n in notes] == ["she is thinking of leaving the team"]

        body = await leave_dialog_text(pilot)
        assert "Every note is saved." in body


async def test_leaving_while_the_database_refuses_says_the_notes_wait_in_the_journal(
    make_app, monkeypatch, fast_retries
):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await meeting_ready(pilot)
        assert app.services.writer.flush(WAIT)
        refuse(monkeypatch, app.services.store, "add_note")
        await type_line(pilot, "first")
        await type_line(pilot, "second")
        await wait_for(pilot, lambda: sum("kept safe" in line for line in rendered(screen)) == 2)
        body = await leave_dialog_text(pilot)
        assert "2 notes wait in the recovery journal" in body
        assert "Every note is saved" not in body


async def test_a_resumed_meeting_shows_what_the_journal_kept_before_anything_else(
    make_app, db_path, clock
):
    """A crash left three notes and the half-typed line in the journal only:
    the meeting reopens with all of them, and the line back in the input."""
    from datetime import timedelta

    from tui1on1.domain.kinds import NoteKind
    from tui1on1.domain.records import NewNote
    from tui1on1.storage.journal_entries import draft_entry, note_to_entry
    from tui1on1.storage.store import Store

    store = Store.open(f"sqlite:///{db_path}")
    person = store.add_person("Ada Lovelace")
    meeting, _ = store.start_meeting(
        person.id, playbook="weekly", planned_minutes=30, now=clock.now()
    )
    store.close()
    journal = Journal(db_path.with_name(db_path.name + ".journal"))
    for i, text in enumerate(["wants to lead a team", "worried about on-call", "likes mentoring"]):
        note = NewNote(
            uid=f"j{i}",
            meeting_id=meeting.id,
            kind=NoteKind.NOTE,
            text=text,
            elapsed_seconds=60.0 * (i + 1),
            created_at=clock.now() + timedelta(minutes=i + 1),
        )
        journal.append({**note_to_entry(note), "jid": f"j{i}"})
    journal.append({**draft_entry(meeting.id, "and she said", clock.now()), "jid": "d"})
    clock.advance(300)

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:  # no toast: its timer would drop it
        screen = await meeting_ready(pilot)
        lines = rendered(screen)
        assert [line.split("· ", 1)[-1] for line in lines] == [
            "wants to lead a team",
            "worried about on-call",
            "likes mentoring",
        ]
        from tui1on1.ui.widgets.notes import NoteInput

        assert screen.query_one(NoteInput).value == "and she said"
        # notify() posts a message: on a loaded machine the list has it a moment later.
        await wait_for(
            pilot, lambda: "3 notes kept" in " ".join(n.message for n in app._notifications)
        )


async def test_ending_keeps_the_unsent_line_as_a_note_and_says_where_the_meeting_is(
    make_app, monkeypatch, fast_retries
):
    from tui1on1.ui.dialogs.summary import SummaryScreen
    from tui1on1.ui.widgets.notes import NoteInput

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await meeting_ready(pilot)
        store = app.services.store
        await type_line(pilot, "a note that lands")
        assert app.services.writer.flush(WAIT)
        refuse(monkeypatch, store, "end_meeting")
        screen.query_one(NoteInput).value = "! book the design review @fri"  # not sent
        await pilot.press("ctrl+o")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        title = app.screen.query_one("#summary-title", Static)
        await wait_for(pilot, lambda: "kept safe on this machine" in str(title.render()))
        assert "and saved" not in str(title.render())
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "book the design review" in body  # in "They'll do"
        assert "Notes: 1" in body  # the note; the action is listed apart
        texts = [n.text for n in store.list_notes(screen.model.meeting.id)]
        assert texts == ["a note that lands", "book the design review"]


async def test_an_end_the_database_refuses_for_good_is_said_not_alarmed(make_app, monkeypatch):
    """Ended already in another window: nothing is at risk, and the title says why."""
    from tui1on1.storage.errors import InvalidInput
    from tui1on1.ui.dialogs.summary import SummaryScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await meeting_ready(pilot)
        assert app.services.writer.flush(WAIT)

        def ended_elsewhere(*_args, **_kwargs):
            raise InvalidInput("that meeting has already ended")

        monkeypatch.setattr(app.services.store, "end_meeting", ended_elsewhere)
        await pilot.press("ctrl+o")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        title = app.screen.query_one("#summary-title", Static)
        await wait_for(pilot, lambda: "already ended" in str(title.render()))
        assert "NOT SAVED" not in str(title.render())


async def test_an_edit_refused_for_good_is_said_and_not_shown_waiting(make_app, monkeypatch):
    """Deleted in another window meanwhile: the edit can never land, so the
    row doesn't claim it is kept safe and retrying; a warning says why."""
    from tui1on1.storage.errors import NotFound
    from ui.pilot_helpers import settle

    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "first note")
        await settle(pilot)

        def deleted_elsewhere(*_args, **_kwargs):
            raise NotFound("no note with id 1")

        monkeypatch.setattr(app.services.store, "edit_note", deleted_elsewhere)
        await pilot.press("up", "e", *" more", "enter")
        await wait_for(
            pilot, lambda: any("That edit wasn't saved" in n.message for n in app._notifications)
        )
        assert not any("not saved yet" in line for line in rendered(screen))
