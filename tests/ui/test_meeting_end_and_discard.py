"""Ending asks first, and a 1:1 started by mistake can be discarded (from the
end dialog, the quit dialog and the palette): it is gone from home, the
person's meetings and search, kept in a private file `import` brings back."""

from __future__ import annotations

import stat
from datetime import timedelta

import pytest
from pilot_helpers import meeting_ready, settle, type_line, wait_for
from textual.command import CommandPalette
from textual.widgets import DataTable, Static

from cli_run import run
from tui1on1.domain.kinds import ActionStatus, MeetingStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.discard import DiscardScreen
from tui1on1.ui.dialogs.end import EndScreen
from tui1on1.ui.dialogs.leave import LeaveScreen
from tui1on1.ui.dialogs.summary import SummaryScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.meeting import MeetingScreen
from tui1on1.ui.widgets.notes import NoteInput

SIZE = (100, 30)
NAME = "Priya Raman"


@pytest.fixture
def priya(db_path, clock):
    """Priya, with one earlier 1:1 that left her an open promise of mine."""
    store = Store.open(f"sqlite:///{db_path}")
    person = store.add_person(NAME, role="Staff engineer")
    week_ago = clock.now() - timedelta(days=7)
    before, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=week_ago)
    store.add_note(
        NewNote(uid="old", meeting_id=before.id, kind=NoteKind.ACTION, text="send the ladder doc",
                created_at=week_ago + timedelta(minutes=5), action_owner=Owner.ME)
    )  # fmt: skip
    store.end_meeting(before.id, week_ago + timedelta(minutes=30), summary="good")
    store.close()
    return person


async def dialog(pilot, kind):
    """Wait until a dialog of ``kind`` is on top with its text in place."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, kind) and app.screen.query(".dialog-body"))
    await pilot.pause()
    return app.screen


def text_in(screen, selector: str) -> str:
    return " ".join(str(w.render()) for w in screen.query(selector).results(Static))


def dialog_text(screen) -> str:
    return " ".join(str(w.render()) for w in screen.query(Static))


async def take_notes(pilot) -> int:
    screen = await meeting_ready(pilot)
    for line in (
        "zanzibar wants to lead the platform team",
        "!me intro to the staff engineers @fri",
        "! write the quixotic RFC",
        "! book the offsite",
    ):
        await type_line(pilot, line)
    await settle(pilot)
    return screen.model.meeting.id


@pytest.mark.slow
async def test_ctrl_o_shows_the_headline_esc_keeps_the_draft_enter_ends(make_app, priya, clock):
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        meeting_id = await take_notes(pilot)
        screen = app.screen
        await pilot.press(*"half a thought")
        clock.advance(24 * 60 + 10)
        await pilot.press("ctrl+o")
        await dialog(pilot, EndScreen)
        shown = dialog_text(app.screen)
        assert "End the 1:1 with Priya Raman · Staff engineer?" in shown
        assert "24 minutes (planned 30)" in shown
        assert "1 note · 1 action mine · 2 actions theirs" in shown

        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        note_input = screen.query_one(NoteInput)
        assert note_input.value == "half a thought"
        assert screen.focused is note_input
        await pilot.press(*" more")
        assert note_input.value == "half a thought more"
        await settle(pilot)
        assert app.services.store.get_meeting(meeting_id).status is MeetingStatus.LIVE

        await pilot.press("ctrl+o")
        await dialog(pilot, EndScreen)
        # The line still in the input isn't left behind: ending keeps it as a note.
        assert "The line not sent yet is kept as a note: “half a thought more”" in dialog_text(
            app.screen
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await settle(pilot)
        ended = app.services.store.get_meeting(meeting_id)
        assert ended.status is MeetingStatus.ENDED
        assert ended.summary == "24 of 30 min · 0 questions · 2 notes · 3 actions"
        texts = [n.text for n in app.services.store.list_notes(meeting_id)]
        assert texts[-1] == "half a thought more"
        assert app.services.store.get_draft(meeting_id) is None
        title = app.screen.query_one("#summary-title").render()
        assert str(title) == "Meeting ended and saved"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seconds", "lines", "length", "taken"),
    [
        (61, ["one thing"], "1 minute (planned 30)", "1 note · no actions"),
        (20, ["!me call Sam"], "Under a minute (planned 30)", "1 action mine"),
        (
            90 * 60,
            ["! a", "! b", "!me c", "!me d", "x"],
            "90 minutes (planned 30)",
            "1 note · 2 actions mine · 2 actions theirs",
        ),
        (120, ["! only theirs"], "2 minutes (planned 30)", "1 action theirs"),
    ],
)
async def test_the_headline_counts_in_words(make_app, priya, clock, seconds, lines, length, taken):
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        for line in lines:
            await type_line(pilot, line)
        await settle(pilot)
        clock.advance(seconds)
        app.screen.action_end_meeting()  # the palette's "End meeting" runs this
        await dialog(pilot, EndScreen)
        assert text_in(app.screen, "#end-headline") == f"{length}\n{taken}"


def assert_gone(store, person_id: int, meeting_id: int, words: tuple[str, ...]) -> None:
    """What home, the person screen and search read: nothing of the meeting."""
    [row] = [r for r in store.people_overview() if r.person.id == person_id]
    assert row.live_meeting_id is None
    assert meeting_id not in [m.meeting.id for m in store.meeting_listings(person_id)]
    assert meeting_id not in [m.id for m in store.meetings_for(person_id)]
    assert store.count_meetings(person_id) == 1  # the earlier 1:1 stays
    for word in words:
        assert store.search(word) == [], word
    assert store.check() == []


async def discarded_home(pilot, person) -> str:
    """Wait for home after a discard; returns the notification naming the file."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
    [message] = [str(n.message) for n in app._notifications if "Discarded" in n.title]
    row = " ".join(str(cell) for cell in app.screen.query_one(DataTable).get_row(str(person.id)))
    assert NAME in row and "live" not in row
    return message


