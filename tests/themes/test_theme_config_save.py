"""save_theme: the theme key written into config.toml, everything else kept (tomlkit)."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from tui1on1.settings import Config, ConfigError, read_config, save_theme


def test_a_new_config_file_is_created_private(tmp_path):
    config = tmp_path / "cfg" / "config.toml"
    save_theme(config, "tui1on1-paper")
    assert config.read_text(encoding="utf-8") == 'theme = "tui1on1-paper"\n'
    assert config.stat().st_mode & 0o777 == 0o600
    assert config.parent.stat().st_mode & 0o777 == 0o700


def test_the_theme_value_is_replaced_and_comments_and_tables_kept(tmp_path):
    config = tmp_path / "config.toml"
    text = (
        "# my settings\n"
        'database_url = "sqlite:////tmp/x.db"  # the laptop\n'
        'theme = "nord"   # was\n'
        "pause_seconds = 10\n\n"
        "[keys]\n"
        'ask = "ctrl+g,f2"\n'
    )
    config.write_text(text, encoding="utf-8")
    save_theme(config, "tui1on1-dark")
    assert config.read_text(encoding="utf-8") == text.replace(
        'theme = "nord"   # was', 'theme = "tui1on1-dark"   # was'
    )


def test_a_theme_line_is_added_above_the_first_table(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('pause_seconds = 10\n[keys]\nask = "f2"\n', encoding="utf-8")
    save_theme(config, "tui1on1-paper")
    assert config.read_text(encoding="utf-8") == (
        'pause_seconds = 10\ntheme = "tui1on1-paper"\n\n[keys]\nask = "f2"\n'
    )
    settings, problems = read_config(config)
    assert problems == [] and settings.keys == {"ask": "f2"}


def test_a_users_comments_survive_the_app_writing_a_setting(tmp_path):
    config = tmp_path / "config.toml"
    text = (
        "# tui1on1 settings: the work laptop\n"
        "\n"
        "# shorter pauses: I fill silences\n"
        "pause_seconds = 6  # seconds\n"
        "\n"
        "[keys]\n"
        "# F2 is easier to reach than ctrl+g\n"
        'ask = "f2"  # the question picker\n'
        "# end of my keys\n"
    )
    config.write_text(text, encoding="utf-8")
    save_theme(config, "tui1on1-paper")
    saved = config.read_text(encoding="utf-8")
    for line in text.splitlines():
        assert line in saved.splitlines()
    settings, problems = read_config(config)
    assert problems == []
    assert settings == Config(pause_seconds=6, theme="tui1on1-paper", keys={"ask": "f2"})


def test_a_file_the_line_edit_cannot_handle_is_rewritten_with_the_same_settings(tmp_path):
    config = tmp_path / "config.toml"
    text = 'database_url = """\nsqlite:////tmp/x.db"""\ntheme = """\nnord\n"""\n'
    text += '[keys]\nask = "f2"\n'
    config.write_text(text, encoding="utf-8")
    before = tomllib.loads(text)
    save_theme(config, "tui1on1-paper")
    assert tomllib.loads(config.read_text(encoding="utf-8")) == {
        **before,
        "theme": "tui1on1-paper",
    }


@pytest.mark.parametrize(
    "value",
    ['quote " and backslash \\', "tab\tnew\nline", "ünïcödé ✓", "\x1b[31m"],
)
def test_any_value_round_trips(tmp_path, value):
    """Whatever else the file holds (and whatever the theme's name) reads back
    the same after the theme is written."""
    import tomlkit

    config = tmp_path / "config.toml"
    data = {
        "theme": "nord",
        "n": 3,
        "f": 0.5,
        "b": True,
        "d": date(2026, 1, 2),
        "l": [1, "x"],
        "keys": {value: value, "plain": "x", "nested": {"a": 1}},
        "odd key": value,
    }
    config.write_text(tomlkit.dumps(data), encoding="utf-8")
    save_theme(config, value)
    assert tomllib.loads(config.read_text(encoding="utf-8")) == {**data, "theme": value}


def test_a_broken_config_file_is_left_alone(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("theme = [broken\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="theme not saved"):
        save_theme(config, "tui1on1-paper")
    assert config.read_text(encoding="utf-8") == "theme = [broken\n"
