"""Promises in the live meeting: the carried actions in the order to report
on them (mine first, each side overdue first), every action's date in
words, a typed date that wasn't read warned on the row itself (also after a
resume), private notes (by kind, by `//`, by `p`), and `e` reading the whole
line again, on this meeting's notes and on carried actions alike."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pilot_helpers import meeting_ready, settle, type_line, wait_for
from screen_text import screen_lines

from tui1on1.domain.kinds import ActionChange, ActionStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store
from tui1on1.ui.widgets.notes import NoteInput, NotesList

SIZE = (120, 40)
NAME = "Priya Raman"
# T0 is Friday 20 November 2026.
CARRIED = (
    ("t-late", "review the RFC", Owner.THEM, date(2026, 11, 6)),
    ("m-none", "ask finance about the budget", Owner.ME, None),
    ("t-soon", "book the offsite room", Owner.THEM, date(2026, 11, 24)),
    ("m-soon", "send the ladder doc", Owner.ME, date(2026, 11, 27)),
    ("m-late", "intro to Sam from platform", Owner.ME, date(2026, 11, 17)),
)


@pytest.fixture
def priya(db_path, clock):
    """Priya's 1:1 three weeks ago left five open actions, hers and mine,
    some overdue, one with no date."""
    store = Store.open(f"sqlite:///{db_path}")
    person = store.add_person(NAME, role="Staff engineer")
    then = clock.now() - timedelta(weeks=3)
    before, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=then)
    for uid, text, owner, due in CARRIED:
        store.add_note(NewNote(uid=uid, meeting_id=before.id, kind=NoteKind.ACTION, text=text,
                               created_at=then + timedelta(minutes=5), action_owner=owner,
                               action_due=due))  # fmt: skip
    store.end_meeting(before.id, then + timedelta(minutes=30), summary="good")
    store.close()
    return person


def _line(app, text: str, count: int = 1) -> str:
    """The screen line that shows ``text`` (``count``: and the lines under it)."""
    lines = screen_lines(app)
    for index, line in enumerate(lines):
        if text in line:
            return "\n".join(lines[index : index + count])
    return ""


def _actions(db_path) -> dict[str, tuple[Owner, date | None, ActionStatus]]:
    store = Store.open(f"sqlite:///{db_path}")
    try:
        return {a.text: (a.owner, a.due, a.status) for a in store.list_actions()}
    finally:
        store.close()


def _notes(db_path) -> dict[str, tuple[NoteKind, bool]]:
    """The live meeting's notes: kind and privacy, by text."""
    store = Store.open(f"sqlite:///{db_path}")
    try:
        (meeting,) = store.live_meetings()
        return {n.text: (n.kind, n.private) for n in store.list_notes(meeting.id)}
    finally:
        store.close()


def _last_said(app) -> str:
    return list(app._notifications)[-1].message


async def _select(pilot, text: str) -> None:
    """Up into the notes, then to the row showing ``text``."""
    app = pilot.app
    notes = app.screen.query_one(NotesList)
    await pilot.press("up")
    keys = [option.id for option in notes.options]
    rows = app.screen.notes.rows()
    index = next(i for i, row in enumerate(rows) if row.text == text)
    notes.highlighted = keys.index(rows[index].key)
    await pilot.pause()


async def _edit(pilot, text: str, line: str) -> str:
    """e on the row showing ``text``, then ``line`` typed over it and Enter;
    returns what the input offered to edit."""
    await _select(pilot, text)
    await pilot.press("e")
    offered = pilot.app.screen.query_one(NoteInput).value
    await type_line(pilot, line)
    return offered


async def test_carried_actions_are_mine_first_each_side_overdue_first_in_words(make_app, priya):
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(app, "review the RFC"))
        lines = [line for line in screen_lines(app) if any(t in line for _, t, _, _ in CARRIED)]
        assert [next(t for _, t, _, _ in CARRIED if t in line) for line in lines] == [
            "intro to Sam from platform",
            "send the ladder doc",
            "ask finance about the budget",
            "review the RFC",
            "book the offsite room",
        ]
        assert "mine · overdue 3 days" in lines[0]
        assert "mine · due Fri 27 Nov" in lines[1]
        assert "mine · no due date" in lines[2]
        assert "theirs · overdue 2 weeks" in lines[3]
        assert "theirs · due Tue 24 Nov" in lines[4]


