"""What the manager does in a meeting beyond typing: ask, follow up, move
on, pause, extend, and the flows through dialogs (end, quit, pick a
question, switch playbook; discarding is in ``meeting_discard``).

Each step updates the model at once and hands its write to the ordered
writer, so no key ever waits for the disk. ``MeetingFlows`` is made by the
meeting screen once the meeting is loaded, with everything it works on.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.types import IgnoreReturnCallbackType

from tui1on1.domain.agenda import Playbook
from tui1on1.domain.career import shorten
from tui1on1.domain.clock import format_mmss
from tui1on1.domain.meeting import AskedRef, MeetingModel
from tui1on1.domain.pausecue import END_NEXT
from tui1on1.domain.records import NewAskedQuestion
from tui1on1.domain.text import safe_terminal_text
from tui1on1.questions import CATEGORY_TITLES, Question
from tui1on1.storage import journal_entries as entries
from tui1on1.storage.errors import DatabaseUnavailable, StoreError
from tui1on1.ui.dialogs.end import EndScreen
from tui1on1.ui.dialogs.leave import LeaveScreen
from tui1on1.ui.dialogs.summary import (
    EndSaved,
    SummaryScreen,
    end_title,
    summary_line,
)
from tui1on1.ui.screens import meeting_discard
from tui1on1.ui.screens.meeting_messages import post_from_writer

if TYPE_CHECKING:
    from tui1on1.storage.store import Store
    from tui1on1.ui.screens.meeting import MeetingScreen
    from tui1on1.ui.screens.meeting_notes import NotesPane
    from tui1on1.ui.services import Services

log = logging.getLogger(__name__)

EXTEND_MINUTES = 5


@runtime_checkable
class QuitsNow(Protocol):
    """The app's quit that keeps every screen's unsaved text first."""

    def quit_now(self) -> None: ...


class MeetingFlows:
    def __init__(
        self, screen: MeetingScreen, services: Services, model: MeetingModel, notes: NotesPane
    ) -> None:
        self.screen = screen
        self.services = services
        self.model = model
        self.notes = notes
        self.ending = False  # ending or discarding: no more writes for it
        self.discarding = False

    def now(self) -> datetime:
        return self.services.clock.now()

    # --- writes -------------------------------------------------------------------

    def log_segment(self, index: int, title: str, at: datetime | None = None) -> None:
        """Log the segment's start: now, or ``at`` (one the clock passed while away)."""
        if self.discarding:
            return
        meeting_id, at = self.model.meeting.id, at or self.now()
        self.services.writer.record(entries.segment_entry(meeting_id, index, title, at))

    def record_pause(self, ref: AskedRef, held: float) -> None:
        if self.discarding:
            return
        self.services.writer.record(
            entries.asked_update_entry(
                self.model.meeting.id, ref.uid, self.now(), pause_seconds=held, add_followup=False
            )
        )

    def end_cue(self, now: datetime) -> None:
        ended = self.model.end_cue(now, END_NEXT)
        if ended:
            self.record_pause(*ended)

    # --- asking -------------------------------------------------------------------

    def ask(self) -> None:
        now = self.now()
        again = self.model.asked_again(now)
        if again is not None:  # asked twice: the cue that runs keeps running
            self.screen.notify(
                f"Already asked at {format_mmss(again.elapsed)}: recorded once. "
                "Why? follows it up; Next offers another question.",
                timeout=4,
            )
            return
        self.end_cue(now)
        ref = self.model.ask(now)
        if ref is None:
            self.screen.notify("No question to ask in this segment: follow their lead, or move on.")
            return
        self.services.writer.save_question(
            NewAskedQuestion(
                uid=ref.uid,
                meeting_id=self.model.meeting.id,
                slug=ref.slug,
                text=ref.text,
                elapsed_seconds=ref.elapsed,
                asked_at=now,
            )
        )
        self.screen.refresh_now()

    def why(self) -> None:
        now = self.now()
        self.end_cue(now)
        ref = self.model.why(now)
        if ref is None:
            self.screen.notify("Ask a question first (the Ask key), then follow up with Why?")
            return
        self.services.writer.record(
            entries.asked_update_entry(
                self.model.meeting.id, ref.uid, now, pause_seconds=None, add_followup=True
            )
        )
        self.screen.refresh_now()

    def answered(self, ref: AskedRef) -> None:
        """A note answering ``ref`` was saved: the second wait, if it is the
        first answer."""
        if self.model.second_wait(self.now(), ref):
            self.screen.refresh_now()

    def breath(self) -> None:
        """Managing up: a question came your way; a breath before answering."""
        now = self.now()
        self.end_cue(now)
        if self.model.breath(now):
            self.screen.refresh_now()

    def next_prompt(self) -> None:
        self.model.move_prompt(self.now(), +1)
        self.screen.refresh_now()

    def previous_prompt(self) -> None:
        self.model.move_prompt(self.now(), -1)
        self.screen.refresh_now()

    # --- the agenda and the clock -------------------------------------------------

    def next_segment(self) -> None:
        now = self.now()
        moved = self.model.next_segment(now)
        if moved is None:
            self.screen.notify("This is the last segment.")
            return
        self.end_cue(now)  # a cue (or its closing line) belongs to the segment it ran in
        self.log_segment(*moved)
        self.screen.refresh_now()

    def toggle_pause(self) -> None:
        now = self.now()
        paused = self.model.toggle_pause(now)
        meeting_id = self.model.meeting.id
        kind = "pause" if paused else "resume"
        self.services.writer.record(entries.timing_entry(kind, meeting_id, now))
        self.screen.refresh_now()

    def extend(self) -> None:
        self.model.extend(EXTEND_MINUTES, self.now())
        meeting_id = self.model.meeting.id
        self.services.writer.record(
            entries.timing_entry("extend", meeting_id, self.now(), EXTEND_MINUTES)
        )
        self.screen.notify(f"Extended by {EXTEND_MINUTES} minutes.", timeout=3)
        self.screen.refresh_now()

    # --- ending ---------------------------------------------------------------------

    def end(self) -> None:
        """The summary's headline first; Enter ends it, Esc goes back with the
        draft and focus as they were, d discards a 1:1 started by mistake."""
        if self.ending:
            return

        model = self.model

        def chosen(choice: str | None) -> None:
            if choice == "end":
                self.end_now()
            elif choice == "discard":
                meeting_discard.discard(self)

        summary = model.summary(self.now())
        unsent = "" if self.notes.editing else safe_terminal_text(self.notes.input.value.strip())
        self.screen.app.push_screen(
            EndScreen(
                model.person.name,
                model.person.role,
                summary,
                shorten(unsent, 60),
                read_back=model.read_back(shown=None),  # the dialog covers the notes
            ),
            chosen,
        )

    def end_now(self) -> None:
        if self.ending:
            return

        model, services, app = self.model, self.services, self.screen.app
        now = self.now()
        self.notes.keep_unsent()
        self.screen.save_draft_now()
        self.end_cue(now)
        summary = model.summary(now)
        text, meeting_id = summary_line(summary), model.meeting.id
        self.ending = True
        writer = services.writer
        shown = SummaryScreen(model.person.name, summary, end_title(writer.unsafe, writer.problem))

        def where(*, saved: bool, safe: bool, refused: str = "") -> None:
            post_from_writer(shown, EndSaved(saved=saved, safe=safe, refused=refused))

        def failed(exc: Exception) -> None:
            if isinstance(exc, DatabaseUnavailable):
                where(saved=False, safe=True)
            else:
                where(saved=False, safe=True, refused=str(exc))

        writer.record(  # the summary's title says "and saved" once the database has it
            entries.end_entry(meeting_id, now, text),
            done=lambda _meeting: where(saved=True, safe=True),
            failed=failed,
            kept=lambda safe: None if safe else where(saved=False, safe=False),
        )
        data_dir = services.settings.data_dir

        def backup(store: Store) -> str | None:
            # After the meeting is committed, on the writer: at most once a day.
            # It must never disturb the user or the writes behind it, so every
            # failure becomes a calm line instead of an exception (the writer
            # would retry an "unavailable" one forever).

            try:
                store.auto_backup(data_dir, now)
            except Exception as exc:  # reported calmly, never raised
                log.warning("automatic backup skipped: %s", type(exc).__name__)
                why = str(exc) if isinstance(exc, StoreError | OSError) else type(exc).__name__
                return f"Backup skipped: {why}"
            return None

        def skipped(message: str | None) -> None:
            # App.notify is thread-safe (it posts a message); raised while the
            # summary is up, shown once it is closed.
            if message:
                app.notify(message, title="Backup", severity="warning", timeout=30, markup=False)

        services.writer.submit(backup, done=skipped)
        services.writer.compact()  # the meeting is in the database file: the journal lets go
        app.push_screen(shown, self.after_summary)

    def after_summary(self, _result: object) -> None:
        self.screen.app.open_home(select_person_id=self.model.person.id)

    def request_quit(self) -> None:
        """ctrl+q while live: end it, leave it running, stay, or discard it."""

        app = self.screen.app

        def chosen(choice: str | None) -> None:
            if choice == "end":
                self.end()
            elif choice == "discard":
                meeting_discard.discard(self)
            elif choice == "leave":
                quit_app(app)

        app.push_screen(LeaveScreen(self.model.person.name, self.model.notes.save_report()), chosen)

    # --- the palette's pickers ------------------------------------------------------

    def pick_question(self) -> None:
        """Fuzzy-search the whole bank; the chosen question becomes current."""

        model = self.model
        commands: list[tuple[str, IgnoreReturnCallbackType, str]] = []

        def picker(question: Question) -> IgnoreReturnCallbackType:
            def pick() -> None:
                model.pick(self.now(), question)
                self.screen.refresh_now()

            return pick

        for question in self.services.bank.questions.values():
            title = CATEGORY_TITLES.get(question.category, question.category)
            about = " · ".join(
                filter(None, (title, model.memory_line(question.slug), question.note))
            )
            commands.append((question.text, picker(question), about))
        self.screen.app.search_commands(commands, placeholder="Pick a question: type a few words…")

    def switch_playbook(self) -> None:
        """Choose another agenda, as long as no question has been asked yet."""

        model = self.model
        if model.asked:
            self.screen.notify("The playbook can be switched before the first question is asked.")
            return
        commands: list[tuple[str, IgnoreReturnCallbackType, str]] = []

        def switcher(playbook: Playbook) -> IgnoreReturnCallbackType:
            def switch() -> None:
                if not model.switch_playbook(playbook):
                    return
                meeting_id, now = model.meeting.id, self.now()
                index = model.segment_index(now)
                slug = playbook.slug
                self.services.writer.submit(
                    lambda store: store.set_meeting_playbook(meeting_id, slug)
                )
                self.log_segment(index, model.agenda[index].title)
                model.note_segment(index, now)
                self.screen.notify(f"Now following {playbook.title}.", timeout=3)
                self.screen.refresh_bindings()  # the breath key: in managing-up only
                self.screen.refresh_now()

            return switch

        for playbook in self.services.playbooks.values():
            segments = " · ".join(f"{s.title} {s.minutes:g}m" for s in playbook.segments)
            commands.append((playbook.title, switcher(playbook), segments))
        self.screen.app.search_commands(commands, placeholder="Switch playbook…")


def quit_app(app: object) -> None:
    """Quit keeping every screen's unsaved text (the app's ``quit_now``)."""
    if isinstance(app, QuitsNow):
        app.quit_now()
