"""Builders for the ledger tests: actions and their changes on faked days.

Times are UTC and the tests pass ``tz=UTC``, so a change made on "2026-11-27"
falls on 27 Nov whatever zone the machine is in.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.records import ActionEvent, ActionItem

TODAY = date(2026, 12, 7)  # a Monday
_ids = itertools.count(1)


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    """``2026-11-27`` at 10:00 UTC (or the hour given)."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=UTC)


def act(
    action_id: int = 1,
    *,
    owner: Owner = Owner.ME,
    due: str | None = None,
    status: ActionStatus = ActionStatus.OPEN,
    made: str = "2026-11-12",
    closed: str | None = None,
    person: int = 1,
    text: str = "send the draft",
) -> ActionItem:
    """An action as the Store returns it now (``due`` is the current one)."""
    return ActionItem(
        id=action_id,
        person_id=person,
        owner=owner,
        text=text,
        due=date.fromisoformat(due) if due else None,
        status=status,
        created_at=at(made, 9),
        closed_at=at(closed) if closed else None,
    )


def ev(
    change: ActionChange,
    day: str,
    before: str | None = None,
    after: str | None = None,
    *,
    action_id: int = 1,
    reason: str = "",
    hour: int = 10,
) -> ActionEvent:
    """One change to action ``action_id`` on ``day``."""
    return ActionEvent(
        id=next(_ids),
        action_id=action_id,
        change=change,
        at=at(day, hour),
        before=before,
        after=after,
        reason=reason,
    )
