"""The notes pane: the meeting's notes, newest at the bottom, and the input.

Every row is built from ``rich.text.Text`` objects, never from markup, so
whatever the manager typed (brackets, escape sequences) is shown as typed.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any, Self

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui1on1.domain.grammar import KIND_LABELS, KIND_MARKS, MAX_NOTE_CHARS, PRIVATE_MARK
from tui1on1.domain.kinds import ActionStatus, NoteKind
from tui1on1.domain.meeting.notes import NoteRow, SaveState
from tui1on1.domain.text import clip, safe_terminal_text
from tui1on1.domain.waiting import WaitingKind

# A pasted newline is shown as this mark in the one-line input and turned back
# into a newline when the note is saved.
NEWLINE_MARK = "⏎"
# A note kept out of the recap sent to the report is marked with
# grammar.PRIVATE_MARK (CP437's inverse bullet, drawn in the Linux console and
# every monospace font), and the word "private" goes with it.

# What waited for this 1:1 (a talking point, an earlier topic), before it is dealt with.
WAITING_MARKS = {
    WaitingKind.THEIR_TOPIC: "»",
    WaitingKind.MY_TOPIC: "»",
    WaitingKind.PARKED: "~",
    WaitingKind.QUESTION: "?",
}


class NotesList(OptionList):
    """The notes; Up from the input lands here. Keys are bound by the screen."""

    COMPONENT_CLASSES = {
        "notes-list--stamp",
        "notes-list--mark",
        "notes-list--meta",
        "notes-list--done",
        "notes-list--unsaved",
        "notes-list--overdue",
    }
    DEFAULT_CSS = """
    NotesList > .notes-list--overdue {
        color: $text-warning;
    }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: dict[str, NoteRow] = {}  # by key: rendered again at a new width
        self._wrapped_at = 0
        # Whether the newest row is kept in view. Until the meeting has a note
        # of its own, the top is: what waits for it (their topics first).
        self.follow_end = True

    def keep_in_view(self) -> None:
        """The newest rows in view, or the top while nothing is typed yet."""
        if self.follow_end:
            self.scroll_end(animate=False)
        else:
            self.scroll_home(animate=False)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        """The next row that can be highlighted, stopping at the ends: Up on
        the oldest row used to wrap to the newest, so a key pressed after one
        Up too many (x, d) landed on a row the manager hadn't looked at."""
        if self.highlighted is None:  # nothing highlighted yet: Textual's first or last
            if direction > 0:
                super().action_cursor_down()
            else:
                super().action_cursor_up()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def _width(self) -> int:
        """The cells a row's text has (0 before the first layout)."""
        padding = self.get_component_styles("option-list--option").padding
        return max(0, self.scrollable_content_region.width - padding.width)

    def render_row(self, row: NoteRow) -> Text:
        """The row: its stamp and mark, then its text wrapped under itself
        (a hanging indent), and a warning on lines of its own below it."""
        stamp_style = self.get_component_rich_style("notes-list--stamp")
        mark_style = self.get_component_rich_style("notes-list--mark")
        head = Text(f"{row.stamp:>5} ", style=stamp_style)
        mark = KIND_MARKS[row.kind]
        if row.kind is NoteKind.ACTION:
            mark = "☑" if row.action_status is ActionStatus.DONE else "!"
        elif row.waiting is not None:
            mark = "☑" if row.dealt_with else WAITING_MARKS[row.waiting.kind]
        head.append(f"{mark} ", style=mark_style)
        text = Text(no_wrap=False, overflow="fold")
        text.append_text(head)
        indent = head.cell_len
        self._hang(text, self._body(row), indent)
        if row.warning and row.is_open_action:  # on the row, not only in a passing toast
            text.append("\n" + " " * indent)
            style = self.get_component_rich_style("notes-list--overdue")
            self._hang(text, Text(row.warning, style=style), indent)
        return text

    def _hang(self, text: Text, part: Text, indent: int) -> None:
        """Append ``part`` to ``text``, its lines after the first indented by
        ``indent`` (wrapped to the list's width once it is known)."""
        width = self._width() - indent
        if width < 12:  # not laid out yet, or too narrow to indent: fold as it comes
            text.append_text(part)
            return
        lines = part.wrap(self.app.console, width, overflow="fold")
        for number, line in enumerate(lines):
            if number:
                text.append("\n" + " " * indent)
            text.append_text(line)

    def _body(self, row: NoteRow) -> Text:
        """The private mark, the text, what the row is in words, how it is saved."""
        meta_style = self.get_component_rich_style("notes-list--meta")
        text = Text()
        if row.private:
            text.append(f"{PRIVATE_MARK} ", style=meta_style)
        body = safe_terminal_text(row.text, keep_newlines=True)
        done = row.action_status in (ActionStatus.DONE, ActionStatus.DROPPED) or row.dealt_with
        text.append(body, style=self.get_component_rich_style("notes-list--done") if done else "")
        meta = self._meta(row)
        late = row.overdue and row.is_open_action
        if meta:
            text.append("  " + " · ".join(meta), style=meta_style)
        if late:  # calm but unmistakable: in words, in the theme's warning colour
            text.append(" · " if meta else "  ", style=meta_style)
            text.append(row.due, style=self.get_component_rich_style("notes-list--overdue"))
        if row.state is not SaveState.SAVED:
            style = self.get_component_rich_style("notes-list--unsaved")
            text.append(f"  {row.state.label}", style=style)
        return text

    @staticmethod
    def _meta(row: NoteRow) -> list[str]:
        """What the row is, in words (the overdue phrase is added apart)."""
        meta: list[str] = []
        if row.waiting is not None:
            meta.append(row.waiting.kind.value)
            if row.dealt_with:
                meta.append("dealt with")
        elif row.kind is NoteKind.ACTION:
            meta.append("mine" if row.mine else "theirs")
        elif row.kind is not NoteKind.NOTE:
            meta.append(KIND_LABELS[row.kind])
        if row.is_open_action and not row.overdue:
            meta.append(row.due)
        if row.action_status in (ActionStatus.DONE, ActionStatus.DROPPED):
            meta.append(row.action_status.value)
        if row.private:
            meta.append("private")
        if row.career_label:
            meta.append(row.career_label)
        return meta

    def put(self, row: NoteRow) -> None:
        """Add the row, or repaint it if it is already shown."""
        self._shown[row.key] = row
        self._wrapped_at = self._width()
        try:
            index = self.get_option_index(row.key)
        except OptionDoesNotExist:
            at_bottom = self.highlighted is None
            self.add_option(Option(self.render_row(row), id=row.key))
            if at_bottom:
                self.keep_in_view()
            return
        self.replace_option_prompt(row.key, self.render_row(row))
        if index == self.option_count - 1 and self.highlighted in (None, index):
            # The newest row may have grown a line (a label, a save state):
            # it stays in view.
            self.call_after_refresh(self.keep_in_view)

    def on_resize(self, _event: events.Resize) -> None:
        """Rows are wrapped again at a new width. The pane got shorter (a
        two-line question on the card): while typing, the newest notes stay
        in view."""
        if self._width() != self._wrapped_at:
            self._wrapped_at = self._width()
            for key, row in self._shown.items():
                with suppress(OptionDoesNotExist):
                    self.replace_option_prompt(key, self.render_row(row))
        if self.highlighted is None:
            self.call_after_refresh(self.keep_in_view)

    def clear_options(self) -> Self:
        self._shown.clear()
        return super().clear_options()

    def drop(self, key: str) -> None:
        self._shown.pop(key, None)
        with suppress(OptionDoesNotExist):
            self.remove_option(key)


