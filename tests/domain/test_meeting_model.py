"""The live meeting's model, driven by a fake clock: no terminal, no database."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.agenda import Playbook, Segment
from tui1on1.domain.clock import ClockState
from tui1on1.domain.kinds import ActionChange, ActionStatus, NoteKind, Owner
from tui1on1.domain.meeting import (
    CueView,
    DiscardCounts,
    MeetingModel,
    NoteEdit,
    Refused,
    SaveState,
)
from tui1on1.domain.meeting.prompt_text import NOTHING_CARRIED
from tui1on1.domain.pausecue import END_TYPING, PauseLengths
from tui1on1.domain.prompts import AskedBefore
from tui1on1.domain.records import (
    ActionItem,
    AskedQuestion,
    Meeting,
    NewNote,
    Note,
    Person,
    SegmentLog,
)
from tui1on1.domain.timesource import FakeClock

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Q:
    slug: str
    category: str
    text: str
    probes: tuple[str, ...] = ()
    note: str = ""
    follow_up: bool = False


QUESTIONS = [
    Q("open", "opener", "What's on your mind?"),
    Q("aspire", "aspiration", "Where would you like this to lead?", ("Why that?",)),
    Q("moon", "aspiration", "What's your moonshot?"),
    Q("step", "next", "What's one next step?"),
]

PLAYBOOK = Playbook(
    slug="test",
    title="Test 1:1",
    description="",
    minutes=30,
    segments=(
        Segment("Opening", 10, ("opener",), hint="Let them lead."),
        Segment("Career", 15, ("aspiration",)),
        Segment("Next steps", 5, ("next",)),
    ),
)
SHORT = Playbook(
    slug="short",
    title="Short",
    description="",
    minutes=30,
    segments=(Segment("All of it", 30, ("aspiration",)),),
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def make_model(history: dict[str, AskedBefore] | None = None) -> MeetingModel:
    return MeetingModel(
        person=Person(id=1, name="Ada Lovelace", role="Engineer"),
        meeting=Meeting(id=7, person_id=1, playbook="test", planned_minutes=30, started_at=T0),
        playbook=PLAYBOOK,
        questions=QUESTIONS,
        history=history or {},
        pauses=PauseLengths(every=8.0),
    )


def new_note(
    uid: str,
    text: str = "a note",
    kind: NoteKind = NoteKind.NOTE,
    owner: Owner | None = None,
    due: date | None = None,
) -> NewNote:
    return NewNote(
        uid=uid, meeting_id=7, kind=kind, text=text, elapsed_seconds=65.0, created_at=T0,
        action_owner=owner, action_due=due,
    )  # fmt: skip


TODAY = date(2026, 11, 20)
PRIVATE = frozenset({NoteKind.CONCERN, NoteKind.PARKED})


# --- time and the agenda -------------------------------------------------------------


def test_the_clock_counts_down_and_segments_follow_the_time(clock: FakeClock) -> None:
    model = make_model()
    view = model.clock_view(clock.now())
    assert (view.remaining, view.state, view.segment_index) == ("30:00", ClockState.ON_TRACK, 0)
    assert view.segment_titles == ("Opening", "Career", "Next steps")
    assert view.segment_left == "10:00 left in Opening"

    clock.advance(10 * 60 + 1)
    view = model.clock_view(clock.now())
    assert view.segment_index == 1 and view.segment_left == "14:59 left in Career"

    clock.advance(16 * 60)
    assert model.clock_view(clock.now()).state is ClockState.WRAP_UP
    assert model.prompt_view(clock.now()).hint.startswith("Wrap-up")

    clock.advance(10 * 60)
    view = model.clock_view(clock.now())
    assert view.state is ClockState.OVERTIME and view.remaining.startswith("+")
    assert view.segment_left.startswith("Next steps: ") and view.segment_left.endswith(" over")


def test_next_segment_moves_ahead_early_but_never_past_the_last(clock: FakeClock) -> None:
    model = make_model()
    clock.advance(60)
    assert model.next_segment(clock.now()) == (1, "Career")
    assert model.segment_index(clock.now()) == 1
    assert model.next_segment(clock.now()) == (2, "Next steps")
    assert model.next_segment(clock.now()) is None


def test_a_segment_change_by_time_is_noted_once(clock: FakeClock) -> None:
    model = make_model()
    assert model.note_segment(0, clock.now()) is True
    assert model.note_segment(0, clock.now()) is False
    clock.advance(11 * 60)
    assert model.note_segment(model.segment_index(clock.now()), clock.now()) is True


def test_segments_the_clock_passed_while_away_start_at_their_planned_times(
    clock: FakeClock,
) -> None:
    """Left running at 1:00, picked up at 27:00: Career ran 10:00-25:00 by the
    plan, so the end summary gives it that time, not all of it to Opening."""
    from tui1on1.domain.meeting.asked import time_per_segment
    from tui1on1.domain.records import SegmentLog

    model = make_model()
    model.restore(
        [SegmentLog(id=1, meeting_id=7, segment_index=0, title="Opening", started_at=T0)], []
    )
    clock.advance(27 * 60)
    now = clock.now()
    assert model.note_segments(model.segment_index(now), now) == [(1, 600.0), (2, 1500.0)]
    assert time_per_segment(model.segment_starts, model.elapsed(now)) == {
        0: 600.0,
        1: 900.0,
        2: 120.0,
    }
    assert model.note_segments(2, now) == []  # noted once


def test_after_a_key_moved_on_the_clock_moves_on_from_the_new_plan(clock: FakeClock) -> None:
    model = make_model()
    model.note_segment(0, clock.now())
    clock.advance(60)
    assert model.next_segment(clock.now()) == (1, "Career")
    assert model.segment_starts == [(0, 0.0), (1, 60.0)]
    planned = model.agenda[2].start_s
    clock.advance(planned - 60 + 90)  # into Next steps by the clock, a repaint late
    assert model.note_segments(2, clock.now()) == [(2, planned)]


def test_pausing_stops_the_clock(clock: FakeClock) -> None:
    model = make_model()
    clock.advance(60)
    assert model.toggle_pause(clock.now()) is True
    clock.advance(300)
    view = model.clock_view(clock.now())
    assert view.paused and view.remaining == "29:00"
    assert model.toggle_pause(clock.now()) is False
    clock.advance(60)
    assert model.clock_view(clock.now()).remaining == "28:00"


def test_extend_adds_minutes_and_never_moves_back_a_segment(clock: FakeClock) -> None:
    model = make_model()
    clock.advance(11 * 60)  # in Career
    model.extend(5, clock.now())
    assert model.meeting.planned_minutes == 35
    view = model.clock_view(clock.now())
    assert view.remaining == "24:00" and view.segment_index == 1


def test_the_playbook_can_be_switched_until_a_question_is_asked(clock: FakeClock) -> None:
    model = make_model()
    assert model.switch_playbook(SHORT) is True
    assert model.clock_view(clock.now()).segment_titles == ("All of it",)
    assert model.prompt_view(clock.now()).question == "Where would you like this to lead?"
    model.ask(clock.now())
    assert model.switch_playbook(PLAYBOOK) is False
    assert model.playbook is SHORT


# --- prompts, asking and the pause cue --------------------------------------------------


def test_the_prompt_card_offers_the_segments_questions_with_their_memory(
    clock: FakeClock,
) -> None:
    before = AskedBefore(asked_at=T0 - timedelta(days=14), meetings_ago=5, answer="lead a team")
    model = make_model({"moon": before})
    clock.advance(11 * 60)
    view = model.prompt_view(clock.now())
    assert view.heading == "Career · aspiration · 1/2"
    assert view.question == "Where would you like this to lead?"
    assert view.probes == ("Why that?",) and view.memory == "never asked before"
    model.move_prompt(clock.now(), +1)
    view = model.prompt_view(clock.now())
    assert view.heading == "Career · aspiration · 2/2"
    assert view.memory.startswith("asked 5 meetings ago") and "'lead a team'" in view.memory
    model.move_prompt(clock.now(), -1)
    assert model.prompt_view(clock.now()).question == "Where would you like this to lead?"


def test_asking_starts_the_cue_which_ends_on_its_own_and_records_the_pause(
    clock: FakeClock,
) -> None:
    model = make_model()
    assert model.cue_view(clock.now()).message is None
    ref = model.ask(clock.now())
    assert ref is not None and ref.slug == "open" and len(ref.uid) == 32
    cue = model.cue_view(clock.now())
    assert cue.message is not None and cue.progress == 0.0
    assert model.prompt_view(clock.now()).asked == "asked at 00:00"
    clock.advance(4)
    assert 0.4 < model.cue_view(clock.now()).progress < 0.6
    assert model.finish_cue_if_due(clock.now()) is None
    clock.advance(10)
    assert model.cue_ran_out(clock.now())
    finished = model.finish_cue_if_due(clock.now())
    assert finished is not None
    assert finished[0] is ref and finished[1] == pytest.approx(8.0)
    assert model.finish_cue_if_due(clock.now()) is None  # recorded once
    closing = model.cue_view(clock.now())  # its closing line, a while, without the bar
    assert closing == CueView("The quiet is theirs — no need to fill it.", 1.0, closing=True)
    clock.advance(30)
    assert model.cue_view(clock.now()).message is None


def test_why_follows_up_the_last_question_and_the_cue_runs_again(clock: FakeClock) -> None:
    model = make_model()
    assert model.why(clock.now()) is None  # nothing asked yet
    ref = model.ask(clock.now())
    clock.advance(3)
    ended = model.end_cue(clock.now(), END_TYPING)  # they answered: typing stops it
    assert ended is not None and ended[1] == pytest.approx(3.0)
    assert model.end_cue(clock.now(), END_TYPING) is None
    again = model.why(clock.now())
    assert again is ref and ref is not None and ref.followups == 1
    assert model.cue_view(clock.now()).message is not None
    assert model.prompt_view(clock.now()).asked == "asked at 00:00 · 1 why"
    clock.advance(2)
    model.end_cue(clock.now(), END_TYPING)
    assert ref.pause_total == pytest.approx(5.0)


def test_a_picked_question_becomes_current(clock: FakeClock) -> None:
    model = make_model()
    model.pick(clock.now(), QUESTIONS[3])
    assert model.prompt_view(clock.now()).question == "What's one next step?"


def test_a_resumed_meeting_keeps_its_segments_and_questions(clock: FakeClock) -> None:
    model = make_model()
    model.restore(
        [SegmentLog(1, 7, 0, "Opening", T0), SegmentLog(2, 7, 1, "Career", T0 + timedelta(60))],
        [AskedQuestion(3, 7, "aspire", "Where?", 70.0, T0, pause_seconds=6.0, followups=2,
                       uid="u-1")],
    )  # fmt: skip
    assert model.segment_index(clock.now()) == 1
    [ref] = model.asked
    assert (ref.uid, ref.followups, ref.pause_total) == ("u-1", 2, 6.0)


def test_a_resumed_meeting_shows_the_question_it_was_on(clock: FakeClock) -> None:
    """After a quit or a crash the card is where the manager left it: the
    question asked in this segment, marked asked, not the segment's first."""
    model = make_model()
    model.restore(
        [
            SegmentLog(1, 7, 0, "Opening", T0),
            SegmentLog(2, 7, 1, "Career", T0 + timedelta(seconds=60)),
        ],
        [AskedQuestion(3, 7, "moon", "What's your moonshot?", 70.0, T0, uid="u-1")],
    )
    view = model.prompt_view(clock.now() + timedelta(seconds=90))
    assert view.question == "What's your moonshot?"
    assert view.asked == "asked at 01:10"
    assert model.ask(clock.now() + timedelta(seconds=90)) is None  # not recorded twice