def the_file(data_dir):
    [path] = sorted((data_dir / "discarded").iterdir())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    return path


def import_back(capsys, db_path, path, meeting_words: str) -> None:
    code, out, err = run(capsys, "--db", f"sqlite:///{db_path}", "import", str(path))
    assert code == 0, err
    assert "1 already there" in out and "1 meeting" in out
    store = Store.open(f"sqlite:///{db_path}")
    try:
        assert [p.name for p in store.list_people()] == [NAME]  # not a second Priya
        [live] = store.live_meetings()
        assert {h.meeting_id for h in store.search(meeting_words)} == {live.id}
    finally:
        store.close()


@pytest.mark.slow
async def test_discard_from_the_end_dialog(make_app, priya, db_path, data_dir, capsys):
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        meeting_id = await take_notes(pilot)
        await pilot.press("ctrl+o")
        await dialog(pilot, EndScreen)
        await pilot.press("d")
        await dialog(pilot, DiscardScreen)
        shown = dialog_text(app.screen)
        assert "Discard this 1:1 with Priya Raman?" in shown
        assert "Its 1 note and 3 actions will be removed from history and search and kept" in shown
        assert str(data_dir / "discarded" / "priya-raman-2026-11-20-0900.json") in shown
        assert "open again" not in shown
        await pilot.press("y")
        message = await discarded_home(pilot, priya)
        path = the_file(data_dir)
        assert str(path) in message and "tui1on1 import" in message
        assert_gone(app.services.store, priya.id, meeting_id, ("zanzibar", "quixotic"))
        assert [a.text for a in app.services.store.list_actions(person_id=priya.id)] == [
            "send the ladder doc"
        ]
    import_back(capsys, db_path, path, "zanzibar")


@pytest.mark.slow
async def test_discard_from_the_quit_dialog_reopens_what_it_closed(
    make_app, priya, db_path, data_dir, capsys
):
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        meeting_id = await take_notes(pilot)
        screen = app.screen
        # tick last week's promise done in this meeting (it is the first row)
        await pilot.press("up", "home", "x", "escape")
        await settle(pilot)
        [ladder] = [a for a in app.services.store.list_actions() if a.text == "send the ladder doc"]
        assert ladder.status is ActionStatus.DONE
        await pilot.press("ctrl+q")
        await dialog(pilot, LeaveScreen)
        await pilot.press("d")
        await dialog(pilot, DiscardScreen)
        shown = dialog_text(app.screen)
        assert (
            "Of the earlier promises, 1 promise closed in it will be open again. "
            "Its 1 note and 3 actions will be removed"
        ) in shown
        await pilot.press("escape")  # changed my mind: nothing happens
        await wait_for(pilot, lambda: app.screen is screen)
        await settle(pilot)
        assert app.services.store.get_meeting(meeting_id).status is MeetingStatus.LIVE

        await pilot.press("ctrl+q")
        await dialog(pilot, LeaveScreen)
        await pilot.press("d")
        await dialog(pilot, DiscardScreen)
        await pilot.press("y")
        await discarded_home(pilot, priya)
        assert app.is_running  # discarding goes home, it doesn't quit
        path = the_file(data_dir)
        store = app.services.store
        assert_gone(store, priya.id, meeting_id, ("zanzibar", "quixotic"))
        [ladder] = store.list_actions(person_id=priya.id)
        assert ladder.status is ActionStatus.OPEN and ladder.closed_meeting_id is None
    import_back(capsys, db_path, path, "quixotic")


