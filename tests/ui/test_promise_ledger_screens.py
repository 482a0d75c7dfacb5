"""The promise ledger outside the meeting, as the manager uses it: home's
line, the all-actions screen (p), the action dialog's changes and the
person screen's promises, on a faked 20 Nov 2026 with a month of history."""

from __future__ import annotations

from datetime import date

import pytest
from ledger_history import make_ledger
from pilot_helpers import wait_for
from screen_text import screen_text
from textual.widgets import Input, OptionList

from tui1on1.domain.kinds import ActionChange, ActionStatus, Owner
from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.action_change import ActionChangeScreen
from tui1on1.ui.screens.actions import ActionsScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.person import PersonScreen

SIZE = (100, 30)


@pytest.fixture
def ledger(db_path, clock):
    return make_ledger(db_path, clock.now())


def rows(app, selector: str = "#actions-list") -> list[str]:
    view = app.screen.query_one(selector, OptionList)
    return [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]


def row_of(app, action_id: int, selector: str = "#actions-list") -> str:
    view = app.screen.query_one(selector, OptionList)
    index = view.get_option_index(f"action-{action_id}")
    return str(view.get_option_at_index(index).prompt)


async def open_actions(pilot):
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
    await wait_for(pilot, lambda: "My promises" in screen_text(app))
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(app.screen, ActionsScreen) and app.screen.ledger)
    return app.screen


async def open_dialog(pilot, action_id: int, selector: str = "#actions-list"):
    app = pilot.app
    view = app.screen.query_one(selector, OptionList)
    view.focus()
    view.highlighted = view.get_option_index(f"action-{action_id}")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ActionChangeScreen))
    return app.screen


async def answer(pilot, text: str) -> None:
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")


def history(db_path, action_id: int):
    store = Store.open(f"sqlite:///{db_path}")
    try:
        return store.get_action(action_id), store.action_history([action_id])[action_id]
    finally:
        store.close()


async def test_reschedule_an_overdue_promise_of_mine_from_home(make_app, ledger, db_path):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_actions(pilot)
        text = screen_text(app)
        assert "Actions, mine and theirs" in text
        listed = rows(app)
        # Mine first (overdue first), then theirs; open ones only at first.
        assert listed[0].startswith("Mine") and "Theirs" in listed[3]
        assert "send Ada the promotion packet" in listed[1] and "overdue 10 days" in listed[1]
        assert "share the hiring plan" in listed[2] and "Bob Ross" in listed[2]
        assert "draft the RFC" in listed[4]

        dialog = await open_dialog(pilot, ledger.overdue)
        shown = screen_text(app)
        assert "send Ada the promotion packet" in shown and "overdue 10 days" in shown
        assert "Ada Lovelace · promised in the 1:1 of Fri 30 Oct 2026" in shown
        await pilot.press("r")
        await answer(pilot, "+1w")
        await wait_for(pilot, lambda: app.screen is screen)
        await wait_for(pilot, lambda: "due Fri 27 Nov" in row_of(app, ledger.overdue))
        assert dialog.asking is not None

        await open_dialog(pilot, ledger.overdue)
        shown = screen_text(app)
        assert "Action 1 · mine · due Fri 27 Nov" in shown
        assert "30 Oct · promised in the 1:1" in shown
        assert "20 Nov · rescheduled: Tue 10 Nov → Fri 27 Nov" in shown
    action, events = history(db_path, ledger.overdue)
    assert str(action.due) == "2026-11-27"
    assert [(e.change, e.before, e.after) for e in events] == [
        (ActionChange.DUE, "2026-11-10", "2026-11-27")
    ]


async def test_a_bad_date_is_refused_in_the_dialog_and_nothing_changes(make_app, ledger, db_path):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        dialog = await open_dialog(pilot, ledger.overdue)
        await pilot.press("r")
        await answer(pilot, "5/12")
        await pilot.pause(0.1)
        assert app.screen is dialog
        text = screen_text(app)
        assert "could be read more than one way" in text
        await answer(pilot, "next friday")
        await pilot.pause(0.1)
        assert "couldn't read the due date" in screen_text(app).lower()
        await pilot.press("escape")  # leaves the line, not the dialog
        assert app.screen is dialog and dialog.asking is None
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionsScreen))
    action, events = history(db_path, ledger.overdue)
    assert str(action.due) == "2026-11-10" and events == []


async def test_drop_with_a_reason_then_see_it_among_all(make_app, ledger, db_path):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await open_dialog(pilot, ledger.open_mine)
        await pilot.press("d")
        await answer(pilot, "Bob found the plan on the wiki")
        await wait_for(pilot, lambda: not any("hiring plan" in r for r in rows(app)))
        await pilot.press("o")  # open, done and dropped
        await wait_for(pilot, lambda: any("hiring plan" in r for r in rows(app)))
        assert row_of(app, ledger.open_mine).endswith("dropped 20 Nov")
        assert "open, done and dropped" in screen_text(app)
        await open_dialog(pilot, ledger.open_mine)
        assert "20 Nov · dropped: Bob found the plan on the wiki" in screen_text(app)
    action, events = history(db_path, ledger.open_mine)
    assert action.status is ActionStatus.DROPPED
    assert [(e.change, e.reason) for e in events] == [
        (ActionChange.DROPPED, "Bob found the plan on the wiki")
    ]


