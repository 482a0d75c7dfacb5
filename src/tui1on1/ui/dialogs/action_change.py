"""One action in full, and what to do with it: the promise ledger's dialog.

Shows the action's id, whose it is, its due phrase, its text, the person,
when and where it was promised, and its history. One key asks for a change:

- ``x`` done, ``d`` drop (an optional reason is asked), ``o`` open again
  (a done or dropped one), ``r`` reschedule (``fri``, ``+2w``,
  ``2026-12-24``, ``none``: the due-date grammar, with or without ``@``),
  ``m`` make it mine or theirs (the other owner), ``e`` edit its text,
  ``g`` go to the 1:1 it was promised in (when the caller can open it);
  Esc closes without a change (or leaves the line being typed).

Interface, for any screen that shows actions (the person screen, the
all-actions screen, the live meeting's notes):

``ActionChangeScreen(action, person_name, events, today, open_origin=None, *, private=False)``
is pushed with a callback; ``events`` is the action's history
(``store.action_history``), ``today`` the manager's local date,
``open_origin`` what ``g`` calls (after closing with None) to show the
meeting it was promised in; without it ``g`` is not offered. It is dismissed with an
:class:`ActionRequest` (what was asked for, nothing applied yet) or None.
The caller applies it its own way: the Store directly
(``ui.action_ledger.apply_request``, in a worker), or the meeting through its
recovery journal (``ActionRequest.status`` for ``action_status_entry``,
``ActionRequest.journal_value`` for ``action_change_entry``). A due date the
grammar refuses is said in the dialog, calmly, and nothing is returned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui1on1.domain.action_text import ActionTextRefused, read_action_text
from tui1on1.domain.duedates import DueDateError, format_due, resolve_due
from tui1on1.domain.grammar import PRIVATE_MARK
from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.domain.ledger import action_ref, due_words, history_lines
from tui1on1.domain.promises import outcome_words
from tui1on1.domain.records import ActionEvent, ActionItem
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal
from tui1on1.ui.lists import Pane

NO_DUE = ("none", "no", "-")  # typed for "no due date"
_STATUS = {
    ActionChange.DONE: ActionStatus.DONE,
    ActionChange.DROPPED: ActionStatus.DROPPED,
    ActionChange.REOPENED: ActionStatus.OPEN,
}


@dataclass(frozen=True)
class ActionRequest:
    """A change the manager asked for, not applied yet.

    ``change``: DONE, DROPPED (``reason`` may be ""), REOPENED, DUE (``due``:
    the new date, None for no due date), OWNER (``owner``) or TEXT (``text``;
    read as the notes pane reads an action, so a ``due`` typed at its end
    reschedules it too: then ``dated`` is True). ``warning``: a date-like
    phrase in the text that set no date, to say once applied.
    """

    change: ActionChange
    due: date | None = None
    owner: Owner | None = None
    text: str = ""
    reason: str = ""
    dated: bool = False
    warning: str = ""

    @property
    def status(self) -> ActionStatus | None:
        """The status it sets (done, dropped, open), or None for the other changes."""
        return _STATUS.get(self.change)

    @property
    def journal_value(self) -> str:
        """The value as the recovery journal's ``action_change_entry`` takes
        it: an ISO date or "" (DUE), "me"/"them" (OWNER), the text (TEXT)."""
        if self.change is ActionChange.DUE:
            return self.due.isoformat() if self.due else ""
        if self.change is ActionChange.OWNER:
            return self.owner.value if self.owner else ""
        return self.text

    def said(self, today: date) -> str:
        """What a screen says once it is applied: "Rescheduled: due Fri 18 Dec."."""
        if self.change is ActionChange.DUE:
            return (
                f"Rescheduled: {format_due(self.due, today)}."
                if self.due
                else ("Rescheduled: no due date.")
            )
        if self.change is ActionChange.OWNER:
            return "Now mine." if self.owner is Owner.ME else "Now theirs."
        if self.change is ActionChange.TEXT:
            said = "Reworded" + (f"; {format_due(self.due, today)}." if self.due else ".")
            return f"{said} {self.warning[:1].upper()}{self.warning[1:]}" if self.warning else said
        return {
            ActionChange.DONE: "Marked done.",
            ActionChange.DROPPED: "Dropped.",
            ActionChange.REOPENED: "Open again.",
        }[self.change]


class Asking(StrEnum):
    """What the dialog's line is being typed for."""

    REASON = "reason"
    DUE = "due"
    TEXT = "text"


