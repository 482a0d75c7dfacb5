"""How well I keep my word, for the screens outside the meeting: my
promises of the last 90 days read from the Store (in a worker thread), and
home's short line about them."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from tui1on1.domain.promises import DEFAULT_DAYS, PromiseStats, promise_stats
from tui1on1.domain.records import ActionEvent, ActionItem
from tui1on1.ui.services import Services

PROMISE_DAYS = DEFAULT_DAYS


def my_promises(
    services: Services, today: date, person_id: int | None = None
) -> tuple[list[ActionItem], list[ActionEvent]]:
    """My actions that bear on the kept-promise rate, and their history."""
    since = today - timedelta(days=PROMISE_DAYS)
    mine, history = services.store.my_promises(since=since, person_id=person_id)
    return mine, [event for events in history.values() for event in events]


def kept_stats(services: Services, person_id: int | None = None) -> PromiseStats:
    """The kept-promise counts, overall or for one person."""
    today = services.clock.now().astimezone().date()
    mine, events = my_promises(services, today, person_id)
    return promise_stats(mine, events, today, days=PROMISE_DAYS)


def promise_line(stats: PromiseStats, key: str, team_key: str = "t") -> Text:
    """'My promises kept on time (90 days): 50% · 1 overdue  (p: actions ·
    t: team)': short enough for 80 columns with both keys."""
    text = Text(f"My promises kept on time ({stats.days} days): {stats.short()}")
    text.append(f"  ({key}: actions · {team_key}: team)", style="italic")
    return text
