"""A calm full-screen message when something can't go on (the database can't
be opened, a meeting can't start). The app keeps running; q quits."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static


class ProblemScreen(Screen[None]):
    BINDINGS = [Binding("q,escape", "app.quit_now", "Quit", id="problem_quit")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
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
        yield Footer(compact=True, show_command_palette=False)
