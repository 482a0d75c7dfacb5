"""Growth plans in the export (version 6; SQLite and PostgreSQL): every
change under its person, oldest first, the meeting it was made in named by
when it started; imported into an empty database the plans read the same,
linked to the same meetings; a second import adds nothing; a version 5 file
(no plans) still imports; a change that can't be one is refused by its place."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from tui1on1.domain.growth import decide, open_plan, read_plan_line
from tui1on1.storage.errors import InvalidInput
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import export_data, import_data

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
MIN = timedelta(minutes=1)
WANTS = "leading a small team, in two years"


def _change(store: Store, person_id: int, line: str, at: datetime, meeting_id: int | None = None):
    """One line typed in a 1:1 (``meeting_id``) or from the shell, decided
    against the plan as it is and kept as the journal keeps it."""
    plan = open_plan(store.growth_plans(person_id))
    uid = f"pe-{len(store.plan_events(person_id)) + 1}"
    event = decide(read_plan_line(line), plan, person_id=person_id, at=at, uid=uid,
                   aspiration=WANTS, meeting_id=meeting_id)  # fmt: skip
    return store.add_plan_event(event)


def _meeting(store: Store, person_id: int, start: datetime) -> int:
    meeting, _ = store.start_meeting(person_id, playbook="weekly", planned_minutes=30, now=start)
    store.end_meeting(meeting.id, start + 30 * MIN)
    return meeting.id


def populate(store: Store) -> dict[str, int]:
    """Priya: an earlier plan achieved, and the one open now — a goal, two
    options (one agreed, one set aside, a third still proposed), slipping
    then on track. Bo: a meeting and no plan."""
    priya = store.add_person("Priya Raman", now=T0 - 10 * DAY)
    bo = store.add_person("Bo Chen", now=T0 - 10 * DAY)
    first = _meeting(store, priya.id, T0)
    _change(store, priya.id, "goal run the team retros for a quarter", T0 + 5 * MIN, first)
    _change(store, priya.id, "option take over the Tuesday retro", T0 + 6 * MIN, first)
    _change(store, priya.id, "pick 1", T0 + 7 * MIN, first)
    _change(store, priya.id, "achieved: ran all six, the team kept the format", T0 + 60 * DAY)
    goal = _meeting(store, priya.id, T0 + 70 * DAY)
    agreed = _meeting(store, priya.id, T0 + 80 * DAY)
    later = _meeting(store, priya.id, T0 + 100 * DAY)
    _change(store, priya.id, "goal lead a small team by next autumn", T0 + 70 * DAY + 4 * MIN, goal)
    _change(store, priya.id, "option lead the interns this summer", T0 + 70 * DAY + 5 * MIN, goal)
    _change(store, priya.id, "option act as lead while Sam is away", T0 + 70 * DAY + 6 * MIN, goal)
    _change(store, priya.id, "option run the hiring loop", T0 + 70 * DAY + 7 * MIN, goal)
    _change(store, priya.id, "pick 2", T0 + 80 * DAY + 3 * MIN, agreed)
    _change(store, priya.id, "drop 1", T0 + 80 * DAY + 4 * MIN, agreed)
    _change(store, priya.id, "slipping: release crunch ate the time", T0 + 90 * DAY)
    _change(store, priya.id, "on track", T0 + 100 * DAY + 9 * MIN, later)
    _meeting(store, bo.id, T0)
    return {"priya": priya.id, "goal": goal, "agreed": agreed, "later": later}


def _as_file(doc: dict) -> dict:
    return json.loads(json.dumps(doc, ensure_ascii=True, indent=1))


def _plans(store: Store, name: str):
    person = store.find_person(name)
    assert person is not None
    return [replace(p, person_id=0) for p in store.growth_plans(person.id)]


@pytest.fixture
def empty(tmp_path):
    opened = Store.open(f"sqlite:///{tmp_path / 'empty.db'}")
    yield opened
    opened.close()


def test_export_lists_every_change_under_its_person(store):
    ids = populate(store)
    doc = export_data(store, now=T0 + 200 * DAY)
    assert doc["version"] == 6
    bo, priya = doc["people"]
    assert bo["plan_events"] == []
    events = priya["plan_events"]
    assert [(e["op"], e["text"]) for e in events] == [
        ("goal", "run the team retros for a quarter"),
        ("option", "take over the Tuesday retro"),
        ("pick", ""),
        ("status", "ran all six, the team kept the format"),
        ("goal", "lead a small team by next autumn"),
        ("option", "lead the interns this summer"),
        ("option", "act as lead while Sam is away"),
        ("option", "run the hiring loop"),
        ("pick", ""),
        ("drop", ""),
        ("status", "release crunch ate the time"),
        ("status", ""),
    ]
    started = {m["started_at"] for m in priya["meetings"]}
    assert events[8] == {
        "uid": "pe-9",
        "at": (T0 + 80 * DAY + 3 * MIN).isoformat(),
        "op": "pick",
        "text": "",
        "target": "pe-7",  # the option's uid: "act as lead while Sam is away"
        "status": None,
        "aspiration": None,
        "changed_in_meeting": (T0 + 80 * DAY).isoformat(),
    }
    assert events[4]["aspiration"] == WANTS and events[4]["target"] is None
    assert events[3]["status"] == "achieved" and events[3]["changed_in_meeting"] is None
    assert events[10]["status"] == "slipping" and events[11]["status"] == "on_track"
    assert {e["changed_in_meeting"] for e in events} - {None} <= started
    assert ids["goal"] != ids["later"]


def test_imported_into_an_empty_database_the_plans_read_the_same(store, empty):
    populate(store)
    doc = _as_file(export_data(store))
    report = import_data(empty, copy.deepcopy(doc))
    assert (report.plan_events_added, report.plan_events_skipped) == (12, 0)
    assert report.lines()[-1] == "with 12 growth-plan changes"
    assert _plans(empty, "Priya Raman") == _plans(store, "Priya Raman")
    assert _plans(empty, "Bo Chen") == []
    [now_open, earlier] = _plans(empty, "Priya Raman")
    assert now_open.goal == "lead a small team by next autumn" and now_open.is_open
    assert earlier.status.value == "achieved" and not earlier.is_open
    # each change made in a 1:1 is linked to the meeting that started then
    moved = empty.find_person("Priya Raman")
    assert moved is not None
    linked = {
        e.uid: empty.get_meeting(e.meeting_id).started_at
        for e in empty.plan_events(moved.id)
        if e.meeting_id is not None
    }
    kept = {
        e.uid: store.get_meeting(e.meeting_id).started_at
        for e in store.plan_events(store.find_person("Priya Raman").id)
        if e.meeting_id is not None
    }
    assert linked == kept and len(linked) == 10
    assert export_data(empty)["people"] == doc["people"]


def test_importing_twice_adds_nothing(store, empty):
    populate(store)
    doc = _as_file(export_data(store))
    import_data(empty, copy.deepcopy(doc))
    again = import_data(empty, copy.deepcopy(doc))
    assert not again.added_anything
    assert (again.plan_events_added, again.plan_events_skipped) == (0, 12)
    assert len(empty.all_plan_events()) == 12
    assert _plans(empty, "Priya Raman") == _plans(store, "Priya Raman")


def test_changes_merge_into_a_database_with_the_person_by_uid(store, empty):
    """A person already there keeps their plan's changes, and gains those
    of the file it lacks (a newer export of the same database)."""
    populate(store)
    older = _as_file(export_data(store))
    older["people"][1]["plan_events"] = older["people"][1]["plan_events"][:5]
    import_data(empty, older)
    report = import_data(empty, _as_file(export_data(store)))
    assert (report.plan_events_added, report.plan_events_skipped) == (7, 5)
    assert report.lines()[-1] == "with 7 growth-plan changes (5 already there, skipped)"
    assert _plans(empty, "Priya Raman") == _plans(store, "Priya Raman")


def test_a_version_5_file_imports_with_no_plans(store, empty):
    populate(store)
    doc = _as_file(export_data(store))
    doc["version"] = 5
    for person in doc["people"]:
        del person["plan_events"]
    report = import_data(empty, doc)
    assert report.people_added == 2 and report.meetings_added == 5
    assert report.plan_events_added == 0 and empty.all_plan_events() == []
    assert "growth-plan" not in " ".join(report.lines())


def test_a_discarded_meeting_keeps_the_plan(store, tmp_path):
    """The file a discarded 1:1 is kept in holds the meeting, not the plan:
    the plan's changes stay in the database (no longer linked to it)."""
    ids = populate(store)
    result = store.discard_meeting(ids["later"], tmp_path / "discarded", now=T0 + 200 * DAY)
    kept = json.loads(result.path.read_text())
    assert kept["people"][0]["plan_events"] == []
    events = store.plan_events(ids["priya"])
    assert len(events) == 12 and events[-1].meeting_id is None


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("op", "promote", r"plan_events\[8\]\.op: unknown plan change 'promote'"),
        ("target", None, r"plan_events\[8\]\.target: a pick names the option's uid"),
        ("text", "x" * 401, r"plan_events\[8\]\.text: at most 400 characters"),
        ("at", "soon", r"plan_events\[8\]\.at: 'soon' isn't"),
        (
            "changed_in_meeting",
            "2020-01-01T09:00:00+00:00",
            r"plan_events\[8\]\.changed_in_meeting: no meeting with Priya Raman started at",
        ),
    ],
)
def test_a_change_that_cant_be_one_is_refused_by_its_place(store, empty, field, value, message):
    populate(store)
    doc = _as_file(export_data(store))
    doc["people"][1]["plan_events"][8][field] = value
    with pytest.raises(InvalidInput, match=message):
        import_data(empty, doc)
    assert empty.list_people() == [] and empty.all_plan_events() == []


def test_a_status_change_needs_its_status_and_a_goal_its_words(store, empty):
    populate(store)
    doc = _as_file(export_data(store))
    doc["people"][1]["plan_events"][10]["status"] = None
    with pytest.raises(InvalidInput, match=r"plan_events\[10\]\.status: a status change needs"):
        import_data(empty, copy.deepcopy(doc))
    doc["people"][1]["plan_events"][10]["status"] = "doing great"
    with pytest.raises(InvalidInput, match=r"plan_events\[10\]\.status: unknown plan status"):
        import_data(empty, copy.deepcopy(doc))
    doc = _as_file(export_data(store))
    doc["people"][1]["plan_events"][4]["text"] = "   "
    with pytest.raises(InvalidInput, match=r"plan_events\[4\]\.text: a goal needs its words"):
        import_data(empty, doc)
