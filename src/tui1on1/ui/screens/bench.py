"""The bench (b on the team view, or "The bench" in the palette): my role and
each report's, with who could step into it and how ready, the roles no one is
ready now or within a year to back-fill first (rules: ``domain.succession``).

n names someone for the highlighted role (or changes how ready they are), d
takes the highlighted person off it, Enter opens them. The same as
`tui1on1 bench`, without leaving the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui1on1.domain.records import Person
from tui1on1.domain.succession import (
    READINESS_WORDS,
    BenchRole,
    Readiness,
    bench_summary,
)
from tui1on1.domain.text import safe_terminal_text
from tui1on1.storage.errors import StoreError
from tui1on1.ui.keys import bound_key
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import OpenList
from tui1on1.ui.screens.base import ServiceScreen, not_loaded
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.keys_line import KeysLine

if TYPE_CHECKING:
    from tui1on1.storage.store import Store


def load_bench(services: Services) -> tuple[list[BenchRole], list[Person]]:
    """Every role of the bench, and the people who could be named (read once)."""
    people = services.store.list_people()
    return services.store.bench(people), people


def role_text(role: BenchRole) -> Text:
    """ "! Sam Okafor's role (SRE) — no one ready now or within a year"."""
    text = Text("! " if not role.covered else "  ", style="bold")
    text.append(safe_terminal_text(role.title), style="bold")
    if not role.candidates:
        text.append(" — no one named yet", style="italic")
    elif not role.covered:
        text.append(" — no one ready now or within a year", style="italic")
    return text


def role_key(role: BenchRole) -> str:
    """ "me", or the holder's id: a row's id that doesn't move with the order."""
    return "me" if role.holder is None else str(role.holder.id)


def candidate_text(person: Person, readiness: Readiness, note: str) -> Text:
    text = Text(f"    {safe_terminal_text(person.name)} — {READINESS_WORDS[readiness]}")
    if note:
        text.append(f" · {safe_terminal_text(note)}", style="italic")
    return text


class BenchScreen(ServiceScreen[None]):
    DEFAULT_CSS = """
    BenchScreen #bench-header { height: auto; padding: 0 1; background: $primary-muted; }
    BenchScreen #bench-list { height: 1fr; background: $background; }
    """
    help_enter = "open the highlighted person"
    BINDINGS = [
        Binding("n", "name", "Name someone", id="bench_name",
                tooltip="Name someone who could step into the highlighted role"),
        Binding("d", "remove", "Take off", id="bench_remove",
                tooltip="Take the highlighted person off that role"),
        Binding("escape", "app.pop_screen", "Back", id="bench_back"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.roles: list[BenchRole] | None = None
        self.people: list[Person] = []

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="bench-header")
        yield OpenList(id="bench-list")
        yield KeysLine()

    def services_ready(self, services: Services) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        if self.coming_back():
            self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="bench")
    def reload(self) -> None:
        roles, people = load_bench(self.open_services())
        show_latest(self.app, self._show, roles, people)

    def show_store_error(self, error: StoreError, undone: str | None = None) -> None:
        super().show_store_error(error, undone)
        if self.roles is None:
            self.query_one("#bench-header", Static).update(not_loaded(error))

    def _show(self, roles: list[BenchRole], people: list[Person]) -> None:
        self.roles, self.people = roles, people
        header = Text("The bench", style="bold")
        header.append(" · who could step into each role if its holder left tomorrow\n")
        header.append(bench_summary(roles))
        name = bound_key(self.app, BenchScreen, "bench_name", "n")
        header.append(f" · {name} names someone for the highlighted role", style="italic")
        self.query_one("#bench-header", Static).update(header)
        view = self.query_one("#bench-list", OpenList)
        current = view.highlighted_option.id if view.highlighted_option is not None else None
        view.clear_options()
        options: list[Option | None] = []
        for role in roles:
            if options:
                options.append(None)
            key = role_key(role)  # the highlight follows the role when the order changes
            options.append(Option(role_text(role), id=f"role-{key}"))
            for person, backfill in role.candidates:
                row = candidate_text(person, backfill.readiness, backfill.note)
                options.append(Option(row, id=f"candidate-{key}-{person.id}"))
        view.add_options(options)
        ids = [o.id for o in options if o is not None]
        view.highlighted = ids.index(current) if current in ids else 0
        view.focus()

    def _highlighted(self) -> tuple[BenchRole, Person | None] | None:
        """The highlighted row's role, and its candidate when the row is one."""
        option = self.query_one("#bench-list", OpenList).highlighted_option
        if option is None or self.roles is None or not option.id:
            return None
        kind, _, rest = option.id.partition("-")
        key, _, person_id = rest.partition("-")
        role = next((r for r in self.roles if role_key(r) == key), None)
        if role is None:
            return None
        if kind == "candidate":
            person = next((p for p, _b in role.candidates if p.id == int(person_id)), None)
            return role, person
        return role, None

    # --- keys ------------------------------------------------------------------------

    def action_name(self) -> None:
        """Name someone for the highlighted role (or change how ready)."""
        from tui1on1.ui.dialogs.bench_name import BenchNameScreen

        picked = self._highlighted()
        if picked is None:
            return
        role = picked[0]

        def keep(named: tuple[Person, Readiness, str] | None) -> None:
            if named is not None:
                self._write(role, *named)

        self.app.push_screen(BenchNameScreen(role, self.people), keep)

    def _write(self, role: BenchRole, person: Person, readiness: Readiness, note: str) -> None:
        holder = role.holder.id if role.holder is not None else None
        now = self.app.clock.now()
        self._change(lambda store: store.set_backfill(holder, person.id, readiness, at=now,
                                                      note=note))  # fmt: skip

    def action_remove(self) -> None:
        """Take the highlighted person off its role."""
        picked = self._highlighted()
        if picked is None:
            return
        role, person = picked
        if person is None:
            self.notify("Highlight a person under the role first (↓), then d.", markup=False)
            return
        self._remove(role, person)

    def _remove(self, role: BenchRole, person: Person) -> None:
        holder = role.holder.id if role.holder is not None else None
        self._change(lambda store: store.remove_backfill(holder, person.id))

    @work(thread=True, exit_on_error=False, group="bench-write")
    def _change(self, change: Callable[[Store], object]) -> None:
        """On a worker's thread: make the change and read the bench again. The
        list shows it; no notification, which would cover the header."""
        try:
            change(self.open_services().store)
        except StoreError as error:
            self.app.call_from_thread(self.show_store_error, error, "Nothing was changed")
            return
        self.app.call_from_thread(self.reload)

    @on(OptionList.OptionSelected)
    def _open_row(self, event: OptionList.OptionSelected) -> None:
        picked = self._highlighted()
        if picked is None:
            return
        role, person = picked
        who = person or role.holder
        if who is not None:
            self.app.open_person(who.id)

    def palette_commands(self) -> Iterable[SystemCommand]:
        name = bound_key(self.app, BenchScreen, "bench_name")
        remove = bound_key(self.app, BenchScreen, "bench_remove")
        yield SystemCommand(
            "Name someone for this role",
            f"Who could step into the highlighted role ({name})",
            self.action_name,
        )
        yield SystemCommand(
            "Take them off this role", f"The highlighted person ({remove})", self.action_remove
        )
