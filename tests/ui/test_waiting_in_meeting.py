"""What waits for a 1:1 is at the top of its notes pane: their talking points,
mine, the parked topics and open questions left from earlier meetings, then
the carried actions with my promises first; `x` deals with one (on disk at
once) and `x` again makes it wait; a resumed meeting shows the same."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pilot_helpers import meeting_ready, settle, wait_for
from screen_text import screen_lines

from cli_run import run
from tui1on1.cli import topic_command
from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store
from tui1on1.ui.widgets.notes import NotesList

SIZE = (110, 40)
NAME = "Priya Raman"
ORDER = [
    ("they want to talk about on-call", "their topic"),
    ("ask about the conference", "my topic"),
    ("promotion timeline", "parked"),
    ("which team after the reorg?", "open question"),
    ("send the ladder doc", "mine"),
    ("draft the RFC", "theirs"),
]


@pytest.fixture
def priya(db_path, clock):
    """Priya's 1:1 last week left a parked topic, an open question, my
    promise (due later) and theirs (due sooner)."""
    store = Store.open(f"sqlite:///{db_path}")
    person = store.add_person(NAME, role="Staff engineer")
    week_ago = clock.now() - timedelta(days=7)
    before, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=week_ago)
    for uid, kind, text, owner, due in (
        ("t", NoteKind.ACTION, "draft the RFC", Owner.THEM, date(2026, 11, 23)),
        ("m", NoteKind.ACTION, "send the ladder doc", Owner.ME, date(2026, 11, 27)),
        ("p", NoteKind.PARKED, "promotion timeline", None, None),
        ("q", NoteKind.QUESTION, "which team after the reorg?", None, None),
    ):
        store.add_note(NewNote(uid=uid, meeting_id=before.id, kind=kind, text=text,
                               created_at=week_ago + timedelta(minutes=5), action_owner=owner,
                               action_due=due))  # fmt: skip
    store.end_meeting(before.id, week_ago + timedelta(minutes=30), summary="good")
    store.close()
    return person


def _rows(app) -> list[str]:
    """The notes pane's lines that name something waiting or carried."""
    texts = [text for text, _label in ORDER]
    return [line for line in screen_lines(app) if any(t in line for t in texts)]


def _order(app) -> list[tuple[str, str]]:
    shown = []
    for line in _rows(app):
        for text, label in ORDER:
            if text in line:
                shown.append((text, label if f"{label}" in line.split(text, 1)[1] else "?"))
    return shown


async def test_topics_from_the_cli_wait_first_then_parked_questions_and_my_promises(
    make_app, priya, db_path, clock, capsys, monkeypatch
):
    monkeypatch.setattr(topic_command, "now", clock.now)
    url = f"sqlite:///{db_path}"
    assert run(capsys, "--db", url, "topic", "priya", "ask about the conference", "--mine")[0] == 0
    clock.advance(60)
    assert run(capsys, "--db", url, "topic", "priya", "they want to talk about on-call")[0] == 0
    clock.advance(timedelta(days=2).total_seconds())

    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: len(_rows(app)) == len(ORDER))
        assert _order(app) == ORDER
        first = _rows(app)[0]
        assert "20 Nov" in first and "»" in first  # the day it was jotted

        # Up into the notes, to the first row, x: dealt with, on disk at once.
        await pilot.press("up", "home", "x")
        await wait_for(pilot, lambda: "dealt with" in _rows(app)[0])
        assert "☑" in _rows(app)[0] and "their topic · dealt with" in _rows(app)[0]
        await settle(pilot)
        store = Store.open(url)
        try:
            assert [p.text for p in store.talking_points(priya.id)] == ["ask about the conference"]
        finally:
            store.close()

        # The parked topic too (a row further down), through the same path.
        await pilot.press("down", "down", "x")
        await wait_for(pilot, lambda: "parked · dealt with" in _rows(app)[2])
        await settle(pilot)

        # x again: the talking point waits again.
        await pilot.press("up", "up", "x")
        await wait_for(pilot, lambda: "dealt with" not in _rows(app)[0])
        await settle(pilot)
        notes = app.screen.query_one(NotesList)
        assert notes.has_focus
    app.exit()

    store = Store.open(url)
    try:
        assert [p.text for p in store.talking_points(priya.id)] == [
            "they want to talk about on-call",
            "ask about the conference",
        ]
        assert [n.text for n in store.open_topics(priya.id)] == ["which team after the reorg?"]
    finally:
        store.close()

    # Resumed after a quit: the same rows, the parked topic still ticked here.
    again = make_app(NAME)
    async with again.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: len(_rows(again)) == len(ORDER))
        assert _order(again) == ORDER
        assert "parked · dealt with" in _rows(again)[2]
        assert "dealt with" not in _rows(again)[0]


