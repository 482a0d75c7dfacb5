"""Reading a file the user named or left in the config dir, without hanging or blowing up.

A config, question, theme or import file may be anything a path can name: a
named pipe no one writes to (``open`` waits forever), ``/dev/zero`` (reading it
fills the memory), a folder, or a TOML file nested thousands of levels deep
(the parser recurses until Python gives up). Everything here refuses such a
file with a sentence instead.

Only the standard library: this runs before the first frame.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any, BinaryIO

# A TOML file the app reads is a few KB; one over this isn't what the user meant.
MAX_TOML_BYTES = 1024 * 1024


class UnreadableFile(Exception):
    """The file can't be used; ``str()`` says why, without the path
    ("is a named pipe (FIFO), not a file")."""


class TooDeep(ValueError):
    """The TOML nests tables or arrays deeper than the parser can follow."""

    def __init__(self) -> None:
        super().__init__("nests tables or arrays too deeply to be read")


def read_regular_file(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed).

    ``stat`` decides before anything is opened: a pipe, a device, a socket or
    a folder raises UnreadableFile, as does a file over ``max_bytes``. The
    file is opened non-blocking and checked again, so one swapped in between
    can't hang the read either. FileNotFoundError and other OSErrors (a
    permission denied) are raised as they are.
    """
    _refuse_odd(os.stat(path))
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        _refuse_odd(info)
        if max_bytes is not None and info.st_size > max_bytes:
            raise UnreadableFile(f"is larger than {_size(max_bytes)}; not the file meant?")
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:  # it grew while read
                raise UnreadableFile(f"is larger than {_size(max_bytes)}; not the file meant?")
        return b"".join(chunks)
    finally:
        os.close(fd)


def open_regular_file(path: Path) -> BinaryIO:
    """The regular file at ``path`` open for reading (binary), refused as
    :func:`read_regular_file` refuses a pipe, a device or a folder; for a
    file too large to read whole."""
    _refuse_odd(os.stat(path))
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        _refuse_odd(os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def loads_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads``, with a nesting too deep to parse raised as TooDeep
    (a ValueError) instead of a RecursionError."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise TooDeep() from None


def _refuse_odd(info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise UnreadableFile("is a folder, not a file")
    if stat.S_ISFIFO(mode):
        raise UnreadableFile("is a named pipe (FIFO), not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise UnreadableFile("is a device, not a file")
    raise UnreadableFile("is not a regular file")


def _size(count: int) -> str:
    mib = 1024 * 1024
    return f"{count // mib} MiB" if count % mib == 0 else f"{count // 1024} KB"
