"""An unexpected error in the UI: save first, log privately, say one line.

Textual's default is to print a traceback with local variables when the app
exits, which could show note text on the screen. The app instead hands every
unsaved text to the writer, waits briefly for it, writes a crash record with no
messages and no locals (see ``tui1on1.logs``) and exits with code 1; the CLI
then prints :func:`crash_line`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui1on1.logs import log_crash

if TYPE_CHECKING:
    from tui1on1.ui.app import OneOnOneApp

FLUSH_SECONDS = 2.0


@dataclass(frozen=True)
class Crash:
    """What happened, without the error itself (its message may quote a note)."""

    error_type: str
    saved: bool  # everything unsaved was handed over and the writer caught up
    log: Path | None  # None: the log could not be written


def handle_crash(app: OneOnOneApp, error: BaseException) -> Crash:
    """Save everything, then log the crash. Never raises."""
    problems: list[str] = []
    saved = True
    try:
        app.save_everything()
    except Exception as exc:  # the broken screen may not save: keep going
        saved = False
        problems.append(f"saving the unsent text failed: {type(exc).__name__}")
    services = app.services
    if services is not None:
        try:
            if not services.writer.flush(FLUSH_SECONDS):
                saved = False
                problems.append(f"the writer did not catch up within {FLUSH_SECONDS:g} s")
        except Exception as exc:
            saved = False
            problems.append(f"waiting for the writer failed: {type(exc).__name__}")
    log: Path | None
    try:
        log = log_crash(error, notes="\n".join(problems))
    except Exception:
        log = None
    return Crash(error_type=type(error).__name__, saved=saved, log=log)


def crash_line(crash: Crash) -> str:
    """The one line the CLI prints after a crash."""
    saved = (
        "your notes are saved"
        if crash.saved
        else "saving your notes may not have finished (run it again to check)"
    )
    details = str(crash.log) if crash.log is not None else "the log file could not be written"
    return (
        f"tui1on1 stopped because of an unexpected error; {saved}. "
        f"Details (no note text): {details}"
    )
