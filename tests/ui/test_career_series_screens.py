"""The playbook a 1:1 opens on, and the career series on the person screen
and home, with Pilot: what the manager sees."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from pilot_helpers import meeting_ready, settle, wait_for
from screen_text import screen_text
from textual.widgets import DataTable

from tui1on1.questions import load_playbooks
from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.end import EndScreen
from tui1on1.ui.dialogs.summary import SummaryScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.person import PersonScreen

SIZE = (130, 34)
PLAYBOOKS, _ = load_playbooks()


def strip(slug: str) -> str:
    """The segment strip a playbook shows on the meeting screen."""
    return " › ".join(segment.title for segment in PLAYBOOKS[slug].segments)


def flat(app) -> str:
    """The screen's text with its line breaks and runs of spaces folded."""
    return re.sub(r"\s+", " ", screen_text(app))


async def end_meeting(pilot) -> None:
    await pilot.press("ctrl+o")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, EndScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen))
    await settle(pilot)


@pytest.mark.slow
async def test_a_first_1on1_opens_as_one_and_the_next_on_the_weekly(make_app, clock, db_path):
    app = make_app("Priya Raman")  # as `tui1on1 meet "Priya Raman" --new`
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        assert strip("first") in flat(app)
        assert strip("weekly") not in flat(app)
        clock.advance(30 * 60)
        await end_meeting(pilot)

    clock.advance(7 * 24 * 3600)
    app = make_app("Priya Raman")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        assert strip("weekly") in flat(app)
        assert strip("first") not in flat(app)
    store = Store.open(f"sqlite:///{db_path}")
    priya = store.match_person("priya").person
    assert priya is not None
    assert [m.playbook for m in store.meetings_for(priya.id)] == ["weekly", "first"]
    store.close()


@pytest.fixture
def strengths_seven_weeks_ago(db_path, clock):
    """Ada, a report: a strengths review 7 weeks ago, then weeklies with no
    career question; Bob, a peer, met as often."""
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.add_person("Ada Lovelace", role="Staff engineer", cadence="weekly")
    bob = store.add_person("Bob Ross", relationship="peer")
    for person in (ada, bob):
        for weeks, playbook in ((7, "strengths"), (5, "weekly"), (2, "weekly")):
            start = clock.now() - timedelta(weeks=weeks)
            meeting, _ = store.start_meeting(
                person.id, playbook=playbook, planned_minutes=30, now=start
            )
            store.end_meeting(meeting.id, start + timedelta(minutes=30))
    store.close()
    return ada.id, bob.id


@pytest.mark.slow
async def test_a_career_conversation_due_after_seven_weeks_and_s_starts_it(
    make_app, strengths_seven_weeks_ago, db_path
):
    ada_id, bob_id = strengths_seven_weeks_ago
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 2)
        await wait_for(pilot, lambda: "career due" in flat(app))
        assert "Ada Lovelace · Staff engineer · report · weekly" in flat(app)
        assert "· career due: Growth plan to action" in flat(app)
        await pilot.press("down")  # Bob, a peer: no series
        await wait_for(pilot, lambda: "Bob Ross · peer" in flat(app))
        assert "career" not in flat(app)

        app.open_person(bob_id)
        await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
        await wait_for(pilot, lambda: "Bob Ross peer Career thread" in flat(app))
        await settle(pilot)
        assert "career conversation" not in flat(app).lower()
        await pilot.press("escape")

        app.open_person(ada_id)
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, PersonScreen)
                and app.screen.prep
                and app.screen.prep.person.id == ada_id
            ),
        )
        # The header grows to two lines a frame after its text is set: wait for it.
        await wait_for(
            pilot,
            lambda: (
                (
                    "Career conversation due: Growth plan to action — the last was 7 weeks ago "
                    "(Strengths review, 2 Oct) (s starts it)"
                )
                in flat(app)
            ),
        )
        await pilot.press("s")
        screen = await meeting_ready(pilot)
        assert strip("growth-plan") in flat(app)
        assert screen.model.meeting.playbook == "growth-plan"
