"""The Textual application: screens, the database opening, signals, quitting."""

from __future__ import annotations

import asyncio
import io
import signal
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Console
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui1on1.domain.kinds import CareerElement
from tui1on1.domain.records import Person
from tui1on1.domain.text import plural, safe_terminal_text
from tui1on1.domain.timesource import Clock, SystemClock
from tui1on1.settings import ConfigError, Settings, save_theme
from tui1on1.storage.errors import StoreError
from tui1on1.ui.crash import Crash, handle_crash
from tui1on1.ui.dialogs.problem import ProblemScreen
from tui1on1.ui.keys import checked_keymap
from tui1on1.ui.latest import show_latest
from tui1on1.ui.notices import short_problem, toast_lines
from tui1on1.ui.screens.base import AppScreen, MeetRequest, ServiceScreen
from tui1on1.ui.screenshots import save_screenshot
from tui1on1.ui.services import Services, open_services
from tui1on1.ui.theming import load_catalogue, theme_variable_defaults
from tui1on1.ui.writer_messages import WriterStatus, post_from_writer

if TYPE_CHECKING:
    from tui1on1.storage.store import Store
    from tui1on1.ui.screens.meeting_load import NotOnePerson

__all__ = ["MeetRequest", "OneOnOneApp"]

# The screens are imported where they are first needed, not here: importing
# them all costs a tenth of a second or more before the first frame, and each
# start needs one of them (home, or the meeting for `tui1on1 meet`).


class _Discard(io.StringIO):
    """Where Textual's own error report goes: nowhere (see ``OneOnOneApp``)."""

    def write(self, text: str) -> int:
        return len(text)


