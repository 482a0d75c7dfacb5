"""A live meeting under Pilot, and a probe that sees what reaches the screen.

Shared by the keystroke (4) and clock (7) benchmarks. The app is headless
(``App.run_test``): Textual still lays out, renders and composes every frame,
and hands each compositor update to ``App._display``, which skips only the
terminal write. :class:`FrameProbe` wraps ``App._display`` to turn every update
into terminal bytes too (what a real terminal would be sent) and to timestamp
it, and wraps one widget's ``render_line`` to know which value of that widget
the frame carries.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from textual import events

SIZE = (120, 36)  # the terminal every Pilot benchmark runs in, subject and floor


def copy_database(url: str, work: Path, name: str) -> str:
    """A private copy of a filled SQLite database (the benchmark writes to it)."""
    source = url.removeprefix("sqlite:///")
    target = work / name
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return f"sqlite:///{target}"


def busiest_person(url: str) -> str:
    """The person with the most notes: the longest history to load and show."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        row = db.execute(
            "SELECT p.name FROM person p JOIN meeting m ON m.person_id = p.id"
            " JOIN note n ON n.meeting_id = m.id GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()
    db.close()
    return row[0]


def meeting_app(url: str, work: Path, name: str, clock, minutes: int = 30):
    """``tui1on1 meet NAME --minutes M`` on ``url``, with private config dirs."""
    from tui1on1.settings import Settings
    from tui1on1.ui.app import MeetRequest, OneOnOneApp

    settings = Settings(config_dir=work / "config", data_dir=work / "data",
                        database_url=url, database_source="--db")  # fmt: skip
    app = OneOnOneApp(settings, meet=MeetRequest(name, minutes=minutes), clock=clock)
    app.reraise_crashes = True
    return app


async def meeting_ready(pilot, timeout: float = 60.0):
    """Wait until the meeting screen has loaded its model; returns the screen."""
    from tui1on1.ui.screens.meeting import MeetingScreen

    app, deadline = pilot.app, time.monotonic() + timeout
    while not (isinstance(app.screen, MeetingScreen) and app.screen.model):
        if time.monotonic() > deadline:
            raise TimeoutError("the meeting didn't open")
        await pilot.pause(0.05)
    await pilot.pause(0.2)
    return app.screen


async def settle(app, timeout: float = 10.0) -> None:
    """Every write so far committed (the writer thread drained)."""
    await asyncio.to_thread(app.services.writer.flush, timeout)


def key_event(app, char: str) -> events.Key:
    """The event a terminal driver would post for one typed character (or Enter)."""
    if char == "\n":
        event = events.Key("enter", "\r")
    elif char == " ":
        event = events.Key("space", " ")
    else:
        event = events.Key(char, char)
    event.set_sender(app)
    return event


class FrameProbe:
    """The frames of ``app`` and the value of ``widget`` each one carries.

    ``shown`` is ``read()`` as of the last time the widget was rendered into a
    frame that reached ``App._display`` (the value it had when the probe was
    attached, before any). ``post_and_wait`` times a key to the end of the
    first frame whose ``shown`` satisfies a predicate; ``frames`` (when
    ``keep``) logs ``(time.time(), shown)`` for every frame.
    """

    def __init__(self, app, widget, read: Callable[[], object], keep: bool = False) -> None:
        from textual._compositor import CompositorUpdate

        self.shown: object = read()  # what is on screen already
        self.frames: list[tuple[float, object]] = []
        self.count = 0
        self._rendered: object = None
        self._waiting: tuple[Callable[[object], bool], asyncio.Future] | None = None
        render_line, display = widget.render_line, app._display

        def traced_render_line(y: int):
            self._rendered = read()
            return render_line(y)

        def traced_display(screen, renderable) -> None:
            display(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # the bytes a terminal gets
            if self._rendered is not None:
                self.shown, self._rendered = self._rendered, None
            self.count += 1
            if keep:
                self.frames.append((time.time(), self.shown))
            if self._waiting and self._waiting[0](self.shown):
                future = self._waiting[1]
                self._waiting = None
                if not future.done():
                    future.set_result(time.perf_counter())

        widget.render_line = traced_render_line
        app._display = traced_display

    async def post_and_wait(self, app, event, predicate, timeout: float = 10.0) -> float:
        """Post ``event`` as the terminal driver does; ms until a frame shows it."""
        future = asyncio.get_running_loop().create_future()
        self._waiting = (predicate, future)
        started = time.perf_counter()
        app._driver.send_message(event)
        painted = await asyncio.wait_for(future, timeout)
        return (painted - started) * 1000
