"""End to end: the data dir deleted while a meeting runs.

The real console script in tmux. Three notes are saved, then the whole data
dir is removed (database, backups and all) and four more are typed: the app
says the database file is gone and keeps every note in the recovery journal
(put back in a new folder), the rows say they are kept safe, and leaving says
all seven wait there. The next start has no backup to offer, so it makes a
new database and puts the meeting back from the journal: Ada, her live 1:1
and all seven notes, in order, once.
"""

from __future__ import annotations

import os
import shutil

import pytest
from tmux_terminal import db_path, pid_gone, query, skip_reason

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)

BEFORE = ["first thing", "second thing", "third thing"]
AFTER = ["fourth thing", "fifth thing", "sixth thing", "seventh thing"]


def test_a_meeting_survives_its_data_dir_being_deleted(terminals) -> None:
    # The notes pane shows the newest six of the seven at 100x30 (the prompt
    # card has its coaching note); the database is checked for all seven.
    first = terminals("meet", "Ada Lovelace", "--new", "--playbook", "weekly")
    first.wait_for("ON TRACK")
    for line in BEFORE:
        first.type(line, enter=True)
    first.wait_for(lambda s: all(t in s for t in BEFORE) and "saving…" not in s)

    shutil.rmtree(db_path().parent)
    for line in AFTER:
        first.type(line, enter=True)
    screen = first.wait_for(lambda s: "deleted or replaced" in s and "seventh thing" in s)
    first.wait_for(lambda s: "seventh thing  not saved yet" in s)  # the list shows the last
    first.key("C-q")
    screen = first.wait_for("still live")
    said = " ".join(screen.replace("│", " ").split())
    assert "7 notes wait in the recovery journal" in said, said
    first.type("l")  # leave it running
    assert first.exit_code() == 0
    assert not db_path().exists()
    assert db_path().with_name("tui1on1.db.journal").exists()

    second = terminals("meet", "ada")
    newest = (BEFORE + AFTER)[1:]
    screen = second.wait_for(lambda s: "ON TRACK" in s and all(t in s for t in newest))
    said = second.wait_for("Your data", timeout=20)  # once "Resumed…" has gone
    toast = " ".join(line.rsplit("▌", 1)[1].strip() for line in said.splitlines() if "▌" in line)
    assert "was gone and there is no backup: a new one was made" in toast, said
    assert "1 meeting(s) this database didn't have were made again" in toast, said
    assert query("SELECT name FROM person") == [("Ada Lovelace",)]
    assert query("SELECT status FROM meeting") == [("live",)]
    rows = query("SELECT text FROM note WHERE deleted_at IS NULL ORDER BY id")
    assert [text for (text,) in rows] == BEFORE + AFTER
    pid = second.app_pid()
    second.key("C-q")
    second.wait_for("still live")
    second.type("l")
    assert pid_gone(pid)
    assert os.stat(db_path()).st_mode & 0o777 == 0o600
