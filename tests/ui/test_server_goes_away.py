"""The PostgreSQL server goes away under a running app, between meetings.

A real server of its own (scripts/pg-throwaway, as CI uses), stopped while
home is open: every change and every page says calmly that the server can't
be reached and what was not done, and the app keeps running. Needs the
PostgreSQL server binaries (CI has them); skipped with that reason otherwise.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from screen_text import screen_text

from pilot_wait import wait_for
from tui1on1.settings import load_settings
from tui1on1.storage.store import Store
from tui1on1.ui.app import OneOnOneApp
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.person import PersonScreen

pytestmark = pytest.mark.slow  # starts a PostgreSQL server

SCRIPT = Path(__file__).parents[2] / "scripts" / "pg-throwaway"
GONE = "can't reach the database server"  # "at URL" follows (a notification wraps it)


@pytest.fixture
def server() -> Iterator[tuple[str, Callable[[], None]]]:
    """(URL, stop): a private PostgreSQL server and the way to take it away."""
    where = tempfile.mkdtemp(prefix="tui1on1-pg-")  # under /tmp: the server's user can reach it
    started = subprocess.run(
        [str(SCRIPT), "start", where], capture_output=True, text=True, timeout=120
    )
    if "no PostgreSQL server binaries" in started.stderr:
        pytest.skip("needs the PostgreSQL server binaries (e.g. Debian's postgresql-15)")
    assert started.returncode == 0, started.stderr
    url = started.stdout.strip().split("=", 1)[1]

    def stop() -> None:
        subprocess.run([str(SCRIPT), "stop", where], capture_output=True, timeout=60)

    try:
        yield url, stop
    finally:
        stop()


async def test_home_and_the_person_page_say_the_server_is_gone_and_go_on(server, clock):
    url, stop = server
    store = Store.open(url)
    store.add_person("Ada Lovelace", role="Staff engineer", cadence="weekly")
    store.add_person("Grace Hopper", cadence="weekly")
    app = OneOnOneApp(load_settings(db_arg=url), store=store, clock=clock)
    app.reraise_crashes = True
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        # Home's last read (the promises line) done too: a read still under way
        # when the server goes would say so in a notification of its own,
        # newer than the archive's, and only the newest shows.
        await wait_for(pilot, lambda: "My promises kept on time" in screen_text(app))
        assert "Ada Lovelace" in screen_text(app)

        stop()  # the server goes away
        await pilot.press("h")  # archive the highlighted person
        said = "Ada Lovelace was not archived: " + GONE
        await wait_for(pilot, lambda: said in screen_text(app), timeout=30)
        assert app.is_running and app.crash is None and isinstance(app.screen, HomeScreen)
        assert "Archived" not in screen_text(app)

        await pilot.press("enter")  # open her page
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, PersonScreen)
                and "Couldn't load this page: " + GONE in screen_text(app)
            ),
            timeout=30,
        )
        assert app.is_running and app.crash is None
        assert "Nothing yet" not in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert app.return_code in (None, 0)
