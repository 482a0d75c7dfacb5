"""`tui1on1 meet NAME` when NAME isn't one person: say so calmly, and offer
what can be done by keyboard.

- NAME could be several people: the candidates, the first highlighted; Enter
  starts the 1:1 with the highlighted one.
- NAME is no one: `a` adds NAME (shown) as a new person and starts their
  first 1:1 (a deliberate key, never Enter, so a typo can't add anyone).
- ``--new`` for a name already on file: Enter meets that person instead.

q, Esc (or ctrl+q) leaves: the app exits with status 2 and the terminal gets
the same one line as the screen, e.g. ``there is no one called Nobody; to add
them, run: tui1on1 meet "Nobody" --new``.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui1on1.domain.people import NameMatchKind
from tui1on1.domain.records import Person
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.screens.base import AppScreen, MeetRequest
from tui1on1.ui.screens.meeting_load import NotOnePerson
from tui1on1.ui.widgets.keys_line import KeysLine

EXIT_NAME_NOT_FOUND = 2  # as for any argument that can't be used (cli.EXIT_USAGE)


class WhoScreen(AppScreen[None]):
    DEFAULT_CSS = """
    WhoScreen #who { padding: 1 2; height: 1fr; }
    WhoScreen #who-title { text-style: bold; }
    WhoScreen #who-message { margin: 1 0 0 0; }
    WhoScreen #who-candidates { height: auto; max-height: 1fr; margin: 1 0 0 0; }
    WhoScreen #who-hint { margin: 1 0 0 0; color: $text-muted; }
    """

    BINDINGS = [
        Binding("enter", "start", "Start the 1:1", id="who_start"),
        Binding("a", "add", "Add them", id="who_add"),
        Binding("q,escape", "leave", "Quit", id="who_quit"),
    ]

    def __init__(self, problem: NotOnePerson) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        problem = self.problem
        typed = safe_terminal_text(" ".join(problem.request.name.split()))
        candidates = problem.candidates
        with Vertical(id="who"):
            if problem.taken is not None:
                name = safe_terminal_text(problem.taken.name)
                if problem.match.kind is NameMatchKind.EXACT:
                    title = f"{name} is already on file"
                else:  # a start of their name: a new person would take it over
                    title = f"'{typed}' already finds {name}"
                message = (
                    "--new adds someone new: give their full name. "
                    f"Enter starts the 1:1 with {name} instead."
                )
            elif candidates:
                title = f"'{typed}' could be several people"
                message = "Enter starts the 1:1 with the highlighted one."
            else:
                title = f"There is no one called {typed}"
                message = f"a adds {typed} as a new person and starts your first 1:1."
            yield Static(Text(title), id="who-title")
            yield Static(Text(message), id="who-message")
            if candidates:
                yield OptionList(
                    *(Option(self._label(p), id=str(p.id)) for p in candidates),
                    id="who-candidates",
                )
            yield Static(Text(f"q leaves: {problem.line()}"), id="who-hint")
        yield KeysLine(palette=False)

    @staticmethod
    def _label(person: Person) -> Text:
        label = Text(safe_terminal_text(person.name))
        extra = [safe_terminal_text(person.role)] if person.role else []
        if person.archived:
            extra.append("archived")
        if extra:
            label.append(f"  {' · '.join(extra)}", style="dim")
        return label

    def on_mount(self) -> None:
        self.title = "Who is the 1:1 with?"
        if self.problem.candidates:
            candidates = self.query_one(OptionList)
            candidates.highlighted = 0
            candidates.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add":  # only when the name is no one's
            return not self.problem.candidates
        if action == "start":  # only with someone to start it with
            return bool(self.problem.candidates)
        return True

    def action_start(self) -> None:
        """Enter when the list isn't focused (the list's own Enter selects)."""
        candidates = self.query_one(OptionList)
        if candidates.highlighted is not None:
            candidates.action_select()

    @on(OptionList.OptionSelected, "#who-candidates")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = next(p for p in self.problem.candidates if str(p.id) == event.option.id)
        self._meet(replace(self.problem.request, name=chosen.name, person_id=chosen.id, new=False))

    def action_add(self) -> None:
        self._meet(replace(self.problem.request, person_id=None, new=True))

    def _meet(self, request: MeetRequest) -> None:
        self.app.open_meeting(request)

    def action_leave(self) -> None:
        # The CLI prints the app's open_error on the way out (as when the
        # database can't be opened), here the same line as on the screen.
        self.app.open_error = self.problem.line()
        self.app.exit(EXIT_NAME_NOT_FOUND)

    def request_quit(self) -> None:
        """ctrl+q (the app asks the screen first)."""
        self.action_leave()
