"""kill -9 at random moments during `tui1on1 db encrypt` (and `db decrypt`)
never loses the database: afterwards the file is either the old one, whole,
or the new one, whole, and it is the one every command uses; the half-made
copy is cleared by the next run, which then finishes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui1on1.domain.kinds import NoteKind
from tui1on1.domain.records import NewNote
from tui1on1.storage import cipher
from tui1on1.storage.store import Store

pytestmark = pytest.mark.slow

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOTES = 3000
RUNS = 12
SEED = 20261202
SCRIPT = Path(sys.executable).parent / "tui1on1"
PASSPHRASE = "correct horse battery"


def fill(path: Path) -> None:
    store = Store.open(f"sqlite:///{path}")
    ada = store.add_person("Ada Lovelace", now=T0)
    meeting, _ = store.start_meeting(ada.id, playbook="weekly", planned_minutes=30, now=T0)
    for i in range(NOTES):
        store.add_note(
            NewNote(uid=f"n{i}", meeting_id=meeting.id, kind=NoteKind.NOTE,
                    text=f"note {i} about the platform team and the roadmap",
                    created_at=T0 + timedelta(seconds=i))
        )  # fmt: skip
    store.close()


def run_cli(env: dict[str, str], *args: str, kill_after: float | None = None) -> int | None:
    """The console script; SIGKILLed after ``kill_after`` seconds (None: to the end)."""
    child = subprocess.Popen(
        [str(SCRIPT), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    if kill_after is None:
        return child.wait(timeout=120)
    time.sleep(kill_after)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    return None


def notes_in(path: Path) -> int:
    """How many notes the file holds, read as it is now (plain or encrypted)."""
    from tui1on1.keys import derive

    if cipher.looks_encrypted(path):
        key = derive(PASSPHRASE, cipher.salt_of(path))
        conn = cipher.connect(path, key, read_only=True)
    else:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return int(conn.execute("SELECT count(*) FROM note").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_kill9_during_encrypt_and_decrypt_never_loses_the_database(tmp_path):
    data = tmp_path / "home" / "data" / "tui1on1"
    data.mkdir(parents=True, mode=0o700)
    path = data / "tui1on1.db"
    fill(path)
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    env = {k: v for k, v in os.environ.items() if k != "TUI1ON1_DATABASE_URL"}
    env.update(XDG_DATA_HOME=str(tmp_path / "home" / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "home" / "config"),
               XDG_STATE_HOME=str(tmp_path / "home" / "state"),
               TUI1ON1_PASSPHRASE_FILE=str(secret))  # fmt: skip
    rng = random.Random(SEED)
    states = set()
    for run in range(RUNS):
        command = (
            ("db", "encrypt") if not cipher.looks_encrypted(path) else ("db", "decrypt", "--yes")
        )
        run_cli(env, *command, kill_after=rng.uniform(0.2, 2.5))
        assert notes_in(path) == NOTES, f"run {run}: {command} killed, the database lost notes"
        states.add(cipher.looks_encrypted(path))
        listed = subprocess.run([str(SCRIPT), "people"], env=env, capture_output=True,
                                text=True, timeout=60)  # fmt: skip
        assert listed.returncode == 0 and "Ada Lovelace" in listed.stdout, listed.stderr
    assert states == {True, False}  # kills landed before and after the swap

    final = ("db", "encrypt") if not cipher.looks_encrypted(path) else ("db", "decrypt", "--yes")
    assert run_cli(env, *final) == 0
    assert notes_in(path) == NOTES
    assert not list(data.glob(".*.converting*"))  # the leftovers were cleared