_LABELS = {
    Asking.REASON: "Why drop it? (optional)",
    Asking.DUE: "New due date: fri, +2w, 2026-12-24, or none",
    Asking.TEXT: "The action's text:",
}
_HINTS = {
    Asking.REASON: "Enter drops it · Esc goes back",
    Asking.DUE: "Enter sets it · Esc goes back",
    Asking.TEXT: "Enter keeps it · Esc goes back",
}


def read_due(typed: str, today: date) -> date | None:
    """A typed due date (``fri``, ``@+2w``, ``none``): the date, or None for
    no due date. Raises ``DueDateError`` (a calm message) for anything else."""
    word = typed.strip().removeprefix("@").strip()
    if not word:
        raise DueDateError("type a due date, like fri, +2w or 2026-12-24, or none")
    if word.lower() in NO_DUE:
        return None
    return resolve_due(word, today)


def promised_line(action: ActionItem, person_name: str) -> str:
    """'Ada Lovelace · promised in the 1:1 of Mon 7 Dec 2026'."""
    who = safe_terminal_text(person_name)
    if action.created_at is None:
        return who
    local = action.created_at.astimezone()
    day = f"{local:%a} {local.day} {local:%b %Y}"
    where = f"in the 1:1 of {day}" if action.origin_meeting_id is not None else f"on {day}"
    return f"{who} · promised {where}"


def keys_hint(action: ActionItem, origin: bool = False) -> str:
    """The keys that apply to this action now, in words (``origin``: g opens its 1:1)."""
    other = "theirs" if action.owner is Owner.ME else "mine"
    if action.status is ActionStatus.OPEN:
        keys = f"x done · d drop · r reschedule · m make {other} · e edit"
    else:  # its date and owner are what it was judged on: reopen to change them
        keys = "o open again · e edit"
    if origin:
        return f"{keys}\ng opens the 1:1 it was promised in · Esc closes"
    return f"{keys} · Esc closes"


