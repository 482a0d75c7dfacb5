"""Enter on a row of the person screen: a career row shows every entry of its
element; a meeting opens it; an action, the action's dialog; a topic, the
meeting it came from, at that note; an exposure typed in a 1:1, that meeting
at its note (one logged between meetings, a dialog where d takes it out); a
plan step, its action's dialog, other plan rows the plan's. Some rows only
say something and open nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui1on1.domain.exposure import KIND_NAMES
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.action_ledger import change_action
from tui1on1.ui.dialogs.exposure_delete import ExposureDeleteScreen
from tui1on1.ui.person_sections import exposure_day
from tui1on1.ui.widgets.career import row_element

if TYPE_CHECKING:
    from tui1on1.ui.screens.person import PersonScreen

NOT_OPENED = {"topics-more"}  # rows that only say something


def not_opened(key: str) -> bool:
    return key in NOT_OPENED or key.startswith("heading-")


def open_row(screen: PersonScreen, key: str) -> None:
    """Enter on a meeting opens it; on an action, the action's dialog; on
    a topic, the meeting it came from, at that note."""
    kind, _, ident = key.partition("-")
    target: tuple[int, int | None] | None = None
    if (element := row_element(key)) is not None:
        screen.action_career(element)
    elif key == "meetings-all":
        screen.all_meetings = True
        screen.reload()
    elif kind == "meeting":
        target = (int(ident), None)
    elif kind == "action" and screen.prep is not None:
        change_action(screen, int(ident), screen.prep.person.name, screen.reload)
    elif kind == "exposure":
        _open_exposure(screen, ident)
    elif key.startswith("plan-step") and screen.prep is not None:
        change_action(screen, int(key.removeprefix("plan-step")), screen.prep.person.name,
                      screen.reload)  # fmt: skip
    elif kind == "plan":
        screen.action_growth_plan()
    elif kind == "topic" and screen.prep is not None:
        note = next((n for n in screen.prep.topics if n.id == int(ident)), None)
        if note is not None:
            target = (note.meeting_id, note.id)
    if target is not None:
        screen.app.open_past_meeting(*target)


def _open_exposure(screen: PersonScreen, ref: str) -> None:
    """One typed in a 1:1 opens that meeting at its note; one logged
    here or from the shell says how to take it out."""
    if screen.prep is None:
        return
    item = next((e for e in screen.prep.exposures if e.ref == ref), None)
    if item is None:
        return
    if item.meeting_id is not None:
        screen.app.open_past_meeting(item.meeting_id, item.note_id)
        return
    name, exposure_id = screen.prep.person.name, item.id
    said = f"{exposure_day(item.on)}, {KIND_NAMES[item.kind]}: {item.text}  ({ref}, logged)"

    def chosen(delete: bool | None) -> None:
        if delete and exposure_id is not None:
            screen.run_worker(lambda: _delete(screen, exposure_id, name, said), thread=True,
                              exit_on_error=False, group="exposure")  # fmt: skip

    screen.app.push_screen(ExposureDeleteScreen(name, said), chosen)


def _delete(screen: PersonScreen, exposure_id: int, name: str, said: str) -> None:
    try:
        screen.open_services().store.delete_exposure(exposure_id)
    except StoreError as error:
        screen.app.call_from_thread(screen.show_store_error, error, "The exposure was kept")
        return
    line = f"Taken out of {safe_terminal_text(name)}'s log: {safe_terminal_text(said)}"
    screen.app.call_from_thread(screen.notify, line, timeout=6, markup=False)
    screen.app.call_from_thread(screen.reload)
