"""The home screen's 'Next due' column: overdue in words, from the cadence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.domain.overview import PersonOverview
from tui1on1.domain.records import Person
from tui1on1.ui.home_rows import due_text, trend_text

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def row(cadence, last_days_ago, added_days_ago=None):
    last = None if last_days_ago is None else NOW - timedelta(days=last_days_ago)
    added = None if added_days_ago is None else NOW - timedelta(days=added_days_ago)
    return PersonOverview(
        person=Person(id=1, name="Ada", cadence=cadence, created_at=added),
        last_started_at=last,
        open_mine=0,
        open_theirs=0,
        recent_minutes=(),
        live_meeting_id=None,
    )


@pytest.mark.parametrize(
    "cadence, days_ago, expected, bold",
    [
        ("FREQ=WEEKLY", 3, "in 4 days", False),
        ("FREQ=WEEKLY", 7, "today", False),
        ("FREQ=WEEKLY", 8, "overdue 1 day", True),
        ("FREQ=WEEKLY;INTERVAL=2", 20, "overdue 6 days", True),
        ("FREQ=WEEKLY", None, "due now", True),
        (None, 40, "no cadence", False),
        # Never met: due from the day they were added, overdue a cadence later.
        ("FREQ=WEEKLY", (None, 2), "due now", True),
        ("FREQ=WEEKLY", (None, 7), "due now", True),
        ("FREQ=WEEKLY", (None, 17), "overdue 10 days", True),
        ("FREQ=MONTHLY", (None, 40), "overdue 9 days", True),
    ],
)
def test_next_due(cadence, days_ago, expected, bold, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    text = due_text(row(cadence, *days_ago) if isinstance(days_ago, tuple)
                    else row(cadence, days_ago), NOW)  # fmt: skip
    assert text.plain == expected
    assert ("bold" in str(text.style)) is bold


def test_trend_text_scales_lengths_to_block_heights():
    assert trend_text(()) == ""
    assert trend_text((20.0, 30.0, 40.0)) == "▁▅█"
    assert trend_text((30.0, 30.0)) == "▁▁"
    assert trend_text((0.6,)) == ""  # one meeting is no trend
