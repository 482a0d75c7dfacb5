"""Whose 1:1 it is stays on screen at every size, the footer keeps End and
Help, notifications leave the notes and the input alone, cut text ends in
"…", and Pick question / Switch playbook have keys."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, settle, type_line, wait_for
from screen_text import screen_lines, screen_text
from textual.command import CommandPalette
from textual.widgets import Static

from tui1on1.storage.store import Store
from tui1on1.ui.widgets.clock import who_text
from tui1on1.ui.widgets.keys_line import KeysLine, ShownKey
from tui1on1.ui.widgets.notes import NoteInput, NotesList
from tui1on1.ui.widgets.pausecue import PauseCueBar

SIZES = [(80, 24), (60, 18), (40, 12)]


@pytest.fixture
def person(db_path):
    def add(name: str = "Priya Raman", role: str = "Staff engineer"):
        store = Store.open(f"sqlite:///{db_path}")
        store.add_person(name, role=role)
        store.close()
        return name

    return add


def shown_on_top(screen, widget) -> str:
    """The widget's text, after checking every cell of it is on screen and
    not covered by anything (a notification, a dialog)."""
    region = widget.region
    assert widget.display and region.width > 0 and region.height > 0, widget
    assert screen.region.contains_region(region), (region, screen.region)
    for y in range(region.y, region.bottom):
        for x in range(region.x, region.right):
            on_top, _ = screen.get_widget_at(x, y)
            assert on_top is widget, (widget, x, y, on_top)
    return str(widget.render())


def is_toast(widget) -> bool:
    return any(type(node).__name__ == "Toast" for node in widget.ancestors_with_self)


def who_on_screen(screen) -> str:
    [label] = [w for w in screen.query("WhoLabel").results(Static) if w.display]
    return shown_on_top(screen, label)


@pytest.mark.parametrize("size", SIZES)
async def test_the_name_and_role_are_on_screen_at_every_size(make_app, person, size):
    app = make_app(person())
    async with app.run_test(size=size) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.pause(0.1)
        shown = who_on_screen(screen)
        if size == (40, 12):
            assert shown == "Priya Raman · Staff e…"
        else:
            assert shown == "Priya Raman · Staff engineer"
        # it takes no row of its own: the notes keep their rows at 80x24
        if size == (80, 24):
            assert screen.query_one(NotesList).region.height >= 6


@pytest.mark.slow
async def test_a_long_name_is_shortened_with_an_ellipsis_and_follows_resizes(make_app, person):
    name = person("Maximiliana Konstantinopoulou-Vanderbilt", "Principal staff engineer")
    app = make_app(name)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.pause(0.1)
        assert who_on_screen(screen) == "Maximiliana Konstantinopoulou-Vanderbilt · Princi…"
        await pilot.resize_terminal(60, 18)
        await pilot.pause(0.1)
        shown = who_on_screen(screen)
        assert shown.startswith("Maximiliana Konstantinopoulou") and shown.endswith("…")
        await pilot.resize_terminal(40, 12)
        await pilot.pause(0.1)
        assert who_on_screen(screen) == "Maximiliana Konstanti…"


def test_who_text_shortens_the_role_first_then_the_name():
    assert who_text("Ada Lovelace", "Staff engineer", 40) == "Ada Lovelace · Staff engineer"
    assert who_text("Ada Lovelace", "Staff engineer", 22) == "Ada Lovelace · Staff…"
    assert who_text("Ada Lovelace", "Staff engineer", 16) == "Ada Lovelace"
    assert who_text("Ada Lovelace", "Staff engineer", 8) == "Ada Lov…"
    assert who_text("Ada Lovelace", "", 30) == "Ada Lovelace"
    assert who_text("田中さん", "リーダー", 15) == "田中さん · リ…"  # wide: two cells each
    assert who_text("田中さん", "リーダー", 12) == "田中さん"


def footer_keys(screen) -> dict[str, ShownKey]:
    return {key.description: key for key in screen.query_one(KeysLine).shown()}


@pytest.mark.parametrize(
    ("size", "must", "gone"),
    [
        ((80, 24), ["Ask", "Why?", "Next", "Prev", "Segment", "Pause", "End", "Help"], []),
        ((60, 18), ["Ask", "Why?", "Next", "End", "Help"], ["+5 min", "Prev", "Pause"]),
        # Exactly 40 columns: the palette's rule stands in for the space after Help.
        ((40, 12), ["Ask", "Why?", "End", "Help"], ["+5 min", "Prev", "Pause", "Segment"]),
    ],
)
async def test_the_footer_keeps_end_help_and_the_palette(make_app, person, size, must, gone):
    app = make_app(person())
    async with app.run_test(size=size) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.pause(0.1)
        keys = footer_keys(screen)
        line = shown_on_top(screen, screen.query_one(KeysLine))
        assert line == screen_lines(app)[-1]
        for description in must:
            assert description in keys, (size, description, list(keys))
            assert f"{keys[description].key_display} {description}" in line, (size, line)
        for description in gone:
            assert description not in keys, (size, description)
            assert f" {description}" not in line, (size, line)
        assert line.endswith("▏^p palette"), line  # whole, at the right edge
        assert len(line) <= size[0]
        assert keys["End"].key_display == "^o" and keys["Help"].key_display == "f1"


async def test_the_footer_follows_a_resize_and_a_rebound_key(make_app, person, isolated_dirs):
    config = isolated_dirs / "config" / "tui1on1"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[keys]\nend_meeting = "f9"\n')
    app = make_app(person())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.pause(0.1)
        assert "+5 min" in footer_keys(screen)
        await pilot.resize_terminal(60, 18)
        await wait_for(pilot, lambda: "+5 min" not in screen_lines(app)[-1])
        keys = footer_keys(screen)
        assert keys["End"].key_display == "f9" and "Help" in keys
        assert "f9 End" in screen_lines(app)[-1]


async def test_a_key_clicked_in_the_footer_is_the_key_pressed(make_app, person):
    app = make_app(person())
    async with app.run_test(size=(80, 24)) as pilot:
        await meeting_ready(pilot)
        await pilot.pause(0.1)
        line = screen_lines(app)[-1]
        await pilot.click(KeysLine, offset=(line.index("f1 Help") + 1, 0))
        await wait_for(pilot, lambda: "Keys in a meeting" in screen_text(app))


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
async def test_a_notification_leaves_the_notes_the_input_and_the_name_readable(
    make_app, person, size
):
    app = make_app(person())
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await meeting_ready(pilot)
        for i in range(12):
            await type_line(pilot, f"note {i}")
        await type_line(pilot, "! book the offsite @13/02")  # the due date can't be read
        await settle(pilot)
        await pilot.press(*"half typed")
        await wait_for(pilot, lambda: screen.query("Toast"))
        await pilot.pause(0.2)
        assert "13/02" in str(screen.query("Toast").last().render())
        notes = screen.query_one(NotesList)
        region = notes.region
        for y in range(region.y, region.bottom):
            for x in range(region.x, region.right):
                on_top, _ = screen.get_widget_at(x, y)
                assert not is_toast(on_top), (size, x, y)
        shown_on_top(screen, screen.query_one(NoteInput))
        assert screen.query_one(NoteInput).value == "half typed"
        who_on_screen(screen)
        assert shown_on_top(screen, screen.query_one("#clock-state")) == "ON TRACK"
        rows = [str(o.prompt) for o in notes.options]
        assert "book the offsite" in rows[-1]


@pytest.mark.slow
async def test_the_resumed_notification_counts_in_words_and_leaves_the_notes_alone(
    make_app, person
):
    name = person()
    first = make_app(name)
    async with first.run_test(size=(80, 24)) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "the only note")
        await settle(pilot)
    again = make_app(name)
    async with again.run_test(size=(60, 18), notifications=True) as pilot:
        screen = await meeting_ready(pilot)
        await wait_for(pilot, lambda: screen.query("Toast"))
        await pilot.pause(0.2)
        [toast] = screen.query("Toast")
        assert "Resumed the 1:1 with Priya Raman: 1 note kept." in str(toast.render())
        region = screen.query_one(NotesList).region
        for x in range(region.x, region.right):
            on_top, _ = screen.get_widget_at(x, region.y)  # the only note's row
            assert not is_toast(on_top)


async def test_cut_text_on_the_meeting_screen_ends_in_an_ellipsis(make_app, person):
    app = make_app(person())
    async with app.run_test(size=(60, 18)) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.pause(0.1)
        for selector in ("#cue-message", "#prompt-probes", "#segment-bar"):
            widget = screen.query_one(selector)
            assert widget.styles.text_overflow == "ellipsis" and widget.styles.text_wrap == "nowrap"
            assert widget.region.height == 1
        note_input = screen.query_one(NoteInput)
        assert note_input.placeholder.endswith("…")
        assert len(note_input.placeholder) <= note_input.content_region.width
        await pilot.resize_terminal(100, 30)
        await pilot.pause(0.1)
        assert not note_input.placeholder.endswith("…")  # it fits again
        long = "two notes " * 30
        await type_line(pilot, long.strip())
        await settle(pilot)
        [row] = [str(o.prompt) for o in screen.query_one(NotesList).options]
        # A note row wraps under its own text (a hanging indent); it is never cut.
        _first, *more = row.splitlines()
        assert more and all(line.startswith(" " * 8) and line[8] != " " for line in more)
        assert " ".join(line.strip() for line in row.splitlines()).endswith(long.strip())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "placeholder"), [("f3", "Pick a question"), ("f4", "Switch playbook")]
)
async def test_pick_question_and_switch_playbook_have_keys(make_app, person, key, placeholder):
    app = make_app(person())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.press(*"typing")
        await pilot.press(key)
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert placeholder in str(app.screen.query_one("CommandInput").placeholder)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.query_one(NoteInput).value == "typing"  # the key typed nothing


async def test_the_picker_keys_can_be_rebound_by_id(make_app, person, isolated_dirs):
    config = isolated_dirs / "config" / "tui1on1"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[keys]\npick_question = "f7"\nswitch_playbook = "f8"\n')
    app = make_app(person())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.press("f3")
        await pilot.pause(0.1)
        assert app.screen is screen
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert "Switch playbook" in str(app.screen.query_one("CommandInput").placeholder)


async def test_the_pause_cue_hint_names_the_ask_key_as_rebound(make_app, person, isolated_dirs):
    """The idle hint says which key starts the cue: after `ask = "f5"` it must
    say f5, the key that works, not the default ^g."""
    config = isolated_dirs / "config" / "tui1on1"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[keys]\nask = "f5"\n')
    app = make_app(person())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.pause(0.2)
        cue = str(screen.query_one("#cue-message").render())
        assert "press f5" in cue and "^g" not in cue


async def test_the_pause_cue_names_the_ask_key_as_rebound(make_app, person, isolated_dirs):
    config = isolated_dirs / "config" / "tui1on1"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[keys]\nask = "f9,ctrl+g"\n')
    app = make_app(person())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await meeting_ready(pilot)
        hint = screen.query_one(PauseCueBar).idle_hint
        assert hint.startswith("Ask it aloud, then press f9 / ^g:"), hint
