"""Home: `l` resumes the right live meeting (never a guess), an old one is not
resumed silently, the highlight stays on the person just dealt with, the
promise counts outlast the length trend, and 'no cadence' says why nothing is due."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pilot_helpers import meeting_ready, settle, wait_for
from screen_text import screen_lines, screen_text
from textual.command import CommandPalette
from textual.widgets import DataTable, Sparkline

from tui1on1.domain.kinds import MeetingStatus, NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.discard import DiscardScreen
from tui1on1.ui.dialogs.end import EndScreen
from tui1on1.ui.dialogs.leave import LeaveScreen
from tui1on1.ui.dialogs.old_live import OldLiveScreen
from tui1on1.ui.dialogs.summary import SummaryScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.meeting import MeetingScreen

WIDE = (130, 30)


@pytest.fixture
def people(db_path, clock):
    """Ada (weekly, no live 1:1), Grace (live since 08:30 today), Priya (live
    for 7 days, one note 10 minutes in), Zed (no cadence, one 36-second 1:1)."""
    store = Store.open(f"sqlite:///{db_path}")
    now = clock.now()
    ids = {}
    for name, cadence in (
        ("Ada Lovelace", "weekly"),
        ("Grace Okafor", "weekly"),
        ("Priya Raman", "weekly"),
        ("Zed Zimmer", None),
    ):
        ids[name] = store.add_person(name, cadence=cadence).id
    store.start_meeting(ids["Grace Okafor"], playbook="weekly", planned_minutes=30,
                        now=now - timedelta(minutes=30))  # fmt: skip
    week_ago = now - timedelta(days=7)
    old, _ = store.start_meeting(ids["Priya Raman"], playbook="weekly", planned_minutes=30,
                                 now=week_ago)  # fmt: skip
    store.add_note(
        NewNote(uid="p1", meeting_id=old.id, kind=NoteKind.NOTE, text="wants the platform team",
                created_at=week_ago + timedelta(minutes=40))
    )  # fmt: skip
    once, _ = store.start_meeting(ids["Zed Zimmer"], playbook="weekly", planned_minutes=30,
                                  now=now - timedelta(days=2))  # fmt: skip
    store.end_meeting(once.id, now - timedelta(days=2) + timedelta(seconds=36))
    store.close()
    return ids


async def at_home(pilot) -> HomeScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
    await pilot.pause()
    return app.screen


async def highlight(pilot, home: HomeScreen, name: str) -> None:
    table = home.query_one(DataTable)
    table.move_cursor(row=[r.person.name for r in home.rows].index(name))
    await pilot.pause()


def detail_line(app) -> str:
    """The line under the table: the highlighted person, their cadence, trend."""
    lines = [line for line in screen_lines(app) if "▌" not in line and "My promises" not in line]
    [line] = [line for line in lines if " · " in line]
    return line.strip()


async def test_the_banner_names_each_live_meeting_with_its_age(make_app, people):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        await at_home(pilot)
        assert (
            "Live now: Priya Raman (since Fri 13 Nov, 7 days ago), "
            "Grace Okafor (since 08:30 today). Press l to resume."
        ) in screen_text(app)


async def test_l_resumes_the_highlighted_persons_live_meeting(make_app, people):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        await highlight(pilot, home, "Grace Okafor")
        await pilot.press("l")
        screen = await meeting_ready(pilot)
        assert screen.model.person.name == "Grace Okafor"
        assert "Grace Okafor" in screen_text(app)


async def test_l_on_someone_without_a_live_meeting_asks_which(make_app, people):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        await highlight(pilot, home, "Ada Lovelace")
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "Resume which live 1:1?" in shown
        assert "Live since 08:30 today" in shown
        assert "Live since Fri 13 Nov, 7 days ago" in shown
        assert not any(isinstance(s, MeetingScreen) for s in app.screen_stack)
        await pilot.press(*"grace", "enter")
        screen = await meeting_ready(pilot)
        assert screen.model.person.name == "Grace Okafor"


async def test_an_old_live_meeting_asks_first_and_can_be_ended(make_app, people, clock):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        await highlight(pilot, home, "Priya Raman")
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, OldLiveScreen))
        await pilot.pause()
        shown = screen_text(app)
        assert "The 1:1 with Priya Raman has been live since Fri 13 Nov, 7 days ago." in shown
        assert "End it now (e)" in shown and "Resume (r)" in shown and "Cancel (esc)" in shown
        assert "Left running 7 days?" in shown  # the same count of days as the line above
        await pilot.press("e")
        ended = "Ended the 1:1 with Priya Raman (left running 7 days): recorded as 40 of 30 min."
        await wait_for(pilot, lambda: any(ended in str(n.message) for n in app._notifications))
        await settle(pilot)
        await wait_for(pilot, lambda: "Priya Raman (since" not in screen_text(app))
        assert isinstance(app.screen, HomeScreen)
        assert "Live now: Grace Okafor (since 08:30 today)." in screen_text(app)
        assert detail_line(app).startswith("Priya Raman ·")  # still highlighted
        [meeting] = app.services.store.meetings_for(people["Priya Raman"])
        assert meeting.status is MeetingStatus.ENDED
        # at its last note, not a week later
        assert meeting.ended_at == meeting.started_at + timedelta(minutes=40)
        assert meeting.summary == "40 of 30 min · 0 questions · 1 note · 0 actions"


async def test_an_old_live_meeting_can_still_be_resumed(make_app, people):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        await highlight(pilot, home, "Priya Raman")
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, OldLiveScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is home)
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, OldLiveScreen))
        await pilot.press("r")
        screen = await meeting_ready(pilot)
        assert screen.model.person.name == "Priya Raman"


@pytest.mark.slow
async def test_home_keeps_the_highlight_after_a_discard(make_app, people):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        await highlight(pilot, home, "Zed Zimmer")
        await pilot.press("m")
        await meeting_ready(pilot)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, LeaveScreen))
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DiscardScreen))
        await pilot.press("y")
        await at_home(pilot)
        assert detail_line(app).startswith("Zed Zimmer ·")
        assert app.screen.selected().person.name == "Zed Zimmer"


@pytest.mark.slow
async def test_home_keeps_the_highlight_after_ending_a_1on1(make_app, people):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        await highlight(pilot, home, "Zed Zimmer")
        await pilot.press("m")
        await meeting_ready(pilot)
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("enter")
        await at_home(pilot)
        assert detail_line(app).startswith("Zed Zimmer ·")


async def test_at_60_columns_the_promise_counts_outlast_the_trend(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=(60, 18)) as pilot:
        await at_home(pilot)
        [header] = [line for line in screen_lines(app) if "Name" in line]
        assert "Open me/them" in header
        assert "Lengths" not in header
        assert header.split() == ["▌", "Name", "Last", "1:1", "Next", "due", "Open", "me/them"]


async def test_no_trend_for_a_single_meeting_and_no_cadence_is_said(make_app, people):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        await highlight(pilot, home, "Zed Zimmer")
        [row] = [line for line in screen_lines(app) if "Zed Zimmer" in line and "▌" in line]
        assert "no cadence" in row  # the Next due column says why nothing is due
        # A report met once, never yet in a career conversation: one is due.
        assert detail_line(app) == (
            "Zed Zimmer · report · no cadence (e sets one) · career due: Career aspiration & why"
        )
        assert not home.query_one(Sparkline).display


async def test_the_trend_is_worded_from_two_meetings(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        assert home.selected().person.name == "Ada Lovelace"
        assert "· weekly · lengths 31 min" in detail_line(app)
        assert home.query_one(Sparkline).display


async def test_a_longer_name_is_drawn_whole_in_the_first_frame_that_shows_it(make_app, people):
    """The rows change (someone renamed, a longer name added) and a frame is
    drawn before the table next goes idle: the columns already have the new
    rows' widths. Left to measure itself, the table kept that frame's lines
    with the old widths, and a manager saw "Prit" and "Desi" until a key
    was pressed (seen once in a real terminal, after ending a 1:1)."""
    from dataclasses import replace

    app = make_app(meet=None)
    async with app.run_test(size=WIDE) as pilot:
        home = await at_home(pilot)
        longer = "Ada Lovelace-Okonkwo de la Cruz"
        rows = [
            replace(row, person=replace(row.person, name=longer))
            if row.person.name == "Ada Lovelace"
            else row
            for row in home.rows
        ]
        home._show(rows)
        first = screen_lines(app)  # a frame drawn before the table goes idle
        await pilot.pause()
        drawn = [
            next(line for line in lines if line.startswith("▌ Ada Lovelace"))
            for lines in (first, screen_lines(app))
        ]
        assert drawn[0] == drawn[1]  # the first frame is already the right one
        assert drawn[0].startswith("▌ Ada Lovelace-Okonkwo de la…  "), drawn[0]  # cut on purpose


async def test_a_short_terminal_keeps_people_in_view_under_a_long_detail(make_app, db_path, clock):
    """At 40x12 the words under the table about a long-named person with a
    long role wrap to five lines and more: the table used to be left with
    its header only, and no one in view. It keeps the header and three rows."""
    store = Store.open(f"sqlite:///{db_path}")
    for name, role in (
        ("Maximiliane Okonkwo-Bertrand", "Principal platform engineer, infrastructure"),
        ("Priya Raman", "Backend engineer"),
        ("Zed Zimmer", ""),
    ):
        person = store.add_person(name, role=role)
    # A live 1:1 puts its two-line banner above the table too.
    store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=clock.now())
    store.close()
    app = make_app(meet=None)
    async with app.run_test(size=(40, 12)) as pilot:
        await at_home(pilot)
        rows = [line for line in screen_lines(app) if line.startswith("▌ ")]
        assert [row.split("  ")[0] for row in rows] == [
            "▌ Name",
            "▌ Maximiliane Okonkwo-Bertrand",
            "▌ Priya Raman",
            "▌ Zed Zimmer",
        ]
        assert any("Maximiliane Okonkwo-Bertrand ·" in line for line in screen_lines(app))
