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

import tui1on1.storage.writer as writer_module
from pilot_wait import wait_for
from tui1on1.storage.journal import Journal
from tui1on1.ui.dialogs.leave import LeaveScreen
from tui1on1.ui.widgets.notes import NotesList
from ui.pilot_helpers import meeting_ready, type_line

WAIT = 10.0


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
    monkeypatch.setattr(writer_module, "JOURNAL_RETRY_SECONDS", 0.1)
    monkeypatch.setattr(writer_module, "RETRY_DELAYS", (0.05,))
    return Switch


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

        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, LeaveScreen))
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
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

        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, LeaveScreen))
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Every note is saved." in body


async def test_leaving_while_the_database_refuses_says_the_notes_wait_in_the_journal(
    make_app, monkeypatch
):
    monkeypatch.setattr(writer_module, "RETRY_DELAYS", (0.05,))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await meeting_ready(pilot)
        store = app.services.store
        assert app.services.writer.flush(WAIT)
        from tui1on1.storage.errors import DatabaseUnavailable

        def refuse(_note):
            raise DatabaseUnavailable("the database is busy (another tui1on1 may be writing)")

        monkeypatch.setattr(store, "add_note", refuse)
        await type_line(pilot, "first")
        await type_line(pilot, "second")
        await wait_for(pilot, lambda: sum("kept safe" in line for line in rendered(screen)) == 2)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, LeaveScreen))
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "2 notes wait in the recovery journal" in body
        assert "Every note is saved" not in body
