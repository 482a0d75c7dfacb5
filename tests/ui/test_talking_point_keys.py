"""`r` on home (the highlighted person) and on the person screen adds a
talking point, theirs or mine (Tab); the person screen lists them first in
what waits for the next 1:1, theirs first, and `x` resolves one."""

from __future__ import annotations

from pilot_helpers import wait_for
from textual.widgets import DataTable, OptionList

from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.talking_point import TalkingPointScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.person import PersonScreen

SIZE = (100, 36)


def _topics(screen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one("#person-topics", OptionList).options]


async def _add(pilot, text: str, *, mine: bool = False) -> None:
    app = pilot.app
    await pilot.press("r")
    await wait_for(pilot, lambda: isinstance(app.screen, TalkingPointScreen))
    if mine:
        await pilot.press("tab")
    await pilot.press(*text)
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, TalkingPointScreen))


async def test_n_on_home_and_on_the_person_screen_keeps_a_point(make_app, history, db_path):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 2)
        await _add(pilot, "the offsite", mine=True)  # Ada is highlighted
        await wait_for(pilot, lambda: any("Your topic will wait at your next 1:1 with Ada "
                                          "Lovelace: the offsite" in str(n.message)
                                          for n in app._notifications))  # fmt: skip

        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        person = app.screen
        await _add(pilot, "on-call")
        await wait_for(pilot, lambda: any("on-call" in t for t in _topics(person)))
        topics = _topics(person)
        assert "on-call" in topics[0] and "their topic" in topics[0]
        assert "the offsite" in topics[1] and "my topic" in topics[1]
        assert len(topics) == 4  # and the parked topic and open question of the history

        view = person.query_one("#person-topics", OptionList)
        view.focus()
        view.highlighted = 0
        await pilot.press("x")
        await wait_for(pilot, lambda: len(_topics(person)) == 3)
        assert "the offsite" in _topics(person)[0]

    store = Store.open(f"sqlite:///{db_path}")
    try:
        ada = store.find_person("Ada Lovelace")
        assert [(p.text, p.mine) for p in store.talking_points(ada.id)] == [("the offsite", True)]
    finally:
        store.close()
