"""4. Keystroke to screen in the notes input of a live meeting, while saving.

Subject: ``tui1on1 meet NAME`` for the person with the longest history in the
~130k-note database, on the real clock (the 1 Hz meeting clock repaints all
along), headless under ``App.run_test`` at 120×36. Characters of a realistic
line are typed one key at a time with 15–65 ms between keys, and Enter every
12–18 keys, so the writer thread commits a note (and the app repaints its row)
while typing goes on.

Floor: a bare Textual app with only an ``Input`` (Enter clears it), same
size, same keys, same gaps, in the same run.

"To screen": from posting the key event the way the terminal driver does
(``driver.send_message``, what Pilot's ``press`` does before its own idle
waits) to the end of the first frame — a compositor update handed to
``App._display`` and encoded into terminal bytes — in which the input was
rendered holding that character. Pilot's ``press`` itself is not timed: it
sleeps at least 2 × 20 ms waiting for idle after every key.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

from bench.common import Context, Samples, at_most, report_only
from bench.live import (
    SIZE,
    FrameProbe,
    busiest_person,
    copy_database,
    key_event,
    meeting_app,
    meeting_ready,
    settle,
)

SECTION = "4. keystroke"
LIMIT_MS = 50.0
WARM_UP = 20  # keys typed before measuring, in both apps
LINE = (
    "she wants to lead the platform migration next quarter and asked for a mentor "
    "we agreed to split the rollout into two steps and review the on call load "
    "follow up with design about the onboarding flow before friday "
)


def bare_app():
    """The floor: Textual with one Input and nothing else."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class BareInput(App):
        def compose(self) -> ComposeResult:
            yield Input()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            event.input.value = ""

    return BareInput()


def keystrokes(count: int, seed: int) -> list[str]:
    """``count`` characters of LINE, with Enter every 12–18 of them."""
    rng, keys, since, i = random.Random(seed), [], 0, 0
    every = rng.randint(12, 18)
    while sum(k != "\n" for k in keys) < count:
        char = LINE[i % len(LINE)]
        i += 1
        if since >= every and char != " ":
            keys.append("\n")
            since, every = 0, rng.randint(12, 18)
        if since == 0 and char == " ":
            continue  # a note doesn't start with a space
        keys.append(char)
        since += 1
    return keys


async def type_keys(pilot, input_widget, keys: list[str], seed: int) -> tuple[list, list]:
    """Type ``keys``; returns (ms per character, ms per Enter)."""
    app, rng = pilot.app, random.Random(seed)
    probe = FrameProbe(app, input_widget, lambda: input_widget.value)
    chars, enters, value = [], [], input_widget.value
    for key in keys:
        value = "" if key == "\n" else value + key
        event = key_event(app, key)
        ms = await probe.post_and_wait(app, event, lambda shown, want=value: shown == want)
        (enters if key == "\n" else chars).append(ms)
        await asyncio.sleep(rng.uniform(0.015, 0.065))
    return chars, enters


async def enter_to_saved(pilot, screen, note_input, count: int, seed: int) -> list[float]:
    """ms from Enter to the end of the first frame in which the note's row is
    drawn without its "saving…" mark: through the journal (fsynced) and the
    writer's commit, as the manager sees it. A line is put in the input (not
    timed), Enter is posted as the driver does, one note at a time."""
    from tui1on1.domain.meeting.rows import SaveState
    from tui1on1.ui.widgets.notes import NotesList

    app, rng = pilot.app, random.Random(seed)
    typed = [""]

    def state_shown() -> object:
        rows = screen.notes.rows()
        return next((row.state for row in reversed(rows) if row.text == typed[0]), None)

    probe = FrameProbe(app, screen.query_one(NotesList), state_shown)
    times = []
    for i in range(count):
        await settle(app)
        typed[0] = f"saved on screen {i}: {LINE[(7 * i) % 80 :][:60].strip()}"
        note_input.value = typed[0]
        note_input.cursor_position = len(typed[0])
        event = key_event(app, "\n")
        times.append(await probe.post_and_wait(app, event, lambda shown: shown is SaveState.SAVED))
        await asyncio.sleep(rng.uniform(0.1, 0.3))
    return times


