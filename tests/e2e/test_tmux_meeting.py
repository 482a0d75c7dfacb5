"""End to end: the real `tui1on1` console script in a real terminal (tmux).

"Nothing is lost" (README): a live meeting survives kill -9, SIGHUP (the
terminal window closed), SIGTERM and ctrl+q → "leave it running"; `meet NAME`
again resumes it with its notes, the draft in the input and the clock at the
true elapsed time (the first 1:1 adds Ada with `--new`). Each test runs on
its own tmux server (`-L`), which is killed afterwards, and checks the
SQLite database directly.
"""

from __future__ import annotations

import os
import re
import signal
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from rich.style import Style
from textual.renderables.digits import Digits
from tmux_terminal import pid_gone, query, skip_reason, wait_for_rows

pytestmark = pytest.mark.slow

NAME = "Ada Lovelace"

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)


def as_utc(stored: str) -> datetime:
    """SQLite holds naive UTC text."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


# --- the big clock -----------------------------------------------------------------


def _glyphs() -> dict[tuple[str, str, str], str]:
    table = {}
    for bold in (True, False):
        for char in "0123456789:+-":
            lines = [
                seg.text for seg in Digits(char).render(Style(bold=bold)) if seg.text.strip("\n")
            ]
            table[tuple(lines)] = char
    return table


GLYPHS = _glyphs()


def big_clock(screen: str) -> str:
    """Read the Digits clock (3 rows of box drawing) at the top of the screen."""
    rows = [line.ljust(40) for line in screen.splitlines()[:3]]
    for start in range(6):
        read = ""
        at = start
        while (glyph := tuple(row[at : at + 3] for row in rows)) in GLYPHS:
            read += GLYPHS[glyph]
            at += 3
        if re.fullmatch(r"\+?\d\d:\d\d", read):
            return read
    raise AssertionError(f"no clock on the screen:\n{screen}")


def shows_clock(screen: str) -> bool:
    """The clock is drawn (not the "--:--" of a meeting still opening)."""
    try:
        big_clock(screen)
    except AssertionError:
        return False
    return True


def seconds(mmss: str) -> int:
    minutes, secs = mmss.lstrip("+").split(":")
    return int(minutes) * 60 + int(secs)


def next_friday(today: date) -> date:
    return today + timedelta(days=(4 - today.weekday()) % 7 or 7)


# --- the tests -------------------------------------------------------------------


def test_kill_9_keeps_notes_draft_and_clock(terminals) -> None:
    first = terminals("meet", NAME, "--new")  # a first 1:1: Ada is added
    first.wait_for("ON TRACK")
    first_seen = time.monotonic()  # the meeting started before this
    for line in ("plain note one", "! send the doc @fri", "> a quote"):
        first.type(line, enter=True)
    first.wait_for(
        lambda s: (
            all(t in s for t in ("plain note one", "send the doc", "a quote"))
            and "saving…" not in s
        )
    )
    first.type("half a thought")
    first.wait_for("half a thought")
    time.sleep(1.5)  # the README: the draft is autosaved within 1 s of the last keystroke
    pid = first.app_pid()
    os.kill(pid, signal.SIGKILL)
    assert first.exit_code() == 137
    assert query("SELECT text FROM draft") == [("half a thought",)]
    time.sleep(2)  # the meeting goes on in the room while the app is dead

    second = terminals("meet", "ada lovelace")
    screen = second.wait_for(
        lambda s: (
            "ON TRACK" in s
            and shows_clock(s)  # a capture can land between the notes and the clock
            and all(t in s for t in ("plain note one", "send the doc", "a quote", "half a thought"))
        )
    )
    now = datetime.now(UTC)
    since_first_start = time.monotonic() - first_seen
    # One person, one live meeting, the three notes of their kinds, the action.
    assert query("SELECT name FROM person") == [(NAME,)]
    assert query("SELECT status FROM meeting") == [("live",)]
    assert query("SELECT kind, text FROM note WHERE deleted_at IS NULL ORDER BY id") == [
        ("note", "plain note one"),
        ("action", "send the doc"),
        ("quote", "a quote"),
    ]
    ((owner, due, text),) = query("SELECT owner, due, text FROM action_item")
    assert (owner, text) == ("them", "send the doc")
    assert date.fromisoformat(due) in {next_friday(date.today()), next_friday(now.date())}
    # The input (drawn between ▊ and ▎) holds the draft, not a note row.
    input_line = next(line for line in reversed(screen.splitlines()) if "half a thought" in line)
    assert input_line.startswith("▊"), screen
    # The clock kept running while the app was dead: it shows 30:00 minus the
    # true elapsed time, at least the time since the first start.
    ((started,),) = query("SELECT started_at FROM meeting")
    elapsed = (now - as_utc(started)).total_seconds()
    shown = big_clock(screen)
    assert shown != "30:00", screen
    shown_elapsed = 30 * 60 - seconds(shown)
    assert shown_elapsed >= since_first_start - 1.5, (shown, since_first_start, screen)
    assert elapsed - 2 <= shown_elapsed <= elapsed + 2, (shown, elapsed, screen)


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_saves_draft_and_restores_terminal(terminals, signum: int) -> None:
    term = terminals("meet", NAME, "--new")
    term.wait_for("ON TRACK")
    assert term.alternate_screen()
    # Textual reports the mouse while it runs: any motion (1003, which tmux
    # keeps instead of 1000), SGR encoded.
    on = term.mouse_modes()
    assert on["any"] and on["sgr"], on
    pid = term.app_pid()
    term.type("typed just before the signal")
    term.wait_for("typed just before the signal")
    os.kill(pid, signum)  # at once: well before the 0.5 s autosave timer fires
    assert term.exit_code() == 0
    assert pid_gone(pid)
    assert query("SELECT text FROM draft") == [("typed just before the signal",)]
    assert query("SELECT status FROM meeting") == [("live",)]
    # The terminal is restored: off the alternate screen, mouse reporting off,
    # the EXIT line on the normal screen.
    assert not term.alternate_screen()
    assert not any(term.mouse_modes().values()), term.mouse_modes()
    screen = term.screen()
    assert re.search(r"^EXIT=0$", screen, re.M), screen
    assert "ON TRACK" not in screen


def test_quit_leave_running_then_end(terminals) -> None:
    first = terminals("meet", NAME, "--new")  # a first 1:1: Ada is added
    first.wait_for("ON TRACK")
    first.type("before leaving", enter=True)
    first.wait_for(lambda s: "before leaving" in s and "saving…" not in s)
    first.key("C-q")
    first.wait_for("is still live.")
    first.type("l")
    assert first.exit_code() == 0
    assert not first.alternate_screen()
    assert query("SELECT status FROM meeting") == [("live",)]

    second = terminals("meet", NAME)
    second.wait_for(lambda s: "ON TRACK" in s and "before leaving" in s)
    second.key("C-o")
    second.wait_for("End the 1:1 with")  # ending asks first, with the headline
    second.key("Enter")
    second.wait_for("Meeting ended")
    second.key("Enter")
    # The home screen lists Ada (the summary, which also names her, is gone).
    home = second.wait_for(lambda s: NAME in s and "Last 1:1" in s and "Meeting ended" not in s)
    assert "ON TRACK" not in home
    wait_for_rows("SELECT status, ended_at IS NOT NULL FROM meeting", [("ended", 1)])
    assert query("SELECT kind, text FROM note") == [("note", "before leaving")]
    # Nothing live any more: ctrl+q on the home screen just quits.
    second.key("C-q")
    assert second.exit_code() == 0
