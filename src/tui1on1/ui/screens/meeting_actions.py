"""The action dialog over the live meeting: `a` on an action's row (made
here or carried from an earlier 1:1) shows it in full, with its history, and
one key asks for a change (done, drop with a reason, open again, reschedule,
make it mine or theirs, reword). The row shows the change at once and it is
written through the recovery journal, like every change the meeting makes,
each with its own uid so a replay lands it once."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.meeting import NoteRow, Refused, new_uid
from tui1on1.domain.records import ActionEvent, ActionItem
from tui1on1.storage import journal_entries as entries
from tui1on1.storage.errors import StoreError
from tui1on1.ui.dialogs.action_change import ActionChangeScreen, ActionRequest
from tui1on1.ui.screens.meeting_edits import record

if TYPE_CHECKING:
    from tui1on1.ui.screens.meeting_notes import NotesPane


def change_action(pane: NotesPane) -> None:
    """a on an action's row: read it and its history (in a worker), then the dialog."""
    try:
        row = pane.notes.action_row(pane.selected_key())
    except Refused as refusal:
        pane.say_refused(refusal)
        return
    action_id, store, screen = row.action_id, pane.services.store, pane.screen
    assert action_id is not None  # action_row refuses one still being saved

    def read() -> None:
        try:
            stored: ActionItem | None = store.get_action(action_id)
            events = store.action_history([action_id])[action_id]
        except StoreError:  # busy: the row alone, without its history
            stored, events = None, []
        screen.app.call_from_thread(_ask, pane, row.key, stored, events)

    screen.run_worker(read, thread=True, exit_on_error=False, group="action-read")


def _as_shown(row: NoteRow, stored: ActionItem | None, person_id: int) -> ActionItem:
    """The action as the row shows it now (changes on their way included)."""
    base = stored or ActionItem(
        id=row.action_id or 0, person_id=person_id, owner=Owner.THEM, text=""
    )
    return replace(
        base,
        owner=Owner.ME if row.mine else Owner.THEM,
        text=row.text,
        due=row.due_date,
        status=row.action_status or ActionStatus.OPEN,
    )


def _ask(pane: NotesPane, key: str, stored: ActionItem | None, events: list[ActionEvent]) -> None:
    row = pane.notes.get(key)
    if row is None or not pane.screen.is_attached or pane.screen.app.screen is not pane.screen:
        return  # gone, or another dialog came first
    person = pane.model.person
    action = _as_shown(row, stored, person.id)

    def chosen(request: ActionRequest | None) -> None:
        if request is not None:
            _apply(pane, key, request)

    dialog = ActionChangeScreen(action, person.name, events, pane.today(), private=row.private)
    pane.screen.app.push_screen(dialog, chosen)


def _apply(pane: NotesPane, key: str, request: ActionRequest, *, say: bool = True) -> None:
    """Show the change on the row and write it through the recovery journal;
    a reworded text with a date at its end reschedules too."""
    try:
        row = pane.notes.change_action(
            key,
            request.change,
            due=request.due,
            owner=request.owner,
            text=request.text,
            today=pane.today(),
        )
    except Refused as refusal:
        pane.say_refused(refusal)
        return
    action_id = row.action_id
    assert action_id is not None
    pane.view.put(row)
    meeting_id, at = pane.model.meeting.id, pane.services.clock.now()
    note_uid = None if row.carried else row.key
    if (status := request.status) is not None:
        entry = entries.action_status_entry(
            meeting_id, action_id, status, at, note_uid, reason=request.reason, uid=new_uid()
        )
    else:
        entry = entries.action_change_entry(
            meeting_id,
            action_id,
            request.change,
            request.journal_value,
            at,
            uid=new_uid(),
            note_uid=note_uid,
        )
    record(pane, entry, row.key)
    if request.dated:
        _apply(pane, key, ActionRequest(ActionChange.DUE, due=request.due), say=False)
    if say:
        pane.screen.notify(request.said(pane.today()), timeout=3)
