"""After the 1:1, before sending the recap: `p` on a past meeting's note
keeps it out of the recap (or shares it), and the recap says so."""

from __future__ import annotations

from datetime import timedelta

from pilot_helpers import wait_for
from textual.widgets import OptionList

from tui1on1.cli import recap_gather
from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
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


async def test_a_past_meeting_lists_the_earlier_promises_as_they_stood_at_its_end(
    make_app, db_path, clock
):
    """Checked before sending: the earlier promises closed in that 1:1 (a
    reason for dropping one is the manager's own), those still open then, and
    the private one marked; a promise kept the day after isn't counted in it."""
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.add_person("Ada Lovelace")
    first_at, second_at = clock.now() - timedelta(weeks=2), clock.now() - timedelta(weeks=1)
    first, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=first_at)
    promised = (
        ("send the ladder doc", Owner.ME, None, False),
        ("review the RFC", Owner.THEM, None, False),
        ("talk to HR about the leave", Owner.ME, second_at.date() - timedelta(days=2), True),
    )
    for uid, (text, owner, due, private) in enumerate(promised):
        store.add_note(NewNote(uid=f"n{uid}", meeting_id=first.id, kind=NoteKind.ACTION,
                               text=text, created_at=first_at, action_owner=owner,
                               action_due=due, private=private))  # fmt: skip
    store.end_meeting(first.id, first_at + timedelta(minutes=30), summary="")
    second, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=second_at)
    ids = {a.text: a.id for a in store.list_actions()}
    during = second_at + timedelta(minutes=5)
    store.set_action_status(ids["send the ladder doc"], ActionStatus.DONE,
                            meeting_id=second.id, at=during)  # fmt: skip
    store.set_action_status(ids["review the RFC"], ActionStatus.DROPPED, meeting_id=second.id,
                            at=during, reason="the RFC was withdrawn")  # fmt: skip
    store.end_meeting(second.id, second_at + timedelta(minutes=30), summary="")
    store.set_action_status(ids["talk to HR about the leave"], ActionStatus.DONE,
                            meeting_id=None, at=second_at + timedelta(days=1))  # fmt: skip
    store.close()

    app = make_app(meet=None)
    async with app.run_test(size=(100, 50)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        app.push_screen(MeetingHistoryScreen(second.id))
        await wait_for(
            pilot, lambda: isinstance(app.screen, MeetingHistoryScreen) and app.screen.record
        )
        header = str(app.screen.query_one("#history-header").render())
        app.pop_screen()
        app.push_screen(MeetingHistoryScreen(first.id))
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, MeetingHistoryScreen)
                and app.screen.record
                and app.screen.record.meeting.id == first.id
            ),
        )
        made = str(app.screen.query_one("#history-header").render())
    # The first 1:1's own promises mark the private one as its earlier ones do.
    assert "  I'll    talk to HR about the leave  (done, due Wed 11 Nov)  ◘ private" in [
        line.rstrip() for line in made.splitlines()
    ], made
    lines = [line.rstrip() for line in header.splitlines()]
    start = lines.index("Earlier promises, as this 1:1 ended")
    assert lines[start:] == [
        "Earlier promises, as this 1:1 ended",
        "  Done since last time (1)",
        "    I'll    send the ladder doc",
        "  Dropped since last time (1)",
        "    They'll review the RFC  (the RFC was withdrawn)",
        "  Still open (1)",
        "    I'll    talk to HR about the leave  (was due Wed 11 Nov)  ◘ private",
    ]
