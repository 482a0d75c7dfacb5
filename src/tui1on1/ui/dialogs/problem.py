"""A calm full-screen message when something can't go on (the database can't
be opened, a meeting can't start). The app keeps running and q quits; when
home can work (a meeting could not start, the database is open), Esc goes
home, where the meeting can be started again."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui1on1.ui.screens.base import AppScreen
from tui1on1.ui.widgets.keys_line import KeysLine


class ProblemScreen(AppScreen[None]):
    BINDINGS = [
        Binding("escape", "home", "Home", id="problem_home"),
        Binding("q", "quit", "Quit", id="problem_quit"),
    ]

    def __init__(self, title: str, message: str, *, home: bool = False) -> None:
        super().__init__()
        self.home = home
        self.problem_title = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="problem"):
            yield Static(Text(self.problem_title), id="problem-title")
            yield Static(Text(self.message), id="problem-message")
            yield Static(
                "Nothing was changed. `tui1on1 locate` shows which database is used; "
                "`tui1on1 --db URL` picks another.",
                id="problem-hint",
            )
        yield KeysLine(palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "home":
            return self.home  # hidden where home could not work either
        return True

    def action_home(self) -> None:
        if self.home:
            self.app.action_home()

    def action_quit(self) -> None:
        """Quitting here ends on the problem: status 1, as every command whose
        database can't be used (the CLI prints the sentence again)."""
        self.app.open_error = self.app.open_error or self.message
        self.app.quit_now(return_code=1)
