"""End to end: `tui1on1 db restore` while the app runs in a real terminal is
refused in one line and changes nothing (the app would go on writing into the
moved-aside file: notes shown as saved, missing from the restored database);
once the app has quit, the same restore works."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest
from tmux_terminal import SCRIPT, db_path, pid_gone, query, skip_reason, wait_for_rows

pytestmark = pytest.mark.slow

NAME = "Ada Lovelace"

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)


def restore(backup) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), "db", "restore", str(backup)],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "TUI1ON1_DATABASE_URL"},
    )


def test_restore_is_refused_while_the_app_runs_and_works_once_it_quit(terminals, cli, tmp_path):
    assert cli("people", "add", NAME).returncode == 0
    backup = tmp_path / "backup.db"
    assert cli("db", "backup", str(backup)).returncode == 0

    term = terminals("meet", NAME)
    term.wait_for("ON TRACK")
    term.type("said before the restore", enter=True)
    term.wait_for(lambda s: "said before the restore" in s and "saving…" not in s)

    refused = restore(backup)
    assert refused.returncode == 1
    assert refused.stderr == (
        "tui1on1: a running tui1on1 is using the database; quit it first — nothing was changed\n"
    )
    assert not list(db_path().parent.glob("*.before-restore-*"))
    term.type("said after the refusal", enter=True)
    term.wait_for(lambda s: "said after the refusal" in s and "saving…" not in s)
    wait_for_rows(
        "SELECT text FROM note ORDER BY id",
        [("said before the restore",), ("said after the refusal",)],
    )

    pid = term.app_pid()
    os.kill(pid, signal.SIGTERM)
    assert term.exit_code() == 0 and pid_gone(pid)
    done = restore(backup)
    assert done.returncode == 0, done.stderr
    assert query("SELECT count(*) FROM note") == [(0,)]  # the backup's state
    kept = next(db_path().parent.glob("tui1on1.db.before-restore-*"))
    assert "before-restore" in done.stdout and str(kept) in done.stdout
