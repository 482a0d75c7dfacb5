"""Two app instances on one SQLite file: both write, nothing is lost or locked out.

Each instance is a real process (``python -c``) started together behind a file
barrier, so their transactions really interleave.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui1on1.storage.store import Store

pytestmark = pytest.mark.slow

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOTES_EACH = 200
BARRIER_WAIT = 30.0

WORKER = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from tui1on1.domain.kinds import NoteKind
    from tui1on1.domain.records import NewNote
    from tui1on1.storage.store import Store

    from tui1on1.storage.unlocking import unlock_file

    url, name, count, barrier = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    meetings = [int(m) for m in sys.argv[5].split(",")]
    unlock_file(Path(url.removeprefix("sqlite:///")))  # encrypted: TUI1ON1_PASSPHRASE_FILE
    store = Store.open(url)
    (barrier / f"ready-{name}").touch()
    deadline = time.monotonic() + 30
    while not (barrier / "go").exists():
        if time.monotonic() > deadline:
            sys.exit("the barrier never opened")
        time.sleep(0.001)
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i in range(count):
        kind = NoteKind.ACTION if i % 10 == 0 else NoteKind.NOTE
        store.add_note(NewNote(
            uid=f"{name}-{i}",
            meeting_id=meetings[i % len(meetings)],
            kind=kind,
            text=f"{name} says thing {i}",
            created_at=t0 + timedelta(seconds=i),
        ))
    store.close()
    print(f"{name} wrote {count}")
    """
)

OPENER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path

    from tui1on1.storage.store import Store

    url, name, barrier = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    (barrier / f"ready-{name}").touch()
    deadline = time.monotonic() + 30
    while not (barrier / "go").exists():
        if time.monotonic() > deadline:
            sys.exit("the barrier never opened")
        time.sleep(0.001)
    store = Store.open(url)
    store.add_person(f"Person {name}")
    store.close()
    """
)


def run_together(scripts: list[list[str]], barrier: Path) -> list[subprocess.CompletedProcess]:
    """Start every script, open the barrier once all are ready, wait for all."""
    barrier.mkdir(parents=True, exist_ok=True)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for args in scripts
    ]
    try:
        deadline = time.monotonic() + BARRIER_WAIT
        while len(list(barrier.glob("ready-*"))) < len(procs):
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                break
            time.sleep(0.005)
        (barrier / "go").touch()
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def assert_all_ok(results: list[subprocess.CompletedProcess]) -> None:
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr.lower()
        assert "Traceback" not in result.stderr


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_two_processes_write_notes_at_once(tmp_path, monkeypatch, encrypted):
    db_file = tmp_path / "shared" / "tui1on1.db"
    url = f"sqlite:///{db_file}"
    if encrypted:  # made encrypted here; each process finds the key as a command does
        from tui1on1 import keys
        from tui1on1.storage import cipher

        secret = tmp_path / "passphrase"
        secret.write_text("correct horse battery\n")
        secret.chmod(0o600)
        monkeypatch.setenv("TUI1ON1_PASSPHRASE_FILE", str(secret))
        cipher.remember(db_file, keys.derive("correct horse battery", keys.new_salt()))
    store = Store.open(url)
    meetings = []
    for name in ("Shared", "Solo A", "Solo B"):
        person = store.add_person(name)
        meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
        meetings.append(meeting.id)
    shared, solo_a, solo_b = meetings

    # each writes half its notes to the shared meeting, half to its own
    results = run_together(
        [
            [WORKER, url, "a", str(NOTES_EACH), str(tmp_path / "barrier"), f"{shared},{solo_a}"],
            [WORKER, url, "b", str(NOTES_EACH), str(tmp_path / "barrier"), f"{shared},{solo_b}"],
        ],
        tmp_path / "barrier",
    )

    assert_all_ok(results)
    assert [r.stdout.strip() for r in results] == [f"a wrote {NOTES_EACH}", f"b wrote {NOTES_EACH}"]
    half = NOTES_EACH // 2
    in_shared = store.list_notes(shared)
    assert len(in_shared) == 2 * half
    assert {n.uid for n in in_shared} == {f"{w}-{i}" for w in "ab" for i in range(0, NOTES_EACH, 2)}
    assert {n.uid for n in store.list_notes(solo_a)} == {f"a-{i}" for i in range(1, NOTES_EACH, 2)}
    assert {n.uid for n in store.list_notes(solo_b)} == {f"b-{i}" for i in range(1, NOTES_EACH, 2)}
    # each writer's notes keep their own order
    for w in "ab":
        mine = [int(n.uid.split("-")[1]) for n in in_shared if n.uid.startswith(w)]
        assert mine == sorted(mine)
    assert len(store.list_actions()) == 2 * (NOTES_EACH // 10)
    assert store.check() == []  # schema, integrity, foreign keys and the search index
    store.close()
    if not encrypted:
        assert integrity(db_file) == ["ok"]
    else:
        assert not db_file.read_bytes().startswith(b"SQLite format 3")
        assert b"says thing" not in db_file.read_bytes()


def open_together(db_file: Path, barrier: Path, processes: int) -> None:
    url = f"sqlite:///{db_file}"
    results = run_together([[OPENER, url, str(i), str(barrier)] for i in range(processes)], barrier)
    assert_all_ok(results)
    store = Store.open(url)
    assert sorted(p.name for p in store.list_people()) == [f"Person {i}" for i in range(processes)]
    assert store.check() == []
    store.close()
    assert integrity(db_file) == ["ok"]


def test_several_processes_migrate_a_new_database_at_once(tmp_path):
    """First start in three terminals at once: one migrates, the others wait, all work."""
    db_file = tmp_path / "fresh" / "tui1on1.db"
    db_file.parent.mkdir()
    conn = sqlite3.connect(db_file)  # an empty database, already in WAL mode
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    open_together(db_file, tmp_path / "barrier", 3)


def test_several_processes_create_a_new_database_file_at_once(tmp_path):
    for round_ in range(2):
        open_together(tmp_path / f"r{round_}" / "tui1on1.db", tmp_path / f"b{round_}", 4)
