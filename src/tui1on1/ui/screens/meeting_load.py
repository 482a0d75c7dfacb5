"""Loading (or resuming) a live meeting: runs in a worker thread; then the
meeting's model is built from what was read."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from tui1on1.domain.growth import PlanEvent
from tui1on1.domain.kinds import ActionChange, ActionStatus
from tui1on1.domain.meeting import MeetingModel
from tui1on1.domain.people import NameMatch, NameMatchKind, meet_problem, unresolved_message
from tui1on1.domain.prompts import AskedBefore, fold_replaced
from tui1on1.domain.records import (
    ActionItem,
    AskedQuestion,
    Draft,
    Meeting,
    Note,
    Person,
    SegmentLog,
    TalkingPoint,
)
from tui1on1.domain.series import opening_playbook
from tui1on1.domain.waiting import TOPICS_IN_MEETING, topics_for_meeting
from tui1on1.storage.errors import DuplicateName
from tui1on1.ui.screens.base import MeetRequest

if TYPE_CHECKING:
    from tui1on1.storage.store import Store
    from tui1on1.ui.services import Services

DEFAULT_MINUTES = 30


@dataclass(frozen=True)
class LoadedMeeting:
    person: Person
    meeting: Meeting
    resumed: bool
    notes: list[Note]
    actions: dict[int, ActionItem]  # by note id, this meeting's
    carried: list[ActionItem]  # open actions from earlier meetings
    draft: Draft | None
    segments: list[SegmentLog]
    asked: list[AskedQuestion]
    history: dict[str, AskedBefore]
    # What waited for this 1:1 (and what of it was dealt with in it):
    # talking points, and earlier parked topics and open questions.
    points: list[TalkingPoint] = field(default_factory=list)
    topics: list[Note] = field(default_factory=list)
    # Carried actions reworded, rescheduled or reassigned in this meeting.
    changed_here: frozenset[int] = frozenset()
    # Carried actions whose note is private (never read out, never sent).
    private_carried: frozenset[int] = frozenset()
    # Earlier actions done or dropped since the last 1:1, outside this one.
    closed_between: list[ActionItem] = field(default_factory=list)
    # When each carried action's text was written, by id: its warning reads
    # a phrase like "by fri" as of that day.
    carried_written: dict[int, datetime] = field(default_factory=dict)
    # Every change to their growth plans (the end summary names this meeting's).
    plan_events: list[PlanEvent] = field(default_factory=list)


class NotOnePerson(Exception):
    """`meet NAME` can't start: NAME names no one, or several people, or
    (``--new``) someone who is already there. Nobody was added."""

    def __init__(self, request: MeetRequest, match: NameMatch[Person]) -> None:
        super().__init__(request.name)
        self.request = request
        self.match = match

    @property
    def taken(self) -> Person | None:
        """With ``--new``: the person who already has that name."""
        return self.match.person if self.request.new else None

    @property
    def candidates(self) -> tuple[Person, ...]:
        """Whom the user may have meant, sorted by name."""
        if self.match.person is not None:
            return (self.match.person,)
        return self.match.candidates

    def line(self) -> str:
        """The one calm line for the terminal (safe to print)."""
        return meet_problem(self.match, new=self.request.new) or unresolved_message(self.match)


def resolve_person(store: Store, request: MeetRequest, now: datetime) -> Person:
    """Who the 1:1 is with. Never adds anyone unless ``request.new``; raises
    NotOnePerson when the name doesn't give exactly one person."""
    if request.person_id is not None:
        return store.get_person(request.person_id)
    match = store.match_person(request.name)
    if request.new:
        if match.kind is not NameMatchKind.UNKNOWN:  # --new adds: refuse a name the rule finds
            raise NotOnePerson(request, match)
        try:
            return store.add_person(request.name, now=now)
        except DuplicateName:  # another instance added them a moment ago
            person = store.find_person(request.name)
            if person is None:
                raise
            return person
    if match.person is None:
        raise NotOnePerson(request, match)
    return match.person


