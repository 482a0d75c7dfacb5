"""After the 1:1, before sending the recap: `p` on a past meeting's note
keeps it out of the recap (or shares it), and the recap says so."""

from __future__ import annotations

from pilot_helpers import wait_for
from textual.widgets import OptionList

from tui1on1.cli import recap_gather
from tui1on1.storage.store import Store
from tui1on1.ui.screens.history import MeetingHistoryScreen
from tui1on1.ui.screens.home import HomeScreen

SIZE = (100, 34)


def _row(app, text: str) -> str:
    view = app.screen.query_one("#history-notes", OptionList)
    rows = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
    [row] = [r for r in rows if text in r]
    return row


async def _toggle(pilot, text: str, private: bool) -> None:
    app = pilot.app
    view = app.screen.query_one("#history-notes", OptionList)
    for index in range(view.option_count):
        if text in str(view.get_option_at_index(index).prompt):
            view.highlighted = index
    view.focus()
    await pilot.press("p")
    await wait_for(pilot, lambda: ("◘ private" in _row(app, text)) == private)


async def test_p_on_a_past_note_decides_what_the_recap_sends(
    make_app, history, db_path, cli, monkeypatch, clock
):
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.find_person("Ada Lovelace")
    [latest] = store.meetings_for(ada.id, limit=1)
    store.close()
    monkeypatch.setattr(recap_gather, "today", lambda: clock.now().date())
    url = f"sqlite:///{db_path}"
    before = cli("--db", url, "recap", "ada").stdout
    assert "wants to try leading the platform team" in before
    assert "For another time: compensation question 1" in before  # stored shared

    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        app.push_screen(MeetingHistoryScreen(latest.id))
        await wait_for(
            pilot, lambda: isinstance(app.screen, MeetingHistoryScreen) and app.screen.record
        )
        assert "◘ private" not in _row(app, "compensation question 1")
        assert "p private or shared" in str(app.screen.query_one("#history-notes-title").render())
        await _toggle(pilot, "compensation question 1", True)
        await _toggle(pilot, "wants to try leading", True)
        await _toggle(pilot, "wants to try leading", False)  # shared again
        await _toggle(pilot, "wants to try leading", True)

    after = cli("--db", url, "recap", "ada").stdout
    assert "wants to try leading the platform team" not in after
    assert "compensation question 1" not in after
    mine = cli("--db", url, "recap", "ada", "--all-notes").stdout
    assert "(private) wants to try leading the platform team" in mine
    assert "(private) For another time: compensation question 1" in mine
