"""A new report over two months, in tmux with the real console script on
three days (faketime): the first 1:1 opens as a first 1:1 and, held without
its career question, leaves a career conversation due at once; asked in it,
the next is six weeks on; the next week's opens on the weekly, and eight
weeks on the person screen and home say a career conversation is due, and
`s` starts it on the next playbook of the series.
"""

from __future__ import annotations

import re

import pytest
from tmux_terminal import libfaketime, on_day, query, skip_reason

from tui1on1.questions import load_playbooks

pytestmark = pytest.mark.slow

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)
if libfaketime() is None:
    pytest.skip("needs faketime to hold 1:1s on different days", allow_module_level=True)

MONDAY = "@2026-12-07 10:00:00"
NEXT_MONDAY = "@2026-12-14 10:00:00"
EIGHT_WEEKS_ON = "@2027-02-08 10:00:00"

PLAYBOOKS, _ = load_playbooks()


def opening(slug: str) -> str:
    """What the meeting screen says under the clock as a playbook starts."""
    return f"left in {PLAYBOOKS[slug].segments[0].title}"


def strip(slug: str) -> str:
    """A playbook's first two segments, as the strip under the clock starts
    (a narrow terminal cuts the rest)."""
    return " › ".join(segment.title for segment in PLAYBOOKS[slug].segments[:2])


def flat(screen: str) -> str:
    """The screen's words with line breaks and runs of spaces folded."""
    return re.sub(r"\s+", " ", screen)


def end_and_go_home(terminal) -> None:
    """ctrl+o, Enter ends; Enter on the summary goes home."""
    terminal.key("C-o")
    terminal.wait_for("End the 1:1 with Priya Raman")
    terminal.key("Enter")
    terminal.wait_for("Meeting ended and saved")
    terminal.key("Enter")
    terminal.wait_for(lambda s: "Last 1:1" in s and "Priya Raman · report" in s)


def one_1on1(
    terminals, when: str, who: tuple[str, ...], playbook: str, *, ask_career: bool = False
) -> str:
    """`meet` on day ``when``: it opens on ``playbook``; with ``ask_career``,
    on to the next segment (the first 1:1's "What you want") to ask its
    question aloud (ctrl+g) before the note; End, then her person screen:
    what it says (then quit)."""
    terminal = terminals("meet", *who, prefix=on_day(when))
    terminal.wait_for(lambda s: "ON TRACK" in s and opening(playbook) in s)
    assert strip(playbook) in flat(terminal.screen())
    if ask_career:
        terminal.key("C-s")
        terminal.wait_for("left in What you want")
        terminal.key("C-g")
        terminal.wait_for("asked at")
    terminal.type("wants to lead a team one day", enter=True)
    end_and_go_home(terminal)
    terminal.key("Enter")
    person = flat(terminal.wait_for("areer conversation"))  # "Next …" or "… due"
    terminal.key("C-q")
    assert terminal.exit_code() == 0
    return person


def test_a_first_1on1_without_its_career_question_leaves_one_due(terminals) -> None:
    """Getting to know someone isn't a career conversation by itself."""
    person = one_1on1(terminals, MONDAY, ("Priya Raman", "--new"), "first")
    assert "Career conversation due: Career aspiration & why — none held yet" in person


def test_the_first_1on1_the_weekly_then_a_career_conversation_due(terminals) -> None:
    person = one_1on1(terminals, MONDAY, ("Priya Raman", "--new"), "first", ask_career=True)
    assert (
        "Next career conversation: Career aspiration & why, in 6 weeks "
        "(the last: First 1:1, 7 Dec) (s starts it)"
    ) in person

    person = one_1on1(terminals, NEXT_MONDAY, ("priya",), "weekly")
    assert "Career aspiration & why, in 5 weeks (the last: First 1:1, 7 Dec)" in person

    later = terminals(prefix=on_day(EIGHT_WEEKS_ON))
    home = flat(later.wait_for(lambda s: "Priya Raman · report" in s and "career due" in s))
    assert "· career due: Career aspiration & why" in home
    later.key("Enter")
    person = flat(later.wait_for("Career conversation due"))
    assert (
        "Career conversation due: Career aspiration & why — the last was 9 weeks ago "
        "(First 1:1, 7 Dec 2026) (s starts it)"
    ) in person
    later.key("s")
    later.wait_for(lambda s: "ON TRACK" in s and opening("aspiration") in s)
    assert strip("aspiration") in flat(later.screen())
    assert query("SELECT playbook FROM meeting ORDER BY started_at") == [
        ("first",),
        ("weekly",),
        ("aspiration",),
    ]