async def test_a_date_before_a_tag_is_read_and_a_date_in_words_is_warned_on_the_row(
    make_app, db_path
):
    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "! draft a proposal @+2w #plan")
        await type_line(pilot, "! send it by friday")
        await settle(pilot)
        assert "theirs · due Fri 4 Dec" in _line(app, "draft a proposal #plan")
        row = _line(app, "send it by friday", 2)
        assert "theirs · no due date" in row
        assert 'no due date: "by friday"' in row and "@fri" in row
    assert _actions(db_path)["draft a proposal #plan"][1] == date(2026, 12, 4)
    assert _actions(db_path)["send it by friday"][1] is None

    again = make_app("Ada Lovelace")  # resumed: the warning comes from the stored text
    async with again.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(again, "send it by friday"))
        assert 'no due date: "by friday"' in _line(again, "send it by friday", 2)
        assert "due Fri 4 Dec" in _line(again, "draft a proposal #plan")


async def test_a_carried_action_s_date_words_are_read_as_of_the_day_it_was_written(
    make_app, db_path, clock
):
    """Typed on Mon 9 Nov, "by fri" was Fri 13 Nov and "in 2 weeks" Mon 23
    Nov: a week and a half later the rows say so, not next Friday."""
    store = Store.open(f"sqlite:///{db_path}")
    person = store.add_person(NAME)
    then = clock.now() - timedelta(days=11)  # Mon 9 Nov 2026
    before, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=then)
    for uid, text in (("t1", "send me your thesis by fri"), ("t2", "draft it in 2 weeks")):
        made = then + timedelta(minutes=5)
        store.add_note(NewNote(uid=uid, meeting_id=before.id, kind=NoteKind.ACTION, text=text,
                               created_at=made, action_owner=Owner.THEM))  # fmt: skip
    store.end_meeting(before.id, then + timedelta(minutes=30))
    store.close()

    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(app, "send me your thesis by fri"))
        warnings = {row.text: row.warning for row in app.screen.notes.rows()}
        assert warnings["send me your thesis by fri"] == (
            'no due date: "by fri" meant Fri 13 Nov (written Mon 9 Nov), now gone by'
            " — write a new date in its place, like @fri or @dec-4"
        )
        assert warnings["draft it in 2 weeks"] == (
            'no due date: "in 2 weeks" (written Mon 9 Nov) isn\'t read as one'
            " — write @nov-23 (Mon 23 Nov) in its place to set it"
        )
        assert "meant Fri 13 Nov (written Mon 9 Nov)" in _line(app, "your thesis by fri", 2)
        assert "@nov-23 (Mon 23 Nov)" in _line(app, "draft it in 2 weeks", 3)


async def test_concerns_are_private_by_default_and_p_shares_or_hides_a_note(make_app, db_path):
    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "- worried about burnout")
        await type_line(pilot, "+ shipped the migration")
        await type_line(pilot, "// thinking of moving her to platform")
        await settle(pilot)
        assert "concern · private" in _line(app, "worried about burnout")
        assert "◘" in _line(app, "worried about burnout")
        assert "private" not in _line(app, "shipped the migration")
        assert "private" in _line(app, "thinking of moving her to platform")

        await _select(pilot, "shipped the migration")
        await pilot.press("p")
        await wait_for(pilot, lambda: "win · private" in _line(app, "shipped the migration"))
        await _select(pilot, "worried about burnout")
        await pilot.press("p")
        await settle(pilot)
        assert "private" not in _line(app, "worried about burnout")
    assert _notes(db_path) == {
        "worried about burnout": (NoteKind.CONCERN, False),
        "shipped the migration": (NoteKind.WIN, True),
        "thinking of moving her to platform": (NoteKind.NOTE, True),
    }

    again = make_app("Ada Lovelace")
    async with again.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(again, "shipped the migration"))
        assert "win · private" in _line(again, "shipped the migration")
        assert "private" not in _line(again, "worried about burnout")


