"""Growth plans (``domain.growth``): the changes made to each person's plan,
and the career-plan actions that are its steps."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Select, select

from tui1on1.domain.growth import (
    GrowthPlan,
    PlanCommand,
    PlanEvent,
    build_plans,
    decide,
    open_plan,
)
from tui1on1.domain.records import ActionItem
from tui1on1.storage import convert
from tui1on1.storage.errors import NotFound
from tui1on1.storage.session import SessionBase
from tui1on1.storage.tables import ActionItemRow, PersonRow, PlanEventRow


class GrowthStore(SessionBase):
    def add_plan_event(self, event: PlanEvent) -> PlanEvent:
        """Keep a change already decided (in a meeting, through the journal):
        once — a change whose uid is kept already is returned as it was."""
        with self._write() as session:
            kept = session.scalar(select(PlanEventRow).where(PlanEventRow.uid == event.uid))
            if kept is not None:
                return convert.plan_event(kept)
            if session.get(PersonRow, event.person_id) is None:
                raise NotFound(f"no person with id {event.person_id}")
            row = _row(event)
            session.add(row)
            session.flush()
            return convert.plan_event(row)

    def change_plan(
        self,
        person_id: int,
        command: PlanCommand,
        *,
        at: datetime,
        aspiration: str | None = None,
        uid: str | None = None,
    ) -> tuple[PlanEvent, list[GrowthPlan]]:
        """Decide and keep ``command`` against the plan as it is now, in one
        transaction (so two windows can't both pick from a stale plan);
        the change and every plan after it, newest first. A change that
        can't be made raises ``domain.growth.PlanError``."""
        with self._write() as session:
            if session.get(PersonRow, person_id) is None:
                raise NotFound(f"no person with id {person_id}")
            events = [convert.plan_event(r) for r in session.scalars(_events_of(person_id))]
            event = decide(
                command,
                open_plan(build_plans(events)),
                person_id=person_id,
                at=at,
                uid=uid or uuid.uuid4().hex,
                aspiration=aspiration,
            )
            row = _row(event)
            session.add(row)
            session.flush()
            kept = convert.plan_event(row)
        return kept, build_plans([*events, kept])

    def plan_events(self, person_id: int) -> list[PlanEvent]:
        """Every change to their plans, oldest first (a few a month at most)."""
        with self._read() as session:
            return [convert.plan_event(row) for row in session.scalars(_events_of(person_id))]

    def growth_plans(self, person_id: int) -> list[GrowthPlan]:
        """Their plans, newest first (the open one, if any, first)."""
        return build_plans(self.plan_events(person_id))

    def all_plan_events(self, person_ids: Collection[int] | None = None) -> list[PlanEvent]:
        """The changes to these people's plans (everyone's with None), oldest first."""
        query = select(PlanEventRow).order_by(PlanEventRow.at, PlanEventRow.id)
        if person_ids is not None:
            query = query.where(PlanEventRow.person_id.in_(list(person_ids)))
        with self._read() as session:
            return [convert.plan_event(row) for row in session.scalars(query)]

    def actions_of_notes(self, note_ids: Collection[int]) -> list[ActionItem]:
        """The actions made from these notes (a career plan's steps), 500 ids a read."""
        ids = sorted(set(note_ids))
        found: list[ActionItem] = []
        with self._read() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                query = select(ActionItemRow).where(ActionItemRow.note_id.in_(chunk))
                found += [convert.action_item(row) for row in session.scalars(query)]
        return found


def _events_of(person_id: int) -> Select[PlanEventRow]:
    return (
        select(PlanEventRow)
        .where(PlanEventRow.person_id == person_id)
        .order_by(PlanEventRow.at, PlanEventRow.id)
    )


def _row(event: PlanEvent) -> PlanEventRow:
    return PlanEventRow(
        uid=event.uid,
        person_id=event.person_id,
        meeting_id=event.meeting_id,
        at=event.at,
        op=event.op.value,
        text=event.text,
        target=event.target,
        status=event.status.value if event.status else None,
        aspiration=event.aspiration,
    )
