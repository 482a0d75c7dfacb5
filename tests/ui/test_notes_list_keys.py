"""The notes list (Up from the input) acts on e, d, u and x only: any other
letter goes back to typing, and an edit in progress says so on screen."""

from __future__ import annotations

from pilot_helpers import meeting_ready, settle, type_line, wait_for
from screen_text import screen_text

from tui1on1.ui.widgets.notes import NoteInput, NotesList


async def test_typing_a_sentence_after_up_lands_in_the_input_not_on_the_notes(make_app):
    app = make_app("Priya Raman")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "wants to lead the platform team")
        await settle(pilot)
        await pilot.press("up")
        await wait_for(pilot, lambda: isinstance(app.focused, NotesList))
        await pilot.press(*"hello there")  # 'h' first: not a command
        note_input = screen.query_one(NoteInput)
        assert note_input.value == "hello there"
        assert app.focused is note_input
        shown = screen_text(app)
        assert "wants to lead the platform team" in shown and "Deleted" not in shown
        assert [n.text for n in app.services.store.list_notes(screen.model.meeting.id)] == [
            "wants to lead the platform team"
        ]


async def test_an_edit_in_progress_is_named_on_the_input(make_app):
    app = make_app("Priya Raman")
    async with app.run_test(size=(80, 24)) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "wants to lead the platform tema")
        await settle(pilot)
        await pilot.press("up", "e")
        await wait_for(pilot, lambda: isinstance(app.focused, NoteInput))
        await pilot.pause(0.1)
        assert "Editing a saved note · Enter saves · Esc cancels" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert "Editing a saved note" not in screen_text(app)


async def burst(pilot, keys) -> None:
    """Keys as a fast typist (or tmux) sends them: all queued before the app
    handles the first, as Pilot's press (which waits after each) never does."""
    from textual import events

    app = pilot.app
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
    await pilot.pause(0.3)


async def test_a_word_typed_in_one_burst_after_up_or_esc_arrives_whole(make_app):
    """'hexagon' right after Up used to lose its e and x to the list's commands
    (edit, done), and text right after Esc went to the list."""
    app = make_app("Priya Raman")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "wants to lead the platform team")
        await settle(pilot)
        note_input = screen.query_one(NoteInput)
        await pilot.press("up")
        await wait_for(pilot, lambda: isinstance(app.focused, NotesList))
        await burst(pilot, "hexagon")
        assert note_input.value == "hexagon"
        note_input.value = ""
        await pilot.press("up")
        await wait_for(pilot, lambda: isinstance(app.focused, NotesList))
        await burst(pilot, ["escape", *"dux"])
        assert note_input.value == "dux"
        assert [n.text for n in app.services.store.list_notes(screen.model.meeting.id)] == [
            "wants to lead the platform team"
        ]


async def test_up_stops_at_the_oldest_row_and_never_wraps_to_the_newest(make_app):
    """One Up too many on the oldest note stays there: it used to wrap to the
    newest row (often an open action), where x then marked it done."""
    app = make_app("Priya Raman")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_ready(pilot)
        for line in ("first thought", "second thought", "! send the RFC draft @fri"):
            await type_line(pilot, line)
        await settle(pilot)
        await pilot.press("up")
        notes = screen.query_one(NotesList)
        await wait_for(pilot, lambda: isinstance(app.focused, NotesList))
        newest = notes.highlighted
        await pilot.press(*["up"] * newest)
        assert notes.highlighted == 0
        await pilot.press("up")  # one too many
        assert notes.highlighted == 0
        assert "first thought" in str(notes.get_option_at_index(0).prompt)
        await pilot.press("x")
        await pilot.pause(0.2)
        [action] = app.services.store.meeting_actions(
            screen.model.person.id, screen.model.meeting.id
        )
        assert action.status.value == "open"
        await pilot.press(*["down"] * newest)
        assert notes.highlighted == newest
        await pilot.press("down")  # Down stops at the newest
        assert notes.highlighted == newest