class OneOnOneApp(App[int]):
    """The app. An unexpected error (a bug) is handled by ``crash_and_exit``:
    every unsaved text is handed to the writer, a private crash record without
    messages or locals is written, the app exits with code 1 and the CLI
    prints one calm line (``ui.crash``).

    Errors reach it through Textual's public API: ``on_event`` (the keys,
    their actions, the palette's commands and everything else the app
    handles) and the screens' worker handler (``AppScreen``). Textual's own
    handling would print a traceback with local variables (note text) on
    exit; the app's ``error_console`` discards that, so an error caught by
    Textual alone still exits 1 and prints nothing but the CLI's line.
    """

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
        # Textual prints an unhandled error's traceback, with local variables
        # (note text), here on exit: never on the user's terminal.
        self.error_console = Console(file=_Discard(), markup=False, highlight=False)
        self.settings = settings
        self._theme_chosen = False  # True once the start-up theme is set
        self._theme_problems = self._apply_start_theme(theme)
        self.meet = meet
        self.clock = clock or SystemClock()
        self.services: Services | None = None
        self._given_store = store
        #: The sentence the CLI prints on the way out (a database that can't
        #: be used, a name that finds no one), else None.
        self.open_error: str | None = None
        self.exit_chosen = False  # the user quit (any exit code is theirs, not a crash)
        self.crash: Crash | None = None  # set by an unexpected error; see ui.crash
        self._current_screen: Screen[Any] | None = None
        #: The config file's rebindings in use (id → keys); refused ones are
        #: left out, so they keep their default keys (see ui.keys).
        self.key_rebindings: dict[str, str] = {}
        self._key_problems: list[str] = []
        keymap = settings.config.keys
        if isinstance(keymap, dict) and keymap:
            self.key_rebindings, self._key_problems = checked_keymap(keymap, type(self))
            self.set_keymap(self.key_rebindings)

    # --- start-up -------------------------------------------------------------

    def _apply_start_theme(self, asked: str | None) -> list[str]:
        """Register the shipped and user themes; use ``asked`` (--theme), the
        config file's ``theme`` or the default. Returns what to tell the user."""
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
        return theme_variable_defaults(self.current_theme)

    def watch_theme(self, theme_name: str) -> None:
        """A theme picked in the app (the palette's "Theme") is used next time too."""
        if not self._theme_chosen:
            return
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

    def notify_data(self, services: Services) -> None:
        """What opening the database found or did, in one long notification
        (only the newest shows: it comes last, so it is seen)."""
        notices = services.take_data_notices()
        if notices:  # one notification: only the newest shows
            message = notices[0] if len(notices) == 1 else "\n".join(f"• {n}" for n in notices)
            self.notify(message, title="Your data", severity="warning", timeout=60, markup=False)

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
            from tui1on1.ui.screens.meeting import MeetingScreen  # start-up speed

            self.push_screen(MeetingScreen(self.meet))
        else:
            from tui1on1.ui.screens.home import HomeScreen  # start-up speed

            self.push_screen(HomeScreen())
        self._install_signal_handlers()

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
        """The app's own workers: opening the database, and reading the people
        for "Open person" (the screens handle theirs: ``AppScreen``)."""
        if isinstance(event.worker.node, AppScreen):
            return  # a screen's worker: its screen handled it (AppScreen)
        if event.worker.node is not self:  # a dialog's
            if event.state is WorkerState.ERROR:
                self._worker_failed(event.worker.error)
            return
        if event.worker.name != "open-database":
            if event.state is WorkerState.ERROR:
                self._worker_failed(event.worker.error)
            return
        if event.state is WorkerState.SUCCESS:
            services = event.worker.result
            assert isinstance(services, Services)
            self.services = services
            self.notify_problems("Skipped", list(services.problems))
            if not getattr(self.screen, "SHOWS_DATA_NOTICES", False):
                self.notify_data(services)  # else the meeting does, after its own news
            for screen in self.screen_stack:
                if isinstance(screen, ServiceScreen):
                    screen.services_ready(services)
        elif event.state is WorkerState.ERROR:
            # storage.opening is imported here only: it is not needed before
            # the first frame, and only when opening failed.
            from tui1on1.storage.opening import OpenFailed

            error = event.worker.error
            if isinstance(error, OpenFailed):
                self.open_error = str(error)
            else:  # a bug: say so without details that could hold user data
                self.open_error = f"tui1on1 failed while starting ({type(error).__name__})"
            self.push_screen(ProblemScreen("Can't open the database", self.open_error))

    def _worker_failed(self, error: BaseException | None) -> None:
        """A database problem: a calm notification, and the app goes on; a bug: a crash."""
        if isinstance(error, StoreError):
            self.notify(str(error), severity="warning", markup=False)
        elif isinstance(error, Exception):
            self.crash_and_exit(error)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        """A meeting opened from home or a person: what was said there (a
        discarded 1:1, an archived person) is not left over the question."""
        previous, self._current_screen = self._current_screen, screen
        if not (isinstance(previous, ServiceScreen) and isinstance(screen, ServiceScreen)):
            return  # the first screen, or a dialog: the meeting module may not be loaded yet
        from tui1on1.ui.screens.meeting import MeetingScreen  # start-up speed

        if isinstance(screen, MeetingScreen) and not isinstance(previous, MeetingScreen):
            self.clear_notifications()

    def _app_screens(self) -> list[AppScreen[Any]]:
        return [screen for screen in self.screen_stack if isinstance(screen, AppScreen)]

    def _writer_status(self, problem: str | None) -> None:
        """Called on the writer's thread: hand the news to the UI loop."""
        post_from_writer(self, WriterStatus(problem))

    def on_writer_status(self, event: WriterStatus) -> None:
        """The database stopped (a problem) or started again (None) taking writes."""
        for screen in self._app_screens():
            screen.show_storage_problem(event.problem)

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
        for screen in self._app_screens():
            screen.save_before_exit()

    def action_request_quit(self) -> None:
        screen = self.screen
        if isinstance(screen, AppScreen):
            screen.request_quit()  # the screen may ask first (a meeting)
        else:
            self.quit_now()  # a dialog or the palette: nothing to ask

    def quit_now(self, return_code: int = 0) -> None:
        """Save and leave, by the user's choice (1: leaving on a problem)."""
        self.exit_chosen = True
        self.save_everything()
        self.exit(return_code=return_code)

    # --- unexpected errors ------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Textual's, with an unexpected error handled as ``crash_and_exit`` does.

        Every key and its action (the priority ones here, the others when
        the key comes back up to the app), every palette command and the
        app's own handlers run inside this call.
        """
        try:
            await super().on_event(event)
        except Exception as error:
            self.crash_and_exit(error)

    def crash_and_exit(self, error: Exception) -> None:
        """An unexpected error (a bug): save first, write a private crash
        record without messages or locals, exit 1 and print nothing; the CLI
        prints one line (``ui.crash.crash_line``). Under a Pilot test that
        asked for it the error is raised again, after the saving."""
        if self.crash is None:
            self.crash = handle_crash(self, error)
        if self.reraise_crashes:  # tests: fail loudly, after saving and logging
            raise error
        self.exit(return_code=1)

    def on_unmount(self) -> None:
        if self.return_code and self.crash is None and not self.exit_chosen:
            # Textual caught an error outside ``on_event`` and the workers (a
            # widget's timer, say): its report was discarded; the screens are
            # gone, so nothing more can be saved here. Say so calmly.
            self.crash = Crash(error_type="", saved=False, log=None)
        if self.services is not None:
            self.services.writer.stop(timeout=5.0)
            self.services.store.close()

    def action_help(self) -> None:
        from tui1on1.ui.dialogs.help import HelpScreen  # start-up speed

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
        return save_screenshot(self, self.settings.data_dir, filename, path)

    # --- command palette --------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, AppScreen):
            yield from screen.palette_commands()
        if self.services is None:
            return
        yield SystemCommand("Home", "Your people, what is due, live meetings", self.action_home)
        yield SystemCommand(
            "Search notes", "Every note, quote and action, as you type", self.action_search
        )
        yield SystemCommand(
            "Actions",
            "Every promise, mine and theirs: done, drop, reschedule",
            self.action_open_actions,
        )
        yield SystemCommand(
            "Open person",
            "Prepare for a 1:1: their thread, promises, topics",
            self.action_open_person,
        )

    def action_home(self) -> None:
        # Start-up speed: home and the meeting are imported when first needed.
        from tui1on1.ui.screens.home import HomeScreen
        from tui1on1.ui.screens.meeting import MeetingScreen

        if any(isinstance(s, MeetingScreen) for s in self.screen_stack):
            self.notify("End or leave the meeting first (ctrl+o or ctrl+q).")
            return
        self.switch_screen(HomeScreen())

    def action_search(self) -> None:
        from tui1on1.ui.screens.search import SearchScreen  # start-up speed

        self.push_screen(SearchScreen())

    # --- where the screens go -------------------------------------------------------
    # Screens never import one another: they ask the app, which imports each
    # screen when it is first opened (start-up speed, see the top of the module).

    def open_home(self, select_person_id: int | None = None) -> None:
        """Home, in place of the current screen (after a meeting), with
        ``select_person_id`` highlighted."""
        from tui1on1.ui.screens.home import HomeScreen

        self.switch_screen(HomeScreen(select_person_id=select_person_id))

    def open_who(self, problem: NotOnePerson) -> None:
        """`meet NAME` found no one or several people: ask who, in place of the meeting."""
        from tui1on1.ui.screens.who import WhoScreen

        self.switch_screen(WhoScreen(problem))

    def open_meeting(self, request: MeetRequest) -> None:
        """The meeting, in place of the current screen."""
        from tui1on1.ui.screens.meeting import MeetingScreen

        self.switch_screen(MeetingScreen(request))

    def open_person(self, person_id: int) -> None:
        from tui1on1.ui.screens.person import PersonScreen

        self.push_screen(PersonScreen(person_id))

    def action_open_actions(self) -> None:
        """Every action, mine and theirs (the promise ledger)."""
        from tui1on1.ui.screens.actions import ActionsScreen

        if not isinstance(self.screen, ActionsScreen):
            self.push_screen(ActionsScreen())

    def open_career(self, person_id: int, element: CareerElement | None = None) -> None:
        """Someone's career thread in full, at ``element`` if given."""
        from tui1on1.ui.screens.career import CareerScreen

        self.push_screen(CareerScreen(person_id, element))

    def open_past_meeting(self, meeting_id: int, note_id: int | None = None) -> None:
        """One past meeting in full, at ``note_id`` if given."""
        from tui1on1.ui.screens.history import MeetingHistoryScreen

        self.push_screen(MeetingHistoryScreen(meeting_id, note_id))

    def action_open_person(self) -> None:
        self._pick_person()

    @work(thread=True, exclusive=True, exit_on_error=False, group="pick-person")
    def _pick_person(self) -> None:
        services = self.services
        if services is None:
            raise StoreError("the database is still opening; try again in a moment")
        people = services.store.list_people(include_archived=True)
        show_latest(self, self._show_people, people)

    def _show_people(self, people: Sequence[Person]) -> None:
        from tui1on1.ui.people_picker import people_palette  # start-up speed

        # Whom the name rule finds comes first (as for `tui1on1 meet`), then fuzzy matches.
        self.push_screen(people_palette(self.screen, people, self.open_person))
