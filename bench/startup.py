"""Start-up, screen loads and memory, measured on the real console script under a pty.

Each run starts a new process on a pseudo-terminal (100x40) and reads what it
draws; "on screen" means the text has been written to the terminal. Markers:

* first frame — the bare app's "Hello, world"; the meeting screen's first
  frame ("Opening the meeting…", or the clock label if data came first); the
  home table's header ("Last 1:1");
* data on screen — the meeting clock's "ON TRACK" (the meeting is started and
  its prompt, carried actions and notes are shown); a person's name in the
  home table; the person screen's header line (role · relationship) after
  Enter on the home screen, timed from the key; the mirror's last figure
  ("Promises kept on time") after i on home, timed from the key; the team
  view's count line ("… need something from you") after t, timed from the key.

Every meeting run starts on a fresh copy of the database, so each one starts
the same new meeting. Peak RSS is the child's high-water mark (``VmHWM``)
after a meeting in which ten notes were typed and saved. A second floor for
data on screen, ``bare_data_app.py``, is the hello world plus SQLAlchemy's
ORM and one row read after its first frame: what this stack costs any app.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from pathlib import Path

from bench.common import (
    Context,
    Row,
    Samples,
    at_most_ratio,
    private_env,
    python,
    repo_root,
    report_only,
)
from bench.pty_run import Session

SIZE = (100, 40)


def _tui1on1() -> list[str]:
    script = Path(python()).with_name("tui1on1")
    return [str(script)] if script.exists() else [python(), "-m", "tui1on1"]


def _people(path: Path) -> tuple[str, list[str], list[str]]:
    """The person with the most meetings, every name, every person-screen header tail."""
    with sqlite3.connect(path) as conn:
        busiest = conn.execute(
            "SELECT p.name FROM person p JOIN meeting m ON m.person_id = p.id "
            "GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"
        ).fetchone()[0]
        rows = conn.execute("SELECT name, role, relationship FROM person").fetchall()
    names = [name for name, _, _ in rows]
    # Two spaces before the role: the person screen's header has them after
    # the name, home's line under the table has " · " (a marker home also
    # shows would time home's own redraw, not the person screen).
    headers = [f"  {role} · {rel}" if role else f"  {rel}" for _, role, rel in rows]
    return busiest, names, headers


class _Target:
    """One database as the app sees it: a fresh copy per run, in its own dirs."""

    def __init__(self, ctx: Context, url: str, label: str) -> None:
        self.source = Path(url.removeprefix("sqlite:///"))
        self.label = label
        self.home = ctx.work / f"home-{label}"
        self.db = self.home / "bench.db"
        self.home.mkdir(mode=0o700, exist_ok=True)
        self.env = private_env(self.home, f"sqlite:///{self.db}")
        self.busiest, self.names, self.headers = _people(self.source)

    def fresh(self) -> None:
        for old in self.home.glob("bench.db*"):
            old.unlink()
        shutil.copyfile(self.source, self.db)
        shutil.rmtree(self.home / "data", ignore_errors=True)


def _bare_data(target: _Target, *how: str) -> float:
    """The floor app's data on screen: through SQLAlchemy, or ``--sqlite3``."""
    app = str(repo_root() / "bench" / "bare_data_app.py")
    with Session([python(), app, str(target.source), *how], target.env, SIZE) as s:
        data = s.wait_for("Data: ")
        s.stop()
    return data


def _bare_data_rss(target: _Target) -> float:
    app = str(repo_root() / "bench" / "bare_data_app.py")
    with Session([python(), app, str(target.source)], target.env, SIZE) as s:
        s.wait_for("Data: ")
        time.sleep(1.0)
        peak = s.peak_rss()
        s.stop()
    return peak


def _bare(env: dict[str, str]) -> float:
    with Session([python(), str(repo_root() / "bench" / "bare_app.py")], env, SIZE) as s:
        first = s.wait_for("Hello, world")
        s.stop()
    return first


def _meet(target: _Target) -> tuple[float, float]:
    target.fresh()
    with Session([*_tui1on1(), "meet", target.busiest], target.env, SIZE) as s:
        first = s.wait_for("Opening the meeting", "ON TRACK")
        data = s.wait_for("ON TRACK")
        s.stop()
    return first, data


def _home(target: _Target) -> tuple[float, float, float, float, float]:
    target.fresh()
    with Session(_tui1on1(), target.env, SIZE) as s:
        first = s.wait_for("Last 1:1")
        data = s.wait_for(*target.names)
        time.sleep(0.4)  # let start-up settle: this times the screen, not the start
        person = s.wait_after(s.send(b"\r"), *target.headers)
        s.send(b"\x1b")  # back home, which reads its rows again: let that finish
        time.sleep(1.5)
        mirror = s.wait_after(s.send(b"i"), "Promises kept on time")
        s.send(b"\x1b")
        time.sleep(1.5)
        team = s.wait_after(s.send(b"t"), "need something from you", "nothing pressing for")
        s.stop()
    return first, data, person, mirror, team


def _meeting_rss(target: _Target) -> float:
    target.fresh()
    with Session([*_tui1on1(), "meet", target.busiest], target.env, SIZE) as s:
        s.wait_for("ON TRACK")
        for n in range(10):
            s.wait_after(s.send(f"benchmark note number {n} about the roadmap\r".encode()),
                         f"number {n} about")  # fmt: skip
        s.send(b"\x07")  # ctrl+g: ask the prompt (the pause cue runs)
        time.sleep(1.0)
        peak = s.peak_rss()
        s.stop()
        return peak


