"""The recap to send: a meeting with every kind of note, private marks, tags,
a quote, actions of both owners with due dates, earlier actions done and
dropped (with the reason given) since last time and still open → the exact
Markdown (golden files in recap_golden/)."""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.domain.kinds import ActionStatus, MeetingStatus, NoteKind, Owner
from tui1on1.domain.recap import MeetingRecord, markdown
from tui1on1.domain.recap_json import to_json
from tui1on1.domain.recap_text import strip_tags
from tui1on1.domain.records import ActionItem, AskedQuestion, Meeting, Note, Person

GOLDEN = Path(__file__).parent / "recap_golden"
START = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)  # a Monday, the same day everywhere but +12
TODAY = date(2026, 12, 7)
EARLIER = 5  # last week's meeting
THIS = 7

ADA = Person(id=1, name="Ada Lovelace", role="Engineer")
MEETING = Meeting(
    id=THIS, person_id=1, playbook="weekly", planned_minutes=30, started_at=START,
    ended_at=START + timedelta(minutes=32), status=MeetingStatus.ENDED,
)  # fmt: skip

# What only the manager may read: never in the recap to send.
PRIVATE_TEXTS = (
    "worried about burnout after the launch",
    "pay band review",
    "she goes quiet when Sam talks over her",
    "ask HR about her band",
    "check in with her mentor",
    "move her to the platform team",
    "she asked to stay",
)


def _note(id_: int, kind: NoteKind, text: str, *, private: bool = False) -> Note:
    return Note(
        id=id_, uid=f"n{id_}", meeting_id=THIS, kind=kind, text=text,
        created_at=START + timedelta(minutes=id_), elapsed_seconds=60.0 * id_, private=private,
    )  # fmt: skip


def _action(
    id_: int, owner: Owner, text: str, *, due: date | None = None, note_id: int | None = None,
    origin: int = THIS, status: ActionStatus = ActionStatus.OPEN, closed_in: int | None = None,
) -> ActionItem:  # fmt: skip
    return ActionItem(
        id=id_, person_id=1, owner=owner, text=text, due=due, status=status,
        origin_meeting_id=origin, closed_meeting_id=closed_in, note_id=note_id,
        created_at=START - timedelta(days=7 * (origin != THIS)),
    )  # fmt: skip


NOTES = [
    _note(1, NoteKind.NOTE, "wants to lead the #growth guild next year"),
    _note(2, NoteKind.QUOTE, "I light up when I unblock others #energy"),
    _note(3, NoteKind.QUESTION, "what would a staff role look like here? #career"),
    _note(4, NoteKind.DECISION, "she leads the on-call review from January #oncall"),
    _note(5, NoteKind.WIN, "shipped the C# parser rewrite #win."),
    _note(6, NoteKind.CONCERN, "worried about burnout after the launch", private=True),
    _note(7, NoteKind.PARKED, "pay band review #pay", private=True),
    _note(8, NoteKind.NOTE, "note to self: she goes quiet when Sam talks over her", private=True),
    _note(9, NoteKind.CONCERN, "the team is short on reviewers #hiring"),
    _note(10, NoteKind.NOTE, "#1 priority is the migration #q1"),
    _note(11, NoteKind.NOTE, "two things for the demo:\n\n  the RFC\n  the\x1b[31m dashboard"),
    _note(12, NoteKind.ACTION, "intro to Sam #network"),
    _note(13, NoteKind.ACTION, "draft the proposal #plan"),
    _note(14, NoteKind.ACTION, "ask HR about her band", private=True),
    _note(15, NoteKind.ACTION, "book the room"),
]
ACTIONS = [
    _action(21, Owner.ME, "intro to Sam #network", due=date(2026, 12, 11), note_id=12),
    _action(22, Owner.THEM, "draft the proposal #plan", due=date(2026, 12, 18), note_id=13),
    _action(23, Owner.ME, "ask HR about her band", note_id=14),
    _action(24, Owner.ME, "book the room", note_id=15, status=ActionStatus.DROPPED),
]
EARLIER_ACTIONS = [
    _action(12, Owner.THEM, "send the RFC draft #rfc", origin=EARLIER, status=ActionStatus.DONE,
            closed_in=THIS),
    _action(11, Owner.ME, "book the offsite", origin=EARLIER, status=ActionStatus.DONE,
            closed_in=THIS),
    _action(13, Owner.THEM, "share the roadmap", due=date(2026, 12, 2), origin=EARLIER),
    _action(14, Owner.ME, "review her promo packet", due=date(2026, 12, 14), origin=EARLIER),
    _action(15, Owner.ME, "check in with her mentor", due=date(2026, 12, 1), origin=EARLIER),
    _action(16, Owner.ME, "find a conference budget", origin=EARLIER),
    _action(17, Owner.THEM, "try pairing #pairing", origin=EARLIER,
            status=ActionStatus.DROPPED, closed_in=THIS),
    _action(18, Owner.ME, "order standing desks", origin=EARLIER, status=ActionStatus.DROPPED),
    _action(19, Owner.ME, "move her to the platform team", origin=EARLIER,
            status=ActionStatus.DROPPED, closed_in=THIS),
]  # fmt: skip
RECORD = MeetingRecord(
    person=ADA,
    meeting=MEETING,
    notes=NOTES,
    asked=[
        AskedQuestion(
            id=1,
            meeting_id=THIS,
            slug="where-next",
            text="Where do you want to be in two years?",
            elapsed_seconds=90,
            asked_at=START + timedelta(seconds=90),
        )
    ],
    actions=ACTIONS,
    segments=[],
    earlier_actions=EARLIER_ACTIONS,
    private_earlier=frozenset({15, 19}),
    drop_reasons={18: "the team went remote #offsite", 19: "she asked to stay"},
)


