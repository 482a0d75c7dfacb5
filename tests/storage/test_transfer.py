"""The whole-database export document and merging it back (SQLite and PostgreSQL)."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tui1on1.domain.kinds import ActionStatus, MeetingStatus, NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.storage.errors import InvalidInput, StoreError
from tui1on1.storage.store import Store
from tui1on1.storage.transfer import ImportError_, ImportReport, export_data, import_data

T0 = datetime(2026, 11, 20, 9, 0, 0, 123456, tzinfo=UTC)  # a Friday morning
MIN = timedelta(minutes=1)


def at(minutes: float) -> datetime:
    return T0 + minutes * MIN


def populate(store: Store) -> dict[str, int]:
    """A small database with one of everything the export carries."""
    ada = store.add_person(
        "Ada Lovelace",
        role="Staff engineer",
        cadence="biweekly",
        default_playbook="quarterly",
        now=T0,
    )
    grace = store.add_person("grace hopper", relationship="skip-level", now=at(1))
    old = store.add_person("Zed Oldname", now=at(2))
    store.update_person(old.id, archived=True)

    m1, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    store.log_segment(m1.id, 0, "Check-in", T0)
    store.pause_meeting(m1.id, at(5))
    store.resume_meeting(m1.id, at(7.5))
    store.log_segment(m1.id, 1, "Career", at(10))
    asked = store.record_question(
        m1.id, slug="aspiration-where-next", text="Where next?", elapsed_seconds=90.5, at=at(10)
    )
    store.update_question(asked.id, pause_seconds=8.25, add_followup=True)
    store.record_question(m1.id, slug="why-appeal", text="Why?", elapsed_seconds=700, at=at(12))

    def note(meeting, uid, kind, text, minute, **kw):
        saved, action = store.add_note(
            NewNote(uid=uid, meeting_id=meeting.id, kind=kind, text=text,
                    created_at=at(minute), elapsed_seconds=minute * 60.0, **kw)
        )  # fmt: skip
        return saved, action

    note(m1, "n-1", NoteKind.NOTE, "wants to lead a team", 11, tags=("career", "lead"),
         asked_question_id=asked.id, segment_index=1)  # fmt: skip
    note(m1, "n-2", NoteKind.QUOTE, "I light up\nwhen \x1b[31munblocking\u202e", 13)
    _, mine = note(m1, "n-3", NoteKind.ACTION, "intro to Sam ✓", 14, action_owner=Owner.ME,
                   action_due=date(2026, 11, 27))  # fmt: skip
    typo, _ = note(m1, "n-4", NoteKind.ACTION, "draft the RFC", 15, action_owner=Owner.THEM)
    store.delete_note(typo.id, at(16))  # its action is dropped
    edited, _ = note(m1, "n-5", NoteKind.DECISION, "ship in Q1", 17)
    store.edit_note(edited.id, text="ship in Q2", tags=("plan",), at=at(18))
    for i, kind in enumerate([NoteKind.QUESTION, NoteKind.WIN, NoteKind.CONCERN, NoteKind.PARKED]):
        note(m1, f"n-k{i}", kind, f"{kind.value} text", 19 + i)
    parked = next(n for n in store.list_notes(m1.id) if n.uid == "n-k3")
    store.set_note_resolved(parked.id, at(24))  # dealt with: not an open topic any more
    store.end_meeting(m1.id, at(31), summary="good talk — ✓")

    m2, _ = store.start_meeting(ada.id, playbook="career", planned_minutes=45, now=at(14 * 1440))
    store.set_action_status(mine.id, ActionStatus.DONE, meeting_id=m2.id, at=at(14 * 1440 + 2))
    note(m2, "n-6", NoteKind.NOTE, "back from leave", 14 * 1440 + 1)
    store.pause_meeting(m2.id, at(14 * 1440 + 3))
    store.save_draft(m2.id, "half-typed line", at(14 * 1440 + 4))

    g1, _ = store.start_meeting(grace.id, playbook="managing-up", planned_minutes=20, now=at(60))
    store.end_meeting(g1.id, at(80))
    return {"ada": ada.id, "grace": grace.id, "m1": m1.id, "m2": m2.id}


def without_time(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    doc.pop("exported_at")
    return doc


def as_file(doc: dict) -> dict:
    """The document as it comes back from a file."""
    return json.loads(json.dumps(doc, ensure_ascii=True, indent=1))


@pytest.fixture
def source(tmp_path):
    """A populated SQLite database, apart from the ``store`` under test."""
    opened = Store.open(f"sqlite:///{tmp_path / 'source.db'}")
    populate(opened)
    yield opened
    opened.close()


@pytest.fixture
def empty_sqlite(tmp_path):
    opened = Store.open(f"sqlite:///{tmp_path / 'empty.db'}")
    yield opened
    opened.close()


# --- the document --------------------------------------------------------------------


def test_export_follows_the_format(store):
    populate(store)
    doc = export_data(store, now=at(99_999))
    assert doc["format"] == "tui1on1-export" and doc["version"] == 6
    assert doc["exported_at"] == at(99_999).isoformat()
    assert [p["name"] for p in doc["people"]] == ["Ada Lovelace", "grace hopper", "Zed Oldname"]
    ada = doc["people"][0]
    assert ada["cadence"] == "FREQ=WEEKLY;INTERVAL=2" and ada["default_playbook"] == "quarterly"
    assert doc["people"][2]["archived"] is True
    first, second = ada["meetings"]
    assert first["started_at"] == "2026-11-20T09:00:00.123456+00:00"
    assert first["status"] == "ended" and second["status"] == "live"
    assert first["pauses"] == [{"paused_at": at(5).isoformat(), "resumed_at": at(7.5).isoformat()}]
    assert [(s["index"], s["title"]) for s in first["segments"]] == [(0, "Check-in"), (1, "Career")]
    assert [q["key"] for q in first["asked_questions"]] == ["q1", "q2"]
    assert first["asked_questions"][0]["pause_seconds"] == 8.25
    assert first["asked_questions"][0]["followups"] == 1
    notes = {n["uid"]: n for n in first["notes"]}
    assert [n["uid"] for n in first["notes"]][:5] == ["n-1", "n-2", "n-3", "n-4", "n-5"]
    assert notes["n-1"]["asked_question"] == "q1" and notes["n-1"]["tags"] == ["career", "lead"]
    assert notes["n-1"]["action"] is None
    assert notes["n-1"]["career"] is None and notes["n-1"]["answers_why"] is False
    assert notes["n-k3"]["resolved_at"] == at(24).isoformat()
    assert notes["n-k0"]["resolved_at"] is None
    assert notes["n-3"]["action"] == {
        "owner": "me",
        "due": "2026-11-27",
        "status": "done",
        "created_at": at(14).isoformat(),
        "closed_at": at(14 * 1440 + 2).isoformat(),
        "closed_in_meeting": second["started_at"],
        "history": [
            {
                "uid": notes["n-3"]["action"]["history"][0]["uid"],
                "change": "done",
                "at": at(14 * 1440 + 2).isoformat(),
                "before": "open",
                "after": "done",
                "reason": "",
                "changed_in_meeting": second["started_at"],
            }
        ],
    }
    assert notes["n-4"]["deleted_at"] == at(16).isoformat()
    assert notes["n-4"]["action"]["status"] == "dropped"
    assert notes["n-5"]["text"] == "ship in Q2" and notes["n-5"]["edited_at"] == at(18).isoformat()
    assert second["draft"] == {
        "text": "half-typed line",
        "updated_at": at(14 * 1440 + 4).isoformat(),
    }
    assert second["pauses"][0]["resumed_at"] is None and first["draft"] is None
    text = json.dumps(doc, ensure_ascii=True)
    assert "\x1b" not in text and "\u202e" not in text and '"id"' not in text


def test_export_of_an_empty_database(store):
    doc = export_data(store)
    assert doc["people"] == [] and datetime.fromisoformat(doc["exported_at"]).tzinfo is not None


# --- round trips ---------------------------------------------------------------------


def test_export_import_export_gives_the_same_document(store, empty_sqlite):
    """Export from each backend, import into an empty database, export again."""
    populate(store)
    doc = as_file(export_data(store))
    report = import_data(empty_sqlite, doc)
    assert without_time(export_data(empty_sqlite)) == without_time(doc)
    assert (report.people_added, report.meetings_added, report.notes_added) == (3, 3, 10)
    assert (report.actions_added, report.questions_added) == (2, 2)
    assert report.people_skipped == report.meetings_skipped == report.notes_skipped == 0
    assert report.ended_live == []


def test_import_into_an_empty_database_on_each_backend(store, source):
    doc = as_file(export_data(source))
    import_data(store, doc)
    assert without_time(export_data(store)) == without_time(doc)


def test_importing_the_same_file_twice_adds_nothing(store, source):
    doc = as_file(export_data(source))
    import_data(store, doc)
    before = export_data(store)
    again = import_data(store, doc)
    assert not again.added_anything
    assert (again.people_added, again.meetings_added, again.notes_added) == (0, 0, 0)
    assert (again.actions_added, again.questions_added) == (0, 0)
    assert (again.people_skipped, again.meetings_skipped, again.notes_skipped) == (3, 3, 10)
    assert (again.actions_skipped, again.questions_skipped) == (2, 2)
    assert again.lines() == [
        "nothing new: 3 people, 3 meetings and 10 notes already there (skipped)"
    ]
    assert without_time(export_data(store)) == without_time(before)


def test_sqlite_to_postgresql_and_back(sqlite_url, pg_url, tmp_path):
    lite = Store.open(sqlite_url)
    pg = Store.open(pg_url)
    back = Store.open(f"sqlite:///{tmp_path / 'back.db'}")
    try:
        populate(lite)
        doc = as_file(export_data(lite))
        import_data(pg, doc)
        from_pg = as_file(export_data(pg))
        assert without_time(from_pg) == without_time(doc)
        import_data(back, from_pg)
        assert without_time(export_data(back)) == without_time(doc)
    finally:
        lite.close()
        pg.close()
        back.close()


def test_imported_records_read_back_as_before(store, source):
    import_data(store, as_file(export_data(source)))
    ada = store.find_person("ADA LOVELACE")
    assert ada is not None and ada.cadence == "FREQ=WEEKLY;INTERVAL=2"
    assert ada.created_at == T0 and ada.created_at.tzinfo is UTC
    live = store.live_meetings()
    assert [m.started_at for m in live] == [at(14 * 1440)]
    assert live[0].pauses[0].resumed_at is None
    first = store.meetings_for(ada.id)[-1]
    notes = store.list_notes(first.id, include_deleted=True)
    deleted = next(n for n in notes if n.uid == "n-4")
    assert deleted.deleted_at == at(16) and deleted.deleted_at.tzinfo is UTC
    assert "n-4" not in [n.uid for n in store.list_notes(first.id)]
    asked = store.list_asked(first.id)
    answer = next(n for n in notes if n.uid == "n-1")
    assert answer.asked_question_id == asked[0].id and asked[0].pause_seconds == 8.25
    draft = store.get_draft(live[0].id)
    assert draft is not None and draft.text == "half-typed line" and draft.updated_at.tzinfo is UTC
    actions = {a.text: a for a in store.list_actions(person_id=ada.id)}
    assert actions["intro to Sam ✓"].closed_meeting_id == live[0].id
    assert actions["intro to Sam ✓"].origin_meeting_id == first.id
    assert actions["draft the RFC"].status is ActionStatus.DROPPED
    for value in (
        first.started_at,
        first.ended_at,
        *(n.created_at for n in notes),
        *(a.created_at for a in actions.values()),
        *(a.asked_at for a in asked),
    ):
        assert value is not None and value.tzinfo is UTC
    parked = next(n for n in notes if n.uid == "n-k3")
    assert parked.resolved_at == at(24) and parked.resolved_at.tzinfo is UTC
    assert [t.uid for t in store.open_topics(ada.id)] == ["n-k0"]  # the question stays open
    quote = next(n for n in notes if n.uid == "n-2")
    assert quote.text == "I light up\nwhen \x1b[31munblocking\u202e"


def test_times_with_other_offsets_are_stored_in_utc(store, source):
    doc = as_file(export_data(source))
    paris = timezone(timedelta(hours=1))
    meeting = doc["people"][1]["meetings"][0]  # grace's
    meeting["started_at"] = at(60).astimezone(paris).isoformat()
    meeting["ended_at"] = at(80).astimezone(paris).isoformat()
    doc["people"][1]["created_at"] = "2026-11-20T09:01:00.123456Z"
    import_data(store, doc)
    grace = store.find_person("grace hopper")
    assert grace.created_at == at(1) and grace.created_at.tzinfo is UTC
    (held,) = store.meetings_for(grace.id)
    assert held.started_at == at(60) and held.started_at.tzinfo is UTC


# --- merging -------------------------------------------------------------------------


def test_existing_people_and_meetings_are_kept_and_new_notes_merged(store, source):
    doc = as_file(export_data(source))
    ada = store.add_person("ADA lovelace", role="Principal", now=at(-100))
    kept, _ = store.start_meeting(ada.id, playbook="first", planned_minutes=25, now=T0)
    store.add_note(
        NewNote(uid="n-1", meeting_id=kept.id, kind=NoteKind.NOTE, text="mine", created_at=at(1))
    )
    report = import_data(store, doc)

    assert (report.people_added, report.people_skipped) == (2, 1)
    assert (report.meetings_added, report.meetings_skipped) == (2, 1)
    assert (report.notes_added, report.notes_skipped) == (9, 1)
    assert (report.questions_added, report.questions_skipped) == (0, 2)
    assert report.lines()[0] == (
        "added 2 people (1 already there, skipped), 2 meetings (1 already there, skipped), "
        "9 notes (1 already there, skipped)"
    )
    assert report.lines()[1] == "with 2 action items"
    same = store.get_person(ada.id)
    assert (same.name, same.role, same.cadence, same.created_at) == (
        "ADA lovelace",
        "Principal",
        None,
        at(-100),
    )
    meeting = store.get_meeting(kept.id)
    assert (meeting.playbook, meeting.planned_minutes, meeting.status) == (
        "first",
        25,
        MeetingStatus.LIVE,  # kept as it was, though the file has it ended
    )
    notes = {n.uid: n for n in store.list_notes(kept.id, include_deleted=True)}
    assert notes["n-1"].text == "mine"  # never updated
    assert notes["n-2"].text.startswith("I light up")
    assert store.list_asked(kept.id) == []  # asked questions only come with new meetings
    assert store.list_segments(kept.id) == [] and store.get_meeting(kept.id).pauses == ()


def test_a_second_live_meeting_is_imported_as_ended(store, source):
    doc = as_file(export_data(source))
    ada = store.add_person("Ada Lovelace", now=T0)
    here, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=at(20_000))
    report = import_data(store, doc)
    assert len(report.ended_live) == 1
    name, started = report.ended_live[0]
    assert name == "Ada Lovelace" and started == at(14 * 1440)
    assert "Ada Lovelace already had a live meeting" in report.lines()[-1]
    assert [m.id for m in store.live_meetings()] == [here.id]
    imported = next(m for m in store.meetings_for(ada.id) if m.started_at == at(14 * 1440))
    assert imported.status is MeetingStatus.ENDED
    assert imported.ended_at == at(14 * 1440 + 1)  # its last note
    assert imported.pauses[0].resumed_at == at(14 * 1440 + 3)  # its open pause is closed


def test_two_live_meetings_for_a_new_person_in_one_file(store):
    doc = _minimal()
    meeting = doc["people"][0]["meetings"][0]
    later = copy.deepcopy(meeting) | {"started_at": at(100).isoformat(), "notes": []}
    doc["people"][0]["meetings"] = [later, meeting]
    report = import_data(store, doc)
    (person,) = store.list_people()
    statuses = {m.started_at: m.status for m in store.meetings_for(person.id)}
    assert statuses == {T0: MeetingStatus.LIVE, at(100): MeetingStatus.ENDED}
    assert report.ended_live == [("Ada Lovelace", at(100))]
    assert store.get_meeting(store.meetings_for(person.id)[0].id).ended_at == at(100)


def test_a_note_whose_uid_is_anywhere_is_skipped(store, source):
    doc = as_file(export_data(source))
    other = store.add_person("Someone Else")
    elsewhere, _ = store.start_meeting(other.id, playbook="weekly", planned_minutes=30, now=T0)
    store.add_note(
        NewNote(
            uid="n-3",
            meeting_id=elsewhere.id,
            kind=NoteKind.NOTE,
            text="same uid",
            created_at=at(1),
        )
    )
    report = import_data(store, doc)
    assert (report.notes_added, report.notes_skipped) == (9, 1)
    assert (report.actions_added, report.actions_skipped) == (1, 1)
    assert [n.text for n in store.list_notes(elsewhere.id)] == ["same uid"]


def test_a_new_note_in_a_kept_meeting_finds_its_asked_question(store, source):
    doc = as_file(export_data(source))
    import_data(store, doc)
    doc["people"][0]["meetings"][0]["notes"].append(
        {
            "uid": "late-answer",
            "kind": "note",
            "text": "came back to it",
            "tags": [],
            "elapsed_seconds": 1000.0,
            "segment_index": None,
            "asked_question": "q2",
            "created_at": at(25).isoformat(),
            "edited_at": None,
            "deleted_at": None,
            "action": None,
            "resolved_at": None,
            "resolved_in_meeting": None,
            "career": None,
            "answers_why": True,
            "private": False,
        }
    )
    report = import_data(store, doc)
    assert (report.notes_added, report.meetings_added) == (1, 0)
    assert report.lines() == [
        "added 0 people (3 already there, skipped), 0 meetings "
        "(3 already there, skipped), 1 note (10 already there, skipped)"
    ]
    ada = store.find_person("ada lovelace")
    first = store.meetings_for(ada.id)[-1]
    late = next(n for n in store.list_notes(first.id) if n.uid == "late-answer")
    assert late.asked_question_id == store.list_asked(first.id)[1].id and late.answers_why


def test_report_lines_for_an_empty_file():
    assert ImportReport().lines() == ["the file holds no one, so there was nothing to import"]


# --- refusing a malformed document -----------------------------------------------------


def _minimal() -> dict:
    iso = T0.isoformat()
    return {
        "format": "tui1on1-export",
        "version": 2,
        "exported_at": iso,
        "people": [
            {
                "name": "Ada Lovelace",
                "role": "",
                "relationship": "report",
                "cadence": None,
                "default_playbook": None,
                "archived": False,
                "created_at": iso,
                "meetings": [
                    {
                        "playbook": "weekly",
                        "planned_minutes": 30,
                        "started_at": iso,
                        "ended_at": None,
                        "status": "live",
                        "summary": "",
                        "pauses": [],
                        "segments": [],
                        "asked_questions": [
                            {
                                "key": "q1",
                                "slug": "s",
                                "text": "t?",
                                "elapsed_seconds": 3,
                                "asked_at": iso,
                                "pause_seconds": None,
                                "followups": 0,
                            }
                        ],
                        "notes": [
                            {
                                "uid": f"u{i}",
                                "kind": "note",
                                "text": "x",
                                "tags": [],
                                "elapsed_seconds": 1,
                                "segment_index": None,
                                "asked_question": None,
                                "created_at": iso,
                                "edited_at": None,
                                "deleted_at": None,
                                "action": None,
                                "resolved_at": None,
                                "career": None,
                                "answers_why": False,
                                "private": False,
                            }
                            for i in range(6)
                        ],
                        "draft": None,
                    }
                ],
            }
        ],
    }


def _set(doc: dict, path: list, value) -> dict:
    target = doc
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


_DELETE = object()
NOTE5 = ["people", 0, "meetings", 0, "notes", 5]


@pytest.mark.parametrize(
    "path, value, message",
    [
        (["format"], "something-else", r"^format: expected 'tui1on1-export'"),
        (
            ["version"],
            7,
            r"^version: this tui1on1 reads versions 1, 2, 3, 4, 5 and 6, the file is ver",
        ),
        (["version"], "1", r"^version: .*version a string"),
        (["people"], {}, r"^people: expected a list, got an object"),
        ([*NOTE5, "kind"], "x", r"^people\[0\]\.meetings\[0\]\.notes\[5\]\.kind: unknown kind 'x'"),
        ([*NOTE5, "created_at"], "20 Nov 2026", r"notes\[5\]\.created_at: '20 Nov 2026' isn't"),
        ([*NOTE5, "created_at"], "2026-11-20T09:00:00", r"notes\[5\]\.created_at: .*no time zone"),
        ([*NOTE5, "uid"], _DELETE, r"^people\[0\]\.meetings\[0\]\.notes\[5\]\.uid: missing$"),
        ([*NOTE5, "text"], "  ", r"notes\[5\]\.text: can't be empty"),
        ([*NOTE5, "text"], "a\x00b", r"notes\[5\]\.text: contains a NUL"),
        ([*NOTE5, "elapsed_seconds"], float("nan"), r"notes\[5\]\.elapsed_seconds: nan isn't"),
        ([*NOTE5, "elapsed_seconds"], True, r"elapsed_seconds: expected a number, got true/false"),
        ([*NOTE5, "tags"], ["two words"], r"notes\[5\]\.tags\[0\]: a tag is one word"),
        ([*NOTE5, "asked_question"], "q9", r"notes\[5\]\.asked_question: 'q9' isn't a key"),
        ([*NOTE5, "action"], {"owner": "me"}, r"notes\[5\]\.action: only an action note"),
        ([*NOTE5, "resolved_at"], "soon", r"notes\[5\]\.resolved_at: 'soon' isn't an ISO"),
        ([*NOTE5, "resolved_at"], _DELETE, r"notes\[5\]\.resolved_at: missing$"),
        ([*NOTE5, "career"], "boss", r"notes\[5\]\.career: unknown career mark 'boss' \(expec"),
        ([*NOTE5, "career"], 1, r"notes\[5\]\.career: unknown career mark a number"),
        ([*NOTE5, "career"], _DELETE, r"^people\[0\]\.meetings\[0\]\.notes\[5\]\.career: missing$"),
        ([*NOTE5, "answers_why"], "yes", r"notes\[5\]\.answers_why: expected true or false"),
        ([*NOTE5, "answers_why"], _DELETE, r"notes\[5\]\.answers_why: missing$"),
        ([*NOTE5, "answers_why"], True, r"notes\[5\]\.answers_why: a Why\? answer follows"),
        ([*NOTE5], "a string", r"notes\[5\]: expected an object, got a string"),
        (["people", 0, "name"], "Eve\x1b[31m", r"people\[0\]\.name: .*control"),
        (["people", 0, "relationship"], "boss", r"people\[0\]\.relationship: unknown"),
        (["people", 0, "cadence"], "every moon", r"people\[0\]\.cadence: couldn't read"),
        (["people", 0, "archived"], "no", r"people\[0\]\.archived: expected true or false"),
        (["people", 0, "meetings", 0, "planned_minutes"], 0, r"planned_minutes: 0 is out of range"),
        (["people", 0, "meetings", 0, "status"], "ended", r"meetings\[0\]\.ended_at: an ended"),
        (["people", 0, "meetings", 0, "asked_questions", 0, "key"], 5, r"\.key: expected a str"),
        (["people", 0, "meetings", 0, "draft"], {"text": "x"}, r"draft\.updated_at: missing"),
    ],
)
def test_a_malformed_document_is_refused_with_its_path(store, path, value, message):
    store.add_person("Already Here", now=T0)
    before = export_data(store)
    doc = _minimal()
    doc["people"].insert(0, copy.deepcopy(doc["people"][0]) | {"name": "Someone New"})
    doc["people"][0]["meetings"][0]["notes"] = [
        n | {"uid": f"new-{n['uid']}"} for n in doc["people"][0]["meetings"][0]["notes"]
    ]
    doc["people"] = doc["people"][::-1]  # the broken person first, the fine one after
    _set(doc, path, value)
    with pytest.raises(ImportError_, match=message) as raised:
        import_data(store, doc)
    assert isinstance(raised.value, InvalidInput) and isinstance(raised.value, StoreError)
    assert "\x1b" not in str(raised.value)
    assert without_time(export_data(store)) == without_time(before)  # nothing written


def test_an_action_note_needs_its_action_and_a_known_closing_meeting(store):
    doc = _minimal()
    note = doc["people"][0]["meetings"][0]["notes"][2]
    note["kind"] = "action"
    with pytest.raises(ImportError_, match=r"notes\[2\]\.action: an action note needs"):
        import_data(store, doc)
    note["action"] = {
        "owner": "them",
        "due": "2026-11-27",
        "status": "done",
        "created_at": T0.isoformat(),
        "closed_at": T0.isoformat(),
        "closed_in_meeting": at(5).isoformat(),
    }
    with pytest.raises(ImportError_, match=r"notes\[2\]\.action\.closed_in_meeting: no meeting"):
        import_data(store, doc)
    note["action"]["closed_in_meeting"] = None
    note["action"]["due"] = "27/11/2026"
    with pytest.raises(ImportError_, match=r"action\.due: '27/11/2026' isn't a date"):
        import_data(store, doc)
    note["action"]["due"] = "2026-11-27"
    report = import_data(store, doc)
    assert report.actions_added == 1 and store.list_people()[0].name == "Ada Lovelace"
    (action,) = store.list_actions()
    assert action.due == date(2026, 11, 27) and action.owner is Owner.THEM


def test_a_document_that_is_not_an_object_is_refused(store):
    with pytest.raises(ImportError_, match="the file: expected an object, got a list"):
        import_data(store, [])  # type: ignore[arg-type]


def test_a_failure_inside_the_transaction_writes_nothing(store, monkeypatch):
    """Everything lands in one transaction: a failure late in it (here while
    adding action items) leaves no person, meeting or note behind."""
    from tui1on1.storage.tables import ActionItemRow
    from tui1on1.storage.transfer import merge

    doc = _minimal()
    note = doc["people"][0]["meetings"][0]["notes"][0]
    note["kind"] = "action"
    note["action"] = {
        "owner": "me",
        "due": None,
        "status": "open",
        "created_at": T0.isoformat(),
        "closed_at": None,
        "closed_in_meeting": None,
    }
    real = merge.insert_ids

    def failing(session, table, rows):
        if table is ActionItemRow:
            raise RuntimeError("the disk went away")
        return real(session, table, rows)

    monkeypatch.setattr(merge, "insert_ids", failing)
    with pytest.raises(RuntimeError):
        import_data(store, doc)
    assert export_data(store)["people"] == []
