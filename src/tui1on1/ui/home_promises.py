"""Home's line about my word: the kept-promise rate of the last 90 days and
how many of my promises are overdue, with the key that lists them all."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from tui1on1.domain.ledger import promise_stats
from tui1on1.ui.services import Services

PROMISE_DAYS = 90


def promise_line(services: Services, today: date, key: str) -> Text:
    """'My promises, last 90 days: kept 8 of 10 on time · 2 overdue  (p: every action)'.
    Read in a worker thread."""
    since = today - timedelta(days=PROMISE_DAYS)
    mine, events = services.store.my_promises(since=since)
    if not mine:
        return Text(f"No promises of mine yet  ({key}: every action)", style="italic")
    stats = promise_stats(mine, events, today, days=PROMISE_DAYS)
    text = Text(f"My promises, last {PROMISE_DAYS} days: {stats.short()}")
    text.append(f"  ({key}: every action)", style="italic")
    return text
