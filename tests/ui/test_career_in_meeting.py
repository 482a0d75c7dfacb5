"""The career thread as a meeting makes it: what the manager types after
asking, after Why?, in a later segment, marked with c or &, and what the
person screen then shows."""

from __future__ import annotations

import pytest
from pilot_helpers import meeting_ready, settle, type_line, wait_for
from textual.widgets import OptionList

from tui1on1.domain.kinds import CareerElement
from tui1on1.ui.dialogs.career_mark import CareerMarkScreen
from tui1on1.ui.widgets.notes import NotesList

SIZE = (100, 30)


async def ask(pilot, screen, slug: str) -> None:
    app = pilot.app
    screen.model.pick(app.clock.now(), app.services.bank.questions[slug])
    await pilot.press("ctrl+g")


def rows(screen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one(NotesList).options]


def thread_of(app):
    services = app.services
    elements = {slug: q.element for slug, q in services.bank.questions.items()}
    person = services.store.find_person("Ada Lovelace")
    return services.store.career_thread(person.id, elements)


def current(app) -> dict[CareerElement, tuple[str, ...]]:
    thread = thread_of(app)
    return {e: thread.timeline(e)[0].notes for e in thread.timelines}


async def test_answers_whys_and_later_segments_land_where_a_manager_expects(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await ask(pilot, screen, "aspiration-where-next")
        await type_line(pilot, "wants to lead a team within 2 years")
        await type_line(pilot, "> I like making others faster")
        await pilot.press("ctrl+y")
        await type_line(pilot, "loves seeing people grow")
        await type_line(pilot, "~ pay questions, park until review")
        await type_line(pilot, "- sounds tired")
        await pilot.press("ctrl+s")
        await type_line(pilot, "-5% churn on their service since the fix")
        await ask(pilot, screen, "plan-one-step")
        await type_line(pilot, "!me book the room")
        await type_line(pilot, "! shadow Sam's on-call @fri")
        await settle(pilot)
        shown = rows(screen)
        assert shown[0].endswith("career: aspiration")
        assert shown[1].endswith("quote · career: aspiration")
        assert shown[2].endswith("career: why")
        assert "career" not in " ".join(shown[3:6])  # parked, concern, later segment
        assert "career" not in shown[6]  # my own promise
        assert shown[7].endswith("career: plan step")
        assert current(app) == {
            CareerElement.ASPIRATION: (
                "wants to lead a team within 2 years",
                "I like making others faster",
            ),
            CareerElement.WHY: ("loves seeing people grow",),
            CareerElement.PLAN: ("shadow Sam's on-call",),
        }
        notes = app.services.store.list_notes(screen.model.meeting.id)
        linked = [n.text for n in notes if n.asked_question_id is not None]
        assert linked == [
            "wants to lead a team within 2 years",
            "I like making others faster",
            "loves seeing people grow",
            "book the room",
            "shadow Sam's on-call",
        ]
        assert [n.answers_why for n in notes[:3]] == [False, False, True]


async def test_c_then_one_key_corrects_an_entry_and_and_marks_as_typed(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await type_line(pilot, "&zz not a mark")
        await ask(pilot, screen, "aspiration-where-next")
        await type_line(pilot, "my reminder: book a longer slot")
        await type_line(pilot, "wants to be a staff engineer")
        await type_line(pilot, "&m run a research lab one day")
        await settle(pilot)
        assert any("'&zz' isn't a career mark" in str(n.message) for n in app._notifications)
        assert rows(screen)[0] == "00:00 · &zz not a mark"  # kept as typed, in no thread
        await pilot.press("up", "up", "up")  # the reminder
        assert "my reminder" in rows(screen)[screen.query_one(NotesList).highlighted]
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CareerMarkScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is screen)
        await settle(pilot)
        assert rows(screen)[1].endswith("marked: not career")
        assert current(app) == {
            CareerElement.ASPIRATION: ("wants to be a staff engineer",),
            CareerElement.MOONSHOT: ("run a research lab one day",),
        }
        await pilot.press("down", "c", "w")  # two keystrokes: now a why
        await settle(pilot)
        assert rows(screen)[2].endswith("marked: why")
        assert current(app)[CareerElement.WHY] == ("wants to be a staff engineer",)
        assert CareerElement.ASPIRATION not in current(app)


@pytest.mark.slow
async def test_the_person_screen_shows_the_change_and_c_remarks_from_there(
    make_app, history, clock
):
    app = make_app(meet=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(
            pilot, lambda: app.services is not None and getattr(app.screen, "rows", None)
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "prep", None) is not None)
        person = app.screen
        career = person.query_one("#person-career", OptionList)
        assert app.focused is career  # it opens on the thread
        (row,) = [str(o.prompt) for o in career.options]
        assert "Aspiration" in row and "wants to try leading the platform team" in row
        assert row.endswith("changed")
        await pilot.press("c", "m")
        await wait_for(pilot, lambda: person.query_one("#person-career").option_count == 2)
        # The earlier answer is the aspiration again: the mark moved the newer one.
        shown = [str(o.prompt) for o in person.query_one("#person-career", OptionList).options]
        assert "wants to try mentoring juniors" in shown[0] and "Moonshot" in shown[1]


async def test_a_mark_comes_off_with_q_and_a_line_of_only_a_mark_is_kept(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await ask(pilot, screen, "aspiration-where-next")
        await type_line(pilot, "lead a team")
        await type_line(pilot, "&w")  # nothing after the mark: not saved, not lost
        assert screen.query_one("#note-input").value == "&w"
        assert any("a career mark needs some text" in str(n.message) for n in app._notifications)
        screen.query_one("#note-input").value = ""
        await settle(pilot)
        await pilot.press("up", "c", "m")
        await settle(pilot)
        assert rows(screen)[0].endswith("marked: moonshot")
        await pilot.press("c", "q")  # the mark off: the question decides again
        await settle(pilot)
        assert rows(screen)[0].endswith("career: aspiration")
        assert current(app) == {CareerElement.ASPIRATION: ("lead a team",)}


async def test_a_change_on_the_career_screen_shows_back_in_the_meeting(make_app, clock):
    from tui1on1.ui.screens.career import CareerScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await ask(pilot, screen, "aspiration-where-next")
        await type_line(pilot, "lead a team")
        await settle(pilot)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, CareerScreen) and app.screen.thread)
        await pilot.press("c", "n")
        await wait_for(pilot, lambda: app.screen.thread is not None and app.screen.thread.empty)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        await wait_for(pilot, lambda: rows(screen)[0].endswith("marked: not career"))


