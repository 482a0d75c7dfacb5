"""A meeting app on a fresh SQLite database with a fake clock, for Pilot tests."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from tui1on1.domain.kinds import NoteKind, Owner
from tui1on1.domain.records import NewNote
from tui1on1.domain.timesource import FakeClock
from tui1on1.settings import load_settings
from tui1on1.storage.store import Store
from tui1on1.ui.app import MeetRequest, OneOnOneApp

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch):
    """'ends 09:30' and due dates are shown in local time: pin it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "app.db"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def make_app(db_path, clock):
    """make_app(meet="Ada") → an app on the shared database and fake clock,
    meeting that person; someone not on file yet is added as `meet NAME
    --new` would (unless the test says ``new=`` or ``person_id=`` itself)."""

    def make(meet: str | None = "Ada Lovelace", **request) -> OneOnOneApp:
        settings = load_settings(db_arg=f"sqlite:///{db_path}")
        store = Store.open(settings.database_url)
        if meet and not {"new", "person_id"} & request.keys():
            request["new"] = not store.match_person(meet).found
        app = OneOnOneApp(
            settings,
            meet=MeetRequest(meet, **request) if meet else None,
            store=store,
            clock=clock,
        )
        app.reraise_crashes = True  # a bug in a test must fail it, not end it quietly
        return app

    return make


@pytest.fixture
def history(db_path, clock):
    """Ada: two ended meetings a week apart, with career answers, promises, topics."""
    store = Store.open(f"sqlite:///{db_path}")
    ada = store.add_person("Ada Lovelace", role="Staff engineer", cadence="weekly")
    store.add_person("Bob Ross")
    for week, words in ((2, "mentoring juniors"), (1, "leading the platform team")):
        start = clock.now() - timedelta(weeks=week)
        meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=start)
        asked = store.record_question(
            meeting.id, slug="aspiration-where-next", text="Where next?",
            elapsed_seconds=300, at=start,
        )  # fmt: skip

        def add(uid, kind, text, owner=None, due=None, answer=None, start=start, meeting=meeting):
            store.add_note(NewNote(uid=uid, meeting_id=meeting.id, kind=kind, text=text,
                                   created_at=start + timedelta(minutes=6), action_owner=owner,
                                   action_due=due, asked_question_id=answer))  # fmt: skip

        add(f"a{week}", NoteKind.NOTE, f"wants to try {words}", answer=asked.id)
        add(f"b{week}", NoteKind.ACTION, f"intro to Sam week {week}", Owner.ME, date(2026, 11, 18))
        add(f"c{week}", NoteKind.PARKED, f"compensation question {week}")
        store.end_meeting(meeting.id, start + timedelta(minutes=31), summary="good")
    store.close()
