"""Fixtures for the end-to-end tests (see tmux_terminal.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

import pytest
from tmux_terminal import Terminal, app_command


@pytest.fixture
def terminals() -> Iterator[Callable[..., Terminal]]:
    """Start the app in tmux: `start("meet", "Ada")`, or with a fake date:
    `start("meet", "Ada", prefix=("faketime", "-f", "@2026-12-07 10:00:00"))`;
    every server is killed after."""
    if shutil.which("pgrep") is None:
        pytest.skip("these tests need pgrep (procps) to find the app's process")
    started: list[Terminal] = []

    def start(*args: str, prefix: tuple[str, ...] = ()) -> Terminal:
        # Textual draws on stderr: never redirect it.
        terminal = Terminal()
        started.append(terminal)
        terminal.start(f"{app_command(*args, prefix=prefix)}; echo EXIT=$?; sleep 30")
        return terminal

    try:
        yield start
    finally:
        for terminal in started:
            terminal.kill()
