"""Your own playbooks: `playbooks.toml` next to the config file adds or
replaces playbooks; `questions check` validates one; `questions playbooks`,
`people add --playbook` and `meet --playbook` know them; a mistake never
stops anything and is said with its line."""

from __future__ import annotations

from pathlib import Path

from cli_run import run
from tui1on1.questions import load_bank, load_playbooks

STANDUP = """\
[[playbook]]
slug = "walk-and-talk"
title = "Walk and talk"
description = "A shorter 1:1 on foot."
minutes = 20

  [[playbook.segment]]
  title = "On your mind"
  minutes = 12
  categories = ["wellbeing"]
  hint = "Let them set the pace."
  lead = ["{lead}"]

  [[playbook.segment]]
  title = "One step"
  minutes = 8
  categories = ["plan"]
"""

REPLACED_WEEKLY = """\
[[playbook]]
slug = "weekly"
title = "My weekly"
description = "Mine."
minutes = 25

  [[playbook.segment]]
  title = "Everything"
  minutes = 25
  categories = ["wellbeing", "plan"]
"""


def _a_lead() -> str:
    return next(q.slug for q in load_bank().questions.values() if q.category == "wellbeing")


def test_your_playbook_is_listed_as_yours_and_replaces_by_slug(capsys, config_dir: Path) -> None:
    (config_dir / "playbooks.toml").write_text(
        STANDUP.format(lead=_a_lead()) + "\n" + REPLACED_WEEKLY, encoding="utf-8"
    )
    code, out, err = run(capsys, "questions", "playbooks")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert any(
        line.startswith("walk-and-talk") and line.endswith("Walk and talk · 20m (yours)")
        for line in lines
    )
    assert any(
        line.startswith("weekly") and line.endswith("My weekly · 25m (yours)") for line in lines
    )
    assert any(line.startswith("first") and "(yours)" not in line for line in lines)


def test_people_add_takes_your_playbook(capsys, config_dir: Path) -> None:
    (config_dir / "playbooks.toml").write_text(STANDUP.format(lead=_a_lead()), encoding="utf-8")
    code, out, err = run(capsys, "people", "add", "Ada Lovelace", "--playbook", "walk-and-talk")
    assert (code, out, err) == (0, "added Ada Lovelace\n", "")
    code, _out, err = run(capsys, "people", "add", "Alan Kay", "--playbook", "walk")
    assert code == 2
    assert "there is no playbook 'walk'" in err
    assert "walk-and-talk" in err


def test_check_reads_a_playbook_file(capsys, tmp_path: Path) -> None:
    good = tmp_path / "playbooks.toml"
    good.write_text(STANDUP.format(lead=_a_lead()), encoding="utf-8")
    code, out, err = run(capsys, "questions", "check", str(good))
    assert (code, out, err) == (0, f"{good}: ok, 1 playbook\n", "")


def test_check_says_what_is_wrong_by_line(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "playbooks.toml"
    text = STANDUP.format(lead="no-such-question").replace("minutes = 8", "minutes = 9")
    bad.write_text(text, encoding="utf-8")
    code, out, _err = run(capsys, "questions", "check", str(bad))
    assert code == 1
    assert out.splitlines() == [
        f"{bad} line 1: playbook 'walk-and-talk': segment minutes add up to 21, "
        "not the nominal 20; skipped",
    ]
    bad.write_text(STANDUP.format(lead="no-such-question"), encoding="utf-8")
    code, out, _err = run(capsys, "questions", "check", str(bad))
    assert code == 1
    assert out.splitlines() == [
        f"{bad} line 1: playbook 'walk-and-talk' segment 'On your mind' leads with "
        "'no-such-question', which is not in the bank; left out",
    ]


FOLLOW_UP = """\
[[question]]
slug = "wellbeing-and-then"
category = "wellbeing"
text = "And how did that feel?"
probes = ["What else?", "What helped?"]
follow_up = true
"""


def test_a_lead_that_needs_an_answer_first_is_refused(tmp_path: Path) -> None:
    questions = tmp_path / "questions.toml"
    questions.write_text(FOLLOW_UP, encoding="utf-8")
    bank = load_bank(questions).questions
    follow = "wellbeing-and-then"
    assert bank[follow].follow_up
    path = tmp_path / "playbooks.toml"
    path.write_text(STANDUP.format(lead=follow), encoding="utf-8")
    playbooks, problems = load_playbooks(path, questions=bank)
    assert playbooks["walk-and-talk"].segments[0].lead == ()
    assert [p.message for p in problems] == [
        f"playbook 'walk-and-talk' segment 'On your mind' leads with {follow!r}, "
        "a follow-up question that needs an answer first; left out"
    ]


def test_a_broken_file_never_stops_the_listing(capsys, config_dir: Path) -> None:
    (config_dir / "playbooks.toml").write_text("[[playbook]\nslug = ", encoding="utf-8")
    code, out, err = run(capsys, "questions", "playbooks")
    assert code == 0
    assert out.startswith("first")
    assert "playbooks.toml line 1" in err
