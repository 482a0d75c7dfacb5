"""The team view (t on home, or 'Team' in the palette): every report, who
needs the manager first, as the manager reads it; Enter opens the person;
the lines are cut again when the terminal narrows; snapshots at 80x24 and
60x18."""

from __future__ import annotations

import pytest
from pilot_helpers import wait_for
from screen_text import screen_lines, screen_text
from team_history import make_team

from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.person import PersonScreen
from tui1on1.ui.screens.team import TeamScreen


@pytest.fixture
def team(db_path, clock):
    return make_team(db_path, clock.now())


async def _team_ready(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen) and app.screen.rows)
    await pilot.pause(0.1)


def _block(app) -> list[str]:
    """The list's lines, without its frame."""
    lines = [line.strip("▊▎ ").rstrip(" ▁▂▃▄▅▆▇█") for line in screen_lines(app)[:-2]]
    top = next(i for i, line in enumerate(lines) if line.startswith("▔"))
    return lines[top + 1 :]


async def test_the_team_says_who_needs_me_first_and_enter_opens_them(make_app, team):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 32)) as pilot:
        await _team_ready(pilot)
        # The five answers, wrapped where long, never cut.
        assert [line.rstrip() for line in screen_lines(app)[:9]] == [
            " Your team, who needs you first",
            " 3 reports · 2 need something from you",
            " No career talk in 6 weeks: Ada Lovelace (8 weeks ago), Cy Young (no 1:1 yet)",
            " No one ready to back-fill: the roles of Bo Chen and Cy Young",
            " Ready for more now: Bo Chen for Ada Lovelace's role · within a year: Ada",
            " Lovelace for my role",
            " Your promises to them: 1 open · 1 overdue, the longest: ask HR about the band",
            " (Ada Lovelace, due Fri 13 Nov)",
            " How you listen, the last 4 weeks: no question asked · no talking points raised",
        ]
        assert _block(app)[:17] == [
            "Cy Young — no 1:1 yet",
            "career talk never · aspiration: not asked yet",
            "next step: none agreed",
            "my promises none open · exposure none yet",
            "─" * 76,
            "Ada Lovelace — 1 promise of mine overdue; no career conversation in 8 weeks;",
            "next step overdue 2 weeks; no growth plan toward their aspiration",
            "career talk 8 weeks ago · aspiration: wants to lead a small team",
            "next step: shadow Sam's on-call (overdue since Fri 6 Nov)",
            "my promises 1 open · kept 0% · 1 overdue · exposure none yet",
            "could step into: my role (within a year)",
            "─" * 76,
            "Bo Chen — nothing pressing",
            "career talk 1 week ago · aspiration: design systems lead",
            "growth plan: Design systems lead by summer — on track since 18 Nov",
            "next step: draft the tokens RFC (due Fri 27 Nov)",
            "my promises none open · exposure 4 days ago",
        ]
        assert "Dee Peer" not in screen_text(app)
        await pilot.press("down", "down", "enter")  # Bo, the third
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        assert app.screen.prep.person.id == team.bo
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))


async def test_narrower_the_lines_are_cut_again_and_the_palette_opens_it(make_app, team):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await pilot.press("ctrl+p")
        await pilot.press(*"team")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen) and app.screen.rows)
        await pilot.resize_terminal(60, 18)
        await pilot.pause(0.2)
        await pilot.press("down")  # Ada, the second: her card scrolls into view
        await pilot.pause(0.2)
        block = _block(app)
        ada = block.index("Ada Lovelace — 1 promise of mine overdue; no career")
        assert block[ada + 3] == "career talk 8 weeks ago · aspiration: wants to lead…"
        assert block[ada + 4] == "next step: shadow Sam's o… (overdue since Fri 6 Nov)"
        assert all(len(line) <= 56 for line in block)


async def test_the_team_is_read_once_on_opening_and_again_on_coming_back(make_app, team):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        store = app.services.store
        reads = []
        read = store.team_and_bench

        def counted(*args, **kwargs):
            reads.append(1)
            return read(*args, **kwargs)

        store.team_and_bench = counted
        await _team_ready(pilot)
        await pilot.pause(0.2)
        assert len(reads) == 1  # not a second read beside the first (on mount and resume)
        await pilot.press("enter")  # the person, then back: what changed there shows
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen) and len(reads) == 2)


async def test_no_reports_says_how_to_have_one(make_app):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen) and app.screen.rows == [])
        await pilot.pause(0.1)
        assert "No reports yet: the team view is for the people who report to you." in " ".join(
            screen_text(app).split()
        )


def test_team_screen(snap_compare, make_app, team):
    assert snap_compare(make_app(meet=None), terminal_size=(80, 24), run_before=_team_ready)


def test_team_screen_small(snap_compare, make_app, team):
    assert snap_compare(make_app(meet=None), terminal_size=(60, 18), run_before=_team_ready)
