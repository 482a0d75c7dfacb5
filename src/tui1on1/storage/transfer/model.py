"""The export document's format name and version, and its entries once checked.

:func:`~tui1on1.storage.transfer.document.read_document` turns a JSON document
into these typed entries (or raises :class:`ImportError_`); the merge writes
them into the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from tui1on1.storage.errors import InvalidInput

FORMAT = "tui1on1-export"
#: The version written. 2 added each note's ``resolved_at``, ``career`` and
#: ``answers_why``: a reader of version 1 ignores keys it doesn't know, so it
#: would import a newer file "fine" while reopening dealt-with topics,
#: dropping the marks and turning Why? answers into answers of the question
#: itself; the new number makes it refuse the file instead.
#: 3 added each person's ``talking_points`` and each note's
#: ``resolved_in_meeting``: an older reader would drop them silently.
#: 4 added each note's ``private`` and each action's ``history``: an older
#: reader would share private notes and lose how promises were kept.
#: 5 added each person's ``exposures`` (and notes of kind ``exposure``) and
#: ``backfills`` (the roles they could step into): an older reader would
#: lose the exposure log and the bench.
#: 6 added each person's ``plan_events`` (every change to their growth
#: plans): an older reader would lose the plans.
VERSION = 6
#: The versions read: a version 1 file's notes have none of those (read as
#: still open, no mark, not a Why? answer); a version 1 or 2 file has no
#: talking points, and its topics were dealt with in no meeting; before 4,
#: concerns and parked topics are private (as the upgrade made them) and an
#: action has no history; before 5, no one has a logged exposure or a backfill;
#: before 6, no one has a growth plan.
VERSIONS_READ = (1, 2, 3, 4, 5, 6)


class ImportError_(InvalidInput):  # the builtin ImportError is taken
    """The document can't be imported; nothing was written.

    ``str()`` names where the problem is, like
    ``people[2].meetings[0].notes[5].kind: unknown kind 'x'``.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


@dataclass
class ActionEventEntry:
    """One change in an action's history; ``changed_in`` is when the meeting
    it was made in started (None: between meetings)."""

    uid: str
    change: str
    at: datetime
    before: str | None
    after: str | None
    reason: str
    changed_in: datetime | None


@dataclass
class ActionEntry:
    """A note's action item; ``closed_in`` is when the meeting that closed it started."""

    owner: str
    due: date | None
    status: str
    created_at: datetime
    closed_at: datetime | None
    closed_in: datetime | None
    history: list[ActionEventEntry] = field(default_factory=list)


@dataclass
class NoteEntry:
    """A note; ``asked_key`` names an asked question of the same meeting;
    ``career`` is the manager's mark (an element, "none", or None) and
    ``answers_why`` says it answers that question's Why? follow-up."""

    uid: str
    kind: str
    text: str
    tags: list[str]
    elapsed_seconds: float
    segment_index: int | None
    asked_key: str | None
    created_at: datetime
    edited_at: datetime | None
    deleted_at: datetime | None
    action: ActionEntry | None
    resolved_at: datetime | None
    career: str | None
    answers_why: bool
    resolved_in: datetime | None = None  # when the meeting it was dealt with in started
    private: bool = False  # kept out of the recap sent to the report


@dataclass
class TalkingPointEntry:
    """A talking point; ``resolved_in`` is when the meeting it was dealt with in started."""

    uid: str
    text: str
    mine: bool
    created_at: datetime
    resolved_at: datetime | None
    resolved_in: datetime | None


@dataclass
class ExposureEntry:
    """An opportunity logged between meetings; ``on`` is the day it happened."""

    uid: str
    kind: str
    text: str
    on: date
    created_at: datetime


@dataclass
class BackfillEntry:
    """A role someone could step into; ``holder_key`` is the casefolded
    name of whose role (None: the manager's own)."""

    uid: str
    holder_key: str | None
    readiness: str
    note: str
    updated_at: datetime


@dataclass
class PlanEventEntry:
    """One change to a growth plan; ``target`` is the option's uid (pick,
    drop), ``changed_in`` when the meeting it was made in started (None:
    between meetings)."""

    uid: str
    at: datetime
    op: str
    text: str
    target: str | None
    status: str | None
    aspiration: str | None
    changed_in: datetime | None


@dataclass
class AskedEntry:
    """A question asked in a meeting; ``key`` is unique within the meeting."""

    key: str
    slug: str
    text: str
    elapsed_seconds: float
    asked_at: datetime
    pause_seconds: float | None
    followups: int


@dataclass
class MeetingEntry:
    """A meeting with everything in it; pauses are (paused, resumed), segments
    (index, title, started, ended), the draft (text, updated)."""

    playbook: str
    planned_minutes: int
    started_at: datetime
    ended_at: datetime | None
    status: str
    summary: str
    pauses: list[tuple[datetime, datetime | None]]
    segments: list[tuple[int, str, datetime, datetime | None]]
    asked: list[AskedEntry]
    notes: list[NoteEntry]
    draft: tuple[str, datetime] | None


@dataclass
class PersonEntry:
    """A person and their meetings; ``key`` is the casefolded name they match by."""

    name: str
    key: str
    role: str
    relationship: str
    cadence: str | None
    default_playbook: str | None
    archived: bool
    created_at: datetime
    meetings: list[MeetingEntry]
    talking_points: list[TalkingPointEntry] = field(default_factory=list)
    exposures: list[ExposureEntry] = field(default_factory=list)
    backfills: list[BackfillEntry] = field(default_factory=list)
    plan_events: list[PlanEventEntry] = field(default_factory=list)
