"""The end-of-meeting summary: planned vs actual, time per segment, questions
asked with the pauses held, notes, and who promised what by when."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tui1on1.domain.clock import format_mmss
from tui1on1.domain.meeting import Summary
from tui1on1.domain.text import plural, safe_terminal_text
from tui1on1.ui.dialogs.fit import FitModal
from tui1on1.ui.widgets.hanging import HangingText


def summary_line(summary: Summary) -> str:
    """One line kept with the meeting: '31 of 30 min · 3 questions · 12 notes · 1 action'."""
    minutes = round(summary.actual_seconds / 60)
    actions = len(summary.actions_mine) + len(summary.actions_theirs)
    return (
        f"{minutes} of {summary.planned_minutes} min · {plural(len(summary.asked), 'question')} · "
        f"{plural(summary.notes, 'note')} · {plural(actions, 'action')}"
    )


def length_text(summary: Summary) -> str:
    """'24 minutes (planned 30)', '1 minute (planned 30)', 'under a minute (planned 30)'."""
    minutes = round(summary.actual_seconds / 60)
    length = plural(minutes, "minute") if minutes else "Under a minute"
    return f"{length} (planned {summary.planned_minutes})"


def headline(summary: Summary) -> str:
    """The end dialog's two lines: how long, and what was taken.

    '24 minutes (planned 30)\n3 notes · 1 action mine · 2 actions theirs'
    ('1 note · no actions' when nothing was promised; '1 action mine' when
    only that was written).
    """
    actions = [
        f"{plural(len(owned), 'action')} {whose}"
        for owned, whose in ((summary.actions_mine, "mine"), (summary.actions_theirs, "theirs"))
        if owned
    ]
    notes = [plural(summary.notes, "note")] if summary.notes or not actions else []
    taken = " · ".join([*notes, *(actions or ["no actions"])])
    return f"{length_text(summary)}\n{taken}"


def _first_line(action_text: str) -> str:
    lines = safe_terminal_text(action_text).splitlines() or [""]
    return lines[0] + (" …" if len(lines) > 1 else "")  # a multi-line note


def still_open_text(summary: Summary) -> str:
    """'2 of mine and 1 of theirs still open from before', or ''."""
    parts = [
        f"{count} of {whose}"
        for count, whose in (
            (summary.still_open_mine, "mine"),
            (summary.still_open_theirs, "theirs"),
        )
        if count
    ]
    return f"{' and '.join(parts)} still open from before" if parts else ""


def summary_text(name: str, summary: Summary) -> Text:
    """What was promised first (it is what the manager acts on), what was
    closed from before and what is still open, then the questions asked,
    the notes and the time per segment."""
    text = Text()
    text.append(f"1:1 with {safe_terminal_text(name)}\n", style="bold")
    text.append(length_text(summary) + "\n")
    for label, actions, carried in (
        ("I promised", summary.actions_mine, summary.still_open_mine),
        ("They'll do", summary.actions_theirs, summary.still_open_theirs),
    ):
        if not actions:
            nothing = "nothing new" if carried else "nothing"
            text.append(f"\n{label}: {nothing}\n", style="bold")
            continue
        text.append(f"\n{label} ({len(actions)})\n", style="bold")
        for action_text, due in actions:
            text.append(f"  • {_first_line(action_text)}" + (f"  ({due})" if due else "") + "\n")
    if summary.closed_since:
        closed = len(summary.closed_since)
        text.append(f"\nClosed since last time ({closed})\n", style="bold")
        for action_text, mine, status, when in summary.closed_since:
            whose = "mine" if mine else "theirs"
            text.append(f"  • {_first_line(action_text)}  ({status} {when}, {whose})\n")
    if still_open := still_open_text(summary):
        text.append(f"\n{still_open[0].upper()}{still_open[1:]}\n", style="bold")
    if summary.exposures:
        text.append(f"\nExposure given ({len(summary.exposures)})\n", style="bold")
        for words in summary.exposures:
            text.append(f"  • {_first_line(words)}\n")
    if summary.plan:
        text.append("\nGrowth plan\n", style="bold")
        for words in summary.plan:
            text.append(f"  • {words}\n")
    if summary.asked:
        text.append(f"\nQuestions asked ({len(summary.asked)})\n", style="bold")
    else:
        text.append("\nQuestions asked: none\n", style="bold")
    for ref in summary.asked:
        pause = f"pause {ref.pause_total:.0f}s" if ref.pause_total else "no pause"
        whys = f", {plural(ref.followups, 'why', 'whys')}" if ref.followups else ""
        text.append(f"  {format_mmss(ref.elapsed):>7}  {ref.text}  ({pause}{whys})\n")
    text.append(f"\nNotes: {summary.notes}\n", style="bold")
    text.append("\nTime per segment\n", style="bold")
    for title, seconds in summary.segments:
        text.append(f"  {format_mmss(seconds):>7}  {title}\n")
    return text


KEPT_TITLE = "Meeting ended — kept safe on this machine, saved when the database can"
AT_RISK_TITLE = "Meeting ended — NOT SAVED yet: keep tui1on1 open until the banner clears"


SAVED_TITLE = "Meeting ended and saved"


def end_title(unsafe: bool, problem: str | None) -> str:
    """The summary's title while the end is on its way to the database."""
    return AT_RISK_TITLE if unsafe else KEPT_TITLE if problem else "Meeting ended"


class EndSaved(Message):
    """Where the meeting's end is: in the database (``saved``), only in the
    journal (``safe``), or in neither."""

    def __init__(self, *, saved: bool, safe: bool, refused: str = "") -> None:
        super().__init__()
        self.saved = saved
        self.safe = safe
        self.refused = refused  # the database won't take it, ever: why


class SummaryScreen(FitModal[None]):
    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="summary_close")]

    def __init__(self, name: str, summary: Summary, title: str = "Meeting ended and saved") -> None:
        super().__init__()
        self.person_name = name
        self.summary = summary
        self.heading = title  # where the meeting really is

    def compose(self) -> ComposeResult:
        with Vertical(id="summary", classes="dialog"):
            yield Static(self.heading, classes="dialog-title", id="summary-title")
            with VerticalScroll():
                yield HangingText(summary_text(self.person_name, self.summary), id="summary-body")
            yield Static("Enter to close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)

    def on_end_saved(self, message: EndSaved) -> None:
        """The title says where the meeting really is, once that is known."""
        if message.saved:
            self.heading = SAVED_TITLE
        elif message.refused:  # e.g. already ended in another window: nothing at risk
            self.heading = f"Meeting ended — {message.refused}"
        elif self.heading != AT_RISK_TITLE:
            self.heading = KEPT_TITLE if message.safe else AT_RISK_TITLE
        self.query_one("#summary-title", Static).update(self.heading)
