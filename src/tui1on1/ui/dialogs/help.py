"""The help screen: the note-line grammar and the keys as currently bound."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui1on1.domain.grammar import PREFIX_HELP

NOTE_KEYS = (
    ("Up", "move from the input into the notes"),
    ("e / d / u", "edit / delete / undo delete the selected note"),
    ("x", "mark the selected action done (or open again)"),
    ("Esc", "back to typing (or cancel an edit)"),
    ("ctrl+p", "command palette: every action by name"),
    ("F1", "this help"),
    ("ctrl+q", "quit (a live meeting asks: end it, or leave it running)"),
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help_close")]

    def compose(self) -> ComposeResult:
        grammar = Table.grid(padding=(0, 2))
        for syntax, meaning in PREFIX_HELP:
            grammar.add_row(Text(syntax, style="bold"), Text(meaning))
        keys = Table.grid(padding=(0, 2))
        for key, meaning in self.key_rows():
            keys.add_row(Text(key, style="bold"), Text(meaning))
        with Vertical(id="help", classes="dialog"):
            yield Static("Help", classes="dialog-title")
            with VerticalScroll():
                yield Static(
                    "Typing notes: every line is saved when you press Enter.",
                    classes="help-heading",
                )
                yield Static(grammar)
                yield Static("Keys in a meeting", classes="help-heading")
                yield Static(keys)
            yield Static("Esc to close", classes="dialog-hint")

    def key_rows(self) -> list[tuple[str, str]]:
        """(key as bound now, what it does) for every meeting command and note key."""
        from tui1on1.ui.screens.meeting import PALETTE

        bindings = {binding.action: binding for binding in self._meeting_bindings()}
        rows = []
        for title, help_text, action in PALETTE:
            binding = bindings.get(action)
            key = self.app.get_key_display(binding) if binding else ""
            rows.append((key, f"{title}: {help_text.lower()}"))
        return rows + list(NOTE_KEYS)

    def _meeting_bindings(self) -> list[Binding]:
        from tui1on1.ui.screens.meeting import MeetingScreen

        active = {}
        for screen in self.app.screen_stack:
            if isinstance(screen, MeetingScreen):
                for bindings in screen._bindings.key_to_bindings.values():
                    for binding in bindings:
                        active[binding.id] = binding
        return [active.get(b.id, b) for b in MeetingScreen.BINDINGS]

    def action_close(self) -> None:
        self.dismiss(None)
