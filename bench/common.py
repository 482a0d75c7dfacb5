"""What every benchmark returns: samples, and rows comparing them to a floor.

Every figure is a ratio to a floor measured in the same run (a bare Textual
app, raw sqlite3, ``LIKE``), so a slower or busier machine moves both sides.
"""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Samples:
    """Repeated timings (ms) or sizes (MiB) of one thing."""

    label: str
    values: tuple[float, ...]
    unit: str = "ms"

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p99(self) -> float:
        """Nearest-rank 99th percentile (the largest value under 100 samples)."""
        ordered = sorted(self.values)
        return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]

    def stat(self, name: str) -> float:
        return {"median": self.median, "p99": self.p99, "max": max(self.values)}[name]

    def describe(self) -> str:
        return f"{fmt(self.median)} / {fmt(self.p99)} {self.unit} (n={len(self.values)})"


@dataclass(frozen=True)
class Row:
    """One line of the results table: a subject, its floor and the target."""

    section: str
    subject: Samples
    floor: Samples | None
    stat: str  # which statistic the ratio or limit is judged on
    value: float  # the ratio (or the absolute figure, when there is no floor)
    target: str  # e.g. "≤ 1.25×", "≥ 20×", "≤ 50 ms"
    met: bool
    note: str = ""


def at_most_ratio(section: str, subject: Samples, floor: Samples, stat: str, limit: float,
                  note: str = "") -> Row:  # fmt: skip
    """subject is at most ``limit`` times the floor."""
    ratio = subject.stat(stat) / floor.stat(stat)
    return Row(section, subject, floor, stat, ratio, f"≤ {limit:g}×", ratio <= limit, note)


def at_least_faster(section: str, subject: Samples, floor: Samples, stat: str, limit: float,
                    note: str = "") -> Row:  # fmt: skip
    """subject is at least ``limit`` times faster than the floor (floor / subject)."""
    ratio = floor.stat(stat) / subject.stat(stat)
    return Row(section, subject, floor, stat, ratio, f"≥ {limit:g}× faster", ratio >= limit, note)


def at_most(section: str, subject: Samples, stat: str, limit: float, note: str = "") -> Row:
    """An absolute limit in the subject's own unit."""
    value = subject.stat(stat)
    return Row(section, subject, None, stat, value, f"≤ {limit:g} {subject.unit}",
               value <= limit, note)  # fmt: skip


def report_only(section: str, subject: Samples, floor: Samples | None = None,
                stat: str = "median", note: str = "") -> Row:  # fmt: skip
    """A figure with no target of its own, shown for context."""
    value = subject.stat(stat) / floor.stat(stat) if floor else subject.stat(stat)
    return Row(section, subject, floor, stat, value, "—", True, note)


@dataclass
class Context:
    """What the benchmarks share: the databases and how many repeats."""

    work: Path  # a private scratch folder for this run
    sqlite_small: str  # URL of the ~1k-note database
    sqlite_large: str  # URL of the ~130k-note database
    small_notes: int
    large_notes: int
    pg_large: str | None  # URL of the ~130k-note PostgreSQL database, if any
    repeats: int = 20
    quick: bool = False
    log: Callable[[str], None] = field(default=lambda line: print(line, flush=True))


def fmt(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def python() -> str:
    """The interpreter running the suite (the one tui1on1 is installed in)."""
    import sys

    return sys.executable


def private_env(home: Path, database_url: str) -> dict[str, str]:
    """Environment for a child tui1on1: its own config and data dirs, our database."""
    env = dict(os.environ)
    env.update(
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        TUI1ON1_DATABASE_URL=database_url,
        TERM="xterm-256color",
        COLORTERM="truecolor",
    )
    env.pop("NO_COLOR", None)
    env.pop("TEXTUAL", None)
    # As installed for a user: compiled modules are cached (pip writes them
    # at install time; an editable install writes them on first run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
