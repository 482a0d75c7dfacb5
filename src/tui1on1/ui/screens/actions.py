"""Every action, with every person: the promise ledger (p on home).

At the top, how well I keep my word (the last 90 days); then my actions and
theirs, overdue first, each with its id, the person and its due phrase.
o shows done and dropped ones too, w narrows to mine or theirs, f to one
person; Enter opens the action to mark it done, drop, reschedule, reassign
or reword it (``dialogs.action_change``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui1on1.domain.kinds import ActionStatus, Owner
from tui1on1.domain.promises import promise_stats
from tui1on1.domain.records import ActionEvent, ActionItem
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.action_ledger import change_action
from tui1on1.ui.action_rows import grouped_rows, ordered
from tui1on1.ui.home_promises import PROMISE_DAYS, my_promises
from tui1on1.ui.keys import bound_key
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import OpenList
from tui1on1.ui.screens.base import ServiceScreen, not_loaded
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.keys_line import KeysLine

WHOSE = (None, Owner.ME, Owner.THEM)  # w goes round these
WHOSE_WORDS = {None: "mine and theirs", Owner.ME: "mine", Owner.THEM: "theirs"}
ROW_CHROME = 6  # the list's focus bar, padding and scrollbar


@dataclass(frozen=True)
class Ledger:
    """What the screen shows, read in one go."""

    actions: list[ActionItem]
    names: dict[int, str]  # person id → name
    mine: list[ActionItem]  # my promises of the last PROMISE_DAYS (the sentence's)
    events: list[ActionEvent]  # their history
    private: frozenset[int]  # the actions whose note is private


def load_ledger(services: Services, today: date) -> Ledger:
    store = services.store
    mine, events = my_promises(services, today)
    actions = store.list_actions(listed=True)
    return Ledger(
        actions=actions,
        names={p.id: p.name for p in store.list_people(include_archived=True)},
        mine=mine,
        events=events,
        private=store.private_actions(actions),
    )


class ActionsScreen(ServiceScreen[None]):
    DEFAULT_CSS = """
    ActionsScreen #actions-header { height: auto; padding: 0 1; background: $primary-muted; }
    ActionsScreen #actions-filters { height: auto; padding: 0 1; color: $text-muted; }
    ActionsScreen #actions-list { height: 1fr; background: $background; }
    """
    help_enter = "open the highlighted action: done, drop, reschedule, reassign, edit"
    BINDINGS = [
        Binding("o", "toggle_open", "Open / all", id="actions_open",
                tooltip="Only open actions, or done and dropped ones too"),
        Binding("w", "whose", "Whose", id="actions_whose",
                tooltip="Mine and theirs, only mine, only theirs"),
        Binding("f", "person", "Person", id="actions_person",
                tooltip="One person's actions, or everyone's"),
        Binding("escape", "app.pop_screen", "Back", id="actions_back"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.ledger: Ledger | None = None
        self.open_only = True
        self.whose: Owner | None = None
        self.person_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="actions-header")
        yield Static("", id="actions-filters")
        yield OpenList(id="actions-list")
        yield KeysLine()

    def services_ready(self, services: Services) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        if self.app.services is not None:
            self.reload()

    def today(self) -> date:
        return self.app.clock.now().astimezone().date()

    @work(thread=True, exclusive=True, exit_on_error=False, group="actions")
    def reload(self) -> None:
        ledger = load_ledger(self.open_services(), self.today())
        show_latest(self.app, self._show, ledger)

    def show_store_error(self, error: StoreError, undone: str | None = None) -> None:
        super().show_store_error(error, undone)
        if self.ledger is None:
            self.query_one("#actions-header", Static).update(not_loaded(error))

    def _show(self, ledger: Ledger | None = None) -> None:
        if ledger is not None:
            self.ledger = ledger
        ledger = self.ledger
        if ledger is None:
            return
        today = self.today()
        mine = [a for a in ledger.mine if self.person_id in (None, a.person_id)]
        header = Text("Actions, mine and theirs", style="bold")
        if self.person_id is not None:
            header.append(f" · {safe_terminal_text(ledger.names.get(self.person_id, ''))}")
        sentence = promise_stats(mine, ledger.events, today, days=PROMISE_DAYS).sentence()
        header.append(f"\n{sentence}")
        self.query_one("#actions-header", Static).update(header)
        self.query_one("#actions-filters", Static).update(self._filters_text())
        shown = ordered((a for a in ledger.actions if self._wanted(a)), today)
        room = self.size.width - ROW_CHROME
        names = ledger.names if self.person_id is None else None
        self._fill(grouped_rows(shown, today, room, names, ledger.private))

    def _wanted(self, action: ActionItem) -> bool:
        return (
            (not self.open_only or action.status is ActionStatus.OPEN)
            and self.whose in (None, action.owner)
            and self.person_id in (None, action.person_id)
        )

    def _key(self, binding_id: str, default: str) -> str:
        return bound_key(self.app, ActionsScreen, binding_id, default)

    def _filters_text(self) -> Text:
        status = "open only" if self.open_only else "open, done and dropped"
        person = "everyone"
        if self.person_id is not None and self.ledger is not None:
            person = safe_terminal_text(self.ledger.names.get(self.person_id, ""))
        text = Text(f"Showing {status} · {WHOSE_WORDS[self.whose]} · {person}")
        keys = f"  ({self._key('actions_open', 'o')} · {self._key('actions_whose', 'w')}"
        text.append(f"{keys} · {self._key('actions_person', 'f')} change it)", style="italic")
        return text

    def _empty_text(self) -> str:
        if self.ledger is not None and not self.ledger.actions:
            return (
                "No actions yet. In a 1:1, a line starting with ! is a promise of "
                "theirs, !me one of yours (add @fri for a due date)."
            )
        if self.open_only:
            return (
                f"Nothing open here: {self._key('actions_open', 'o')} shows done and dropped too."
            )
        return "Nothing here: change the filters above."

    def _fill(self, rows: list[tuple[str, Text]]) -> None:
        view = self.query_one("#actions-list", OpenList)
        current = self._highlighted_id()
        view.clear_options()
        if not rows:
            view.add_option(Option(Text(self._empty_text(), style="italic"), disabled=True))
            return
        view.add_options(
            [Option(text, id=key, disabled=key.startswith("heading-")) for key, text in rows]
        )
        keys = [key for key, _ in rows]
        if current is not None and f"action-{current}" in keys:
            view.highlighted = keys.index(f"action-{current}")
        view.highlight_first()
        view.focus()

    def _highlighted_id(self) -> int | None:
        view = self.query_one("#actions-list", OpenList)
        if view.highlighted is None:
            return None
        kind, _, ident = (view.get_option_at_index(view.highlighted).id or "").partition("-")
        return int(ident) if kind == "action" else None

    # --- keys ------------------------------------------------------------------------

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
        self._show()

    def action_whose(self) -> None:
        self.whose = WHOSE[(WHOSE.index(self.whose) + 1) % len(WHOSE)]
        self._show()

    def action_person(self) -> None:
        """Pick one person (those with actions), or everyone."""
        if self.ledger is None:
            return
        with_actions = {a.person_id for a in self.ledger.actions}
        people = sorted(
            ((pid, name) for pid, name in self.ledger.names.items() if pid in with_actions),
            key=lambda item: item[1].casefold(),
        )
        commands: list[tuple[str, Callable[[], None], str]] = [
            ("Everyone", lambda: self._choose_person(None), "Every person's actions")
        ]
        commands += [
            (safe_terminal_text(name), partial(self._choose_person, pid), "")
            for pid, name in people
        ]
        self.app.search_commands(commands, placeholder="Whose actions? (a name, or Everyone)")

    def _choose_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self._show()

    @on(OptionList.OptionSelected)
    def _open_row(self, event: OptionList.OptionSelected) -> None:
        kind, _, ident = (event.option.id or "").partition("-")
        if kind != "action" or self.ledger is None:
            return
        action = next((a for a in self.ledger.actions if a.id == int(ident)), None)
        if action is not None:
            name = self.ledger.names.get(action.person_id, "")
            change_action(self, action.id, name, self.reload)

    def palette_commands(self) -> Iterable[SystemCommand]:
        def key(binding_id: str) -> str:
            return f" ({bound_key(self.app, ActionsScreen, binding_id)})"

        yield SystemCommand(
            "Open or all actions",
            "Only open actions, or done and dropped too" + key("actions_open"),
            self.action_toggle_open,
        )
        yield SystemCommand(
            "Whose actions", "Mine and theirs, only mine, only theirs" + key("actions_whose"),
            self.action_whose,
        )  # fmt: skip
        yield SystemCommand(
            "One person's actions", "Or everyone's" + key("actions_person"), self.action_person
        )
