"""An action changed outside a live meeting (the person screen, the
all-actions screen): its history read, the dialog shown, and what the manager
asked for (``ActionRequest``) applied through the Store in a worker, so the
screen never waits; a database problem is said calmly. (The live meeting
applies the same requests through its recovery journal instead.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from tui1on1.domain.kinds import ActionChange
from tui1on1.domain.records import ActionEvent, ActionItem
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.action_change import ActionChangeScreen, ActionRequest
from tui1on1.ui.screens.base import AppScreen

if TYPE_CHECKING:
    from tui1on1.storage.store import Store
    from tui1on1.ui.screens.base import ServiceScreen


def apply_request(
    store: Store, action_id: int, request: ActionRequest, *, at: datetime
) -> ActionItem:
    """Make the change ``request`` asks for; each one adds a line to the
    action's history (``store.action_history``)."""
    if (status := request.status) is not None:
        return store.set_action_status(
            action_id, status, meeting_id=None, at=at, reason=request.reason
        )
    if request.change is ActionChange.DUE:
        return store.reschedule_action(action_id, request.due, at=at)
    if request.change is ActionChange.OWNER and request.owner is not None:
        return store.reassign_action(action_id, request.owner, at=at)
    reworded = store.reword_action(action_id, request.text, at=at)
    if request.dated:
        return store.reschedule_action(action_id, request.due, at=at)
    return reworded


def not_done(request: ActionRequest) -> str:
    """What a failed change says first: "Not rescheduled"."""
    return {
        ActionChange.DONE: "Not marked done",
        ActionChange.DROPPED: "Not dropped",
        ActionChange.REOPENED: "Not opened again",
        ActionChange.DUE: "Not rescheduled",
        ActionChange.OWNER: "Not reassigned",
        ActionChange.TEXT: "Not reworded",
    }[request.change]


def change_action(
    screen: ServiceScreen[Any],
    action_id: int,
    person_name: str,
    changed: Callable[[], object],
) -> None:
    """Read the action and its history, show the dialog, apply what it asks
    for; ``changed`` is called (on the UI thread) once a change is made."""

    def load() -> None:
        store = screen.open_services().store
        action = store.get_action(action_id)
        events = store.action_history([action_id])[action_id]
        private = bool(store.private_actions([action]))
        screen.app.call_from_thread(ask, action, events, private)

    def in_a_live_meeting(action: ActionItem) -> bool:
        """The 1:1 with the action's person is open underneath: the change is
        made there, so the meeting shows it and a discard can take it back."""
        stack = screen.app.screen_stack
        return any(
            isinstance(s, AppScreen) and s.live_person_id() == action.person_id for s in stack
        )

    def ask(action: ActionItem, events: list[ActionEvent], private: bool) -> None:
        today = screen.app.clock.now().astimezone().date()
        if in_a_live_meeting(action):
            screen.notify(
                f"The 1:1 with {safe_terminal_text(person_name)} is going on: change this "
                "promise there (a on the action), so the meeting shows it.",
                timeout=6,
                markup=False,
            )
            return

        def chosen(request: ActionRequest | None) -> None:
            if request is not None:
                screen.run_worker(
                    lambda: apply(request), thread=True, exit_on_error=False, group="action-apply"
                )

        origin = action.origin_meeting_id
        opener = None
        if origin is not None:
            opener = partial(screen.app.open_past_meeting, origin, action.note_id)
        dialog = ActionChangeScreen(action, person_name, events, today, opener, private=private)
        screen.app.push_screen(dialog, chosen)

    def apply(request: ActionRequest) -> None:
        services = screen.open_services()
        now = services.clock.now()
        try:
            apply_request(services.store, action_id, request, at=now)
        except StoreError as error:
            screen.app.call_from_thread(screen.show_store_error, error, not_done(request))
            return
        today = now.astimezone().date()
        screen.app.call_from_thread(screen.notify, request.said(today), timeout=3)
        screen.app.call_from_thread(changed)

    screen.run_worker(load, thread=True, exit_on_error=False, group="action-load")
