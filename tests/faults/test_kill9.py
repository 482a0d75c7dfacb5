"""kill -9 at random moments during a stream of note saves loses no acknowledged note.

A child process opens a Store, starts a Writer with its recovery journal and
saves notes through ``writer.save_note``; each ``done`` callback prints the
note's uid and flushes: that line is the acknowledgement the UI would show as
"saved". The parent SIGKILLs the child after a seeded random 20–300 ms, then
does what the app does on its next start (replay the journal with a fresh
Writer) and checks that every acknowledged uid is in the database exactly once
and that ``PRAGMA integrity_check`` says ok.

Every other run also holds the write lock from another connection in bursts
longer than the child's (lowered) busy timeout, so saves go through the
journal and the kill can land mid-append or mid-replay.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui1on1.storage.journal import Journal
from tui1on1.storage.store import Store
from tui1on1.storage.writer import Writer

pytestmark = pytest.mark.slow

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
RUNS = 40
PARALLEL = 4
SEED = 20261120
STARTUP_WAIT = 30.0

CHILD = textwrap.dedent(
    """
    import random, sqlite3, sys, threading, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    import tui1on1.storage.engine as engine
    from tui1on1.domain.kinds import NoteKind
    from tui1on1.domain.records import NewNote
    from tui1on1.storage.journal import Journal
    from tui1on1.storage.store import Store
    from tui1on1.storage.writer import Writer

    db, meeting_id = Path(sys.argv[1]), int(sys.argv[2])
    contend, seed = sys.argv[3] == "1", int(sys.argv[4])
    rng = random.Random(seed)
    if contend:
        engine.BUSY_TIMEOUT_MS = 20
    store = Store.open(f"sqlite:///{db}")
    journal = Journal(db.with_name(db.name + ".journal"))
    writer = Writer(store, journal)
    writer.start()

    def hog():
        conn = sqlite3.connect(db, isolation_level=None, timeout=5)
        while True:
            conn.execute("BEGIN IMMEDIATE")
            time.sleep(rng.uniform(0.03, 0.08))
            conn.execute("COMMIT")
            time.sleep(rng.uniform(0.01, 0.05))

    if contend:
        threading.Thread(target=hog, daemon=True).start()

    in_flight = threading.Semaphore(8)

    def ack(result):
        note, _action = result
        sys.stdout.write(note.uid + "\\n")
        sys.stdout.flush()
        in_flight.release()

    def failed(exc):
        # DatabaseUnavailable: journaled and retried; done still comes later.
        sys.stderr.write(f"failed once: {type(exc).__name__}\\n")
        sys.stderr.flush()

    print("ready", flush=True)
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    i = 0
    while True:
        in_flight.acquire()
        kind = NoteKind.ACTION if i % 7 == 0 else NoteKind.NOTE
        writer.save_note(
            NewNote(uid=f"n{i}", meeting_id=meeting_id, kind=kind,
                    text=f"note number {i} " + "x" * rng.randrange(0, 400),
                    created_at=t0 + timedelta(seconds=i)),
            done=ack, failed=failed,
        )
        i += 1
    """
)


def _template(db: Path) -> int:
    """A migrated database with one live meeting; copied for every run.

    (Migrating many files at once from threads of one process isn't safe:
    alembic keeps global state, so each run starts from a copy instead.)
    """
    store = Store.open(f"sqlite:///{db}")
    try:
        person = store.add_person("Ada Lovelace")
        meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
        return meeting.id
    finally:
        store.close()


def _copy(template: Path, db: Path) -> None:
    db.parent.mkdir(mode=0o700)
    with sqlite3.connect(template) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    db.chmod(0o600)


def _run_once(script: Path, db: Path, meeting_id: int, contend: bool, kill_after: float, seed: int):
    """Start the child, kill -9 it ``kill_after`` s after it is ready; the acked uids."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db), str(meeting_id), "1" if contend else "0", str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    acked: list[str] = []
    try:
        first = _readline_within(proc, STARTUP_WAIT)
        assert first == "ready\n", f"the child didn't start: {first!r} {proc.stderr.read()!r}"
        # Collect acknowledgements concurrently so the pipe never fills up.
        reader = threading.Thread(target=lambda: acked.extend(_lines(proc)), daemon=True)
        reader.start()
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        reader.join(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    return acked


def _readline_within(proc: subprocess.Popen, timeout: float) -> str:
    box: list[str] = []
    t = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)
    t.start()
    t.join(timeout)
    return box[0] if box else ""


def _lines(proc: subprocess.Popen) -> list[str]:
    # A line cut by the kill (no newline) was never acknowledged.
    return [line[:-1] for line in proc.stdout if line.endswith("\n")]


def _recover_and_check(db: Path, meeting_id: int, acked: list[str]) -> None:
    """What the next start does (replay the journal), then the checks."""
    store = Store.open(f"sqlite:///{db}", upgrade=False)  # at head already; see _template
    journal = Journal(db.with_name(db.name + ".journal"))
    writer = Writer(store, journal, sleep=lambda _s: None)
    writer.start()
    try:
        assert writer.flush(10.0)
        assert writer.problem is None
        assert not journal.has_entries()
        saved = [n.uid for n in store.list_notes(meeting_id)]
    finally:
        assert writer.stop()
        store.close()
    missing = [uid for uid in acked if uid not in set(saved)]
    assert not missing, f"acknowledged but lost: {missing[:10]} (of {len(acked)} acked)"
    assert len(saved) == len(set(saved)), "a note landed twice"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_kill9_at_random_points_never_loses_an_acknowledged_note(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    template = tmp_path / "template.db"
    meeting_id = _template(template)
    rng = random.Random(SEED)
    plans = [(n, n % 2 == 1, rng.uniform(0.02, 0.30), rng.randrange(1 << 30)) for n in range(RUNS)]

    def one(plan) -> tuple[int, int, bool]:
        n, contend, kill_after, seed = plan
        db = tmp_path / f"run{n}" / "app.db"
        _copy(template, db)
        acked = _run_once(script, db, meeting_id, contend, kill_after, seed)
        journaled = Journal(db.with_name(db.name + ".journal")).has_entries()
        _recover_and_check(db, meeting_id, acked)
        return n, len(acked), journaled

    with ThreadPoolExecutor(PARALLEL) as pool:
        results = list(pool.map(one, plans))

    # The kills must have landed mid-stream, not before the first save, and
    # the contended runs must really have left notes in the journal to replay.
    assert sum(1 for _n, count, _j in results if count > 0) >= RUNS // 4, results
    assert sum(count for _n, count, _j in results) > RUNS, results
    assert sum(1 for _n, _count, journaled in results if journaled) >= RUNS // 8, results
