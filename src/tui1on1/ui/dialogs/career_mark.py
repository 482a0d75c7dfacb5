"""Where a note goes in the career thread: one key chooses (c, then a…p or n).

Dismissed with the mark to store (a ``CareerElement`` value, or
``NOT_CAREER``), ``AS_ASKED`` to take the mark off (the question it answers
decides again), or None when cancelled.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui1on1.domain.career import ELEMENT_KEYS, ELEMENT_TITLES, NOT_CAREER, first_line, shorten
from tui1on1.domain.kinds import CareerElement
from tui1on1.domain.text import safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal

NOT_CAREER_KEY = "n"
AS_ASKED_KEY = "q"
AS_ASKED = "as-asked"  # the dialog's answer for "no mark": see ``stored_mark``


def stored_mark(choice: str) -> str | None:
    """What to store for the dialog's answer (None: no mark)."""
    return None if choice == AS_ASKED else choice


def choices_text(current: CareerElement | None, auto: CareerElement | None = None) -> Text:
    """The keys, one per line, the current one marked; ``auto``: where the
    note's question alone puts it (what q goes back to)."""
    text = Text()
    for key, element in ELEMENT_KEYS.items():
        here = element is current
        text.append(f"  {key}  ", style="bold")
        text.append(ELEMENT_TITLES[element], style="reverse" if here else "")
        text.append("  (now)\n" if here else "\n")
    text.append(f"  {NOT_CAREER_KEY}  ", style="bold")
    text.append("Not in the career thread", style="reverse" if current is None else "")
    text.append("  (now)\n" if current is None else "\n")
    text.append(f"  {AS_ASKED_KEY}  ", style="bold")
    if auto is None:
        text.append("No mark: it answers no career question, so not in the thread")
    else:
        text.append(f"No mark: as its question says ({ELEMENT_TITLES[auto]})")
    return text


class CareerMarkScreen(FitModal[str | None]):
    BINDINGS = [
        *(
            Binding(key, f"choose('{element.value}')", ELEMENT_TITLES[element], show=False)
            for key, element in ELEMENT_KEYS.items()
        ),
        Binding(NOT_CAREER_KEY, f"choose('{NOT_CAREER}')", "Not career", show=False),
        Binding(AS_ASKED_KEY, f"choose('{AS_ASKED}')", "No mark", show=False),
        Binding("escape", "choose(None)", "Cancel", id="career_mark_cancel"),
    ]

    def __init__(
        self, note_text: str, current: CareerElement | None, auto: CareerElement | None = None
    ) -> None:
        super().__init__()
        self.note_text = note_text
        self.current = current
        self.auto = auto

    def compose(self) -> ComposeResult:
        line = shorten(safe_terminal_text(first_line(self.note_text)), 60)
        with Vertical(id="career-mark", classes="dialog"):
            yield Static(Text("In the career thread, this note is…"), classes="dialog-title")
            yield Static(Text(f"“{line}”", style="italic"), classes="dialog-body")
            yield Static(choices_text(self.current, self.auto), classes="dialog-body")
            yield Static(Text("Press a key · Esc leaves it as it is"), classes="dialog-body")

    def action_choose(self, mark: str | None) -> None:
        self.dismiss(mark)
