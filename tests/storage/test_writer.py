"""The ordered writer: order, callbacks, retries, the recovery journal, stop and flush.

Retries never wait: every Writer here gets an injected ``sleep`` that records
the delay and, where a test needs it, brings the database back.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tui1on1.domain.kinds import ActionStatus, NoteKind, Owner
from tui1on1.domain.records import NewAskedQuestion, NewNote
from tui1on1.storage.engine import make_engine
from tui1on1.storage.errors import DatabaseUnavailable, InvalidInput
from tui1on1.storage.journal import Journal
from tui1on1.storage.journal_entries import draft_entry, entry_to_note, note_to_entry
from tui1on1.storage.notes import MAX_NOTE_CHARS
from tui1on1.storage.store import Store
from tui1on1.storage.writer import RETRY_DELAYS, Writer

# Each runs on a plain journal and on an encrypted database's sealed one.
pytestmark = pytest.mark.usefixtures("journal_sealing")

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WAIT = 10.0  # generous upper bound for thread hand-offs; never asserted on
OUTAGE = "the database at somewhere is read-only, so nothing can be saved to it right now"


class FlakyStore:
    """A real Store whose calls raise DatabaseUnavailable while it is down.

    ``fail_next`` makes just the next N calls fail; ``down`` fails every call.
    """

    def __init__(self, store: Store, *, down: bool = False, fail_next: int = 0) -> None:
        self.inner = store
        self.down = down
        self.fail_next = fail_next
        self.calls: list[str] = []
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.inner, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self.calls.append(name)
                failing = self.down or self.fail_next > 0
                if self.fail_next > 0:
                    self.fail_next -= 1
            if failing:
                raise DatabaseUnavailable(OUTAGE)
            return attr(*args, **kwargs)

        return call


class Recorder:
    """Callbacks and status reports, collected thread-safely."""

    def __init__(self) -> None:
        self.done: list[tuple[str, Any]] = []
        self.failed: list[tuple[str, Exception]] = []
        self.statuses: list[str | None] = []
        self.status_changed = threading.Event()
        self._lock = threading.Lock()

    def on_done(self, tag: str):
        def callback(result: Any) -> None:
            with self._lock:
                self.done.append((tag, result))

        return callback

    def on_failed(self, tag: str):
        def callback(exc: Exception) -> None:
            with self._lock:
                self.failed.append((tag, exc))

        return callback

    def on_status(self, message: str | None) -> None:
        with self._lock:
            self.statuses.append(message)
        self.status_changed.set()


@pytest.fixture
def meeting(store):
    person = store.add_person("Ada Lovelace")
    started, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    return started


@pytest.fixture
def journal(tmp_path) -> Journal:
    return Journal(tmp_path / "writer.journal")


def note(meeting_id: int, uid: str, text: str | None = None, **kw) -> NewNote:
    kw.setdefault("kind", NoteKind.NOTE)
    kw.setdefault("created_at", T0 + timedelta(seconds=len(uid)))
    return NewNote(uid=uid, meeting_id=meeting_id, text=text or f"note {uid}", **kw)


def journal_entries(journal: Journal) -> list[dict]:
    """The entries the journal holds and the database hasn't confirmed yet."""
    return Journal(journal.path).read().pending()


def uids(notes) -> list[str]:
    return [n.uid for n in notes]


def no_sleep(_delay: float) -> None:
    pass


def started(writer: Writer) -> Writer:
    writer.start()
    return writer


# --- order and callbacks ------------------------------------------------------------


def test_jobs_run_strictly_in_submit_order(store, meeting, journal):
    writer = started(Writer(store, journal, sleep=no_sleep))
    ran: list[int] = []
    for i in range(300):
        writer.submit(lambda _store, i=i: ran.append(i))
    assert writer.flush(WAIT)
    assert ran == list(range(300))

    for i in range(30):
        writer.save_note(note(meeting.id, f"n{i:02d}"))
    assert writer.stop(WAIT)
    saved = store.list_notes(meeting.id)
    assert uids(saved) == [f"n{i:02d}" for i in range(30)]
    assert [n.id for n in saved] == sorted(n.id for n in saved)