def load_meeting(
    store: Store,
    request: MeetRequest,
    now: datetime,
    minutes_of: Callable[[str], float] | None = None,
) -> LoadedMeeting:
    """Find the person (see :func:`resolve_person`), start or resume their
    live meeting, read it all. Planned for ``--minutes``, else for the
    playbook's own length (``minutes_of``: 45 for the quarterly)."""
    person = resolve_person(store, request, now)
    # A live meeting is resumed on its own playbook: start_meeting returns it as it is.
    chosen = opening_playbook(
        met_before=store.count_meetings(person.id) > 0,
        saved=person.default_playbook,
        asked=request.playbook,
        relationship=person.relationship,
    )
    meeting, resumed = store.start_meeting(
        person.id,
        playbook=chosen,
        planned_minutes=request.minutes or _own_minutes(minutes_of, chosen),
        now=now,
    )
    return read_meeting(store, person, meeting, resumed)


def _own_minutes(minutes_of: Callable[[str], float] | None, playbook: str) -> int:
    if minutes_of is None:
        return DEFAULT_MINUTES
    return max(1, round(minutes_of(playbook)))


def read_meeting(store: Store, person: Person, meeting: Meeting, resumed: bool) -> LoadedMeeting:
    actions = store.meeting_actions(person.id, meeting.id)
    carried = [
        a
        for a in actions
        if a.origin_meeting_id != meeting.id
        and (a.status is ActionStatus.OPEN or a.closed_meeting_id == meeting.id)
    ]
    closed = _closed_between(store, person, meeting)
    return LoadedMeeting(
        person=person,
        meeting=meeting,
        resumed=resumed,
        notes=store.list_notes(meeting.id),
        actions={a.note_id: a for a in actions if a.origin_meeting_id == meeting.id and a.note_id},
        carried=carried,
        draft=store.get_draft(meeting.id),
        segments=store.list_segments(meeting.id),
        asked=store.list_asked(meeting.id),
        history=store.question_history(person.id, meeting.id),
        points=store.talking_points(person.id, meeting_id=meeting.id),
        topics=topics_for_meeting(
            store.waiting_topics(person.id, meeting.id, newest=TOPICS_IN_MEETING), meeting.id
        ),
        changed_here=_changed_in(store, [a.id for a in carried], meeting.id)
        if resumed
        else frozenset(),
        private_carried=store.private_actions([*carried, *closed]),
        closed_between=closed,
        carried_written=store.texts_written(carried),
        plan_events=store.plan_events(person.id),
    )


def _closed_between(store: Store, person: Person, meeting: Meeting) -> list[ActionItem]:
    """What was kept or dropped since the last 1:1 ended, outside this one."""
    last = store.meeting_before(person.id, meeting.started_at)
    if last is None:
        return []
    return store.closed_between(person.id, meeting.id, last.ended_at or last.started_at)


def _changed_in(store: Store, action_ids: list[int], meeting_id: int) -> frozenset[int]:
    """The actions among ``action_ids`` reworded, rescheduled or reassigned
    in the meeting (read back before it ends)."""
    changes = (ActionChange.TEXT, ActionChange.DUE, ActionChange.OWNER)
    history = store.action_history(action_ids) if action_ids else {}
    return frozenset(
        action_id
        for action_id, events in history.items()
        if any(e.meeting_id == meeting_id and e.change in changes for e in events)
    )


def meeting_model(loaded: LoadedMeeting, services: Services) -> MeetingModel:
    """The live meeting's model, picked up where it was (notes are added by
    the notes pane)."""
    relationship = loaded.person.relationship.value
    model = MeetingModel(
        person=loaded.person,
        meeting=loaded.meeting,
        playbook=services.playbook(loaded.meeting.playbook),
        questions=[q for q in services.bank.questions.values() if q.suits(relationship)],
        history=fold_replaced(loaded.history, services.bank.replaced()),
        pauses=services.settings.pause_lengths,
        elements=services.bank.elements(),
        carried=len(loaded.carried) + len(loaded.points) + len(loaded.topics),
        closed_between=loaded.closed_between,
        private_between=loaded.private_carried,
        plan_events=list(loaded.plan_events),
    )
    model.restore(loaded.segments, loaded.asked)
    return model


_frozen = False


def keep_out_of_full_collections() -> None:
    """Once per process, when the first meeting is on screen: move every object
    alive now (modules, widgets, the loaded history: ~110k objects) to the
    permanent generation. A full collection scanned them all, 50-120 ms on a
    2-core machine, and landed on a keystroke every few hundred keys."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