async def from_palette(pilot, words: str) -> None:
    """Run the palette's first command found for ``words``."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await pilot.press(*words)
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("down", "enter")


@pytest.mark.slow
async def test_discard_from_the_palette_keeps_the_unsent_draft_in_the_file(
    make_app, priya, db_path, data_dir, capsys
):
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        meeting_id = screen.model.meeting.id
        await type_line(pilot, "zanzibar one")
        await pilot.press(*"not sent yet")
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Discard this 1:1" in titles and "End meeting" in titles
        await from_palette(pilot, "Discard this")
        await dialog(pilot, DiscardScreen)
        assert "Its 1 note will be removed" in dialog_text(app.screen)
        await pilot.press("enter")  # Enter is on "Keep it": never discards by accident
        await wait_for(pilot, lambda: app.screen is screen)
        assert app.services.store.get_meeting(meeting_id).status is MeetingStatus.LIVE
        screen.action_discard_meeting()
        await dialog(pilot, DiscardScreen)
        await pilot.press("y")
        await discarded_home(pilot, priya)
        path = the_file(data_dir)
        assert_gone(app.services.store, priya.id, meeting_id, ("zanzibar",))
        assert '"text": "not sent yet"' in path.read_text()
    import_back(capsys, db_path, path, "zanzibar")
    store = Store.open(f"sqlite:///{db_path}")
    [live] = store.live_meetings()
    assert store.get_draft(live.id).text == "not sent yet"
    store.close()


@pytest.mark.slow
async def test_after_a_discard_the_next_1on1_starts_fresh(make_app, priya, data_dir):
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        first = await take_notes(pilot)
        app.screen.action_discard_meeting()
        await dialog(pilot, DiscardScreen)
        await pilot.press("y")
        await discarded_home(pilot, priya)
    again = make_app(NAME)
    async with again.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        assert isinstance(screen, MeetingScreen)
        assert not any("Resumed" in str(n.message) for n in again._notifications)
        rows = [str(o.prompt) for o in screen.query_one("#notes").options]
        assert len(rows) == 1 and "send the ladder doc" in rows[0]  # only the carried promise
        await type_line(pilot, "a fresh start")
        await settle(pilot)
        notes = again.services.store.list_notes(screen.model.meeting.id)
        assert [n.text for n in notes] == ["a fresh start"]
        assert again.services.store.search("zanzibar") == []
        assert first  # (its id may be given to this meeting: SQLite reuses the highest)


@pytest.mark.slow
async def test_the_summary_shows_both_sides_promises_without_scrolling(make_app, priya, clock):
    """At 80x24 the summary's first screen holds what each of us promised —
    it is what the manager acts on — before questions and segment times."""
    from screen_text import screen_text

    app = make_app(NAME)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_notes(pilot)
        clock.advance(25 * 60)
        await pilot.press("ctrl+o")
        await dialog(pilot, EndScreen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.pause(0.2)
        shown = screen_text(app)
        for line in (
            "I promised (1)",
            "• intro to the staff engineers",
            "They'll do (2)",
            "• write the quixotic RFC",
            "• book the offsite",
            "Questions asked: none",
        ):
            assert line in shown, shown


@pytest.mark.parametrize("private", [False, True])
async def test_the_summary_lists_promises_closed_since_last_time_here_and_between(
    make_app, priya, db_path, clock, private
):
    """Kept two days after the last 1:1 (between meetings), or in this one:
    both are closed since last time, each saying where; private ones marked."""
    store = Store.open(f"sqlite:///{db_path}")
    [ladder] = store.list_actions(person_id=priya.id)
    store.set_action_status(ladder.id, ActionStatus.DONE, meeting_id=None,
                            at=clock.now() - timedelta(days=5))  # fmt: skip
    if private:
        store.set_note_private(ladder.note_id, True)
    before = store.meetings_for(priya.id, limit=1)[0]
    store.add_note(NewNote(uid="old2", meeting_id=before.id, kind=NoteKind.ACTION,
                           text="book the offsite room", created_at=before.started_at,
                           action_owner=Owner.THEM, private=private))  # fmt: skip
    store.close()
    mark = "◘ private: " if private else ""
    app = make_app(NAME)
    async with app.run_test(size=(100, 50)) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: any(r.carried for r in app.screen.notes.rows()))
        await pilot.press("up", "home", "x", "escape")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await dialog(pilot, EndScreen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        shown = str(app.screen.query_one("#summary-body").render())
    assert (
        "Closed since last time (2)\n"
        f"  • {mark}send the ladder doc  (done on Sun 15 Nov, mine)\n"
        f"  • {mark}book the offsite room  (done here, theirs)\n"
    ) in shown


async def test_quit_from_the_palette_asks_first_in_a_meeting_as_ctrl_q_does(make_app, priya):
    """The palette's Quit is ctrl+q's: in a live 1:1 it asks (end it, leave it
    running, discard), where Textual's own quit at once; and no Bell."""
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "zanzibar one")
        titles = [c.title for c in app.get_system_commands(screen)]
        assert titles.count("Quit") == 1 and "Bell" not in titles
        await from_palette(pilot, "Quit")
        await dialog(pilot, LeaveScreen)
        assert app.is_running
        await pilot.press("escape")  # stay: the 1:1 goes on
        await wait_for(pilot, lambda: app.screen is screen)
        assert app.is_running
        assert app.services.store.get_meeting(screen.model.meeting.id).status is MeetingStatus.LIVE