def test_done_gets_the_committed_result(store, meeting, journal):
    rec = Recorder()
    writer = started(Writer(store, journal, sleep=no_sleep))
    writer.save_note(
        note(meeting.id, "a1", "send the rubric", kind=NoteKind.ACTION, action_owner=Owner.ME),
        done=rec.on_done("action"),
        failed=rec.on_failed("action"),
    )
    writer.save_note(note(meeting.id, "q1", "I want to lead"), done=rec.on_done("plain"))
    assert writer.stop(WAIT)

    assert rec.failed == []
    (tag1, (saved_action, item)), (tag2, (saved_plain, no_item)) = rec.done
    assert (tag1, tag2) == ("action", "plain")
    assert store.list_notes(meeting.id) == [saved_action, saved_plain]
    assert saved_action.id is not None and saved_action.text == "send the rubric"
    assert item is not None and item.note_id == saved_action.id and item.owner is Owner.ME
    assert store.list_actions(status=ActionStatus.OPEN) == [item]
    assert no_item is None


def asked(meeting_id: int, uid: str = "q1") -> NewAskedQuestion:
    return NewAskedQuestion(
        uid=uid, meeting_id=meeting_id, slug="why", text="Why?", elapsed_seconds=60.0, asked_at=T0
    )


def test_a_note_names_the_question_it_answers_by_its_uid(store, meeting, journal):
    writer = started(Writer(store, journal, sleep=no_sleep))
    writer.save_question(asked(meeting.id))
    writer.save_note(replace(note(meeting.id, "ans"), asked_question_uid="q1"))
    assert writer.stop(WAIT)
    [question] = store.list_asked(meeting.id)
    [saved] = store.list_notes(meeting.id)
    assert question.uid == "q1" and saved.asked_question_id == question.id


def test_a_question_and_its_answer_journaled_in_an_outage_land_once_linked(store, meeting, journal):
    """Asked while the database is away: the question and the note answering
    it go to the journal; replayed (even twice), each lands once, linked."""
    flaky = FlakyStore(store, down=True)
    writer = started(Writer(flaky, journal, sleep=lambda _d: None))
    writer.save_question(asked(meeting.id))
    writer.save_note(replace(note(meeting.id, "ans"), asked_question_uid="q1"))
    assert writer.stop(1.0) is True
    entries = journal_entries(journal)
    assert [e["type"] for e in entries] == ["asked", "note"]
    assert entries[1]["asked_question_uid"] == "q1"
    for line in entries:  # a crash mid-replay: the same entries once more
        journal.append(line)
    again = started(Writer(store, journal, sleep=no_sleep))  # the database is back
    assert again.stop(WAIT)
    [question] = store.list_asked(meeting.id)
    [saved] = store.list_notes(meeting.id)
    assert question.uid == "q1" and saved.asked_question_id == question.id
    assert not journal.has_entries()


def test_a_store_error_calls_failed_and_the_writer_moves_on(store, meeting, journal):
    rec = Recorder()
    writer = started(Writer(store, journal, on_status=rec.on_status, sleep=no_sleep))
    writer.save_note(note(meeting.id, "ok1"), done=rec.on_done("ok1"))
    writer.save_note(
        note(meeting.id, "long", "x" * (MAX_NOTE_CHARS + 1)),
        done=rec.on_done("long"),
        failed=rec.on_failed("long"),
    )
    writer.save_note(note(meeting.id, "ok2"), done=rec.on_done("ok2"))
    assert writer.stop(WAIT)

    assert [tag for tag, _ in rec.done] == ["ok1", "ok2"]
    [(tag, exc)] = rec.failed
    assert tag == "long" and isinstance(exc, InvalidInput)
    assert uids(store.list_notes(meeting.id)) == ["ok1", "ok2"]
    assert rec.statuses == []  # a refused note isn't a database problem
    assert not journal.has_entries()  # nor something to retry later


