"""The pause cue: progress, held time and wording, all worked out from now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.pausecue import (
    DEFAULT_PAUSE_SECONDS,
    END_ELAPSED,
    END_NEXT,
    END_TYPING,
    PauseCue,
)
from tui1on1.domain.timesource import FakeClock

T0 = datetime(2025, 3, 4, 9, 42, 10, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_defaults() -> None:
    assert DEFAULT_PAUSE_SECONDS == 8.0
    cue = PauseCue.start(T0)
    assert cue.length == 8.0
    assert cue.ended_at is None
    assert cue.end_reason is None
    assert cue.due_at == at(8)


def test_invalid_values_are_refused() -> None:
    with pytest.raises(ValueError):
        PauseCue(T0, 0)
    with pytest.raises(ValueError):
        PauseCue(datetime(2025, 1, 1))
    with pytest.raises(ValueError):
        PauseCue(T0, 8, ended_at=at(-1), end_reason=END_TYPING)


def test_a_cue_that_runs_its_full_length() -> None:
    clock = FakeClock(T0)
    cue = PauseCue.start(clock.now())
    seen = []
    for _ in range(10):
        now = clock.now()
        seen.append((cue.progress(now), cue.is_active(now), cue.held_seconds(now)))
        clock.advance(1)
    assert seen[0] == (0.0, True, 0.0)
    assert seen[4] == (0.5, True, 4.0)
    assert seen[7] == (7 / 8, True, 7.0)
    assert seen[8] == (1.0, False, 8.0)
    assert seen[9] == (1.0, False, 8.0)
    assert cue.ran_out(at(8))
    assert not cue.ran_out(at(7.999))


def test_before_the_start() -> None:
    cue = PauseCue.start(T0)
    assert cue.progress(at(-1)) == 0
    assert cue.held_seconds(at(-1)) == 0
    assert not cue.is_active(at(-1))
    assert cue.message(at(-1)) == ""


def test_ended_early_by_typing() -> None:
    cue = PauseCue.start(T0)
    ended = cue.end(at(3), END_TYPING)
    assert cue.ended_at is None  # the original is unchanged
    assert ended.ended_at == at(3)
    assert ended.end_reason == END_TYPING
    assert not ended.is_active(at(3))
    assert ended.is_active(at(2.9))
    assert ended.held_seconds(at(100)) == 3
    assert ended.progress(at(100)) == pytest.approx(3 / 8)
    assert ended.message(at(4)) == ""
    assert not ended.ran_out(at(100))


def test_end_is_a_no_op_once_ended() -> None:
    ended = PauseCue.start(T0).end(at(2), END_NEXT)
    assert ended.end(at(5), END_TYPING) is ended


def test_ending_after_it_ran_out_records_elapsed() -> None:
    ended = PauseCue.start(T0).end(at(30), END_NEXT)
    assert ended.ended_at == at(8)
    assert ended.end_reason == END_ELAPSED
    assert ended.held_seconds(at(30)) == 8
    assert ended.message(at(30)) == "The quiet is theirs — no need to fill it."


def test_ending_before_the_start_counts_as_the_start() -> None:
    ended = PauseCue.start(T0).end(at(-2), END_NEXT)
    assert ended.ended_at == T0
    assert ended.held_seconds(at(5)) == 0


def test_messages_change_gently() -> None:
    cue = PauseCue.start(T0, 9)
    assert cue.message(at(0)) == "Hold the silence — let them think."
    assert cue.message(at(2.9)) == "Hold the silence — let them think."
    assert cue.message(at(3)) == "Still thinking is good. Wait a little longer."
    assert cue.message(at(6.5)) == "Stay with the quiet a moment more."
    assert cue.message(at(9)) == "The quiet is theirs — no need to fill it."


@settings(max_examples=200, deadline=None)
@given(
    length=st.floats(0.5, 60, allow_nan=False),
    offset=st.floats(-10, 100, allow_nan=False),
    end_offset=st.none() | st.floats(-10, 100, allow_nan=False),
)
def test_cue_properties(length: float, offset: float, end_offset: float | None) -> None:
    cue = PauseCue.start(T0, length)
    if end_offset is not None:
        cue = cue.end(at(end_offset), END_TYPING)
    now = at(offset)
    progress = cue.progress(now)
    held = cue.held_seconds(now)
    assert 0 <= progress <= 1
    assert 0 <= held <= length
    assert held <= max(0.0, offset) + 1e-6
    message = cue.message(now)
    assert "!" not in message
    if cue.is_active(now):
        assert message
        assert progress < 1
    # Later readings never go backwards.
    assert cue.held_seconds(at(offset + 1)) >= held


@pytest.mark.parametrize(
    ("length", "lines"),
    [
        (4.0, ["Hold the silence — let them think."]),
        (7.0, ["Hold the silence — let them think.", "Stay with the quiet a moment more."]),
        (
            10.0,
            [
                "Hold the silence — let them think.",
                "Still thinking is good. Wait a little longer.",
                "Stay with the quiet a moment more.",
            ],
        ),
    ],
)
def test_a_line_stays_at_least_three_seconds(length: float, lines: list[str]) -> None:
    """A check-in's 4-second cue keeps one line; it never flickers through three."""
    cue = PauseCue.start(T0, length)
    shown: list[str] = []
    for tenth in range(int(length * 10)):
        line = cue.message(T0 + timedelta(seconds=tenth / 10))
        if not shown or shown[-1] != line:
            shown.append(line)
    assert shown == lines
