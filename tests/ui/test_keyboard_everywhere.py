"""Between meetings by keyboard alone: every list opens with its first row
highlighted and Enter opens it, a past meeting is two keys from the person
screen, overflowing panes scroll, F1 lists the keys of the screen you are on
as bound now, and a rebinding that can't work is refused and said."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pilot_helpers import meeting_ready, wait_for
from screen_text import screen_lines, screen_text
from textual.widgets import DataTable, Input, OptionList, Select, Sparkline

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store
from tui1on1.ui.dialogs.action_change import ActionChangeScreen
from tui1on1.ui.dialogs.help import HelpScreen
from tui1on1.ui.dialogs.note_detail import NoteDetailScreen
from tui1on1.ui.dialogs.person_form import PersonFormScreen
from tui1on1.ui.screens.history import MeetingHistoryScreen
from tui1on1.ui.screens.home import HomeScreen
from tui1on1.ui.screens.meeting import MeetingScreen
from tui1on1.ui.screens.meeting_palette import PALETTE
from tui1on1.ui.screens.person import PersonScreen
from tui1on1.ui.screens.search import SearchScreen
from tui1on1.ui.widgets.notes import NoteInput
from tui1on1.ui.widgets.pausecue import PauseCueBar

SIZE = (100, 34)


def write_config(config_dir, text: str) -> None:
    (config_dir / "config.toml").write_text(text, encoding="utf-8")


async def at_home(pilot):
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
    return app.screen


async def at_person(pilot):
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.prep)
    await pilot.pause()
    return app.screen


async def at_history(pilot):
    app = pilot.app
    await wait_for(
        pilot, lambda: isinstance(app.screen, MeetingHistoryScreen) and app.screen.record
    )
    await pilot.pause()
    return app.screen


def highlighted_text(view: OptionList) -> str:
    assert view.highlighted is not None
    return str(view.get_option_at_index(view.highlighted).prompt)


@pytest.mark.slow
async def test_a_past_meeting_is_two_keys_from_the_person_screen(make_app, history, clock):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await at_home(pilot)
        await pilot.press("enter")  # Ada, the first row
        person = await at_person(pilot)
        assert person.prep.person.name == "Ada Lovelace"
        await pilot.press("p", "enter")  # two keys: the meetings, open the newest
        record = (await at_history(pilot)).record
        latest = clock.now() - timedelta(weeks=1)
        assert record.meeting.started_at == latest
        text = screen_text(app)
        assert f"1:1 with Ada Lovelace — {latest:%a} {latest.day} {latest:%b %Y}" in text
        assert "leading the platform team" in text  # that meeting's answer, not the older one
        assert "mentoring juniors" not in text
        await pilot.press("escape")
        await at_person(pilot)
        assert "p Meetings" in screen_text(app)  # the key is in the footer


@pytest.mark.slow
async def test_every_list_opens_with_its_first_row_highlighted_and_enter_opens_it(
    make_app, history
):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        home = await at_home(pilot)
        table = home.query_one(DataTable)
        assert home.focused is table and table.cursor_row == 0
        footer = screen_lines(app)[-1]
        assert "Open" in footer and "^p" in footer

        await pilot.press("enter")
        person = await at_person(pilot)
        actions = person.query_one("#person-actions", OptionList)
        topics = person.query_one("#person-topics", OptionList)
        meetings = person.query_one("#person-meetings", OptionList)
        career = person.query_one("#person-career", OptionList)
        assert person.focused is career  # the career thread first: it is on top
        for view in (career, actions, topics, meetings):
            assert view.highlighted == 0
        assert "Open" in screen_lines(app)[-1]

        # Enter on the career row: the career screen, at that element.
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "thread", None) is not None)
        assert "wants to try leading the platform team" in highlighted_text(
            app.screen.query_one("#career-entries", OptionList)
        )
        await pilot.press("escape")
        await at_person(pilot)
        await pilot.press("tab")  # the growth plan, under the career thread
        assert person.focused is person.query_one("#person-plan", OptionList)
        await pilot.press("tab")  # then the exposure given
        assert person.focused is person.query_one("#person-exposure", OptionList)
        await pilot.press("tab")
        assert person.focused is actions

        # Enter on an action: the action; g there: the meeting it was promised in, at that note.
        promised = highlighted_text(actions)
        assert "intro to Sam" in promised
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionChangeScreen))
        await pilot.press("g")
        history_screen = await at_history(pilot)
        notes = history_screen.query_one("#history-notes", OptionList)
        assert history_screen.focused is notes
        assert "intro to Sam" in highlighted_text(notes)
        assert promised.split("intro to Sam week ")[1][0] in highlighted_text(notes)

        # Enter on a note: the note in full, with the question it answered.
        notes.highlighted = 0
        assert "wants to try" in highlighted_text(notes)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteDetailScreen))
        detail = screen_text(app)
        assert "Answer to: Where next?" in detail and "wants to try" in detail
        await pilot.press("escape")
        await at_history(pilot)
        await pilot.press("escape")
        await at_person(pilot)

        # Enter on a topic: the meeting it was parked in, at that note.
        await pilot.press("tab")
        assert person.focused is topics and topics.highlighted == 0
        await pilot.press("enter")
        history_screen = await at_history(pilot)
        assert "compensation question" in highlighted_text(
            history_screen.query_one("#history-notes", OptionList)
        )


@pytest.mark.slow
async def test_history_panes_scroll_until_their_last_line_is_seen(make_app, db_path, clock):
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.add_person("Ada Lovelace")
    start = clock.now() - timedelta(days=3)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=start)
    for number in range(1, 31):
        store.record_question(
            meeting.id, slug=f"q{number}", text=f"Question {number:02d}",
            elapsed_seconds=number * 50, at=start,
        )  # fmt: skip
    for number in range(1, 41):
        store.add_note(NewNote(uid=f"n{number}", meeting_id=meeting.id, kind=NoteKind.NOTE,
                               text=f"note number {number}", created_at=start))  # fmt: skip
    store.end_meeting(meeting.id, start + timedelta(minutes=30))
    store.close()
    app = make_app(meet=None)
    for size in ((80, 24), (60, 18), (40, 12)):
        async with app.run_test(size=size) as pilot:
            await at_home(pilot)
            await pilot.press("enter")
            await at_person(pilot)
            await pilot.press("p", "enter")
            await at_history(pilot)
            assert "Question 30" not in screen_text(app)
            await pilot.press("shift+tab", "end")  # the top pane, to its end
            await pilot.pause(0.3)
            assert "Question 30" in screen_text(app), size
            await pilot.press("tab", "end")  # the notes, to the last
            await pilot.pause(0.3)
            assert "note number 40" in screen_text(app), size
        app = make_app(meet=None)


@pytest.mark.slow
async def test_f1_lists_the_keys_of_each_screen_as_bound_now(make_app, history, config_dir):
    write_config(config_dir, '[keys]\nhome_add = "n"\nperson_meetings = "o"\nask = "f5"\n')
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:

        async def help_rows() -> dict[str, str]:
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            rows = dict(app.screen.key_rows())
            text = screen_text(app)
            await pilot.press("escape")
            await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))
            return rows | {"(screen)": text}

        await at_home(pilot)
        rows = await help_rows()
        assert "Keys on home" in rows["(screen)"]
        assert rows["n"] == "Add" and "a" not in rows  # rebound, and shown so
        assert rows["m"] == "Start 1:1" and rows["/"] == "Search"
        assert rows["Enter"] == "Open the highlighted person"
        assert rows["f1"] == "This help" and "^p" in rows
        assert "Typing notes" not in rows["(screen)"]  # the grammar is the meeting's
        assert "n Add" in screen_lines(app)[-1]  # the footer says the same

        await pilot.press("enter")
        await at_person(pilot)
        rows = await help_rows()
        assert "Keys on the person screen" in rows["(screen)"]
        assert rows["o"].startswith("Jump to their meetings") and "p" not in rows
        assert rows["x"] == "Mark done / resolved" and rows["esc"] == "Back"
        assert rows["Enter"].startswith("Open the highlighted meeting")
        await pilot.press("o", "enter")
        await at_history(pilot)
        rows = await help_rows()
        assert "Keys on the meeting history" in rows["(screen)"]
        assert rows["esc"] == "Back" and rows["Enter"].startswith("Show the highlighted note")

        await pilot.press("escape", "escape")
        await at_home(pilot)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        rows = await help_rows()
        assert "Keys on search" in rows["(screen)"] and rows["esc"] == "Back"
        assert "Typing notes" not in rows["(screen)"]
        await pilot.press("escape")
        await at_home(pilot)

        await pilot.press("m")
        await meeting_ready(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = dict(app.screen.key_rows())
        assert "Keys in a meeting" in screen_text(app)  # the keys first
        assert "Typing notes" not in screen_text(app)
        await pilot.press("end")  # then, below, the grammar
        await pilot.pause(0.3)
        assert "Typing notes" in screen_text(app) and "! text" in screen_text(app)
        await pilot.press("escape")
        assert rows["f5"].startswith("Ask prompt") and "^g" not in rows
        assert rows["^o"].startswith("End meeting") and rows["^n"].startswith("Next prompt")
        assert rows["^q"].startswith("quit") and rows["f1"] == "This help"
        assert "^l" not in rows  # the breath before I answer: not with a report
        for title, _help, action in PALETTE:  # every command the screen binds, with its key
            bound = [b for b in MeetingScreen.BINDINGS if b.action == action]
            if bound and bound[0].id not in ("ask", "breath"):  # breath: managing up only
                shown = app.get_key_display(bound[0])
                assert rows.get(shown, "").startswith(title), action


async def test_a_rebinding_that_cannot_work_is_refused_and_said(make_app, config_dir):
    write_config(
        config_dir,
        "[keys]\n"
        'end_meeting = "ctrl+e"\n'  # the notes input's end of line
        'ask = "ctrl+n"\n'  # next_prompt's
        'end_meting = "f9"\n'  # a typo
        'home_add = "n"\n',  # fine
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        # Found together, said together: one notification, one line each.
        [said] = [str(n.message) for n in app._notifications if n.title.startswith("Config")]
        assert said.splitlines() == [
            '• "end_meeting" keeps ctrl+o (ctrl+e is taken)',
            '• "ask" keeps ctrl+g (ctrl+n is taken)',
            '• there is no key binding "end_meting" (did you mean "end_meeting"?); ignored',
        ]
        assert app.key_rebindings == {"home_add": "n"}
        # The defaults, still shown (the footer recomposes once the keymap is applied).
        await wait_for(
            pilot, lambda: "^o End" in screen_lines(app)[-1] and "^g Ask" in screen_lines(app)[-1]
        )
        assert "^g" in screen.query_one(PauseCueBar).idle_hint
        note_input = screen.query_one(NoteInput)
        note_input.value = "half a thought"
        note_input.cursor_position = 0
        await pilot.press("ctrl+e")  # still the input's: to the end of the line
        assert note_input.cursor_position == len("half a thought")
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = dict(app.screen.key_rows())
        assert rows["^o"].startswith("End meeting") and rows["^g"].startswith("Ask prompt")


async def test_the_person_form_shows_every_relationship(make_app):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PersonFormScreen))
        form = app.screen
        assert "Relationship: report, manager, skip-level, peer, skip-report" in screen_text(app)
        form.query_one("#name", Input).value = "Grace Hopper"
        await pilot.press("tab", "tab")  # name → role → relationship
        assert form.focused is form.query_one(Select)
        await pilot.press("enter")  # the choices drop down
        await pilot.pause()
        shown = screen_text(app)
        for choice in ("report", "manager", "skip-level", "peer"):
            assert choice in shown
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert form.query_one(Select).value == "peer"
        form.query_one("#name", Input).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.rows)
        [grace] = app.services.store.list_people()
        assert grace.relationship.value == "peer"


async def test_home_shows_the_relationship_and_no_trend_for_someone_never_met(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=(130, 30)) as pilot:
        home = await at_home(pilot)
        table = home.query_one(DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        assert headers[:3] == ["Name", "Role", "Relationship"] and "Lengths" in headers
        bob = [str(cell) for cell in table.get_row_at(1)]
        assert bob[0] == "Bob Ross" and bob[2] == "report" and bob[3] == "never"
        assert bob[headers.index("Lengths")] == ""
        ada = [str(cell) for cell in table.get_row_at(0)]
        assert ada[headers.index("Lengths")] != ""  # met twice: a trend
        assert home.query_one(Sparkline).display
        await pilot.press("down")
        await pilot.pause()
        assert not home.query_one(Sparkline).display
        [detail] = [line for line in screen_lines(app) if "Bob Ross ·" in line]
        assert detail.strip() == "Bob Ross · report · no cadence (e sets one) · not met yet"


async def test_screenshot_without_a_downloads_folder_goes_to_the_data_dir(
    make_app, tmp_path, monkeypatch, data_dir
):
    monkeypatch.setenv("HOME", str(tmp_path / "nohome"))  # so no ~/Downloads
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.services)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"Screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        folder = data_dir / "screenshots"
        await wait_for(pilot, lambda: folder.is_dir() and any(folder.iterdir()))
        [shot] = folder.iterdir()
        assert shot.suffix == ".svg" and "<svg" in shot.read_text(encoding="utf-8")
        assert shot.stat().st_mode & 0o777 == 0o600
        assert folder.stat().st_mode & 0o777 == 0o700
        said = [str(n.message) for n in app._notifications if n.title == "Screenshot"]
        assert said == [f"Saved to\n{shot}\n(there is no Downloads folder)"]
    assert not (tmp_path / "nohome" / "Downloads").exists()


@pytest.mark.slow
async def test_every_key_of_home_and_person_is_also_in_the_palette(make_app, history):
    """Keys are for the frequent things; the palette (ctrl+p) has everything,
    each entry naming its key, so nothing is reachable only by a key you'd
    have to know."""
    from textual.command import CommandPalette

    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        for screen_type in (HomeScreen, PersonScreen):
            screen = await (at_home(pilot) if screen_type is HomeScreen else at_person(pilot))
            offered = {
                getattr(command.callback, "__name__", ""): command
                for command in app.get_system_commands(screen)
            }
            for binding in screen_type.BINDINGS:
                if binding.action.startswith("app."):
                    continue  # Esc: back
                name = f"action_{binding.action}"
                if binding.action == "search":
                    assert "action_search" in offered  # "Search notes", the app's own
                    continue
                assert name in offered, f"{screen_type.__name__}: {binding.action} not offered"
                key = app.get_key_display(binding)
                assert f"({key})" in offered[name].help, offered[name]
            if screen_type is HomeScreen:
                await pilot.press("enter")  # on to the person screen
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"start 1")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert (await meeting_ready(pilot)).model.person.name == "Ada Lovelace"


@pytest.mark.slow
async def test_f1_on_search_explains_the_filters_and_in_a_meeting_discard(make_app, history):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await at_home(pilot)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause(0.1)
        shown = screen_text(app)
        assert "Filters, with words or alone" in shown
        for syntax in ("person:NAME", "kind:KIND", "#tag", "since:DATE until:DATE"):
            assert syntax in shown
    app = make_app("Ada Lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_ready(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause(0.1)
        listed = " ".join(meaning for _key, meaning in app.screen.key_rows())  # it scrolls
        assert "leave it running, or discard it" in listed
        assert "back to typing, the letter typed" in listed