def test_an_unexpected_exception_calls_failed_and_the_writer_moves_on(store, meeting, journal):
    rec = Recorder()
    writer = started(Writer(store, journal, sleep=no_sleep))

    def buggy(_store):
        raise RuntimeError("a bug")

    writer.submit(buggy, done=rec.on_done("bug"), failed=rec.on_failed("bug"))
    writer.save_note(note(meeting.id, "after"), done=rec.on_done("after"))
    # Run, not only journaled: under load stop() may leave a slow write to the journal.
    assert writer.flush(WAIT)
    assert writer.stop(WAIT)
    assert [tag for tag, _ in rec.failed] == ["bug"]
    assert isinstance(rec.failed[0][1], RuntimeError)
    assert [tag for tag, _ in rec.done] == ["after"]
    assert uids(store.list_notes(meeting.id)) == ["after"]


def test_a_callback_that_raises_does_not_stop_the_writer(store, meeting, journal):
    writer = started(Writer(store, journal, sleep=no_sleep))

    def boom(_arg):
        raise RuntimeError("the UI has gone away")

    writer.save_note(note(meeting.id, "first"), done=boom)
    writer.save_note(note(meeting.id, "long", "x" * (MAX_NOTE_CHARS + 1)), failed=boom)
    writer.save_note(note(meeting.id, "second"))
    assert writer.stop(WAIT)
    assert uids(store.list_notes(meeting.id)) == ["first", "second"]


# --- retries -------------------------------------------------------------------------


def test_an_unavailable_job_is_retried_until_it_succeeds(store, journal):
    rec = Recorder()
    delays: list[float] = []
    attempts = {"n": 0}

    def job(_store):
        attempts["n"] += 1
        if attempts["n"] <= 7:
            raise DatabaseUnavailable(OUTAGE)
        return "committed"

    writer = started(Writer(store, journal, on_status=rec.on_status, sleep=delays.append))
    writer.submit(job, done=rec.on_done("job"), failed=rec.on_failed("job"))
    assert writer.flush(WAIT)

    assert attempts["n"] == 8
    assert delays == [*RETRY_DELAYS, RETRY_DELAYS[-1], RETRY_DELAYS[-1]]  # grows, then caps
    assert [(tag, type(exc)) for tag, exc in rec.failed] == [("job", DatabaseUnavailable)]
    assert str(rec.failed[0][1]) == OUTAGE
    assert rec.done == [("job", "committed")]
    assert rec.statuses == [OUTAGE, None]
    assert writer.problem is None
    assert not journal.has_entries()  # a job without a journal entry isn't journaled
    writer.stop(WAIT)


def test_a_failing_note_is_journaled_failed_once_and_lands_once(store, meeting, journal):
    rec = Recorder()
    flaky = FlakyStore(store, fail_next=3)
    journal_seen: list[list[str]] = []

    def sleep(_delay: float) -> None:
        journal_seen.append([e["uid"] for e in journal_entries(journal)])

    writer = started(Writer(flaky, journal, on_status=rec.on_status, sleep=sleep))
    writer.save_note(note(meeting.id, "n1"), done=rec.on_done("n1"), failed=rec.on_failed("n1"))
    assert writer.flush(WAIT)
    assert writer.stop(WAIT)

    assert journal_seen == [["n1"]] * 3  # journaled once, before the first wait
    assert [tag for tag, _ in rec.failed] == ["n1"]
    assert [tag for tag, _ in rec.done] == ["n1"]
    assert rec.statuses == [OUTAGE, None]
    assert uids(store.list_notes(meeting.id)) == ["n1"]
    assert not journal.has_entries()


