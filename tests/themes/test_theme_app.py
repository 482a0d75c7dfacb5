"""The app and its themes: start-up choice, palette choice saved, bad files reported."""

from __future__ import annotations

import pytest
from textual.theme import BUILTIN_THEMES

from pilot_wait import wait_for
from tui1on1.settings import Config, load_settings, read_config
from tui1on1.storage.store import Store
from tui1on1.ui.app import OneOnOneApp
from tui1on1.ui.theming import DEFAULT_THEME, load_catalogue


@pytest.fixture
def new_app(tmp_path):
    """new_app(theme=None) → the home screen on a fresh SQLite database."""

    def make(theme: str | None = None) -> OneOnOneApp:
        settings = load_settings(db_arg=f"sqlite:///{tmp_path / 'data' / 'app.db'}")
        return OneOnOneApp(settings, store=Store.open(settings.database_url), theme=theme)

    return make


def _messages(app) -> list[str]:
    """Every message; problems found together share one notification, a line each."""
    return [
        line.removeprefix("• ") for n in app._notifications for line in str(n.message).splitlines()
    ]


async def test_the_default_is_the_calm_dark_theme(new_app, config_dir):
    app = new_app()
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        assert app.theme == DEFAULT_THEME
        assert app.theme_variables["clock-on-track"].lower() == "#8fc29a"
        assert not _messages(app)
    assert not (config_dir / "config.toml").exists()  # nothing chosen, nothing written


async def test_a_theme_chosen_in_the_app_is_saved_and_used_next_time(new_app, config_dir):
    config = config_dir / "config.toml"
    config.write_text('pause_seconds = 12\n\n[keys]\nask = "f2"\n', encoding="utf-8")
    app = new_app()
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        app.theme = "tui1on1-paper"  # what the palette's Theme picker does
        await pilot.pause()
        assert app.theme_variables["clock-on-track"].lower() == "#2e7044"
    settings, problems = read_config(config)
    assert problems == []
    assert settings == Config(theme="tui1on1-paper", pause_seconds=12, keys={"ask": "f2"})
    assert config.stat().st_mode & 0o777 == 0o600

    again = new_app()
    async with again.run_test() as pilot:
        assert again.theme == "tui1on1-paper"


async def test_the_palette_theme_picker_lists_ours_and_saves_the_pick(new_app, config_dir):
    app = new_app()
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        app.action_change_theme()
        await pilot.pause()
        await pilot.press(*"high-contrast")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.theme == "tui1on1-high-contrast")
    assert read_config(config_dir / "config.toml")[0] == Config(theme="tui1on1-high-contrast")


async def test_theme_option_wins_over_the_config_and_is_not_saved(new_app, config_dir):
    config = config_dir / "config.toml"
    config.write_text('theme = "tui1on1-paper"\n', encoding="utf-8")
    app = new_app(theme="nord")
    async with app.run_test():
        assert app.theme == "nord"
        assert app.theme_variables["clock-overtime"] == app.theme_variables["error"]
    assert config.read_text(encoding="utf-8") == 'theme = "tui1on1-paper"\n'


async def test_a_bad_user_theme_is_reported_by_name_and_the_app_still_starts(new_app, config_dir):
    themes = config_dir / "themes"
    themes.mkdir()
    (themes / "broken.toml").write_text('name = "broken"\nprimary = "#12"\n', encoding="utf-8")
    (themes / "half.toml").write_text('name = "half"\nprimary = "#336699"\n', encoding="utf-8")
    (config_dir / "config.toml").write_text('theme = "broken"\n', encoding="utf-8")
    app = new_app()
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        messages = _messages(app)
        assert any(m.startswith("broken.toml: 'primary' = '#12' is not a colour") for m in messages)
        assert f"there is no theme 'broken'; using {DEFAULT_THEME}" in messages
        assert app.theme == DEFAULT_THEME
        app.theme = "half"  # a user theme without the app's variables: derived ones
        await pilot.pause()
        assert app.theme_variables["clock-on-track"] == app.theme_variables["success"]


@pytest.mark.slow
async def test_every_theme_works_with_the_apps_stylesheet(new_app):
    """Textual's built-ins lack the app's variables: the defaults fill them in."""
    app = new_app()
    async with app.run_test() as pilot:
        for name in [*BUILTIN_THEMES, *(t.name for t in load_catalogue(None).ours())]:
            app.theme = name
            await pilot.pause()
            assert app.theme == name
            for variable in ("clock-on-track", "clock-overtime-style", "pause-cue"):
                assert app.theme_variables[variable], (name, variable)
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_a_config_file_that_cannot_be_read_is_not_overwritten(new_app, config_dir):
    config = config_dir / "config.toml"
    config.write_text("theme = [broken\n", encoding="utf-8")
    app = new_app()
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        app.theme = "tui1on1-paper"
        await pilot.pause()
        assert any("theme not saved" in m for m in _messages(app))
    assert config.read_text(encoding="utf-8") == "theme = [broken\n"
