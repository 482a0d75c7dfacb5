"""5. search: Store.search at 130k notes against LIKE, on SQLite and PostgreSQL.

The subject is ``Store.search(query)`` with its defaults, as the search screen
and ``tui1on1 search`` call it: the 50 newest notes holding every word (each
word as a word start). The floor is a ``LIKE '%word%'`` (``ILIKE`` on
PostgreSQL) per word over the note text, returning the same columns for the
50 newest matches, through the same engine.

The words come from the data, by document frequency in the FTS5 vocabulary
(counted in a TEMP ``fts5vocab`` table, so the file is not written):

* common — the most frequent word of all;
* mid — a word in about 1 % of the notes;
* rare — a word in about 0.02 % of the notes (fewer than a page of hits);
* two words — two frequent words (2–10 % of notes each) that share the
  most notes: a typical pair ("career growth");
* two words, rarely together — two such words that share the fewest notes
  (at least a page): the intersection has to walk the furthest.

Words of four letters or more that no other word starts with are picked for
mid, rare and the pair, so a word start ("prefix") match finds that word only.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from bench.common import Context, Row, Samples, at_least_faster, at_most, timed_ms

SECTION = "5. search"
P99_LIMIT_MS = 20.0
FASTER_THAN_LIKE = 20.0
LIKE_SQL = """SELECT note.id, note.meeting_id, meeting.person_id, person.name, note.kind,
       note.text, note.tags, note.created_at, meeting.started_at
FROM note JOIN meeting ON meeting.id = note.meeting_id JOIN person ON person.id = meeting.person_id
WHERE {where} AND note.deleted_at IS NULL ORDER BY note.id DESC LIMIT 50"""


def _candidates(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(word, notes holding it), most frequent first, from the FTS5 vocabulary."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, note_fts, 'row')"
    )
    return conn.execute("SELECT term, doc FROM temp.bench_vocab ORDER BY doc DESC").fetchall()


def _matches(conn: sqlite3.Connection, *words: str) -> int:
    query = " ".join(f'"{w}"*' for w in words)
    return conn.execute(
        "SELECT count(*) FROM note_fts WHERE note_fts MATCH ?", (query,)
    ).fetchone()[0]


def pick_queries(path: Path, total: int) -> list[tuple[str, str, int]]:
    """(class, query, notes matching) for each query class."""
    conn = sqlite3.connect(path)
    try:
        vocab = _candidates(conn)
        terms = [t for t, _ in vocab]
        plain = [
            (t, d)
            for t, d in vocab
            if len(t) >= 4 and t.isalpha() and not any(o != t and o.startswith(t) for o in terms)
        ]

        def nearest(share: float) -> str:
            return min(plain, key=lambda td: abs(td[1] - share * total))[0]

        frequent = [t for t, d in plain if 0.02 * total <= d <= 0.10 * total][:10]
        pairs = [(_matches(conn, a, b), f"{a} {b}") for a, b in combinations(frequent, 2)]
        chosen = [
            ("common word", vocab[0][0]),
            ("mid word", nearest(0.01)),
            ("rare word", nearest(0.0002)),
            ("two words", max(pairs)[1]),
            ("two words, rarely together", min(p for p in pairs if p[0] >= 50)[1]),
        ]
        return [(cls, q, _matches(conn, *q.split())) for cls, q in chosen]
    finally:
        conn.close()


def _raw_fts_ms(path: Path, query: str) -> float:
    """The search's own SELECT run by raw sqlite3 (median ms): what FTS5 costs alone."""
    from tui1on1.domain import searchtext

    sql = LIKE_SQL.replace("FROM note", "FROM note_fts JOIN note ON note.id = note_fts.rowid", 1)
    sql = sql.format(where="note_fts MATCH ?").replace(
        "ORDER BY note.id", "ORDER BY note_fts.rowid"
    )
    match = searchtext.fts5_match(searchtext.query_tokens(query))
    conn = sqlite3.connect(path)
    try:
        return Samples(
            "raw",
            tuple(timed_ms(lambda: conn.execute(sql, (match,)).fetchall()) for _ in range(30)),
        ).median
    finally:
        conn.close()


