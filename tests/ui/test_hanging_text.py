"""Long lines in the end summary and a past meeting's page wrap under their
own words (past the bullet), never back to the left edge."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from tui1on1.domain.meeting import Summary
from tui1on1.ui.dialogs.summary import summary_text
from tui1on1.ui.widgets.hanging import hang

LONG = "review the RFC with the platform group and write up the three open questions"


def test_a_long_bullet_of_the_summary_hangs_under_its_words() -> None:
    summary = Summary(
        planned_minutes=30, actual_seconds=600, segments=[], asked=[], notes=0,
        actions_mine=[], actions_theirs=[(LONG, "due Fri 18 Dec")],
        closed_since=[(LONG, False, "done", "on Wed 9 Dec")],
    )  # fmt: skip
    shown = hang(summary_text("Ada", summary), 50, Console(width=50)).plain
    lines = shown.splitlines()
    start = lines.index("They'll do (1)")
    assert lines[start + 1 : start + 4] == [
        "  • review the RFC with the platform group and",
        "    write up the three open questions  (due Fri 18",
        "    Dec)",
    ]
    assert all(len(line) <= 50 for line in lines)
    assert "      " not in "\n".join(lines[start + 1 : start + 4])


def test_short_lines_and_plain_indents_are_kept_as_they_are() -> None:
    text = Text("Heading\n  short line\n\n      a long line that is indented by six and goes on")
    shown = hang(text, 30, Console(width=30)).plain
    assert shown.splitlines() == [
        "Heading",
        "  short line",
        "",
        "      a long line that is",
        "      indented by six and goes",
        "      on",
    ]
