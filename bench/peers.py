"""Published Textual apps beside tui1on1, in the same pty run (``--peers``).

Each peer is installed from the package index into its own throwaway venv
under ``bench/out/peers`` (pinned, once; never a dependency of the project)
and started on the same pseudo-terminal as the bare app and tui1on1, in
interleaved rounds, so load on the machine hits them all alike. Each one's
"data on screen" is its first screen of content, the counterpart of
tui1on1's names on home and "ON TRACK" in a meeting:

* toolong (``tl FILE``): the log file's last line;
* frogmouth (``frogmouth FILE.md``): the Markdown document's first paragraph
  (its word "markdown", shown without the emphasis marks);
* elia (``elia``): its welcome text, shown once its chat history is read;
* harlequin (``harlequin``, in-memory DuckDB): the data catalog's "memory db".

Peers that can't be installed here are said and skipped; the rest still run.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.common import Context, Row, Samples, private_env, repo_root, report_only
from bench.pty_run import Session
from bench.startup import SIZE, _bare, _bare_data, _home, _meet, _Target


@dataclass(frozen=True)
class Peer:
    name: str
    requirement: str  # pinned: figures comparable from run to run
    command: str
    args: tuple[str, ...]
    data: str  # the text that says its content is on screen


def _peers(files: Path) -> tuple[Peer, ...]:
    return (
        Peer("toolong", "toolong==1.5.0", "tl", (str(files / "app.log"),), "id=2000"),
        Peer("frogmouth", "frogmouth==0.9.2", "frogmouth", (str(files / "notes.md"),), "markdown"),
        Peer("elia", "elia-chat==1.10.0", "elia", (), "Welcome to Elia"),
        Peer("harlequin", "harlequin==2.17.0", "harlequin", (), "memory db"),
    )


def _files(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = (f"2026-12-03 10:00:00 INFO request served id={i}\n" for i in range(1, 2001))
    (folder / "app.log").write_text("".join(lines))
    (folder / "notes.md").write_text(
        "# Peer notes\n\nSome markdown text for the viewer.\n\n## Second heading\n\nMore.\n"
    )
    return folder


def _installed(peer: Peer, venvs: Path, log) -> Path | None:
    """The peer's command in its own venv, installed once; None if it can't be."""
    venv = venvs / peer.name
    command = venv / "bin" / peer.command
    stamp = venv / "installed.txt"
    if command.exists() and stamp.exists() and stamp.read_text() == peer.requirement:
        return command
    log(f"peers: installing {peer.requirement} into {venv}")
    steps = (
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", peer.requirement],
    )
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode:
            log(f"peers: {peer.name} skipped: {done.stderr.strip().splitlines()[-1:]}")
            return None
    stamp.write_text(peer.requirement)
    return command


def _peer_data(peer: Peer, command: Path, env: dict[str, str]) -> float:
    with Session([str(command), *peer.args], env, SIZE) as s:
        data = s.wait_for(peer.data)
        s.stop()
    return data


def run(ctx: Context) -> list[Row]:
    out = repo_root() / "bench" / "out"
    files = _files(ctx.work / "peer-files")
    env = private_env(ctx.work / "home-peers", "sqlite:///unused.db")
    peers = [(p, c) for p in _peers(files) if (c := _installed(p, out / "peers", ctx.log))]
    large = _Target(ctx, ctx.sqlite_large, "large")
    bare_env = private_env(ctx.work / "home-bare", "sqlite:///unused.db")
    got: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        got.setdefault(key, []).append(value)

    runs = 5 if ctx.quick else 10
    for peer, command in peers:  # warm-up: each one's bytecode and caches
        _peer_data(peer, command, env)
    _bare(bare_env), _meet(large), _home(large), _bare_data(large, "--sqlite3")
    ctx.log(f"peers: {runs} rounds of the bare app, tui1on1 and {len(peers)} peers")
    for _ in range(runs):
        add("bare", _bare(bare_env))
        add("stdlib", _bare_data(large, "--sqlite3"))
        add("meet", _meet(large)[1])
        add("home", _home(large)[1])
        for peer, command in peers:
            add(peer.name, _peer_data(peer, command, env))
    bare = Samples("bare Textual app, first frame", tuple(got["bare"]))
    section, n = "10. peers, data on screen", f"{ctx.large_notes:,} notes"
    rows = [
        report_only(
            section,
            Samples("bare app + one row read with sqlite3", tuple(got["stdlib"])),
            bare,
            note="the standard library's floor: no SQLAlchemy",
        ),
        report_only(section, Samples(f"tui1on1 `meet`, {n}", tuple(got["meet"])), bare),
        report_only(section, Samples(f"tui1on1 home, {n}", tuple(got["home"])), bare),
    ]
    for peer, _command in peers:
        label = f"{peer.name} ({peer.requirement.split('==')[1]})"
        rows.append(report_only(section, Samples(label, tuple(got[peer.name])), bare))
    return rows
