"""Name someone who could step into a role, from the bench screen: one line,
who and how ready, and a note after a colon if you like ("sam year: ran
on-call all autumn"), as `tui1on1 bench NAME --for WHOSE --ready WHEN`.

Dismissed with ``(candidate, readiness, note)``, or None when cancelled. A
line that can't be kept (no such person, someone off the team, their own
role, no readiness) says why in the dialog and stays to be fixed.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui1on1.domain.people import match_name, unresolved_message
from tui1on1.domain.records import Person
from tui1on1.domain.succession import (
    READINESS_HELP,
    BenchRole,
    Readiness,
    SuccessionError,
    bench_problem,
    read_bench_line,
)
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal

HINT = "Enter keeps it · Esc cancels · naming someone again changes how ready"


class BenchNameScreen(FitModal[tuple[Person, Readiness, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="bench_name_cancel")]

    def __init__(self, role: BenchRole, people: Sequence[Person]) -> None:
        super().__init__()
        self.role = role
        self.people = [p for p in people if not p.archived]

    def compose(self) -> ComposeResult:
        title = safe_terminal_text(self.role.title)
        with Vertical(id="bench-name", classes="dialog"):
            yield Static(Text(f"Who could step into {title}?"), classes="dialog-title")
            yield Static(
                Text(f"Their name, then how ready: {READINESS_HELP}; a note after ':'",
                     style="italic"),
                classes="dialog-body",
            )  # fmt: skip
            yield Input(placeholder="sam year: ran on-call all autumn", id="bench-name-line")
            yield Static(Text(HINT), id="bench-name-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#bench-name-line", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            kept = self.read(event.value)
        except SuccessionError as exc:
            self.query_one("#bench-name-hint", Static).update(Text(f"{exc}", style="bold"))
            return
        self.dismiss(kept)

    def read(self, line: str) -> tuple[Person, Readiness, str]:
        """The line as who, how ready and the note, or SuccessionError saying why not."""
        name, readiness, note = read_bench_line(line)
        match = match_name(self.people, name)
        if match.person is None:
            raise SuccessionError(unresolved_message(match).capitalize())
        problem = bench_problem(match.person, self.role.holder)
        if problem is not None:
            raise SuccessionError(problem)
        return match.person, readiness, note

    def action_cancel(self) -> None:
        self.dismiss(None)
