"""9. `tui1on1 export --all` and `import`: the whole history as JSON, on the
real console script, for the ~1k and the ~130k-note histories (copies, so
nothing else touches them); then the large export imported into an empty
database (time and peak RSS reported; issue 19 sets no target for them).

Each run is a child process started and waited for (``os.wait4``) by a small
interpreter of its own, so its peak RSS is its own, not this process's.
Targets (issue 19): peak RSS ≤ 100 MiB whatever the size (the
document is written a person at a time, and a person's notes become their
entries as they are read); time grows at most linearly with the notes, i.e.
per thousand notes the large history is no slower than the small one
(within ``LINEAR``). The
time per thousand notes leaves out start-up: the median export of an empty
database (the same command, migrated schema, no one in it) is taken off
first, or the small history's figure would be mostly start-up.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

from bench.common import (
    Context,
    Row,
    Samples,
    at_most,
    at_most_ratio,
    private_env,
    python,
    report_only,
)

SECTION = "9. export --all"
RSS_LIMIT_MIB = 100.0
# Time per note, large over small. Linear is 1×; the small history's figure
# is a few tens of ms left after taking start-up off, so it is noisy: the
# 1.15× the issue allows between sizes elsewhere is the margin here too.
LINEAR = 1.15


def _copy(ctx: Context, url: str, name: str) -> Path:
    source = Path(url.removeprefix("sqlite:///"))
    with sqlite3.connect(source) as conn:  # fold any WAL in, so the copy is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    target = ctx.work / name
    shutil.copyfile(source, target)
    return target


def _export_once(home: Path, db: Path, keep: bool = False) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one `export --all -o all.json` in ``home``."""
    out = home / "all.json"
    seconds, rss = _child(home, db, "export", "--all", "-o", str(out))
    if not keep:
        out.unlink()
    return seconds, rss


def _import_once(home: Path, source: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one `import FILE` into an empty database."""
    db = home / "imported.db"
    for old in home.glob("imported.db*"):
        old.unlink()
    return _child(home, db, "import", str(source))


# A small process that runs the command and reports its peak RSS. A child's
# ru_maxrss includes what it was before exec: forked straight from this
# process (which has run the other benchmarks), every figure would be at
# least this process's own size. Forked from this small one, it is the size
# of a bare interpreter at most, well below any command's own peak.
_MEASURE = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\nmaxrss-kib={usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _child(home: Path, db: Path, *args: str) -> tuple[float, float]:
    env = private_env(home, f"sqlite:///{db}")
    command = [python(), "-c", _MEASURE, python(), "-m", "tui1on1", *args]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    err, _, peak = done.stderr.decode().rpartition("maxrss-kib=")
    if done.returncode != 0 or not peak.strip().isdigit():
        raise RuntimeError(f"{args[0]} exited {done.returncode}: {err.strip()}")
    return seconds, int(peak) / 1024  # Linux reports KiB


def _size(notes: int) -> str:
    """'1k', '130k', '1M': the history's size in the labels."""
    return f"{notes / 1e6:.3g}M" if notes >= 999_500 else f"{round(notes / 1000)}k"


def run(ctx: Context) -> list[Row]:
    from tui1on1.storage.store import Store

    repeats = 3 if ctx.quick else 5
    empty_home = ctx.work / "export-empty"
    empty_home.mkdir(mode=0o700, exist_ok=True)
    empty = empty_home / "empty.db"
    Store.open(f"sqlite:///{empty}").close()
    empty_runs = tuple(_export_once(empty_home, empty)[0] for _ in range(repeats))
    start_up = Samples("export --all of an empty database", empty_runs, "s")
    ctx.log(f"  {SECTION}: start-up {start_up.describe()}")
    small, large = _size(ctx.small_notes), _size(ctx.large_notes)
    figures = {}
    for label, url, notes in (
        (small, ctx.sqlite_small, ctx.small_notes),
        (large, ctx.sqlite_large, ctx.large_notes),
    ):
        home = ctx.work / f"export-{label}"
        home.mkdir(mode=0o700, exist_ok=True)
        db = _copy(ctx, url, f"export-{label}.db")
        runs = [_export_once(home, db) for _ in range(repeats)]
        per_k = Samples(
            f"export --all, ms per 1k notes after start-up ({label})",
            tuple((s - start_up.median) * 1000 / (notes / 1000) for s, _ in runs),
        )
        rss = Samples(f"export --all peak RSS ({label})", tuple(r for _, r in runs), unit="MiB")
        figures[label] = (per_k, rss)
        ctx.log(f"  {SECTION}: {label} {per_k.describe()}, RSS {rss.describe()}")
    rows = [at_most(SECTION, figures[label][1], "max", RSS_LIMIT_MIB) for label in (small, large)]
    # Import of the large export, read a person at a time (no target in issue 19).
    home = ctx.work / f"export-{large}"
    _export_once(home, ctx.work / f"export-{large}.db", keep=True)
    runs = [_import_once(home, home / "all.json") for _ in range(1 if ctx.quick else 3)]
    taken = Samples(f"import of the {large} export, s", tuple(s for s, _ in runs), "s")
    rss = Samples(f"import of the {large} export, peak RSS", tuple(r for _, r in runs), "MiB")
    ctx.log(f"  {SECTION}: import {taken.describe()}, RSS {rss.describe()}")
    rows += [report_only(SECTION, taken), report_only(SECTION, rss, stat="max")]
    note = f"at most linear; start-up ({start_up.median:.2f} s) taken off both"
    rows.append(
        at_most_ratio(SECTION, figures[large][0], figures[small][0], "median", LINEAR, note)
    )
    return rows
