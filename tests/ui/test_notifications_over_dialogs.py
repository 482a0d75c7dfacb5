"""Notifications never hide a dialog's text and never pile up: one at a time,
app-wide; problems found at start share one notification; none shows over a
dialog (it shows again when the dialog is closed). Discarding names the folder
and the file on lines of their own and the command that brings it back."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, wait_for
from screen_text import screen_lines, screen_text
from test_keyboard_everywhere import at_home, write_config
from test_meeting_end_and_discard import NAME, dialog

from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.discard import DiscardScreen, import_command
from tui1on1.ui.dialogs.end import EndScreen
from tui1on1.ui.screens.home import HomeScreen

REFUSED = '[keys]\nend_meeting = "ctrl+e"\nask = "ctrl+a"\nnosuch = "f9"\nwhy = "ctrl+k"\n'


def visible_toasts(app) -> list:
    return [t for t in app.screen.query("Toast") if t.parent.display and t.region.height]


def inside(line: str) -> str:
    """A dialog row without its border and padding."""
    return line.strip().strip("│").strip()


@pytest.fixture
def priya(db_path):
    store = Store.open(f"sqlite:///{db_path}")
    person = store.add_person(NAME, role="Staff engineer")
    store.close()
    return person


@pytest.fixture
def home_is_tmp(monkeypatch, isolated_dirs):
    """The data dir is under the home dir: paths are shown with ~."""
    monkeypatch.setenv("HOME", str(isolated_dirs))
    return isolated_dirs


@pytest.mark.slow
@pytest.mark.parametrize("size", [(80, 24), (60, 18), (40, 12)])
async def test_dialogs_stay_readable_with_warnings_raised_at_start(
    make_app, priya, config_dir, home_is_tmp, size
):
    write_config(config_dir, REFUSED)
    app = make_app(NAME)
    async with app.run_test(size=size, notifications=True) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: visible_toasts(app))
        await pilot.press("ctrl+o")
        await dialog(pilot, EndScreen)
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert "Back (esc)" in shown and "End it (enter)" in shown
        assert "Discard this 1:1 (d)" in shown
        assert "Priya Raman" in shown and "engineer?" in shown  # the title, wrapped or not
        assert not visible_toasts(app) and "problems" not in shown
        await pilot.press("d")
        await dialog(pilot, DiscardScreen)
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert "Priya Raman?" in shown
        assert "Keep it (esc)" in shown and "Discard (y)" in shown
        assert "will be removed" in shown
        assert not visible_toasts(app) and "problems" not in shown
        await pilot.press("escape")  # back in the meeting: the warning is still due
        await wait_for(pilot, lambda: not isinstance(app.screen, DiscardScreen))
        await wait_for(pilot, lambda: visible_toasts(app))
        await pilot.pause(0.2)
        assert len(visible_toasts(app)) == 1
        assert "Config: 4 problems" in screen_text(app)


async def test_one_notification_at_a_time(make_app, priya):
    app = make_app(None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await at_home(pilot)
        for word in ("first", "second", "third"):
            app.notify(f"The {word} thing happened.")
        await wait_for(pilot, lambda: visible_toasts(app))
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert "The third thing happened." in shown
        assert "first" not in shown and "second" not in shown
        assert len(visible_toasts(app)) == 1


async def test_the_discarded_file_is_named_whole_with_the_command_to_bring_it_back(
    make_app, priya, data_dir, home_is_tmp
):
    app = make_app(NAME)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await meeting_ready(pilot)
        path = data_dir / "discarded" / "priya-raman-2026-11-20-0900.json"
        command = import_command(path)
        assert command == f"tui1on1 import ~/data/tui1on1/discarded/{path.name}"
        screen.action_discard_meeting()
        await dialog(pilot, DiscardScreen)
        await pilot.pause(0.2)
        rows = [inside(line) for line in screen_lines(app)]
        assert "~/data/tui1on1/discarded/" in rows
        assert path.name in rows  # the file name whole, on a line of its own
        assert command in rows  # the command too, ready to copy
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
        await wait_for(pilot, lambda: "To bring it back" in screen_text(app))
        rows = [line.rpartition("▌")[2].strip() for line in screen_lines(app)]  # the toast's
        assert f"Discarded the 1:1 with {NAME}" in rows
        assert command in rows