async def test_the_newest_note_stays_in_view_when_the_card_grows_or_a_label_comes(make_app, clock):
    """At 80x24 the notes pane is a few rows: a two-line question on the card
    (a new segment) or a career label on the last row must not push the
    newest note out of sight while typing."""
    from screen_text import screen_lines

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await meeting_ready(pilot)
        for i in range(10):
            await type_line(pilot, f"note number {i}")
        await settle(pilot)
        for _ in range(3):
            await pilot.press("ctrl+s")
            await pilot.pause(0.1)
            await settle(pilot)
            shown = screen_lines(app)
            assert any("note number 9" in line for line in shown), "\n".join(shown)
        await ask(pilot, screen, "aspiration-where-next")
        await type_line(pilot, "wants to lead a small team of platform engineers one day")
        await settle(pilot)
        await pilot.press("up", "c", "m", "escape")
        await settle(pilot)
        await pilot.pause(0.1)
        shown = " ".join(line.strip() for line in screen_lines(app)[-9:-4])
        assert "platform engineers one day  marked: moonshot" in shown


async def test_two_answers_for_one_element_in_a_meeting_show_as_two_entries(make_app, clock):
    """Two aspiration questions and a Why? after each in one 1:1: the career
    screen lists every answer, each Why naming the question it followed."""
    from tui1on1.ui.screens.career import CareerScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        await ask(pilot, screen, "aspiration-where-next")
        await type_line(pilot, "lead a team")
        await pilot.press("ctrl+y")
        await type_line(pilot, "likes growing people")
        await ask(pilot, screen, "aspiration-three-years-on")
        await type_line(pilot, "running the platform group")
        await pilot.press("ctrl+y")
        await type_line(pilot, "wants a say in what gets built")
        await settle(pilot)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, CareerScreen) and app.screen.thread)
        shown = [str(o.prompt) for o in app.screen.query_one("#career-entries").options]
        text = "\n".join(shown)
        assert text.count("answer to “") == 2 and text.count("after Why? on “") == 2
        assert "running the platform group" in shown[1] and "lead a team" in shown[2]
        assert "wants a say in what gets built" in shown[4] and "If we met in three" in shown[4]
        assert "likes growing people" in shown[5] and "Looking as far ahead" in shown[5]
        await pilot.press("c", "n")  # on the newest aspiration: it leaves, the other stays
        await wait_for(
            pilot, lambda: len(app.screen.thread.timeline(CareerElement.ASPIRATION)) == 1
        )