def _like(store, conn, dialect: str, query: str):
    from sqlalchemy import text

    op = "ILIKE" if dialect == "postgresql" else "LIKE"
    words = query.split()
    where = " AND ".join(f"note.text {op} :w{i}" for i in range(len(words)))
    statement = text(LIKE_SQL.format(where=where))
    params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}

    def go() -> list[int]:
        try:
            return [row[0] for row in conn.execute(statement, params)]
        finally:
            conn.rollback()

    return go


def _measure(store, label: str, query: str, rounds: int, per_round: int):
    """Interleaved: ``per_round`` searches, then one LIKE, ``rounds`` times."""
    from sqlalchemy import text

    conn = store.engine.connect()
    like = _like(store, conn, store.dialect, query)
    subject, floor = [], []
    op = "ILIKE" if store.dialect == "postgresql" else "LIKE"
    try:
        store.search(query), like()  # warm: plans, caches, pool
        for _ in range(rounds):
            for _ in range(per_round):
                start = time.perf_counter()
                hits = store.search(query)
                subject.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            like_ids = like()
            floor.append((time.perf_counter() - start) * 1000)
        # How far back the LIKE had to read before it had its page.
        oldest = min(like_ids, default=0)
        scanned = conn.execute(text("SELECT count(*) FROM note WHERE id >= :i"), {"i": oldest})
        read = scanned.scalar_one()
    finally:
        conn.close()
    return (
        Samples(f"Store.search {label}: {len(hits)} hits", tuple(subject)),
        Samples(f"{op} '%…%' newest 50: {len(like_ids)} hits, read {read:,} notes", tuple(floor)),
        read,
    )


def _rows(store, backend: str, queries, ctx: Context, raw: Path | None = None) -> list[Row]:
    """Judged rows, PostgreSQL's as SQLite's: a missed target is printed as missed."""
    rounds = 5 if ctx.quick else max(10, ctx.repeats)
    rows: list[Row] = []
    total = ctx.large_notes
    for cls, query, count in queries:
        label = f"[{backend}] {cls} '{query}' ({count:,} notes match)"
        subject, floor, read = _measure(store, label, query, rounds, per_round=5)
        ctx.log(f"    {label}: search {subject.describe()}, LIKE {floor.describe()}")
        for row in (
            at_most(SECTION, subject, "p99", P99_LIMIT_MS),
            at_least_faster(SECTION, subject, floor, "median", FASTER_THAN_LIKE),
        ):
            why = ""
            if not row.met and row.floor is not None and read < total // 2:
                why = (
                    f"LIKE stopped after the newest {read:,} of {total:,} notes: "
                    "with matches that dense the floor itself is this fast"
                )
            elif not row.met and row.floor is not None and raw is not None:
                alone = _raw_fts_ms(raw, query)
                why = (
                    f"the same FTS5 SELECT by raw sqlite3 takes {alone:.2f} ms "
                    f"({row.floor.median / alone:.0f}× LIKE): the rest is building the hits"
                )
            rows.append(replace(row, note=why) if why else row)
    return rows


def run(ctx: Context) -> list[Row]:
    from tui1on1.storage.store import Store

    source = Path(ctx.sqlite_large.removeprefix("sqlite:///"))
    path = ctx.work / "search.db"
    with sqlite3.connect(source) as conn:  # fold any WAL in, so the copy is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(source, path)
    queries = pick_queries(path, ctx.large_notes)
    ctx.log(
        f"  {SECTION}: words by document frequency in {ctx.large_notes:,} notes: "
        + ", ".join(f"{cls} '{q}' ({n:,})" for cls, q, n in queries)
    )

    rows: list[Row] = []
    store = Store.open(f"sqlite:///{path}")
    try:
        rows += _rows(store, "SQLite", queries, ctx, raw=path)
    finally:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    if ctx.pg_large is None:
        ctx.log(f"  {SECTION}: no PostgreSQL database given; PostgreSQL rows skipped")
        return rows
    store = Store.open(ctx.pg_large)
    try:
        rows += _rows(store, "PostgreSQL", queries, ctx)
    finally:
        store.close()
    return rows
