"""F1: the keys of the screen you are on, as bound now (a rebinding in the
config file shows as rebound), then, on the meeting screen, the note-line
grammar.

The rows come from the screen's active bindings (what the footer shows, and
the keys it hides), so a binding added to a screen appears here without
touching this file. List screens also say what Enter, the arrows, Tab and Esc
do there.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from tui1on1.domain.grammar import PREFIX_HELP
from tui1on1.ui.dialogs.fit import FitModal
from tui1on1.ui.keys import bound_key, display_keys, screen_name
from tui1on1.ui.lists import Pane
from tui1on1.ui.screens.meeting import MeetingScreen
from tui1on1.ui.screens.meeting_notes import MeetingNotesList
from tui1on1.ui.screens.meeting_palette import PALETTE
from tui1on1.ui.widgets.notes import NoteInput

# What the arrows, Tab and Esc do on a list screen. Enter comes from the
# focused list's own binding ("Open"), or from the screen's `help_enter`.
LIST_KEYS = (
    ("Up / Down", "Move the highlight; PgUp / PgDn a page, Home / End the ends"),
    ("Tab / shift+Tab", "Next / previous pane (the focused one has a bar at its left)"),
)

PALETTE_ACTIONS = {"command_palette", "app.command_palette"}


class HelpScreen(FitModal[None]):
    """Fits small terminals (FitModal, fit.tcss): at 40x12 the key rows take
    the room, scrolled with Up / Down."""

    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help_close")]

    def __init__(self, screen: Screen[Any] | None = None) -> None:
        super().__init__()
        self.for_screen = screen

    def on_mount(self) -> None:
        self.query_one(Pane).focus()  # FitModal.on_mount runs too (Textual calls both)

    def compose(self) -> ComposeResult:
        screen = self._screen()
        meeting = self._is_meeting(screen)
        keys = Table.grid(padding=(0, 2))
        for key, meaning in self.key_rows():
            keys.add_row(Text(key, style="bold"), Text(meaning))
        title = "Keys in a meeting" if meeting else f"Keys on {screen_name(screen)}"
        title = getattr(screen, "help_title", title)
        with Vertical(id="help", classes="dialog"):
            yield Static("Help", classes="dialog-title")
            with Pane(id="help-body"):
                yield Static(title, classes="help-heading")
                yield Static(keys, id="help-keys")
                more = getattr(screen, "help_more", None)  # (heading, [(syntax, meaning)])
                if more:
                    heading, rows = more
                    table = Table.grid(padding=(0, 2))
                    for syntax, meaning in rows:
                        table.add_row(Text(syntax, style="bold"), Text(meaning))
                    yield Static(heading, classes="help-heading")
                    yield Static(table, id="help-more")
                if meeting:
                    grammar = Table.grid(padding=(0, 2))
                    for syntax, meaning in PREFIX_HELP:
                        grammar.add_row(Text(syntax, style="bold"), Text(meaning))
                    yield Static(
                        "Typing notes: every line is saved when you press Enter.",
                        classes="help-heading",
                    )
                    yield Static(grammar, id="help-grammar")
            close = bound_key(self.app, HelpScreen, "help_close", "Esc")
            yield Static(f"{close} to close · Up / Down to scroll", classes="dialog-hint")

    # --- which screen --------------------------------------------------------------

    def _screen(self) -> Screen[Any]:
        if self.for_screen is not None:
            return self.for_screen
        stack = [s for s in self.app.screen_stack if s is not self]
        return stack[-1]

    @staticmethod
    def _is_meeting(screen: Screen[Any]) -> bool:
        return isinstance(screen, MeetingScreen)

    # --- the rows ----------------------------------------------------------------

    def key_rows(self) -> list[tuple[str, str]]:
        """(key as bound now, what it does) for the screen help was opened on."""
        screen = self._screen()
        if self._is_meeting(screen):
            return self._meeting_rows(screen)
        return self._screen_rows(screen)

    def _active(self, screen: Screen[Any]) -> list[tuple[str, list[Binding], DOMNode]]:
        """The screen's active bindings grouped by action: (action, bindings,
        the node that binds them), the screen's first, then the focused
        widget's, then the app's."""
        groups: dict[tuple[int, str], tuple[str, list[Binding], DOMNode]] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.system or not binding.description:
                continue
            palette = binding.action in PALETTE_ACTIONS
            if not (binding.show or binding.id or palette):
                continue  # a widget's own keys (arrows, editing): said below
            key = (id(active.node), binding.action)
            groups.setdefault(key, (binding.action, [], active.node))[1].append(binding)
        rank: dict[DOMNode, int] = {
            screen: 1,
            self.app: 2,
        }  # the focused widget's ("enter Open") first
        return sorted(groups.values(), key=lambda group: rank.get(group[2], 0))

    def _describe(self, binding: Binding) -> str:
        if binding.action in PALETTE_ACTIONS:
            return "Command palette: every action by name"
        if binding.id == "help":
            return "This help"
        return binding.tooltip or binding.description

    def _keys(self, bindings: list[Binding]) -> str:
        """The keys as the footer shows them, but Enter spelt out."""
        shown = display_keys(self.app, bindings)
        return " / ".join("Enter" if k == "⏎" else k for k in shown.split(" / "))

    def _screen_rows(self, screen: Screen[Any]) -> list[tuple[str, str]]:
        enter = getattr(screen, "help_enter", None)
        rows = []
        for _action, bindings, _node in self._active(screen):
            described = self._describe(bindings[0])
            if enter and any(b.key == "enter" for b in bindings):
                described, enter = enter[0].upper() + enter[1:], None
            rows.append((self._keys(bindings), described))
        own = getattr(screen, "help_rows", ())  # a dialog's own keys (the person form's)
        rows.extend(own)
        if not own and screen.query("OptionList, DataTable"):
            if enter:  # the focused pane has no Enter of its own: say what it does on a list
                rows.insert(0, ("Enter", f"on a list: {enter}"))
            rows.extend(LIST_KEYS)
        return rows

    def _meeting_rows(self, screen: Screen[Any]) -> list[tuple[str, str]]:
        """Every meeting command (by its palette title) with its key, the keys
        of the notes list and input, and the app's; all as bound now."""
        active = self._active(screen)
        by_action = {action: bindings for action, bindings, node in active if node is screen}
        rows = []
        for title, help_text, action in PALETTE:
            if not screen.check_action(action, ()):
                continue  # not offered here (the breath, outside managing up)
            bindings = by_action.pop(action, None)
            key = self._keys(bindings) if bindings else ""
            rows.append((key, f"{title}: {help_text.lower()}"))
        for bindings in by_action.values():  # bound on the screen, not in the palette
            rows.append((self._keys(bindings), self._describe(bindings[0])))

        def bound(owner: type[DOMNode], binding_id: str, default: str) -> str:
            return bound_key(self.app, owner, binding_id, default)

        notes_keys = " / ".join(
            bound(MeetingNotesList, binding_id, default)
            for binding_id, default in (("edit_note", "e"), ("delete_note", "d"),
                                        ("undo_delete", "u"))
        )  # fmt: skip
        rows += [
            (bound(NoteInput, "focus_notes", "Up"), "move from the input into the notes"),
            (notes_keys, "edit (the line is read again) / delete / undo delete the selected note"),
            (bound(MeetingNotesList, "toggle_done", "x"),
             "mark the selected action done (or open again)"),
            (bound(MeetingNotesList, "change_action", "a"),
             "the selected action in full: done, drop, reschedule, mine/theirs, reword"),
            (bound(MeetingNotesList, "toggle_private", "p"),
             "keep the selected note private (out of the recap), or share it"),
            (bound(MeetingNotesList, "career_mark", "c") + " then a key",
             "career thread: a w m s u p puts the note there, n out, q takes the mark off"),
            (bound(MeetingNotesList, "back_to_input", "Esc"), "back to typing (or cancel an edit)"),
            ("other letters", "in the notes: back to typing, the letter typed"),
        ]  # fmt: skip
        for _action, bindings, node in active:
            if node is self.app:
                rows.append((self._keys(bindings), self._app_key_help(bindings[0])))
        return rows

    def _app_key_help(self, binding: Binding) -> str:
        if binding.id == "quit":
            return "quit (a live meeting asks: end it, leave it running, or discard it)"
        return self._describe(binding)

    def action_close(self) -> None:
        self.dismiss(None)
