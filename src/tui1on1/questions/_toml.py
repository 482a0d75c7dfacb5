"""Shared plumbing for the question bank and playbook files: problems, parsing, line finding.

Only the standard library; this runs at app start.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui1on1.user_files import (
    MAX_TOML_BYTES,
    TooDeep,
    UnreadableFile,
    loads_toml,
    read_regular_file,
)

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a questions or playbooks file, for the user to fix.

    ``path`` is the file as given (or the shipped file's location); ``str()``
    shows only its name: ``"questions.toml line 12: question 'x' has no text"``.
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        name = Path(self.path).name or self.path
        where = f"{name} line {self.line}" if self.line is not None else name
        return f"{where}: {self.message}"


def read_user_file(path: Path) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a user's TOML file, or None and why not. A missing file
    is None with no problem; a pipe, a device or a file over the size cap is
    refused before it is read (see ``tui1on1.user_files``)."""
    try:
        return read_regular_file(path, max_bytes=MAX_TOML_BYTES), []
    except FileNotFoundError:
        return None, []
    except UnreadableFile as exc:
        return None, [Problem(str(path), None, f"cannot be read: it {exc}")]
    except OSError as exc:
        return None, [Problem(str(path), None, f"cannot be read: {exc.strerror or exc}")]


def read_text(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a file's bytes as UTF-8, or report why not."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "is not valid UTF-8 text; file skipped")]


def parse_toml(text: str, path: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse TOML text. A syntax error becomes a Problem with its line, and ``None``."""
    try:
        return loads_toml(text), []
    except TooDeep as exc:
        return None, [Problem(path, None, f"{exc}; file skipped")]
    except tomllib.TOMLDecodeError as exc:
        line, column, message = _decode_error_position(exc, text)
        where = f" (column {column})" if column is not None else ""
        detail = message[:1].lower() + message[1:] if message else "invalid TOML"
        return None, [Problem(path, line, f"TOML syntax error: {detail}{where}; file skipped")]


def _decode_error_position(
    exc: tomllib.TOMLDecodeError, text: str
) -> tuple[int | None, int | None, str]:
    # Python 3.14+ has lineno/colno/msg attributes; 3.11-3.13 only put
    # "(at line N, column M)" at the end of the message.
    line = getattr(exc, "lineno", None)
    column = getattr(exc, "colno", None)
    message = getattr(exc, "msg", None) or str(exc)
    match = _TOML_POSITION.search(message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        message = message[: match.start()]
    elif at_end := _TOML_AT_END.search(message):
        message = message[: at_end.start()]
        if line is None:
            line = text.count("\n") + 1
    return line, column, message.strip()


class Locator:
    """Finds the line of an array-of-tables entry (and its keys) in raw TOML text.

    Entry ``i`` is matched to the ``i``-th ``[[table]]`` header. If the
    headers can't be matched (inline tables, for instance) it falls back to
    searching for ``slug = "..."``.
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def headers(self, table: str, start: int = 0, stop: int | None = None) -> list[int]:
        """0-based line indexes of ``[[table]]`` headers between ``start`` and ``stop``."""
        pattern = re.compile(r"^\s*\[\[\s*" + re.escape(table) + r"\s*\]\]\s*(#.*)?$")
        stop = len(self.lines) if stop is None else stop
        return [i for i in range(start, stop) if pattern.match(self.lines[i])]

    def key_line(self, key: str, start: int = 0, stop: int | None = None) -> int | None:
        """1-based line of ``key = ...`` (or a ``[key]`` table) between two 0-based indexes."""
        quoted = re.escape(key)
        pattern = re.compile(
            rf"^\s*(?:(?:{quoted}|\"{quoted}\"|'{quoted}')\s*=|\[+\s*{quoted}\s*\]+)"
        )
        stop = len(self.lines) if stop is None else stop
        for i in range(start, stop):
            if pattern.match(self.lines[i]):
                return i + 1
        return None

    def slug_line(self, slug: str) -> int | None:
        """1-based line of ``slug = "<slug>"``, or None."""
        quoted = re.escape(slug)
        pattern = re.compile(rf"^\s*\"?slug\"?\s*=\s*[\"']{quoted}[\"']")
        for i, line in enumerate(self.lines):
            if pattern.search(line):
                return i + 1
        return None


class EntryLines:
    """Line lookup for the entries of one ``[[table]]`` array (optionally inside a range)."""

    def __init__(
        self, locator: Locator, table: str, count: int, start: int = 0, stop: int | None = None
    ) -> None:
        self.locator = locator
        stop = len(locator.lines) if stop is None else stop
        found = locator.headers(table, start, stop)
        self.spans: list[tuple[int, int]] | None = None
        if found and len(found) == count:
            self.spans = list(zip(found, [*found[1:], stop], strict=True))

    def span(self, index: int) -> tuple[int, int] | None:
        """0-based (header, end) line indexes of entry ``index``, or None."""
        return self.spans[index] if self.spans is not None else None

    def line(self, index: int, slug: object = None, key: str | None = None) -> int | None:
        """Best 1-based line for entry ``index``, or for ``key`` within it."""
        span = self.span(index)
        if span is not None:
            if key is not None:
                # A header of a nested table ends this entry's own keys.
                found = self.locator.key_line(key, span[0] + 1, span[1])
                if found is not None:
                    return found
            return span[0] + 1
        if isinstance(slug, str) and slug:
            return self.locator.slug_line(slug)
        return None


def unknown_key_message(what: str, key: str, allowed: tuple[str, ...]) -> str:
    """``"question 'x' has unknown key 'prob' (did you mean 'probes'?)"``."""
    import difflib  # only when there is a mistake to report

    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(allowed)})"
    return f"{what} has unknown key {key!r}{hint}"
