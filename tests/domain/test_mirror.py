"""The manager's mirror: each figure from fixed records on faked dates, the
window's edges, and what an empty window says (never a made-up number).
The records and dates are tests/mirror_records.py's; the cadence and the
promises have files of their own (test_mirror_cadence.py, test_mirror_promises.py).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mirror_records import TODAY, at, logs, meeting, mirror, question
from tui1on1.domain.kinds import MeetingStatus
from tui1on1.domain.mirror import MirrorData, Window, spark
from tui1on1.domain.pausecue import WAIT_TIME_SECONDS
from tui1on1.domain.records import AskedQuestion, Meeting, Pause, SegmentLog, TalkingPoint

# --- the window ---------------------------------------------------------------------


def test_the_window_is_whole_weeks_ending_today():
    window = Window(4, TODAY)
    assert window.start == date(2026, 11, 10)
    assert window.week_starts() == [date(2026, 11, d) for d in (10, 17, 24)] + [date(2026, 12, 1)]
    assert (window.week(date(2026, 11, 9)), window.week(date(2026, 11, 10))) == (None, 0)
    assert (window.week(date(2026, 11, 16)), window.week(date(2026, 11, 17))) == (0, 1)
    assert (window.week(TODAY), window.week(TODAY + timedelta(days=1))) == (3, None)
    assert Window(12, TODAY).start == date(2026, 9, 15)
    assert Window(4, TODAY).reads_from() == datetime(2026, 11, 9, tzinfo=UTC)


def test_spark_draws_a_bar_a_week_and_a_dot_for_none():
    assert spark([0.0, 0.5, None, 1.0], 1.0) == "▁▅·█"
    assert spark([2.0, 4.0]) == "▅█"
    assert spark([None, None]) == "··"


def test_an_empty_window_says_so_for_every_figure_with_no_number():
    result = mirror(MirrorData())
    assert [(f.key, f.value, f.shown, f.sentence) for f in result.figures] == [
        ("pause", None, "", "No questions asked in the last 4 weeks."),
        ("career", None, "", "No 1:1s on a playbook with a Career segment in the last 4 weeks."),
        ("agenda", None, "", "No talking points added in the last 4 weeks."),
        ("overrun", None, "", "No segments timed in the last 4 weeks."),
        (
            "cadence",
            None,
            "",
            "No one has a cadence yet, so no 1:1 was due: set one when you edit a person.",
        ),
        ("promises", None, "", "None of your promises came due in the last 4 weeks."),
    ]
    assert all(f.trend() == "····" for f in result.figures)
    assert mirror(MirrorData(), weeks=12).figure("pause").sentence == (
        "No questions asked in the last 12 weeks."
    )


# --- 1. the pause after asking --------------------------------------------------------


def test_pause_median_and_the_three_second_mark_counted_on_the_window_days():
    assert WAIT_TIME_SECONDS == 3.0
    data = MirrorData(
        questions=(
            question(1, at("2026-11-09", 23, 59), 1.0),  # the day before: left out
            question(2, at("2026-11-10", 0, 0), 2.0),  # the first day
            question(3, at("2026-11-18"), 3.0),  # exactly the mark counts
            question(4, at("2026-11-19"), 8.0),
            question(5, at("2026-12-07", 23, 30), 5.0),  # today
            question(6, at("2026-12-01"), None),  # no cue ran: not timed
        )
    )
    figure = mirror(data).figure("pause")
    assert figure.value == 4.0  # median of 2, 3, 8, 5
    assert figure.shown == "median 4.0 s · 3 of 4 reached 3 s"
    assert figure.sentence == (
        "You waited 3 s or more after 3 of 4 timed questions (1 more with no pause timed) — "
        "most people need that long to start a real answer."
    )
    assert figure.weekly == (2.0, 5.5, None, 5.0)
    assert figure.detail == {"asked": 5, "timed": 4, "reached_mark": 3, "mark_seconds": 3.0}


def test_pause_mostly_short_says_to_let_the_silence_run():
    data = MirrorData(questions=tuple(question(i, at("2026-12-01"), 1.5) for i in range(3)))
    figure = mirror(data).figure("pause")
    assert figure.shown == "median 1.5 s · 0 of 3 reached 3 s"
    assert figure.sentence.startswith("You waited 3 s or more after only 0 of 3 questions:")


def test_questions_asked_but_never_timed_say_so():
    data = MirrorData(questions=(question(1, at("2026-12-01"), None),))
    figure = mirror(data).figure("pause")
    assert (figure.value, figure.sentence) == (
        None,
        "No pause was timed after the 1 question you asked in the last 4 weeks.",
    )


# --- 2. the career segment ------------------------------------------------------------


def in_career(m: Meeting, minute: float, qid: int) -> AskedQuestion:
    """A question asked ``minute`` minutes into ``m`` (Career runs 14 to 22 in a weekly 1:1)."""
    return question(qid, m.started_at + timedelta(minutes=minute), 4.0, meeting_id=m.id)


def test_career_counts_the_meetings_that_got_to_it_not_the_clock_passing_through():
    # weekly: Their topics 10, Follow-ups 4, Career 8, Feedback 4, Next steps 4
    asked = meeting(1, at("2026-11-12"))  # a question asked in Career: got to it
    noted = meeting(2, at("2026-11-13"))  # a note typed in Career: got to it
    silent = meeting(3, at("2026-11-19"))  # the clock ran Career, nothing asked or noted
    elsewhere = meeting(4, at("2026-11-20"))  # asked and noted, but in Their topics
    cut_short = meeting(5, at("2026-11-26"), minutes=14.5)  # ended as Career began
    never = meeting(6, at("2026-12-02"), minutes=12)
    peer = meeting(7, at("2026-12-03"), playbook="peer")  # no Career segment
    live = meeting(8, at("2026-12-07"), status=MeetingStatus.LIVE)
    before = meeting(9, at("2026-11-09"))  # outside the window
    full = (10, 4, 8, 4, 4)
    segments = [
        *logs(asked, *full),
        *logs(noted, *full),
        *logs(silent, *full),
        *logs(elsewhere, *full),
        *logs(cut_short, 10, 4, 0.5),
        *logs(never, 10, 2),
        *logs(live, 10, 4, 8),
        *logs(before, *full),
    ]
    data = MirrorData(
        meetings=(asked, noted, silent, elsewhere, cut_short, never, peer, live, before),
        segments=tuple(segments),
        questions=(
            in_career(asked, 15, 1),
            in_career(elsewhere, 3, 2),
            in_career(live, 15, 3),
            in_career(before, 15, 4),
        ),
        noted=(
            (noted.id, noted.started_at + timedelta(minutes=21)),
            (elsewhere.id, elsewhere.started_at + timedelta(minutes=5)),
        ),
    )
    figure = mirror(data).figure("career")
    assert (figure.value, figure.shown) == (2 / 6, "2 of 6 (33%)")
    assert figure.detail == {"meetings": 6, "reached": 2, "ended_before": 2, "nothing_said": 2}
    assert figure.sentence == (
        "4 of 6 meetings didn't get to Career (2 ended first, 2 had nothing asked or noted "
        "there): keep earlier segments short and ask one career question."
    )
    assert figure.weekly == (1.0, 0.0, 0.0, 0.0)


def test_career_a_log_from_before_a_playbook_switch_is_not_the_career_segment():
    m = meeting(1, at("2026-12-01"))
    other = SegmentLog(1, m.id, 2, "Their team", m.started_at, m.started_at + timedelta(minutes=9))
    data = MirrorData(meetings=(m,), segments=(other,), questions=(in_career(m, 3, 1),))
    figure = mirror(data).figure("career")
    assert (figure.shown, figure.detail["ended_before"]) == ("0 of 1 (0%)", 1)
    assert figure.sentence.endswith("(1 ended first): keep the earlier segments short so "
                                    "career gets its time.")  # fmt: skip


def test_career_every_one_reached():
    m = meeting(1, at("2026-12-01"))
    data = MirrorData(
        meetings=(m,), segments=tuple(logs(m, 10, 4, 8)), questions=(in_career(m, 20, 1),)
    )
    figure = mirror(data).figure("career")
    assert figure.sentence == (
        "Every meeting with a Career segment got to it (1 of 1 with a question asked or a "
        "note taken there) — their growth got real time."
    )


def test_career_only_passed_through_says_to_ask_there():
    m = meeting(1, at("2026-12-01"))
    figure = mirror(MirrorData(meetings=(m,), segments=tuple(logs(m, 10, 4, 8)))).figure("career")
    assert figure.sentence == (
        "1 of 1 meeting didn't get to Career (1 had nothing asked or noted there): when the "
        "clock reaches Career, ask one career question."
    )


# --- 3. whose talking points ----------------------------------------------------------


def point(pid: int, when: datetime, *, mine: bool) -> TalkingPoint:
    return TalkingPoint(pid, f"u{pid}", 1, "text", mine=mine, created_at=when)


def test_talking_points_theirs_against_mine_in_the_window():
    data = MirrorData(
        talking_points=(
            point(1, at("2026-11-10"), mine=False),
            point(2, at("2026-11-20"), mine=False),
            point(3, at("2026-12-07"), mine=False),
            point(4, at("2026-12-01"), mine=True),
            point(5, at("2026-11-09"), mine=True),  # before the window
        )
    )
    figure = mirror(data).figure("agenda")
    assert (figure.value, figure.shown) == (0.75, "3 theirs · 1 yours (75% theirs)")
    assert figure.sentence == "3 of 4 talking points were theirs — their agenda came first."
    assert figure.weekly == (1.0, 1.0, None, 0.5)


def test_half_theirs_is_not_their_agenda_first():
    data = MirrorData(
        talking_points=(
            point(1, at("2026-11-20"), mine=False),
            point(2, at("2026-12-01"), mine=True),
        )
    )
    assert mirror(data).figure("agenda").sentence == (
        "Half of the 2 talking points were theirs: as many as yours — ask what they want "
        "to talk about before you bring yours."
    )


def test_mostly_my_talking_points_says_to_ask_theirs_first():
    data = MirrorData(
        talking_points=(
            point(1, at("2026-12-01"), mine=True),
            point(2, at("2026-12-01"), mine=True),
            point(3, at("2026-12-01"), mine=False),
        )
    )
    assert mirror(data).figure("agenda").sentence == (
        "Only 1 of 3 talking points were theirs: ask what they want to talk about "
        "before you bring yours."
    )


# --- 4. segments over time ------------------------------------------------------------


def test_a_segment_ran_over_when_a_minute_past_its_plan_pauses_left_out():
    first = meeting(1, at("2026-11-12"), minutes=40)
    paused = Pause(1, 2, at("2026-11-19", 10, 2), at("2026-11-19", 10, 5))
    second = meeting(2, at("2026-11-19"), pauses=(paused,))
    segments = [
        *logs(first, 12, 4.5, 8, 4, 6),  # Their topics +2 min, Follow-ups +30 s, Next steps +2
        *logs(second, 13, 4, 8, 4, 5.5),  # Their topics 13 min, 3 paused: on time; Next steps +1.5
    ]
    data = MirrorData(meetings=(first, second), segments=tuple(segments))
    figure = mirror(data).figure("overrun")
    assert (figure.value, figure.shown) == (0.3, "3 of 10 ran over (30%)")
    assert figure.detail == {"segments": 10, "over": 3, "most_over": "Next steps"}
    assert figure.sentence == (
        "3 of 10 segments ran a minute or more past their plan, 'Next steps' most often "
        "(2 times): it ends the 1:1, so those ran past their planned length."
    )
    assert figure.weekly == (0.4, 0.2, None, None)


def test_every_segment_on_time():
    m = meeting(1, at("2026-12-01"))
    figure = mirror(MirrorData(meetings=(m,), segments=tuple(logs(m, 10, 4)))).figure("overrun")
    assert figure.sentence == "All 2 segments kept to their planned time, give or take a minute."


@pytest.mark.parametrize("weeks", [4, 12])
def test_twelve_weeks_reach_further_back(weeks):
    data = MirrorData(questions=(question(1, at("2026-10-01"), 4.0),))
    assert (mirror(data, weeks).figure("pause").value is None) is (weeks == 4)
