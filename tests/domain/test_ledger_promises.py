"""The kept-promise rate: each promise's outcome, the window, the sentences."""

from __future__ import annotations

from datetime import UTC, date, timedelta, timezone

import pytest
from ledger_cases import TODAY, act, ev

from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.promises import (
    Outcome,
    PromiseOutcome,
    PromiseStats,
    promise_outcome,
    promise_stats,
    promise_stats_by_person,
)
from tui1on1.domain.records import ActionEvent, ActionItem

C = ActionChange
S = ActionStatus
DONE, DROPPED = S.DONE, S.DROPPED

# (what happened, the action now, its history, how it stands, the day that places it)
OUTCOMES = [
    ("done before the date", act(due="2026-11-27", status=DONE, closed="2026-11-26"),
     [ev(C.DONE, "2026-11-26")], Outcome.KEPT, "2026-11-27"),
    ("done on the day", act(due="2026-11-27", status=DONE, closed="2026-11-27"),
     [ev(C.DONE, "2026-11-27")], Outcome.KEPT, "2026-11-27"),
    ("done the day after", act(due="2026-11-27", status=DONE, closed="2026-11-28"),
     [ev(C.DONE, "2026-11-28")], Outcome.LATE, "2026-11-27"),
    ("open past its date", act(due="2026-12-01"), [], Outcome.OVERDUE, "2026-12-01"),
    ("open, due today", act(due="2026-12-07"), [], Outcome.NOT_YET_DUE, "2026-12-07"),
    ("open, due ahead", act(due="2026-12-11"), [], Outcome.NOT_YET_DUE, "2026-12-11"),
    ("dropped", act(due="2026-11-27", status=DROPPED, closed="2026-11-20"),
     [ev(C.DROPPED, "2026-11-20", reason="no longer needed")], Outcome.DROPPED, "2026-11-20"),
    ("dropped after missing: the miss stands (tidying can't raise the rate)",
     act(due="2026-11-27", status=DROPPED, closed="2026-12-01"),
     [ev(C.DROPPED, "2026-12-01")], Outcome.LATE, "2026-11-27"),
    ("dropped on its due date: apart",
     act(due="2026-11-27", status=DROPPED, closed="2026-11-27"),
     [ev(C.DROPPED, "2026-11-27")], Outcome.DROPPED, "2026-11-27"),
    ("rescheduled before the date, done by the new one",
     act(due="2026-12-04", status=DONE, closed="2026-12-03"),
     [ev(C.DUE, "2026-11-25", "2026-11-27", "2026-12-04"), ev(C.DONE, "2026-12-03")],
     Outcome.KEPT, "2026-12-04"),
    ("rescheduled on the day itself",
     act(due="2026-12-04", status=DONE, closed="2026-12-04"),
     [ev(C.DUE, "2026-11-27", "2026-11-27", "2026-12-04"), ev(C.DONE, "2026-12-04")],
     Outcome.KEPT, "2026-12-04"),
    ("rescheduled before, then late for the new date",
     act(due="2026-12-04", status=DONE, closed="2026-12-05"),
     [ev(C.DUE, "2026-11-25", "2026-11-27", "2026-12-04"), ev(C.DONE, "2026-12-05")],
     Outcome.LATE, "2026-12-04"),
    ("rescheduled after missing, done by the new date",
     act(due="2026-12-11", status=DONE, closed="2026-12-02"),
     [ev(C.DUE, "2026-11-30", "2026-11-27", "2026-12-11"), ev(C.DONE, "2026-12-02")],
     Outcome.LATE, "2026-12-11"),
    ("rescheduled after missing, still open, new date ahead",
     act(due="2026-12-11"), [ev(C.DUE, "2026-11-30", "2026-11-27", "2026-12-11")],
     Outcome.LATE, "2026-11-27"),
    ("missed twice, still open: placed by the later miss",
     act(due="2026-12-18"),
     [ev(C.DUE, "2026-11-30", "2026-11-27", "2026-12-04"),
      ev(C.DUE, "2026-12-06", "2026-12-04", "2026-12-18")],
     Outcome.LATE, "2026-12-04"),
    ("due date removed after missing it", act(),
     [ev(C.DUE, "2026-11-30", "2026-11-27", "")], Outcome.LATE, "2026-11-27"),
    ("due date removed after missing it, then done",
     act(status=DONE, closed="2026-12-01"),
     [ev(C.DUE, "2026-11-30", "2026-11-27", ""), ev(C.DONE, "2026-12-01")],
     Outcome.LATE, "2026-11-27"),
    ("due date set later, done by it",
     act(due="2026-12-04", status=DONE, closed="2026-12-01"),
     [ev(C.DUE, "2026-11-20", "", "2026-12-04"), ev(C.DONE, "2026-12-01")],
     Outcome.KEPT, "2026-12-04"),
    ("reopened, then done by the date",
     act(due="2026-11-27", status=DONE, closed="2026-11-26"),
     [ev(C.DONE, "2026-11-20"), ev(C.REOPENED, "2026-11-21"), ev(C.DONE, "2026-11-26")],
     Outcome.KEPT, "2026-11-27"),
    ("reopened after the date, then done",
     act(due="2026-11-27", status=DONE, closed="2026-11-30"),
     [ev(C.DONE, "2026-11-20"), ev(C.REOPENED, "2026-11-29"), ev(C.DONE, "2026-11-30")],
     Outcome.LATE, "2026-11-27"),
    ("reopened and still open past the date",
     act(due="2026-11-27"), [ev(C.DONE, "2026-11-20"), ev(C.REOPENED, "2026-11-21")],
     Outcome.OVERDUE, "2026-11-27"),
    ("reworded and reassigned back: the date is all that counts",
     act(due="2026-11-27", status=DONE, closed="2026-11-27"),
     [ev(C.TEXT, "2026-11-25", "send draft", "send the draft"),
      ev(C.OWNER, "2026-11-26", "them", "me"), ev(C.DONE, "2026-11-27")],
     Outcome.KEPT, "2026-11-27"),
    ("done early, its date still ahead", act(due="2026-12-20", status=DONE, closed="2026-12-01"),
     [ev(C.DONE, "2026-12-01")], Outcome.KEPT, "2026-12-20"),
    ("done without a date, not counted", act(status=DONE, closed="2026-12-01"),
     [ev(C.DONE, "2026-12-01")], Outcome.NO_DUE, "2026-12-01"),
    ("open without a date, not counted", act(), [], Outcome.NO_DUE, None),
    ("done before its history was kept, on time",
     act(due="2026-11-27", status=DONE, closed="2026-11-26"), [], Outcome.KEPT, "2026-11-27"),
    ("reopened, and closed again before the history kept it",
     act(due="2026-11-27", status=DONE, closed="2026-11-28"),
     [ev(C.DONE, "2026-11-20"), ev(C.REOPENED, "2026-11-21")],
     Outcome.LATE, "2026-11-27"),
    ("done before its history was kept, late",
     act(due="2026-11-27", status=DONE, closed="2026-11-28"), [], Outcome.LATE, "2026-11-27"),
    ("theirs missed, taken over, given my date, open: not late",
     act(due="2026-12-11"),
     [ev(C.OWNER, "2026-11-30", "them", "me"), ev(C.DUE, "2026-11-30", "2026-11-27", "2026-12-11")],
     Outcome.NOT_YET_DUE, "2026-12-11"),
    ("theirs missed, taken over, given my date, done by it: kept",
     act(due="2026-12-11", status=DONE, closed="2026-12-04"),
     [ev(C.OWNER, "2026-11-30", "them", "me"), ev(C.DUE, "2026-12-01", "2026-11-27", "2026-12-11"),
      ev(C.DONE, "2026-12-04")],
     Outcome.KEPT, "2026-12-11"),
    ("taken over before its date, then missed: late, mine",
     act(due="2026-12-04", status=DONE, closed="2026-12-05"),
     [ev(C.OWNER, "2026-12-01", "them", "me"), ev(C.DONE, "2026-12-05")],
     Outcome.LATE, "2026-12-04"),
    ("taken over past its date, still open on it: overdue, as listed",
     act(due="2026-11-27"), [ev(C.OWNER, "2026-11-30", "them", "me")],
     Outcome.OVERDUE, "2026-11-27"),
    ("taken over past its date, done on it: no date of mine",
     act(due="2026-11-27", status=DONE, closed="2026-12-02"),
     [ev(C.OWNER, "2026-11-30", "them", "me"), ev(C.DONE, "2026-12-02")],
     Outcome.NO_DUE, "2026-12-02"),
    ("mine missed, handed to them and back: the miss was mine",
     act(due="2026-12-11"),
     [ev(C.DUE, "2026-11-30", "2026-11-27", "2026-12-11"), ev(C.OWNER, "2026-12-01", "me", "them"),
      ev(C.OWNER, "2026-12-02", "them", "me")],
     Outcome.LATE, "2026-11-27"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("story", "action", "events", "outcome", "day"), OUTCOMES, ids=[c[0] for c in OUTCOMES]
)
def test_each_promise_is_judged_by_the_date_in_force(
    story: str, action: ActionItem, events: list[ActionEvent], outcome: Outcome, day: str | None
) -> None:
    expected = PromiseOutcome(outcome, date.fromisoformat(day) if day else None)
    assert promise_outcome(action, events, TODAY, tz=UTC) == expected, story


def test_a_closed_action_with_no_day_to_judge_by_is_left_out() -> None:
    closed_when_unknown = act(due="2026-11-27", status=DONE)
    assert promise_outcome(closed_when_unknown, [], TODAY, tz=UTC) is None
    assert promise_stats([closed_when_unknown], [], TODAY, tz=UTC) == PromiseStats()


def test_other_actions_changes_are_ignored() -> None:
    action = act(1, due="2026-11-27", status=DONE, closed="2026-11-26")
    someone_elses = ev(C.DONE, "2026-11-30", action_id=2)
    judged = promise_outcome(action, [someone_elses, ev(C.DONE, "2026-11-26")], TODAY, tz=UTC)
    assert judged == PromiseOutcome(Outcome.KEPT, date(2026, 11, 27))


def test_the_day_is_the_local_one() -> None:
    late_evening = ev(C.DONE, "2026-11-27", hour=23)  # 23:00 UTC on the due day
    action = act(due="2026-11-27", status=DONE, closed="2026-11-27")
    kept = PromiseOutcome(Outcome.KEPT, date(2026, 11, 27))
    assert promise_outcome(action, [late_evening], TODAY, tz=UTC) == kept
    two_hours_east = timezone(timedelta(hours=2))  # already the 28th there
    judged = promise_outcome(action, [late_evening], TODAY, tz=two_hours_east)
    assert judged == PromiseOutcome(Outcome.LATE, date(2026, 11, 27))


def _mix() -> tuple[list[ActionItem], list[ActionEvent]]:
    """Ten promises of mine that came due (8 kept, 1 late, 1 overdue), two
    dropped, one with no date, one not yet due, and two of theirs."""
    actions: list[ActionItem] = []
    events: list[ActionEvent] = []
    for n in range(1, 9):
        actions.append(act(n, due="2026-11-27", status=DONE, closed="2026-11-26"))
        events.append(ev(C.DONE, "2026-11-26", action_id=n))
    actions.append(act(9, due="2026-11-20", status=DONE, closed="2026-11-23"))
    events.append(ev(C.DONE, "2026-11-23", action_id=9))
    actions.append(act(10, due="2026-12-02"))
    for n in (11, 12):
        actions.append(act(n, due="2026-12-20", status=DROPPED, closed="2026-12-01"))
        events.append(ev(C.DROPPED, "2026-12-01", action_id=n, reason="no longer needed"))
    actions.append(act(13))
    actions.append(act(14, due="2026-12-11"))
    actions.append(act(15, owner=Owner.THEM, due="2026-11-01"))
    actions.append(act(16, owner=Owner.THEM, due="2026-11-20", status=DONE, closed="2026-11-25"))
    return actions, events


def test_a_realistic_mix_reads_as_one_sentence() -> None:
    actions, events = _mix()
    stats = promise_stats(actions, events, TODAY, tz=UTC)
    assert stats == PromiseStats(kept=8, late=1, overdue=1, dropped=2, no_due=1, days=90)
    assert stats.rate == 0.8
    assert stats.sentence() == (
        "Kept 8 of 10 promises on time in the last 90 days (80%)"
        " · 1 late · 1 overdue · 2 dropped · 1 without a date, not counted"
    )
    assert stats.short() == "80% · 1 overdue"


@pytest.mark.parametrize(
    ("stats", "sentence", "short"),
    [
        (PromiseStats(), "None of your promises came due in the last 90 days", "nothing due"),
        (
            PromiseStats(dropped=1, no_due=2),
            "None of your promises came due in the last 90 days · 1 dropped"
            " · 2 without a date, not counted",
            "nothing due",
        ),
        (PromiseStats(kept=1), "Kept 1 of 1 promise on time in the last 90 days (100%)", "100%"),
        (
            PromiseStats(late=1),
            "Kept 0 of 1 promise on time in the last 90 days (0%) · 1 late",
            "0%",
        ),
        (
            PromiseStats(kept=2, overdue=1, days=30),
            "Kept 2 of 3 promises on time in the last 30 days (66%) · 1 overdue",
            "66% · 1 overdue",
        ),
        # Rounded down: 100% means every one.
        (PromiseStats(kept=199, late=1),
         "Kept 199 of 200 promises on time in the last 90 days (99%) · 1 late", "99%"),
        (PromiseStats(kept=1, days=1),
         "Kept 1 of 1 promise on time in the last day (100%)", "100%"),
    ],
)  # fmt: skip
def test_the_sentences(stats: PromiseStats, sentence: str, short: str) -> None:
    assert stats.sentence() == sentence
    assert stats.short() == short
    assert (stats.rate is None) == (stats.came_due == 0)


# The last 90 days on Mon 7 Dec 2026 start on Wed 9 Sep (today is the 90th).
@pytest.mark.parametrize(
    ("action", "events", "expected"),
    [
        (act(due="2026-09-09", status=DONE, closed="2026-09-08"),
         [ev(C.DONE, "2026-09-08")], PromiseStats(kept=1)),
        (act(due="2026-09-08", status=DONE, closed="2026-09-08"),
         [ev(C.DONE, "2026-09-08")], PromiseStats()),
        (act(due="2026-09-09", status=DONE, closed="2026-09-10"),
         [ev(C.DONE, "2026-09-10")], PromiseStats(late=1)),
        (act(due="2026-09-08", status=DONE, closed="2026-09-10"),
         [ev(C.DONE, "2026-09-10")], PromiseStats()),
        (act(due="2026-10-01", status=DROPPED, closed="2026-09-09"),
         [ev(C.DROPPED, "2026-09-09")], PromiseStats(dropped=1)),
        (act(due="2026-10-01", status=DROPPED, closed="2026-09-08"),
         [ev(C.DROPPED, "2026-09-08")], PromiseStats()),
        (act(status=DONE, closed="2026-09-09"), [ev(C.DONE, "2026-09-09")],
         PromiseStats(no_due=1)),
        (act(status=DONE, closed="2026-09-08"), [ev(C.DONE, "2026-09-08")], PromiseStats()),
        # Still outstanding: counted whatever their age.
        (act(due="2026-01-05", made="2026-01-01"), [], PromiseStats(overdue=1)),
        (act(made="2025-06-01"), [], PromiseStats(no_due=1)),
        # Late while open: placed by the date it missed.
        (act(due="2026-12-18"), [ev(C.DUE, "2026-09-10", "2026-09-09", "2026-12-18")],
         PromiseStats(late=1)),
        (act(due="2026-12-18"), [ev(C.DUE, "2026-09-10", "2026-09-08", "2026-12-18")],
         PromiseStats()),
        # Kept early with the date still ahead: counted at once.
        (act(due="2027-01-15", status=DONE, closed="2026-12-07"),
         [ev(C.DONE, "2026-12-07")], PromiseStats(kept=1)),
    ],
)  # fmt: skip
def test_the_window_edges(
    action: ActionItem, events: list[ActionEvent], expected: PromiseStats
) -> None:
    assert promise_stats([action], events, TODAY, tz=UTC) == expected


def test_a_shorter_window() -> None:
    actions = [
        act(1, due="2026-11-27", status=DONE, closed="2026-11-26"),
        act(2, due="2026-12-04", status=DONE, closed="2026-12-04"),
    ]
    stats = promise_stats(actions, [], TODAY, days=7, tz=UTC)
    assert stats == PromiseStats(kept=1, days=7)
    assert stats.sentence() == "Kept 1 of 1 promise on time in the last 7 days (100%)"
    with pytest.raises(ValueError, match="at least one day"):
        promise_stats(actions, [], TODAY, days=0)


def test_only_my_promises_count() -> None:
    theirs = [act(1, owner=Owner.THEM, due="2026-11-01"), act(2, owner=Owner.THEM)]
    assert promise_stats(theirs, [], TODAY, tz=UTC) == PromiseStats()
    handed_over = act(3, owner=Owner.THEM, due="2026-11-27")  # reassigned to them: theirs now
    history = [ev(C.OWNER, "2026-11-20", "me", "them", action_id=3)]
    assert promise_stats([handed_over], history, TODAY, tz=UTC) == PromiseStats()


def test_by_person() -> None:
    ada_kept = act(1, person=1, due="2026-11-27", status=DONE, closed="2026-11-27")
    ada_late = act(2, person=1, due="2026-11-20", status=DONE, closed="2026-11-23")
    grace_overdue = act(3, person=2, due="2026-12-01")
    grace_dropped = act(4, person=2, due="2026-12-01", status=DROPPED, closed="2026-11-30")
    only_theirs = act(5, person=3, owner=Owner.THEM, due="2026-11-01")
    events = [
        ev(C.DONE, "2026-11-27", action_id=1),
        ev(C.DONE, "2026-11-23", action_id=2),
        ev(C.DROPPED, "2026-11-30", action_id=4),
    ]
    actions = [ada_kept, ada_late, grace_overdue, grace_dropped, only_theirs]
    by_person = promise_stats_by_person(actions, events, TODAY, tz=UTC)
    assert by_person == {
        1: PromiseStats(kept=1, late=1),
        2: PromiseStats(overdue=1, dropped=1),
    }
    assert by_person[1].sentence() == (
        "Kept 1 of 2 promises on time in the last 90 days (50%) · 1 late"
    )
    assert by_person[2].short() == "0% · 1 overdue"
    assert by_person.get(3, PromiseStats()).short() == "nothing due"
    overall = promise_stats(actions, events, TODAY, tz=UTC)
    assert overall == PromiseStats(kept=1, late=1, overdue=1, dropped=1)
