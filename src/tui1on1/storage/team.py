"""What the team view reads (rules: ``domain.team``): a fixed number of
queries for the whole team, each walking an index however long the history
— the people and the backfills, the career histories (three: each
person's newest meetings back to their last career one), the career
threads of the last year and the plan steps still open (two), those steps'
actions (one per 500), the latest exposures of the last year (three), my
promises of the last 90 days with their changes (two; the promises still
scan the actions, see ``LedgerStore.my_promises``) and the last 1:1s (one
index step each)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from tui1on1.domain.cadence import next_due
from tui1on1.domain.career import CareerThread
from tui1on1.domain.growth import (
    GrowthPlan,
    PlanEvent,
    build_plans,
    open_plan,
    plan_notes,
    steps_of,
)
from tui1on1.domain.kinds import ActionStatus, CareerElement, Owner, Relationship
from tui1on1.domain.promises import DEFAULT_DAYS, PromiseStats, promise_stats_by_person
from tui1on1.domain.records import ActionItem, Person
from tui1on1.domain.series import DEFAULT_CAREER_WEEKS
from tui1on1.domain.succession import BenchRole, bench, could_step_into
from tui1on1.domain.team import (
    EXPOSURE_WINDOW_DAYS,
    THREAD_WINDOW_DAYS,
    PlanStep,
    TeamRow,
    team_row,
    team_rows,
)
from tui1on1.storage.exposures import ExposureStore
from tui1on1.storage.growth import GrowthStore
from tui1on1.storage.history import HistoryStore
from tui1on1.storage.ledger import LedgerStore
from tui1on1.storage.people import PeopleStore
from tui1on1.storage.series import SeriesStore
from tui1on1.storage.succession import SuccessionStore
from tui1on1.storage.tables import ActionItemRow, MeetingRow, PersonRow


class TeamStore(
    PeopleStore,
    LedgerStore,
    HistoryStore,
    SeriesStore,
    ExposureStore,
    SuccessionStore,
    GrowthStore,
):
    def team(
        self,
        elements_by_slug: Mapping[str, CareerElement | None],
        today: date,
        *,
        weeks: int = DEFAULT_CAREER_WEEKS,
    ) -> list[TeamRow]:
        """Every report not archived, who needs attention first."""
        return self.team_and_bench(elements_by_slug, today, weeks=weeks)[0]

    def team_and_bench(
        self,
        elements_by_slug: Mapping[str, CareerElement | None],
        today: date,
        *,
        weeks: int = DEFAULT_CAREER_WEEKS,
    ) -> tuple[list[TeamRow], list[BenchRole]]:
        """:meth:`team` and :meth:`bench` from one read of the people and
        the backfills (the team view shows both)."""
        everyone = self.list_people(include_archived=False)
        people = [p for p in everyone if p.relationship is Relationship.REPORT]
        backfills = self.backfills()
        roles = bench(people, everyone, backfills)
        if not people:
            return [], roles
        ids = [p.id for p in people]
        career_slugs = [slug for slug, element in elements_by_slug.items() if element]
        histories = self.career_histories(career_slugs)
        since = datetime.combine(
            today - timedelta(days=THREAD_WINDOW_DAYS), datetime.min.time()
        ).astimezone()
        threads = self.career_threads(ids, elements_by_slug, since=since, open_actions=True)
        steps = self._plan_steps([n for thread in threads.values() for n in plan_notes(thread)])
        plans, plan_actions = self._open_plans(ids, threads)
        exposures = self.latest_exposures(ids, since=today - timedelta(days=EXPOSURE_WINDOW_DAYS))
        actions, history = self.my_promises(since=today - timedelta(days=DEFAULT_DAYS - 1))
        stats = promise_stats_by_person(
            actions, [e for events in history.values() for e in events], today
        )
        open_mine: dict[int, int] = {}
        late: dict[int, ActionItem] = {}  # my promise to each overdue longest
        for action in actions:
            if action.owner is Owner.ME and action.status is ActionStatus.OPEN:
                open_mine[action.person_id] = open_mine.get(action.person_id, 0) + 1
                if action.due is not None and action.due < today:
                    known = late.get(action.person_id)
                    if known is None or (action.due, action.id) < (known.due or date.max, known.id):
                        late[action.person_id] = action
        last_met = self._last_met(ids)
        covered = {role.holder.id: role.covered for role in roles if role.holder}
        rows = team_rows(
            [
                team_row(
                    person,
                    histories.get(person.id),
                    threads[person.id],
                    steps,
                    exposures.get(person.id),
                    stats.get(person.id, PromiseStats()),
                    open_mine.get(person.id, 0),
                    today,
                    weeks,
                    steps_into=tuple(could_step_into(person.id, everyone, backfills)),
                    backed_up=covered[person.id],
                    one_on_one_due=_due(person.cadence, last_met.get(person.id), today),
                    plan=plans.get(person.id),
                    plan_actions=plan_actions.get(person.id, ()),
                    late_promise=late.get(person.id),
                )
                for person in people
            ]
        )
        return rows, roles

    def bench(self, people: list[Person] | None = None) -> list[BenchRole]:
        """My role and each report's, with who could back-fill it; those
        with no one ready first. ``people``: everyone not archived, when the
        caller has read them already."""
        everyone = self.list_people(include_archived=False) if people is None else people
        reports = [p for p in everyone if p.relationship is Relationship.REPORT]
        return bench(reports, everyone, self.backfills())

    def _open_plans(
        self, ids: list[int], threads: Mapping[int, CareerThread]
    ) -> tuple[dict[int, GrowthPlan], dict[int, list[ActionItem]]]:
        """Each report's open growth plan (one read of a small table), and
        for those with one, their career-plan actions (its steps)."""
        events: dict[int, list[PlanEvent]] = {}
        for event in self.all_plan_events(ids):
            events.setdefault(event.person_id, []).append(event)
        every = {person_id: build_plans(theirs) for person_id, theirs in events.items()}
        plans = {
            person_id: plan
            for person_id, theirs in every.items()
            if (plan := open_plan(theirs)) is not None
        }
        notes = [n for person_id in plans for n in plan_notes(threads[person_id])]
        found: dict[int, list[ActionItem]] = {}
        for action in self.actions_of_notes(notes) if notes else []:
            found.setdefault(action.person_id, []).append(action)
        # Each open plan's own steps (an earlier plan's stay its own).
        actions = {
            person_id: steps_of(plan, found.get(person_id, []), every[person_id])
            for person_id, plan in plans.items()
        }
        return plans, actions

    def _last_met(self, person_ids: list[int]) -> dict[int, datetime]:
        """When each of these people's latest meeting started (the never met
        are left out): one step down the (person, start) index each."""
        latest = (
            select(func.max(MeetingRow.started_at))
            .where(MeetingRow.person_id == PersonRow.id)
            .correlate(PersonRow)
            .scalar_subquery()
        )
        with self._read_rows() as conn:
            rows = conn.execute(select(PersonRow.id, latest).where(PersonRow.id.in_(person_ids)))
            return {person_id: started for person_id, started in rows if started is not None}

    def _plan_steps(self, note_ids: Collection[int]) -> dict[int, PlanStep]:
        """The actions of these career-plan notes, by note id (a plan step
        that isn't an action has none)."""
        ids = sorted(set(note_ids))
        steps: dict[int, PlanStep] = {}
        with self._read_rows() as conn:
            for start in range(0, len(ids), 500):
                for note_id, text, due, status in conn.execute(
                    select(
                        ActionItemRow.note_id,
                        ActionItemRow.text,
                        ActionItemRow.due,
                        ActionItemRow.status,
                    ).where(ActionItemRow.note_id.in_(ids[start : start + 500]))
                ):
                    if note_id is None:  # never: the query asked for these notes
                        continue
                    steps[note_id] = PlanStep(
                        text=text, due=due, status=ActionStatus(status), note_id=note_id
                    )
        return steps


def _due(cadence: str | None, last: datetime | None, today: date) -> date | None:
    """The local day their cadence calls for the next 1:1 (None: no cadence,
    or never met — "no 1:1 yet" says that)."""
    if not cadence or last is None:
        return None
    now = datetime.combine(today, datetime.min.time()).astimezone()
    return next_due(cadence, last.astimezone(), now).astimezone().date()
