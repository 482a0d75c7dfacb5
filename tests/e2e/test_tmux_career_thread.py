"""Three 1:1s with Ada on three days (faketime), with the real console script
in tmux: the career thread shows exactly what she said, in the right place,
how it changed, and the manager's corrections (c then one key, and & as
typed) — on the person screen and the career screen."""

from __future__ import annotations

import json
import subprocess
import time

import pytest
from tmux_terminal import Terminal, app_command, libfaketime, on_day, skip_reason

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)
if libfaketime() is None:
    pytest.skip("needs faketime to hold 1:1s on different days", allow_module_level=True)

DAY_1 = "@2026-11-23 10:00:00"
DAY_2 = "@2026-11-30 10:00:00"
DAY_3 = "@2026-12-07 10:00:00"


def tui1on1(*args: str, when: str = DAY_3) -> subprocess.CompletedProcess[str]:
    command = app_command(*args, prefix=on_day(when))
    return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)


def saved(screen: str, *lines: str) -> bool:
    return all(line in screen for line in lines) and "saving…" not in screen


def say(term: Terminal, *lines: str) -> None:
    for line in lines:
        term.type(line, enter=True)


def end_and_quit(term: Terminal) -> None:
    term.key("C-o")
    term.wait_for("End the 1:1 with Ada")
    term.key("Enter")
    term.wait_for("Meeting ended and saved")
    term.key("Enter")
    term.wait_for("Last 1:1")
    term.key("C-q")
    assert term.exit_code() == 0


