"""Playbooks, scaling them to a meeting, and the current-segment rule."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.agenda import (
    DEFAULT_PLAYBOOK,
    Agenda,
    Playbook,
    ScheduledSegment,
    Segment,
    scale,
    validate_playbook,
)

# -- the default playbook --------------------------------------------------------


def test_default_playbook_is_valid_and_sums_to_thirty() -> None:
    assert validate_playbook(DEFAULT_PLAYBOOK) == []
    assert DEFAULT_PLAYBOOK.slug == "weekly"
    assert DEFAULT_PLAYBOOK.title == "Weekly 1:1"
    assert DEFAULT_PLAYBOOK.minutes == 30
    assert sum(s.minutes for s in DEFAULT_PLAYBOOK.segments) == 30
    assert [s.title for s in DEFAULT_PLAYBOOK.segments] == [
        "Follow-ups",
        "Their topics",
        "Career",
        "Feedback both ways",
        "Next steps",
    ]
    assert [s.minutes for s in DEFAULT_PLAYBOOK.segments] == [4, 8, 10, 4, 4]
    career = DEFAULT_PLAYBOOK.segments[2]
    assert {"aspiration", "why", "moonshot", "strengths", "growth"} <= set(career.categories)
    assert DEFAULT_PLAYBOOK.segments[0].categories == ("follow-up",)
    assert DEFAULT_PLAYBOOK.segments[-1].categories == ("plan",)


def test_default_hints_are_calm_single_lines() -> None:
    for segment in DEFAULT_PLAYBOOK.segments:
        assert segment.hint
        assert "\n" not in segment.hint
        assert "!" not in segment.hint
    assert "next step" in DEFAULT_PLAYBOOK.segments[-1].hint


def test_lists_from_toml_become_tuples() -> None:
    segment = Segment("A", 5, ["plan", "why"])  # type: ignore[arg-type]
    playbook = Playbook("x", "X", "", 5, [segment])  # type: ignore[arg-type]
    assert segment.categories == ("plan", "why")
    assert playbook.segments == (segment,)
    hash(playbook)  # frozen and hashable


# -- validation ----------------------------------------------------------------


def test_validate_reports_problems() -> None:
    empty = Playbook("", "", "", 0, ())
    errors = validate_playbook(empty)
    assert any("slug" in e for e in errors)
    assert any("title" in e for e in errors)
    assert any("minutes" in e for e in errors)
    assert any("no segments" in e for e in errors)

    bad = Playbook("bad", "Bad", "", 20, (Segment("A", 10), Segment("", -1)))
    errors = validate_playbook(bad)
    assert any("segment 2" in e and "title" in e for e in errors)
    assert any("segment 2" in e and "minutes" in e for e in errors)
    assert any("add up to 9" in e for e in errors)


def test_validate_sum_tolerance() -> None:
    close = Playbook("c", "C", "", 30, (Segment("A", 10.005), Segment("B", 20)))
    assert validate_playbook(close) == []
    off = Playbook("o", "O", "", 30, (Segment("A", 10.02), Segment("B", 20)))
    assert len(validate_playbook(off)) == 1


# -- scaling -------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [20, 30, 45, 60, 25.5, 7])
def test_scaling_sums_exactly(minutes: float) -> None:
    scheduled = scale(DEFAULT_PLAYBOOK, minutes)
    assert len(scheduled) == len(DEFAULT_PLAYBOOK.segments)
    assert scheduled[0].start_s == 0
    assert scheduled[-1].end_s == minutes * 60
    assert sum(s.duration_s for s in scheduled) == minutes * 60
    for before, after in pairwise(scheduled):
        assert before.end_s == after.start_s
        assert before.end_s == int(before.end_s)  # whole-second boundaries
    assert [s.index for s in scheduled] == list(range(len(scheduled)))


def test_scaling_thirty_minutes_matches_the_playbook() -> None:
    scheduled = scale(DEFAULT_PLAYBOOK, 30)
    assert [(s.start_s, s.end_s) for s in scheduled] == [
        (0, 240),
        (240, 720),
        (720, 1320),
        (1320, 1560),
        (1560, 1800),
    ]
    assert scheduled[2].title == "Career"
    assert scheduled[2].categories == DEFAULT_PLAYBOOK.segments[2].categories
    assert scheduled[4].hint == DEFAULT_PLAYBOOK.segments[4].hint


def test_scaling_is_proportional() -> None:
    scheduled = scale(DEFAULT_PLAYBOOK, 45)
    assert [s.duration_s for s in scheduled] == [360, 720, 900, 360, 360]
    scheduled = scale(DEFAULT_PLAYBOOK, 20)
    assert [s.end_s for s in scheduled] == [160, 480, 880, 1040, 1200]


def test_scaling_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        scale(DEFAULT_PLAYBOOK, 0)
    with pytest.raises(ValueError):
        scale(Playbook("e", "E", "", 30, ()), 30)
    with pytest.raises(ValueError):
        scale(Playbook("z", "Z", "", 30, (Segment("A", 0),)), 30)


@settings(max_examples=200, deadline=None)
@given(
    minutes=st.lists(st.floats(0.1, 60, allow_nan=False), min_size=1, max_size=8),
    planned=st.floats(0.05, 240, allow_nan=False),
)
def test_scaling_property(minutes: list[float], planned: float) -> None:
    playbook = Playbook(
        "p", "P", "", sum(minutes), tuple(Segment(str(i), m) for i, m in enumerate(minutes))
    )
    scheduled = scale(playbook, planned)
    assert scheduled[0].start_s == 0
    assert scheduled[-1].end_s == planned * 60
    for before, after in pairwise(scheduled):
        assert before.end_s == after.start_s
        # Whole seconds, unless clamped to a meeting end that is not whole.
        assert before.end_s == int(before.end_s) or before.end_s == planned * 60
    for s, m in zip(scheduled, minutes, strict=True):
        assert s.duration_s >= 0
        # Rounding moves each boundary by at most half a second.
        assert abs(s.duration_s - m / sum(minutes) * planned * 60) <= 1.0 + 1e-6


# -- the agenda ------------------------------------------------------------------


@pytest.fixture
def agenda() -> Agenda:
    return Agenda.for_playbook(DEFAULT_PLAYBOOK, 30)


@pytest.mark.parametrize(
    ("elapsed", "index"),
    [
        (-5, 0),
        (0, 0),
        (239.9, 0),
        (240, 1),
        (719, 1),
        (720, 2),
        (1319.999, 2),
        (1320, 3),
        (1560, 4),
        (1799, 4),
        (1800, 4),  # overtime stays in the last segment
        (5000, 4),
    ],
)
def test_current_segment_by_time(agenda: Agenda, elapsed: float, index: int) -> None:
    assert agenda.current_index(elapsed) == index
    assert agenda.time_index(elapsed) == index


def test_manual_advance_moves_ahead_early_and_time_moves_further(agenda: Agenda) -> None:
    # At 2:00 the manager presses "Next segment" twice: straight to Career.
    assert agenda.current_index(120, manual_index=2) == 2
    # A manual index never pulls the agenda backwards.
    assert agenda.current_index(1400, manual_index=1) == 3
    # Time still moves it on once Career's scheduled window has passed.
    assert agenda.current_index(1320, manual_index=2) == 3
    # Out-of-range presses are clamped.
    assert agenda.current_index(0, manual_index=99) == 4
    assert agenda.current_index(300, manual_index=-3) == 1


def test_segment_remaining(agenda: Agenda) -> None:
    assert agenda.segment_remaining(0, 0) == 240
    assert agenda.segment_remaining(100, 0) == 140
    # Jumped ahead to Career at 2:00: its time runs to its scheduled end (22:00).
    assert agenda.segment_remaining(120, 2) == 1200
    # Overtime in the last segment is negative.
    assert agenda.segment_remaining(1830, 4) == -30
    with pytest.raises(IndexError):
        agenda.segment_remaining(0, 5)


def test_agenda_container(agenda: Agenda) -> None:
    assert len(agenda) == 5
    assert agenda[1].title == "Their topics"
    assert [s.index for s in agenda] == [0, 1, 2, 3, 4]
    assert agenda.total_s == 1800
    assert isinstance(agenda.segments[0], ScheduledSegment)
    assert agenda.segments[0].contains(0)
    assert not agenda.segments[0].contains(240)
    with pytest.raises(ValueError):
        Agenda(())


def test_empty_windows_are_skipped_by_time() -> None:
    segments = (
        ScheduledSegment(0, "A", (), "", 0, 10),
        ScheduledSegment(1, "B", (), "", 10, 10),
        ScheduledSegment(2, "C", (), "", 10, 20),
    )
    agenda = Agenda(segments)
    assert agenda.current_index(10) == 2
    assert agenda.current_index(5, manual_index=1) == 1