class ActionChangeScreen(FitModal[ActionRequest | None]):
    DEFAULT_CSS = """
    ActionChangeScreen #action-text { margin: 0 0 1 0; }
    ActionChangeScreen #action-history { max-height: 8; margin: 1 0 0 0; color: $text-muted; }
    ActionChangeScreen #action-ask-label { margin: 1 0 0 0; }
    ActionChangeScreen #action-error { color: $text-error; height: auto; }
    """
    BINDINGS = [
        Binding("x", "done", "Done", id="action_done"),
        Binding("d", "ask('reason')", "Drop", id="action_drop"),
        Binding("o", "reopen", "Open again", id="action_reopen"),
        Binding("r", "ask('due')", "Reschedule", id="action_due"),
        Binding("m", "reassign", "Mine / theirs", id="action_owner"),
        Binding("e", "ask('text')", "Edit text", id="action_edit"),
        Binding("g", "origin", "Its 1:1", id="action_origin"),
        Binding("escape", "back", "Close", id="action_close"),
    ]

    def __init__(
        self,
        action: ActionItem,
        person_name: str,
        events: list[ActionEvent],
        today: date,
        open_origin: Callable[[], object] | None = None,
        *,
        private: bool = False,
    ) -> None:
        super().__init__()
        self.open_origin = open_origin
        self.private = private  # its note is kept out of the recap: said in the title
        self.action = action
        self.person_name = person_name
        self.events = events
        self.today = today
        self.asking: Asking | None = None

    def compose(self) -> ComposeResult:
        action = self.action
        whose = "mine" if action.owner is Owner.ME else "theirs"
        title = f"Action {action_ref(action.id)} · {whose} · {due_words(action, self.today)}"
        if action.status is ActionStatus.OPEN and action.due and action.due < self.today:
            title += f" ({format_due(action.due, self.today)})"  # the date missed
        if self.private:
            title += f" · {PRIVATE_MARK} private"
        with Vertical(id="action-change", classes="dialog"):
            yield Static(Text(title), classes="dialog-title", id="action-title")
            yield Static(
                Text(safe_terminal_text(action.text, keep_newlines=True), style="bold"),
                id="action-text",
            )
            yield Static(Text(promised_line(action, self.person_name)), id="action-promised")
            if counts := outcome_words(action, self.events, self.today):
                yield Static(Text(f"In the kept-promise rate: {counts}"), id="action-counts")
            with Pane(id="action-history", classes="pane"):
                lines = history_lines(action, self.events, self.today)
                yield Static(Text("\n".join(safe_terminal_text(line) for line in lines)))
            yield Static("", id="action-ask-label")
            yield Input(id="action-input", select_on_focus=False)  # Backspace edits, not wipes
            yield Static("", id="action-error")
            yield Static("", classes="dialog-hint", id="action-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_asking(None)

    def _show_asking(self, asking: Asking | None) -> None:
        self.asking = asking
        field = self.query_one("#action-input", Input)
        label = self.query_one("#action-ask-label", Static)
        self._say("")
        hint = self.query_one("#action-hint", Static)
        field.display = label.display = asking is not None
        # While a line is typed the history makes room for it (short terminals).
        self.query_one("#action-history", Pane).display = asking is None
        if asking is None:
            hint.update(keys_hint(self.action, self.open_origin is not None))
            self.query_one("#action-history", Pane).focus()
            return
        hint.update(_HINTS[asking])
        label.update(_LABELS[asking])
        field.value = self.action.text if asking is Asking.TEXT else ""
        field.placeholder = {
            Asking.REASON: "e.g. no longer needed after the reorg",
            Asking.DUE: "fri, +2w, 2026-12-24 or none",
            Asking.TEXT: "",
        }[asking]
        field.focus()

    def _say(self, problem: str) -> None:
        """A calm line under the field (none: the line takes no room)."""
        error = self.query_one("#action-error", Static)
        error.update(Text(problem))
        error.display = bool(problem)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys that don't apply to this action do nothing, and leave the footer."""
        is_open = self.action.status is ActionStatus.OPEN
        if action in ("done", "ask", "reassign") and parameters != ("text",):
            return is_open
        if action == "reopen":
            return not is_open
        if action == "origin":
            return self.open_origin is not None
        return True

    def action_done(self) -> None:
        self.dismiss(ActionRequest(ActionChange.DONE))

    def action_reopen(self) -> None:
        self.dismiss(ActionRequest(ActionChange.REOPENED))

    def action_reassign(self) -> None:
        other = Owner.THEM if self.action.owner is Owner.ME else Owner.ME
        self.dismiss(ActionRequest(ActionChange.OWNER, owner=other))

    def action_origin(self) -> None:
        if self.open_origin is not None:
            self.dismiss(None)
            self.open_origin()

    def action_ask(self, what: str) -> None:
        self._show_asking(Asking(what))

    def action_back(self) -> None:
        if self.asking is not None:
            self._show_asking(None)
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = " ".join(event.value.split())
        if self.asking is Asking.REASON:
            self.dismiss(ActionRequest(ActionChange.DROPPED, reason=typed))
        elif self.asking is Asking.DUE:
            try:
                due = read_due(typed, self.today)
            except DueDateError as error:
                message = str(error)
                self._say(message[:1].upper() + message[1:] + ".")
                return
            if due == self.action.due:
                self._say("That is its due date already.")
                return
            self.dismiss(ActionRequest(ActionChange.DUE, due=due))
        elif self.asking is Asking.TEXT:
            self._reword(typed)

    def _reword(self, typed: str) -> None:
        """The new text, read as the notes pane reads an action: a date at
        its end reschedules too; one that can't be read changes nothing."""
        if not typed:
            self._say("An action needs some text.")
            return
        other = "theirs" if self.action.owner is Owner.ME else "mine"
        try:
            read = read_action_text(
                typed,
                self.today,
                owner=self.action.owner,
                private=self.private,
                keep_due=self.action.due,
                owner_hint=f"m makes it {other}",
                private_hint="p on its note in its 1:1's page does that (g opens it)",
            )
        except ActionTextRefused as refused:
            self._say(str(refused))
            return
        dated = read.due is not None and read.due != self.action.due
        if dated and self.action.status is not ActionStatus.OPEN:
            self._say(
                f"It is {self.action.status.value}: its due date stays as it was when it"
                " closed. o opens it again to change it."
            )
            return
        if read.text == self.action.text and not dated:
            self._show_asking(None)
            return
        self.dismiss(
            ActionRequest(
                ActionChange.TEXT,
                text=read.text,
                due=read.due if dated else None,
                dated=dated,
                warning=read.warning or "",
            )
        )
