"""The meeting clock: worked out from timestamps, driven here by a FakeClock."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui1on1.domain.clock import (
    ClockState,
    MeetingClock,
    format_mmss,
)
from tui1on1.domain.kinds import MeetingStatus
from tui1on1.domain.records import Meeting, Pause
from tui1on1.domain.timesource import Clock, FakeClock, SystemClock

T0 = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
HALF_HOUR = 30 * 60.0


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def mmss(minutes: int, seconds: float = 0) -> float:
    return minutes * 60 + seconds


# -- clocks -------------------------------------------------------------------


def test_system_clock_is_aware_utc_and_a_clock() -> None:
    now = SystemClock().now()
    assert now.tzinfo is not None
    assert now.utcoffset() == timedelta(0)
    assert isinstance(SystemClock(), Clock)
    assert isinstance(FakeClock(T0), Clock)


def test_fake_clock_advance_and_set() -> None:
    clock = FakeClock(T0)
    assert clock.now() == T0
    assert clock.advance(1.5) == at(1.5)
    assert clock.now() == at(1.5)
    clock.advance(-0.5)
    assert clock.now() == at(1)
    later = datetime(2025, 3, 4, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    assert clock.set(later) == later
    assert clock.now().tzinfo == UTC


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        FakeClock(datetime(2025, 1, 1))
    with pytest.raises(ValueError):
        MeetingClock(datetime(2025, 1, 1), HALF_HOUR)
    with pytest.raises(ValueError):
        MeetingClock(T0, HALF_HOUR).elapsed(datetime(2025, 1, 1))


def test_invalid_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        MeetingClock(T0, 0)
    with pytest.raises(ValueError):
        MeetingClock(T0, math.nan)
    with pytest.raises(ValueError):
        MeetingClock(T0, 60).extended(-60)
    with pytest.raises(ValueError):
        MeetingClock(T0, 60, pauses=((at(10), at(5)),))


# -- a whole 30-minute meeting --------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "remaining", "text", "state"),
    [
        (0, HALF_HOUR, "30:00", ClockState.ON_TRACK),
        (0.5, HALF_HOUR - 0.5, "30:00", ClockState.ON_TRACK),
        (1, HALF_HOUR - 1, "29:59", ClockState.ON_TRACK),
        (mmss(24, 59), mmss(5, 1), "05:01", ClockState.ON_TRACK),
        (mmss(24, 59.5), mmss(5, 0.5), "05:01", ClockState.ON_TRACK),
        (mmss(25), mmss(5), "05:00", ClockState.WRAP_UP),
        (mmss(29, 59), 1, "00:01", ClockState.WRAP_UP),
        (mmss(30), 0, "00:00", ClockState.WRAP_UP),
        (mmss(30, 0.5), -0.5, "00:00", ClockState.OVERTIME),
        (mmss(30, 1), -1, "+00:01", ClockState.OVERTIME),
        (mmss(42, 7), -mmss(12, 7), "+12:07", ClockState.OVERTIME),
        (mmss(90), -mmss(60), "+1:00:00", ClockState.OVERTIME),
    ],
)
def test_thirty_minute_meeting(offset: float, remaining: float, text: str, state: str) -> None:
    clock = FakeClock(T0)
    meeting = MeetingClock(T0, HALF_HOUR)
    clock.advance(offset)
    now = clock.now()
    assert meeting.remaining(now) == pytest.approx(remaining)
    assert meeting.elapsed(now) == pytest.approx(offset)
    assert meeting.format_remaining(now) == text
    assert meeting.state(now) == state
    assert not meeting.is_paused(now)


def test_state_labels() -> None:
    assert [s.value for s in ClockState] == ["on track", "wrap-up", "overtime"]
    assert str(ClockState.WRAP_UP) == "wrap-up"


def test_display_changes_exactly_on_whole_seconds() -> None:
    meeting = MeetingClock(T0, HALF_HOUR)
    just_before = timedelta(microseconds=-1)
    for second in range(1, int(HALF_HOUR) + 3):
        boundary = at(second)
        assert meeting.format_remaining(boundary + just_before) != meeting.format_remaining(
            boundary
        )
        assert meeting.format_remaining(boundary + just_before) == meeting.format_remaining(
            at(second - 1)
        )


def test_every_second_of_a_meeting_shows_the_right_label() -> None:
    meeting = MeetingClock(T0, 10 * 60.0)
    seen = [meeting.format_remaining(at(s)) for s in range(0, 10 * 60 + 3)]
    assert seen[:3] == ["10:00", "09:59", "09:58"]
    assert seen[-4:] == ["00:01", "00:00", "+00:01", "+00:02"]
    assert len(set(seen)) == len(seen)  # each label is shown for exactly one second


def test_hours_are_shown_for_long_meetings() -> None:
    meeting = MeetingClock(T0, 65 * 60.0)
    assert meeting.format_remaining(T0) == "1:05:00"
    assert meeting.format_remaining(at(5 * 60)) == "1:00:00"
    assert meeting.format_remaining(at(5 * 60 + 1)) == "59:59"


def test_before_the_start_nothing_is_negative() -> None:
    meeting = MeetingClock(T0, HALF_HOUR)
    early = at(-90)
    assert meeting.elapsed(early) == 0
    assert meeting.remaining(early) == HALF_HOUR
    assert meeting.format_remaining(early) == "30:00"
    assert meeting.ends_at(early) == at(HALF_HOUR)
    assert meeting.next_tick_delay(early) == 91.0


# -- wrap-up window ------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "window"),
    [(30, 300), (60, 300), (10.02, 300), (10, 120), (5, 60), (1, 12)],
)
def test_wrap_up_window(minutes: float, window: float) -> None:
    meeting = MeetingClock(T0, minutes * 60)
    assert meeting.wrap_up_seconds == pytest.approx(window)
    start_of_wrap_up = minutes * 60 - window
    assert meeting.state(at(start_of_wrap_up - 0.001)) == ClockState.ON_TRACK
    assert meeting.state(at(start_of_wrap_up)) == ClockState.WRAP_UP


# -- pauses ----------------------------------------------------------------------


def test_a_pause_stops_elapsed_and_moves_the_end() -> None:
    clock = FakeClock(T0)
    meeting = MeetingClock(T0, HALF_HOUR)
    clock.advance(mmss(10))
    meeting = meeting.with_pause(clock.now())
    assert meeting.is_paused(clock.now())

    clock.advance(mmss(3))  # an open pause: elapsed holds still
    now = clock.now()
    assert meeting.is_paused(now)
    assert meeting.elapsed(now) == mmss(10)
    assert meeting.paused_seconds(now) == mmss(3)
    assert meeting.format_remaining(now) == "20:00"
    assert meeting.ends_at(now) == now + timedelta(minutes=20)
    assert meeting.next_tick_delay(now) == math.inf

    meeting = meeting.with_resume(now)
    assert not meeting.is_paused(now)
    assert meeting.ends_at(now) == at(mmss(33))
    clock.advance(mmss(20))
    assert meeting.format_remaining(clock.now()) == "00:00"
    assert meeting.elapsed(clock.now()) == HALF_HOUR


def test_several_pauses_add_up() -> None:
    meeting = (
        MeetingClock(T0, HALF_HOUR)
        .with_pause(at(60))
        .with_resume(at(90))
        .with_pause(at(300))
        .with_resume(at(420))
    )
    assert meeting.elapsed(at(75)) == 60  # inside the first pause
    assert meeting.elapsed(at(200)) == 170
    assert meeting.elapsed(at(1000)) == 1000 - 30 - 120
    assert meeting.paused_seconds(at(1000)) == 150
    assert meeting.is_paused(at(60))
    assert not meeting.is_paused(at(90))


def test_pause_and_resume_misuse() -> None:
    meeting = MeetingClock(T0, HALF_HOUR)
    with pytest.raises(ValueError, match="not paused"):
        meeting.with_resume(at(10))
    paused = meeting.with_pause(at(10))
    with pytest.raises(ValueError, match="already paused"):
        paused.with_pause(at(20))
    with pytest.raises(ValueError):
        paused.with_resume(at(5))
    resumed = paused.with_resume(at(20))
    with pytest.raises(ValueError, match="not paused"):
        resumed.with_resume(at(30))
    with pytest.raises(ValueError):
        resumed.with_pause(at(15))  # before the previous pause ended
    with pytest.raises(ValueError):
        meeting.with_pause(at(-1))
    assert meeting.pauses == ()  # the originals are never changed
    assert paused.pauses == ((at(10), None),)


def test_app_down_for_ten_minutes_still_counts() -> None:
    """The laptop slept: the meeting went on in the room, so the time counts."""
    clock = FakeClock(T0)
    meeting = MeetingClock(T0, HALF_HOUR)
    clock.advance(mmss(5))
    assert meeting.format_remaining(clock.now()) == "25:00"
    clock.advance(mmss(10))  # no ticks at all in between
    assert meeting.elapsed(clock.now()) == mmss(15)
    assert meeting.format_remaining(clock.now()) == "15:00"


def test_resume_after_a_long_gap_counts_only_the_explicit_pause() -> None:
    meeting = MeetingClock(T0, HALF_HOUR).with_pause(at(mmss(5)))
    # The app was down for 10 minutes during the pause; resuming later only
    # removes the paused span, it never invents extra time.
    meeting = meeting.with_resume(at(mmss(15)))
    assert meeting.elapsed(at(mmss(15))) == mmss(5)
    assert meeting.elapsed(at(mmss(20))) == mmss(10)


def test_overlapping_and_early_pauses_are_tolerated() -> None:
    meeting = MeetingClock(
        T0,
        HALF_HOUR,
        pauses=[(at(100), at(200)), (at(-50), at(10)), (at(150), at(250))],
    )
    assert meeting.elapsed(at(300)) == 300 - 10 - 150
    open_inside = MeetingClock(T0, HALF_HOUR, pauses=[(at(100), None), (at(200), at(300))])
    assert open_inside.elapsed(at(1000)) == 100
    assert open_inside.is_paused(at(1000))


def test_from_meeting() -> None:
    meeting = Meeting(
        id=1,
        person_id=2,
        playbook="weekly",
        planned_minutes=30,
        started_at=T0,
        status=MeetingStatus.LIVE,
        pauses=(Pause(id=1, meeting_id=1, paused_at=at(60), resumed_at=at(120)),),
    )
    clock = MeetingClock.from_meeting(meeting)
    assert clock.total_seconds == HALF_HOUR
    assert clock.elapsed(at(600)) == 540


# -- extending -----------------------------------------------------------------


def test_extend_by_five_minutes() -> None:
    meeting = MeetingClock(T0, HALF_HOUR)
    now = at(mmss(29))
    assert meeting.state(now) == ClockState.WRAP_UP
    longer = meeting.extended(5 * 60)
    assert meeting.total_seconds == HALF_HOUR  # unchanged original
    assert longer.total_seconds == HALF_HOUR + 300
    assert longer.extended_seconds == 300
    assert longer.format_remaining(now) == "06:00"
    assert longer.state(now) == ClockState.ON_TRACK
    assert longer.ends_at(now) == at(mmss(35))
    over = at(mmss(31))
    assert meeting.state(over) == ClockState.OVERTIME
    assert longer.state(over) == ClockState.WRAP_UP
    assert longer.extended(60).total_seconds == HALF_HOUR + 360


def test_ends_at_in_overtime_is_in_the_past() -> None:
    meeting = MeetingClock(T0, HALF_HOUR)
    assert meeting.ends_at(at(mmss(40))) == at(HALF_HOUR)


# -- next_tick_delay -------------------------------------------------------------


def test_next_tick_delay_simple() -> None:
    meeting = MeetingClock(T0, HALF_HOUR)
    assert meeting.next_tick_delay(T0) == 1.0
    assert meeting.next_tick_delay(at(0.25)) == 0.75
    assert meeting.next_tick_delay(at(mmss(30))) == 1.0
    assert meeting.next_tick_delay(at(mmss(30, 0.4))) == pytest.approx(0.6)


def test_next_tick_delay_across_a_future_pause() -> None:
    # Replaying a stored meeting: the pause starts after "now".
    meeting = MeetingClock(T0, HALF_HOUR, pauses=[(at(10.5), at(20))])
    assert meeting.next_tick_delay(at(9.2)) == pytest.approx(0.8)
    assert meeting.next_tick_delay(at(10.2)) == pytest.approx(10.3)  # waits out the pause
    assert meeting.next_tick_delay(at(10.5)) == pytest.approx(10.0)  # 0.5 s after the resume
    assert meeting.format_remaining(at(20.4999)) == meeting.format_remaining(at(10.5))
    assert meeting.format_remaining(at(20.5)) == "29:49"


offsets_us = st.integers(min_value=-120_000_000, max_value=4_000_000_000)


@st.composite
def meeting_clocks(draw: st.DrawFn) -> MeetingClock:
    start = T0 + timedelta(microseconds=draw(st.integers(0, 10_000_000_000)))
    planned = draw(
        st.one_of(
            st.integers(1, 7200).map(float),
            st.integers(1_000_000, 7_200_000_000).map(lambda us: us / 1_000_000),
        )
    )
    extension = draw(st.sampled_from([0.0, 300.0, -0.5, 61.25]))
    if planned + extension <= 0:
        extension = 0.0
    cuts = sorted(draw(st.lists(offsets_us, max_size=6, unique=True)))
    pauses: list[tuple[datetime, datetime | None]] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        pauses.append((start + timedelta(microseconds=a), start + timedelta(microseconds=b)))
    if len(cuts) % 2 and draw(st.booleans()):
        pauses.append((start + timedelta(microseconds=cuts[-1]), None))
    return MeetingClock(start, planned, pauses=pauses, extended_seconds=extension)


@settings(max_examples=400, deadline=None)
@given(meeting=meeting_clocks(), offset=offsets_us)
def test_next_tick_delay_predicts_the_change_exactly(meeting: MeetingClock, offset: int) -> None:
    now = meeting.started_at + timedelta(microseconds=offset)
    delay = meeting.next_tick_delay(now)
    text = meeting.format_remaining(now)
    if math.isinf(delay):
        assert meeting.is_paused(now) or any(r is None for _, r in meeting.pauses)
        assert meeting.format_remaining(now + timedelta(days=1)) == text
        return
    assert delay > 0
    assert delay == round(delay, 6)  # whole microseconds
    change = now + timedelta(seconds=delay)
    assert meeting.format_remaining(change) != text
    assert meeting.format_remaining(change - timedelta(microseconds=1)) == text
    if delay > 0.001:
        assert meeting.format_remaining(change - timedelta(seconds=0.001)) == text


@settings(max_examples=200, deadline=None)
@given(meeting=meeting_clocks(), a=offsets_us, b=offsets_us)
def test_elapsed_is_monotonic_and_bounded(meeting: MeetingClock, a: int, b: int) -> None:
    first, second = sorted((a, b))
    t1 = meeting.started_at + timedelta(microseconds=first)
    t2 = meeting.started_at + timedelta(microseconds=second)
    e1, e2 = meeting.elapsed(t1), meeting.elapsed(t2)
    assert 0 <= e1 <= e2
    assert e2 - e1 <= (second - first) / 1_000_000 + 1e-6
    assert meeting.remaining(t2) == pytest.approx(meeting.total_seconds - e2)


# -- format_mmss ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (0.999, "00:00"),
        (187, "03:07"),
        (187.9, "03:07"),
        (3599.99, "59:59"),
        (3600, "1:00:00"),
        (3723, "1:02:03"),
        (-5, "00:00"),
    ],
)
def test_format_mmss(seconds: float, text: str) -> None:
    assert format_mmss(seconds) == text


def test_format_mmss_refuses_non_finite() -> None:
    with pytest.raises(ValueError):
        format_mmss(math.inf)
