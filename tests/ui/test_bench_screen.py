"""The bench (b on the team view, or 'The bench' in the palette): my role and
each report's with who could step in, the roles with no back-up first; n
names someone for the highlighted role in one line ("cy year: why"), with a
mistake said in the dialog; d takes someone off; the team view says it when
the manager goes back."""

from __future__ import annotations

import pytest
from pilot_helpers import wait_for
from screen_text import screen_lines, screen_text
from team_history import make_team

from tui1on1.ui.dialogs.bench_name import BenchNameScreen
from tui1on1.ui.screens.bench import BenchScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.team import TeamScreen


@pytest.fixture
def team(db_path, clock):
    return make_team(db_path, clock.now())


def _rows(app) -> list[str]:
    lines = [line.strip("▊▎ ").rstrip(" ▁▂▃▄▅▆▇█") for line in screen_lines(app)[:-1]]
    top = next(i for i, line in enumerate(lines) if line.startswith("▔"))
    return [line for line in lines[top + 1 :] if line and not line.startswith(("─", "▁"))]


async def _bench_ready(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen) and app.screen.rows)
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(app.screen, BenchScreen) and app.screen.roles)
    await pilot.pause(0.1)


async def _line(pilot, text: str) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, BenchNameScreen))
    await pilot.press("ctrl+u", *text, "enter")
    await pilot.pause(0.2)


async def test_naming_and_taking_off_from_the_bench(make_app, team):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 30)) as pilot:
        await _bench_ready(pilot)
        lines = screen_lines(app)
        assert lines[0].rstrip() == (
            " The bench · who could step into each role if its holder left tomorrow"
        )
        assert "2 of 4 roles with no one ready now or within a year" in screen_text(app)
        assert _rows(app) == [
            "! Bo Chen's role (Designer) — no one named yet",
            "! Cy Young's role (Engineer) — no one named yet",
            "my role",
            "Ada Lovelace — within a year",
            "Ada Lovelace's role (Staff engineer)",
            "Bo Chen — ready now",
        ]
        assert "Dee Peer" not in screen_text(app)  # a peer's role isn't on the bench

        await pilot.press("n")  # on Bo's role, the first
        await _line(pilot, "bo now")
        assert "Bo Chen can't back-fill their own role" in screen_text(app)
        await _line(pilot, "dee now")
        assert "Dee Peer is a peer, not on your team" in screen_text(app)
        await _line(pilot, "nobody year")
        assert "There is no one called nobody" in screen_text(app)
        await _line(pilot, "cy")
        assert "Say how ready after the name" in screen_text(app)
        await _line(pilot, "cy within a year: pairs with Bo on the tokens")
        await wait_for(pilot, lambda: isinstance(app.screen, BenchScreen))
        await wait_for(pilot, lambda: "Cy Young — within a year" in screen_text(app))
        assert _rows(app)[:2] == [
            "! Cy Young's role (Engineer) — no one named yet",
            "my role",
        ]
        assert "Bo Chen's role (Designer)" in _rows(app)
        assert "Cy Young — within a year · pairs with Bo on the tokens" in _rows(app)
        assert app.screen.query_one("#bench-list").highlighted_option.id == f"role-{team.bo}"

        # Take Ada off my role: highlight her row, then d.
        await pilot.press("home")
        view = app.screen.query_one("#bench-list")
        while view.highlighted_option.id != f"candidate-me-{team.ada}":
            await pilot.press("down")
        await pilot.press("d")
        await wait_for(pilot, lambda: "! my role — no one named yet" in _rows(app))

        await pilot.press("escape")  # the team view says the same
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
        await wait_for(
            pilot, lambda: "my role" in screen_text(app) and "Bo Chen" in screen_text(app)
        )
        assert "No one ready to back-fill: my role" in screen_text(app)


async def test_the_bench_is_in_the_palette(make_app, team):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await pilot.press("ctrl+p")
        await pilot.press(*"The bench")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, BenchScreen) and app.screen.roles)


@pytest.mark.parametrize("size", [(80, 24), (60, 18)], ids=["80x24", "60x18"])
def test_bench_screen(snap_compare, make_app, team, size):
    assert snap_compare(make_app(meet=None), terminal_size=size, run_before=_bench_ready)
