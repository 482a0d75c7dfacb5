"""career_weeks: how many weeks until the next career conversation is due."""

from __future__ import annotations

import pytest

from tui1on1.settings import Config, load_settings, read_config


@pytest.mark.parametrize(
    ("written", "weeks"),
    [("career_weeks = 8", 8), ("career_weeks = 1", 1), ("career_weeks = 52.0", 52)],
)
def test_a_whole_number_of_weeks_is_used(tmp_path, written: str, weeks: int):
    path = tmp_path / "config.toml"
    path.write_text(written + "\n", encoding="utf-8")
    assert read_config(path) == (Config(career_weeks=weeks), [])


@pytest.mark.parametrize(
    "written", ["career_weeks = 0", "career_weeks = 53", "career_weeks = 6.5", "career_weeks = nan",
                "career_weeks = inf", "career_weeks = -3"],
)  # fmt: skip
def test_another_number_is_refused_in_one_line_and_six_is_used(tmp_path, written: str):
    path = tmp_path / "config.toml"
    path.write_text(written + "\n", encoding="utf-8")
    config, problems = read_config(path)
    assert config == Config()
    assert problems == [f"{path}: career_weeks must be a whole number from 1 to 52; using 6"]


def test_a_word_is_the_wrong_type(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('career_weeks = "six"\n', encoding="utf-8")
    assert read_config(path) == (
        Config(),
        [f"{path}: setting 'career_weeks' has the wrong type; ignored"],
    )


def test_the_settings_give_six_unless_the_file_says_otherwise(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert load_settings(environ={}).career_weeks == 6
    folder = tmp_path / "cfg" / "tui1on1"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text("career_weeks = 4\n", encoding="utf-8")
    assert load_settings(environ={}).career_weeks == 4