class NoteInput(Input):
    """The one-line notes input; a multi-line paste is kept whole."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cursor_blink = False  # nothing on the meeting screen blinks
        self._hint = self.placeholder

    def show_hint(self, hint: str) -> None:
        """The placeholder, shortened with "…" when the input is narrower."""
        self._hint = hint
        self._fit_hint()

    def on_resize(self, _event: events.Resize) -> None:
        self._fit_hint()

    def _fit_hint(self) -> None:
        width = self.content_region.width - 1  # the cursor's cell
        self.placeholder = clip(self._hint, width) if width > 0 else self._hint

    # Input sets its virtual size on every keystroke (the text's width, for
    # scrolling sideways); Widget declares it with layout=True, so each key
    # re-laid out the whole meeting screen. This input's box never depends
    # on its text (fixed height, full width): a repaint is enough.
    virtual_size = Reactive(Size(0, 0), layout=False)

    BINDINGS = [
        Binding("up", "screen.focus_notes", "Notes", show=False, id="focus_notes"),
        Binding("escape", "screen.cancel_edit", "Cancel edit", show=False, id="cancel_edit"),
    ]

    class ScreenKey(Message):
        """A key of the screen's, pressed while typing (see ``on_key``)."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    class TooLong(Message):
        def __init__(self, length: int) -> None:
            super().__init__()
            self.length = length

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's own (_on_paste) would insert the first line again
        if not event.text:
            return
        # No NUL: PostgreSQL can't store one (in a note or in the draft).
        pasted = event.text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
        if len(self.value) + len(pasted) > MAX_NOTE_CHARS:
            self.post_message(self.TooLong(len(self.value) + len(pasted)))
            return
        pasted = pasted.strip("\n").replace("\n", f" {NEWLINE_MARK} ")
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(pasted)
        else:
            self.replace(pasted, *selection)

    @property
    def note_text(self) -> str:
        """The value as it will be saved: pasted line breaks restored."""
        return self.from_value(self.value)

    @staticmethod
    def from_value(value: str) -> str:
        return value.replace(f" {NEWLINE_MARK} ", "\n").replace(NEWLINE_MARK, "\n")

    async def on_key(self, event: events.Key) -> None:
        """Enter submits here, in key order, not through an app-level binding.

        A binding runs after the keys already queued for this input, so in a
        fast burst ("line one⏎line two⏎") the text typed after Enter would be
        merged into the submitted note. Handling it here submits exactly what
        was typed before Enter and clears the input at once.

        The screen's own keys (ask, Why?, next segment…) are sent the same
        way, as a ``ScreenKey`` message behind the lines submitted before
        them: in a burst ("answer⏎ ctrl+y why⏎") the screen then sees the
        line, the key and the next line in the order they were typed, so the
        second line answers the Why?, not the question.
        """
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            value = self.value
            self.value = ""
            self.post_message(self.Submitted(self, value))
            return
        if event.is_printable:
            return  # typed: the screen's keys are never plain characters here
        active = self.screen.active_bindings.get(event.key)
        if active is not None and active.node is self.screen and active.enabled:
            event.stop()
            event.prevent_default()
            self.post_message(self.ScreenKey(active.binding.action))
        # Other keys: Textual goes on to Input's own handler.

    def give_back(self, submitted: str) -> None:
        """Put a submitted text back in front of anything typed since."""
        typed_since = self.value
        self.value = f"{submitted} {typed_since}".rstrip() if typed_since else submitted
        self.cursor_position = len(self.value)

    @staticmethod
    def to_value(text: str) -> str:
        """The inverse of ``note_text``, for putting a saved draft back."""
        return text.replace("\n", f" {NEWLINE_MARK} ")
