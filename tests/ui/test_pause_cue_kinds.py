"""The pause cue on screen: a Why? waits its longer length and ends calmly,
the first answer gets a short second wait, and managing up has a breath key."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, settle, type_line, wait_for
from screen_text import screen_text
from textual.command import CommandPalette

from tui1on1.settings import load_settings
from tui1on1.storage.store import Store
from tui1on1.ui.widgets.notes import NoteInput
from tui1on1.ui.widgets.pausecue import PauseCueBar

SIZE = (100, 30)


async def shown(pilot) -> str:
    """The screen as the manager sees it now (the clock read again)."""
    pilot.app.screen.refresh_now()
    await pilot.pause()
    return screen_text(pilot.app)


@pytest.mark.slow
async def test_a_why_waits_longer_ends_calmly_and_the_answer_gets_a_second_wait(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        note_input = screen.query_one(NoteInput)
        await pilot.press("ctrl+g")  # asked aloud
        clock.advance(2)
        await type_line(pilot, "wants to lead a team")  # they answered
        text = await shown(pilot)
        assert "Wait a moment — there may be more." in text  # the second wait
        assert screen.focused is note_input
        clock.advance(1)
        await pilot.press("ctrl+y")  # Why?
        clock.advance(1)
        assert "Hold the silence — let them think." in await shown(pilot)
        clock.advance(4)
        assert "Still thinking is good. Wait a little longer." in await shown(pilot)
        clock.advance(4)  # 9 s: a Why? waits 10
        assert "Stay with the quiet a moment more." in await shown(pilot)
        clock.advance(1.5)
        text = await shown(pilot)
        assert "The quiet is theirs — no need to fill it." in text
        assert "Go ahead" not in text
        assert not screen.query_one("#cue-bar").display  # the words stay, the bar goes
        clock.advance(3)
        await type_line(pilot, "seeing others grow")  # the answer to the Why?
        text = await shown(pilot)
        assert "The quiet is theirs" not in text
        assert "Wait a moment — there may be more." in text
        assert screen.focused is note_input  # typing never waits for it
        await pilot.press("a")  # the next note ends it at once
        text = await shown(pilot)
        assert "there may be more" not in text and note_input.value == "a"
        assert not screen.query_one(PauseCueBar).has_class("-active")
        await settle(pilot)
        [asked] = app.services.store.list_asked(screen.model.meeting.id)
        # 2 s after the ask and the Why?'s full 10 s; the second wait runs by
        # itself after the answer, so it is not a pause the manager held.
        assert (asked.followups, asked.pause_seconds) == (1, 12.0)


@pytest.mark.slow
async def test_the_second_wait_runs_out_on_its_own_and_can_be_turned_off(
    make_app, clock, config_dir
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.press("ctrl+g")
        clock.advance(1)
        await type_line(pilot, "the on-call rota")
        clock.advance(1.5)
        assert "Leave room for them to add to it." in await shown(pilot)
        clock.advance(2)
        assert "Anything more is theirs to add." in await shown(pilot)
        await type_line(pilot, "and the release train")  # a second note: no third wait
        text = await shown(pilot)
        assert "theirs to add" not in text and "there may be more" not in text
        await settle(pilot)
        [asked] = app.services.store.list_asked(screen.model.meeting.id)
        assert asked.pause_seconds == 1  # the second wait ran out, but isn't counted
    (config_dir / "config.toml").write_text("[pause]\nsecond_wait = false\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await pilot.press("ctrl+g")
        await type_line(pilot, "the release train")
        assert "there may be more" not in await shown(pilot)


async def palette_titles(pilot, words: str) -> str:
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*words)
    await pilot.pause(0.3)  # the palette searches in the background
    text = screen_text(app)
    await pilot.press("escape")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
    return text


async def help_text(pilot) -> str:
    await pilot.press("f1")
    await pilot.pause()
    text = screen_text(pilot.app)
    await pilot.press("escape")
    await pilot.pause()
    return text


@pytest.mark.slow
async def test_the_breath_key_is_there_only_when_managing_up(make_app, clock, db_path):
    store = Store.open(load_settings(db_arg=f"sqlite:///{db_path}").database_url)
    store.add_person("Maya Chen", role="Director", relationship="manager")
    store.add_person("Ada Lovelace", role="Engineer")
    app = make_app("Maya Chen")
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        text = await shown(pilot)
        assert "^l Breath" in text.splitlines()[-1]  # the footer
        assert "Breath before I answer" in await help_text(pilot)
        assert "Breath before I answer" in await palette_titles(pilot, "breath")
        await pilot.press("ctrl+g")
        clock.advance(2)
        await pilot.press("ctrl+l")  # they asked me something back
        clock.advance(1)
        assert "Take a breath before you answer." in await shown(pilot)
        assert screen.focused is screen.query_one(NoteInput)
        clock.advance(10)
        assert "Answer when you're ready." in await shown(pilot)
        await settle(pilot)
        [asked] = app.services.store.list_asked(screen.model.meeting.id)
        assert asked.pause_seconds == 2  # the breath is mine, not the question's
    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        assert "Breath" not in (await shown(pilot)).splitlines()[-1]
        assert "Breath before I answer" not in await help_text(pilot)
        assert "Breath before I answer" not in await palette_titles(pilot, "breath")
        await pilot.press("ctrl+l")
        assert "Take a breath" not in await shown(pilot)
    app = make_app("Bob Ross", playbook="managing-up")  # the playbook says so too
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        assert "^l Breath" in (await shown(pilot)).splitlines()[-1]
