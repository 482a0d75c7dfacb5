"""Cadence: what users type, what is stored, and when the next 1:1 is due."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from tui1on1.domain.cadence import CadenceError, describe_cadence, next_due, parse_cadence

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("weekly", "FREQ=WEEKLY"),
        ("Biweekly", "FREQ=WEEKLY;INTERVAL=2"),
        ("fortnightly", "FREQ=WEEKLY;INTERVAL=2"),
        ("monthly", "FREQ=MONTHLY"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU", "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU"),
        ("rrule:freq=monthly;bymonthday=1", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ],
)
def test_cadences_people_type(typed, stored):
    assert parse_cadence(typed) == stored


@pytest.mark.parametrize(
    "typed", ["", "every full moon", "FREQ=SOMETIMES", "DTSTART:20260101T000000\nFREQ=WEEKLY"]
)
def test_unreadable_cadences_are_refused_calmly(typed):
    with pytest.raises(CadenceError):
        parse_cadence(typed)


def test_description_uses_the_word_when_there_is_one():
    assert describe_cadence("FREQ=WEEKLY;INTERVAL=2") == "biweekly"
    assert describe_cadence("FREQ=WEEKLY;BYDAY=TU") == "FREQ=WEEKLY;BYDAY=TU"
    assert describe_cadence(None) == ""


def test_weekly_keeps_the_local_hour_across_the_spring_dst_change():
    # Monday 23 March 2026, 09:00 in Berlin (CET); clocks go forward on the 29th.
    last = datetime(2026, 3, 23, 9, 0, tzinfo=BERLIN)
    due = next_due("FREQ=WEEKLY", last, now=last)
    assert due == datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN)  # 09:00 CEST, not 10:00
    assert due.astimezone(UTC).hour == 7 and last.astimezone(UTC).hour == 8


def test_weekly_keeps_the_local_hour_across_the_autumn_dst_change():
    last = datetime(2026, 10, 19, 16, 30, tzinfo=BERLIN)
    due = next_due("FREQ=WEEKLY;INTERVAL=2", last, now=last)
    assert due == datetime(2026, 11, 2, 16, 30, tzinfo=BERLIN)


def test_with_no_meeting_yet_it_is_due_now_and_an_expired_rule_too():
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert next_due("FREQ=WEEKLY", None, now) == now
    last = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert next_due("FREQ=WEEKLY;COUNT=1", last, now) == now


def test_monthly_from_the_31st_skips_short_months_as_rfc5545_says():
    last = datetime(2026, 1, 31, 10, 0, tzinfo=UTC)
    assert next_due("FREQ=MONTHLY", last, now=last) == datetime(2026, 3, 31, 10, 0, tzinfo=UTC)
