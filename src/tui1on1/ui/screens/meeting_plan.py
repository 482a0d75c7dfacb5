"""F6 in a 1:1: the person's growth plan in its dialog. The plan and its
steps are read in a worker; each change made there is written through the
recovery journal, like every change the meeting makes (its own uid, so a
replay lands it once). What was said in this 1:1's plan segment (answers
to a plan question, notes marked &p) comes back with ↑ as an option."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from tui1on1.domain.career import effective_element
from tui1on1.domain.growth import (
    GrowthPlan,
    PlanCommand,
    PlanEvent,
    current_aspiration,
    decide,
    plan_notes,
)
from tui1on1.domain.kinds import CareerElement, NoteKind
from tui1on1.domain.meeting import new_uid
from tui1on1.domain.records import ActionItem
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage import journal_entries as entries
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.growth_plan import GrowthPlanScreen

if TYPE_CHECKING:
    from tui1on1.ui.screens.meeting_notes import NotesPane

SAID_KINDS = (NoteKind.NOTE, NoteKind.QUOTE, NoteKind.DECISION)


def open_plan(pane: NotesPane) -> None:
    store, screen = pane.services.store, pane.screen
    person_id, elements = pane.model.person.id, pane.services.bank.elements()

    def read() -> None:
        try:
            events = store.plan_events(person_id)  # as kept now (another window too)
            thread = store.career_thread(person_id, elements)
            actions = store.actions_of_notes(plan_notes(thread))
        except StoreError as error:
            screen.app.call_from_thread(screen.show_store_error, error, "The plan isn't shown")
            return
        aspiration = current_aspiration(thread)
        screen.app.call_from_thread(_ask, pane, events, actions, aspiration)

    screen.run_worker(read, thread=True, exit_on_error=False, group="plan-read")


def said_in_plan(pane: NotesPane) -> list[str]:
    """This 1:1's notes that went to the plan: answers to a plan question,
    or marked &p (not its actions: those are steps already)."""
    return [
        row.text
        for row in pane.notes.own()
        if row.kind in SAID_KINDS and effective_element(row.mark, row.auto) is CareerElement.PLAN
    ]


def _ask(
    pane: NotesPane, events: list[PlanEvent], actions: list[ActionItem], aspiration: str | None
) -> None:
    screen, services, model = pane.screen, pane.services, pane.model
    if not screen.is_attached or screen.app.screen is not screen:
        return  # gone, or another dialog came first
    person, meeting_id = model.person, model.meeting.id
    kept = {e.uid for e in events}  # and this meeting's still on their way
    events = [*events, *(e for e in model.plan_events if e.uid not in kept)]
    model.plan_events = list(events)

    def decided(command: PlanCommand, plan: GrowthPlan | None) -> PlanEvent:
        return decide(command, plan, person_id=person.id, at=services.clock.now(),
                      uid=new_uid(), aspiration=aspiration, meeting_id=meeting_id)  # fmt: skip

    def failed(error: Exception) -> None:
        said = f"A change to {safe_terminal_text(person.name)}'s plan was not kept: {error}"
        with suppress(RuntimeError):  # the app has exited
            screen.app.call_from_thread(screen.notify, said, severity="warning", markup=False)

    def keep(event: PlanEvent) -> None:
        model.plan_events.append(event)  # the end summary names it
        services.writer.record(entries.plan_entry(event), failed=failed)

    dialog = GrowthPlanScreen(
        person.name, events, actions, today=pane.today(), aspiration=aspiration,
        decide=decided, keep=keep, said=said_in_plan(pane),
    )  # fmt: skip
    screen.app.push_screen(dialog)
