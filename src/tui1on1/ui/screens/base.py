"""What every screen shares: the request that opens a meeting, the hooks the
app calls on its screens, and the base of the screens that need the database.

Screens import these from here, never from ``ui.app`` (which imports the
screens), so no import runs in a circle. ``ui.app`` is imported here for
types only: ``self.app`` on these screens is the ``OneOnOneApp``, with its
``services``, ``clock`` and ``settings``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, getters
from textual.app import SystemCommand
from textual.screen import Screen, ScreenResultType
from textual.worker import Worker, WorkerState

from tui1on1.storage.errors import StoreError
from tui1on1.ui.services import Services

if TYPE_CHECKING:
    from tui1on1.ui.app import OneOnOneApp


@dataclass(frozen=True)
class MeetRequest:
    """`tui1on1 meet NAME`: who, how long, which playbook.

    Who: ``person_id`` when the caller already has the person (home, person
    screen); else ``name`` is matched by the one rule every command shares
    (``domain.people.match_name``) when the meeting loads. Only ``new=True``
    (`meet NAME --new`) adds ``name`` as a new person.
    """

    name: str
    minutes: int | None = None
    playbook: str | None = None
    person_id: int | None = None
    #: Resuming a 1:1 left running for hours was chosen already (home's
    #: question): the meeting doesn't ask again.
    resume_chosen: bool = False
    new: bool = False


def not_loaded(error: StoreError) -> Text:
    """What a page shows in place of what it could not load."""
    return Text(
        f"Couldn't load this page: {error}. Esc goes back; it loads again when you return.",
        style="italic",
    )


class AppScreen(Screen[ScreenResultType]):
    """A full screen of the app: the hooks the app calls, as no-ops here.

    The app calls them on every ``AppScreen`` in its stack (never by name);
    a screen overrides the ones it needs.
    """

    if TYPE_CHECKING:
        # Textual's typed app (``textual.getters.app``), for the type checker
        # only: at run time ``self.app`` is the running OneOnOneApp anyway, and
        # importing ui.app here would run in a circle.
        app = getters.app(OneOnOneApp)

    def live_person_id(self) -> int | None:
        """The person whose 1:1 this screen holds live, if any."""
        return None

    def show_storage_problem(self, message: str | None) -> None:
        """The database stopped (``message``) or started again (None) taking writes."""

    def save_before_exit(self) -> None:
        """A signal, a quit or a crash: hand any unsaved text to the writer."""

    def request_quit(self) -> None:
        """ctrl+q: quit now, unless the screen has something to ask first."""
        self.app.quit_now()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands, listed in the palette before the app's."""
        return ()

    # --- errors -------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Textual's, with an unexpected error in this screen's own handlers
        (mounting, resuming, resizing, its callbacks) handled as a crash."""
        try:
            await super().on_event(event)
        except Exception as error:
            self.app.crash_and_exit(error)

    def guarded(self, callback: Callable[[], object]) -> Callable[[], None]:
        """``callback`` for a timer of this screen: a timer's callback runs
        outside ``on_event``, where only Textual would catch its error (and
        could then neither save the draft nor log); this handles it as a crash."""

        def run() -> None:
            try:
                callback()
            except Exception as error:
                self.app.crash_and_exit(error)

        return run

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this screen failed: a database problem gets a calm
        notification and the app keeps running; anything else is a bug,
        handled as one (saved, logged privately, exit 1: see ``ui.crash``).

        Every worker here runs with ``exit_on_error=False`` so that its error
        arrives here instead of ending the app (Textual calls this handler on
        every class that defines it, so a subclass's own is called as well).
        """
        if event.state is not WorkerState.ERROR or event.worker.node is not self:
            return
        error = event.worker.error
        if isinstance(error, StoreError):
            self.show_store_error(error)
        elif isinstance(error, Exception):
            self.app.crash_and_exit(error)

    def show_store_error(self, error: StoreError, undone: str | None = None) -> None:
        """The calm line a database problem gets (its message never holds note
        text), led by what was not done when a change failed ("Not archived")."""
        said = f"{undone}: {error}" if undone else str(error)
        self.notify(said, severity="warning", markup=False)


class ServiceScreen(AppScreen[ScreenResultType]):
    """A screen that needs the database: it is told when it is ready.

    Subclasses may define their own ``on_mount`` but must not call this one:
    Textual already calls ``on_mount`` on every class in the MRO, so calling
    it again would load everything twice.
    """

    def on_mount(self) -> None:
        services = self.app.services
        if services is not None:
            self.services_ready(services)

    def services_ready(self, services: Services) -> None:
        """Called once, on the UI thread, when the database is open."""

    _resumed_before = False

    def coming_back(self) -> bool:
        """On a screen resume: whether the user came back to it (to read
        again) — not the first resume, which comes with the mount, whose load
        is under way: a second beside it would take as long again, the two
        taking turns on the GIL (a thread can't be cancelled)."""
        again = self._resumed_before and self.app.services is not None
        self._resumed_before = True
        return again

    def open_services(self) -> Services:
        """The open database, for a worker started once it is ready.

        Raises ``StoreError`` (a calm notification, see above) if it is not
        open: workers only start after ``services_ready``, so this is a guard.
        """
        services = self.app.services
        if services is None:
            raise StoreError("the database is still opening; try again in a moment")
        return services