def test_notes_during_an_outage_are_journaled_in_order_and_replayed_once(store, meeting, journal):
    """The heart of durability: nothing typed during an outage is lost or doubled."""
    rec = Recorder()
    flaky = FlakyStore(store, down=True)
    all_submitted = threading.Event()
    journal_during_outage: list[list[dict]] = []

    waits: list[float] = []

    def sleep(delay: float) -> None:
        waits.append(delay)
        if len(waits) == 1:
            all_submitted.wait(WAIT)  # first failure: let the rest queue up behind it
            return
        deadline = time.monotonic() + WAIT  # the journal thread runs on its own
        while len(journal_entries(journal)) < 7 and time.monotonic() < deadline:
            time.sleep(0.01)
        journal_during_outage.append(journal_entries(journal))
        flaky.down = False  # second wait: the database comes back

    writer = started(Writer(flaky, journal, on_status=rec.on_status, sleep=sleep))
    names = [f"n{i}" for i in range(1, 7)]
    for name in names[:3]:
        writer.save_note(note(meeting.id, name), done=rec.on_done(name), failed=rec.on_failed(name))
    writer.save_draft(meeting.id, "and another thi", T0)
    for name in names[3:]:
        writer.save_note(note(meeting.id, name), done=rec.on_done(name), failed=rec.on_failed(name))
    all_submitted.set()
    assert writer.flush(WAIT)

    [snapshot] = journal_during_outage
    assert [e.get("uid", e["type"]) for e in snapshot] == [*names[:3], "draft", *names[3:]]
    assert [entry_to_note(e) for e in snapshot if e["type"] == "note"] == [
        note(meeting.id, name) for name in names
    ]
    saved = store.list_notes(meeting.id)
    assert uids(saved) == names  # each exactly once, in the order typed
    assert [n.id for n in saved] == sorted(n.id for n in saved)
    assert store.get_draft(meeting.id).text == "and another thi"
    assert journal_entries(journal) == []  # all done; the stop's checkpoint empties it
    assert rec.statuses == [OUTAGE, None]
    assert [tag for tag, _ in rec.failed] == ["n1"]  # only the job that hit the outage
    assert sorted(tag for tag, _ in rec.done) == sorted(names)
    assert writer.problem is None
    writer.stop(WAIT)
    assert not journal.has_entries()


def test_notes_behind_a_failing_job_without_an_entry_are_journaled(store, meeting, journal):
    rec = Recorder()
    flaky = FlakyStore(store, down=True)
    all_submitted = threading.Event()
    journal_during_outage: list[list[str]] = []

    waits: list[float] = []

    def sleep(delay: float) -> None:
        waits.append(delay)
        if len(waits) == 1:
            all_submitted.wait(WAIT)
            return
        # The journal thread takes them whatever the database does: wait for
        # it (it runs on its own), then look.
        deadline = time.monotonic() + WAIT
        while len(journal_entries(journal)) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        journal_during_outage.append([e["uid"] for e in journal_entries(journal)])
        flaky.down = False

    writer = started(Writer(flaky, journal, on_status=rec.on_status, sleep=sleep))
    writer.submit(
        lambda s: s.record_question(meeting.id, slug="why", text="Why?", elapsed_seconds=1, at=T0),
        failed=rec.on_failed("question"),
    )
    for name in ("a", "b", "c"):
        writer.save_note(note(meeting.id, name))
    all_submitted.set()
    assert writer.flush(WAIT)
    assert writer.stop(WAIT)

    assert journal_during_outage == [["a", "b", "c"]]
    assert [q.slug for q in store.list_asked(meeting.id)] == ["why"]
    assert uids(store.list_notes(meeting.id)) == ["a", "b", "c"]
    assert not journal.has_entries()
    assert [tag for tag, _ in rec.failed] == ["question"]


def test_a_really_read_only_sqlite_database(sqlite_url, tmp_path):
    """No fakes: the same file opened read-only, then read-write again."""
    healthy = Store.open(sqlite_url)
    person = healthy.add_person("Grace Hopper")
    meeting, _ = healthy.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    path = sqlite_url.removeprefix("sqlite:///")
    read_only = Store(make_engine(f"sqlite:///file:{path}?mode=ro&uri=true"))

    class Switch:
        down = True

        def __getattr__(self, name: str) -> Any:
            return getattr(read_only if self.down else healthy, name)

    switch = Switch()
    journal = Journal(tmp_path / "ro.journal")
    rec = Recorder()
    all_submitted = threading.Event()

    waits: list[float] = []

    def sleep(delay: float) -> None:
        waits.append(delay)
        if len(waits) == 1:
            all_submitted.wait(WAIT)
        else:
            switch.down = False

    writer = started(Writer(switch, journal, on_status=rec.on_status, sleep=sleep))
    for name in ("r1", "r2", "r3"):
        writer.save_note(note(meeting.id, name), failed=rec.on_failed(name))
    all_submitted.set()
    assert writer.flush(WAIT)
    assert writer.stop(WAIT)

    [(tag, exc)] = rec.failed
    assert tag == "r1" and isinstance(exc, DatabaseUnavailable)
    assert "read-only" in str(exc)
    assert rec.statuses == [str(exc), None]
    assert uids(healthy.list_notes(meeting.id)) == ["r1", "r2", "r3"]
    assert not journal.has_entries()
    read_only.close()
    healthy.close()


