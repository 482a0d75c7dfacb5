"""The end summary reads true when actions were carried over: what was
closed since the last 1:1 is listed (here, or on a day between meetings),
what is still open is counted, "nothing new" instead of "nothing", and
notes are counted apart from actions."""

from __future__ import annotations

from tui1on1.domain.meeting import Summary
from tui1on1.ui.dialogs.summary import summary_text


def _summary(**changes) -> Summary:
    base = {
        "planned_minutes": 30,
        "actual_seconds": 24 * 60 + 10,
        "segments": [("Their topics", 600.0), ("Follow-ups", 854.0)],
        "asked": [],
        "notes": 3,
        "actions_mine": [],
        "actions_theirs": [("draft the proposal", "due Fri 11 Dec")],
    }
    return Summary(**(base | changes))


def test_carried_actions_closed_here_and_still_open_are_in_the_summary():
    text = summary_text(
        "Ada Lovelace",
        _summary(
            closed_since=[
                ("ask finance", True, "done", "on Tue 8 Dec"),
                ("send the RFC", True, "done", "here"),
                ("book the room", False, "dropped", "here"),
            ],
            still_open_mine=2,
            still_open_theirs=1,
        ),
    ).plain
    assert text.splitlines()[:2] == ["1:1 with Ada Lovelace", "24 minutes (planned 30)"]
    assert "I promised: nothing new" in text
    assert "They'll do (1)\n  • draft the proposal  (due Fri 11 Dec)" in text
    assert (
        "Closed since last time (3)\n"
        "  • ask finance  (done on Tue 8 Dec, mine)\n"
        "  • send the RFC  (done here, mine)\n"
        "  • book the room  (dropped here, theirs)\n"
    ) in text
    assert "2 of mine and 1 of theirs still open from before" in text
    assert "Notes: 3" in text


def test_with_nothing_carried_nothing_is_nothing():
    text = summary_text("Ada Lovelace", _summary(actual_seconds=20)).plain
    assert "Under a minute (planned 30)" in text
    assert "I promised: nothing\n" in text
    assert "Closed since" not in text and "still open" not in text