def test_a_question_asked_in_one_segment_is_not_offered_in_the_next(clock: FakeClock) -> None:
    both = replace(PLAYBOOK, segments=(
        Segment("Career", 15, ("aspiration",)), Segment("More career", 15, ("aspiration",)),
    ))  # fmt: skip
    model = make_model()
    model.switch_playbook(both)
    now = clock.now()
    assert model.prompt_view(now).question == "Where would you like this to lead?"
    assert model.ask(now) is not None
    model.next_segment(now)
    view = model.prompt_view(now)
    assert view.heading == "More career · aspiration · 1/1"
    assert (view.question, view.asked) == ("What's your moonshot?", "")


# --- notes and their save states ----------------------------------------------------------


def test_a_note_is_saving_until_its_commit_comes_back() -> None:
    notes = make_model().notes
    row = notes.add(new_note("n1", "wants to lead"), today=TODAY)
    assert row.state is SaveState.SAVING and row.stamp == "01:05" and row.note_id is None
    saved = notes.saved("n1", note_id=11, action_id=None)
    assert saved is not None and saved.state is SaveState.SAVED and saved.note_id == 11
    assert notes.saved("unknown", 12, None) is None


def test_a_note_not_saved_yet_is_marked_and_one_refused_leaves_the_list() -> None:
    notes = make_model().notes
    notes.add(new_note("n1"), today=TODAY)
    notes.add(new_note("n2", "too odd"), today=TODAY)
    row = notes.mark("n1", SaveState.UNSAVED)
    assert row is not None and row.state is SaveState.UNSAVED
    gone = notes.refused("n2")
    assert gone is not None and gone.text == "too odd"
    assert [r.key for r in notes.rows()] == ["n1"]


