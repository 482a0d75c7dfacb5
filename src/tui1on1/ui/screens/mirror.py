"""The manager's mirror (i on home, or "Your mirror" in the palette): how I
run my 1:1s over the last 4 or 12 weeks.

Six figures (``domain.mirror``): each with its value, a bar a week (Textual's
Sparkline, oldest week on the left) and one sentence on what it means. w
switches between 4 and 12 weeks. Everything is worked out from what is on
file when the screen opens: nothing is stored, so nothing of it is exported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static

from tui1on1.domain.duedates import format_day
from tui1on1.domain.mirror import WINDOW_WEEKS, Figure, Mirror
from tui1on1.storage.errors import StoreError
from tui1on1.ui.keys import bound_key
from tui1on1.ui.latest import show_latest
from tui1on1.ui.lists import Pane
from tui1on1.ui.screens.base import ServiceScreen, not_loaded
from tui1on1.ui.services import Services
from tui1on1.ui.widgets.keys_line import KeysLine

#: The figures, in the order they are shown (``domain.mirror``'s keys).
FIGURES = ("pause", "career", "agenda", "overrun", "cadence", "promises")
TREND_WIDTH = 12  # a bar a week at 12 weeks, three at 4


#: What :func:`first` gives a week with nothing to measure: far below the
#: scale, so the Sparkline leaves it blank instead of drawing it as a zero.
_BLANK = -1e9


def trend_data(weekly: Sequence[float | None], top: float | None) -> list[float]:
    """Sparkline data that draws a bar a week on an absolute scale.

    Textual's Sparkline scales its bars from the smallest value to the
    largest, so 7.5 s against 8 s would look like a collapse. Each week is
    given as three values, ``[week, 0, top]``, and the widget (as wide as
    :data:`TREND_WIDTH`) draws each bucket of three with :func:`first`: the
    bars show the weeks, and the scale runs from 0 to ``top`` (the largest
    week when None). A week with nothing to measure is ``[0, top, 0]``,
    which :func:`first` leaves blank.
    """
    known = [v for v in weekly if v is not None]
    ceiling = top if top is not None else max(known, default=0.0)
    repeat = max(TREND_WIDTH // max(len(weekly), 1), 1)
    data: list[float] = []
    for value in weekly:
        week = [0.0, ceiling, 0.0] if value is None else [value, 0.0, ceiling]
        data += week * repeat
    return data


def first(values: Sequence[float]) -> float:
    """A bucket's bar: its week's value, or blank for a week with nothing to
    measure (see :func:`trend_data`)."""
    return values[0] if values[1] <= values[2] else _BLANK


class FigureView(Vertical):
    """One figure: its title, weekly bars and value on a line, its sentence below."""

    DEFAULT_CSS = """
    FigureView { height: auto; padding: 0 1 1 1; }
    FigureView > Horizontal { height: auto; }
    FigureView .figure-title { width: 23; text-style: bold; }
    FigureView .figure-value { width: 1fr; margin: 0 0 0 2; }
    FigureView Sparkline { width: 12; height: 1; }
    FigureView Sparkline > .sparkline--max-color { color: $accent; }
    FigureView Sparkline > .sparkline--min-color { color: $primary-muted; }
    FigureView .figure-sentence { padding: 0 0 0 2; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("", classes="figure-title")
            yield Sparkline([], summary_function=first)
            yield Static("", classes="figure-value")
        yield Static("", classes="figure-sentence")

    def show(self, figure: Figure) -> None:
        self.query_one(".figure-title", Static).update(figure.title)
        self.query_one(".figure-value", Static).update(figure.shown or "—")
        self.query_one(".figure-sentence", Static).update(Text(figure.sentence))
        trend = self.query_one(Sparkline)
        known = any(value is not None for value in figure.weekly)
        # No bars for a figure with nothing to measure: a flat line would read as zero.
        trend.styles.visibility = "visible" if known else "hidden"
        trend.data = trend_data(figure.weekly, figure.trend_top)
        trend.tooltip = "A bar a week, oldest on the left" if known else None


class MirrorScreen(ServiceScreen[None]):
    DEFAULT_CSS = """
    MirrorScreen #mirror-header { height: auto; padding: 0 1; background: $primary-muted; }
    MirrorScreen #mirror-note { height: auto; padding: 0 1; color: $text-muted; }
    MirrorScreen #mirror-figures { height: 1fr; background: $background; padding: 1 0 0 0; }
    """
    BINDINGS = [
        Binding("w", "weeks", "4 / 12 weeks", id="mirror_weeks",
                tooltip="Look back 4 weeks or 12"),
        Binding("escape", "app.pop_screen", "Back", id="mirror_back"),
    ]  # fmt: skip

    def __init__(self, weeks: int = WINDOW_WEEKS[0]) -> None:
        super().__init__()
        self.weeks = weeks
        self.mirror: Mirror | None = None

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="mirror-header")
        yield Static("", id="mirror-note")
        with Pane(id="mirror-figures"):
            for key in FIGURES:
                yield FigureView(id=f"figure-{key}")
        yield KeysLine()

    def on_mount(self) -> None:
        self.query_one("#mirror-figures").display = False
        self.query_one("#mirror-figures").focus()

    def services_ready(self, services: Services) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        if self.coming_back():  # not on opening: its load is under way
            self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="mirror")
    def reload(self) -> None:
        services = self.open_services()
        now = self.app.clock.now()
        weeks = self.weeks
        result = load_mirror(services, now, weeks)
        show_latest(self.app, self._show, result)

    def show_store_error(self, error: StoreError, undone: str | None = None) -> None:
        super().show_store_error(error, undone)
        if self.mirror is None:
            self.query_one("#mirror-header", Static).update(not_loaded(error))

    def _show(self, result: Mirror) -> None:
        if result.window.weeks != self.weeks:
            return  # w was pressed again while this one loaded
        self.mirror = result
        window = result.window
        first, last = (format_day(d, window.today) for d in (window.start, window.today))
        header = Text("Your mirror", style="bold")
        header.append(f" · {window.span()}, {first} – {last}")
        self.query_one("#mirror-header", Static).update(header)
        self.query_one("#mirror-note", Static).update(self._note())
        for figure in result.figures:
            self.query_one(f"#figure-{figure.key}", FigureView).show(figure)
        self.query_one("#mirror-figures").display = True

    def _note(self) -> Text:
        other = WINDOW_WEEKS[1] if self.weeks == WINDOW_WEEKS[0] else WINDOW_WEEKS[0]
        key = bound_key(self.app, MirrorScreen, "mirror_weeks", "w")
        return Text(
            f"From your notes, never stored or sent · {key}: {other} weeks",
            style="italic",
        )

    # --- keys ------------------------------------------------------------------------

    def action_weeks(self) -> None:
        """4 weeks or 12."""
        self.weeks = WINDOW_WEEKS[1] if self.weeks == WINDOW_WEEKS[0] else WINDOW_WEEKS[0]
        self.query_one("#mirror-note", Static).update(Text("Loading…", style="italic"))
        self.reload()

    def palette_commands(self) -> Iterable[SystemCommand]:
        key = bound_key(self.app, MirrorScreen, "mirror_weeks")
        yield SystemCommand(
            "4 or 12 weeks", f"How far back the mirror looks ({key})", self.action_weeks
        )


def load_mirror(services: Services, now: datetime, weeks: int) -> Mirror:
    """On a worker's thread: read the window and work out the figures."""
    return services.store.mirror(services.playbooks, now, weeks)
