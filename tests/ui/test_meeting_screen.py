"""The meeting screen, driven with Pilot and a fake clock."""

from __future__ import annotations

from datetime import date

import pytest
from pilot_helpers import meeting_ready, settle, type_line, wait_for
from textual.widgets import Digits, Static

from tui1on1.domain.kinds import MeetingStatus, NoteKind, Owner
from tui1on1.domain.pausecue import PauseLengths
from tui1on1.ui.widgets.clock import ClockPanel
from tui1on1.ui.widgets.notes import NoteInput, NotesList
from tui1on1.ui.widgets.pausecue import PauseCueBar

SIZE = (100, 30)


def store_of(pilot):
    return pilot.app.services.store


def text_of(pilot, selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


async def test_notes_of_every_kind_are_saved_with_their_meaning(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        lines = [
            "wants to lead a small team #career #Growth",
            "! send me the RFC draft @fri",
            "!me intro to Sam @+3d",
            "> I light up when I unblock others",
            "? what does senior mean here",
            "~ compensation",
            "= pair on the migration",
            "+ shipped the importer",
            "- on-call is heavy",
            "\\! not an action",
        ]
        for line in lines:
            await type_line(pilot, line)
        await settle(pilot)
        notes = store_of(pilot).list_notes(screen.model.meeting.id)
        assert [n.kind for n in notes] == [
            NoteKind.NOTE, NoteKind.ACTION, NoteKind.ACTION, NoteKind.QUOTE,
            NoteKind.QUESTION, NoteKind.PARKED, NoteKind.DECISION, NoteKind.WIN,
            NoteKind.CONCERN, NoteKind.NOTE,
        ]  # fmt: skip
        assert notes[0].tags == ("career", "growth")
        assert notes[-1].text == "! not an action"
        actions = store_of(pilot).list_actions(person_id=screen.model.person.id)
        by_text = {a.text: a for a in actions}
        assert by_text["send me the RFC draft"].owner is Owner.THEM
        assert by_text["send me the RFC draft"].due == date(2026, 11, 27)  # next Friday
        assert by_text["intro to Sam"].owner is Owner.ME
        assert by_text["intro to Sam"].due == date(2026, 11, 23)
        assert screen.query_one(NoteInput).value == ""
        shown = [str(o.prompt) for o in screen.query_one(NotesList).options]
        assert any("due Fri 27 Nov" in row and "theirs" in row for row in shown)
        assert not any("saving" in row for row in shown)


async def test_an_unreadable_due_date_keeps_the_action_and_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "! book the offsite @13/02")
        await settle(pilot)
        [action] = store_of(pilot).list_actions(person_id=screen.model.person.id)
        assert action.due is None and "@13/02" in action.text
        assert any("13/02" in str(n.message) for n in app._notifications)


async def test_a_fast_burst_of_lines_stays_separate_notes(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.press(*"one", "enter", *"two", "enter", *"thr")
        await settle(pilot)
        notes = store_of(pilot).list_notes(screen.model.meeting.id)
        assert [n.text for n in notes] == ["one", "two"]
        assert screen.query_one(NoteInput).value == "thr"


async def test_ask_shows_the_pause_cue_records_it_and_links_answers(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.press("ctrl+s")  # past Follow-ups: nothing carried over to ask about
        clock.advance(60)
        question = screen.model.current_question(clock.now())
        await pilot.press("ctrl+g")
        cue = screen.query_one(PauseCueBar)
        assert cue.has_class("-active")
        assert "silence" in text_of(pilot, "#cue-message").lower()
        assert screen.focused is screen.query_one(NoteInput)  # the cue never takes focus
        length = PauseLengths().for_category(question.category)  # its kind's length
        clock.advance(13)  # longer than any kind's
        screen.refresh_now()
        assert not cue.has_class("-active")  # the closing line only, no bar
        await type_line(pilot, "wants to lead a team")
        await settle(pilot)
        [asked] = store_of(pilot).list_asked(screen.model.meeting.id)
        assert asked.slug == question.slug and asked.elapsed_seconds == 60
        assert asked.pause_seconds == length
        [note] = store_of(pilot).list_notes(screen.model.meeting.id)
        assert note.asked_question_id == asked.id


async def test_typing_ends_the_cue_and_why_runs_it_again(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.press("ctrl+s", "ctrl+g")  # asked in Their topics
        clock.advance(3)
        await pilot.press("a")  # they started answering
        assert not screen.query_one(PauseCueBar).has_class("-active")
        await pilot.press("backspace", "ctrl+y")
        assert screen.query_one(PauseCueBar).has_class("-active")
        clock.advance(10)
        screen.refresh_now()
        await settle(pilot)
        [asked] = store_of(pilot).list_asked(screen.model.meeting.id)
        assert asked.followups == 1
        assert asked.pause_seconds == 3.0 + 10.0  # a Why? waits 10 s


async def test_a_whole_meeting_on_the_fake_clock(make_app, clock):
    app = make_app(playbook="weekly")
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        panel = screen.query_one(ClockPanel)

        def shown() -> tuple[str, str]:
            screen.refresh_now()
            return str(panel.query_one(Digits).value), text_of(pilot, "#clock-state")

        assert shown() == ("30:00", "ON TRACK")
        assert "ends 09:30" in text_of(pilot, "#clock-ends")
        clock.advance(10 * 60 + 1)  # Their topics is the first 10 minutes
        shown()
        assert "left in Follow-ups" in text_of(pilot, "#segment-left")
        clock.advance(14 * 60 + 59)  # 25:00 elapsed
        assert shown() == ("05:00", "WRAP-UP")
        assert "next step" in text_of(pilot, "#prompt-hint")
        await pilot.press("ctrl+t")  # pause for two minutes
        clock.advance(120)
        assert shown() == ("05:00", "WRAP-UP  ·  PAUSED")
        await pilot.press("ctrl+t")
        clock.advance(5 * 60 + 1)
        assert shown() == ("+00:01", "OVERTIME")
        await pilot.press("ctrl+r")  # extend 5 minutes: 4:59 left again
        assert shown() == ("04:59", "WRAP-UP")
        await settle(pilot)
        meeting = store_of(pilot).get_meeting(screen.model.meeting.id)
        assert meeting.planned_minutes == 35
        assert meeting.pauses[0].resumed_at is not None
        segments = store_of(pilot).list_segments(meeting.id)
        # 2 went by between repaints: logged at its planned start all the same;
        # extending never moves back a segment
        assert [s.segment_index for s in segments] == [0, 1, 2, 3, 4]


@pytest.mark.slow
async def test_end_meeting_shows_the_summary_and_saves_it_ended(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        question = screen.model.current_question(clock.now())
        await pilot.press("ctrl+g")
        clock.advance(10)
        await type_line(pilot, "!me share the ladder doc @tomorrow")
        await type_line(pilot, "! draft a proposal @next-week")
        await settle(pilot)
        clock.advance(31 * 60)
        meeting_id = screen.model.meeting.id
        await pilot.press("ctrl+o", "enter")  # ending asks first; Enter confirms
        from tui1on1.ui.dialogs.summary import SummaryScreen

        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        body = str(app.screen.query_one("#summary-body", Static).render())
        assert "31 minutes (planned 30)" in body
        assert "share the ladder doc" in body and "due tomorrow" in body  # typed @tomorrow
        held = min(10, PauseLengths().for_category(question.category))  # actions: no second wait
        assert "draft a proposal" in body and f"pause {held:.0f}s" in body
        await settle(pilot)
        meeting = store_of(pilot).get_meeting(meeting_id)
        assert meeting.status is MeetingStatus.ENDED
        assert meeting.summary.startswith("31 of 30 min · 1 question · 0 notes · 2 actions")
        await pilot.press("enter")
        from tui1on1.ui.screens.home import HomeScreen

        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


@pytest.mark.slow
async def test_edit_delete_undo_and_done_from_the_list(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "first note")
        await type_line(pilot, "! call the vendor")
        await settle(pilot)
        meeting_id, person_id = screen.model.meeting.id, screen.model.person.id
        await pilot.press("up")  # into the list, on the newest row
        await pilot.press("x")
        await settle(pilot)
        [action] = store_of(pilot).list_actions(person_id=person_id)
        assert action.status.value == "done" and action.closed_meeting_id == meeting_id
        await pilot.press("up", "e")  # edit the first note
        assert screen.query_one(NoteInput).value == "first note"
        await pilot.press(*" #edited", "enter")
        await settle(pilot)
        first = store_of(pilot).list_notes(meeting_id)[0]
        assert first.text == "first note #edited" and first.tags == ("edited",)
        await pilot.press("up", "up", "d")
        await settle(pilot)
        assert [n.text for n in store_of(pilot).list_notes(meeting_id)] == ["call the vendor"]
        await pilot.press("u")
        await settle(pilot)
        assert len(store_of(pilot).list_notes(meeting_id)) == 2


async def test_a_pasted_nul_never_reaches_the_input_or_the_database(make_app):
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        note_input = screen.query_one(NoteInput)
        note_input.post_message(events.Paste("before\x00after"))
        await pilot.pause()
        assert note_input.value == "beforeafter"  # so the draft holds no NUL either
        await pilot.press("enter")
        await settle(pilot)
        [note] = store_of(pilot).list_notes(screen.model.meeting.id)
        assert note.text == "beforeafter"


async def test_multiline_paste_is_one_note_and_huge_paste_is_refused(make_app):
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        note_input = screen.query_one(NoteInput)
        note_input.post_message(events.Paste("line one\r\nline two\nline three"))
        await pilot.pause()
        await pilot.press("enter")
        note_input.post_message(events.Paste("x" * 1_000_000))
        await pilot.pause()
        assert note_input.value == ""
        assert any("Nothing was pasted" in str(n.message) for n in app._notifications)
        note_input.value = "y" * 20_001
        await pilot.press("enter")
        assert note_input.value == "y" * 20_001  # refused, kept in the input
        await settle(pilot)
        [note] = store_of(pilot).list_notes(screen.model.meeting.id)
        assert note.text == "line one\nline two\nline three"


async def test_a_1mb_multiline_paste_is_refused_and_the_input_keeps_working(make_app):
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        note_input = screen.query_one(NoteInput)
        await pilot.press(*"kept ")
        lines = [f"pasted line {i:06d} of a long log, ends with CRLF or LF" for i in range(20_000)]
        huge = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines))
        assert len(huge) >= 1_000_000 and huge.count("\n") == 20_000
        note_input.post_message(events.Paste(huge))
        await pilot.pause()
        assert note_input.value == "kept "  # nothing of it went in, what was there stays
        warnings = [str(n.message) for n in app._notifications]
        length = len("kept ") + len(huge.replace("\r\n", "\n"))  # line breaks count once
        assert any("Nothing was pasted" in w and f"{length:,}" in w for w in warnings)
        await pilot.press(*"typed after", "enter")
        assert note_input.value == ""
        await settle(pilot)
        [note] = store_of(pilot).list_notes(screen.model.meeting.id)
        assert note.text == "kept typed after"
        shown = [str(o.prompt) for o in screen.query_one(NotesList).options]
        assert any("kept typed after" in row for row in shown)
        assert not any("pasted line" in row for row in shown)


@pytest.mark.slow
async def test_resume_brings_back_notes_draft_and_true_time(make_app, clock):
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await type_line(pilot, "kept note")
        await pilot.press(*"half a thought")
        await pilot.pause(0.7)  # the draft autosaves 0.5 s after the last key
        await settle(pilot)
    clock.advance(10 * 60)  # the app was down for ten minutes; the meeting went on
    second = make_app(meet="ada LOVELACE")
    async with second.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        assert screen.query_one(NoteInput).value == "half a thought"
        shown = [str(o.prompt) for o in screen.query_one(NotesList).options]
        assert any("kept note" in row for row in shown)
        screen.refresh_now()
        assert str(screen.query_one(Digits).value) == "20:00"


async def test_the_palette_has_every_meeting_command(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        titles = [command.title for command in app.get_system_commands(screen)]
        for title in (
            "Ask prompt", "Why? follow-up", "Next prompt", "Previous prompt",
            "Next segment", "Pause/resume timer", "Extend 5 minutes", "End meeting",
        ):  # fmt: skip
            assert title in titles


async def test_text_put_aside_by_an_edit_and_the_edit_itself_survive_a_signal(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "orig note")
        await settle(pilot)
        screen.query_one(NoteInput).value = "stashed words"
        await pilot.press("up", "e")
        await settle(pilot)
        store = store_of(pilot)
        meeting_id = screen.model.meeting.id
        assert store.get_draft(meeting_id).text == "stashed words"
        await pilot.press(*" edited")
        app.save_everything()  # what SIGHUP / SIGTERM / quit do first
        await settle(pilot)
        assert [n.text for n in store.list_notes(meeting_id)] == ["orig note edited"]
        assert store.get_draft(meeting_id).text == "stashed words"


async def test_open_actions_from_earlier_meetings_are_listed_and_can_be_closed(
    make_app, db_path, clock
):
    from datetime import timedelta

    from tui1on1.domain.records import NewNote
    from tui1on1.storage.store import Store

    store = Store.open(f"sqlite:///{db_path}")
    ada = store.add_person("Ada Lovelace")
    before, _ = store.start_meeting(
        ada.id, playbook="weekly", planned_minutes=30, now=clock.now() - timedelta(days=7)
    )
    store.add_note(
        NewNote(uid="old", meeting_id=before.id, kind=NoteKind.ACTION, text="write the RFC",
                created_at=clock.now() - timedelta(days=7), action_owner=Owner.THEM)
    )  # fmt: skip
    store.end_meeting(before.id, clock.now() - timedelta(days=7, minutes=-30))
    store.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        rows = [str(o.prompt) for o in screen.query_one(NotesList).options]
        assert len(rows) == 1 and "13 Nov" in rows[0] and "write the RFC" in rows[0]
        await pilot.press("up", "x")
        await settle(pilot)
        [action] = store_of(pilot).list_actions(person_id=screen.model.person.id)
        assert action.status.value == "done"
        assert action.closed_meeting_id == screen.model.meeting.id


async def test_keys_can_be_rebound_in_the_config_file(make_app, isolated_dirs, clock):
    config = isolated_dirs / "config" / "tui1on1"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('[keys]\nask = "f5"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await pilot.press("ctrl+s", "f5")
        assert screen.query_one(PauseCueBar).has_class("-active")


async def test_a_meeting_started_from_home_loads_once_and_is_new(make_app):
    from pilot_helpers import wait_for

    from tui1on1.ui.screens.home import HomeScreen

    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        app.services.store.add_person("Ada Lovelace")
        app.screen.reload()
        await wait_for(pilot, lambda: app.screen.rows)
        await pilot.press("m")
        screen = await meeting_ready(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert not any("Resumed" in str(n.message) for n in app._notifications)
        segments = store_of(pilot).list_segments(screen.model.meeting.id)
        assert [s.segment_index for s in segments] == [0]  # logged once, not twice
