"""The ledger's words and order: carried actions, due phrases, history, ids."""

from __future__ import annotations

from datetime import UTC, date, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ledger_cases import TODAY, act, ev

from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.ledger import (
    action_ref,
    carried_order,
    due_words,
    history_lines,
    overdue_words,
    parse_action_ref,
)
from tui1on1.domain.records import ActionItem

C = ActionChange


def test_carried_order_mine_first_then_overdue_then_by_date() -> None:
    actions = [
        act(1, owner=Owner.THEM, due="2026-12-11", text="book the offsite room"),
        act(2, owner=Owner.ME, text="ask finance about the budget"),
        act(3, owner=Owner.THEM, due="2026-11-30", text="share the on-call notes"),
        act(4, owner=Owner.ME, due="2026-12-04", text="send the RFC draft"),
        act(5, owner=Owner.ME, due="2026-11-16", text="introduce Ada to Grace"),
        act(6, owner=Owner.THEM, text="read the design doc", made="2026-11-01"),
        act(7, owner=Owner.ME, due="2026-12-07", text="approve the course"),
        act(8, owner=Owner.THEM, text="pick a mentor", made="2026-10-15"),
        act(9, owner=Owner.ME, due="2026-12-04", text="review the promo case", made="2026-11-01"),
        act(10, owner=Owner.ME, due="2026-12-18", text="plan the team day"),
    ]
    ordered = [a.text for a in carried_order(actions, TODAY)]
    assert ordered == [
        # mine: most overdue first, then by date (oldest first on the same date), no date last
        "introduce Ada to Grace",  # overdue 3 weeks
        "review the promo case",  # overdue 3 days, made 1 Nov
        "send the RFC draft",  # overdue 3 days, made 12 Nov
        "approve the course",  # due today
        "plan the team day",
        "ask finance about the budget",
        # theirs
        "share the on-call notes",  # overdue 1 week
        "book the offsite room",
        "pick a mentor",  # no date, made 15 Oct
        "read the design doc",  # no date, made 1 Nov
    ]


def test_carried_order_keeps_a_ticked_row_in_place() -> None:
    open_rows = [act(1, due="2026-12-01"), act(2, due="2026-12-03"), act(3, due="2026-12-05")]
    ticked = [open_rows[0], act(2, due="2026-12-03", status=ActionStatus.DONE), open_rows[2]]
    assert [a.id for a in carried_order(ticked, TODAY)] == [1, 2, 3]


@pytest.mark.parametrize(
    ("days_late", "words"),
    [
        (-5, ""),
        (0, ""),
        (1, "overdue 1 day"),
        (2, "overdue 2 days"),
        (6, "overdue 6 days"),
        (13, "overdue 13 days"),
        (14, "overdue 2 weeks"),
        (20, "overdue 2 weeks"),
        (21, "overdue 3 weeks"),
        (59, "overdue 8 weeks"),
        (60, "overdue 2 months"),
        (89, "overdue 2 months"),
        (90, "overdue 3 months"),
        (364, "overdue 12 months"),
        (365, "overdue 1 year"),
        (729, "overdue 1 year"),
        (730, "overdue 2 years"),
    ],
)
def test_overdue_words_at_the_boundaries(days_late: int, words: str) -> None:
    assert overdue_words(TODAY - timedelta(days=days_late), TODAY) == words


def test_overdue_words_with_no_date() -> None:
    assert overdue_words(None, TODAY) == ""


@pytest.mark.parametrize(
    ("action", "words"),
    [
        (act(due="2026-12-07"), "due today"),
        (act(due="2026-12-08"), "due tomorrow"),
        (act(due="2026-12-09"), "due Wed 9 Dec"),
        (act(due="2027-01-05"), "due Tue 5 Jan 2027"),
        (act(due="2026-12-04"), "overdue 3 days"),
        (act(due="2026-11-16"), "overdue 3 weeks"),
        (act(), "no due date"),
        (act(due="2026-12-04", status=ActionStatus.DONE, closed="2026-11-27"), "done 27 Nov"),
        (act(status=ActionStatus.DROPPED, closed="2026-11-27"), "dropped 27 Nov"),
        (act(status=ActionStatus.DONE, closed="2025-12-30"), "done 30 Dec 2025"),
        (act(status=ActionStatus.DONE), "done"),
    ],
)
def test_due_words(action: ActionItem, words: str) -> None:
    assert due_words(action, TODAY, tz=UTC) == words


def test_every_history_line_oldest_first() -> None:
    action = act(due="2026-12-11", status=ActionStatus.DONE, closed="2026-12-04", made="2026-11-12")
    events = [
        ev(C.DONE, "2026-11-28"),  # listed out of order: the history sorts them
        ev(C.DUE, "2026-11-20", "2026-11-27", "2026-12-04"),
        ev(C.OWNER, "2026-11-22", "me", "them"),
        ev(C.OWNER, "2026-11-23", "them", "me"),
        ev(C.TEXT, "2026-11-25", "send the draft", "send the RFC draft"),
        ev(C.DROPPED, "2026-11-27", reason="no longer needed"),
        ev(C.REOPENED, "2026-11-27", hour=15),
        ev(C.REOPENED, "2026-11-29"),
        ev(C.DUE, "2026-11-30", "2026-12-04", ""),
        ev(C.DUE, "2026-12-01", "", "2026-12-11"),
        ev(C.DROPPED, "2026-12-02"),
        ev(C.REOPENED, "2026-12-03"),
        ev(C.DONE, "2026-12-04"),
        ev(C.DONE, "2026-11-28", action_id=2),  # another action's: left out
    ]
    assert history_lines(action, events, TODAY, tz=UTC) == [
        "12 Nov · promised in the 1:1",
        "20 Nov · rescheduled: Fri 27 Nov → Fri 4 Dec",
        "22 Nov · reassigned to them",
        "23 Nov · reassigned to me",
        "25 Nov · reworded (was “send the draft”)",
        "27 Nov · dropped: no longer needed",
        "27 Nov · open again",
        "28 Nov · done",
        "29 Nov · open again",
        "30 Nov · due date removed (was Fri 4 Dec)",
        "1 Dec · due date set: Fri 11 Dec",
        "2 Dec · dropped",
        "3 Dec · open again",
        "4 Dec · done",
    ]


