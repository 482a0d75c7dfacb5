"""The Textual application: screens, the database opening, signals, quitting."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Console
from textual import events, work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui1on1.domain.kinds import CareerElement
from tui1on1.domain.timesource import Clock, SystemClock
from tui1on1.settings import ConfigError, Settings, save_theme
from tui1on1.storage.errors import StoreError
from tui1on1.ui import navigation
from tui1on1.ui.app_startup import (
    ask_passphrase,
    database_opened,
    install_signal_handlers,
    open_failed,
    start_keymap,
    start_theme,
)
from tui1on1.ui.crash import Crash, handle_crash
from tui1on1.ui.notices import bullets, several_problems, toast_lines
from tui1on1.ui.screens.base import AppScreen, MeetRequest
from tui1on1.ui.screenshots import save_screenshot
from tui1on1.ui.services import Services, open_services
from tui1on1.ui.theming import theme_variable_defaults
from tui1on1.ui.writer_messages import WriterStatus, post_from_writer

if TYPE_CHECKING:
    from tui1on1.storage.opening import Answer
    from tui1on1.storage.store import Store
    from tui1on1.ui.screens.meeting_load import NotOnePerson

__all__ = ["MeetRequest", "OneOnOneApp"]

# The screens are imported where they are first needed (ui.navigation), not
# here: importing them all costs a tenth of a second before the first frame.


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
    #: The mode the app starts in; its base is ``get_default_screen``'s.
    DEFAULT_MODE = navigation.FIRST_MODE
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
        locked: Path | None = None,
    ) -> None:
        super().__init__()
        # Textual prints an unhandled error's traceback, with local variables
        # (note text), here on exit: never on the user's terminal.
        self.error_console = Console(file=_Discard(), markup=False, highlight=False)
        self.settings = settings
        self._theme_chosen = False  # True once the start-up theme is set
        self._theme_problems = start_theme(self, theme)
        self._theme_chosen = True
        self.meet = meet
        self.clock = clock or SystemClock()
        self.services: Services | None = None
        self._given_store = store
        #: The sentence the CLI prints on the way out (a database that can't
        #: be used, a name that finds no one), else None.
        self.open_error: str | None = None
        self.offer_encryption = True  # a first start asks once (storage.opening)
        self.locked = locked  # an encrypted file: its passphrase may be asked
        self.encryption_answer: Answer | None = None  # dropped once the database is open
        self.opened_notice: str | None = None  # said once it is open (encryption chosen)
        self.exit_chosen = False  # the user quit (any exit code is theirs, not a crash)
        self.crash: Crash | None = None  # set by an unexpected error; see ui.crash
        self._current_screen: Screen[Any] | None = None
        #: The config file's rebindings in use (id → keys); refused ones are
        #: left out, so they keep their default keys (see ui.keys).
        self.key_rebindings: dict[str, str] = {}
        self._key_problems = start_keymap(self, settings.config.keys)

    # --- start-up -------------------------------------------------------------

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
            message = notices[0] if len(notices) == 1 else bullets(notices)
            self.notify(message, title="Your data", severity="warning", timeout=60, markup=False)

    def notify_problems(self, title: str, problems: list[str], timeout: float = 10) -> None:
        """Warnings found together in one notification (``several_problems``)."""
        if problems:
            title, message = several_problems(title, problems)
            self.notify(message, title=title, severity="warning", timeout=timeout, markup=False)

    def get_default_screen(self) -> Screen[Any]:
        """The first screen (home, or the meeting for `tui1on1 meet`): the base
        of the first mode, composed with the app. Pushed from ``on_mount``
        instead, its first frame was drawn inside the app's mount and thrown
        away: nothing reached the terminal until a refresh later."""
        return navigation.first_screen(self.meet, read_ahead=self._given_store is None)

    def on_mount(self) -> None:
        # What the config file and the themes hold is known now: one notification.
        problems = [*self._theme_problems, *self._key_problems, *self.settings.config_problems]
        self.notify_problems("Config", problems, timeout=10 + 2 * len(problems))
        self._current_screen = self.screen  # the first: no signal says it came
        # Named only now, once its base is composed (a mode named before would
        # be built from this factory instead, with a second pass over the CSS):
        # named, it can be removed when home or a meeting replaces it.
        self.add_mode(navigation.FIRST_MODE, lambda: navigation.first_screen(self.meet))
        self.screen_change_signal.subscribe(self, self._screen_changed)
        if self.locked is not None:  # from the first frame: typing goes to a hidden field
            ask_passphrase(self, self.locked, waiting=True)
        install_signal_handlers(self._on_signal)

    def on_ready(self) -> None:
        """The first frame is on screen: only now open the database.

        Importing SQLAlchemy and opening the file in a thread while the first
        frame is being built would compete with it for the interpreter and
        delay it by a third; the screens say "Opening…" until it is ready.
        """
        self.run_worker(self._open, thread=True, name="open-database", exit_on_error=False)

    def _open(self) -> Services:
        return open_services(
            self.settings,
            self.clock,
            store=self._given_store,
            on_status=self._writer_status,
            offer=self.offer_encryption,
            answer=self.encryption_answer,
        )

    def reopen(self) -> None:
        """Open the database again: a passphrase was typed, or encryption chosen."""
        self.run_worker(self._open, thread=True, name="open-database", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The app's own workers: opening the database, and reading the people
        for "Open person" (the screens handle theirs: ``AppScreen``)."""
        if isinstance(event.worker.node, AppScreen):
            return  # a screen's worker: its screen handled it (AppScreen)
        if event.worker.node is not self or event.worker.name != "open-database":
            if event.state is WorkerState.ERROR:  # a dialog's, or reading the people
                self._worker_failed(event.worker.error)
            return
        if event.state is WorkerState.SUCCESS:
            services = event.worker.result
            assert isinstance(services, Services)
            database_opened(self, services)
        elif event.state is WorkerState.ERROR:
            open_failed(self, event.worker.error)

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
        if navigation.meeting_opened_from(previous, screen):
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

    def _on_signal(self) -> None:
        """SIGHUP (terminal closed) or SIGTERM: save, restore the terminal, exit 0."""
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
        navigation.open_help(self)

    # --- screenshots ------------------------------------------------------------

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """The palette's "Screenshot": an SVG of the screen, 0600, in the
        Downloads folder, or the data dir's ``screenshots/`` (0700) when there
        is none (the home folder when the database is encrypted: nothing
        plain under the data dir); a notification says where."""
        encrypted = self.services is not None and self.services.store.encrypted
        fallback = Path.home() if encrypted else self.settings.data_dir / "screenshots"
        return save_screenshot(self, fallback, filename, path, encrypted=encrypted)

    # --- command palette --------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from navigation.textual_commands(self, super().get_system_commands(screen))
        if isinstance(screen, AppScreen):
            yield from screen.palette_commands()
        yield from navigation.palette_commands(self)

    def action_home(self) -> None:
        navigation.go_home(self)

    def action_search(self) -> None:
        navigation.open_search(self)

    # --- where the screens go -------------------------------------------------------
    # Screens never import one another: they ask the app (see ui.navigation).

    def open_home(self, select_person_id: int | None = None) -> None:
        """Home, in place of every screen open (after a meeting), with
        ``select_person_id`` highlighted."""
        navigation.open_home(self, select_person_id)

    def instead_of_all(self, screen: Screen[Any]) -> AwaitComplete:
        """``screen`` in place of every screen open (a meeting that can't start)."""
        return navigation.replace_all(self, screen)

    def open_who(self, problem: NotOnePerson) -> None:
        """`meet NAME` found no one or several people: ask who, in place of the meeting."""
        navigation.open_who(self, problem)

    def open_meeting(self, request: MeetRequest) -> AwaitComplete:
        """The meeting, in place of every screen open (await it to act once there)."""
        return navigation.open_meeting(self, request)

    def open_person(self, person_id: int) -> None:
        navigation.open_person(self, person_id)

    def action_open_actions(self) -> None:
        """Every action, mine and theirs (the promise ledger)."""
        navigation.open_actions(self)

    def action_open_team(self) -> None:
        """Every report, who needs me first (the team view)."""
        navigation.open_team(self)

    def action_open_mirror(self) -> None:
        """How I run my 1:1s: the manager's mirror."""
        navigation.open_mirror(self)

    def action_open_bench(self) -> None:
        """Who could step into whose role (the bench)."""
        navigation.open_bench(self)

    def open_career(self, person_id: int, element: CareerElement | None = None) -> None:
        """Someone's career thread in full, at ``element`` if given."""
        navigation.open_career(self, person_id, element)

    def open_past_meeting(self, meeting_id: int, note_id: int | None = None) -> None:
        """One past meeting in full, at ``note_id`` if given."""
        navigation.open_past_meeting(self, meeting_id, note_id)

    def action_open_person(self) -> None:
        self._pick_person()

    @work(thread=True, exclusive=True, exit_on_error=False, group="pick-person")
    def _pick_person(self) -> None:
        navigation.read_people_to_pick(self)  # on this worker's thread
