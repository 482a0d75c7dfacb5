"""Journal first: a note is durable the moment the journal says so, whatever the
database is doing.

Each attack runs a child process that saves notes through the real Writer and
prints a note's uid when the journal has it (``kept``: the row stops being at
risk). The parent attacks (a lock held for ever, kill -9, a real full disk, a
damaged write-ahead log), then starts again as the app does
(``Writer.recover``) and checks that every kept note is in the database once,
in the order typed.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui1on1.storage.journal import Journal
from tui1on1.storage.store import Store
from tui1on1.storage.writer import Writer

pytestmark = pytest.mark.slow

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WAIT = 30.0

CHILD = textwrap.dedent(
    """
    import sys, threading, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from tui1on1.domain.kinds import NoteKind
    from tui1on1.domain.records import NewNote
    from tui1on1.storage.journal import Journal
    from tui1on1.storage.store import Store
    from tui1on1.storage.writer import Writer

    db, meeting_id, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    store = Store.open(f"sqlite:///{db}")
    writer = Writer(store, Journal(db.with_name(db.name + ".journal")))
    writer.recover()
    writer.start()
    writer.reserve()
    print("ready", flush=True)
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

    lock = threading.Lock()

    def report(uid, what):
        def say(arg):
            with lock:  # the journal and database threads both report
                sys.stdout.write(f"{what if arg is not False else 'AT-RISK'} {uid}\\n")
                sys.stdout.flush()
        return say

    for i in range(count):
        sys.stdin.readline()  # the parent says when to type the next one
        uid = f"n{i:03d}"
        note = NewNote(uid=uid, meeting_id=meeting_id, kind=NoteKind.NOTE,
                       text=f"note {i} " + "words " * 40,
                       created_at=t0 + timedelta(seconds=i))
        writer.save_note(note, kept=report(uid, "kept"), done=report(uid, "saved"))
    time.sleep(3600)  # never quits by itself: the parent kills it
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


class Child:
    """The child process typing notes, one line from the parent per note."""

    def __init__(self, db: Path, meeting_id: int, count: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), str(meeting_id), str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # its last reports hit a closed pipe
            text=True,
            env=_env(),
        )
        self.kept: list[str] = []
        self.saved: list[str] = []
        assert self.line() == "ready"

    def line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line, "the child died"
        return line

    def type_one(self) -> None:
        """Type a note and wait until the journal has it (or says it can't)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        while True:
            what, _, uid = self.line().partition(" ")
            if what == "saved":
                self.saved.append(uid)
                continue
            assert what == "kept", f"{uid} was not kept: {what}"
            self.kept.append(uid)
            return

    def kill(self, sig: int = signal.SIGKILL) -> None:
        self.proc.send_signal(sig)
        self.proc.wait(WAIT)


def _meeting(db: Path) -> int:
    store = Store.open(f"sqlite:///{db}")
    person = store.add_person("Ada Lovelace")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    store.close()
    return meeting.id


def _restart(db: Path, meeting_id: int) -> list[str]:
    """What the next start finds: the journal replayed, then the notes."""
    store = Store.open(f"sqlite:///{db}")
    writer = Writer(store, Journal(db.with_name(db.name + ".journal")))
    writer.recover()
    writer.start()
    assert writer.stop(WAIT)
    uids = [n.uid for n in store.list_notes(meeting_id)]
    assert store.check() == []
    store.close()
    return uids


def test_kill_9_behind_a_lock_held_for_ever_loses_no_kept_note(tmp_path):
    """Another instance (or an import) holds the write lock the whole time:
    no note reaches the database, and kill -9 still loses none of them."""
    db = tmp_path / "data" / "tui1on1.db"
    meeting_id = _meeting(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    child = Child(db, meeting_id, 30)
    for _ in range(30):
        child.type_one()
    child.kill()
    holder.execute("COMMIT")
    holder.close()
    assert child.saved == []  # the database never had one of them
    assert _restart(db, meeting_id) == child.kept == [f"n{i:03d}" for i in range(30)]


def test_a_damaged_write_ahead_log_loses_nothing_of_the_live_meeting(tmp_path):
    """kill -9 leaves the notes in the WAL only; a flipped byte there makes
    SQLite drop them. The journal still has them until a checkpoint."""
    db = tmp_path / "data" / "tui1on1.db"
    meeting_id = _meeting(db)
    child = Child(db, meeting_id, 20)
    for _ in range(20):
        child.type_one()
    deadline = time.monotonic() + WAIT
    while len(child.saved) < 20 and time.monotonic() < deadline:
        what, _, uid = child.line().partition(" ")
        if what == "saved":
            child.saved.append(uid)
    child.kill()
    wal = Path(f"{db}-wal")
    data = bytearray(wal.read_bytes())
    assert len(data) > 32 + 24
    data[32 + 24 + 100] ^= 0xFF  # inside the first frame's page
    wal.write_bytes(bytes(data))
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:  # what SQLite alone would show: the notes are gone
        assert conn.execute("SELECT count(*) FROM note").fetchone()[0] < 20
    finally:
        conn.close()
    assert _restart(db, meeting_id) == child.kept


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A real 3 MB file system (tmpfs), so 'full' means full."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real full disk needs root to mount a small tmpfs")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip(f"can't mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the file system to its last byte. Unbuffered: a buffered file
    keeps the bytes the full disk refused and raises again on close."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def test_a_real_full_disk_keeps_every_note_and_their_order(tiny_disk):
    """The journal's space is reserved when the meeting starts, so notes
    typed after the disk filled up are still kept, and land in order."""
    db = tiny_disk / "data" / "tui1on1.db"
    meeting_id = _meeting(db)
    child = Child(db, meeting_id, 25)
    for _ in range(5):
        child.type_one()
    filler = _fill(tiny_disk)
    for _ in range(20):
        child.type_one()  # asserts each one is kept, not at risk
    child.kill(signal.SIGTERM)
    filler.unlink()
    assert _restart(db, meeting_id) == child.kept == [f"n{i:03d}" for i in range(25)]
