"""What the person screen shows, read in one go from the Store (in a worker
thread): their career thread, open actions and topics, meetings, the last
meeting's notes and the questions asked lately."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui1on1.domain.career import CareerThread
from tui1on1.domain.exposure import Exposure
from tui1on1.domain.growth import GrowthPlan, PlanEvent, build_plans, plan_notes
from tui1on1.domain.kinds import ActionStatus
from tui1on1.domain.overview import MeetingListing
from tui1on1.domain.prompts import AskedBefore
from tui1on1.domain.records import ActionItem, Note, Person, TalkingPoint
from tui1on1.domain.series import CareerSuggestion
from tui1on1.ui.career_series import histories, suggestion
from tui1on1.ui.person_actions import promise_sentence
from tui1on1.ui.services import Services

RECENT_QUESTIONS = 8
# The screen loads as fast with five years of history as with five weeks:
# the newest meetings and topics, and a line saying how many more there are.
MEETINGS_SHOWN = 12
TOPICS_SHOWN = 20
EXPOSURES_SHOWN = 4


@dataclass(frozen=True)
class PersonPrep:
    person: Person
    career: CareerThread
    actions: list[ActionItem]  # open, every meeting
    topics: list[Note]  # open parked topics and questions, newest first
    meetings: list[MeetingListing]  # newest first
    last_notes: list[Note]  # of the latest meeting
    asked: list[tuple[str, AskedBefore]]  # question text, when
    meeting_count: int = 0  # all of them, shown or not
    topic_count: int = 0
    series: CareerSuggestion | None = None  # the next career conversation (reports)
    points: list[TalkingPoint] = field(default_factory=list)  # waiting: theirs, then mine
    promises: str = ""  # how well I kept my word to them (ui.person_actions)
    private_actions: frozenset[int] = frozenset()  # those whose note is private
    exposures: list[Exposure] = field(default_factory=list)  # the newest few
    plan_events: list[PlanEvent] = field(default_factory=list)  # every change to their plans
    plan_actions: list[ActionItem] = field(default_factory=list)  # their career-plan actions

    @property
    def plans(self) -> list[GrowthPlan]:
        return build_plans(self.plan_events)


def load_prep(services: Services, person_id: int, *, all_meetings: bool = False) -> PersonPrep:
    store = services.store
    person = store.get_person(person_id)
    bank = services.bank.questions
    replaced = services.bank.replaced()
    elements = services.bank.elements()
    meetings = store.meeting_listings(person_id, limit=None if all_meetings else MEETINGS_SHOWN)
    topics = store.open_topics(person_id, limit=TOPICS_SHOWN)
    history = store.question_history(person_id, None)
    actions = store.list_actions(person_id=person_id, status=ActionStatus.OPEN)
    recent = sorted(history.items(), key=lambda item: item[1].asked_at, reverse=True)
    career = store.career_thread(person_id, elements)
    return PersonPrep(
        person=person,
        career=career,
        actions=actions,
        topics=topics,
        meetings=meetings,
        last_notes=store.list_notes(meetings[0].meeting.id) if meetings else [],
        asked=[
            (
                bank[replaced.get(slug, slug)].text if replaced.get(slug, slug) in bank else slug,
                before,
            )
            for slug, before in recent[:RECENT_QUESTIONS]
        ],
        meeting_count=(
            len(meetings) if len(meetings) < MEETINGS_SHOWN else store.count_meetings(person_id)
        ),
        topic_count=(
            len(topics) if len(topics) < TOPICS_SHOWN else store.count_open_topics(person_id)
        ),
        series=suggestion(
            services, person, histories(services, person_id).get(person_id), services.clock.now()
        ),
        points=store.talking_points(person_id),
        promises=promise_sentence(services, person_id),
        private_actions=store.private_actions(actions),
        exposures=store.exposures(person_id, limit=EXPOSURES_SHOWN),
        plan_events=store.plan_events(person_id),
        plan_actions=store.actions_of_notes(plan_notes(career)),
    )