def test_editing_a_saved_note_keeps_the_unsent_text_aside() -> None:
    notes = make_model().notes
    notes.add(new_note("n1", "first"), today=TODAY)
    with pytest.raises(Refused, match="still being saved"):
        notes.start_edit("n1", stash="", private_kinds=PRIVATE)
    notes.saved("n1", 11, None)
    with pytest.raises(Refused, match="Pick a note first"):
        notes.start_edit(None, stash="", private_kinds=PRIVATE)
    line = notes.start_edit("n1", stash="half typed", private_kinds=PRIVATE)
    assert line == "first" and notes.editing == "n1"
    with pytest.raises(Refused, match="can't be empty"):
        notes.finish_edit("   ", TODAY, PRIVATE)
    edit = notes.finish_edit("  first, better #growth ", TODAY, PRIVATE)
    assert isinstance(edit, NoteEdit) and edit.note_id == 11
    assert edit.text == "first, better #growth" and edit.tags == ("growth",)
    assert edit.row.state is SaveState.SAVING
    assert notes.end_edit() == "half typed" and notes.editing is None
    done = notes.mark("n1", SaveState.SAVED)
    assert done is not None and done.text == "first, better #growth"


def test_delete_and_undo_put_the_note_back_in_its_place() -> None:
    notes = make_model().notes
    for i in (1, 2, 3):
        notes.add(new_note(f"n{i}"), today=TODAY)
        notes.saved(f"n{i}", 10 + i, None)
    deleted = notes.delete("n2")
    assert deleted.key == "n2" and [r.key for r in notes.rows()] == ["n1", "n3"]
    assert notes.undo().key == "n2"
    assert [r.key for r in notes.rows()] == ["n1", "n2", "n3"]
    with pytest.raises(Refused, match="Nothing to undo"):
        notes.undo()