async def test_reassign_reword_and_mark_done(make_app, ledger, db_path):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await open_dialog(pilot, ledger.theirs)
        assert "m make mine · e edit" in screen_text(app)
        await pilot.press("m")
        # Now mine: it moves up, under "Mine", above the heading for theirs.
        await wait_for(pilot, lambda: not any(r.startswith("Theirs") for r in rows(app)))
        assert rows(app)[0] == "Mine: I promised (3)"

        await open_dialog(pilot, ledger.theirs)
        await pilot.press("e")
        assert app.screen.query_one(Input).value == "draft the RFC for the importer"
        await pilot.press("backspace")  # edits the end, doesn't wipe the words
        assert app.screen.query_one(Input).value == "draft the RFC for the importe"
        # Read as the notes pane reads an action: a date at the end reschedules.
        await answer(pilot, "review the RFC for the importer @+1w")
        await wait_for(pilot, lambda: "review the RFC" in row_of(app, ledger.theirs))
        assert "@+1w" not in row_of(app, ledger.theirs)

        await open_dialog(pilot, ledger.theirs)
        await pilot.press("x")
        await wait_for(pilot, lambda: not any("review the RFC" in r for r in rows(app)))
    action, events = history(db_path, ledger.theirs)
    assert action.owner is Owner.ME and action.status is ActionStatus.DONE
    assert action.text == "review the RFC for the importer"
    assert [e.change for e in events] == [
        ActionChange.OWNER,
        ActionChange.TEXT,
        ActionChange.DUE,
        ActionChange.DONE,
    ]
    assert action.due == date(2026, 11, 27)  # a week after 20 Nov


async def test_filters_whose_and_person(make_app, ledger):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await pilot.press("w")  # only mine
        await wait_for(pilot, lambda: not any("draft the RFC" in r for r in rows(app)))
        assert "Showing open only · mine · everyone" in screen_text(app)
        await pilot.press("w")  # only theirs
        await wait_for(pilot, lambda: rows(app)[0].startswith("Theirs"))
        assert len(rows(app)) == 2
        await pilot.press("w")  # both again
        await pilot.press("f")
        await pilot.press(*"bob")
        await wait_for(pilot, lambda: "Bob Ross" in screen_text(app))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.person_id == ledger.bob)
        listed = rows(app)
        assert len(listed) == 2 and "share the hiring plan" in listed[1]
        assert "Actions, mine and theirs · Bob Ross" in screen_text(app)
        await pilot.press("w", "w")  # only theirs: Bob has none
        await wait_for(pilot, lambda: "Nothing open here" in screen_text(app))


async def test_the_person_screen_lists_their_promises_and_how_i_kept_mine(
    make_app, ledger, db_path
):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        app.open_person(ledger.ada)
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        listed = rows(app, "#person-actions")
        assert len(listed) == 2  # open ones only: mine, then theirs
        assert listed[0].startswith(f"I'll       {ledger.overdue}  send Ada the promotion packet")
        assert "promotion packet" in listed[0] and listed[0].endswith("overdue 10 days")
        assert listed[1].startswith("They'll ") and "due Wed 25 Nov" in listed[1]
        sentence = str(app.screen.query_one("#person-promises").render())
        # Kept one (done early), one late, one overdue; the dropped one apart.
        assert sentence == (
            "Kept 1 of 3 promises on time in the last 90 days (33%)"
            " · 1 late · 1 overdue · 1 dropped"
        )

        await open_dialog(pilot, ledger.overdue, "#person-actions")
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen))
        await wait_for(
            pilot, lambda: not any("promotion" in r for r in rows(app, "#person-actions"))
        )
        # Done today, ten days after its date: late, no longer overdue.
        assert str(app.screen.query_one("#person-promises").render()) == (
            "Kept 1 of 3 promises on time in the last 90 days (33%) · 2 late · 1 dropped"
        )


