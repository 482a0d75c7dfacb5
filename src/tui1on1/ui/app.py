"""The Textual application: screens, the database opening, signals, quitting."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui1on1.domain.text import plural
from tui1on1.domain.timesource import Clock, SystemClock
from tui1on1.settings import Settings
from tui1on1.ui.latest import show_latest
from tui1on1.ui.notices import short_problem, toast_lines
from tui1on1.ui.screens.base import MeetRequest, ServiceScreen
from tui1on1.ui.services import Services, open_services

if TYPE_CHECKING:
    from tui1on1.storage.store import Store
    from tui1on1.ui.crash import Crash


class OneOnOneApp(App[int]):
    #: Tests set this so a bug inside a Pilot test still raises there (after
    #: the same saving and logging); the product never re-raises.
    reraise_crashes: bool = False

    CSS_PATH = ["app.tcss", "fit.tcss"]
    TITLE = "tui1on1"
    BINDINGS: ClassVar = [
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+q", "request_quit", "Quit", id="quit", priority=True, show=False),
    ]

    def __init__(
        self,
        settings: Settings,
        *,
        meet: MeetRequest | None = None,
        store: Store | None = None,
        clock: Clock | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self._theme_chosen = False  # True once the start-up theme is set
        self._theme_problems = self._apply_start_theme(theme)
        self.meet = meet
        self.clock = clock or SystemClock()
        self.services: Services | None = None
        self._given_store = store
        self.open_error: str | None = None
        self.crash: Crash | None = None  # set by an unexpected error; see ui.crash
        #: The config file's rebindings in use (id → keys); refused ones are
        #: left out, so they keep their default keys (see ui.keys).
        self.key_rebindings: dict[str, str] = {}
        self._key_problems: list[str] = []
        keymap = settings.config.keys
        if isinstance(keymap, dict) and keymap:
            from tui1on1.ui.keys import checked_keymap

            self.key_rebindings, self._key_problems = checked_keymap(keymap, type(self))
            self.set_keymap(self.key_rebindings)

    # --- start-up -------------------------------------------------------------

    def _apply_start_theme(self, asked: str | None) -> list[str]:
        """Register the shipped and user themes; use ``asked`` (--theme), the
        config file's ``theme`` or the default. Returns what to tell the user."""
        from tui1on1.domain.text import safe_terminal_text
        from tui1on1.ui.theming import load_catalogue

        catalogue = load_catalogue(self.settings.config_dir)
        for theme in catalogue.ours():
            self.register_theme(theme)
        problems = [f"{p} (skipped)" for p in catalogue.problems]
        name = asked or self.settings.config.theme or catalogue.default_name()
        if name not in self.available_themes:
            default = catalogue.default_name()
            problems.append(f"there is no theme '{safe_terminal_text(name)}'; using {default}")
            name = default
        self.theme = name
        self._theme_chosen = True
        return problems

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The app's own variables for themes that don't set them (Textual's)."""
        from tui1on1.ui.theming import theme_variable_defaults

        return theme_variable_defaults(self.current_theme)

    def watch_theme(self, theme_name: str) -> None:
        """A theme picked in the app (the palette's "Theme") is used next time too."""
        if not self._theme_chosen:
            return
        from tui1on1.settings import ConfigError, save_theme

        try:
            save_theme(self.settings.config_file, theme_name)
        except (ConfigError, OSError) as exc:
            self.notify(str(exc), title="Theme not saved", severity="warning", markup=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's, with plain-text lines wrapped at TOAST_LINE columns between
        words (a path or a file name is never split): a notification is as wide
        as its longest line, at most the screen (app.tcss): a command
        of its own line (`tui1on1 import PATH`) fits on one."""
        if not markup:
            message = toast_lines(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def notify_problems(self, title: str, problems: list[str], timeout: float = 10) -> None:
        """Warnings found together in one notification (one at a time are
        shown, so several would hide each other): one line each."""
        if not problems:
            return
        if len(problems) == 1:
            message = problems[0]
        else:
            title = f"{title}: {plural(len(problems), 'problem')}"
            message = "\n".join(f"• {short_problem(problem)}" for problem in problems)
        self.notify(message, title=title, severity="warning", timeout=timeout, markup=False)

    def on_mount(self) -> None:
        # What the config file and the themes hold is known now: one notification.
        problems = [
            *self._theme_problems,
            *self._key_problems,
            *self.settings.config_problems,
        ]
        self.notify_problems("Config", problems, timeout=10 + 2 * len(problems))
        self.screen_change_signal.subscribe(self, self._screen_changed)

        if self.meet is not None:
            from tui1on1.ui.screens.meeting import MeetingScreen

            self.push_screen(MeetingScreen(self.meet))
        else:
            from tui1on1.ui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
        self._install_signal_handlers()
        from tui1on1.ui.hop import UiHop

        self._writer_status = UiHop()(self._show_writer_status)

    def on_ready(self) -> None:
        """The first frame is on screen: only now open the database.

        Importing SQLAlchemy and opening the file in a thread while the first
        frame is being built would compete with it for the interpreter and
        delay it by a third; the screens say "Opening…" until it is ready.
        """
        self.run_worker(self._open, thread=True, name="open-database", exit_on_error=False)

    def _open(self) -> Services:
        return open_services(
            self.settings, self.clock, store=self._given_store, on_status=self._writer_status
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "open-database":
            return
        if event.state is WorkerState.SUCCESS:
            self.services = event.worker.result
            self.notify_problems("Skipped", list(self.services.problems))
            for screen in self.screen_stack:
                if isinstance(screen, ServiceScreen):
                    screen.services_ready(self.services)
        elif event.state is WorkerState.ERROR:
            from tui1on1.storage.opening import OpenFailed
            from tui1on1.ui.dialogs.problem import ProblemScreen

            error = event.worker.error
            if isinstance(error, OpenFailed):
                self.open_error = str(error)
            else:  # a bug: say so without details that could hold user data
                self.open_error = f"tui1on1 failed while starting ({type(error).__name__})"
            self.push_screen(ProblemScreen("Can't open the database", self.open_error))

    def _screen_changed(self, screen: Screen) -> None:
        """A meeting opened from home or a person: what was said there (a
        discarded 1:1, an archived person) is not left over the question."""
        from tui1on1.ui.screens.meeting import MeetingScreen

        previous, self._current_screen = getattr(self, "_current_screen", None), screen
        came_from = isinstance(previous, ServiceScreen) and not isinstance(previous, MeetingScreen)
        if isinstance(screen, MeetingScreen) and came_from:
            self.clear_notifications()

    def _show_writer_status(self, message: str | None) -> None:
        """The database stopped (message) or started again (None) taking writes."""
        for screen in self.screen_stack:
            show = getattr(screen, "show_storage_problem", None)
            if show is not None:
                show(message)

    # --- signals and quitting -------------------------------------------------

    def _install_signal_handlers(self) -> None:
        """SIGHUP (terminal closed) and SIGTERM: save the draft, restore the
        terminal, exit 0."""
        try:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(signum, self._on_signal)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not in the main thread (tests) or not supported

    def _on_signal(self) -> None:
        self.save_everything()
        self.exit(0)

    def save_everything(self) -> None:
        """Before exiting: hand every screen's unsaved text to the writer."""
        for screen in self.screen_stack:
            save = getattr(screen, "save_before_exit", None)
            if save is not None:
                save()

    def action_request_quit(self) -> None:
        handler = getattr(self.screen, "request_quit", None)
        if handler is not None:
            handler()
        else:
            self.quit_now()

    def quit_now(self) -> None:
        self.save_everything()
        self.exit(0)

    # --- unexpected errors ------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an unhandled exception anywhere in the app.

        Textual would print a traceback with local variables (note text) on
        exit and re-raise the error under ``run_test``. Instead: save first,
        write a private crash record without messages or locals, exit 1 and
        print nothing; the CLI prints one line (``ui.crash.crash_line``).
        """
        self._return_code = 1
        if self.crash is None:
            from tui1on1.ui.crash import handle_crash

            self.crash = handle_crash(self, error)
        self._exit_renderables.clear()  # nothing of Textual's is printed
        if self.reraise_crashes:  # tests: fail loudly, after saving and logging
            self._exception = error
        self._exception_event.set()  # let a waiting Pilot go on
        self._close_messages_no_wait()

    def _fatal_error(self) -> None:
        """Never render Textual's traceback (it shows locals): just stop."""
        self._return_code = 1
        self._close_messages_no_wait()

    def on_unmount(self) -> None:
        if self.services is not None:
            self.services.writer.stop(timeout=5.0)
            self.services.store.close()

    def action_help(self) -> None:
        from tui1on1.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    # --- screenshots ------------------------------------------------------------

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """The palette's "Screenshot": an SVG of the screen, 0600, in the
        Downloads folder, or the data dir's ``screenshots/`` (0700) when there
        is none; a notification says where."""
        from tui1on1.ui.screenshots import save_screenshot

        return save_screenshot(self, self.settings.data_dir, filename, path)

    # --- command palette --------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        if self.services is None:
            return
        yield SystemCommand("Home", "Your people, what is due, live meetings", self.action_home)
        yield SystemCommand(
            "Search notes", "Every note, quote and action, as you type", self.action_search
        )
        yield SystemCommand(
            "Open person",
            "Prepare for a 1:1: their thread, promises, topics",
            self.action_open_person,
        )

    def action_home(self) -> None:
        from tui1on1.ui.screens.home import HomeScreen
        from tui1on1.ui.screens.meeting import MeetingScreen

        if any(isinstance(s, MeetingScreen) for s in self.screen_stack):
            self.notify("End or leave the meeting first (ctrl+o or ctrl+q).")
            return
        self.switch_screen(HomeScreen())

    def action_search(self) -> None:
        from tui1on1.ui.screens.search import SearchScreen

        self.push_screen(SearchScreen())

    def action_open_person(self) -> None:
        self._pick_person()

    @work(thread=True, exclusive=True, exit_on_error=False, group="pick-person")
    def _pick_person(self) -> None:
        people = self.services.store.list_people(include_archived=True)
        show_latest(self, self._show_people, people)

    def _show_people(self, people) -> None:
        from tui1on1.ui.people_picker import people_palette
        from tui1on1.ui.screens.person import PersonScreen

        # Whom the name rule finds comes first (as for `tui1on1 meet`), then fuzzy matches.
        self.push_screen(
            people_palette(self.screen, people, lambda pid: self.push_screen(PersonScreen(pid)))
        )