def carried(status: ActionStatus = ActionStatus.OPEN) -> ActionItem:
    return ActionItem(
        id=5, person_id=1, owner=Owner.ME, text="send the RFC", due=date(2026, 11, 27),
        status=status, origin_meeting_id=6, created_at=T0 - timedelta(days=7),
    )  # fmt: skip


def test_loading_shows_carried_actions_first_then_this_meetings_notes() -> None:
    notes = make_model().notes
    saved = Note(id=11, uid="n1", meeting_id=7, kind=NoteKind.ACTION, text="intro to Sam",
                 elapsed_seconds=90.0)  # fmt: skip
    action = ActionItem(id=6, person_id=1, owner=Owner.THEM, text="intro to Sam", note_id=11)
    rows = notes.load([saved], {11: action}, [carried()], today=date(2026, 11, 20))
    assert [(r.key, r.carried) for r in rows] == [("action-5", True), ("n1", False)]
    assert rows[0].due == "due Fri 27 Nov" and rows[0].mine and rows[0].stamp == "13 Nov"
    assert rows[1].action_id == 6 and not rows[1].mine and rows[1].stamp == "01:30"
    with pytest.raises(Refused, match="earlier meeting"):
        notes.delete("action-5")


def test_actions_are_ticked_done_and_open_again() -> None:
    notes = make_model().notes
    notes.load([], {}, [carried()], today=date(2026, 11, 20))
    notes.add(new_note("n1", "plain"), today=TODAY)
    notes.saved("n1", 11, None)
    assert notes.toggle_done("action-5").action_status is ActionStatus.DONE
    assert notes.discard_counts() == DiscardCounts(notes=1, actions=0, reopened=1, restored=0)
    assert notes.toggle_done("action-5").action_status is ActionStatus.OPEN
    with pytest.raises(Refused, match="Only action items"):
        notes.toggle_done("n1")
    notes.add(new_note("n2", "do it", NoteKind.ACTION, Owner.ME), today=TODAY)
    with pytest.raises(Refused, match="still being saved"):
        notes.toggle_done("n2")


