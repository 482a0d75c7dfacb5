"""The shipped playbooks, and how broken playbook files are reported."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tui1on1.domain.agenda import Playbook, Segment, validate_playbook
from tui1on1.questions import CATEGORIES, load_bank, load_playbooks

NAMED = (
    "first",
    "weekly",
    "aspiration",
    "moonshot",
    "strengths",
    "growth-plan",
    "managing-up",
    "quarterly",
    "skip-level-down",
    "onboarding",
    "stay",
)


@pytest.fixture(scope="module")
def playbooks() -> dict[str, Playbook]:
    loaded, problems = load_playbooks()
    assert problems == []
    return loaded


def test_shipped_playbooks_load_without_problems() -> None:
    bank = load_bank()
    _, problems = load_playbooks(questions=bank.questions)
    assert [str(p) for p in problems] == []


def test_named_playbooks_exist(playbooks: dict[str, Playbook]) -> None:
    assert set(NAMED) <= set(playbooks)
    for playbook in playbooks.values():
        assert isinstance(playbook, Playbook)
        assert all(isinstance(s, Segment) for s in playbook.segments)
        assert playbook.title and playbook.description


def test_every_playbook_sums_to_its_minutes(playbooks: dict[str, Playbook]) -> None:
    for playbook in playbooks.values():
        total = sum(s.minutes for s in playbook.segments)
        assert math.isclose(total, playbook.minutes), playbook.slug
        assert validate_playbook(playbook) == []
    for slug in NAMED:
        assert playbooks[slug].minutes == (45 if slug == "quarterly" else 30), slug


def test_every_playbook_ends_with_a_next_step(playbooks: dict[str, Playbook]) -> None:
    for playbook in playbooks.values():
        last = playbook.segments[-1]
        assert "plan" in last.categories, playbook.slug
        assert last.minutes <= 8, playbook.slug


def test_every_named_category_has_questions(playbooks: dict[str, Playbook]) -> None:
    bank = load_bank()
    for playbook in playbooks.values():
        for segment in playbook.segments:
            # A segment with no categories offers its leads alone.
            assert segment.categories or segment.lead, (playbook.slug, segment.title)
            assert segment.hint, (playbook.slug, segment.title)
            for category in segment.categories:
                assert category in CATEGORIES
                assert bank.in_category(category), (playbook.slug, category)


def test_segments_offer_questions_for_the_right_person(playbooks: dict[str, Playbook]) -> None:
    bank = load_bank()
    for playbook in playbooks.values():
        relationship = {
            "managing-up": "manager",
            "skip-level-down": "skip-report",
            "peer": "peer",
        }.get(playbook.slug, "report")
        for segment in playbook.segments:
            offered = [q for c in segment.categories for q in bank.in_category(c, relationship)]
            offered += [s for s in segment.lead if bank.questions[s].suits(relationship)]
            assert offered, (playbook.slug, segment.title, relationship)


def test_weekly_shape(playbooks: dict[str, Playbook]) -> None:
    weekly = playbooks["weekly"]
    assert weekly.title == "Weekly check-in"
    assert [(s.title, s.minutes, s.categories) for s in weekly.segments] == [
        ("Their topics", 10, ("wellbeing", "team")),
        ("Follow-ups", 4, ("follow-up",)),
        ("Career", 8, ("aspiration", "strengths", "growth", "moonshot", "why")),
        ("Feedback both ways", 4, ("feedback",)),
        ("Next steps", 4, ("plan",)),
    ]


PLAYBOOK_TEXT = """\
[[playbook]]
slug = "fine"
title = "Fine"
minutes = 10
  [[playbook.segment]]
  title = "A"
  minutes = 6
  categories = ["aspiration"]
  [[playbook.segment]]
  title = "B"
  minutes = 4
  categories = ["plan"]

[[playbook]]
slug = "short"
title = "Short"
minutes = 30
  [[playbook.segment]]
  title = "Only"
  minutes = 6
  categories = ["plan"]

[[playbook]]
slug = "odd-category"
title = "Odd"
minutes = 5
  [[playbook.segment]]
  title = "A"
  minutes = 5
  categories = ["astrology"]
"""


def test_bad_playbooks_are_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "playbooks.toml"
    path.write_text(PLAYBOOK_TEXT, encoding="utf-8")
    loaded, problems = load_playbooks(path)
    assert list(loaded) == ["fine"]
    assert loaded["fine"].segments[1] == Segment("B", 4.0, ("plan",), "")
    by_line = {p.line: p.message for p in problems}
    assert "add up to 6" in by_line[14]  # the [[playbook]] header
    assert "unknown category 'astrology'" in by_line[30]


def test_playbook_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "playbooks.toml"
    path.write_text('[[playbook]]\nslug = "x"\ntitle = \n', encoding="utf-8")
    loaded, [problem] = load_playbooks(path)
    assert loaded == {}
    assert problem.line == 3
    assert str(problem).startswith("playbooks.toml line 3: TOML syntax error")


def test_category_without_questions_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "playbooks.toml"
    path.write_text(PLAYBOOK_TEXT, encoding="utf-8")
    only_plan = {k: q for k, q in load_bank().questions.items() if q.category == "plan"}
    loaded, problems = load_playbooks(path, questions=only_plan)
    assert "fine" in loaded
    assert any("'aspiration', which has no questions" in p.message for p in problems)
