"""config.toml's pause lengths: pause_seconds, the [pause] table, and the
calm notice printed for each value it can't use (the default is kept)."""

from __future__ import annotations

from tui1on1.settings import load_settings


def test_the_pause_table_sets_lengths_by_kind_of_question(cli, config_dir):
    (config_dir / "config.toml").write_text(
        "pause_seconds = 9\n\n"
        "[pause]\n"
        "moonshot = 15\n"
        "wellbeing = 3.5\n"
        "second_wait_seconds = 5\n"
        "breath_seconds = 6\n",
        encoding="utf-8",
    )
    result = cli("locate")
    assert result.returncode == 0 and result.stderr == ""
    lengths = load_settings(environ={}).pause_lengths
    by_kind = {c: lengths.for_category(c) for c in ("moonshot", "wellbeing", "why", "plan")}
    assert by_kind == {"moonshot": 15, "wellbeing": 3.5, "why": 9, "plan": 9}
    assert (lengths.second_wait, lengths.breath) == (5, 6)


def test_without_a_config_each_kind_has_its_own_length_and_the_second_wait_is_on(cli):
    lengths = load_settings(environ={}).pause_lengths
    assert [lengths.for_category(c) for c in ("follow-up", "feedback", "why", "moonshot")] == [
        4, 7, 10, 12
    ]  # fmt: skip
    assert (lengths.second_wait, lengths.breath) == (3, 5)


def test_the_second_wait_can_be_turned_off(config_dir):
    (config_dir / "config.toml").write_text("[pause]\nsecond_wait = false\n", encoding="utf-8")
    assert load_settings(environ={}).pause_lengths.second_wait is None


def test_each_value_it_cant_use_is_one_calm_line_and_keeps_the_default(cli, config_dir):
    path = config_dir / "config.toml"
    path.write_text(
        "pause_seconds = 0\n\n"
        "[pause]\n"
        "wy = 12\n"
        "moonshot = 90\n"
        'follow-up = "long"\n'
        "second_wait = 1\n"
        "breath_seconds = 0.5\n"
        "team-spirit = 5\n"
        "feedback = 6\n",
        encoding="utf-8",
    )
    result = cli("locate")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"tui1on1: {path}: pause_seconds must be between 1 and 60; "
        "each kind of question keeps its own length",
        f"tui1on1: {path}: [pause] no kind of question 'wy' (did you mean 'why'?); ignored",
        f"tui1on1: {path}: [pause] moonshot must be a number of seconds from 1 to 60; using 12",
        f"tui1on1: {path}: [pause] follow-up must be a number of seconds from 1 to 60; using 4",
        f"tui1on1: {path}: [pause] second_wait must be true or false; keeping true",
        f"tui1on1: {path}: [pause] breath_seconds must be a number of seconds from 1 to 60; "
        "using 5",
        f"tui1on1: {path}: [pause] no kind of question 'team-spirit' (kinds of question: "
        + ", ".join(_categories())
        + "); ignored",
    ]
    lengths = load_settings(environ={}).pause_lengths
    assert [lengths.for_category(c) for c in ("why", "moonshot", "follow-up", "feedback")] == [
        10, 12, 4, 6
    ]  # fmt: skip
    assert (lengths.second_wait, lengths.breath) == (3, 5)


def test_a_pause_that_is_not_a_table_is_refused(cli, config_dir):
    path = config_dir / "config.toml"
    path.write_text("pause = 8\n", encoding="utf-8")
    result = cli("locate")
    assert result.stderr == f"tui1on1: {path}: setting 'pause' has the wrong type; ignored\n"


def _categories() -> tuple[str, ...]:
    from tui1on1.questions import CATEGORIES

    return CATEGORIES