def _bare_rss(env: dict[str, str]) -> float:
    with Session([python(), str(repo_root() / "bench" / "bare_app.py")], env, SIZE) as s:
        s.wait_for("Hello, world")
        time.sleep(1.0)
        peak = s.peak_rss()
        s.stop()
        return peak


def run(ctx: Context) -> list[Row]:
    small = _Target(ctx, ctx.sqlite_small, "small")
    large = _Target(ctx, ctx.sqlite_large, "large")
    bare_env = private_env(ctx.work / "home-bare", "sqlite:///unused.db")
    runs = max(5, ctx.repeats // 2) if not ctx.quick else 5
    got: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        got.setdefault(key, []).append(value)

    _bare(bare_env), _meet(small), _home(small)  # warm-up: caches, compiled modules
    ctx.log(f"start-up: {runs} rounds of bare app, meeting and home at two sizes")
    for _ in range(runs):  # interleaved, so load on the machine hits every subject alike
        add("bare", _bare(bare_env))
        add("bare-data", _bare_data(large))
        add("stdlib-data", _bare_data(large, "--sqlite3"))
        for target in (small, large):
            first, data = _meet(target)
            add(f"meet-first-{target.label}", first)
            add(f"meet-data-{target.label}", data)
            first, data, person, mirror, team = _home(target)
            add(f"home-first-{target.label}", first)
            add(f"home-data-{target.label}", data)
            add(f"person-{target.label}", person)
            add(f"mirror-{target.label}", mirror)
            add(f"team-{target.label}", team)
    ctx.log("peak RSS: three meetings with ten notes each, three bare apps")
    for _ in range(3):
        add("rss-bare", _bare_rss(bare_env))
        add("rss-bare-data", _bare_data_rss(large))
        add("rss-meeting", _meeting_rss(large))

    n_s, n_l = f"{ctx.small_notes:,}", f"{ctx.large_notes:,}"

    def s(key: str, label: str, unit: str = "ms") -> Samples:
        return Samples(label, tuple(got[key]), unit)

    bare = s("bare", "bare Textual app, first frame")
    bare_data = s("bare-data", "bare app + SQLAlchemy ORM + one row")
    stdlib_data = s("stdlib-data", "bare app + one row read with sqlite3")
    sec1, sec2, scale, sec6 = "1. first frame", "2. data on screen", "1–2. history growth", "6. RSS"
    rows = [
        at_most_ratio(sec1, s("meet-first-large", f"`meet`, {n_l} notes"), bare, "median", 1.5),
        at_most_ratio(sec1, s("meet-first-large", f"`meet`, {n_l} notes"), bare, "p99", 1.5),
        report_only(sec1, s("meet-first-small", f"`meet`, {n_s} notes"), bare),
        at_most_ratio(sec1, s("home-first-large", f"home, {n_l} notes"), bare, "median", 1.5),
        report_only(sec1, s("home-first-small", f"home, {n_s} notes"), bare),
        at_most_ratio(sec2, s("meet-data-large", f"`meet` data, {n_l} notes"), bare, "median", 2.3),
        at_most_ratio(sec2, s("home-data-large", f"home data, {n_l} notes"), bare, "median", 2),
        report_only(
            sec2,
            bare_data,
            bare,
            note="the stack's own floor: what importing "
            "SQLAlchemy and reading one row after the first frame costs any app",
        ),
        report_only(
            sec2,
            stdlib_data,
            bare,
            note="the standard library's floor: one row read with sqlite3, no SQLAlchemy",
        ),
        report_only(sec2, s("meet-data-large", f"`meet` data, {n_l} notes"), bare_data),
        report_only(sec2, s("home-data-large", f"home data, {n_l} notes"), bare_data),
        report_only(sec2, s("person-large", f"person screen after Enter, {n_l} notes")),
        # Not a growth figure: the 4-week window of the large history holds far
        # more meetings and promises than the small one's, not the same weeks.
        report_only(
            sec2,
            s("mirror-large", f"mirror (4 weeks) after i, {n_l} notes"),
            s("mirror-small", f"mirror (4 weeks) after i, {n_s} notes"),
        ),
        # Nor this: the same people, but the large history's weeks are denser.
        report_only(
            sec2,
            s("team-large", f"team view after t, {n_l} notes"),
            s("team-small", f"team view after t, {n_s} notes"),
        ),
    ]
    for key, what in (("meet-first", "`meet` first frame"), ("meet-data", "`meet` data"),
                      ("home-first", "home first frame"), ("home-data", "home data"),
                      ("person", "person screen after Enter")):  # fmt: skip
        rows.append(at_most_ratio(scale, s(f"{key}-large", f"{what}, {n_l} notes"),
                                  s(f"{key}-small", f"{n_s} notes"), "median", 1.15))  # fmt: skip
    rss = s("rss-meeting", f"meeting with 10 notes, {n_l} notes", "MiB")
    rss_bare_data = s("rss-bare-data", "bare app + SQLAlchemy ORM + one row", "MiB")
    rows += [
        at_most_ratio(sec6, rss, s("rss-bare", "bare Textual app", "MiB"), "max", 1.9),
        report_only(sec6, rss_bare_data, s("rss-bare", "bare Textual app", "MiB"), "max"),
        report_only(sec6, rss, rss_bare_data, "max"),
    ]
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(repo_root()))
