"""Synthetic history for the benchmarks, written through the Store.

The people, meetings, notes of every kind, actions and asked questions come
from ``tui1on1.demo`` (sentences from the project's own word lists); this
module sizes them and fills a database one person at a time with the same
import the ``tui1on1 import`` command uses.

    python bench/data.py --notes 130000 --db /tmp/history.db
    python bench/data.py --notes 1000000 --people 100 --db /tmp/ten-years.db

A filled SQLite file is kept next to a small ``.json`` stamp and reused while
the stamp matches (size, seed, schema revision and the migrations' text).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

#: The history ends here, so every run makes the same database.
NOW = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
SEED = 7


@dataclass(frozen=True)
class Size:
    people: int
    weeks: int
    per_meeting: int

    def args(self) -> dict:
        n = self.per_meeting
        return dict(people=self.people, weeks=self.weeks, notes_per_meeting=(n, n), seed=SEED,
                    now=NOW)  # fmt: skip


def size_for(notes: int, people: int | None = None) -> Size:
    """Years scale with the wanted note count, and so do people unless given
    (histories compared for growth must have as many people: home and the
    team view grow with them, not with history); notes per meeting fill the
    rest."""
    from tui1on1.demo import iter_people

    if notes <= 2_000:
        scaled, weeks = 5, 12
    elif notes <= 20_000:
        scaled, weeks = 10, 104
    elif notes <= 200_000:
        scaled, weeks = 25, 260  # five years
    else:
        scaled, weeks = 100, 520  # ten years: the 1M history is 100 people's
    people = scaled if people is None else people
    meetings = sum(
        len(p["meetings"])
        for p in iter_people(
            people=people, weeks=weeks, notes_per_meeting=(0, 0), seed=SEED, now=NOW
        )
    )
    return Size(people, weeks, max(1, round(notes / max(1, meetings))))


def fill(url: str, size: Size, log=lambda line: None) -> int:
    """Import the generated history into the (empty) database at ``url``; returns notes."""
    from tui1on1.demo import iter_people
    from tui1on1.demo.generate import FORMAT, VERSION
    from tui1on1.storage.store import Store
    from tui1on1.storage.transfer import import_data

    store = Store.open(url)
    notes = 0
    started = time.perf_counter()
    try:
        for person in iter_people(**size.args()):
            document = {"format": FORMAT, "version": VERSION, "exported_at": NOW.isoformat(),
                        "people": [person]}  # fmt: skip
            import_data(store, document)
            notes += sum(len(m.get("notes", [])) for m in person["meetings"])
        log(f"  filled {notes:,} notes in {time.perf_counter() - started:.0f} s")
    finally:
        store.close()
    return notes


def _stamp(size: Size) -> dict:
    from tui1on1.storage.migrate import HEAD_REVISION

    return {"people": size.people, "weeks": size.weeks, "per_meeting": size.per_meeting,
            "seed": SEED, "now": NOW.isoformat(), "revision": HEAD_REVISION,
            "schema": _schema_digest()}  # fmt: skip


def _schema_digest() -> str:
    """The migrations' text: a revision not yet released may still change
    (an index added to it), and a history made before would lack it."""
    import hashlib

    import tui1on1.storage.migrations as migrations

    digest = hashlib.sha256()
    for script in sorted((Path(migrations.__file__).parent / "versions").glob("*.py")):
        digest.update(script.name.encode() + b"\0" + script.read_bytes())
    return digest.hexdigest()[:16]


def ensure_sqlite(path: Path, notes: int, log=print, people: int | None = None) -> tuple[str, int]:
    """A SQLite database of about ``notes`` notes (of ``people`` people, or as
    many as ``size_for`` scales to) at ``path``, reused if up to date."""
    size = size_for(notes, people)
    stamp_file = path.with_suffix(".json")
    wanted = _stamp(size)
    url = f"sqlite:///{path}"
    if path.exists() and stamp_file.exists():
        saved = json.loads(stamp_file.read_text())
        if {k: saved.get(k) for k in wanted} == wanted:
            return url, saved["notes"]
    for stale in (path, stamp_file, *path.parent.glob(path.name + "-*")):
        stale.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    log(f"generating ~{notes:,} notes into {path} …")
    count = fill(url, size, log)
    _checkpoint(path)
    stamp_file.write_text(json.dumps({**wanted, "notes": count}))
    return url, count


def _checkpoint(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ANALYZE")


def ensure_postgres(url: str, notes: int, log=print, people: int | None = None) -> tuple[str, int]:
    """The PostgreSQL database at ``url`` filled with the same history (reused if it holds it)."""
    from sqlalchemy import create_engine, text

    size = size_for(notes, people)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            has = conn.execute(text("SELECT to_regclass('public.note') IS NOT NULL")).scalar()
            count = conn.execute(text("SELECT count(*) FROM note")).scalar() if has else 0
            stamped = text("SELECT to_regclass('public.bench_stamp') IS NOT NULL")
            want = conn.execute(stamped).scalar()
            stamp = conn.execute(text("SELECT body FROM bench_stamp")).scalar() if want else None
        if count and stamp == json.dumps(_stamp(size)):
            return url, count
        log("generating the same history into PostgreSQL …")
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        count = fill(url, size, log)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE bench_stamp (body text)"))
            body = {"b": json.dumps(_stamp(size))}
            conn.execute(text("INSERT INTO bench_stamp VALUES (:b)"), body)
            conn.execute(text("ANALYZE"))
    finally:
        engine.dispose()
    return url, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=130_000, help="about how many notes")
    parser.add_argument("--people", type=int, help="how many people (default: scaled to notes)")
    parser.add_argument("--db", type=Path, required=True, help="SQLite file to create")
    args = parser.parse_args(argv)
    url, count = ensure_sqlite(args.db.resolve(), args.notes, people=args.people)
    print(f"{url}: {count:,} notes")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