def test_history_shows_the_year_outside_this_one_and_local_days() -> None:
    action = act(due="2026-01-09", made="2025-12-30")
    events = [ev(C.DUE, "2025-12-31", "2026-01-02", "2026-01-09", hour=23)]
    assert history_lines(action, events, TODAY, tz=UTC) == [
        "30 Dec 2025 · promised in the 1:1",
        "31 Dec 2025 · rescheduled: Fri 2 Jan → Fri 9 Jan",
    ]
    two_hours_east = timezone(timedelta(hours=2))
    assert history_lines(action, events, TODAY, tz=two_hours_east)[1] == (
        "1 Jan · rescheduled: Fri 2 Jan → Fri 9 Jan"
    )
    next_year = date(2027, 3, 1)
    assert history_lines(action, events, next_year, tz=UTC)[1] == (
        "31 Dec 2025 · rescheduled: Fri 2 Jan 2026 → Fri 9 Jan 2026"
    )


def test_history_of_an_action_closed_before_its_history_was_kept() -> None:
    done = act(status=ActionStatus.DONE, closed="2026-11-27")
    assert history_lines(done, [], TODAY, tz=UTC) == [
        "12 Nov · promised in the 1:1",
        "27 Nov · done",
    ]
    dropped = act(status=ActionStatus.DROPPED, closed="2026-11-27")
    assert history_lines(dropped, [], TODAY, tz=UTC)[-1] == "27 Nov · dropped"
    # Done again after a recorded reopening the history didn't see close.
    reopened = [ev(C.DONE, "2026-11-20"), ev(C.REOPENED, "2026-11-21")]
    assert history_lines(done, reopened, TODAY, tz=UTC)[-2:] == [
        "21 Nov · open again",
        "27 Nov · done",
    ]


def test_history_keeps_user_text_calm_and_short() -> None:
    long_old = "ask the platform team whether the migration can wait until after the freeze"
    events = [
        ev(C.TEXT, "2026-11-20", long_old, "ask platform about the freeze"),
        ev(C.DROPPED, "2026-11-21", reason="  they\x1b[31m   decided\n"),
        ev(C.TEXT, "2026-11-22", "", "a new wording"),
    ]
    assert history_lines(act(made="2026-11-12"), events, TODAY, tz=UTC)[1:] == [
        "20 Nov · reworded (was “ask the platform team whether the…”)",
        "21 Nov · dropped: they\\x1b[31m decided",
        "22 Nov · reworded",
    ]


def test_history_without_a_made_day_starts_at_the_first_change() -> None:
    bare = ActionItem(id=1, person_id=1, owner=Owner.ME, text="send the draft")
    assert history_lines(bare, [ev(C.DONE, "2026-11-20")], TODAY, tz=UTC) == ["20 Nov · done"]


def test_action_ref_is_the_plain_number() -> None:
    assert action_ref(12) == "12"
    assert action_ref(1) == "1"


@pytest.mark.parametrize(
    ("typed", "number"),
    [("12", 12), (" 7 ", 7), ("007", 7), ("#12", 12), (str(2**63 - 1), 2**63 - 1)],
)
def test_parse_action_ref(typed: str, number: int) -> None:
    assert parse_action_ref(typed) == number


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "an action number is needed, like 12 — tui1on1 actions lists them"),
        ("   ", "an action number is needed, like 12 — tui1on1 actions lists them"),
        (
            "abc",
            "'abc' isn't an action number — use the number shown next to the action"
            " in tui1on1 actions, like 12",
        ),
        ("0", "'0' isn't an action number"),
        ("-3", "'-3' isn't an action number"),
        ("+3", "'+3' isn't an action number"),
        ("1.5", "'1.5' isn't an action number"),
        ("12 13", "'12 13' isn't an action number"),
        ("##12", "'##12' isn't an action number"),
        ("١٢", "'١٢' isn't an action number"),  # Arabic-Indic digits
        (str(2**63), f"'{2**63}' isn't an action number"),
        ("9" * 40, "'99999999999999999999999999999…' isn't an action number"),
        ("a\x1bb", "'a\\x1bb' isn't an action number"),
    ],
)
def test_parse_action_ref_refuses_junk_calmly(typed: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_action_ref(typed)
    assert str(caught.value).startswith(message)


@given(st.integers(min_value=1, max_value=2**63 - 1))
def test_a_shown_ref_reads_back(action_id: int) -> None:
    assert parse_action_ref(action_ref(action_id)) == action_id