def _golden(name: str, text: str) -> str:
    path = GOLDEN / name
    if os.environ.get("TUI1ON1_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_the_recap_to_send_is_exactly_the_golden_file():
    text = markdown(RECORD, today=TODAY)
    assert text == _golden("shared.md", text)


def test_nothing_private_is_in_the_recap_to_send():
    text = markdown(RECORD, today=TODAY)
    for private in PRIVATE_TEXTS:
        assert private not in text
    assert "(private)" not in text
    assert "Where do you want to be" not in text  # the manager's script stays theirs


def test_the_recap_has_no_tags_times_or_trailing_spaces():
    text = markdown(RECORD, today=TODAY)
    for tag in ("#growth", "#energy", "#career", "#oncall", "#win", "#network", "#plan", "#rfc"):
        assert tag not in text
    assert "C# parser" in text and "#1 priority" in text  # not tags
    assert "01:" not in text and "00:" not in text  # no elapsed times
    assert "  \n" not in text and " \n" not in text and "\n\n\n" not in text
    assert "\x1b" not in text and "\\x1b[31m" in text


def test_all_notes_marks_the_private_ones_for_the_managers_file():
    text = markdown(RECORD, today=TODAY, all_notes=True)
    assert text == _golden("all_notes.md", text)
    for private in PRIVATE_TEXTS:
        (line,) = [line for line in text.splitlines() if private in line]
        assert "(private)" in line


def test_a_meeting_with_nothing_shared_says_so_in_one_line():
    only_private = MeetingRecord(
        person=ADA, meeting=MEETING, notes=NOTES[5:8], asked=[], actions=[], segments=[]
    )
    assert markdown(only_private, today=TODAY) == (
        "# 1:1 with Ada Lovelace — 2026-12-07 (Mon)\n"
        "\n"
        "We met for 32 minutes.\n"
        "\n"
        "Nothing to share from this meeting.\n"
    )


@pytest.mark.parametrize(
    ("seconds", "line"),
    [(20, "We met for under a minute."), (65, "We met for 1 minute."),
     (130, "We met for 2 minutes.")],
)  # fmt: skip
def test_the_length_reads_naturally(seconds, line):
    ended = dataclasses.replace(MEETING, ended_at=START + timedelta(seconds=seconds))
    record = MeetingRecord(person=ADA, meeting=ended, notes=[], asked=[], actions=[], segments=[])
    assert markdown(record, today=TODAY).splitlines()[2] == line


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("shipped it #win.", "shipped it."),
        ("#growth wants to lead", "wants to lead"),
        ("pair on C# #plan", "pair on C#"),
        ("#1 goal, see a.com/#x", "#1 goal, see a.com/#x"),
        ("done, #win, and more", "done, and more"),
        ("(#win) #2-3 ok", "() #2-3 ok"),
        ("a #x b\n#tag\nc #y", "a b\n\nc"),
        ("#only #tags", ""),
    ],
)
def test_tags_come_out_cleanly(typed, sent):
    assert strip_tags(typed) == sent


def test_json_keeps_everything_with_a_private_flag():
    data = to_json(RECORD)
    assert data["version"] == 2
    notes = {n["text"]: n for n in data["notes"]}
    assert notes["worried about burnout after the launch"]["private"] is True
    assert notes["wants to lead the #growth guild next year"]["private"] is False
    assert notes["wants to lead the #growth guild next year"]["tags"] == []  # as stored
    assert {a["text"]: a["private"] for a in data["actions"]} == {
        "intro to Sam #network": False,
        "draft the proposal #plan": False,
        "ask HR about her band": True,
        "book the room": False,
    }
    earlier = {a["id"]: a for a in data["earlier_actions"]}
    assert earlier[15]["private"] is True and earlier[13]["private"] is False
    assert earlier[11] == {
        "id": 11, "owner": "me", "text": "book the offsite", "due": None, "status": "done",
        "private": False, "note_id": None, "origin_meeting_id": EARLIER, "closed_meeting_id": THIS,
        "created_at": (START - timedelta(days=7)).isoformat(), "closed_at": None,
        "drop_reason": "",
    }  # fmt: skip
    assert earlier[18]["drop_reason"] == "the team went remote #offsite"  # as typed


def test_past_its_date_is_judged_on_the_day_of_the_meeting():
    two_weeks_on = markdown(RECORD, today=TODAY + timedelta(days=14))
    assert two_weeks_on == markdown(RECORD, today=TODAY)
    assert "review her promo packet — by 2026-12-14 (Mon)" in two_weeks_on
    live = dataclasses.replace(RECORD, meeting=dataclasses.replace(MEETING, ended_at=None))
    assert "review her promo packet — was due 2026-12-14" in markdown(
        live, today=date(2026, 12, 15)
    )


def test_nothing_new_but_earlier_promises_reads_as_one_story():
    quiet = MeetingRecord(
        person=ADA,
        meeting=MEETING,
        notes=NOTES[5:8],
        asked=[],
        actions=[],
        segments=[],
        earlier_actions=EARLIER_ACTIONS[:2],
    )
    text = markdown(quiet, today=TODAY)
    assert "Nothing to share from this meeting." not in text
    assert text.endswith(
        "Nothing new to share from this meeting; where earlier promises stand:\n"
        "\n"
        "## Done since last time\n"
        "\n"
        "- Me: book the offsite\n"
        "- You: send the RFC draft\n"
    )
