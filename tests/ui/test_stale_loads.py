"""A slow, superseded screen load never paints its stale rows over fresh ones."""

from __future__ import annotations

import threading

from pilot_helpers import wait_for
from textual.widgets import DataTable


async def test_an_old_home_load_finishing_last_does_not_hide_a_new_person(make_app):
    from tui1on1.ui.screens.home import HomeScreen

    app = make_app(meet=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        store = app.services.store
        real_overview = store.people_overview
        stale_rows = real_overview()  # nobody yet
        release = threading.Event()
        calls = []

        def overview(**kwargs):
            calls.append(kwargs)
            if len(calls) == 1:  # the old load: slow, and from before the add
                release.wait(5)
                return stale_rows
            return real_overview(**kwargs)

        store.people_overview = overview
        home = app.screen
        home.reload()  # old load, now stuck
        await wait_for(pilot, lambda: len(calls) == 1)
        store.add_person("Ana")
        home.reload()  # new load sees Ana
        table = home.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        release.set()  # the old load finishes last
        await wait_for(pilot, lambda: not any(w.is_running for w in home.workers))
        await pilot.pause(0.1)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[0]) == "Ana"
