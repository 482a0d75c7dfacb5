"""The manager's mirror: each figure from fixed records on faked dates, the
window's edges, and what an empty window says (never a made-up number).

Today is Mon 7 Dec 2026; the 4-week window is Tue 10 Nov to Mon 7 Dec, its
weeks starting Tue 10, 17, 24 Nov and 1 Dec. Days are counted in UTC here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.kinds import ActionChange, ActionStatus, MeetingStatus, Owner
from tui1on1.domain.mirror import MirrorData, Window, build_mirror, spark
from tui1on1.domain.pausecue import WAIT_TIME_SECONDS
from tui1on1.domain.promises import promise_stats
from tui1on1.domain.records import (
    ActionEvent,
    ActionItem,
    AskedQuestion,
    Meeting,
    Pause,
    Person,
    SegmentLog,
    TalkingPoint,
)
from tui1on1.questions import load_playbooks

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
PLAYBOOKS, _ = load_playbooks()


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=UTC)


def mirror(data: MirrorData, weeks: int = 4):
    return build_mirror(data, PLAYBOOKS, NOW, weeks=weeks, tz=UTC)


def question(qid: int, when: datetime, pause: float | None) -> AskedQuestion:
    return AskedQuestion(qid, 1, "slug", "text", 60.0, when, pause_seconds=pause)


def meeting(mid: int, start: datetime, minutes: float = 30, **kw) -> Meeting:
    return Meeting(
        id=mid,
        person_id=kw.pop("person_id", 1),
        playbook=kw.pop("playbook", "weekly"),
        planned_minutes=30,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        status=kw.pop("status", MeetingStatus.ENDED),
        **kw,
    )


def logs(m: Meeting, *minutes: float) -> list[SegmentLog]:
    """Segments 0, 1, … of ``m`` back to back, each running these minutes."""
    out, start = [], m.started_at
    titles = [s.title for s in PLAYBOOKS[m.playbook].segments]
    for index, length in enumerate(minutes):
        end = start + timedelta(minutes=length)
        out.append(SegmentLog(m.id * 100 + index, m.id, index, titles[index], start, end))
        start = end
    return out


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


def test_career_counts_only_ended_meetings_on_a_playbook_with_a_career_segment():
    # weekly: Their topics 10, Follow-ups 4, Career 8, Feedback 4, Next steps 4
    reached = meeting(1, at("2026-11-12"))
    cut_short = meeting(2, at("2026-11-19"), minutes=14)  # ended as Career began
    barely = meeting(3, at("2026-11-26"), minutes=14.5)
    never = meeting(4, at("2026-12-02"), minutes=12)
    peer = meeting(5, at("2026-12-03"), playbook="peer")  # no Career segment
    live = meeting(6, at("2026-12-07"), status=MeetingStatus.LIVE)
    before = meeting(7, at("2026-11-09"))  # outside the window
    segments = [
        *logs(reached, 10, 4, 8, 4, 4),
        *logs(cut_short, 10, 4, 0),
        *logs(barely, 10, 4, 0.5),
        *logs(never, 10, 2),
        *logs(live, 10, 4, 8),
        *logs(before, 10, 4, 8),
    ]
    data = MirrorData(meetings=(reached, cut_short, barely, never, peer, live, before))
    data = MirrorData(meetings=data.meetings, segments=tuple(segments))
    figure = mirror(data).figure("career")
    assert (figure.value, figure.shown) == (0.25, "1 of 4 (25%)")
    assert figure.sentence == (
        "3 of 4 meetings with a Career segment ended before it had a minute: keep the "
        "earlier segments short so career gets its time."
    )
    assert figure.weekly == (1.0, 0.0, 0.0, 0.0)


def test_career_every_one_reached():
    m = meeting(1, at("2026-12-01"))
    figure = mirror(MirrorData(meetings=(m,), segments=tuple(logs(m, 10, 4, 8)))).figure("career")
    assert figure.sentence == (
        "Every meeting with a Career segment got to it (1 of 1) — their growth got real time."
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


# --- 5. held against the cadence ------------------------------------------------------


def test_held_and_missed_as_home_counts_due():
    ada = Person(1, "Ada Lovelace", cadence="FREQ=WEEKLY", created_at=at("2025-01-01"))
    bo = Person(2, "Bo Berg", cadence="FREQ=WEEKLY;INTERVAL=2", created_at=at("2025-01-01"))
    new = Person(3, "Cy New", cadence="FREQ=WEEKLY", created_at=at("2026-12-02", 9))
    soon = Person(4, "Di Soon", cadence="FREQ=WEEKLY", created_at=at("2026-12-07", 9))
    loose = Person(5, "No Cadence", created_at=at("2025-01-01"))
    meetings = (
        meeting(1, at("2026-11-10"), person_id=1),  # a day late for Mon 9 Nov: held
        meeting(2, at("2026-11-17"), person_id=1),
        meeting(3, at("2026-12-01"), person_id=1),  # nothing the week of Mon 23 Nov: missed
        meeting(4, at("2026-11-20"), person_id=2),  # Bo: every 2 weeks from Fri 6 Nov
        meeting(5, at("2026-12-04"), person_id=2),
        meeting(6, at("2026-11-20"), person_id=5),  # no cadence: not counted
    )
    data = MirrorData(
        people=(ada, bo, new, soon, loose),
        meetings=meetings,
        before={1: at("2026-11-02"), 2: at("2026-11-06")},
    )
    figure = mirror(data).figure("cadence")
    # Ada: steps 16, 23 Nov (missed), 30 Nov in the window; 7 Dec not yet a day gone.
    # Bo: 20 Nov, 4 Dec. Cy, added 2 Dec and never met: due at once, and again on
    # the 9th (not yet). Di, added this morning: due less than a day ago, not missed.
    assert figure.detail == {
        "held": 5,
        "due": 6,
        "missed": 2,
        "behind": [{"person": "Ada Lovelace", "missed": 1}, {"person": "Cy New", "missed": 1}],
    }
    assert figure.shown == "5 held · 2 missed"
    assert figure.value == pytest.approx(4 / 6)
    assert figure.sentence == (
        "You held 5 meetings and missed 2 that your cadences called for: Ada Lovelace, Cy New."
    )
    assert figure.weekly == (1.0, 2.0, 0.0, 2.0)


def test_every_1on1_held_even_a_day_late():
    ada = Person(1, "Ada Lovelace", cadence="FREQ=MONTHLY", created_at=at("2025-01-01"))
    data = MirrorData(
        people=(ada,), meetings=(meeting(1, at("2026-11-21")),), before={1: at("2026-10-20")}
    )
    figure = mirror(data).figure("cadence")
    assert figure.sentence == "You held every 1:1 your cadences called for (1 meeting held)."
    assert (figure.value, figure.shown) == (1.0, "1 held · 0 missed")


@pytest.mark.parametrize(
    ("cadence", "weeks", "due"),
    [
        ("FREQ=WEEKLY", 4, 4),
        ("FREQ=WEEKLY", 12, 12),
        ("FREQ=WEEKLY;INTERVAL=2", 4, 2),
        ("FREQ=WEEKLY;INTERVAL=2", 12, 6),
        ("FREQ=MONTHLY", 12, 3),
        ("FREQ=WEEKLY;BYDAY=TU,TH", 4, 8),
    ],
)
def test_someone_never_met_misses_every_step(cadence, weeks, due):
    ada = Person(1, "Ada Lovelace", cadence=cadence, created_at=at("2026-01-06"))
    detail = mirror(MirrorData(people=(ada,)), weeks).figure("cadence").detail
    assert (detail["due"], detail["missed"], detail["held"]) == (due, due, 0)


# --- 6. promises kept on time ---------------------------------------------------------


def action(aid: int, due: str | None, *, closed: str | None = None, **kw) -> ActionItem:
    return ActionItem(
        aid,
        1,
        kw.pop("owner", Owner.ME),
        "text",
        due=date.fromisoformat(due) if due else None,
        status=ActionStatus.DONE if closed else ActionStatus.OPEN,
        created_at=at("2026-11-01"),
        closed_at=at(closed) if closed else None,
    )


def done(aid: int, day: str) -> ActionEvent:
    return ActionEvent(aid, aid, ActionChange.DONE, at(day))


def test_promises_are_the_kept_promise_rate_over_the_window():
    promises = (
        action(1, "2026-11-20", closed="2026-11-19"),  # kept
        action(2, "2026-11-25", closed="2026-11-24"),  # kept
        action(3, "2026-11-26", closed="2026-11-30"),  # late
        action(4, "2026-12-03"),  # overdue
        action(5, "2026-11-02", closed="2026-11-01"),  # kept, before the window
        action(6, "2026-11-20", closed="2026-11-25", owner=Owner.THEM),  # theirs
    )
    events = tuple(done(a.id, a.closed_at.date().isoformat()) for a in promises if a.closed_at)
    figure = mirror(MirrorData(promises=promises, events=events)).figure("promises")
    stats = promise_stats(promises, events, TODAY, days=28, tz=UTC)
    assert (figure.value, stats.kept, stats.came_due) == (0.5, 2, 4)
    assert figure.shown == "kept 2 of 4 (50%)"
    assert figure.sentence == (
        "You kept 2 of 4 promises on time (1 late · 1 still overdue): each late one "
        "tells them their topic can wait."
    )
    assert figure.weekly == (None, 1.0, 0.5, 0.0)  # placed by due date


def test_every_promise_kept():
    promises = (action(1, "2026-12-01", closed="2026-11-30"),)
    figure = mirror(MirrorData(promises=promises, events=(done(1, "2026-11-30"),)))
    assert figure.figure("promises").sentence == (
        "You kept all 1 promise that came due on time — they can count on your word."
    )


@pytest.mark.parametrize("weeks", [4, 12])
def test_twelve_weeks_reach_further_back(weeks):
    data = MirrorData(questions=(question(1, at("2026-10-01"), 4.0),))
    assert (mirror(data, weeks).figure("pause").value is None) is (weeks == 4)


def test_a_1on1_a_little_earlier_in_the_day_than_usual_is_on_time():
    ada = Person(1, "Ada Lovelace", cadence="FREQ=WEEKLY", created_at=at("2025-01-01"))
    days = ("2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01")
    data = MirrorData(
        people=(ada,),
        meetings=tuple(meeting(i, at(day, 9)) for i, day in enumerate(days)),
        before={1: at("2026-11-03", 11)},
    )
    assert mirror(data).figure("cadence").detail["missed"] == 0
