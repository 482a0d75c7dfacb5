"""Terminal fit: resizing never loses the input, small sizes switch layouts,
and tricky text is shown safely."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, settle, type_line, wait_for
from textual.widgets import Digits, Static

from tui1on1.ui.widgets.notes import NoteInput, NotesList

SIZES = [(80, 24), (40, 12), (120, 40), (60, 18), (41, 13), (100, 30), (39, 11), (70, 22)]


@pytest.mark.slow
async def test_a_resize_storm_keeps_the_typed_draft_and_the_focus(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.press(*"half a thought")
        for _round in range(3):
            for size in SIZES:
                await pilot.resize_terminal(*size)
        await pilot.pause()
        note_input = screen.query_one(NoteInput)
        assert note_input.value == "half a thought"
        assert screen.focused is note_input
        await pilot.press("enter")
        await settle(pilot)
        [note] = app.services.store.list_notes(screen.model.meeting.id)
        assert note.text == "half a thought"


@pytest.mark.slow
async def test_layouts_switch_by_size_and_keep_clock_prompt_and_input(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_ready(pilot)
        for size, compact, minimal in (((80, 24), False, False), ((60, 18), True, False),
                                       ((40, 12), True, True)):  # fmt: skip
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert (
                screen.has_class("-compact") is compact and screen.has_class("-minimal") is minimal
            )
            must_show = (
                screen.query_one(Digits),
                screen.query_one("#prompt-question"),
                screen.query_one(NoteInput),
                screen.query_one("#clock-state"),
            )
            for widget in must_show:
                assert widget.display and widget.region.height > 0, (size, widget)


TRICKY = [
    "🎉 shipped the importer 👩🏽‍💻",
    "田中さんと話した：リーダーになりたい",
    "café, naïve, Zoë — e\u0301 combining",
    "مرحبا بالعالم and שלום",
    "evil \x1b[31mred\x1b[0m and bell \x07 and \u202eoverride\u202c",
]


async def test_tricky_text_renders_and_never_reaches_the_terminal_raw(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_ready(pilot)
        for line in TRICKY:
            await type_line(pilot, line)
        await settle(pilot)
        stored = [n.text for n in app.services.store.list_notes(screen.model.meeting.id)]
        assert stored == [line.strip() for line in TRICKY]  # kept exactly as typed
        rows = [str(o.prompt) for o in screen.query_one(NotesList).options]
        assert any("👩🏽‍💻" in row for row in rows) and any("リーダー" in row for row in rows)
        evil = rows[-1]
        for raw in ("\x1b", "\x07", "\u202e", "\u202c"):
            assert raw not in evil
        assert "\\x1b[31m" in evil and "\\u202e" in evil
        screenshot = app.export_screenshot()
        assert "\x1b[31m" not in screenshot and "\u202e" not in screenshot


async def test_a_name_with_wide_characters_fits_the_home_table(make_app):
    from textual.widgets import DataTable

    from tui1on1.ui.screens.home import HomeScreen

    app = make_app(meet=None)
    async with app.run_test(size=(60, 18)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        app.services.store.add_person("田中 花子 🌸", role="デザイナー")
        app.screen.reload()
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        assert str(table.get_row_at(0)[0]) == "田中 花子 🌸"
        assert str(app.screen.query_one("#detail-text", Static).render()).startswith("田中 花子 🌸")