def test_three_meetings_make_a_thread_a_manager_can_trust(terminals) -> None:
    # 23 Nov: the aspiration and its why; then notes that answer nothing.
    day1 = terminals("meet", "Ada", "--new", "--playbook", "aspiration",
                     prefix=on_day(DAY_1))  # fmt: skip
    day1.wait_for("Check-in")
    day1.key("C-s")
    day1.wait_for("The aspiration ·")
    day1.key("C-g")
    say(day1, "wants to lead a team within 2 years", "> I like making others faster")
    day1.key("C-y")
    say(day1, "loves seeing people grow", "~ pay questions, park until review", "- sounds tired")
    screen = day1.wait_for(lambda s: saved(s, "sounds tired"))
    assert "I like making others faster  quote · career: aspiration" in screen
    assert "loves seeing people grow  career: why" in screen  # typed in one burst after ^y
    assert "pay questions, park until review  parked · private\n" in screen  # by default
    day1.key("C-s")
    say(day1, "my reminder: book a longer slot")
    day1.key("C-s")
    say(day1, "-5% churn on their service since the fix")
    # Waited for as rows of the list ("\n" right after the text: answers
    # nothing, no label), not the line still in the input box, which the
    # text alone also matched (a fast run captured it there, before Enter).
    day1.wait_for(
        lambda s: saved(
            s, "my reminder: book a longer slot\n", "-5% churn on their service since the fix\n"
        )
    )
    day1.key("C-s")
    day1.wait_for("Next step ·")
    day1.key("C-g")
    say(day1, "! shadow Sam's on-call @fri")
    # The card reads the action back now: the newest notes stay in view.
    day1.wait_for(
        lambda s: saved(
            s,
            "them: shadow Sam's on-call · due Fri 27 Nov",
            "theirs · due Fri 27 Nov · career: plan step",
        )
    )
    end_and_quit(day1)

    # 30 Nov: the aspiration changes, and its why deepens.
    day2 = terminals("meet", "ada", prefix=on_day(DAY_2))
    day2.wait_for("Follow-ups")
    day2.key("C-s")
    day2.key("C-s")
    day2.wait_for("Career · aspiration")
    day2.key("C-g")
    say(day2, "staff engineer on the platform, not people management")
    day2.key("C-y")
    say(day2, "> I want to go deep, not wide")
    day2.key("C-s")
    say(day2, "wants to present the migration at the guild")
    day2.wait_for(lambda s: saved(s, "present the migration at the guild"))
    end_and_quit(day2)

    # 7 Dec: a new answer, a reminder taken out with c n, a moonshot typed with &m.
    day3 = terminals("meet", "ada", "--playbook", "aspiration", prefix=on_day(DAY_3))
    day3.wait_for("Check-in")
    day3.key("C-s")
    day3.wait_for("The aspiration ·")
    day3.key("C-g")
    say(day3, "owning the platform's architecture", "remember: check budget for the conference")
    day3.wait_for("remember: check budget for the conference  career: aspiration")
    day3.key("Up")
    time.sleep(0.3)  # a person's pace: the list has the focus before c
    day3.key("c")
    day3.wait_for("In the career thread, this note is…")
    day3.key("n")
    day3.wait_for("remember: check budget for the conference  marked: not career")
    day3.key("Escape")
    time.sleep(0.3)  # back in the input before typing, as a person would be
    say(day3, "&m run a research lab one day")
    day3.wait_for(lambda s: saved(s, "run a research lab one day  marked: moonshot"))
    end_and_quit(day3)

    # Between meetings: the person screen and the whole timeline.
    home = terminals(prefix=on_day("@2026-12-07 11:00:00"))
    # Home's rows are there (its promises line comes after them): Enter opens one.
    home.wait_for(lambda s: "Last 1:1" in s and "My promises kept on time" in s)
    home.key("Enter")
    screen = home.wait_for(lambda s: "Plan step   23 Nov" in s)
    rows = [line.strip(" ▌") for line in screen.splitlines()]
    assert "Aspiration  7 Dec: owning the platform's architecture  changed" in rows
    assert "Why         30 Nov: I want to go deep, not wide" in rows
    assert "Moonshot    7 Dec: run a research lab one day  new" in rows
    assert "Plan step   23 Nov: shadow Sam's on-call" in rows
    assert not any(r.startswith(("Strengths used", "Unused/draining")) for r in rows)
    assert "remember" not in "\n".join(r for r in rows if r.startswith("Aspiration"))
    home.key("t")
    screen = home.wait_for(lambda s: "Career thread — Ada" in s and "was: loves seeing" in s)
    body = [line.strip(" ▌") for line in screen.splitlines()]
    at = body.index("Aspiration  changed since the last career talk")
    assert body[at + 1] == "7 Dec       owning the platform's architecture"
    assert body[at + 2].startswith("answer to “")
    assert body[at + 3] == "was: staff engineer on the platform, not people…, 30 Nov"
    assert body[at + 4] == "30 Nov      staff engineer on the platform, not people management"
    assert body[at + 6] == "was: wants to lead a team within 2 years, 23 Nov"
    assert body[at + 7] == "23 Nov      wants to lead a team within 2 years"
    assert body[at + 8] == "· I like making others faster"  # its further note, then its question
    why = body.index("Why")  # set on 30 Nov: not changed in the latest talk
    assert body[why + 1] == "30 Nov      I want to go deep, not wide"
    assert body[why + 2].startswith("after Why? on “")
    assert body[why + 3] == "was: loves seeing people grow, 23 Nov"
    home.key("Escape")
    home.key("C-q")
    assert home.exit_code() == 0

    # The shell says the same: `tui1on1 career ada --json`.
    done = tui1on1("career", "ada", "--json")
    assert done.returncode == 0, done.stderr
    thread = {e["element"]: e for e in json.loads(done.stdout)["elements"]}
    headlines = {k: [t["headline"] for t in e["timeline"]] for k, e in thread.items()}
    assert headlines == {
        "aspiration": [
            "owning the platform's architecture",
            "staff engineer on the platform, not people management",
            "wants to lead a team within 2 years",
        ],
        "why": ["I want to go deep, not wide", "loves seeing people grow"],
        "moonshot": ["run a research lab one day"],
        "strength-used": [],
        "strength-unused": [],
        "plan": ["shadow Sam's on-call"],
    }
    assert [thread[k]["change"] for k in ("aspiration", "why", "moonshot")] == [
        "changed",
        None,
        "new",
    ]
    assert thread["aspiration"]["timeline"][1]["notes"] == [
        "staff engineer on the platform, not people management"
    ]
    assert thread["aspiration"]["timeline"][2]["notes"] == [
        "wants to lead a team within 2 years",
        "I like making others faster",
    ]
    assert thread["moonshot"]["current"]["marked"] is True
    assert [t["date"] for t in thread["why"]["timeline"]] == ["2026-11-30", "2026-11-23"]
    assert "remember" not in done.stdout and "churn" not in done.stdout
