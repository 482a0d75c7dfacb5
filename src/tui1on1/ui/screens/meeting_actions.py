"""What the manager does in a meeting: ask, follow up, move on, pause,
extend, end. Each action updates the model at once and hands its write to the
ordered writer, so no key ever waits for the disk."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from textual import work

from tui1on1.domain.kinds import ActionStatus
from tui1on1.domain.pausecue import END_NEXT
from tui1on1.ui.latest import show_latest
from tui1on1.ui.widgets.notes import NoteInput, NotesList

if TYPE_CHECKING:
    from tui1on1.ui.meeting_model import MeetingModel
    from tui1on1.ui.screens.meeting_notes import NotesController
    from tui1on1.ui.services import Services

log = logging.getLogger(__name__)

EXTEND_MINUTES = 5


class MeetingActions:
    """Mixed into MeetingScreen (which provides the attributes below)."""

    model: MeetingModel | None
    services: Services | None
    notes: NotesController | None
    _ending: bool
    _discarding: bool
    _draft_timer: Any

    def _now(self):
        assert self.services is not None
        return self.services.clock.now()

    def _ready(self) -> bool:
        return self.model is not None and self.services is not None and not self._ending

    def action_ask(self) -> None:
        if not self._ready():
            return
        model, services = self.model, self.services
        now = self._now()
        ended = model.end_cue(now, END_NEXT)
        if ended:
            self._record_pause(*ended)
        ref = model.ask(now)
        if ref is None:
            return
        meeting_id = model.meeting.id

        def run(store):
            asked = store.record_question(
                meeting_id, slug=ref.slug, text=ref.text, elapsed_seconds=ref.elapsed, at=now
            )
            # Set here, on the writer thread: later jobs (the pause held, the
            # notes answering it) read it there, in order. A callback hopped
            # to the UI loop could run after them.
            ref.id = asked.id
            return asked

        services.writer.submit(run)
        self.refresh_now()

    def action_why(self) -> None:
        if not self._ready():
            return
        model = self.model
        now = self._now()
        ended = model.end_cue(now, END_NEXT)
        if ended:
            self._record_pause(*ended)
        ref = model.why(now)
        if ref is None:
            self.notify("Ask a question first (the Ask key), then follow up with Why?")
            return

        def run(store):
            return store.update_question(ref.id, add_followup=True) if ref.id else None

        self.services.writer.submit(run)
        self.refresh_now()

    def action_next_prompt(self) -> None:
        if self._ready():
            self.model.move_prompt(self._now(), +1)
            self.refresh_now()

    def action_previous_prompt(self) -> None:
        if self._ready():
            self.model.move_prompt(self._now(), -1)
            self.refresh_now()

    def action_next_segment(self) -> None:
        if not self._ready():
            return
        moved = self.model.next_segment(self._now())
        if moved is None:
            self.notify("This is the last segment.")
            return
        self._log_segment(*moved)
        self.refresh_now()

    def action_toggle_pause(self) -> None:
        if not self._ready():
            return
        model, services = self.model, self.services
        now = self._now()
        paused = model.toggle_pause(now)
        meeting_id = model.meeting.id
        if paused:
            services.writer.submit(lambda store: store.pause_meeting(meeting_id, now))
        else:
            services.writer.submit(lambda store: store.resume_meeting(meeting_id, now))
        self.refresh_now()

    def action_extend(self) -> None:
        if not self._ready():
            return
        model = self.model
        model.extend(EXTEND_MINUTES, self._now())
        meeting_id = model.meeting.id
        self.services.writer.submit(lambda store: store.extend_meeting(meeting_id, EXTEND_MINUTES))
        self.notify(f"Extended by {EXTEND_MINUTES} minutes.", timeout=3)
        self.refresh_now()

    def action_end_meeting(self) -> None:
        """ctrl+o (and the palette's "End meeting"): the summary's headline
        first; Enter ends it, Esc goes back with the draft and focus as they
        were, d discards a 1:1 started by mistake."""
        if not self._ready():
            return
        from tui1on1.ui.dialogs.end import EndScreen

        model, notes = self.model, self.notes
        summary = model.summary(self._now(), notes.rows())

        def chosen(choice: str | None) -> None:
            if choice == "end":
                self._end_now()
            elif choice == "discard":
                self.action_discard_meeting()

        self.app.push_screen(EndScreen(model.person.name, model.person.role, summary), chosen)

    def _end_now(self) -> None:
        if not self._ready():
            return
        from tui1on1.ui.dialogs.summary import SummaryScreen, summary_line
        from tui1on1.ui.hop import UiHop

        model, services, notes = self.model, self.services, self.notes
        now = self._now()
        self.save_draft_now()
        ended = model.end_cue(now, END_NEXT)
        if ended:
            self._record_pause(*ended)
        summary = model.summary(now, notes.rows())
        text = summary_line(summary)
        meeting_id = model.meeting.id
        self._ending = True
        services.writer.submit(lambda store: store.end_meeting(meeting_id, now, summary=text))
        data_dir = services.settings.data_dir

        def backup(store):
            # After the meeting is committed, on the writer: at most once a day.
            # It must never disturb the user or the writes behind it, so every
            # failure becomes a calm line instead of an exception (the writer
            # would retry an "unavailable" one forever).
            from tui1on1.storage.backups import auto_backup
            from tui1on1.storage.errors import StoreError

            try:
                auto_backup(store, data_dir, now)
            except Exception as exc:  # reported calmly, never raised
                log.warning("automatic backup skipped: %s", type(exc).__name__)
                why = str(exc) if isinstance(exc, StoreError | OSError) else type(exc).__name__
                return f"Backup skipped: {why}"
            return None

        hop = UiHop()

        def skipped(message: str | None) -> None:
            if message:
                # Raised while the summary is up, shown once it is closed.
                self.app.notify(
                    message, title="Backup", severity="warning", timeout=30, markup=False
                )

        services.writer.submit(backup, done=hop(skipped))
        self.app.push_screen(SummaryScreen(model.person.name, summary), self._after_summary)

    def _after_summary(self, _result: object) -> None:
        from tui1on1.ui.screens.home import HomeScreen

        self.app.switch_screen(HomeScreen(select_person_id=self.model.person.id))

    # --- discarding a 1:1 started by mistake --------------------------------------

    def action_discard_meeting(self) -> None:
        """Ask (naming the person, the notes and the file), then discard."""
        if not self._ready():
            return
        from tui1on1.storage.discard import DISCARDED_DIR, discard_file_name
        from tui1on1.ui.dialogs.discard import DiscardScreen

        model = self.model
        rows = self.notes.rows()
        notes = sum(1 for row in rows if not row.carried and not row.deleted)
        closed = (ActionStatus.DONE, ActionStatus.DROPPED)
        reopen = sum(1 for row in rows if row.carried and row.action_status in closed)
        folder = self.services.settings.data_dir / DISCARDED_DIR
        where = folder / discard_file_name(model.person.name, model.meeting.started_at)

        def confirmed(discard: bool | None) -> None:
            if discard:
                self._discard_now()

        self.app.push_screen(DiscardScreen(model.person.name, notes, reopen, where), confirmed)

    def _discard_now(self) -> None:
        if not self._ready():
            return
        from tui1on1.storage.discard import DISCARDED_DIR
        from tui1on1.ui.hop import UiHop

        model, services = self.model, self.services
        if self.notes is not None and self.notes.editing:
            self.notes.cancel_edit()
        # The text in the input goes into the discard file with the notes:
        # saved now, it is ordered before the discard like every note is.
        self.save_draft_now()
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._ending = self._discarding = True
        # Hopped to the UI loop, then run by the app's message loop, where
        # Textual's context is set (composing HomeScreen needs it).
        hop, app = UiHop(), self.app
        services.writer.discard_meeting(
            model.meeting.id,
            services.settings.data_dir / DISCARDED_DIR,
            self._now(),
            done=hop(lambda result: app.call_later(self._discarded, result)),
            failed=hop(lambda exc: app.call_later(self._discard_failed, exc)),
        )
        self.notify("Discarding…", timeout=2)

    def _discarded(self, result) -> None:
        from tui1on1.domain.text import safe_terminal_text
        from tui1on1.ui.dialogs.discard import import_command
        from tui1on1.ui.screens.home import HomeScreen

        app = self.app
        while app.screen is not self and len(app.screen_stack) > 1:
            app.pop_screen()
        app.switch_screen(HomeScreen(select_person_id=self.model.person.id))
        # The command on a line of its own, to copy; the file name never split.
        app.notify(
            f"To bring it back:\n{import_command(result.path)}",
            title=f"Discarded the 1:1 with {safe_terminal_text(result.person_name)}",
            timeout=15,
            markup=False,
        )

    def _discard_failed(self, exc: Exception) -> None:
        self._ending = self._discarding = False
        self.notify(
            f"The 1:1 was not discarded: {exc}", severity="warning", timeout=8, markup=False
        )

    def request_quit(self) -> None:
        """ctrl+q while live: end it, leave it running, stay, or discard it."""
        if not self._ready():
            self.app.quit_now()
            return
        from tui1on1.ui.dialogs.leave import LeaveScreen

        def chosen(choice: str | None) -> None:
            if choice == "end":
                self.action_end_meeting()
            elif choice == "discard":
                self.action_discard_meeting()
            elif choice == "leave":
                self.app.quit_now()

        self.app.push_screen(LeaveScreen(self.model.person.name if self.model else ""), chosen)

    def action_focus_notes(self) -> None:
        notes = self.query_one(NotesList)
        if notes.option_count:
            notes.focus()
            notes.highlighted = notes.option_count - 1  # start from the newest

    def action_focus_input(self) -> None:
        self.query_one(NotesList).highlighted = None
        # At once (Widget.focus waits for the keys already queued): text typed
        # right after Esc goes to the input, never to the list's commands.
        self.set_focus(self.query_one(NoteInput))

    def action_cancel_edit(self) -> None:
        if self.notes is not None:
            self.notes.cancel_edit()

    def action_edit_note(self) -> None:
        if self.notes is not None:
            self.notes.start_edit()

    def action_delete_note(self) -> None:
        if self.notes is not None:
            self.notes.delete()

    def action_undo_delete(self) -> None:
        if self.notes is not None:
            self.notes.undo()

    def action_toggle_done(self) -> None:
        if self.notes is not None:
            self.notes.toggle_done()

    def action_pick_question(self) -> None:
        """Fuzzy-search the whole bank; the chosen question becomes current."""
        if not self._ready():
            return
        from tui1on1.questions import CATEGORY_TITLES

        model = self.model
        commands = []
        for question in self.services.bank.questions.values():

            def pick(question=question) -> None:
                model.pick(self._now(), question)
                self.refresh_now()

            title = CATEGORY_TITLES.get(question.category, question.category)
            memory = model.memory_line(question.slug)
            commands.append((question.text, pick, f"{title} · {memory}"))
        self.app.search_commands(commands, placeholder="Pick a question: type a few words…")

    def action_switch_playbook(self) -> None:
        """Choose another agenda, as long as no question has been asked yet."""
        if not self._ready():
            return
        model = self.model
        if model.asked:
            self.notify("The playbook can be switched before the first question is asked.")
            return
        commands = []
        for playbook in self.services.playbooks.values():

            def switch(playbook=playbook) -> None:
                if not model.switch_playbook(playbook):
                    return
                meeting_id, now = model.meeting.id, self._now()
                index = model.segment_index(now)
                title = model.agenda[index].title
                self.services.writer.submit(
                    lambda store: store.set_meeting_playbook(meeting_id, playbook.slug)
                )
                self._log_segment(index, title)
                model.note_segment(index, now)
                self.notify(f"Now following {playbook.title}.", timeout=3)
                self.refresh_now()

            segments = " · ".join(f"{s.title} {s.minutes:g}m" for s in playbook.segments)
            commands.append((playbook.title, switch, segments))
        self.app.search_commands(commands, placeholder="Switch playbook…")

    def action_toggle_career(self) -> None:
        """F2: the career thread (latest answer per career category), read fresh."""
        from tui1on1.ui.widgets.career import CareerPanel

        panel = self.query_one(CareerPanel)
        if panel.display:
            panel.display = False
            return
        if not self._ready():
            return
        panel.display = True
        self._load_career(panel)

    @work(thread=True, exclusive=True, exit_on_error=False, group="career")
    def _load_career(self, panel) -> None:
        from tui1on1.domain.career import format_thread

        services, model = self.services, self.model
        slugs = {slug: q.category for slug, q in services.bank.questions.items()}
        entries = services.store.career_thread(model.person.id, slugs)
        rows = format_thread(entries, self._now().astimezone().date())
        show_latest(self.app, panel.show, rows)
