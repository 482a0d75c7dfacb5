"""A PostgreSQL server that stops answering (SIGSTOP) while notes are typed.

Nothing times out on the wire (the kernel still acknowledges the packets),
so the write just waits. The notes are kept all the same: the journal has
each one before the server is asked, the banner says the database isn't
answering within seconds, stopping the app doesn't wait for the server, and
the next start lands every note once, in order. Needs the PostgreSQL server
binaries (CI has them); skipped with that reason otherwise.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage.journal import Journal
from tui1on1.storage.store import Store
from tui1on1.storage.writer import Writer

pytestmark = pytest.mark.slow  # starts a PostgreSQL server

SCRIPT = Path(__file__).parents[2] / "scripts" / "pg-throwaway"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WAIT = 30.0


@pytest.fixture
def server() -> Iterator[tuple[str, Path]]:
    where = tempfile.mkdtemp(prefix="tui1on1-pg-")
    started = subprocess.run(
        [str(SCRIPT), "start", where], capture_output=True, text=True, timeout=120
    )
    if "no PostgreSQL server binaries" in started.stderr:
        pytest.skip("needs the PostgreSQL server binaries (e.g. Debian's postgresql-15)")
    assert started.returncode == 0, started.stderr
    try:
        yield started.stdout.strip().split("=", 1)[1], Path(where) / "data"
    finally:
        subprocess.run([str(SCRIPT), "stop", where], capture_output=True, timeout=60)


def _server_pids(data: Path) -> list[int]:
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    children = subprocess.run(
        ["pgrep", "-P", str(postmaster)], capture_output=True, text=True
    ).stdout.split()
    return [postmaster, *map(int, children)]


def _signal_all(pids: list[int], sig: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def _note(meeting_id: int, i: int) -> NewNote:
    return NewNote(
        uid=f"pg{i}",
        meeting_id=meeting_id,
        kind=NoteKind.NOTE,
        text=f"said while the server hung {i}",
        created_at=T0 + timedelta(seconds=i),
    )


def test_a_hung_server_keeps_every_note_says_so_and_lets_the_app_go(server, tmp_path):
    url, data = server
    store = Store.open(url)
    person = store.add_person("Ada Lovelace")
    meeting, _ = store.start_meeting(person.id, playbook="weekly", planned_minutes=30, now=T0)
    journal_path = tmp_path / "pg.journal"
    statuses: list[str | None] = []
    banner = threading.Event()

    def on_status(message: str | None) -> None:
        statuses.append(message)
        if message:
            banner.set()

    writer = Writer(store, Journal(journal_path), on_status=on_status, busy_seconds=0.5)
    writer.recover()
    writer.start()
    writer.save_note(_note(meeting.id, 0))
    assert writer.flush(WAIT)

    pids = _server_pids(data)
    _signal_all(pids, signal.SIGSTOP)
    try:
        kept: list[str] = []
        for i in range(1, 4):
            writer.save_note(_note(meeting.id, i), kept=lambda safe, i=i: kept.append(f"pg{i}"))
        assert banner.wait(WAIT)
        assert "hasn't answered" in (statuses[-1] or "")
        assert writer.stop(timeout=10.0) is True  # the journal has them all: no waiting on it
        assert kept == ["pg1", "pg2", "pg3"]
    finally:
        _signal_all(pids, signal.SIGCONT)

    again = Store.open(url)
    later = Writer(again, Journal(journal_path))
    later.recover()
    later.start()
    assert later.stop(WAIT)
    assert [n.uid for n in again.list_notes(meeting.id)] == ["pg0", "pg1", "pg2", "pg3"]
    again.close()
    store.close()
