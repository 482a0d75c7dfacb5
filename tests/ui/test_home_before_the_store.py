"""Home shows its people before the Store is open (read with the standard
library), and a key pressed on them meanwhile waits for the Store, then runs:
nothing is lost, nothing silently ignored."""

from __future__ import annotations

import threading

from pilot_helpers import home_with_rows, wait_for
from screen_text import screen_text
from textual.widgets import DataTable

from tui1on1.settings import load_settings
from tui1on1.ui.app import OneOnOneApp
from tui1on1.ui.screens.home import HomeScreen

SIZE = (100, 30)


def held_app(db_path, clock) -> tuple[OneOnOneApp, threading.Event]:
    """The app as `tui1on1` starts it (it opens the database itself), its
    opening held until the test lets it go."""
    app = OneOnOneApp(load_settings(db_arg=f"sqlite:///{db_path}"), meet=None, clock=clock)
    app.reraise_crashes = True
    release = threading.Event()
    opening = app._open

    def held():
        assert release.wait(10), "the test never let the database open"
        return opening()

    app._open = held
    return app, release


async def rows_before_the_store(pilot) -> DataTable:
    """Home, its two people shown, the database not open yet."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    table = app.screen.query_one(DataTable)
    await wait_for(pilot, lambda: table.row_count == 2)
    assert app.services is None
    return table


def notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_people_show_before_the_store_opens_and_a_key_waits_for_it(db_path, clock, history):
    app, release = held_app(db_path, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        table = await rows_before_the_store(pilot)
        text = screen_text(app)
        assert "Ada Lovelace" in text and "Bob Ross" in text and "Last 1:1" in text
        assert "Staff engineer" in text
        await pilot.press("h")  # archive Ada, highlighted: first by name
        await pilot.pause(0.2)
        assert "Archived" not in notices(app) and table.row_count == 2
        release.set()
        await wait_for(pilot, lambda: "Archived Ada Lovelace" in notices(app))
        await wait_for(pilot, lambda: table.row_count == 1)
        assert "Ada Lovelace" not in screen_text(app).split("Archived")[0]
        # The empty log the early read left is nothing the Store warns of.
        assert "write-ahead log" not in notices(app)


async def test_the_form_waits_for_the_store_too(db_path, clock, history):
    app, release = held_app(db_path, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await rows_before_the_store(pilot)
        await pilot.press("a")
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen)  # not yet: nothing to save into
        release.set()
        await wait_for(pilot, lambda: "Add a person" in screen_text(app))


async def test_a_first_start_says_no_one_is_here_yet(tmp_path, clock):
    """No database yet: home says so at once, not only once one is made."""
    app, release = held_app(tmp_path / "new" / "app.db", clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: "No one here yet" in screen_text(app))
        assert app.services is None
        release.set()
        await wait_for(pilot, lambda: app.services is not None)


def hold_the_rows(monkeypatch) -> threading.Event:
    """Home's early read held too, until the test lets it go."""
    from tui1on1.storage import opening

    rows_read = threading.Event()
    reading = opening.home_rows_ahead

    def held_rows(settings):
        assert rows_read.wait(10)
        return reading(settings)

    monkeypatch.setattr(opening, "home_rows_ahead", held_rows)
    return rows_read


async def press_before_any_rows(pilot, key: str) -> None:
    """``key`` pressed on home before it has rows: a calm word, nothing done."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    await pilot.press(key)
    await pilot.pause(0.2)
    assert notices(app) == "One moment: your people are still being read."
    assert isinstance(app.screen, HomeScreen)


async def test_e_before_any_rows_is_not_run_later_on_a_guess(db_path, clock, history, monkeypatch):
    """`e` pressed before home has rows: not "Pick someone to edit" (there
    are people, not read yet), and not Ada's form later either: an arrow
    pressed meanwhile went nowhere, so whoever is highlighted then is a
    guess. Once she shows, `e` edits her (after the database opens)."""
    rows_read = hold_the_rows(monkeypatch)
    app, release = held_app(db_path, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press_before_any_rows(pilot, "e")
        rows_read.set()
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 2)
        release.set()
        await wait_for(pilot, lambda: "My promises kept on time" in screen_text(app))
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen) and "Pick someone" not in notices(app)
        await pilot.press("e")
        await wait_for(pilot, lambda: "Edit Ada Lovelace" in screen_text(app))


async def test_down_then_h_before_any_rows_archives_no_one(db_path, clock, history, monkeypatch):
    """Down and h typed ahead of the rows: the Down went nowhere, so h must
    not archive whoever comes first (Ada), the person not meant."""
    rows_read = hold_the_rows(monkeypatch)
    app, release = held_app(db_path, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("down")
        await press_before_any_rows(pilot, "h")
        rows_read.set()
        release.set()
        await wait_for(pilot, lambda: "My promises kept on time" in screen_text(app))
        await pilot.pause(0.3)
        assert app.screen.query_one(DataTable).row_count == 2
        assert "Archived" not in notices(app)


async def test_m_before_any_rows_starts_no_1on1(db_path, clock, history, monkeypatch):
    """`m` before home has rows: not "Add someone first", and no 1:1 with a
    guessed person."""
    rows_read = hold_the_rows(monkeypatch)
    app, release = held_app(db_path, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press_before_any_rows(pilot, "m")
        rows_read.set()
        release.set()
        await wait_for(pilot, lambda: "My promises kept on time" in screen_text(app))
        await pilot.pause(0.3)
        assert isinstance(app.screen, HomeScreen) and "Add someone first" not in notices(app)


async def test_home_reads_its_rows_again_when_come_back_to(make_app, history):
    """Back from Ada's page, home shows what changed meanwhile (here, someone
    added from the shell): it reads again each time it is come back to."""
    from tui1on1.ui.screens.person import PersonScreen

    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        table = await home_with_rows(pilot, 2)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen))
        app.services.store.add_person("Grace Hopper")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and table.row_count == 3)
        assert "Grace Hopper" in screen_text(app)
