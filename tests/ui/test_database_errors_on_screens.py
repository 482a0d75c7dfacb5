"""The database stops answering while a screen loads or changes something:
every screen says so calmly (the Store's own message, which never holds note
text) and the app keeps running. None of these may end the app or vanish.

The fault is the project's own: the Store raises DatabaseUnavailable, as it
does for a locked, read-only or unreachable database (tests/faults covers the
real SQLite faults behind it).
"""

from __future__ import annotations

import pytest
from pilot_helpers import wait_for
from screen_text import screen_text

from tui1on1.storage.errors import DatabaseUnavailable
from tui1on1.storage.store import Store
from tui1on1.ui.screens.history import MeetingHistoryScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.person import PersonScreen
from tui1on1.ui.screens.search import SearchScreen
from tui1on1.ui.screens.who import WhoScreen

SIZE = (110, 30)
SAID = "the database is locked by another program"


@pytest.fixture
def unavailable(monkeypatch: pytest.MonkeyPatch):
    """unavailable("people_overview", ...): those Store methods raise, from now on."""

    class Unavailable:
        def __init__(self) -> None:
            self.originals: dict[str, object] = {}

        def __call__(self, *names: str) -> None:
            def refuse(*_args: object, **_kwargs: object) -> None:
                raise DatabaseUnavailable(SAID)

            for name in names:
                self.originals.setdefault(name, getattr(Store, name))
                monkeypatch.setattr(Store, name, refuse)

        def restore(self) -> None:
            """The database answers again."""
            for name, original in self.originals.items():
                monkeypatch.setattr(Store, name, original)

    return Unavailable()


@pytest.fixture
def ada(history, db_path) -> tuple[int, int]:
    """Ada's id and her latest meeting's id (the history fixture's data)."""
    store = Store.open(f"sqlite:///{db_path}")
    try:
        person = store.match_person("Ada Lovelace").person
        assert person is not None
        return person.id, store.meeting_listings(person.id, limit=1)[0].meeting.id
    finally:
        store.close()


async def said_calmly_and_running(pilot, screen_type: type) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: SAID in screen_text(app))
    await pilot.pause(0.1)
    assert app.is_running and app.return_code is None and app.crash is None
    assert isinstance(app.screen, screen_type)
    assert "Traceback" not in screen_text(app)


async def home_ready(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)


async def test_home_says_it_cannot_list_people(make_app, history, unavailable):
    unavailable("people_overview")
    app = make_app(meet=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await said_calmly_and_running(pilot, HomeScreen)


async def test_home_says_archiving_failed_instead_of_doing_nothing(make_app, history, unavailable):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await home_ready(pilot)
        unavailable("update_person")
        await pilot.press("h")
        await said_calmly_and_running(pilot, HomeScreen)
        assert "Ada Lovelace was not archived: " + SAID in screen_text(app)
        assert "Archived" not in screen_text(app)


async def test_person_screen_says_it_cannot_load(make_app, ada, unavailable):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await home_ready(pilot)
        unavailable("get_person")
        app.open_person(ada[0])
        await said_calmly_and_running(pilot, PersonScreen)
        # The page says it could not load; no empty sections that read as "no history".
        text = screen_text(app)
        assert "Couldn't load this page: " + SAID in text
        assert "Nothing yet" not in text and "Open actions" not in text
        # The database answers again: back and in again, and Ada's page is there.
        unavailable.restore()
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.open_person(ada[0])
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, PersonScreen)
                and app.screen.prep is not None
                and "Open actions" in screen_text(app)
            ),
        )
        assert "Couldn't load" not in screen_text(app).split("\n")[0]


async def test_a_past_meeting_says_it_cannot_load(make_app, ada, unavailable):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await home_ready(pilot)
        unavailable("meeting_record")
        app.open_past_meeting(ada[1])
        await said_calmly_and_running(pilot, MeetingHistoryScreen)
        assert "Couldn't load this page: " + SAID in screen_text(app)


@pytest.mark.parametrize(
    ("refused", "query"),
    [("match_person", "person:ada growth"), ("search", "growth")],
    ids=["finding-the-person", "searching"],
)
async def test_search_says_it_cannot(make_app, history, unavailable, refused, query):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await home_ready(pilot)
        unavailable(refused)
        app.push_screen(SearchScreen(query))
        await said_calmly_and_running(pilot, SearchScreen)


async def test_the_person_picker_says_it_cannot_list_people(make_app, history, unavailable):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await home_ready(pilot)
        unavailable("list_people")
        app.action_open_person()
        await said_calmly_and_running(pilot, HomeScreen)


async def test_who_then_a_database_that_refuses_gets_the_calm_problem_screen(
    make_app, history, unavailable
):
    """`meet Nobody`: a adds them; the database refuses the new person."""
    from tui1on1.ui.dialogs.problem import ProblemScreen

    app = make_app("Nobody", new=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WhoScreen))
        unavailable("add_person")
        await pilot.press("a")
        await said_calmly_and_running(pilot, ProblemScreen)
        assert "Can't start the meeting" in screen_text(app)


async def test_a_meeting_that_cannot_start_goes_home_with_esc(make_app, ada, unavailable):
    """m on home while the database refuses: the problem screen says so, Esc
    goes home (where m tries again once the database answers), and the footer
    offers exactly the keys that work."""
    from tui1on1.ui.dialogs.problem import ProblemScreen
    from tui1on1.ui.screens.meeting import MeetingScreen

    app = make_app(meet=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await home_ready(pilot)
        unavailable("get_person", "start_meeting")
        await pilot.press("m")
        await said_calmly_and_running(pilot, ProblemScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "esc Home" in footer and "q Quit" in footer
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        unavailable.restore()
        await pilot.press("m")
        await wait_for(
            pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.model is not None
        )


async def test_a_meeting_that_cannot_start_from_the_command_line_quits_with_q(
    make_app, history, unavailable
):
    from tui1on1.ui.dialogs.problem import ProblemScreen

    app = make_app("Nobody", new=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WhoScreen))
        unavailable("add_person")
        await pilot.press("a")
        await said_calmly_and_running(pilot, ProblemScreen)
        assert "q Quit" in screen_text(app).splitlines()[-1]
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running)
    assert app.return_code == 1  # a database that can't be used exits 1


async def test_marking_an_action_done_says_it_was_not_marked(make_app, ada, unavailable):
    from textual.widgets import OptionList

    app = make_app(meet=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await home_ready(pilot)
        app.open_person(ada[0])
        await wait_for(
            pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep is not None
        )
        assert app.screen.prep.actions, "the history fixture gives Ada open actions"
        app.screen.set_focus(app.screen.query_one("#person-actions", OptionList))
        unavailable("set_action_status")
        await pilot.press("x")
        await said_calmly_and_running(pilot, PersonScreen)
        assert "Not marked done: " + SAID in screen_text(app)
        assert "Marked done." not in screen_text(app)
