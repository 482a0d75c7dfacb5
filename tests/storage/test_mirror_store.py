"""What the mirror reads: only the window (meetings from ``since`` with their
pauses, segments, questions and when their notes were typed, deleted ones
left out; talking points added since), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

SINCE = datetime(2026, 11, 9, tzinfo=UTC)


def test_mirror_data_reads_only_the_window(db_url):
    store = Store.open(db_url)
    try:
        ada = store.add_person("Ada Lovelace", cadence="FREQ=WEEKLY")
        gone = store.add_person("Gone Person", cadence="FREQ=WEEKLY")
        store.update_person(gone.id, archived=True)
        for start in (SINCE - timedelta(days=7), SINCE + timedelta(days=1)):
            meeting, _ = store.start_meeting(
                ada.id, playbook="weekly", planned_minutes=30, now=start
            )
            store.log_segment(meeting.id, 0, "Their topics", start)
            store.pause_meeting(meeting.id, start + timedelta(minutes=2))
            store.resume_meeting(meeting.id, start + timedelta(minutes=3))
            store.record_question(meeting.id, slug="s", text="t", elapsed_seconds=5, at=start)
            for minute in (15, 16):
                typed = start + timedelta(minutes=minute)
                note, _ = store.add_note(
                    NewNote(uid=f"n{meeting.id}-{minute}", meeting_id=meeting.id,
                            kind=NoteKind.NOTE, text="wants to lead", created_at=typed)
                )  # fmt: skip
            store.delete_note(note.id, typed)  # typed by mistake: not counted
            store.end_meeting(meeting.id, start + timedelta(minutes=30))
        store.add_talking_point(ada.id, "old", mine=True, at=SINCE - timedelta(days=1))
        store.add_talking_point(ada.id, "new", mine=False, at=SINCE + timedelta(days=2))
        data = store.mirror_data(SINCE, promises_since=date(2026, 11, 10))
    finally:
        store.close()
    assert [p.name for p in data.people] == ["Ada Lovelace"]  # archived: left out
    assert [m.started_at for m in data.meetings] == [SINCE + timedelta(days=1)]
    (meeting,) = data.meetings
    assert len(meeting.pauses) == 1
    assert {s.meeting_id for s in data.segments} == {meeting.id}
    assert {q.meeting_id for q in data.questions} == {meeting.id}
    assert data.noted == ((meeting.id, meeting.started_at + timedelta(minutes=15)),)
    assert [p.text for p in data.talking_points] == ["new"]
    assert data.promises == ()
