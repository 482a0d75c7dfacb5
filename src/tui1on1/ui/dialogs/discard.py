"""Discarding a 1:1 started by mistake always asks, naming the person, how
many notes go, and where they are kept (a file `tui1on1 import` reads).

The folder and the file name are on lines of their own, and so is the
command that brings the meeting back (c copies it), so the file name is
never broken across lines. Below 18 rows the command gives its place to
the buttons (c still copies it)."""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui1on1.domain.meeting import DiscardCounts
from tui1on1.domain.text import plural, safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal


def home_relative(path: Path) -> str:
    """'~/.local/share/tui1on1/discarded/x.json' for a path under the home dir."""
    try:
        return f"~/{path.relative_to(Path.home())}"
    except ValueError:
        return str(path)


def folder_and_file(path: Path) -> tuple[str, str]:
    """('~/.local/share/tui1on1/discarded/', 'x.json'): each shown on its own line."""
    return home_relative(path.parent).rstrip("/") + "/", path.name


def import_command(path: Path) -> str:
    """The command that brings a discarded 1:1 back, as it can be pasted."""
    where = home_relative(path)
    if where.startswith("~/") and shlex.quote(where[2:]) == where[2:]:
        return f"tui1on1 import {where}"  # the shell expands ~ only unquoted
    return f"tui1on1 import {shlex.quote(str(path))}"


def discard_question(name: str, counts: DiscardCounts) -> tuple[str, str]:
    """('Discard this 1:1 with Priya Raman?', 'Its 3 notes and 1 action will
    be removed from history and search and kept only in this file:', after
    what earlier promises go back to as they were)."""
    question = f"Discard this 1:1 with {safe_terminal_text(name)}?"
    kept = ((counts.notes, "note"), (counts.actions, "action"))
    held = [plural(count, word) for count, word in kept if count]
    its = f"Its {' and '.join(held)} will be" if held else "It will be"
    text = f"{its} removed from history and search and kept only in this file:"
    back = []
    if counts.reopened:
        back.append(f"{plural(counts.reopened, 'promise')} closed in it will be open again")
    if counts.restored:
        how = "how it was" if counts.restored == 1 else "how they were"
        back.append(f"{plural(counts.restored, 'promise')} changed in it will go back to {how}")
    if back:
        text = f"Of the earlier promises, {' and '.join(back)}. {text}"
    return question, text


class DiscardScreen(FitModal[bool]):
    """Dismissed with True to discard, False to keep the meeting."""

    AUTO_FOCUS = "#keep"  # Enter never discards by accident
    BINDINGS = [
        Binding("y", "choose(True)", "Discard", id="discard_confirm"),
        Binding("escape,n", "choose(False)", "Keep it", id="discard_cancel"),
        Binding("c", "copy_command", "Copy the import command", id="discard_copy"),
        Binding("f1", "app.help", "Help", id="help", show=False),
    ]

    def __init__(self, name: str, counts: DiscardCounts, where: Path) -> None:
        super().__init__()
        self.question, self.details = discard_question(name, counts)
        self.folder, self.file_name = folder_and_file(where)
        self.command = import_command(where)

    def compose(self) -> ComposeResult:
        with Vertical(id="discard-dialog", classes="dialog"):
            yield Static(Text(self.question), classes="dialog-title")
            yield Static(Text(self.details), id="discard-details", classes="dialog-body")
            yield Static(Text(safe_terminal_text(self.folder)), id="discard-folder")
            yield Static(Text(safe_terminal_text(self.file_name)), id="discard-file")
            yield Static(
                "To bring it back later (c copies the command):",
                id="discard-hint",
                classes="dialog-hint",
            )
            yield Static(Text(safe_terminal_text(self.command)), id="discard-command")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep it (esc)", id="keep", variant="primary", compact=True)
                yield Button("Discard (y)", id="discard-it", variant="error", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "discard-it")

    def action_choose(self, discard: bool) -> None:
        self.dismiss(discard)

    def action_copy_command(self) -> None:
        """Said in the dialog: no notification shows over a dialog."""
        self.app.copy_to_clipboard(self.command)
        self.query_one("#discard-hint", Static).update(
            "To bring it back later (copied the command):"
        )