async def test_the_setting_says_which_kinds_are_private_by_default(make_app, config_dir, db_path):
    (config_dir / "config.toml").write_text('[notes]\nprivate_by_default = ["win"]\n')
    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "- worried about burnout")
        await type_line(pilot, "+ shipped the migration")
        await settle(pilot)
        assert "private" not in _line(app, "worried about burnout")
        assert "win · private" in _line(app, "shipped the migration")
    assert _notes(db_path)["worried about burnout"] == (NoteKind.CONCERN, False)


async def test_editing_reads_the_line_again_date_owner_and_kind(make_app, db_path):
    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "! write the summary @someday")
        await type_line(pilot, "call the recruiter")
        await settle(pilot)
        assert "@someday" in _line(app, "write the summary @someday")  # kept, warned

        offered = await _edit(pilot, "write the summary @someday", "! write the summary @+1m")
        assert offered == "! write the summary @someday"
        await settle(pilot)
        assert "theirs · due Sun 20 Dec" in _line(app, "write the summary")

        offered = await _edit(pilot, "call the recruiter", "!me call the recruiter @tue")
        assert offered == "call the recruiter"
        await settle(pilot)
        assert "mine · due Tue 24 Nov" in _line(app, "call the recruiter")

        # The action made by the edit can be ticked done at once.
        await _select(pilot, "call the recruiter")
        await pilot.press("x")
        await settle(pilot)
    actions = _actions(db_path)
    assert actions["write the summary"] == (Owner.THEM, date(2026, 12, 20), ActionStatus.OPEN)
    assert actions["call the recruiter"] == (Owner.ME, date(2026, 11, 24), ActionStatus.DONE)


async def test_a_carried_action_is_reworded_rescheduled_and_reassigned_and_read_back(
    make_app, priya, db_path
):
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(app, "review the RFC"))
        await type_line(pilot, "! draft the proposal @+2w")
        offered = await _edit(pilot, "review the RFC", "!me review the RFC with Sam @+1w")
        assert offered == "! review the RFC @2026-11-06"
        await settle(pilot)
        row = _line(app, "review the RFC with Sam")
        assert "mine · due Fri 27 Nov" in row

        # The read-back before End: mine first, the carried one changed here too.
        await pilot.press("ctrl+o")
        await wait_for(
            pilot,
            lambda: (
                "them: draft the proposal · due Fri 4 Dec"
                in "\n".join(screen_lines(app)).partition("Read back")[2]
            ),
        )
        text = "\n".join(screen_lines(app))
        assert text.index("me: review the RFC with Sam · due Fri 27 Nov") < text.index(
            "them: draft the proposal · due Fri 4 Dec"
        )
        assert "send the ladder doc" not in text.split("Read back", 1)[1]

    store = Store.open(f"sqlite:///{db_path}")
    try:
        action = next(a for a in store.list_actions() if a.text == "review the RFC with Sam")
        assert (action.owner, action.due) == (Owner.ME, date(2026, 11, 27))
        changes = [e.change for e in store.action_history([action.id])[action.id]]
        assert sorted(changes) == sorted([ActionChange.TEXT, ActionChange.DUE, ActionChange.OWNER])
    finally:
        store.close()


async def test_a_carried_action_must_stay_an_action_and_is_never_made_private(make_app, priya):
    app = make_app(NAME)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(app, "review the RFC"))
        await _select(pilot, "review the RFC")
        await pilot.press("p")
        await pilot.pause()
        assert "earlier meeting" in _last_said(app)
        await pilot.press("e")
        await type_line(pilot, "review the RFC")
        await pilot.pause()
        assert "stays an action" in _last_said(app)
        assert app.screen.query_one(NoteInput).value == "review the RFC"


