"""Fixtures for the end-to-end tests (see tmux_terminal.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

import pytest
from tmux_terminal import Terminal, app_command, db_path

OFFER = "Keep your 1:1 notes encrypted?"


@pytest.fixture
def terminals() -> Iterator[Callable[..., Terminal]]:
    """Start the app in tmux: `start("meet", "Ada")`, or with a fake date:
    `start("meet", "Ada", prefix=on_day("@2026-12-07 10:00:00"))`;
    every server is killed after. On a first start (no database yet) the app
    asks once whether to encrypt: answered "not now" (Esc), as a manager
    trying it would, unless ``offer=False`` leaves the question to the test."""
    if shutil.which("pgrep") is None:
        pytest.skip("these tests need pgrep (procps) to find the app's process")
    started: list[Terminal] = []

    def start(*args: str, prefix: tuple[str, ...] = (), offer: bool = True) -> Terminal:
        journal = db_path().with_name(db_path().name + ".journal")
        first = (not args or args[0] == "meet") and "--db" not in args
        first = first and not db_path().exists() and not journal.exists()
        # Textual draws on stderr: never redirect it.
        terminal = Terminal()
        started.append(terminal)
        terminal.start(f"{app_command(*args, prefix=prefix)}; echo EXIT=$?; sleep 30")
        if first and offer:
            terminal.wait_for(OFFER)
            terminal.key("Escape")
        return terminal

    try:
        yield start
    finally:
        for terminal in started:
            terminal.kill()