# --- the summary --------------------------------------------------------------------------


def test_the_summary_counts_from_the_model(clock: FakeClock) -> None:
    model = make_model()
    model.note_segment(0, clock.now())
    model.notes.load([], {}, [carried()], today=date(2026, 11, 20))  # still open from before
    model.notes.add(new_note("n1", "wants to lead"), today=TODAY)
    model.notes.add(
        new_note("a1", "send the rubric", NoteKind.ACTION, Owner.ME, date(2026, 11, 27)),
        today=TODAY,
    )
    model.notes.add(new_note("a2", "draft the plan", NoteKind.ACTION, Owner.THEM), today=TODAY)
    model.notes.add(new_note("gone"), today=TODAY)
    model.notes.saved("gone", 20, None)
    model.notes.delete("gone")  # deleted: not counted
    clock.advance(5 * 60)
    ref = model.ask(clock.now())
    assert ref is not None
    clock.advance(9)
    model.finish_cue_if_due(clock.now())
    clock.advance(60)
    model.next_segment(clock.now())
    clock.advance(24 * 60)

    summary = model.summary(clock.now())
    assert summary.planned_minutes == 30
    assert summary.actual_seconds == pytest.approx(30 * 60 + 9)
    assert [title for title, _ in summary.segments] == ["Opening", "Career"]
    assert summary.segments[0][1] == pytest.approx(6 * 60 + 9)
    assert summary.notes == 1  # the actions are counted apart
    assert summary.actions_mine == [("send the rubric", "due Fri 27 Nov")]
    assert summary.actions_theirs == [("draft the plan", "no due date")]
    assert (summary.still_open_mine, summary.still_open_theirs, summary.closed_since) == (1, 0, [])
    [line] = summary.asked
    assert line.text == "What's on your mind?" and line.pause_total == pytest.approx(8.0)


def test_a_meeting_with_nothing_yet_sums_to_nothing(clock: FakeClock) -> None:
    summary = make_model().summary(clock.now())
    assert (summary.notes, summary.asked, summary.actions_mine) == (0, [], [])
    assert summary.segments == [("Opening", 0.0)]


def test_the_last_segment_reads_back_what_was_agreed_mine_first(clock: FakeClock) -> None:
    model = make_model()
    now = clock.now()
    assert model.prompt_view(now).hint == "Let them lead."  # not the last segment
    model.next_segment(now)
    model.next_segment(now)
    assert model.prompt_view(now).hint == ""  # the last segment, nothing agreed yet
    for n in range(5):
        model.notes.add(
            new_note(f"t{n}", f"their step {n}", NoteKind.ACTION, Owner.THEM), today=TODAY
        )
    model.notes.add(
        new_note("m", "my intro", NoteKind.ACTION, Owner.ME, date(2026, 12, 4)), today=TODAY
    )
    model.notes.add(new_note("x", "just a note"), today=TODAY)
    assert model.prompt_view(now).hint.splitlines() == [
        "Read back what you agreed:",
        "  me: my intro · due Fri 4 Dec",
        "  them: their step 0 · no due date",
        "  them: their step 1 · no due date",
        "  them: their step 2 · no due date",
        "  … and 2 more in the notes below",
    ]


def test_follow_up_questions_rest_when_nothing_was_carried_over(clock: FakeClock) -> None:
    """No open action or topic from earlier: "how did last time's actions
    go?" would ring hollow, so the follow-ups segment says so instead."""
    review = Q("review", "follow-up", "How did last time's actions go?")
    playbook = replace(PLAYBOOK, segments=(
        Segment("Follow-ups", 10, ("follow-up",), lead=("review",)), *PLAYBOOK.segments[1:],
    ))  # fmt: skip
    for carried, shown in ((0, NOTHING_CARRIED), (2, "How did last time's actions go?")):
        model = make_model()
        model.questions = [*QUESTIONS, review]
        model.carried = carried
        model.switch_playbook(playbook)
        assert model.prompt_view(clock.now()).question == shown


