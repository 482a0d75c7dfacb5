"""What every screen shares: the request that opens a meeting, and the base
of the screens that need the database.

Screens import these from here, never from ``ui.app`` (which imports the
screens), so no import runs in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.screen import Screen

from tui1on1.ui.services import Services


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
    new: bool = False


class ServiceScreen(Screen):
    """A screen that needs the database: it is told when it is ready.

    Subclasses may define their own ``on_mount`` but must not call this one:
    Textual already calls ``on_mount`` on every class in the MRO, so calling
    it again would load everything twice.
    """

    def on_mount(self) -> None:
        services = getattr(self.app, "services", None)
        if services is not None:
            self.services_ready(services)

    def services_ready(self, services: Services) -> None:  # pragma: no cover - overridden
        """Called once, on the UI thread, when the database is open."""
