"""Two weeks of promises with Priya, end to end in tmux with the real console
script (faketime holds the days): a date before a tag is kept, a date in
words is warned on its row, private lines stay out of the recap; on
Wednesday one promise is kept from the shell; the next Monday the carried
promises read mine first, overdue in words, a date in words is read as of
the day it was written, one is rescheduled in the action dialog, and the
end summary and the recap tell what was done since last time."""

from __future__ import annotations

import subprocess
import time

import pytest
from tmux_terminal import app_command, libfaketime, on_day, skip_reason

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)
if libfaketime() is None:
    pytest.skip("needs faketime to hold 1:1s on different days", allow_module_level=True)

MONDAY = "@2026-12-07 10:00:00"
WEDNESDAY = "@2026-12-09 12:00:00"
NEXT_MONDAY = "@2026-12-14 10:00:00"


def tui1on1(*args: str, when: str) -> subprocess.CompletedProcess:
    """A command that doesn't open the app; every one here is meant to succeed."""
    command = app_command(*args, prefix=on_day(when))
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"{args} exited {done.returncode}: {done.stderr}"
    return done


def row(screen: str, text: str) -> str:
    return next(line for line in screen.splitlines() if text in line)


def test_two_weeks_of_promises(terminals) -> None:
    tui1on1("people", "add", "Priya Raman", when=MONDAY)

    monday = terminals("meet", "priya", prefix=on_day(MONDAY))
    monday.wait_for("ON TRACK")
    for line in (
        "+ shipped the cache fix",
        "- seems stretched, worried about burnout",
        "// could lead platform next year",
        "~//pay band, ask HR first",
        "! draft a proposal @+2w #plan",
        "! send me the abstract by friday",
        "!me intro to Sam from platform @wed",
        "// !me ask HR about her band @fri",
    ):
        monday.type(line, enter=True)
    screen = monday.wait_for(lambda s: "ask HR about her band" in s and "saving" not in s)
    assert "theirs · due Mon 21 Dec" in row(screen, "draft a proposal #plan")
    assert "no due date" in row(screen, "send me the abstract by friday")
    assert 'no due date: "by friday" isn\'t read as one' in screen
    assert "mine · due Fri 11 Dec · private" in row(screen, "ask HR about her band")
    monday.key("C-o")
    screen = monday.wait_for("Read back what you agreed")
    assert "(and 1 private promise, not for reading out)" in screen
    assert "ask HR" not in screen.split("Read back what you agreed")[1]
    monday.key("Enter")
    monday.wait_for("Meeting ended and saved")
    monday.key("Enter")
    monday.wait_for(lambda s: "Last 1:1" in s)
    monday.key("C-q")
    assert monday.exit_code() == 0

    recap = tui1on1("recap", "priya", when=MONDAY)
    for private in ("burnout", "platform next year", "ask HR", "#plan", "pay band"):
        assert private not in recap.stdout
    assert "- draft a proposal — by 2026-12-21 (Mon)\n" in recap.stdout
    assert "- intro to Sam from platform — by 2026-12-09 (Wed)\n" in recap.stdout
    mine = tui1on1("recap", "priya", "--all-notes", when=MONDAY).stdout
    assert "- (private) seems stretched, worried about burnout\n" in mine
    assert "- (private) could lead platform next year\n" in mine
    assert "- (private) For another time: pay band, ask HR first\n" in mine  # typed glued

    listed = tui1on1("actions", when=WEDNESDAY).stdout
    intro = next(line for line in listed.splitlines() if "intro to Sam" in line)
    done = tui1on1("actions", "done", intro.split()[0], when=WEDNESDAY)
    assert done.stdout.startswith("Done ") and "intro to Sam from platform" in done.stdout

    next_monday = terminals("meet", "priya", prefix=on_day(NEXT_MONDAY))
    screen = next_monday.wait_for(lambda s: "ON TRACK" in s and "ask HR" in s)
    carried = [line for line in screen.splitlines() if " 7 Dec ! " in line]
    assert "ask HR about her band" in carried[0] and "overdue 3 days" in carried[0]
    assert "draft a proposal" in carried[1] and "theirs · due Mon 21 Dec" in carried[1]
    assert "send me the abstract" in carried[2] and "theirs · no due date" in carried[2]
    assert "intro to Sam" not in screen  # kept on Wednesday
    # "by friday" was said on Monday 7 Dec: the hint reads it as of then.
    said = " ".join(screen.split())  # the warning wraps under its row
    assert '"by friday" meant Fri 11 Dec (written Mon 7 Dec), now gone by' in said
    next_monday.key("Up")
    next_monday.wait_for("x Done")
    for _ in range(len(carried) - 1):
        time.sleep(0.5)  # each Up moves one row once the last has landed
        next_monday.key("Up")
    time.sleep(0.5)
    next_monday.type("a")
    next_monday.wait_for(lambda s: "Action " in s and "r reschedule" in s)
    assert "ask HR about her band" in next_monday.screen()
    next_monday.type("r")
    next_monday.wait_for("Enter sets it")
    next_monday.type("+1w", enter=True)
    screen = next_monday.wait_for(lambda s: "due Mon 21 Dec · private" in s)
    next_monday.key("Escape")
    next_monday.key("C-o")
    next_monday.wait_for("End it (enter)")
    next_monday.key("Enter")
    screen = next_monday.wait_for("Meeting ended and saved")
    # Kept between meetings: closed since last time, on the day it was.
    assert "Closed since last time (1)" in screen
    assert "intro to Sam from platform  (done on Wed 9 Dec," in row(screen, "intro to Sam")
    next_monday.key("Enter")
    next_monday.wait_for(lambda s: "Last 1:1" in s)
    next_monday.key("C-q")
    assert next_monday.exit_code() == 0

    history = tui1on1("actions", "--json", when=NEXT_MONDAY)
    assert '"change": "due"' in history.stdout
    recap = tui1on1("recap", "priya", when=NEXT_MONDAY)
    assert "## Done since last time\n\n- Me: intro to Sam from platform\n" in recap.stdout
    assert (
        "## Still open\n\n- You: draft a proposal — by 2026-12-21 (Mon)\n"
        "- You: send me the abstract by friday\n"
    ) in recap.stdout
    assert "ask HR" not in recap.stdout
    summary = tui1on1("actions", "--summary", when=NEXT_MONDAY)
    assert summary.stdout.startswith("Kept 1 of 2 promises on time in the last 90 days (50%)")
