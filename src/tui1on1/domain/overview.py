"""Plain records for the between-meetings screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui1on1.domain.records import Meeting, Person

TREND_MEETINGS = 8  # home's trend: the lengths of someone's newest ended meetings


@dataclass(frozen=True, slots=True)
class PersonOverview:
    """One row of the home screen."""

    person: Person
    last_started_at: datetime | None
    open_mine: int
    open_theirs: int
    recent_minutes: tuple[float, ...]  # lengths of their last ended meetings, oldest first
    live_meeting_id: int | None


@dataclass(frozen=True, slots=True)
class MeetingListing:
    """A meeting in a person's list, with its counts."""

    meeting: Meeting
    notes: int  # not counting actions (counted apart)
    actions: int
    questions: int
