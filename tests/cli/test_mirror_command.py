"""`tui1on1 mirror`: the six figures as text and as JSON, through the real
command line, on five weeks of 1:1s made through the Store on their own
days (tests/mirror_history.py), the clock faked to Mon 7 Dec 2026."""

from __future__ import annotations

import json

import pytest

from mirror_history import NOW, make_mirror_history
from tui1on1.cli import mirror_command


@pytest.fixture
def history(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setattr(mirror_command, "now", lambda: NOW)
    return make_mirror_history(tmp_path / "mirror.db")


def test_text_names_each_figure_with_its_bars_and_sentence(cli, history):
    result = cli("--db", history, "mirror")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Your 1:1s in the last 4 weeks (Tue 10 Nov – Mon 7 Dec), oldest week first\n"
        "\n"
        "Pause after asking      ▇▂▆█  median 4.0 s · 4 of 6 reached 3 s\n"
        "  You waited 3 s or more after 4 of 6 questions — most people need that long "
        "to start a real answer.\n"
        "\n"
        "Career segment reached  █▁█▁  3 of 5 (60%)\n"
        "  2 of 5 meetings didn't get to Career (1 ended first, 1 had nothing asked or noted "
        "there): keep earlier segments short and ask one career question.\n"
        "\n"
        "Their talking points    ██▅·  3 theirs · 1 yours (75% theirs)\n"
        "  3 of 4 talking points were theirs — their agenda came first.\n"
        "\n"
        "Segments over time      ▁▂▁▂  2 of 26 ran over (7%)\n"
        "  2 of 26 segments ran a minute or more past their plan, 'Their topics' most "
        "often (1 time).\n"
        "\n"
        "1:1s held vs cadence    █▅▅▅  5 held · 3 missed\n"
        "  You held 5 meetings and missed 3 that your cadences called for: Hedy Lamarr (2), "
        "Ada Lovelace. Not counted: 1 person has no cadence (e on their page sets one).\n"
        "\n"
        "Promises kept on time   █▁·▁  kept 1 of 3 (33%) · 1 older overdue\n"
        "  You kept 1 of 3 promises due in the last 4 weeks on time (1 late · 1 still overdue), "
        "and 1 due earlier is still overdue: each late one tells them their topic can wait.\n"
    )


def test_json_gives_each_figure_its_value_weeks_and_counts(cli, history):
    result = cli("--db", history, "mirror", "--weeks", "4", "--json")
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert (out["weeks"], out["since"], out["until"]) == (4, "2026-11-10", "2026-12-07")
    assert out["week_starts"] == ["2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01"]
    figures = {f["figure"]: f for f in out["figures"]}
    assert list(figures) == ["pause", "career", "agenda", "overrun", "cadence", "promises"]
    pause = figures["pause"]
    assert (pause["value"], pause["weekly"]) == (4.0, [4.5, 1.0, 3.5, 5.0])
    assert pause["detail"] == {"asked": 6, "timed": 6, "reached_mark": 4, "mark_seconds": 3.0}
    assert pause["title"] == "Pause after asking"
    assert pause["sentence"].startswith("You waited 3 s or more after 4 of 6 questions")
    # reached: a question asked or a note typed in Career, not the clock passing through
    assert (figures["career"]["value"], figures["career"]["weekly"]) == (0.6, [1.0, 0.0, 1.0, 0.0])
    assert figures["career"]["detail"] == {
        "meetings": 5, "reached": 3, "ended_before": 1, "nothing_said": 1,
    }  # fmt: skip
    assert figures["agenda"]["detail"] == {"theirs": 3, "mine": 1}
    assert figures["agenda"]["weekly"] == [1.0, 1.0, 0.5, None]
    assert figures["overrun"]["detail"]["over"] == 2
    # Hedy, never met, was due when added (25 Nov) and on 2 Dec
    assert figures["cadence"]["detail"] == {
        "held": 5,
        "due": 7,
        "missed": 3,
        "behind": [{"person": "Hedy Lamarr", "missed": 2}, {"person": "Ada Lovelace", "missed": 1}],
    }
    assert figures["cadence"]["value"] == pytest.approx(4 / 7)
    # the headline counts what the bars count: the promise overdue since 5 Nov is apart
    promises = figures["promises"]
    assert promises["detail"] == {
        "kept": 1, "late": 1, "overdue": 1, "dropped": 0, "no_due_date": 0, "came_due": 3,
        "overdue_before": 1,
    }  # fmt: skip
    assert promises["value"] == pytest.approx(1 / 3)
    assert promises["weekly"] == [1.0, 0.0, None, 0.0]  # due 13 Nov, 20 Nov and 3 Dec


def test_twelve_weeks_reach_the_earlier_1on1s(cli, history):
    out = json.loads(cli("--db", history, "mirror", "--weeks", "12", "--json").stdout)
    figures = {f["figure"]: f for f in out["figures"]}
    assert (out["since"], len(out["week_starts"])) == ("2026-09-15", 12)
    assert figures["pause"]["detail"]["asked"] == 7  # Ada's 2 Nov question too
    assert figures["agenda"]["detail"] == {"theirs": 3, "mine": 2}
    promises = figures["promises"]  # 5 Nov is in the window now: in the share and a bar
    assert (promises["shown"], promises["detail"]["overdue_before"]) == ("kept 1 of 4 (25%)", 0)


def test_an_empty_database_says_so_per_figure_and_json_has_no_numbers(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(mirror_command, "now", lambda: NOW)
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    text = cli("--db", url, "mirror").stdout
    assert "No questions asked in the last 4 weeks." in text
    assert "None of your promises came due in the last 4 weeks." in text
    assert "%" not in text
    out = json.loads(cli("--db", url, "mirror", "--json").stdout)
    assert [f["value"] for f in out["figures"]] == [None] * 6
    assert all(week is None for f in out["figures"] for week in f["weekly"])


def test_a_window_it_does_not_offer_is_a_usage_error(cli):
    result = cli("mirror", "--weeks", "6")
    assert result.returncode == 2
    assert "invalid choice: 6 (choose from 4, 12)" in result.stderr
