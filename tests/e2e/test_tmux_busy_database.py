"""End to end: notes typed while another process holds the database's write
lock (a second instance, an import) survive SIGTERM and kill -9.

The real console script in tmux; another connection holds ``BEGIN
IMMEDIATE`` the whole time, so nothing reaches the database. The rows say
"saving…" and then, once the database has kept them waiting, that they are
kept safe; the app is stopped; the lock goes; the next start shows every
note once, in the order typed, with the half-typed line back in the input.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time

import pytest
from tmux_terminal import db_path, pid_gone, query, skip_reason, wait_for_rows

pytestmark = pytest.mark.slow

NAME = "Ada Lovelace"
LINES = ["wants to lead a team", "> not on call in December", "! send the rubric @fri"]
SHOWN = ["wants to lead a team", "not on call in December", "send the rubric"]

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "kill-9"])
def test_notes_typed_behind_a_held_lock_survive_the_app_being_stopped(terminals, sig) -> None:
    first = terminals("meet", NAME, "--new")
    first.wait_for("ON TRACK")
    first.type("before the lock", enter=True)
    # In the database before the lock is taken (a row can be drawn a moment
    # before its "saving…" mark: the screen alone can't say it was committed).
    wait_for_rows("SELECT text FROM note ORDER BY id", [("before the lock",)], timeout=30)

    holder = sqlite3.connect(db_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another instance writing, for as long as it likes
    try:
        for line in LINES:
            first.type(line, enter=True)
        first.type("and one more thing")
        first.wait_for(lambda s: all(t in s for t in SHOWN) and "and one more" in s)
        # Within seconds the banner says the database isn't answering and the
        # rows that the journal holds say they are kept safe.
        screen = first.wait_for(lambda s: s.count("not saved yet") == 3)
        assert "Notes are kept safe on this machine" in screen
        wait_for_journal("and one more thing")  # the unsent line's autosave too
        pid = first.app_pid()
        os.kill(pid, sig)
        assert pid_gone(pid)
        if sig == signal.SIGTERM:
            assert first.exit_code() == 0  # it didn't wait for the lock
        assert query_notes_without_waiting() == ["before the lock"]
    finally:
        holder.execute("COMMIT")
        holder.close()

    second = terminals("meet", "ada")
    screen = second.wait_for(
        lambda s: "ON TRACK" in s and all(t in s for t in SHOWN) and "and one more thing" in s
    )
    assert "saving…" not in second.wait_for(lambda s: "saving…" not in s)
    rows = query("SELECT text FROM note WHERE deleted_at IS NULL ORDER BY id")
    assert [text for (text,) in rows] == [
        "before the lock",
        "wants to lead a team",
        "not on call in December",
        "send the rubric",
    ]
    assert query("SELECT text FROM draft") == [("and one more thing",)]
    input_line = next(line for line in reversed(screen.splitlines()) if "and one more" in line)
    assert input_line.startswith("▊"), screen


def query_notes_without_waiting() -> list[str]:
    """What the database holds now, read beside the held lock (WAL readers don't wait)."""
    conn = sqlite3.connect(db_path(), timeout=1)
    try:
        rows = conn.execute("SELECT text FROM note ORDER BY id").fetchall()
    finally:
        conn.close()
    return [text for (text,) in rows]


def wait_for_journal(text: str, timeout: float = 30.0) -> None:
    """Until the recovery journal beside the database (plain JSON lines: the
    database isn't encrypted here) holds ``text``."""
    journal = db_path().with_name(db_path().name + ".journal")
    deadline = time.monotonic() + timeout
    while not (journal.exists() and text.encode() in journal.read_bytes()):
        assert time.monotonic() < deadline, f"{text!r} never reached the journal"
        time.sleep(0.05)
