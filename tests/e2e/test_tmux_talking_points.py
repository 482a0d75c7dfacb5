"""A talking point jotted on Tuesday waits at Thursday's 1:1, end to end in
tmux with the real console script (faketime holds the days): `topic` from the
shell, `meet` two days later shows it first, `x` deals with it, and the next
week's 1:1 no longer lists it."""

from __future__ import annotations

import subprocess

import pytest
from tmux_terminal import app_command, libfaketime, on_day, skip_reason, wait_for_rows

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)
if libfaketime() is None:
    pytest.skip("needs faketime to hold 1:1s on different days", allow_module_level=True)

TUESDAY = "@2026-12-08 17:00:00"
THURSDAY = "@2026-12-10 10:00:00"
NEXT_THURSDAY = "@2026-12-17 10:00:00"


def tui1on1(*args: str, when: str) -> subprocess.CompletedProcess:
    command = app_command(*args, prefix=on_day(when))
    return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)


def test_a_topic_jotted_on_tuesday_waits_on_thursday(terminals) -> None:
    assert tui1on1("people", "add", "Priya Raman", "--role", "Staff engineer",
                   when=TUESDAY).returncode == 0  # fmt: skip
    jotted = tui1on1("topic", "priya", "they want to talk about on-call", when=TUESDAY)
    assert jotted.returncode == 0, jotted.stderr
    assert jotted.stdout == (
        "Priya Raman's topic will wait at your next 1:1: they want to talk about on-call\n"
    )

    thursday = terminals("meet", "priya", prefix=on_day(THURSDAY))
    screen = thursday.wait_for(lambda s: "ON TRACK" in s and "on-call" in s)
    row = next(line for line in screen.splitlines() if "on-call" in line)
    assert "8 Dec » they want to talk about on-call  their topic" in row
    thursday.key("Up")
    thursday.wait_for("x Done")  # the notes list has the keys now
    thursday.type("x")
    thursday.wait_for(lambda s: "their topic · dealt with" in s)
    # On disk at once, with the meeting it was dealt with in.
    wait_for_rows(
        "SELECT t.text FROM talking_point t JOIN meeting m ON m.id = t.resolved_meeting_id",
        [("they want to talk about on-call",)],
    )
    thursday.key("Escape")
    thursday.key("C-o")
    thursday.wait_for("End the 1:1 with Priya Raman")
    thursday.key("Enter")
    thursday.wait_for("Meeting ended and saved")
    thursday.key("Enter")
    thursday.wait_for(lambda s: "Last 1:1" in s)
    thursday.key("C-q")
    assert thursday.exit_code() == 0

    listed = tui1on1("topic", "priya", when=NEXT_THURSDAY)
    assert listed.stdout == "Nothing waits for your next 1:1 with Priya Raman.\n"
    next_week = terminals("meet", "priya", prefix=on_day(NEXT_THURSDAY))
    screen = next_week.wait_for(lambda s: "ON TRACK" in s and "Follow-ups" in s)
    assert "on-call" not in screen
