"""Which meeting a recap is of (by person, or by id), read from the Store
as of its end (``Store.recap_record``)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from tui1on1.cli.run import find_person

if TYPE_CHECKING:
    from tui1on1.domain.recap import MeetingRecord
    from tui1on1.storage.store import Store


def today() -> date:
    """The user's local date (tests replace this)."""
    return datetime.now().astimezone().date()


def now() -> datetime:
    """The moment a live meeting's recap is seen from (tests replace this)."""
    return datetime.now(UTC)


def gather(store: Store, *, person: str | None, meeting_id: int | None) -> MeetingRecord | str:
    """The meeting's record, or a sentence saying why there is none (a name
    that finds no one, or several, raises UsageError: exit 2)."""
    from tui1on1.domain.text import safe_terminal_text
    from tui1on1.storage.errors import NotFound

    if meeting_id is None:
        who = find_person(store, person or "")
        latest = store.meetings_for(who.id, limit=1)
        if not latest:
            return f"there are no meetings with {safe_terminal_text(who.name)} yet"
        meeting_id = latest[0].id
    try:
        return store.recap_record(meeting_id, now())
    except NotFound:
        return f"there is no meeting {meeting_id}"
