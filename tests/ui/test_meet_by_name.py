"""`meet NAME` in the app: the one name rule, the who-is-it screen, and the
person picker that puts the rule's matches first."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, wait_for
from textual.command import CommandPalette
from textual.widgets import OptionList, Static

from tui1on1.storage.store import Store
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.person import PersonScreen
from tui1on1.ui.screens.who import WhoScreen

SIZE = (100, 30)


def people_on_file(db_path) -> list[str]:
    store = Store.open(f"sqlite:///{db_path}")
    try:
        return [p.name for p in store.list_people(include_archived=True)]
    finally:
        store.close()


def add(db_path, *names: str, archived: bool = False) -> None:
    store = Store.open(f"sqlite:///{db_path}")
    try:
        for name in names:
            person = store.add_person(name, role="Engineer")
            if archived:
                store.update_person(person.id, archived=True)
    finally:
        store.close()


async def who_ready(pilot) -> WhoScreen:
    """The who-is-it screen is up, drawn, and its list (if any) has the focus."""
    app = pilot.app

    def ready() -> bool:
        screen = app.screen
        if not isinstance(screen, WhoScreen) or not screen.query("#who-hint"):
            return False
        return not screen.problem.candidates or screen.query_one(OptionList).has_focus

    await wait_for(pilot, ready)
    return app.screen


def who_text(screen: WhoScreen) -> str:
    return " ".join(str(w.render()) for w in screen.query(Static))


async def test_a_start_of_the_name_opens_their_meeting_with_the_full_name(
    make_app, history, db_path
):
    app = make_app(meet="lovel", new=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        assert screen.model.person.name == "Ada Lovelace"
        assert screen.title == "Ada Lovelace"  # not "lovel"
        # Her promises from earlier meetings are carried in: it is her 1:1.
        assert "intro to Sam week 1" in " ".join(
            str(o.prompt) for o in screen.query_one("#notes", OptionList).options
        )
    assert people_on_file(db_path) == ["Ada Lovelace", "Bob Ross"]


async def test_several_people_the_first_highlighted_enter_starts_the_chosen(
    make_app, history, db_path
):
    add(db_path, "Alan Kay", archived=True)
    app = make_app(meet="a", new=False)
    async with app.run_test(size=SIZE) as pilot:
        who = await who_ready(pilot)
        assert "'a' could be several people" in who_text(who)
        candidates = who.query_one(OptionList)
        assert [str(o.prompt) for o in candidates.options] == [
            "Ada Lovelace  Staff engineer",
            "Alan Kay  Engineer · archived",
        ]
        assert candidates.highlighted == 0 and candidates.has_focus
        await pilot.press("a")  # adding is only for a name that is no one's
        await pilot.press("down", "enter")
        screen = await meeting_ready(pilot)
        assert screen.model.person.name == "Alan Kay"
    assert people_on_file(db_path) == ["Ada Lovelace", "Alan Kay", "Bob Ross"]


async def test_a_name_nobody_has_adds_no_one_until_a_is_pressed(make_app, history, db_path):
    app = make_app(meet="Grace Hopper", new=False)
    async with app.run_test(size=SIZE) as pilot:
        await who_ready(pilot)
        assert "There is no one called Grace Hopper" in who_text(app.screen)
        assert 'tui1on1 meet "Grace Hopper" --new' in who_text(app.screen)
        await pilot.press("enter")  # Enter never adds anyone
        await pilot.pause(0.2)
        assert isinstance(app.screen, WhoScreen)
        assert people_on_file(db_path) == ["Ada Lovelace", "Bob Ross"]
        await pilot.press("a")
        screen = await meeting_ready(pilot)
        assert screen.model.person.name == "Grace Hopper"
    assert people_on_file(db_path) == ["Ada Lovelace", "Bob Ross", "Grace Hopper"]


async def test_leaving_the_who_screen_exits_2_with_the_same_line(make_app, history, db_path):
    app = make_app(meet="Nobody", new=False)
    async with app.run_test(size=SIZE) as pilot:
        await who_ready(pilot)
        await pilot.press("ctrl+q")
    assert app.return_value == 2  # what `tui1on1 meet` exits with
    assert app.open_error == (
        'there is no one called Nobody; to add them, run: tui1on1 meet "Nobody" --new'
    )
    assert people_on_file(db_path) == ["Ada Lovelace", "Bob Ross"]


async def test_new_for_a_name_on_file_offers_that_person(make_app, history, db_path):
    app = make_app(meet="ada lovelace", new=True)
    async with app.run_test(size=SIZE) as pilot:
        await who_ready(pilot)
        assert "Ada Lovelace is already on file" in who_text(app.screen)
        await pilot.press("enter")
        screen = await meeting_ready(pilot)
        assert screen.model.person.name == "Ada Lovelace"
    assert people_on_file(db_path) == ["Ada Lovelace", "Bob Ross"]


async def test_a_request_with_a_person_id_needs_no_name_match(make_app, history, db_path):
    add(db_path, "Adam Smith")  # "Ada" alone would be ambiguous: the id decides
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.find_person("Ada Lovelace")
    store.close()
    app = make_app(meet="Ada", person_id=ada.id)
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        assert screen.model.person.id == ada.id


def palette_names(app) -> list[str]:
    from textual.command import CommandList

    found = app.screen.query_one(CommandList)
    return [
        str(found.get_option_at_index(i).prompt).split("\n")[0] for i in range(found.option_count)
    ]


@pytest.mark.slow
async def test_the_person_picker_puts_the_rules_matches_first(make_app, history, db_path):
    add(db_path, "Zoë Müller", "Mark Lou", "Carl Olsen")
    add(db_path, "Alan Kay", archived=True)
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        app.action_open_person()
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"mull")  # no accent typed: a fuzzy search alone finds no one
        await wait_for(pilot, lambda: palette_names(app) == ["Zoë Müller"])
        await pilot.press(*["backspace"] * 4, *"lo")
        # The rule: "Lou" and "Lovelace" start with "lo" (sorted by name);
        # then the looser fuzzy matches.
        await wait_for(pilot, lambda: palette_names(app)[:2] == ["Ada Lovelace", "Mark Lou"])
        assert palette_names(app)[2:] == ["Carl Olsen"]  # "carL Olsen": fuzzy, after
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        assert app.screen.prep.person.name == "Ada Lovelace"
