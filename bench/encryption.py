"""8. encryption at rest: the same 130k-note history, encrypted against plain.

Both sides are copies of the large history; the encrypted one is made by
``storage.encryption`` (SQLCipher 4, the key derived from a passphrase). Each
pair of measurements is interleaved, so load on the machine hits both alike:

* start-up, on the real console script under a pty (as ``startup.py``): the
  first frame and data on screen for `meet` and for home. The encrypted run
  gets its passphrase from ``TUI1ON1_PASSPHRASE_FILE``, so it pays the key's
  derivation (PBKDF2, 256,000 rounds) on every start, in the opening thread:
  the worst case; with a key store a start derives nothing;
* note commit p99, Enter to committed through the writer (as
  ``commit_latency.py``);
* search p99, ``Store.search`` for words by frequency (as ``search_latency.py``).

Target for each: encrypted ≤ 1.3× plain.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bench.commit_latency import _writer_commit
from bench.common import Context, Row, Samples, at_most_ratio, private_env, report_only
from bench.pty_run import Session
from bench.search_latency import pick_queries
from bench.startup import SIZE, _people, _tui1on1

SECTION = "8. encrypted vs plain"
PASSPHRASE = "a benchmark passphrase"
LIMIT = 1.3


class _Side:
    """One database (plain or encrypted) and the dirs a child app uses for it."""

    def __init__(self, ctx: Context, source: Path, label: str, passphrase: Path | None) -> None:
        self.source, self.label = source, label
        self.home = ctx.work / f"enc-home-{label}"
        self.home.mkdir(mode=0o700, exist_ok=True)
        self.db = self.home / "bench.db"
        self.env = private_env(self.home, f"sqlite:///{self.db}")
        if passphrase is not None:
            self.env["TUI1ON1_PASSPHRASE_FILE"] = str(passphrase)

    def fresh(self) -> None:
        for old in self.home.glob("bench.db*"):
            old.unlink()
        shutil.copyfile(self.source, self.db)
        shutil.rmtree(self.home / "data", ignore_errors=True)


def _copies(ctx: Context) -> tuple[Path, Path, Path]:
    """A plain copy of the large history, an encrypted copy, and the passphrase file."""
    from tui1on1 import keys
    from tui1on1.storage.encryption import convert_file

    source = Path(ctx.sqlite_large.removeprefix("sqlite:///"))
    with sqlite3.connect(source) as conn:  # fold any WAL in, so the copy is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    plain = ctx.work / "enc-plain.db"
    encrypted = ctx.work / "enc-encrypted.db"
    shutil.copyfile(source, plain)
    shutil.copyfile(source, encrypted)
    convert_file(encrypted, None, keys.derive(PASSPHRASE, keys.new_salt()))
    secret = ctx.work / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    return plain, encrypted, secret


def _start(side: _Side, args: list[str], first_marks: tuple[str, ...], data_marks: tuple[str, ...]):
    side.fresh()
    with Session([*_tui1on1(), *args], side.env, SIZE) as s:
        first = s.wait_for(*first_marks)
        data = s.wait_for(*data_marks)
        s.stop()
    return first, data


def _startup(ctx: Context, plain: Path, encrypted: Path, secret: Path) -> list[Row]:
    busiest, names, _headers = _people(plain)
    sides = (_Side(ctx, plain, "plain", None), _Side(ctx, encrypted, "encrypted", secret))
    runs = 5 if ctx.quick else max(8, ctx.repeats // 3)
    got: dict[str, list[float]] = {}
    meet = (["meet", busiest], ("Opening the meeting", "ON TRACK"), ("ON TRACK",))
    home = ([], ("Last 1:1",), tuple(names))
    for side in sides:  # warm: compiled modules, the file cache
        _start(side, *meet)
    ctx.log(f"  {SECTION}: {runs} rounds of `meet` and home, plain and encrypted")
    for _ in range(runs):
        for side in sides:
            for name, how in (("meet", meet), ("home", home)):
                first, data = _start(side, *how)
                got.setdefault(f"{name}-first-{side.label}", []).append(first)
                got.setdefault(f"{name}-data-{side.label}", []).append(data)

    def s(key: str, what: str) -> Samples:
        return Samples(what, tuple(got[key]))

    rows = []
    for name, what in (("meet", "`meet`"), ("home", "home")):
        for stage in ("first", "data"):
            label = f"{what} {'first frame' if stage == 'first' else 'data on screen'}"
            rows.append(
                at_most_ratio(
                    SECTION,
                    s(f"{name}-{stage}-encrypted", f"{label}, encrypted (passphrase file)"),
                    s(f"{name}-{stage}-plain", "plain"),
                    "median",
                    LIMIT,
                    note="the key derived at every start (no key store): the worst case"
                    if stage == "data"
                    else "",
                )
            )
    return rows


def _commits(ctx: Context, plain: Path, encrypted: Path, key) -> list[Row]:
    from tui1on1.domain.kinds import NoteKind
    from tui1on1.domain.records import NewNote
    from tui1on1.storage import cipher
    from tui1on1.storage.store import Store
    from tui1on1.storage.writer import Writer

    cipher.remember(encrypted, key)
    commits = 100 if ctx.quick else 300
    with sqlite3.connect(plain) as conn:
        meeting = conn.execute("SELECT max(id) FROM meeting").fetchone()[0]
    conn.close()
    stores = [Store.open(f"sqlite:///{path}") for path in (plain, encrypted)]
    writers = [Writer(store, journal=None) for store in stores]
    for writer in writers:
        writer.start()

    def note(i: int) -> NewNote:
        return NewNote(uid=str(uuid.uuid4()), meeting_id=meeting, kind=NoteKind.NOTE,
                       text=f"benchmark note {i} about the roadmap and the team",
                       elapsed_seconds=12.5, created_at=datetime.now(UTC))  # fmt: skip

    times: list[list[float]] = [[], []]
    try:
        for i in range(5):
            for writer in writers:
                _writer_commit(writer, note(i))
        for i in range(commits):
            for side, writer in enumerate(writers):
                times[side].append(_writer_commit(writer, note(i)))
    finally:
        for writer, store in zip(writers, stores, strict=True):
            writer.stop()
            store.close()
    subject = Samples("note commit p99, writer → Store.add_note, encrypted", tuple(times[1]))
    floor = Samples("plain", tuple(times[0]))
    return [
        at_most_ratio(SECTION, subject, floor, "p99", LIMIT),
        report_only(SECTION, subject, floor, "median", note="the same at the median"),
    ]


def _searches(ctx: Context, plain: Path, encrypted: Path, key) -> list[Row]:
    from tui1on1.storage import cipher
    from tui1on1.storage.store import Store

    cipher.remember(encrypted, key)
    queries = pick_queries(plain, ctx.large_notes)
    stores = [Store.open(f"sqlite:///{path}") for path in (plain, encrypted)]
    rounds = 5 if ctx.quick else 60  # 300 samples: the p99 of a 1 ms query isn't one stall
    rows = []
    try:
        for cls, query, count in queries:
            times: list[list[float]] = [[], []]
            for store in stores:
                store.search(query)  # warm: plans, caches, pool
            for _ in range(rounds):
                for side, store in enumerate(stores):
                    for _ in range(5):
                        start = time.perf_counter()
                        store.search(query)
                        times[side].append((time.perf_counter() - start) * 1000)
            what = f"search p99, {cls} '{query}' ({count:,} notes match), encrypted"
            rows.append(at_most_ratio(SECTION, Samples(what, tuple(times[1])),
                                      Samples("plain", tuple(times[0])), "p99", LIMIT))  # fmt: skip
    finally:
        for store in stores:
            store.close()
    return rows


def run(ctx: Context) -> list[Row]:
    from tui1on1 import keys
    from tui1on1.storage import cipher

    plain, encrypted, secret = _copies(ctx)
    key = keys.derive(PASSPHRASE, cipher.salt_of(encrypted))
    rows = _startup(ctx, plain, encrypted, secret)
    rows += _commits(ctx, plain, encrypted, key)
    rows += _searches(ctx, plain, encrypted, key)
    return rows