async def measure_meeting(ctx: Context, count: int) -> tuple[list, list, int, list]:
    from tui1on1.domain.timesource import SystemClock
    from tui1on1.ui.widgets.notes import NoteInput

    work = ctx.work / "typing"
    work.mkdir(parents=True, exist_ok=True)
    url = copy_database(ctx.sqlite_large, work, "typing.db")
    app = meeting_app(url, work, busiest_person(url), SystemClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await meeting_ready(pilot)
        note_input = screen.query_one(NoteInput)
        await type_keys(pilot, note_input, keystrokes(WARM_UP, 1), 1)
        chars, enters = await type_keys(pilot, note_input, keystrokes(count, 2), 2)
        await settle(app)
        saved = sum(1 for row in screen.notes.rows() if row.note_id is not None)
        on_screen = await enter_to_saved(pilot, screen, note_input, max(30, count // 5), 3)
    return chars, enters, saved, on_screen


async def measure_floor(count: int) -> tuple[list, list]:
    from textual.widgets import Input

    app = bare_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        bare_input = app.query_one(Input)
        await type_keys(pilot, bare_input, keystrokes(WARM_UP, 1), 1)
        return await type_keys(pilot, bare_input, keystrokes(count, 2), 2)


def run(ctx: Context) -> list:
    count = 100 if ctx.quick else 300
    ctx.log(f"  keystroke: typing {count} keys in a live meeting at {ctx.large_notes:,} notes…")
    chars, enters, saved, on_screen = asyncio.run(measure_meeting(ctx, count))
    ctx.log(f"  keystroke: the same {count} keys in a bare Input…")
    floor_chars, floor_enters = asyncio.run(measure_floor(count))
    subject = Samples("keystroke to screen, live meeting", tuple(chars))
    floor = Samples("keystroke to screen, bare Input", tuple(floor_chars))
    note = (
        f"{len(chars)} keys, {len(enters)} Enters ({saved} notes committed while typing); "
        "key posted as the driver does → end of the first frame (compositor update "
        "encoded to terminal bytes) that renders the input holding it; headless 120×36"
    )
    enter = Samples("Enter to input cleared, live meeting", tuple(enters))
    floor_enter = Samples("Enter to input cleared, bare Input", tuple(floor_enters))
    return [
        at_most(SECTION, subject, "p99", LIMIT_MS, note),
        report_only(SECTION, subject, floor, "p99", "ratio to the bare Input, p99"),
        report_only(SECTION, enter, floor_enter, "p99", "Enter: the note goes to the writer"),
        report_only(
            "3. note commit",
            Samples("Enter to the row drawn saved, live meeting", tuple(on_screen)),
            stat="p99",
            note="Enter posted as the driver does → end of the first frame drawing the "
            "note's row without \"saving…\": journal fsync, the writer's commit, the "
            f"repaint; headless 120×36, {ctx.large_notes:,} notes",
        ),
    ]


if __name__ == "__main__":
    import sys
    import tempfile

    from bench.common import fmt

    quick = "--quick" in sys.argv
    ctx = Context(work=Path(tempfile.mkdtemp(prefix="bench-typing-")),
                  sqlite_small="sqlite:////tmp/bench/small.db",
                  sqlite_large="sqlite:////tmp/bench/large.db", small_notes=1008,
                  large_notes=131992, pg_large=None, quick=quick)  # fmt: skip
    for row in run(ctx):
        floor = row.floor.describe() if row.floor else "—"
        print(f"{row.subject.label}: {row.subject.describe()} | floor {floor} | "
              f"{row.stat} {fmt(row.value)} {row.target} met={row.met} | {row.note}")  # fmt: skip
