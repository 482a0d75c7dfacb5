"""Where the app's screens go: the first screen, the palette's own commands
(Home, Search notes, Actions, Team, The bench, Your mirror, Open person) and
each screen a screen asks the app to open.

Screens never import one another: they ask the app, whose methods call these.
Each screen is imported here when it is first opened, not at the top:
importing them all costs a tenth of a second or more before the first frame,
and each start needs one of them (home, or the meeting for `tui1on1 meet`).
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.screen import Screen

from tui1on1.domain.kinds import CareerElement
from tui1on1.domain.records import Person
from tui1on1.storage.errors import StoreError
from tui1on1.ui.latest import show_latest
from tui1on1.ui.screens.base import MeetRequest, ServiceScreen

if TYPE_CHECKING:
    from tui1on1.ui.app import OneOnOneApp
    from tui1on1.ui.screens.meeting_load import NotOnePerson


MEETING_MODULE = "tui1on1.ui.screens.meeting"

#: The mode the app starts in (``OneOnOneApp.DEFAULT_MODE``): its base
#: screen, home or the meeting, is composed with the app, so the first frame
#: drawn is the one that reaches the terminal.
FIRST_MODE = "first"
_bases = itertools.count(1)


def first_screen(meet: MeetRequest | None, *, read_ahead: bool = False) -> Screen[Any]:
    """The meeting for `tui1on1 meet`, else home; ``read_ahead``: home reads
    its rows before the Store is open (when the app opens it itself, not
    when it is handed one already open)."""
    if meet is not None:
        from tui1on1.ui.screens.meeting import MeetingScreen

        return MeetingScreen(meet)
    from tui1on1.ui.screens.home import HomeScreen

    return HomeScreen(read_ahead=read_ahead)


def replace_all(app: App[Any], screen: Screen[Any]) -> AwaitComplete:
    """``screen`` in place of every screen open: home after a meeting, a
    meeting from home, who is meant. It is the base of a new mode, and the
    mode left is removed with its screens (``switch_screen`` can't replace a
    mode's base screen: that one was never pushed)."""
    left, mode = app.current_mode, f"base-{next(_bases)}"
    app.add_mode(mode, lambda: screen)
    return AwaitComplete(app.switch_mode(mode), app.remove_mode(left))


def textual_commands(
    app: OneOnOneApp, commands: Iterable[SystemCommand]
) -> Iterator[SystemCommand]:
    """Textual's own palette commands, as this app keeps them: Quit is ctrl+q's
    (a live 1:1 asks first; Textual's quits at once), and no Bell (nothing
    here beeps)."""
    for command in commands:
        if command.title == "Quit":
            yield SystemCommand(
                "Quit", "Quit tui1on1 (in a 1:1, asks first)", app.action_request_quit
            )
        elif command.title != "Bell":
            yield command


def palette_commands(app: OneOnOneApp) -> Iterator[SystemCommand]:
    """The app's own commands, once the database is open."""
    if app.services is None:
        return
    yield SystemCommand("Home", "Your people, what is due, live meetings", app.action_home)
    yield SystemCommand(
        "Search notes", "Every note, quote and action, as you type", app.action_search
    )
    yield SystemCommand(
        "Actions",
        "Every promise, mine and theirs: done, drop, reschedule",
        app.action_open_actions,
    )
    yield SystemCommand(
        "Team",
        "Your reports, who needs you first: aspiration, career talk, next step, exposure",
        app.action_open_team,
    )
    yield SystemCommand(
        "The bench",
        "Who could step into whose role, yours included; the roles with no back-up first",
        app.action_open_bench,
    )
    yield SystemCommand(
        "Your mirror",
        "How you run your 1:1s: pauses, career time, their agenda, cadence, promises",
        app.action_open_mirror,
    )
    yield SystemCommand(
        "Open person",
        "Prepare for a 1:1: their thread, promises, topics",
        app.action_open_person,
    )


def go_home(app: App[Any]) -> None:
    """Home in place of the screens open, unless a meeting is among them."""
    from tui1on1.ui.screens.home import HomeScreen
    from tui1on1.ui.screens.meeting import MeetingScreen

    if any(isinstance(s, MeetingScreen) for s in app.screen_stack):
        app.notify("End or leave the meeting first (ctrl+o or ctrl+q).")
        return
    replace_all(app, HomeScreen())


def open_help(app: App[Any]) -> None:
    """Help about the screen on top (not over help itself)."""
    from tui1on1.ui.dialogs.help import HelpScreen

    if not isinstance(app.screen, HelpScreen):
        app.push_screen(HelpScreen(app.screen))


def open_search(app: App[Any]) -> None:
    from tui1on1.ui.screens.search import SearchScreen

    app.push_screen(SearchScreen())


def open_actions(app: App[Any]) -> None:
    """Every action, mine and theirs (the promise ledger), unless on top already."""
    from tui1on1.ui.screens.actions import ActionsScreen

    if not isinstance(app.screen, ActionsScreen):
        app.push_screen(ActionsScreen())


def open_team(app: App[Any]) -> None:
    """Every report, who needs the manager first, unless on top already."""
    from tui1on1.ui.screens.team import TeamScreen

    if not isinstance(app.screen, TeamScreen):
        app.push_screen(TeamScreen())


def open_bench(app: App[Any]) -> None:
    """Who could step into whose role, unless on top already."""
    from tui1on1.ui.screens.bench import BenchScreen

    if not isinstance(app.screen, BenchScreen):
        app.push_screen(BenchScreen())


def open_mirror(app: App[Any]) -> None:
    """How I run my 1:1s, over the last weeks, unless on top already."""
    from tui1on1.ui.screens.mirror import MirrorScreen

    if not isinstance(app.screen, MirrorScreen):
        app.push_screen(MirrorScreen())


def open_home(app: App[Any], select_person_id: int | None) -> None:
    from tui1on1.ui.screens.home import HomeScreen

    replace_all(app, HomeScreen(select_person_id=select_person_id))


def open_who(app: App[Any], problem: NotOnePerson) -> None:
    from tui1on1.ui.screens.who import WhoScreen

    replace_all(app, WhoScreen(problem))


def open_meeting(app: App[Any], request: MeetRequest) -> AwaitComplete:
    from tui1on1.ui.screens.meeting import MeetingScreen

    return replace_all(app, MeetingScreen(request))


def open_person(app: App[Any], person_id: int) -> None:
    from tui1on1.ui.screens.person import PersonScreen

    app.push_screen(PersonScreen(person_id))


def open_career(app: App[Any], person_id: int, element: CareerElement | None) -> None:
    from tui1on1.ui.screens.career import CareerScreen

    app.push_screen(CareerScreen(person_id, element))


def open_past_meeting(app: App[Any], meeting_id: int, note_id: int | None) -> None:
    from tui1on1.ui.screens.history import MeetingHistoryScreen

    app.push_screen(MeetingHistoryScreen(meeting_id, note_id))


def meeting_opened_from(previous: Screen[Any] | None, screen: Screen[Any]) -> bool:
    """Whether ``screen`` is a meeting just opened from another screen (home, a
    person), not from a dialog over it."""
    if not (isinstance(previous, ServiceScreen) and isinstance(screen, ServiceScreen)):
        return False  # the first screen, or a dialog: the meeting module may not be loaded yet
    if MEETING_MODULE not in sys.modules:
        return False  # no meeting screen was ever made; importing it here costs 0.1 s
    from tui1on1.ui.screens.meeting import MeetingScreen

    return isinstance(screen, MeetingScreen) and not isinstance(previous, MeetingScreen)


def read_people_to_pick(app: OneOnOneApp) -> None:
    """On a worker's thread: read everyone, then show the picker (unless a
    newer read replaced this one)."""
    services = app.services
    if services is None:
        raise StoreError("the database is still opening; try again in a moment")
    people = services.store.list_people(include_archived=True)
    show_latest(app, pick_person, app, people)


def pick_person(app: OneOnOneApp, people: Sequence[Person]) -> None:
    """The palette's person picker over ``people``, opening whom is picked."""
    from tui1on1.ui.people_picker import people_palette

    # Whom the name rule finds comes first (as for `tui1on1 meet`), then fuzzy matches.
    app.push_screen(people_palette(app.screen, people, app.open_person))