# --- stop, start and flush ----------------------------------------------------------------


def test_stop_with_a_dead_database_journals_every_queued_note(store, meeting, journal):
    rec = Recorder()
    dead = FlakyStore(store, down=True)
    writer = started(Writer(dead, journal, on_status=rec.on_status, sleep=no_sleep))
    names = [f"s{i}" for i in range(8)]
    for name in names:
        writer.save_note(note(meeting.id, name), failed=rec.on_failed(name))
    writer.save_draft(meeting.id, "unsent words", T0)

    assert writer.stop(WAIT) is True

    entries = journal_entries(journal)
    assert [e.get("uid", e["type"]) for e in entries] == [*names, "draft"]
    # Only the one that met the outage was tried: the rest wait behind it, in order.
    assert [tag for tag, _ in rec.failed] == ["s0"]
    assert store.list_notes(meeting.id) == []
    assert rec.statuses == [OUTAGE]

    # the next start, on a healthy database, replays them before anything else
    rec2 = Recorder()
    later = started(Writer(store, journal, on_status=rec2.on_status, sleep=no_sleep))
    later.save_note(note(meeting.id, "next-day"))
    assert later.stop(WAIT)
    assert uids(store.list_notes(meeting.id)) == [*names, "next-day"]
    assert store.get_draft(meeting.id).text == "unsent words"
    assert not journal.has_entries()
    assert rec2.statuses == []


def test_a_start_while_the_database_is_still_down_keeps_the_journal(store, meeting, journal):
    old = [note(meeting.id, f"old{i}") for i in range(3)]
    for n in old:
        journal.append(note_to_entry(n))
    journal.append(draft_entry(meeting.id, "old draft", T0))
    rec = Recorder()
    flaky = FlakyStore(store, down=True)
    writer = started(Writer(flaky, journal, on_status=rec.on_status, sleep=no_sleep))

    assert rec.status_changed.wait(WAIT)  # the replay at start found the database down
    assert rec.statuses == [OUTAGE]
    assert [e.get("uid") for e in journal_entries(journal)] == ["old0", "old1", "old2", None]

    flaky.down = False
    writer.save_note(note(meeting.id, "new"))
    assert writer.stop(WAIT)
    # the old notes keep their place ahead of what was typed after the restart
    assert uids(store.list_notes(meeting.id)) == ["old0", "old1", "old2", "new"]
    assert store.get_draft(meeting.id).text == "old draft"
    assert not journal.has_entries()
    assert rec.statuses == [OUTAGE, None]


def test_replay_skips_only_entries_that_can_never_be_stored(store, meeting, journal):
    journal.append(note_to_entry(note(meeting.id, "keep1")))
    journal.append(note_to_entry(note(999_999, "gone-meeting")))
    journal.append(note_to_entry(note(meeting.id, "keep2")))
    writer = started(Writer(store, journal, sleep=no_sleep))
    assert writer.stop(WAIT)
    assert uids(store.list_notes(meeting.id)) == ["keep1", "keep2"]
    assert not journal.has_entries()


def test_flush_waits_for_everything_submitted_before_it(store, journal):
    writer = started(Writer(store, journal, sleep=no_sleep))
    release = threading.Event()
    ran: list[int] = []
    writer.submit(lambda _s: (release.wait(WAIT), ran.append(0)))
    for i in range(1, 50):
        writer.submit(lambda _s, i=i: ran.append(i))

    assert writer.flush(0.05) is False  # the first job is still holding the line
    threading.Timer(0.05, release.set).start()
    assert writer.flush(WAIT) is True
    assert ran == list(range(50))
    writer.stop(WAIT)


def test_stop_returns_after_everything_queued_is_committed(store, meeting, journal):
    writer = started(Writer(store, journal, sleep=no_sleep))
    for i in range(40):
        writer.save_note(note(meeting.id, f"q{i:02d}"))
    assert writer.stop(WAIT) is True
    assert len(store.list_notes(meeting.id)) == 40
    assert not journal.has_entries()


