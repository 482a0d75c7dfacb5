"""End to end, in tmux: `tui1on1 meet` finds people by the one name rule and
never adds anyone by accident.

With "Priya Raman" on file, `meet pri` starts her 1:1 (not a new "pri"); the
next day `meet priya` resumes it and the screen names her in full; `meet
Nobody` adds no one and exits 2 with a one-line hint to use `--new`.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from tmux_terminal import app_command, libfaketime, on_day, query, skip_reason

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)

FAKETIME = libfaketime()
DAY_ONE = "@2026-12-07 10:00:00"  # a Monday
DAY_TWO = "@2026-12-08 10:00:00"


def tui1on1(*args: str) -> subprocess.CompletedProcess:
    """A command that doesn't open the app, on the test's private dirs."""
    return subprocess.run(
        app_command(*args), shell=True, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def people_on_file() -> None:
    for name, role in (("Priya Raman", "Staff engineer"), ("Bob Ross", "Designer")):
        added = tui1on1("people", "add", name, "--role", role)
        assert added.returncode == 0, added.stderr


def on_file() -> list[str]:
    return [name for (name,) in query("SELECT name FROM person ORDER BY name")]


@pytest.mark.skipif(FAKETIME is None, reason="needs faketime to hold meetings on two days")
def test_meet_a_start_of_the_name_and_the_next_day_again(terminals, people_on_file) -> None:
    first = terminals("meet", "pri", prefix=on_day(DAY_ONE))
    # Whose 1:1 it is, in full, with the role: not what was typed.
    first.wait_for(lambda s: "ON TRACK" in s and "Priya Raman" in s and "Staff engineer" in s)
    assert query("SELECT p.name, m.status FROM meeting m JOIN person p ON p.id = m.person_id") == [
        ("Priya Raman", "live")
    ]
    first.type("wants to mentor the new hires", enter=True)
    first.wait_for(lambda s: "wants to mentor the new hires" in s and "saving…" not in s)
    first.key("C-q")
    first.wait_for("is still live.")
    first.type("l")
    assert first.exit_code() == 0

    # Left running overnight: asked first (end it, or resume), resumed (a day
    # over its time) and named.
    second = terminals("meet", "priya", prefix=on_day(DAY_TWO))
    second.wait_for("The 1:1 with Priya Raman has been live since")
    second.type("r")
    second.wait_for(
        lambda s: (
            "Resumed the 1:1 with Priya Raman" in s
            and "OVERTIME" in s
            and "wants to mentor the new hires" in s
        )
    )
    second.key("C-q")
    second.wait_for("is still live.")
    second.type("l")
    assert second.exit_code() == 0
    # One Priya, one 1:1 with her (resumed, not a second one), nobody else.
    assert on_file() == ["Bob Ross", "Priya Raman"]
    assert query("SELECT person_id, status FROM meeting") == [
        (query("SELECT id FROM person WHERE name = 'Priya Raman'")[0][0], "live")
    ]
    ((started,),) = query("SELECT started_at FROM meeting")
    assert started.startswith("2026-12-07")


def test_meet_a_name_nobody_has_exits_2_and_adds_no_one(terminals, people_on_file) -> None:
    term = terminals("meet", "Nobody")
    # Refused at once, before the app draws anything: no screen to leave.
    assert term.exit_code() == 2
    assert not term.alternate_screen()
    # One line (wrapped by the 100-column terminal only if longer), then the exit.
    lines = [line for line in term.screen().splitlines() if line.strip()]
    exit_at = next(i for i, line in enumerate(lines) if re.match(r"EXIT=\d+$", line))
    message = "".join(lines[:exit_at])
    assert message == (
        'tui1on1: there is no one called Nobody; to add them, run: tui1on1 meet "Nobody" --new'
    )
    assert on_file() == ["Bob Ross", "Priya Raman"]
    assert query("SELECT count(*) FROM meeting") == [(0,)]

    # The hint works: --new adds them and starts their first 1:1.
    again = terminals("meet", "Nobody", "--new")
    again.wait_for("ON TRACK")
    again.key("C-q")
    again.wait_for("is still live.")
    again.type("l")
    assert again.exit_code() == 0
    assert on_file() == ["Bob Ross", "Nobody", "Priya Raman"]
