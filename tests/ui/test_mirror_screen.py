"""The manager's mirror as the manager sees it: i on home (or "Your mirror"
in the palette), six figures with a sentence each, w between 4 and 12 weeks,
and a calm "nothing yet" on an empty database. Five weeks of 1:1s made
through the Store on their own days (tests/mirror_history.py); the clock is
faked to Mon 7 Dec 2026, midday UTC."""

from __future__ import annotations

import pytest
from pilot_helpers import wait_for
from screen_text import screen_text
from textual.widgets import Sparkline

from mirror_history import NOW, make_mirror_history
from tui1on1.domain.timesource import FakeClock
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.mirror import MirrorScreen, first, trend_data

SIZE = (100, 34)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def history(db_path):
    return make_mirror_history(db_path)


async def open_mirror(pilot, key: str = "i") -> MirrorScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, MirrorScreen) and app.screen.mirror)
    await pilot.pause(0.05)
    return app.screen


async def test_i_on_home_shows_the_six_figures_with_what_they_mean(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_mirror(pilot)
        text = screen_text(app)
        for line in (
            "Your mirror · the last 4 weeks, Tue 10 Nov – Mon 7 Dec",
            "From your notes, never stored or sent · w: 12 weeks",
            "Pause after asking",
            "median 4.0 s · 4 of 6 reached 3 s",
            "You waited 3 s or more after 4 of 6 questions — most people need that long to",
            "Career segment reached",
            "3 of 5 (60%)",
            "2 of 5 meetings didn't get to Career (1 ended first, 1 had nothing asked or noted",
            "there): keep",
            "3 theirs · 1 yours (75% theirs)",
            "3 of 4 talking points were theirs — their agenda came first.",
            "2 of 26 ran over (7%)",
            "'Their topics' most often",
            "5 held · 3 missed",
            "You held 5 meetings and missed 3 that your cadences called for: Hedy Lamarr (2), Ada",
            "kept 1 of 3 (33%) · 1 older overdue",
            "You kept 1 of 3 promises due in the last 4 weeks on time (1 late · 1 still overdue), "
            "and 1 due",
            "earlier is still overdue: each late one tells them their topic can wait.",
        ):
            assert line in text, line
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_w_looks_back_twelve_weeks_and_back_again(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mirror(pilot)
        await pilot.press("w")
        await wait_for(pilot, lambda: screen.mirror and screen.mirror.window.weeks == 12)
        await pilot.pause(0.05)
        text = screen_text(app)
        assert "Your mirror · the last 12 weeks, Tue 15 Sep – Mon 7 Dec" in text
        # Ada's 2 Nov and Grace's 29 Oct are in: their pauses, and Grace's 29 Oct
        # 1:1 for the cadence; the talking point of mine from 1 Nov too.
        assert "median 4.5 s · 5 of 7 reached 3 s" in text
        assert "3 theirs · 2 yours (60% theirs)" in text
        assert "w: 4 weeks" in text
        await pilot.press("w")
        await wait_for(pilot, lambda: screen.mirror.window.weeks == 4)


async def test_the_palette_opens_the_mirror(make_app, history):
    from textual.command import CommandPalette

    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"your mirror")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MirrorScreen) and app.screen.mirror)


async def test_an_empty_database_says_so_for_each_figure_with_no_bars(make_app):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        app.action_open_mirror()
        await wait_for(pilot, lambda: isinstance(app.screen, MirrorScreen) and app.screen.mirror)
        await pilot.pause(0.05)
        text = screen_text(app)
        for line in (
            "No questions asked in the last 4 weeks.",
            "No 1:1s on a playbook with a Career segment in the last 4 weeks.",
            "No talking points added in the last 4 weeks.",
            "No segments timed in the last 4 weeks.",
            "No one has a cadence yet, so no 1:1 was due: set one when you edit a person.",
            "None of your promises came due in the last 4 weeks.",
        ):
            assert line in text, line
        assert "%" not in text
        assert all(s.styles.visibility == "hidden" for s in app.screen.query(Sparkline))


def test_the_bars_are_on_a_scale_from_zero_and_blank_for_an_empty_week():
    data = trend_data([0.5, None, 1.0, 0.0], 1.0)
    buckets = [data[i : i + 3] for i in range(0, len(data), 3)]
    assert len(buckets) == 12  # three cells a week at 4 weeks
    assert [first(b) for b in buckets[::3]] == [0.5, -1e9, 1.0, 0.0]
    assert (min(data), max(data)) == (0.0, 1.0)  # the Sparkline's own scale: 0 to 1


async def test_the_mirror_is_read_once_on_opening_and_again_on_coming_back(make_app, history):
    """Its first resume comes with the mount, whose read is under way: a
    second beside it took as long again. Back from another screen, it reads
    again (a 1:1 may have ended meanwhile)."""
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        store = app.services.store
        reads = []
        read = store.mirror_data

        def counted(*args, **kwargs):
            reads.append(1)
            return read(*args, **kwargs)

        store.mirror_data = counted
        await open_mirror(pilot)
        await pilot.pause(0.2)
        assert len(reads) == 1
        await pilot.press("ctrl+p")  # the palette is a screen of its own, then back
        await pilot.pause(0.2)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MirrorScreen) and len(reads) == 2)
