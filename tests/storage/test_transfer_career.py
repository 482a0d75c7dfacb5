"""The career thread moves with `export --all` / `import` (SQLite and PostgreSQL):
marks, Why? answers and the answers' questions arrive as they were, so the
thread read on the other side is the same; a version 1 file (no career fields)
still imports."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from career_story import DAYS, WHERE_NEXT, tell_story
from tui1on1.domain.career import CareerThread
from tui1on1.domain.kinds import CareerElement
from tui1on1.questions import load_bank
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import export_data, import_data

ELEMENTS = {slug: q.element for slug, q in load_bank().questions.items()}


def as_file(doc: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(doc, ensure_ascii=True, indent=1))


def readable(thread: CareerThread) -> dict[str, Any]:
    """The thread without database ids (another database numbers rows its own way)."""
    started: dict[int, datetime] = {}
    timelines = {}
    for element, entries in thread.timelines.items():
        rows = []
        for e in entries:
            started[e.meeting_id] = e.meeting_started
            rows.append((e.meeting_started, e.answered_at, e.answer, e.notes, e.question, e.marked))
        timelines[element.value] = rows
    return {
        "timelines": timelines,
        "changes": {e.value: thread.change(e) for e in thread.timelines},
        "conversations": [started[m] for m in thread.conversations],
    }


@pytest.fixture
def empty_sqlite(tmp_path):
    opened = Store.open(f"sqlite:///{tmp_path / 'empty.db'}")
    yield opened
    opened.close()


def test_export_all_then_import_gives_the_same_career_thread(store, empty_sqlite):
    ada = tell_story(store)
    before = store.career_thread(ada, ELEMENTS)
    assert [e.headline for e in before.timeline(CareerElement.ASPIRATION)] == [
        "staff engineer on the data platform",
        "wants to lead a team within 2 years",
    ]
    assert before.change(CareerElement.ASPIRATION) == "changed"
    (why,) = before.timeline(CareerElement.WHY)
    assert why.notes == (
        "likes unblocking others\nmore than writing code",
        "misses it since the reorg",
    )
    assert why.question == WHERE_NEXT
    (moonshot,) = before.timeline(CareerElement.MOONSHOT)
    assert moonshot.marked and moonshot.answer == "start an internal database guild"
    (strength,) = before.timeline(CareerElement.STRENGTH_USED)
    assert strength.notes == ("debugging production incidents",)  # the aside was unmarked out
    assert before.current(CareerElement.PLAN) is not None

    doc = as_file(export_data(store))
    notes = [n for m in doc["people"][0]["meetings"] for n in m["notes"]]
    career = [(n["text"], n["career"], n["answers_why"]) for n in notes]
    assert [c for c in career if c[1] or c[2]] == [
        ("likes unblocking others\nmore than writing code", None, True),
        ("misses it since the reorg", None, True),
        ("needs a new laptop", "none", False),
        ("start an internal database guild", "moonshot", False),
    ]

    import_data(empty_sqlite, doc)
    (moved,) = empty_sqlite.list_people()
    after = empty_sqlite.career_thread(moved.id, ELEMENTS)
    assert readable(after) == readable(before)
    assert [started for started in readable(after)["conversations"]] == list(reversed(DAYS))


def test_a_version_1_file_imports_with_no_marks_and_no_why_answers(store, empty_sqlite):
    """A file from before the career fields: every note is read as unmarked
    (and open) and not a Why? answer, so its thread is what the automatic
    links give."""
    tell_story(empty_sqlite)
    doc = as_file(export_data(empty_sqlite))
    doc["version"] = 1
    for meeting in doc["people"][0]["meetings"]:
        for note in meeting["notes"]:
            del note["resolved_at"], note["career"], note["answers_why"]
    import_data(store, doc)
    (ada,) = store.list_people()
    notes = [n for m in store.meetings_for(ada.id) for n in store.list_notes(m.id)]
    assert len(notes) == 9
    assert {(n.career, n.answers_why, n.resolved_at) for n in notes} == {(None, False, None)}
    thread = store.career_thread(ada.id, ELEMENTS)
    assert (
        thread.timeline(CareerElement.WHY) == () and thread.timeline(CareerElement.MOONSHOT) == ()
    )
    (first,) = [
        e for e in thread.timeline(CareerElement.ASPIRATION) if e.meeting_started == DAYS[0]
    ]
    assert first.notes[0] == "wants to lead a team within 2 years"


def test_a_why_answer_merged_into_a_kept_meeting_without_its_question_is_an_answer_no_more(
    store,
):
    """Notes added to a meeting that was there already find their question by
    slug and time; one that finds none can't be a Why? answer (as the Store
    keeps it), though its mark comes along."""
    ada = tell_story(store)
    doc = as_file(export_data(store))
    first = doc["people"][0]["meetings"][0]
    first["asked_questions"][0]["asked_at"] = DAYS[0].replace(hour=3).isoformat()  # not there
    first["notes"].append(
        first["notes"][1] | {"uid": "late-why", "text": "wants to coach", "career": "plan"}
    )
    report = import_data(store, doc)
    assert (report.notes_added, report.notes_skipped) == (1, 9)
    oldest = store.meetings_for(ada)[-1]
    late = next(n for n in store.list_notes(oldest.id) if n.uid == "late-why")
    assert (late.asked_question_id, late.answers_why, late.career) == (None, False, "plan")
