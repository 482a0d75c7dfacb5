"""`tui1on1 actions --summary`: the kept-promise rate over the last 90 days,
overall and per person, on faked dates: kept, late, dropped, open and overdue,
renegotiated in time, done with no date, and too old to count."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from actions_db import fake_clock, one_on_one

from tui1on1.domain.kinds import ActionStatus, Owner
from tui1on1.storage.store import Store

TODAY = date(2026, 12, 7)


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)


@pytest.fixture
def promises(tmp_path, monkeypatch):
    """Five of my promises to Ada and two to Grace, theirs to both, one from
    June; each closed or moved on its own day before today (Mon 7 Dec)."""
    url = f"sqlite:///{tmp_path / 'promises.db'}"
    store = Store.open(url)
    ada = store.add_person("Ada Lovelace")
    grace = store.add_person("Grace Hopper")
    store.add_person("Ada Byron")
    kept, late, dropped, overdue, moved, theirs = one_on_one(
        store,
        ada.id,
        [
            (Owner.ME, "book the offsite", date(2026, 11, 27), False),
            (Owner.ME, "send the review", date(2026, 11, 23), False),
            (Owner.ME, "ask about the budget", date(2026, 11, 30), False),
            (Owner.ME, "intro to Sam", date(2026, 12, 1), False),
            (Owner.ME, "write the plan", date(2026, 11, 20), False),
            (Owner.THEM, "send the RFC draft", date(2026, 11, 21), False),
        ],
        at=noon(date(2026, 11, 16)),
    )
    early, _no_date = one_on_one(
        store,
        grace.id,
        [
            (Owner.ME, "read her doc", date(2026, 12, 10), False),
            (Owner.ME, "find a mentor", None, False),
        ],
        at=noon(date(2026, 11, 17)),
    )
    (old,) = one_on_one(
        store,
        ada.id,
        [(Owner.ME, "old promise", date(2026, 6, 1), False)],
        at=noon(date(2026, 5, 20)),
    )

    def close(action_id, status, day, reason=""):
        store.set_action_status(action_id, status, meeting_id=None, at=noon(day), reason=reason)

    close(kept, ActionStatus.DONE, date(2026, 11, 25))
    close(late, ActionStatus.DONE, date(2026, 11, 26))
    close(dropped, ActionStatus.DROPPED, date(2026, 11, 28), "budget frozen")
    store.reschedule_action(moved, date(2026, 12, 4), at=noon(date(2026, 11, 18)))
    close(moved, ActionStatus.DONE, date(2026, 12, 3))
    close(theirs, ActionStatus.DONE, date(2026, 11, 30))  # late, but theirs
    close(old, ActionStatus.DONE, date(2026, 6, 2))  # late, but before the 90 days
    store.close()
    fake_clock(monkeypatch, noon(TODAY))
    return url, early, overdue


def test_overall_and_per_person(cli, promises):
    url, early, _ = promises
    assert cli("--db", url, "actions", "done", str(early)).returncode == 0  # kept, early
    result = cli("--db", url, "actions", "--summary")
    assert (result.returncode, result.stdout) == (
        0,
        "Kept 3 of 5 promises on time in the last 90 days (60%) · 1 late · 1 overdue · 1 dropped · "
        "1 without a date, not counted\n"
        "\n"
        "Ada Lovelace   kept 2 of 4 (50%) · 1 late · 1 overdue · 1 dropped\n"
        "Grace Hopper   kept 1 of 1 (100%) · 1 without a date, not counted\n",
    )


def test_one_person(cli, promises):
    url, _, overdue = promises
    for who in (["ada lovelace"], ["--person", "lovelace"]):
        result = cli("--db", url, "actions", "--summary", *who)
        assert result.stdout == (
            "Ada Lovelace: Kept 2 of 4 promises on time in the last 90 days (50%) · 1 late · "
            "1 overdue · 1 dropped\n"
        )
    # Renegotiated before it fell due? Too late now: it missed Tue 1 Dec.
    cli("--db", url, "actions", "due", str(overdue), "fri")
    after = cli("--db", url, "actions", "--summary", "lovelace").stdout
    assert after.startswith("Ada Lovelace: Kept 2 of 4 promises on time in the last 90 days (50%)")
    assert " · 1 overdue" not in after  # late now, no longer overdue
    nobody = cli("--db", url, "actions", "--summary", "byron")
    assert nobody.stdout == "Ada Byron: None of your promises came due in the last 90 days\n"


def test_summary_as_json(cli, promises):
    url, _, _ = promises
    data = json.loads(cli("--db", url, "actions", "--summary", "--json").stdout)
    assert data["days"] == 90 and data["since"] == "2026-09-09"
    assert data["overall"] == {
        "kept": 2,
        "late": 1,
        "overdue": 1,
        "dropped": 1,
        "no_due_date": 1,
        "came_due": 4,
        "rate": 0.5,
        "sentence": "Kept 2 of 4 promises on time in the last 90 days (50%) · 1 late · 1 overdue · "
        "1 dropped · 1 without a date, not counted",
    }
    assert [(p["person"], p["kept"], p["came_due"], p["rate"]) for p in data["people"]] == [
        ("Ada Lovelace", 2, 4, 0.5),
        ("Grace Hopper", 0, 0, None),
    ]
    alone = json.loads(cli("--db", url, "actions", "--summary", "grace", "--json").stdout)
    assert [p["person"] for p in alone["people"]] == ["Grace Hopper"]
    assert alone["overall"]["no_due_date"] == 1


def test_with_no_promises_at_all(cli, tmp_path, monkeypatch):
    fake_clock(monkeypatch)
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert cli("--db", url, "actions", "--summary").stdout == (
        "None of your promises came due in the last 90 days\n"
    )


def test_a_promise_of_theirs_i_take_over_is_judged_from_the_day_it_became_mine(cli, promises):
    """Their RFC draft missed Sat 21 Nov while it was theirs. Taken over today
    it is overdue, as every list shows it, until I give it a date of mine;
    then it isn't late, and kept by that date it is kept."""
    url, _, _ = promises
    store = Store.open(url)
    [theirs] = [a for a in store.list_actions() if a.text == "send the RFC draft"]
    store.close()
    rfc = str(theirs.id)

    def summary() -> str:
        return cli("--db", url, "actions", "--summary", "lovelace").stdout

    assert cli("--db", url, "actions", "reopen", rfc).returncode == 0
    head = "Ada Lovelace: Kept 2 of 4 promises on time in the last 90 days (50%) · 1 late"
    assert summary() == f"{head} · 1 overdue · 1 dropped\n"
    assert cli("--db", url, "actions", "owner", rfc, "me").returncode == 0
    assert summary() == (
        "Ada Lovelace: Kept 2 of 5 promises on time in the last 90 days (40%) · 1 late · "
        "2 overdue · 1 dropped\n"
    )
    assert cli("--db", url, "actions", "due", rfc, "fri").returncode == 0
    assert summary() == f"{head} · 1 overdue · 1 dropped\n"  # not late: that miss was theirs
    assert cli("--db", url, "actions", "done", rfc).returncode == 0
    assert summary() == (
        "Ada Lovelace: Kept 3 of 5 promises on time in the last 90 days (60%) · 1 late · "
        "1 overdue · 1 dropped\n"
    )


def test_dropping_an_overdue_promise_does_not_raise_the_rate(cli, promises):
    """Tidying up can't improve the score: the promise missed Tue 1 Dec, and
    dropping it today leaves the miss, as moving its date would."""
    url, _, overdue = promises
    before = cli("--db", url, "actions", "--summary", "lovelace").stdout
    assert before.startswith("Ada Lovelace: Kept 2 of 4 promises on time in the last 90 days (50%)")
    dropped = cli("--db", url, "actions", "drop", str(overdue), "--reason", "not needed now")
    assert dropped.returncode == 0, dropped.stderr
    after = cli("--db", url, "actions", "--summary", "lovelace").stdout
    assert after == (
        "Ada Lovelace: Kept 2 of 4 promises on time in the last 90 days (50%) · 2 late · "
        "1 dropped\n"
    )
    shown = cli("--db", url, "actions", "show", str(overdue)).stdout
    assert "late: missed Tue 1 Dec, then dropped" in shown