def test_moving_on_early_gives_the_minutes_saved_to_what_is_still_to_come(
    clock: FakeClock,
) -> None:
    """Career (15 of 30) and Next steps (5) share the 29 minutes left after
    moving on at 01:00, in proportion: 21:45 and 07:15. The big clock and the
    segment line never disagree about the end."""
    model = make_model()
    clock.advance(60)
    model.next_segment(clock.now())
    assert model.clock_view(clock.now()).segment_left == "21:45 left in Career"
    clock.advance(21 * 60)
    assert model.clock_view(clock.now()).segment_left == "00:45 left in Career"
    clock.advance(60)  # 23:00: time moves the agenda on, by the new schedule
    assert model.clock_view(clock.now()).segment_left == "07:00 left in Next steps"
    assert model.clock_view(clock.now()).remaining == "07:00"
    resumed = make_model()  # after a quit: the same schedule from the segment log
    resumed.restore(
        [
            SegmentLog(1, 7, 0, "Opening", T0),
            SegmentLog(2, 7, 1, "Career", T0 + timedelta(seconds=60)),
        ],
        [],
    )
    assert resumed.clock_view(clock.now()) == model.clock_view(clock.now())


def test_private_promises_are_never_read_out_but_are_counted(clock: FakeClock) -> None:
    """The read-back is said aloud to the report: a private promise (its note
    private, typed now or carried from before) is left out, and a line says
    how many were kept back; the end summary marks it instead."""
    model = make_model()
    secret = replace(carried(), id=8, text="ask HR about her band")
    model.notes.load([], {}, [carried(), secret], today=date(2026, 11, 20), private={8})
    model.notes.add(
        new_note("a1", "send the rubric", NoteKind.ACTION, Owner.ME), date(2026, 11, 20)
    )
    hidden = replace(new_note("a2", "check her comp band", NoteKind.ACTION, Owner.ME), private=True)
    model.notes.add(hidden, date(2026, 11, 20))
    [carried_secret] = [r for r in model.notes.rows() if r.text == "ask HR about her band"]
    assert carried_secret.private
    said = model.read_back(None)
    assert "check her comp band" not in said and "ask HR" not in said
    assert said.splitlines()[-1] == "  (and 1 private promise, not for reading out)"
    assert "me: send the rubric" in said
    summary = model.summary(clock.now())
    assert ("◘ private: check her comp band", "no due date") in summary.actions_mine


def test_the_read_back_says_only_what_is_still_to_do(clock: FakeClock) -> None:
    """Done or dropped here: not to be read out as agreed."""
    model = make_model()
    model.notes.add(
        new_note("a1", "keep this one", NoteKind.ACTION, Owner.THEM), date(2026, 11, 20)
    )
    model.notes.add(new_note("a2", "a slip", NoteKind.ACTION, Owner.THEM), date(2026, 11, 20))
    model.notes.saved("a2", 2, 12)
    model.notes.toggle_done("a2")  # marked done at once
    said = model.read_back(None)
    assert "keep this one" in said and "a slip" not in said


def test_a_discard_counts_notes_apart_from_actions_and_what_goes_back() -> None:
    notes = make_model().notes
    second = dataclasses.replace(carried(), id=8, text="book the room")
    notes.load([], {}, [carried(), second], today=date(2026, 11, 20))
    notes.add(new_note("n1", "plain"), today=TODAY)
    notes.add(new_note("n2", "do it", NoteKind.ACTION, Owner.ME), today=TODAY)
    assert notes.discard_counts() == DiscardCounts(notes=1, actions=1, reopened=0, restored=0)
    notes.toggle_done("action-5")
    notes.change_action("action-8", ActionChange.DUE, due=date(2026, 12, 4), today=TODAY)
    assert notes.discard_counts() == DiscardCounts(notes=1, actions=1, reopened=1, restored=1)


def test_a_long_promise_is_read_back_on_one_line_that_fits_the_end_dialog() -> None:
    model = make_model()
    long = "review the RFC with the platform group and write up the three open questions"
    model.notes.add(new_note("a1", long, NoteKind.ACTION, Owner.THEM), date(2026, 11, 20))
    [line] = model.read_back(None).splitlines()[1:]
    assert line.startswith("  them: review the RFC with the platform group")
    assert line.endswith("… · no due date") and len(line) <= 2 + 4 + 2 + 66 + 3
