"""A damaged write-ahead log: SQLite would silently skip every frame from the
first bad one, committed notes included, and the first open overwrites the
evidence. Before anything opens the file, the log is checked; damage is copied
aside untouched (database, -wal, -shm), said in one line pointing to
`db restore`, and `db check` reports it. A clean kill -9 is not damage.

The log is a real one: a process saves 30 notes through the Store and is
killed with SIGKILL, leaving the -wal and -shm as a crash does."""

from __future__ import annotations

import os
import signal
import sqlite3
import struct
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui1on1.storage.store import Store

pytestmark = pytest.mark.slow  # starts a process

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SAVE_AND_DIE = """
import os, signal, sys
from datetime import datetime, timedelta
from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.store import Store

store = Store.open(sys.argv[1])
start = datetime.fromisoformat(sys.argv[3])
for i in range(30):
    store.add_note(NewNote(uid=f"n{i}", meeting_id=int(sys.argv[2]), kind=NoteKind.NOTE,
                           text=f"note {i}", created_at=start + timedelta(seconds=i)))
os.kill(os.getpid(), signal.SIGKILL)
"""
SUFFIXES = ("", "-wal", "-shm")


@pytest.fixture(scope="module")
def crashed(tmp_path_factory):
    """A database whose last 30 notes are only in the -wal a kill -9 left."""
    path = tmp_path_factory.mktemp("crashed") / "tui1on1.db"
    store = Store.open(f"sqlite:///{path}")
    ada = store.add_person("Ada Lovelace")
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    store.close()
    done = subprocess.run(
        [sys.executable, "-c", SAVE_AND_DIE, f"sqlite:///{path}", str(meeting.id), T0.isoformat()],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert os.path.getsize(f"{path}-wal") > 0
    return {suffix: Path(f"{path}{suffix}").read_bytes() for suffix in SUFFIXES}


@pytest.fixture
def db(tmp_path, crashed):
    """This test's copy of the crashed database: ``(path, url)``."""
    path = tmp_path / "data" / "tui1on1.db"
    path.parent.mkdir(mode=0o700)
    for suffix, data in crashed.items():
        with open(f"{path}{suffix}", "wb") as fh:
            fh.write(data)
        os.chmod(f"{path}{suffix}", 0o600)
    return path, f"sqlite:///{path}"


def notes(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM note").fetchone()[0]
    finally:
        conn.close()


def frame_size(path) -> int:
    with open(f"{path}-wal", "rb") as fh:
        return 24 + struct.unpack(">I", fh.read(12)[8:])[0]


def damage(path, how: str) -> None:
    wal = f"{path}-wal"
    data = bytearray(Path(wal).read_bytes())
    size = frame_size(path)
    frames = (len(data) - 32) // size
    middle = 32 + (frames // 3) * size
    if how == "a frame byte":
        data[middle + 24 + 100] ^= 0x01
    elif how == "the header":
        data[13] ^= 0x01  # the checkpoint sequence: the header's checksum fails
    elif how == "the last commit frame":
        data[32 + (frames - 1) * size + 24 + 7] ^= 0x01
    else:  # cut short in the middle of a frame
        del data[middle + 500 :]
    with open(wal, "wb") as fh:
        fh.write(data)


def files(path) -> dict[str, bytes]:
    return {s: Path(f"{path}{s}").read_bytes() for s in SUFFIXES}


def copies(path) -> list[str]:
    return sorted(p.name for p in path.parent.glob("*.damaged-wal-*"))


def test_a_clean_kill_9_leaves_a_log_that_is_not_damage(db, cli):
    path, url = db
    assert cli("--db", url, "db", "check").returncode == 0
    done = cli("--db", url, "people")
    assert done.returncode == 0 and done.stderr == ""
    assert notes(path) == 30  # every saved note, replayed from the log
    assert copies(path) == []


def test_a_torn_frame_after_the_last_commit_is_not_damage(db, cli):
    path, url = db
    wal = f"{path}-wal"
    data = Path(wal).read_bytes()
    with open(wal, "ab") as fh:  # half of a frame of a transaction that never committed
        fh.write(data[32 : 32 + 24 + 1000])
    assert cli("--db", url, "db", "check").returncode == 0
    assert cli("--db", url, "people").stderr == ""
    assert notes(path) == 30 and copies(path) == []


@pytest.mark.parametrize("how", ["a frame byte", "the header", "the last commit frame", "cut"])
def test_a_damaged_log_is_copied_aside_said_and_reported(db, cli, how):
    path, url = db
    damage(path, how)
    before = files(path)

    check = cli("--db", url, "db", "check")
    assert check.returncode == 1
    assert "write-ahead log" in check.stdout and "is damaged" in check.stdout
    assert "tui1on1 db restore" in check.stdout
    assert files(path) == before  # `db check` changed nothing but the copy

    done = cli("--db", url, "people")
    assert done.returncode == 0
    line = done.stderr.strip()
    assert len(line.splitlines()) == 1 and "write-ahead log" in line
    assert "tui1on1 db restore BACKUP" in line
    base = path.with_name(copies(path)[0])
    assert str(base) in line
    # One copy of each file (the second look found the first copy), byte for byte.
    assert copies(path) == sorted(f"{base.name}{s}" for s in SUFFIXES)
    assert files(base) == before
    for suffix in SUFFIXES:
        assert (os.stat(f"{base}{suffix}").st_mode & 0o777) == 0o600
    assert notes(path) < 30  # what SQLite dropped: the copy is all that is left of it

    again = cli("--db", url, "people")  # the log is gone now: nothing more to say
    assert again.returncode == 0 and again.stderr == ""


async def test_the_app_says_it_in_its_start_up_notification(db):
    from pilot_wait import wait_for
    from tui1on1.domain.timesource import FakeClock
    from tui1on1.settings import load_settings
    from tui1on1.ui.app import OneOnOneApp

    path, url = db
    damage(path, "a frame byte")
    app = OneOnOneApp(load_settings(db_arg=url), clock=FakeClock(T0))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await wait_for(pilot, lambda: app.services is not None)
        await pilot.pause(0.1)
        said = [n.message for n in app._notifications]
    assert any("write-ahead log" in m and "tui1on1 db restore" in m for m in said), said
    assert len(copies(path)) == 3


def test_meets_quick_name_check_leaves_a_crashed_log_to_the_store(db, cli):
    """`meet NAME` reads the names before the app starts; on a log a crash
    left, that read would rebuild the -shm index (the evidence of a log cut
    short): it leaves the file to the Store, which checks the log first."""
    from tui1on1.storage.quick_read import people_on_file

    path, url = db
    damage(path, "cut")
    before = files(path)
    assert people_on_file(url) is None
    assert files(path) == before
    assert "write-ahead log" in cli("--db", url, "people").stderr


def test_meets_quick_name_check_still_reads_while_an_instance_runs(tmp_path):
    from tui1on1.storage.quick_read import people_on_file

    url = f"sqlite:///{tmp_path / 'tui1on1.db'}"
    running = Store.open(url)
    try:
        running.add_person("Ada Lovelace")
        assert (tmp_path / "tui1on1.db-wal").exists()
        assert [p.name for p in people_on_file(url) or []] == ["Ada Lovelace"]
    finally:
        running.close()


def test_restore_keeps_a_damaged_log_before_it_looks_at_the_database(db, cli, tmp_path):
    """`db restore` opens the old file to see if it is in use; closing that
    connection would fold the log's readable part in and delete it."""
    path, url = db
    backup = tmp_path / "backup.db"
    Store.open(f"sqlite:///{backup}").close()
    damage(path, "a frame byte")
    before = files(path)
    done = cli("--db", url, "db", "restore", str(backup))
    assert done.returncode == 0
    assert "write-ahead log" in done.stderr and len(done.stderr.splitlines()) == 1
    base = path.with_name(copies(path)[0])
    assert files(base) == before
