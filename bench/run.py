"""Run every benchmark and print the table for BENCHMARKS.md.

    .venv/bin/python bench/run.py            # everything (about 6–8 minutes)
    .venv/bin/python bench/run.py --quick    # fewer repeats, for a first look
    .venv/bin/python bench/run.py --only search_latency,commit_latency

The ~1k and ~130k-note SQLite databases, each of 25 people (growth is
judged at equal people count), are generated once into ``bench/out/data``
(through the Store) and reused. The ten-year history is an optional size:

    .venv/bin/python bench/run.py --large-notes 1000000 --people 100

(generating it takes several minutes; it is kept for the next run). Published
Textual apps side by side (installed into throwaway venvs, once):

    .venv/bin/python bench/run.py --only startup --peers

PostgreSQL: the URL in
``TUI1ON1_BENCH_PG_URL`` if set, else a throwaway server started with
``scripts/pg-throwaway`` for the run (skipped, and said, if neither works).
The table goes to stdout and to ``bench/out/results.md``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import data  # noqa: E402
from bench.common import Context, Row, fmt  # noqa: E402

MODULES = (
    "startup",
    "commit_latency",
    "typing_latency",
    "search_latency",
    "clock_accuracy",
    "encryption",
    "export_all",
)
# Run only when asked (``--peers``): it installs published apps to compare with.
OPTIONAL = ("peers",)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="tui1on1 benchmarks (see BENCHMARKS.md)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--only", help=f"comma-separated subset of: {', '.join(MODULES)}")
    parser.add_argument("--no-postgres", action="store_true", help="skip PostgreSQL")
    parser.add_argument(
        "--peers", action="store_true",
        help="also time published Textual apps (toolong, frogmouth, elia, harlequin) "
        "side by side; installs them into throwaway venvs under bench/out/peers",
    )  # fmt: skip
    parser.add_argument("--large-notes", type=int, default=130_000)
    parser.add_argument("--small-notes", type=int, default=1_000)
    parser.add_argument(
        "--people", type=int, default=25,
        help="people in both histories: growth is judged at equal people count",
    )  # fmt: skip
    args = parser.parse_args(argv)
    wanted = args.only.split(",") if args.only else list(MODULES)
    if args.peers and "peers" not in wanted:
        wanted.append("peers")
    known = (*MODULES, *OPTIONAL)
    unknown = [name for name in wanted if name not in known]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(known)}")

    started = time.monotonic()
    out = ROOT / "bench" / "out"
    (out / "data").mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = out / "data"
    small, large, people = args.small_notes, args.large_notes, args.people
    small_url, small_n = data.ensure_sqlite(folder / f"{small}-{people}p.db", small, people=people)
    large_url, large_n = data.ensure_sqlite(folder / f"{large}-{people}p.db", large, people=people)
    pg_url, stop_pg = (None, None) if args.no_postgres else _postgres(out)
    try:
        if pg_url:
            pg_url, _ = data.ensure_postgres(pg_url, large, people=people)
        with tempfile.TemporaryDirectory(prefix="tui1on1-bench-") as work:
            ctx = Context(Path(work), small_url, large_url, small_n, large_n, pg_url,
                          repeats=10 if args.quick else 30, quick=args.quick)  # fmt: skip
            rows, failures = [], []
            for name in wanted:
                print(f"== {name}", flush=True)
                try:
                    rows += importlib.import_module(f"bench.{name}").run(ctx)
                except Exception:  # one broken benchmark must not hide the others
                    failures.append((name, traceback.format_exc()))
                    print(failures[-1][1], file=sys.stderr)
    finally:
        if stop_pg:
            stop_pg()
    report = _report(rows, failures, pg_url is not None, time.monotonic() - started, argv)
    (out / "results.md").write_text(report)
    (out / "results.json").write_text(json.dumps([_as_dict(r) for r in rows], indent=1))
    print(report)
    return 1 if failures else 0


def _postgres(out: Path):
    url = os.environ.get("TUI1ON1_BENCH_PG_URL")
    if url:
        return url, None
    folder = Path(tempfile.mkdtemp(prefix="tui1on1-bench-pg-"))
    script = ROOT / "scripts" / "pg-throwaway"
    # fsync on: PostgreSQL's figures as a real server gives them.
    env = {**os.environ, "PG_FSYNC": "on"}
    done = subprocess.run([str(script), "start", str(folder)], capture_output=True, text=True,
                          env=env)  # fmt: skip
    found = re.search(r"TUI1ON1_TEST_PG_URL=['\"]?([^'\"\s]+)", done.stdout)
    if done.returncode or not found:
        print(f"PostgreSQL skipped: {done.stderr.strip() or 'no URL from pg-throwaway'}")
        return None, None
    return found.group(1), lambda: subprocess.run([str(script), "stop", str(folder)],
                                                  capture_output=True)  # fmt: skip


def _machine(has_pg: bool) -> list[str]:
    import sqlite3

    import sqlalchemy
    import textual

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())  # fmt: skip
    lines = [
        f"- machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Textual {textual.__version__}, "
        f"SQLAlchemy {sqlalchemy.__version__}, SQLite {sqlite3.sqlite_version}",
    ]
    if not has_pg:
        lines.append("- PostgreSQL: not measured in this run")
    return lines


def _report(rows: list[Row], failures, has_pg: bool, seconds: float, argv) -> str:
    command = "python bench/run.py" + "".join(f" {a}" for a in (argv or sys.argv[1:]))
    lines = ["# Results", "", *_machine(has_pg), f"- command: `{command}`",
             f"- run took {seconds / 60:.1f} minutes", "",
             "| section | subject | median / p99 | floor | floor median / p99 | judged on "
             "| figure | target | met |", "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in rows:
        floor = r.floor.label if r.floor else ""
        floor_v = f"{fmt(r.floor.median)} / {fmt(r.floor.p99)} {r.floor.unit}" if r.floor else ""
        figure = f"{r.value:.2f}×" if r.floor else f"{fmt(r.value)} {r.subject.unit}"
        met = "—" if r.target == "—" else ("yes" if r.met else "**no**")
        n = len(r.subject.values)
        subject = f"{fmt(r.subject.median)} / {fmt(r.subject.p99)} {r.subject.unit} (n={n})"
        cells = [r.section, r.subject.label, subject, floor, floor_v, r.stat, figure, r.target, met]
        lines.append("| " + " | ".join(cells) + " |")
    notes = [f"- {r.section}, {r.subject.label}: {r.note}" for r in rows if r.note]
    if notes:
        lines += ["", "Notes:", *dict.fromkeys(notes)]
    for name, trace in failures:
        lines += ["", f"**{name} failed:**", "```", trace.strip(), "```"]
    return "\n".join(lines) + "\n"


def _as_dict(row: Row) -> dict:
    return {"section": row.section, "subject": row.subject.label, "unit": row.subject.unit,
            "values": row.subject.values, "floor": row.floor.label if row.floor else None,
            "floor_values": row.floor.values if row.floor else None, "stat": row.stat,
            "value": row.value, "target": row.target, "met": row.met, "note": row.note}  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
