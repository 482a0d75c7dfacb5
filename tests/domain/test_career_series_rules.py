"""The playbook a 1:1 opens on, and the career series: table tests on fixed days."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.kinds import Relationship
from tui1on1.domain.series import (
    CareerHistory,
    career_line,
    career_marker,
    next_in_series,
    opening_playbook,
    suggest_career,
)

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday
TITLES = {
    "first": "First 1:1",
    "weekly": "Weekly check-in",
    "aspiration": "Career aspiration & why",
    "moonshot": "Moonshot",
    "strengths": "Strengths review",
    "growth-plan": "Growth plan to action",
    "quarterly": "Quarterly career conversation",
}


@pytest.fixture(autouse=True)
def local_time_is_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Days are local: pin the zone, so "4 Dec" is the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("met_before", "saved", "asked", "opens_on"),
    [
        (False, None, None, "first"),  # someone new: a first 1:1, not last time's actions
        (False, "weekly", None, "first"),
        (False, "managing-up", None, "first"),
        (False, "first", None, "first"),
        (True, None, None, "weekly"),
        (True, "first", None, "weekly"),  # first happens once
        (True, "quarterly", None, "quarterly"),
        (True, "managing-up", None, "managing-up"),
        (False, None, "moonshot", "moonshot"),  # asked for wins, always
        (True, "first", "first", "first"),
        (True, "quarterly", "weekly", "weekly"),
    ],
)
def test_opening_playbook(met_before: bool, saved: str | None, asked: str | None, opens_on: str):
    assert opening_playbook(met_before=met_before, saved=saved, asked=asked) == opens_on


@pytest.mark.parametrize(
    ("relationship", "met_before", "saved", "opens_on"),
    [
        (Relationship.SKIP_REPORT, False, None, "skip-level-down"),  # first is a direct manager's
        (Relationship.SKIP_REPORT, True, None, "skip-level-down"),
        (Relationship.SKIP_REPORT, True, "first", "skip-level-down"),
        (Relationship.MANAGER, False, None, "managing-up"),  # a new boss: not a report's first
        (Relationship.MANAGER, True, None, "managing-up"),
        (Relationship.SKIP_LEVEL, False, "weekly", "weekly"),
        (Relationship.PEER, False, None, "peer"),
        (Relationship.PEER, True, "first", "peer"),
    ],
)
def test_opening_playbook_by_relationship(
    relationship: Relationship, met_before: bool, saved: str | None, opens_on: str
):
    chosen = opening_playbook(met_before=met_before, saved=saved, relationship=relationship)
    assert chosen == opens_on


@pytest.mark.parametrize(
    ("last", "after"),
    [
        (None, "aspiration"),
        ("first", "aspiration"),
        ("aspiration", "moonshot"),
        ("moonshot", "strengths"),
        ("strengths", "growth-plan"),
        ("growth-plan", "quarterly"),
        ("quarterly", "aspiration"),  # round again; first happens once
        ("weekly", "aspiration"),
    ],
)
def test_next_in_series(last: str | None, after: str):
    assert next_in_series(last) == after


def ago(**delta: float) -> datetime:
    return NOW - timedelta(**delta)


@pytest.mark.parametrize(
    ("history", "weeks", "expected"),
    [
        # met once, on a first 1:1 three days ago where a career question
        # was asked: aspiration in about 6 weeks
        (
            CareerHistory(1, ago(days=3), "first", "first"),
            6,
            "Next career conversation: Career aspiration & why, in 5 weeks "
            "(the last: First 1:1, 4 Dec)",
        ),
        # the strengths review 9 weeks ago: the growth plan is due
        (
            CareerHistory(12, ago(weeks=9), "strengths", "strengths"),
            6,
            "Career conversation due: Growth plan to action — the last was 9 weeks ago "
            "(Strengths review, 5 Oct)",
        ),
        # exactly 6 weeks, on the same weekday: due that day
        (
            CareerHistory(7, ago(weeks=6), "moonshot", "moonshot"),
            6,
            "Career conversation due: Strengths review — the last was 6 weeks ago "
            "(Moonshot, 26 Oct)",
        ),
        # a day short of 6 weeks: tomorrow
        (
            CareerHistory(7, ago(days=41), "moonshot", "moonshot"),
            6,
            "Next career conversation: Strengths review, tomorrow (the last: Moonshot, 27 Oct)",
        ),
        # career questions in a weekly count as a conversation; the series
        # goes on from the last career playbook
        (
            CareerHistory(20, ago(days=10), "weekly", "quarterly"),
            6,
            "Next career conversation: Career aspiration & why, in 4 weeks "
            "(the last: career questions in Weekly check-in, 27 Nov)",
        ),
        # only weekly career questions, long ago: aspiration, due
        (
            CareerHistory(30, ago(weeks=20), "weekly", None),
            6,
            "Career conversation due: Career aspiration & why — the last was 20 weeks ago "
            "(career questions in Weekly check-in, 20 Jul)",
        ),
        # met, never a career conversation: due now
        (
            CareerHistory(3, None, None, None),
            6,
            "Career conversation due: Career aspiration & why — none held yet",
        ),
        # a first 1:1 with no career question asked isn't one: aspiration, due now
        (
            CareerHistory(1, None, None, "first"),
            6,
            "Career conversation due: Career aspiration & why — none held yet",
        ),
        # another length from the config file; a year ago shows the year
        (
            CareerHistory(40, ago(weeks=60), "quarterly", "quarterly"),
            52,
            "Career conversation due: Career aspiration & why — the last was 60 weeks ago "
            "(Quarterly career conversation, 13 Oct 2025)",
        ),
        (
            CareerHistory(4, ago(days=12), "growth-plan", "growth-plan"),
            2,
            "Next career conversation: Quarterly career conversation, in 2 days "
            "(the last: Growth plan to action, 25 Nov)",
        ),
    ],
)
def test_series_suggestion(history: CareerHistory, weeks: int, expected: str):
    suggestion = suggest_career(history, Relationship.REPORT, NOW, weeks)
    assert suggestion is not None
    assert career_line(suggestion, NOW, TITLES) == expected
    due = expected.startswith("Career conversation due")
    assert suggestion.due is due
    assert career_marker(suggestion, TITLES) == (
        f"career due: {TITLES[suggestion.playbook]}" if due else ""
    )


@pytest.mark.parametrize(
    "relationship", [Relationship.MANAGER, Relationship.SKIP_LEVEL, Relationship.PEER]
)
def test_no_series_for_a_manager_skip_level_or_peer(relationship: Relationship):
    history = CareerHistory(10, None, None, None)
    assert suggest_career(history, relationship, NOW) is None


def test_no_series_for_someone_never_met():
    assert suggest_career(CareerHistory(), Relationship.REPORT, NOW) is None
    assert career_marker(None, TITLES) == ""


def test_due_day_is_counted_in_local_days():
    late_evening = datetime(2026, 10, 26, 23, 30, tzinfo=UTC)
    suggestion = suggest_career(
        CareerHistory(2, late_evening, "moonshot", "moonshot"), Relationship.REPORT, NOW
    )
    assert suggestion is not None
    assert suggestion.due_on == late_evening.astimezone().date() + timedelta(weeks=6)
    assert isinstance(suggestion.due_on, date)


def test_without_detail_the_line_leaves_out_the_last_conversation():
    due = suggest_career(
        CareerHistory(9, ago(weeks=9), "strengths", "strengths"), Relationship.REPORT, NOW
    )
    soon = suggest_career(
        CareerHistory(9, ago(weeks=1), "strengths", "strengths"), Relationship.REPORT, NOW
    )
    assert due is not None and soon is not None
    assert career_line(due, NOW, TITLES, detail=False) == (
        "Career conversation due: Growth plan to action — the last was 9 weeks ago"
    )
    assert career_line(soon, NOW, TITLES, detail=False) == (
        "Next career conversation: Growth plan to action, in 5 weeks"
    )
