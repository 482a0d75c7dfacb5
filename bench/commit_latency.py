"""3. note commit: Enter to durable, through the app's writer, against raw sqlite3.

The subject is the path the meeting screen takes when Enter is pressed:
``Writer.save_note`` hands the note to the writer thread, which runs
``Store.add_note`` in its own ``BEGIN IMMEDIATE`` transaction; the clock stops
in the done-callback, i.e. once the commit has returned (WAL,
``synchronous=FULL``: the WAL is fsynced). It writes into a copy of the 130k-note
database.

The floor is the stdlib ``sqlite3`` module with the same pragmas, inserting one
comparable row per ``BEGIN IMMEDIATE``/``COMMIT`` into the *same* ``note``
table (same indexes, foreign keys and FTS5 trigger) of a second copy of that
file: the work SQLite has to do for a note is the same on both sides, so the
ratio is what the app's own code adds. A plain table without the FTS trigger
is reported beside it, to show what keeping the index in sync costs.

The three are interleaved commit by commit, so a busy moment hits all of them.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Context, Row, Samples, at_most_ratio, report_only, timed_ms

SECTION = "3. note commit"
PRAGMAS = (
    "PRAGMA busy_timeout = 10000",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
)
INSERT = (
    "INSERT INTO {table} (uid, meeting_id, kind, text, tags, elapsed_seconds, created_at)"
    " VALUES (?, ?, 'note', ?, '', ?, ?)"
)
PLAIN = """CREATE TABLE IF NOT EXISTS bench_plain_note (
    id INTEGER PRIMARY KEY, uid VARCHAR(36) NOT NULL UNIQUE, meeting_id INTEGER NOT NULL,
    kind VARCHAR(16) NOT NULL, text TEXT NOT NULL, tags TEXT NOT NULL,
    elapsed_seconds FLOAT NOT NULL, created_at DATETIME NOT NULL)"""


def _copy(url: str, target: Path) -> Path:
    source = Path(url.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):
        stale = Path(str(target) + suffix)
        stale.unlink(missing_ok=True)
    with sqlite3.connect(source) as conn:  # fold any WAL in, so the copy is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(source, target)
    return target


def _raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    return conn


def _texts_and_meeting(path: Path, count: int) -> tuple[list[str], int]:
    """Real note texts from the history (newest first) and its latest meeting."""
    with sqlite3.connect(path) as conn:
        texts = [
            t for (t,) in conn.execute("SELECT text FROM note ORDER BY id DESC LIMIT ?", (count,))
        ]
        (meeting,) = conn.execute("SELECT max(id) FROM meeting").fetchone()
    conn.close()
    return texts, meeting


def _raw_commit(conn: sqlite3.Connection, table: str, meeting: int, text: str) -> float:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(INSERT.format(table=table), (str(uuid.uuid4()), meeting, text, 12.5, now))
    conn.execute("COMMIT")
    return (time.perf_counter() - start) * 1000


def _writer_commit(writer, note) -> float:
    """Submit as the meeting screen does; stop the clock in the done-callback."""
    finished = threading.Event()
    stamp: list[float] = []
    errors: list[Exception] = []

    def done(_result) -> None:
        stamp.append(time.perf_counter())
        finished.set()

    def failed(exc: Exception) -> None:
        errors.append(exc)
        finished.set()

    start = time.perf_counter()
    writer.save_note(note, done=done, failed=failed)
    if not finished.wait(30) or not stamp:
        raise RuntimeError(f"the writer did not commit a benchmark note: {errors or 'timeout'}")
    return (stamp[0] - start) * 1000


def run(ctx: Context) -> list[Row]:
    from tui1on1.domain.kinds import NoteKind
    from tui1on1.domain.records import NewNote
    from tui1on1.storage.store import Store
    from tui1on1.storage.writer import Writer

    commits = 100 if ctx.quick else max(300, 15 * ctx.repeats)
    app_path = _copy(ctx.sqlite_large, ctx.work / "commit-app.db")
    raw_path = _copy(ctx.sqlite_large, ctx.work / "commit-raw.db")
    texts, meeting = _texts_and_meeting(app_path, commits)
    ctx.log(
        f"  {SECTION}: {commits} commits each into copies of the "
        f"{ctx.large_notes:,}-note database (meeting {meeting})"
    )

    store = Store.open(f"sqlite:///{app_path}")
    writer = Writer(store, journal=None)
    writer.start()
    raw = _raw_connection(raw_path)
    raw.execute(PLAIN)

    def new_note(i: int) -> NewNote:
        return NewNote(
            uid=str(uuid.uuid4()),
            meeting_id=meeting,
            kind=NoteKind.NOTE,
            text=texts[i % len(texts)],
            elapsed_seconds=12.5,
            created_at=datetime.now(UTC),
        )

    app, direct, twin, plain = [], [], [], []
    try:
        for i in range(5):  # warm both sides: connections, statement caches
            _writer_commit(writer, new_note(i))
            _raw_commit(raw, "note", meeting, texts[i])
        for i in range(commits):
            text = texts[i % len(texts)]
            app.append(_writer_commit(writer, new_note(i)))
            twin.append(_raw_commit(raw, "note", meeting, text))
            note = new_note(i)
            direct.append(timed_ms(lambda: store.add_note(note)))  # noqa: B023
            plain.append(_raw_commit(raw, "bench_plain_note", meeting, text))
    finally:
        writer.stop()
        store.close()
        raw.close()
        for path in (app_path, raw_path):
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)

    subject = Samples("writer → Store.add_note, Enter to committed", tuple(app))
    floor = Samples("raw sqlite3 INSERT into note (FTS trigger)", tuple(twin))
    direct_s = Samples("Store.add_note called directly (no writer)", tuple(direct))
    plain_s = Samples("raw sqlite3 INSERT, table without FTS", tuple(plain))
    same = "WAL, synchronous=FULL, BEGIN IMMEDIATE, one note per transaction"
    return [
        at_most_ratio(
            SECTION,
            subject,
            floor,
            "p99",
            3,
            note=f"floor: the same note table with its FTS5 trigger, in a copy of the "
            f"same file ({same})",
        ),
        report_only(SECTION, subject, floor, "median", note="the same at the median"),
        report_only(SECTION, direct_s, floor, "p99", note="no writer thread: the Store alone"),
        report_only(
            SECTION,
            plain_s,
            floor,
            "p99",
            note="what the FTS trigger costs: a plain table against the note table",
        ),
    ]