# --- a read-only PostgreSQL server --------------------------------------------------------


@pytest.mark.postgres
def test_a_read_only_postgresql_server_sends_notes_to_the_journal(
    pg_url, read_only_pg_store, tmp_path
):
    healthy = Store.open(pg_url)
    person = healthy.add_person("Edsger Dijkstra")
    meeting, _ = healthy.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    read_only = read_only_pg_store
    journal = Journal(tmp_path / "pg.journal")
    rec = Recorder()
    writer = Writer(read_only, journal, sleep=no_sleep)
    writer.start()
    writer.save_note(note(meeting.id, "pg1"), failed=rec.on_failed("pg1"))
    try:
        writer.stop(WAIT)
        assert [type(exc) for _tag, exc in rec.failed] == [DatabaseUnavailable]
        assert [e["uid"] for e in journal_entries(journal)] == ["pg1"]
    finally:
        read_only.close()
        healthy.close()


def test_a_start_lands_only_the_last_of_many_journaled_drafts(store, meeting, journal):
    """A long meeting autosaves its draft hundreds of times; after a crash
    only the last one matters, so a start doesn't pay for each."""
    for i in range(300):
        journal.append({**draft_entry(meeting.id, "x" * (i + 1), T0), "jid": f"d{i}"})
        if i % 100 == 0:
            journal.append({**note_to_entry(note(meeting.id, f"n{i}")), "jid": f"n{i}"})
    counting = FlakyStore(store)
    writer = Writer(counting, journal, sleep=no_sleep)
    writer.recover()
    assert counting.calls.count("save_draft") == 1
    assert store.get_draft(meeting.id).text == "x" * 300
    assert uids(store.list_notes(meeting.id)) == ["n0", "n100", "n200"]
    assert not journal.has_entries()


def test_a_change_left_to_the_next_start_keeps_every_later_one_behind_it(store, meeting, journal):
    """Quitting while the database refuses one change (an edit behind a
    lock): the changes after it wait too, so the next start applies them in
    order and the note ends as last edited, not as first."""
    from tui1on1.storage.journal_entries import edit_entry

    saved, _ = store.add_note(note(meeting.id, "n1", "first words"))

    class RefusesFoo(FlakyStore):
        def edit_note(self, note_id, *, text, tags, at, reading=None):
            if text == "foo":
                raise DatabaseUnavailable(OUTAGE)
            return self.inner.edit_note(note_id, text=text, tags=tags, at=at, reading=reading)

    flaky = RefusesFoo(store)
    writer = started(Writer(flaky, journal, sleep=lambda _d: time.sleep(0.01)))
    writer.record(edit_entry(meeting.id, (saved.id, "n1"), "foo", (), T0))
    writer.record(edit_entry(meeting.id, (saved.id, "n1"), "bar", (), T0 + timedelta(seconds=1)))
    time.sleep(0.1)  # "foo" is being retried
    assert writer.stop(WAIT) is True
    assert [n.text for n in store.list_notes(meeting.id)] == ["first words"]

    later = Writer(store, journal, sleep=no_sleep)
    later.recover()
    assert [n.text for n in store.list_notes(meeting.id)] == ["bar"]


def test_a_start_never_applies_a_done_change_again_over_a_later_one(store, meeting, journal):
    """Paused, resumed, paused again, then a crash: replaying the done resume
    would close the pause still open. Only inserts by uid are applied again."""
    from tui1on1.storage.journal_entries import timing_entry

    times = [T0 + timedelta(minutes=m) for m in (1, 2, 3)]
    writer = started(Writer(store, journal, sleep=no_sleep))
    for kind, at in zip(("pause", "resume", "pause"), times, strict=True):
        writer.record(timing_entry(kind, meeting.id, at))
    assert writer.flush(WAIT)
    writer._abandoned = True  # a crash: no compaction on the way out
    writer.stop(WAIT)
    assert journal_entries(journal) == []  # all done, still in the journal

    Writer(store, journal, sleep=no_sleep).recover()
    pauses = store.get_meeting(meeting.id).pauses
    assert [(p.paused_at, p.resumed_at) for p in pauses] == [
        (times[0], times[1]),
        (times[2], None),  # still paused
    ]