async def test_a_full_list_opens_at_their_topics_then_follows_what_is_typed(
    make_app, priya, db_path, clock, capsys, monkeypatch
):
    """At 80x24, with more waiting than the pane holds (their topic, mine, a
    parked topic, a question, eight promises), the meeting opens with their
    topic in view, not the newest carried action: the list used to open at
    its end and hide the very thing the first segment is for. Once a note is
    typed, the list follows the newest line again."""
    monkeypatch.setattr(topic_command, "now", clock.now)
    url = f"sqlite:///{db_path}"
    assert run(capsys, "--db", url, "topic", "priya", "they want to talk about on-call")[0] == 0
    assert run(capsys, "--db", url, "topic", "priya", "ask about the conference", "--mine")[0] == 0
    store = Store.open(url)
    try:
        last = store.meeting_before(priya.id, clock.now())
        assert last is not None
        for i in range(6):
            note = NewNote(uid=f"more{i}", meeting_id=last.id, kind=NoteKind.ACTION,
                           text=f"carried promise number {i}", created_at=last.started_at,
                           action_owner=Owner.THEM, action_due=date(2026, 12, 30))  # fmt: skip
            store.add_note(note)
    finally:
        store.close()
    clock.advance(timedelta(days=1).total_seconds())

    app = make_app(NAME)
    async with app.run_test(size=(80, 24)) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: "on-call" in "\n".join(screen_lines(app)))
        await settle(pilot)  # whatever scrolling follows the load has happened
        shown = "\n".join(screen_lines(app))
        assert "their topic" in shown
        assert "carried promise number 5" not in shown  # the end of the list waits below

        await pilot.press(*"she is tired of nights", "enter")
        await wait_for(pilot, lambda: "she is tired of nights" in "\n".join(screen_lines(app)))
        assert "they want to talk about on-call" not in "\n".join(screen_lines(app))


async def test_a_private_parked_topic_still_says_private_when_it_waits(
    make_app, priya, db_path, clock
):
    """A parked topic kept private last week (out of every recap) says so in
    the next 1:1 too, where it waits: it used to read `parked` only, and a
    manager couldn't tell whether it was still private. And after Up to
    look back, Esc returns to the newest lines typed."""
    store = Store.open(f"sqlite:///{db_path}")
    try:
        last = store.meeting_before(priya.id, clock.now())
        assert last is not None
        store.add_note(NewNote(uid="pay", meeting_id=last.id, kind=NoteKind.PARKED,
                               text="pay band and promotion", created_at=last.started_at,
                               private=True))  # fmt: skip
    finally:
        store.close()

    app = make_app(NAME)
    async with app.run_test(size=(80, 24)) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: any("pay band" in line for line in screen_lines(app)))
        [pay] = [line for line in screen_lines(app) if "pay band" in line]
        assert "parked · private" in pay
        [other] = [line for line in screen_lines(app) if "promotion timeline" in line]
        assert "private" not in other

        for i in range(8):
            await pilot.press(*f"line {i}", "enter")
        await wait_for(pilot, lambda: "line 7" in "\n".join(screen_lines(app)))
        await pilot.press(*["up"] * 14)
        await settle(pilot)
        assert "line 7" not in "\n".join(screen_lines(app))
        await pilot.press("escape")
        await settle(pilot)
        assert "line 7" in "\n".join(screen_lines(app))
