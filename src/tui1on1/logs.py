"""A private log file for crash records.

The log lives in ``user_state_dir("tui1on1")`` (``$XDG_STATE_HOME/tui1on1`` on
Linux): the folder is 0700 and the file 0600 whatever the umask.

A crash record holds the time, the version, the exception types and, per
frame, file:line in function. Never the exception's message (``str(exc)`` can
quote a note), never local variables, never source lines: nothing a user typed
can reach the log through it.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from platformdirs import user_state_dir

from tui1on1.privacy import FILE_MODE, ensure_private_dir

APP_NAME = "tui1on1"
LOG_FILENAME = "tui1on1.log"
MAX_LOG_BYTES = 1_000_000  # past this the log is moved to tui1on1.log.1
MAX_CHAINED = 5  # causes/contexts followed per crash


def log_dir() -> Path:
    return Path(user_state_dir(APP_NAME))


def log_path() -> Path:
    return log_dir() / LOG_FILENAME


def _frames(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame in traceback.extract_tb(tb):  # FrameSummary: no locals unless asked
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    return lines


def _chain(error: BaseException) -> list[BaseException]:
    """The error and what led to it (causes, contexts, a worker's error)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and len(chain) < MAX_CHAINED and current not in chain:
        chain.append(current)
        inner = getattr(current, "error", None)  # textual.worker.WorkerFailed
        if not isinstance(inner, BaseException):
            inner = current.__cause__ or current.__context__
        current = inner
    return chain


def format_crash(error: BaseException, *, now: datetime | None = None, notes: str = "") -> str:
    """The crash record for ``error``: types and file:line per frame only."""
    from tui1on1 import __version__

    when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    chain = _chain(error)
    lines = [f"=== {when} crash: {_type_name(error)} (tui1on1 {__version__})"]
    for index, exc in enumerate(reversed(chain)):  # innermost first, like Python
        if index:
            lines.append("which led to:")
        lines.append("Traceback (most recent call last; no messages, no variables):")
        lines.extend(_frames(exc.__traceback__))
        lines.append(_type_name(exc))
    if notes:
        lines.append(notes)
    return "\n".join(lines) + "\n"


def _type_name(exc: BaseException) -> str:
    cls = type(exc)
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


def append_private(path: Path, text: str) -> Path:
    """Append ``text`` to ``path``, created 0600 in a 0700 folder."""
    ensure_private_dir(path.parent)
    try:
        if path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
    except FileNotFoundError:
        pass
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, FILE_MODE)
    try:
        if (os.fstat(fd).st_mode & 0o777) != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
        os.write(fd, text.encode("utf-8", "replace"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def log_crash(error: BaseException, *, notes: str = "", path: Path | None = None) -> Path:
    """Append a crash record for ``error`` to the log; returns the log's path."""
    target = path or log_path()
    return append_private(target, format_crash(error, notes=notes))