async def test_home_says_how_i_keep_my_word_and_p_lists_every_action(make_app, ledger):
    app = make_app(meet=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await wait_for(pilot, lambda: "My promises" in screen_text(app))
        lines = screen_text(app).splitlines()
        line = next(x for x in lines if "My promises" in x)
        assert line.strip() == (
            "My promises kept on time (90 days): 33% · 1 overdue  (p: actions · t: team)"
        )


async def test_home_before_any_promise(make_app, db_path):
    Store.open(f"sqlite:///{db_path}").add_person("Ada Lovelace")
    app = make_app(meet=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "(90 days): nothing due" in screen_text(app))
        await pilot.press("p")
        await wait_for(pilot, lambda: "No actions yet" in screen_text(app))
        said = " ".join(screen_text(app).replace("▊", " ").replace("▎", " ").split())
        assert "a line starting with ! is a promise of theirs, !me one of yours" in said
        assert "None of your promises came due in the last 90 days" in said


async def test_during_a_live_1on1_its_promises_are_changed_in_the_meeting(
    make_app, ledger, db_path
):
    """The Actions screen opened over Ada's live 1:1 (the palette) lists her
    promises but sends a change to the meeting, which would otherwise go on
    showing the old one; Bob's can be changed there."""
    from pilot_helpers import meeting_ready

    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        app.action_open_actions()
        await wait_for(pilot, lambda: isinstance(app.screen, ActionsScreen) and app.screen.ledger)
        view = app.screen.query_one("#actions-list", OptionList)
        view.focus()
        view.highlighted = view.get_option_index(f"action-{ledger.overdue}")
        await pilot.press("enter")
        said = "The 1:1 with Ada Lovelace is going on: change this promise there"
        await wait_for(pilot, lambda: any(said in str(n.message) for n in app._notifications))
        assert isinstance(app.screen, ActionsScreen)
        await open_dialog(pilot, ledger.open_mine)  # Bob's: no meeting with him now
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionsScreen))
    assert history(db_path, ledger.overdue)[1] == []
    assert history(db_path, ledger.open_mine)[0].status is ActionStatus.DONE


async def test_a_private_promise_is_marked_wherever_it_is_listed(make_app, ledger, db_path):
    """Before a recap goes out, the manager sees which promises stay out of it."""
    store = Store.open(f"sqlite:///{db_path}")
    try:
        note_id = store.get_action(ledger.overdue).note_id
        store.set_note_private(note_id, True)
    finally:
        store.close()
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        assert "◘ send Ada the promotion packet" in row_of(app, ledger.overdue)
        assert "◘" not in row_of(app, ledger.theirs)
        await open_dialog(pilot, ledger.overdue)
        title = str(app.screen.query_one("#action-title").render())
        assert title.endswith("· ◘ private")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionsScreen))
        app.open_person(ledger.ada)
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        listed = rows(app, "#person-actions")
        assert "◘ send Ada the promotion packet" in listed[0]
        assert "◘" not in listed[1]


async def test_an_action_whose_note_was_deleted_is_not_among_all(make_app, ledger, db_path, clock):
    """Typed by mistake and deleted: no one dropped it, so 'open, done and
    dropped' doesn't list it."""
    store = Store.open(f"sqlite:///{db_path}")
    try:
        action = store.get_action(ledger.open_mine)
        assert action.note_id is not None
        store.delete_note(action.note_id, at=clock.now())
    finally:
        store.close()
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await pilot.press("o")  # open, done and dropped
        await wait_for(pilot, lambda: "open, done and dropped" in screen_text(app))
        await pilot.pause()
        assert rows(app) and not any("hiring plan" in r for r in rows(app))


async def test_edit_in_the_dialog_takes_a_prefix_and_refuses_what_words_cant_change(
    make_app, ledger, db_path
):
    """`e` reads the words as `tui1on1 actions edit` does: '! …' is fine on
    their promise, '!me …' or '//' would change whose it is or who sees it,
    so the dialog says which key does that and changes nothing."""
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        dialog = await open_dialog(pilot, ledger.theirs)
        await pilot.press("e")
        await answer(pilot, "!me // draft the RFC for the importer")
        await pilot.pause(0.1)
        assert app.screen is dialog
        assert "'!me' would make it mine: m makes it mine. Nothing changed." in screen_text(app)
        await answer(pilot, "! // draft the RFC for the importer")
        await pilot.pause(0.1)
        assert "'//' would make it private: p on its note in its 1:1's page does that" in (
            " ".join(screen_text(app).split())
        )
        await answer(pilot, "! draft the RFC for the importer, v2")
        await wait_for(pilot, lambda: "v2" in row_of(app, ledger.theirs))
        assert "! draft" not in row_of(app, ledger.theirs)  # the prefix isn't kept as text
    action, events = history(db_path, ledger.theirs)
    assert action.text == "draft the RFC for the importer, v2"
    assert action.owner is Owner.THEM
    assert [e.change for e in events] == [ActionChange.TEXT]


async def test_a_late_promise_cant_be_handed_over_to_mend_the_rate(make_app, ledger, db_path):
    """On a closed promise the dialog offers only open again and edit: m and
    r do nothing, and a date typed in its new words is refused."""
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await pilot.press("o")  # open, done and dropped
        await wait_for(pilot, lambda: any("done" in r for r in rows(app)))
        dialog = await open_dialog(pilot, ledger.late)
        assert "o open again · e edit" in screen_text(app)
        assert "make theirs" not in screen_text(app)
        assert "In the kept-promise rate: late: missed" in screen_text(app)
        await pilot.press("m", "r")
        await pilot.pause(0.1)
        assert app.screen is dialog and dialog.asking is None
        await pilot.press("e")
        await answer(pilot, dialog.action.text + " @fri")
        await pilot.pause(0.1)
        said = str(dialog.query_one("#action-error").render())
        assert said == (
            "It is done: its due date stays as it was when it closed. "
            "o opens it again to change it."
        )
    action, events = history(db_path, ledger.late)
    assert action.owner is Owner.ME and [e.change for e in events] == [ActionChange.DONE]
