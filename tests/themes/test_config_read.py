"""read_config: the config file checked once into a typed Config, problems in the file's order."""

from __future__ import annotations

from tui1on1.settings import Config, load_settings, read_config


def test_a_good_file_becomes_a_typed_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'database_url = "sqlite:////tmp/x.db"\npause_seconds = 5.5\ntheme = "nord"\n'
        '[keys]\nask = "f2"\n',
        encoding="utf-8",
    )
    config, problems = read_config(path)
    assert problems == []
    assert config == Config(
        database_url="sqlite:////tmp/x.db", pause_seconds=5.5, theme="nord", keys={"ask": "f2"}
    )


def test_each_problem_is_one_line_in_the_files_order_and_the_rest_is_used(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = 3\nbogus = 1\npause_seconds = 99\ndatabase_url = true\nkeys = "f2"\n',
        encoding="utf-8",
    )
    config, problems = read_config(path)
    assert config == Config()
    assert problems == [
        f"{path}: setting 'theme' has the wrong type; ignored",
        f"{path}: unknown setting 'bogus' ignored",
        f"{path}: setting 'database_url' has the wrong type; ignored",
        f"{path}: setting 'keys' has the wrong type; ignored",
        f"{path}: pause_seconds must be between 1 and 60; "
        "each kind of question keeps its own length",
    ]


def test_a_file_that_is_not_toml_means_defaults(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("theme = [broken\n", encoding="utf-8")
    config, problems = read_config(path)
    assert config == Config()
    assert len(problems) == 1 and problems[0].endswith("; using defaults")


def test_the_pause_and_database_come_from_the_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "cfg" / "tui1on1"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(
        'pause_seconds = 12\ndatabase_url = "sqlite:////tmp/y.db"\n', encoding="utf-8"
    )
    settings = load_settings(environ={})
    lengths = settings.pause_lengths  # set alone, it is every question's length
    assert (lengths.for_category("wellbeing"), lengths.for_category("why")) == (12.0, 12.0)
    assert (settings.database_url, settings.database_source) == (
        "sqlite:////tmp/y.db",
        "config file",
    )
    assert load_settings(environ={}).config.keys == {}