async def test_changes_kept_in_the_journal_while_the_database_is_busy_land_once_at_next_start(
    make_app, priya, db_path, monkeypatch
):
    """The database refuses every change for now: the edit, the privacy and
    the carried action's changes wait in the recovery journal; the next start
    lands each once, and the resumed meeting shows them."""
    from tui1on1.storage import writer as writer_module
    from tui1on1.storage.errors import DatabaseUnavailable

    monkeypatch.setattr(writer_module, "RETRY_DELAYS", (0.05,))
    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(app, "review the RFC"))
        await type_line(pilot, "! write the summary @someday")
        await type_line(pilot, "+ shipped the migration")
        await settle(pilot)

        def busy(*_args, **_kwargs):
            raise DatabaseUnavailable("the database is busy (another tui1on1 may be writing)")

        store = app.services.store
        for method in ("edit_note", "set_note_private", "reword_action", "reschedule_action",
                       "reassign_action", "set_action_status"):  # fmt: skip
            monkeypatch.setattr(store, method, busy)
        await _edit(pilot, "write the summary @someday", "!me write the summary @+1m")
        await _select(pilot, "shipped the migration")
        await pilot.press("p")
        await _edit(pilot, "book the offsite room", "! book the big offsite room @dec-1")
        await _select(pilot, "send the ladder doc")
        await pilot.press("x")
        await wait_for(pilot, lambda: "kept safe" in _line(app, "book the big offsite room"))
        assert "kept safe" in _line(app, "write the summary")
    monkeypatch.undo()

    again = make_app(NAME)
    async with again.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(again, "book the big offsite room"))
        assert "mine · due Sun 20 Dec" in _line(again, "write the summary")
        assert "win · private" in _line(again, "shipped the migration")
        assert "theirs · due Tue 1 Dec" in _line(again, "book the big offsite room")
        assert "done" in _line(again, "send the ladder doc")
    actions = _actions(db_path)
    assert actions["write the summary"] == (Owner.ME, date(2026, 12, 20), ActionStatus.OPEN)
    assert actions["book the big offsite room"][1] == date(2026, 12, 1)
    assert actions["send the ladder doc"][2] is ActionStatus.DONE
    assert _notes(db_path)["shipped the migration"] == (NoteKind.WIN, True)
    store = Store.open(f"sqlite:///{db_path}")
    try:
        offsite = next(a for a in store.list_actions() if a.text == "book the big offsite room")
        changes = [e.change for e in store.action_history([offsite.id])[offsite.id]]
        assert sorted(changes) == sorted([ActionChange.TEXT, ActionChange.DUE])
    finally:
        store.close()


async def test_a_opens_an_action_in_full_to_drop_it_with_a_reason_or_reschedule_it(
    make_app, priya, db_path
):
    from tui1on1.ui.dialogs.action_change import ActionChangeScreen

    app = make_app(NAME)
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(app, "book the offsite room"))
        await _select(pilot, "book the offsite room")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionChangeScreen))
        assert "theirs · due Tue 24 Nov" in "\n".join(screen_lines(app))
        await pilot.press("d")
        app.screen.query_one("#action-input").value = "the offsite moved online"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "theirs · dropped" in _line(app, "book the offsite room"))

        await _select(pilot, "intro to Sam from platform")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionChangeScreen))
        await pilot.press("r")
        app.screen.query_one("#action-input").value = "+1w"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "mine · due Fri 27 Nov" in _line(app, "intro to Sam"))
        await settle(pilot)

        # Reworded with a date at its end: both change, as in the notes pane.
        await _select(pilot, "intro to Sam from platform")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionChangeScreen))
        await pilot.press("e")
        app.screen.query_one("#action-input").value = "intro to Sam and Lee from platform @dec-1"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "mine · due Tue 1 Dec" in _line(app, "intro to Sam and Lee"))
        assert "@dec-1" not in _line(app, "intro to Sam and Lee")
        await settle(pilot)

        await pilot.press("ctrl+o")  # the rescheduled one is read back before End
        await wait_for(
            pilot,
            lambda: (
                "me: intro to Sam and Lee from platform · due Tue 1 Dec"
                in "\n".join(screen_lines(app)).partition("Read back")[2]
            ),
        )

    store = Store.open(f"sqlite:///{db_path}")
    try:
        by_text = {a.text: a for a in store.list_actions()}
        offsite = by_text["book the offsite room"]
        assert offsite.status is ActionStatus.DROPPED
        [dropped] = store.action_history([offsite.id])[offsite.id]
        assert (dropped.change, dropped.reason) == (
            ActionChange.DROPPED,
            "the offsite moved online",
        )
        intro = by_text["intro to Sam and Lee from platform"]
        assert intro.due == date(2026, 12, 1)
        assert [e.change for e in store.action_history([intro.id])[intro.id]] == [
            ActionChange.DUE,
            ActionChange.TEXT,
            ActionChange.DUE,
        ]
    finally:
        store.close()


