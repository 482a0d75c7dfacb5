"""The career thread's rules: which typed notes answer which question, marks,
and the timeline, as meeting scripts a manager would play."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tui1on1.domain.agenda import Playbook, Segment
from tui1on1.domain.career import (
    MAX_ANSWER_CHARS,
    NOT_CAREER,
    CareerNote,
    build_thread,
    first_line,
    format_current,
    shorten,
)
from tui1on1.domain.grammar import parse_line
from tui1on1.domain.kinds import CareerElement as E
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.meeting import MeetingModel
from tui1on1.domain.records import AskedQuestion, Meeting, Person, SegmentLog

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 30)


@dataclass(frozen=True)
class Q:
    slug: str
    category: str
    text: str
    element: E | None
    probes: tuple[str, ...] = ()
    note: str = ""
    follow_up: bool = False


BANK = {
    q.slug: q
    for q in (
        Q("open", "follow-up", "How did last week's actions go?", None),
        Q("aspire", "aspiration", "Where would you like this to lead?", E.ASPIRATION),
        Q("moon", "moonshot", "What's your moonshot?", E.MOONSHOT),
        Q("uses", "strengths", "Which strengths are you using most?", E.STRENGTH_USED),
        Q("drain", "strengths", "What work drains you?", E.STRENGTH_UNUSED),
        Q("step", "plan", "What's one tangible step?", E.PLAN),
        Q("room", "plan", "What should come off your plate?", None),
    )
}
PLAYBOOK = Playbook(
    slug="test",
    title="Test",
    description="",
    minutes=30,
    segments=(
        Segment("Follow-ups", 5, ("follow-up",)),
        Segment("Career", 15, ("aspiration", "moonshot", "strengths")),
        Segment("How we'll work", 5, ("follow-up",)),
        Segment("Plan", 5, ("plan",)),
    ),
)


def play(script: list[str], *, day: int = 0, meeting_id: int = 1) -> list[CareerNote]:
    """Play a meeting: "ask SLUG", "why", "next", "wait MIN", "mark N ELEMENT|none",
    or a typed line. Each step takes a minute; returns the notes as the
    thread reads them."""
    start = T0 + timedelta(days=day)
    model = MeetingModel(
        person=Person(id=1, name="Ada"),
        meeting=Meeting(
            id=meeting_id, person_id=1, playbook="test", planned_minutes=30, started_at=start
        ),
        playbook=PLAYBOOK,
        questions=list(BANK.values()),
        history={},
        elements={slug: q.element for slug, q in BANK.items()},
    )
    now = start + timedelta(seconds=30)
    notes: list[CareerNote] = []
    for step in script:
        now += timedelta(minutes=1)
        word, _, rest = step.partition(" ")
        if word == "ask":
            model.pick(now, BANK[rest])
            assert model.ask(now) is not None
        elif word == "why":
            model.why(now)  # None with nothing asked: the screen says "ask first"
        elif word == "next":
            assert model.next_segment(now) is not None
        elif word == "wait":
            now += timedelta(minutes=int(rest))
        elif word == "mark":
            index, mark = rest.split()
            note = notes[int(index)]
            notes[int(index)] = CareerNote(**{**_fields(note), "mark": mark})
        else:
            parsed = parse_line(step, now.date())
            ref = model.answering(now, parsed.kind)
            notes.append(
                CareerNote(
                    note_id=len(notes) + 100 * meeting_id,
                    meeting_id=meeting_id,
                    meeting_started=start,
                    created_at=now,
                    text=parsed.text,
                    kind=parsed.kind,
                    owner=parsed.owner,
                    mark=parsed.career.value if parsed.career else None,
                    question=ref.text if ref else "",
                    question_id=model.asked.index(ref) + 1 if ref else None,
                    question_element=model.element_of(ref.slug) if ref else None,
                    answers_why=bool(ref and ref.why),
                )
            )
    return notes


def _fields(note: CareerNote) -> dict[str, object]:
    return {name: getattr(note, name) for name in CareerNote.__slots__}


def current(notes: list[CareerNote]) -> dict[E, str]:
    thread = build_thread(notes)
    return {e: thread.timeline(e)[0].headline for e in thread.timelines}


SCRIPTS: list[tuple[str, list[str], dict[E, str]]] = [
    (
        "the answer, its why, and later segments never count",
        [
            "talked about the release",  # before any question: no answer
            "next",
            "ask aspire",
            "wants to lead a team within 2 years",
            "> I like making others faster",
            "why",
            "loves seeing people grow",
            "~ pay questions, park until review",  # parked: never an answer
            "- sounds tired",  # the manager's concern: never an answer
            "next",  # How we'll work
            "-5% churn on their service since the fix",
            "! send me the runbook",
        ],
        {E.ASPIRATION: "wants to lead a team within 2 years", E.WHY: "loves seeing people grow"},
    ),
    (
        "time moving the agenda on closes the answer too",
        [
            "next",
            "ask moon",
            "run a research lab",
            "wait 20",  # the agenda moves on by the clock
            "bridging idea: present at the guild",
        ],
        {E.MOONSHOT: "run a research lab"},
    ),
    (
        "a new question closes the last one's answer",
        [
            "next",
            "ask uses",
            "debugging production at 3am",
            "ask drain",
            "status reports every Friday",
            "+ shipped the migration",  # a win: not a strength by itself
        ],
        {
            E.STRENGTH_USED: "debugging production at 3am",
            E.STRENGTH_UNUSED: "status reports every Friday",
        },
    ),
    (
        "a plan question's step: actions for them and decisions; never mine",
        [
            "next",
            "next",
            "next",
            "ask step",
            "!me book the room for the demo",
            "! shadow Sam's on-call @fri",
            "= she'll run the next retro",
        ],
        {E.PLAN: "shadow Sam's on-call"},
    ),
    (
        "a plan question marked not career in the bank adds nothing",
        ["next", "next", "next", "ask room", "drop the status report"],
        {},
    ),
    (
        "the manager decides: a mark wins, an unmark takes it out",
        [
            "next",
            "ask aspire",
            "my reminder: book a longer slot",  # 1: the manager's own line
            "wants to be a staff engineer",  # 2
            "mark 0 none",
            "next",
            "&m start a company one day",  # typed with a mark, in another segment
            "&why > I want my work to matter",
        ],
        {
            E.ASPIRATION: "wants to be a staff engineer",
            E.MOONSHOT: "start a company one day",
            E.WHY: "I want my work to matter",
        },
    ),
    (
        "an entry reads as its first note; taking that one out makes the next the headline",
        ["next", "ask aspire", "lead a team", "staff engineer, really", "mark 0 none"],
        {E.ASPIRATION: "staff engineer, really"},
    ),
    (
        "a line marked as typed doesn't push the real answer aside",
        ["next", "ask drain", "teaching the juniors", "&u the constant Slack pings"],
        {E.STRENGTH_UNUSED: "teaching the juniors"},
    ),
    (
        "a why with no question to follow answers nothing",
        ["why", "just thinking aloud"],
        {},
    ),
]


@pytest.mark.parametrize(
    ("script", "expected"), [s[1:] for s in SCRIPTS], ids=[s[0] for s in SCRIPTS]
)
def test_a_meeting_script_gives_the_expected_thread(script, expected):
    notes = play(script)
    assert current(notes) == expected


def test_a_why_answer_names_the_question_it_followed():
    notes = play(["next", "ask aspire", "lead a team", "why", "likes teaching"])
    (why,) = build_thread(notes).timeline(E.WHY)
    assert why.question == "Where would you like this to lead?"
    assert why.notes == ("likes teaching",)


def test_the_thread_shows_how_it_changed_over_three_meetings():
    first = play(["next", "ask aspire", "lead a team", "why", "likes growing people"], day=0)
    second = play(["next", "ask uses", "pairing"], day=7, meeting_id=2)
    third = play(["next", "ask aspire", "staff engineer on the platform"], day=14, meeting_id=3)
    thread = build_thread([*third, *first, *second])
    now, was = thread.timeline(E.ASPIRATION)
    assert (now.headline, was.headline) == ("staff engineer on the platform", "lead a team")
    assert thread.before(now) is was
    assert thread.conversations == (3, 2, 1)
    assert thread.change(E.ASPIRATION) == "changed"
    assert thread.change(E.WHY) == ""  # set before the latest career conversation
    assert thread.change(E.STRENGTH_USED) == ""
    rows = format_current(thread, TODAY, tz=UTC)
    assert rows == [
        (E.ASPIRATION, "Aspiration", "7 Dec: staff engineer on the platform", "changed"),
        (E.WHY, "Why", "23 Nov: likes growing people", ""),
        (E.STRENGTH_USED, "Strengths used", "30 Nov: pairing", ""),
    ]


def test_the_same_answer_again_is_not_a_change_and_a_first_is_new():
    one = play(["next", "ask aspire", "Lead a team"], day=0)
    two = play(["next", "ask aspire", "lead a team", "ask moon", "a lab"], day=7, meeting_id=2)
    thread = build_thread([*one, *two])
    assert thread.change(E.ASPIRATION) == ""
    assert thread.change(E.MOONSHOT) == "new"


def test_an_unknown_mark_keeps_the_note_out():
    (note,) = play(["next", "ask aspire", "lead"])
    assert CareerNote(**{**_fields(note), "mark": "ambition"}).element is None
    assert CareerNote(**{**_fields(note), "mark": NOT_CAREER}).element is None


def test_no_notes_no_rows():
    thread = build_thread([])
    assert thread.empty
    assert format_current(thread, TODAY) == []


def test_rows_show_first_lines_years_and_time_zones():
    notes = play(["next", "ask aspire", "wants to lead a team\nmaybe within two years"])
    long = "wants to lead a platform team that owns the build and the release train " * 2
    late = [
        CareerNote(**{**_fields(n), "created_at": datetime(2025, 12, 30, 23, 30, tzinfo=UTC)})
        for n in play(["next", "ask moon", long])
    ]
    thread = build_thread([*notes, *late])
    rows = format_current(thread, TODAY, tz=UTC)
    assert rows[0][2] == "23 Nov: wants to lead a team"
    shown = rows[1][2].removeprefix("30 Dec 2025: ")
    assert shown.endswith("…") and len(shown) <= MAX_ANSWER_CHARS
    east = format_current(thread, TODAY, tz=timezone(timedelta(hours=2)))
    assert east[1][2].startswith("31 Dec 2025: ")


def test_first_line_and_shorten():
    assert first_line("  \n  likes growing people  \nmore") == "likes growing people"
    assert first_line("a\u2028b") == "a\u2028b"  # only real line breaks split
    assert shorten("x" * MAX_ANSWER_CHARS) == "x" * MAX_ANSWER_CHARS
    assert shorten("x" * (MAX_ANSWER_CHARS + 1)) == "x" * (MAX_ANSWER_CHARS - 1) + "…"
    assert shorten("abcdefgh ijklmnop", limit=12) == "abcdefgh…"


def test_a_resumed_meeting_keeps_the_open_answer_and_its_why():
    """After a crash or quit, the question asked last is still open in its
    segment, and a Why? already pressed still files answers under Why."""
    model = MeetingModel(
        person=Person(id=1, name="Ada"),
        meeting=Meeting(id=1, person_id=1, playbook="test", planned_minutes=30, started_at=T0),
        playbook=PLAYBOOK,
        questions=list(BANK.values()),
        history={},
        elements={slug: q.element for slug, q in BANK.items()},
    )
    segments = [
        SegmentLog(1, 1, 0, "Follow-ups", T0),
        SegmentLog(2, 1, 1, "Career", T0 + timedelta(minutes=1)),
    ]
    asked = [
        AskedQuestion(1, 1, "aspire", "Where would you like this to lead?", 120.0,
                      T0 + timedelta(minutes=2), followups=1, uid="u1"),
    ]  # fmt: skip
    model.restore(segments, asked)
    now = T0 + timedelta(minutes=4)
    ref = model.answering(now, NoteKind.NOTE)
    assert ref is not None and ref.uid == "u1" and ref.segment == 1 and ref.why
    assert model.answering(now, NoteKind.PARKED) is None
    model.next_segment(now)
    assert model.answering(now, NoteKind.NOTE) is None


def test_a_note_marked_elsewhere_names_no_question():
    """&m typed while the why question is open, or c m on an aspiration
    answer: the entry says "marked by you", not the question it was typed under."""
    notes = play(["next", "ask aspire", "lead a team", "&m a research lab", "mark 0 moonshot"])
    thread = build_thread(notes)
    (moon,) = thread.timeline(E.MOONSHOT)
    assert (moon.headline, moon.question, moon.marked) == ("lead a team", "", True)
    assert moon.notes == ("lead a team", "a research lab")
    same = play(["next", "ask aspire", "lead a team", "mark 0 aspiration"])
    (asp,) = build_thread(same).timeline(E.ASPIRATION)
    assert (asp.question, asp.marked) == ("Where would you like this to lead?", False)


def test_each_answer_is_an_entry_naming_its_own_question():
    """Two Whys in one meeting (after the aspiration, and after the moonshot)
    stand side by side, each with the question it followed; neither "was"
    the other, and the meeting before is what they changed from."""
    before = play(["next", "ask aspire", "lead", "why", "likes teaching"], day=0)
    notes = play(
        ["next", "ask aspire", "staff engineer", "why", "depth over breadth",
         "ask moon", "a lab", "why", "wants to invent things"],
        day=7,
        meeting_id=2,
    )  # fmt: skip
    thread = build_thread([*before, *notes])
    newest, side, old = thread.timeline(E.WHY)
    assert (newest.headline, newest.question) == ("wants to invent things", "What's your moonshot?")
    assert (side.headline, side.question) == (
        "depth over breadth",
        "Where would you like this to lead?",
    )
    assert newest.after_why and side.after_why
    assert thread.was(newest) is old and thread.was(side) is old
    assert thread.change(E.WHY) == "changed"
