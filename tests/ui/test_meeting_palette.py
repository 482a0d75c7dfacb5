"""Palette-only meeting commands: Pick question and Switch playbook."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, settle, wait_for
from textual.command import CommandPalette

SIZE = (100, 30)


async def _choose(pilot, words: str) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*words)

    def first_offer() -> str:
        # The palette searches in the background: wait for its best match.
        found = app.screen.query("CommandList")
        options = found.first().options if found else []
        return str(options[0].prompt).lower() if options else ""

    await wait_for(pilot, lambda: words.lower() in first_offer())
    await pilot.press("down", "enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))


@pytest.mark.slow
async def test_pick_any_question_from_the_whole_bank(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        bank = app.services.bank.questions
        target = bank["aspiration-where-next"]
        assert screen.model.current_question(app.clock.now()).slug != target.slug
        screen.action_pick_question()
        await _choose(pilot, "as far ahead as you can")
        assert screen.model.current_question(app.clock.now()).slug == target.slug
        await pilot.press("ctrl+g")
        await settle(pilot)
        [asked] = app.services.store.list_asked(screen.model.meeting.id)
        assert asked.slug == target.slug


@pytest.mark.slow
async def test_switch_playbook_before_the_first_question_only(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        screen.action_switch_playbook()
        await _choose(pilot, "Moonshot")
        assert screen.model.playbook.slug == "moonshot"
        await settle(pilot)
        meeting = app.services.store.get_meeting(screen.model.meeting.id)
        assert meeting.playbook == "moonshot"
        titles = [s.title for s in app.services.store.list_segments(meeting.id)]
        assert titles[-1] == screen.model.agenda[0].title
        await pilot.press("ctrl+g")
        screen.action_switch_playbook()
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert any("before the first question" in str(n.message) for n in app._notifications)


@pytest.mark.slow
async def test_f2_shows_the_career_thread_with_this_meetings_answers(make_app):
    from pilot_helpers import type_line

    from tui1on1.ui.screens.career import CareerScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        screen.action_pick_question()
        await _choose(pilot, "as far ahead as you can")
        await pilot.press("ctrl+g")
        await type_line(pilot, "wants to lead a small team")
        await pilot.press("ctrl+y")
        await type_line(pilot, "loves seeing people grow")
        await settle(pilot)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, CareerScreen) and app.screen.thread)
        shown = [str(o.prompt) for o in app.screen.query_one("#career-entries").options]
        assert shown[0].startswith("Aspiration  new since the last career talk")
        assert "20 Nov      wants to lead a small team" in shown[1]
        assert "answer to “Looking as far ahead" in shown[1]
        assert shown[2].startswith("Why  new")
        assert "loves seeing people grow" in shown[3] and "after Why? on “Looking" in shown[3]
        await pilot.press("f2")  # F2 again: back to the meeting, still live
        await wait_for(pilot, lambda: app.screen is screen)


async def test_a_broken_user_questions_file_is_reported_and_the_app_starts(make_app, isolated_dirs):
    config = isolated_dirs / "config" / "tui1on1"
    config.mkdir(parents=True)
    (config / "questions.toml").write_text('[[question]]\nslug = "mine"\ntext = "unclosed\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await screen.run_action("next_segment")  # past Follow-ups: nothing is carried over yet
        await pilot.pause(0.1)
        assert screen.model.current_question(app.clock.now()) is not None
        messages = [str(n.message) for n in app._notifications]
        assert any("questions.toml" in m and "line" in m for m in messages)