async def test_a_typo_in_the_date_never_takes_a_carried_action_s_date_away(
    make_app, priya, db_path
):
    app = make_app(NAME)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(app, "book the offsite room"))
        offered = await _edit(pilot, "book the offsite room", "! book the offsite room @@+1w")
        assert offered == "! book the offsite room @2026-11-24"
        await pilot.pause()
        said = _last_said(app)
        assert "couldn't read the due date '@@+1w'" in said
        assert said.endswith("It stays due Tue 24 Nov.")
        # The edit stays open with the line as typed, to be put right.
        assert app.screen.query_one(NoteInput).value == "! book the offsite room @@+1w"
        assert "theirs · due Tue 24 Nov" in _line(app, "book the offsite room")
    assert _actions(db_path)["book the offsite room"][1] == date(2026, 11, 24)


async def test_a_private_carried_promise_shows_its_mark_when_edited_and_keeps_it(
    make_app, db_path, clock
):
    store = Store.open(f"sqlite:///{db_path}")
    person = store.add_person(NAME)
    then = clock.now() - timedelta(weeks=1)
    before, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=then)
    store.add_note(NewNote(uid="p1", meeting_id=before.id, kind=NoteKind.ACTION,
                           text="talk to HR about the leave", created_at=then,
                           action_owner=Owner.ME, private=True))  # fmt: skip
    store.end_meeting(before.id, then + timedelta(minutes=30), summary="")
    store.close()
    app = make_app(NAME)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await meeting_ready(pilot)
        await wait_for(pilot, lambda: _line(app, "talk to HR"))
        offered = await _edit(pilot, "talk to HR about the leave", "!me talk to HR about leave")
        assert offered == "// !me talk to HR about the leave"
        await pilot.pause()
        assert "whether it is private is changed on that meeting's page" in _last_said(app)
        note_input = app.screen.query_one(NoteInput)
        note_input.value = ""
        await type_line(pilot, "// !me talk to HR about leave @+1w")
        await settle(pilot)
        assert "talk to HR about leave" in _line(app, "talk to HR about leave")
    store = Store.open(f"sqlite:///{db_path}")
    try:
        action = next(a for a in store.list_actions() if a.text == "talk to HR about leave")
        assert action.due == date(2026, 11, 27)
        assert store.private_actions([action]) == {action.id}
    finally:
        store.close()


async def test_rewording_an_action_of_this_meeting_is_in_its_history(make_app, db_path):
    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "!me send the ladder doc @+1w")
        await settle(pilot)
        await wait_for(pilot, lambda: app.screen.notes.rows()[-1].action_id is not None)
        await _edit(pilot, "send the ladder doc", "!me send the new ladder doc @+1w")
        await settle(pilot)
    store = Store.open(f"sqlite:///{db_path}")
    try:
        action = next(a for a in store.list_actions() if a.text == "send the new ladder doc")
        history = store.action_history([action.id])[action.id]
        assert [(e.change, e.before, e.after) for e in history] == [
            (ActionChange.TEXT, "send the ladder doc", "send the new ladder doc")
        ]
    finally:
        store.close()
