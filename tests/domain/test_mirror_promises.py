"""The mirror's promises figure: my promises due in the window, kept on time;
the headline counts exactly what the weekly bars count, and a promise still
overdue from before the window is said apart (records: tests/mirror_records.py)."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from mirror_records import TODAY, at, mirror
from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.mirror import MirrorData
from tui1on1.domain.promises import promise_stats
from tui1on1.domain.records import ActionEvent, ActionItem


def action(aid: int, due: str | None, *, closed: str | None = None, **kw) -> ActionItem:
    return ActionItem(
        aid,
        1,
        kw.pop("owner", Owner.ME),
        "text",
        due=date.fromisoformat(due) if due else None,
        status=ActionStatus.DONE if closed else ActionStatus.OPEN,
        created_at=at("2026-09-01"),
        closed_at=at(closed) if closed else None,
    )


def done(aid: int, day: str) -> ActionEvent:
    return ActionEvent(aid, aid, ActionChange.DONE, at(day))


def figure_of(*promises: ActionItem, weeks: int = 4):
    events = tuple(done(a.id, a.closed_at.date().isoformat()) for a in promises if a.closed_at)
    return mirror(MirrorData(promises=promises, events=events), weeks).figure("promises")


def test_promises_due_in_the_window_kept_on_time():
    promises = (
        action(1, "2026-11-20", closed="2026-11-19"),  # kept
        action(2, "2026-11-25", closed="2026-11-24"),  # kept
        action(3, "2026-11-26", closed="2026-11-30"),  # late
        action(4, "2026-12-03"),  # overdue
        action(5, "2026-11-02", closed="2026-11-01"),  # kept, before the window
        action(6, "2026-11-20", closed="2026-11-25", owner=Owner.THEM),  # theirs
    )
    figure = figure_of(*promises)
    assert (figure.value, figure.shown) == (0.5, "kept 2 of 4 (50%)")
    assert figure.sentence == (
        "You kept 2 of 4 promises due in the last 4 weeks on time (1 late · 1 still overdue): "
        "each late one tells them their topic can wait."
    )
    assert figure.weekly == (None, 1.0, 0.5, 0.0)  # placed by due date
    assert figure.detail["overdue_before"] == 0


def test_a_promise_overdue_since_before_the_window_is_said_apart_not_in_the_share():
    """The headline and the bars count the same promises: one overdue since
    before the window came due before it (``actions --summary`` counts it
    whatever its age; the mirror is about these weeks and says it apart)."""
    promises = (
        action(1, "2026-11-20", closed="2026-11-19"),  # kept
        action(2, "2026-11-26", closed="2026-11-30"),  # late
        action(3, "2026-11-02"),  # overdue since before the window
        action(4, "2026-10-01"),  # and another
    )
    figure = figure_of(*promises)
    assert (figure.value, figure.shown) == (0.5, "kept 1 of 2 (50%) · 2 older overdue")
    assert figure.weekly == (None, 1.0, 0.0, None)  # the two in the share, and only they
    assert figure.detail == {
        "kept": 1, "late": 1, "overdue": 0, "dropped": 0, "no_due_date": 0,
        "came_due": 2, "overdue_before": 2,
    }  # fmt: skip
    assert figure.sentence == (
        "You kept 1 of 2 promises due in the last 4 weeks on time (1 late), and 2 due "
        "earlier are still overdue: each late one tells them their topic can wait."
    )
    # the 90-day rate of `actions --summary` still counts them, whatever their age
    assert promise_stats(promises, (), TODAY, days=28, tz=UTC).overdue == 2
    # twelve weeks reach the one due 2 Nov: in the share, in its week's bar
    twelve = figure_of(*promises, weeks=12)
    assert (twelve.shown, twelve.detail["overdue_before"]) == ("kept 1 of 4 (25%)", 0)
    assert twelve.weekly[2] == 0.0 and twelve.weekly[6] == 0.0  # 1 Oct, 2 Nov


def test_all_kept_but_one_older_still_overdue():
    figure = figure_of(action(1, "2026-12-01", closed="2026-11-30"), action(2, "2026-11-02"))
    assert figure.sentence == (
        "You kept the 1 promise due in the last 4 weeks on time, but 1 due earlier is "
        "still overdue: close it or give it a new date."
    )


def test_nothing_due_in_the_window_but_older_overdue_says_so_with_no_number():
    figure = figure_of(action(1, "2026-11-02"))
    assert (figure.value, figure.shown, figure.weekly) == (None, "", (None,) * 4)
    assert figure.sentence == (
        "None of your promises came due in the last 4 weeks. 1 due earlier is still overdue."
    )


@pytest.mark.parametrize(("kept", "said"), [(1, "the 1 promise"), (2, "all 2 promises")])
def test_every_promise_kept(kept, said):
    promises = [action(i, "2026-12-01", closed="2026-11-30") for i in range(1, kept + 1)]
    assert figure_of(*promises).sentence == (
        f"You kept {said} due in the last 4 weeks on time — they can count on your word."
    )


def test_a_promise_kept_before_a_date_still_ahead_counts_this_week():
    figure = figure_of(action(1, "2026-12-20", closed="2026-12-02"))
    assert (figure.shown, figure.weekly) == ("kept 1 of 1 (100%)", (None, None, None, 1.0))
