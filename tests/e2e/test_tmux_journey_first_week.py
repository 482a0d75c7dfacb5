"""A manager's first week, end to end in tmux with the real console script,
on two days (faketime): the right person by part of the name, whose 1:1 it
is always on screen, End asks first and shows the headline, a 1:1 started
with the wrong person is discarded and kept aside, a name that fits two
people is refused, the next week's 1:1 carries the promises, and search
answers with filters alone.
"""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from tmux_terminal import app_command, db_path, libfaketime, on_day, query, skip_reason

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)
if libfaketime() is None:
    pytest.skip("needs faketime to hold 1:1s on different days", allow_module_level=True)

MONDAY = "@2026-12-07 10:00:00"
MONDAY_LATER = "@2026-12-07 11:00:00"
NEXT_MONDAY = "@2026-12-14 10:00:00"


def tui1on1(*args: str, when: str = NEXT_MONDAY) -> subprocess.CompletedProcess:
    """A command that doesn't open the app, on the test's private dirs."""
    command = app_command(*args, prefix=on_day(when))
    return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)


def saved(screen: str, *lines: str) -> bool:
    return all(line in screen for line in lines) and "saving…" not in screen


def test_the_first_week(terminals) -> None:
    for name, role in (("Priya Raman", "Backend engineer"), ("Pritam Das", "Designer")):
        assert tui1on1("people", "add", name, "--role", role).returncode == 0

    # Monday: `meet priya` is Priya Raman's 1:1, named with her role.
    monday = terminals("meet", "priya", prefix=on_day(MONDAY))
    monday.wait_for(lambda s: "ON TRACK" in s and "Priya Raman · Backend engineer" in s)
    for line in (
        "wants to lead the platform team #career",
        "! send me the RFC draft @fri",
        "!me intro to Sam from platform @+1w",
    ):
        monday.type(line, enter=True)
    monday.wait_for(lambda s: saved(s, "send me the RFC draft", "intro to Sam from platform"))
    # End asks first, with the headline; Enter ends; the summary shows both sides.
    monday.key("C-o")
    monday.wait_for(
        lambda s: (
            "End the 1:1 with Priya Raman · Backend engineer?" in s
            and "1 note · 1 action mine · 1 action theirs" in s
            and "Under a minute (planned 30)" in s
        )
    )
    monday.key("Enter")
    # The summary's first screen holds both sides' promises (waited for as a
    # whole: a capture can land between the dialog's frame and its text).
    monday.wait_for(
        lambda s: (
            "Meeting ended and saved" in s
            and "I promised (1)" in s
            and "They'll do (1)" in s
            and "send me the RFC draft  (due Fri 11 Dec)" in s
        )
    )
    monday.key("Enter")
    monday.wait_for(lambda s: "Priya Raman" in s and "Pritam Das" in s and "Last 1:1" in s)
    monday.key("C-q")
    assert monday.exit_code() == 0

    # An hour later, Pritam's 1:1 is started by mistake and thrown away.
    oops = terminals("meet", "pritam", prefix=on_day(MONDAY_LATER))
    oops.wait_for(lambda s: "ON TRACK" in s and "Pritam Das · Designer" in s)
    oops.type("zanzibar budget that belongs to someone else", enter=True)
    oops.wait_for(lambda s: saved(s, "zanzibar budget"))
    oops.key("C-q")
    oops.wait_for("Discard this 1:1 (d)")
    oops.type("d")
    oops.wait_for("Discard this 1:1 with Pritam Das?")
    oops.wait_for("Its 1 note will be removed from history and search")
    oops.type("y")
    oops.wait_for(lambda s: "Last 1:1" in s and "Discarded" in s)
    oops.key("C-q")
    assert oops.exit_code() == 0
    assert query("SELECT p.name, m.status FROM meeting m JOIN person p ON p.id = m.person_id") == [
        ("Priya Raman", "ended")
    ]
    (kept,) = (db_path().parent / "discarded").glob("pritam-das-*.json")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert "zanzibar budget" in Path(kept).read_text(encoding="utf-8")
    assert tui1on1("search", "zanzibar").stdout == ""

    # Next Monday: "pri" fits both, so nothing starts and no one is added.
    ambiguous = tui1on1("meet", "pri")
    assert (ambiguous.returncode, ambiguous.stderr) == (
        2,
        "tui1on1: 'pri' could be several people: Pritam Das, Priya Raman; give more of the name\n",
    )
    # Priya's second 1:1 opens on last week's promises, hers and mine.
    week_two = terminals("meet", "raman", prefix=on_day(NEXT_MONDAY))
    week_two.wait_for(
        lambda s: (
            "Priya Raman" in s
            and "send me the RFC draft" in s
            and "intro to Sam from platform" in s
        )
    )
    week_two.key("C-q")
    week_two.wait_for(
        lambda s: (
            "The 1:1 with Priya Raman is still live." in s
            and 'tui1on1 meet "Priya Raman"' in " ".join(s.split())
        )
    )
    week_two.type("l")
    assert week_two.exit_code() == 0

    # Search with filters alone: all of Priya's actions, newest first.
    found = tui1on1("search", "--person", "priya", "--kind", "action")
    assert found.returncode == 0, found.stderr
    assert [line.split("  ")[-1] for line in found.stdout.splitlines()] == [
        "intro to Sam from platform",
        "send me the RFC draft",
    ]
    assert query("SELECT name FROM person ORDER BY name") == [("Pritam Das",), ("Priya Raman",)]
